"""`new -o FILE.db [--name NAME]`: create an empty design file."""

from __future__ import annotations

from pathlib import Path

from ..design import Design
from ..formats import write_design
from .common import check_output


def register(sub) -> None:
    p = sub.add_parser("new", help="create a new design file",
                       description="Create a new, empty design file.")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.db")
    p.add_argument("--name", default=None, help="the design's name (default: the file name)")
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of the design")
    p.add_argument("--force", action="store_true", help="replace an existing file")
    p.set_defaults(run=run)


def run(args) -> int:
    check_output(args.output, args.force)
    design = Design(args.name if args.name is not None else args.output.stem, language=args.lang)
    write_design(design, args.output)
    print(f"created {args.output}")
    return 0
