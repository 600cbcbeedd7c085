"""`new -o FILE.db [--name NAME] [--lang zh|en] [--template ID]`: create a design file.

Without a template the design has no departments but starts with the default
function catalogue (DESIGN.md: "a design starts with these"), so `validate`
at once shows which functions still need an owner.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .common import add_lang_option, check_output

if TYPE_CHECKING:  # the model loads on use, not at CLI start
    from ..design import Design


def register(sub) -> None:
    p = sub.add_parser(
        "new",
        help="create a new design file",
        description="Create a new design file: no departments and the default function "
        "catalogue, or a starter template (list them with `templates`).",
    )
    p.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.db")
    p.add_argument(
        "--name",
        default=None,
        help="the design's name (default: the template's title or the file name)",
    )
    add_lang_option(p, "language of the design", default="zh")
    p.add_argument(
        "--template",
        default=None,
        metavar="ID",
        help="start from an organisation template (see `templates`)",
    )
    p.add_argument(
        "--then",
        action="append",
        default=[],
        metavar="ID[=NAME]",
        help="add another template as a further scenario mapped onto the first "
        "(e.g. --template startup --then mid_large: 现状 and 目标), so `compare` "
        "shows how ownership moves as the company grows",
    )
    p.add_argument(
        "--no-catalogue",
        action="store_true",
        help="start without the default function catalogue (no functions at all)",
    )
    p.add_argument("--force", action="store_true", help="replace an existing file")
    p.set_defaults(run=run)


def run(args) -> int:
    from ..catalogue import new_design_with_catalogue
    from ..design import Design
    from ..formats import write_design

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
    if args.then:
        if args.template is None:
            from ..errors import OrgDesignerError

            raise OrgDesignerError("--then needs --template (the first scenario)")
        if args.output.suffix.lower() != ".db":
            from ..errors import OrgDesignerError

            raise OrgDesignerError(f"{args.output.name}: scenarios need a .db design file")
        design = _growth_path(design, args.then, args.lang)
        if args.name is None:
            from ..templates import template_info

            titles = [
                template_info(t.partition("=")[0]).title(args.lang)
                for t in [args.template, *args.then]
            ]
            design.active.update_info(name=" → ".join(titles))
    write_design(design, args.output)
    print(f"已创建 {args.output}" if design.language == "zh" else f"created {args.output}")
    return 0


def _growth_path(first: Design, then: list[str], language: str):
    """The first template as 现状, each further one as a scenario mapped onto the one before."""
    from ..scenarios import TARGET_NAMES, ScenarioSet, map_onto
    from ..templates import load_template

    scenarios = ScenarioSet.single(first)
    previous = first
    for number, item in enumerate(then, start=1):
        template_id, _, name = item.partition("=")
        default = TARGET_NAMES[language] + ("" if number == 1 else f" {number}")
        mapped = map_onto(previous, load_template(template_id, language))
        scenarios.add(mapped, name or default)
        previous = mapped
    return scenarios
