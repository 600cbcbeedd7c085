"""`import SRC -o OUT.db` and `export FILE.db -o OUT`: convert by file suffix."""

from __future__ import annotations

from pathlib import Path

from ..formats import READERS, WRITERS, read_design, write_design
from .common import check_output


def register(sub) -> None:
    p = sub.add_parser("import", help="import a file into a new design file",
                       description="Read a design from another format into a new .db file. "
                                   f"Readable types: {', '.join(sorted(READERS))}.")
    p.add_argument("source", type=Path, metavar="FILE")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="OUT.db")
    p.add_argument("--force", action="store_true", help="replace an existing output file")
    p.set_defaults(run=run_import)

    p = sub.add_parser("export", help="export a design to another format",
                       description="Write a design in the format its suffix names. "
                                   f"Writable types: {', '.join(sorted(WRITERS))}.")
    p.add_argument("file", type=Path, metavar="FILE.db")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="OUT")
    p.add_argument("--force", action="store_true", help="replace an existing output file")
    p.set_defaults(run=run_export)


def run_import(args) -> int:
    check_output(args.output, args.force)
    design = read_design(args.source)
    write_design(design, args.output)
    print(f"imported {args.source} -> {args.output} ({len(design.departments)} departments)")
    return 0


def run_export(args) -> int:
    check_output(args.output, args.force)
    design = read_design(args.file)
    write_design(design, args.output)
    print(f"exported {args.file} -> {args.output}")
    return 0
