"""`info FILE.db`: what a design file holds (never writes, never locks)."""

from __future__ import annotations

from pathlib import Path

from ..formats import read_design
from .common import design_source


def register(sub) -> None:
    p = sub.add_parser("info", help="show what a design file holds",
                       description="Print name, counts, format version and last save of a design.")
    p.add_argument("file", type=design_source, metavar="FILE.db|URL#NAME")
    p.set_defaults(run=run)


def run(args) -> int:
    design = read_design(args.file)
    counts = design.counts()
    stamp = design.stamp
    lines = [
        f"file:             {args.file}",
        f"name:             {design.name}",
        f"language:         {design.language}",
        f"departments:      {counts['departments']}",
        f"links:            {counts['links']}",
        f"functions:        {counts['functions']}",
        f"responsibilities: {counts['responsibilities']}",
        f"KPIs:             {counts['kpis']}",
    ]
    if stamp.format_version:
        lines.append(f"format version:   {stamp.format_version}")
        saved = f"{stamp.saved_at or 'unknown'} by {stamp.saved_by or 'unknown'}"
        lines.append(f"last saved:       {saved} (save {stamp.save_generation})")
    from ..document import describe_lock

    editing = describe_lock(args.file) if isinstance(args.file, Path) else ""
    if editing:
        lines.append(f"open for editing: {editing}")
    print("\n".join(lines))
    return 0
