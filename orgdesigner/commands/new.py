"""`new -o FILE.db [--name NAME] [--lang zh|en] [--template ID]`: create a design file.

Without a template the design has no departments but starts with the default
function catalogue (DESIGN.md: "a design starts with these"), so `validate`
at once shows which functions still need an owner.
"""

from __future__ import annotations

from pathlib import Path

from ..catalogue import new_design_with_catalogue
from ..design import Design
from ..formats import write_design
from .common import check_output


def register(sub) -> None:
    p = sub.add_parser("new", help="create a new design file",
                       description="Create a new design file: no departments and the default function "
                                   "catalogue, or a starter template (list them with `templates`).")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.db")
    p.add_argument("--name", default=None,
                   help="the design's name (default: the template's title or the file name)")
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of the design")
    p.add_argument("--template", default=None, metavar="ID",
                   help="start from an organisation template (see `templates`)")
    p.add_argument("--no-catalogue", action="store_true",
                   help="start without the default function catalogue (no functions at all)")
    p.add_argument("--force", action="store_true", help="replace an existing file")
    p.set_defaults(run=run)


def run(args) -> int:
    check_output(args.output, args.force)
    if args.template is not None:
        from ..templates import load_template

        design = load_template(args.template, args.lang)
        if args.name is not None:
            design.update_info(name=args.name)
    else:
        name = args.name if args.name is not None else args.output.stem
        if args.no_catalogue:
            design = Design(name, language=args.lang)
        else:
            design = new_design_with_catalogue(name, args.lang)
    write_design(design, args.output)
    print(f"已创建 {args.output}" if design.language == "zh" else f"created {args.output}")
    return 0
