"""`scenarios FILE.db [--json]`: list the scenarios; `--copy/--rename/--delete` change them.

Listing only reads the file; changes lock it, save through the verified save
and release it, like the editor.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import OrgDesignerError
from .common import add_lang_option, display_width as _width


def register(sub) -> None:
    p = sub.add_parser(
        "scenarios",
        help="list, copy, rename or delete the scenarios of a design file",
        description="List the scenarios of a design file (name, departments, "
        "headcount, last change), or change them.",
    )
    p.add_argument("file", type=Path, metavar="FILE.db")
    p.add_argument(
        "--json",
        action="store_true",
        help='print {"scenarios": [{"name", "departments", "headcount", "modified"}]}',
    )
    p.add_argument(
        "--copy", metavar="NAME", help="copy scenario NAME (give the new name with --as)"
    )
    p.add_argument("--as", dest="as_name", metavar="NEW", help="the name of the copy")
    p.add_argument("--rename", metavar="OLD", help="rename scenario OLD (new name with --to)")
    p.add_argument("--to", metavar="NEW", help="the new name")
    p.add_argument("--delete", metavar="NAME", help="delete scenario NAME (not the last one)")
    add_lang_option(p, "language of the listing and messages (default: the design's)")
    p.set_defaults(run=run)


def _language(args) -> str:
    """--lang, else the design's own language (read after a change: the file is ours again)."""
    if args.lang:
        return args.lang
    from .. import storage

    return "en" if storage.load(args.file).language == "en" else "zh"


def run(args) -> int:
    from .. import scenarios_io, storage

    actions = [a for a in ("copy", "rename", "delete") if getattr(args, a) is not None]
    if len(actions) > 1:
        raise OrgDesignerError("use one of --copy, --rename, --delete at a time")
    for name, partner, flag, change, done in (
        (
            args.copy,
            args.as_name,
            "--copy NAME needs --as NEW",
            scenarios_io.copy_scenario,
            ("已将方案“{0}”复制为“{1}”（{2}）", 'copied scenario "{0}" to "{1}" in {2}'),
        ),
        (
            args.rename,
            args.to,
            "--rename OLD needs --to NEW",
            scenarios_io.rename_scenario,
            ("已将方案“{0}”改名为“{1}”（{2}）", 'renamed scenario "{0}" to "{1}" in {2}'),
        ),
    ):
        if name is not None:
            if not partner:
                raise OrgDesignerError(flag)
            change(args.file, name, partner)
            text = done[0] if _language(args) == "zh" else done[1]
            print(text.format(name, partner, args.file))
            return 0
    if args.delete is not None:
        scenarios_io.delete_scenario(args.file, args.delete)
        if _language(args) == "zh":
            print(f"已从 {args.file} 删除方案“{args.delete}”")
        else:
            print(f'deleted scenario "{args.delete}" from {args.file}')
        return 0
    if args.as_name or args.to:
        raise OrgDesignerError("--as goes with --copy, --to with --rename")
    scenarios = storage.load_scenarios(args.file)
    rows = [
        {
            "name": d.scenario.name,
            "departments": len(d.departments),
            "headcount": _plain(sum(x.headcount for x in d.departments.values())),
            "modified": d.scenario.modified,
        }
        for d in scenarios
    ]
    if args.json:
        print(json.dumps({"scenarios": rows}, ensure_ascii=False, indent=2))
        return 0
    from ..display import format_number

    zh = (args.lang or ("en" if scenarios.active.language == "en" else "zh")) == "zh"
    width = max(_width(r["name"]) for r in rows)
    for r in rows:
        name = r["name"] + " " * (width - _width(r["name"]))
        people = format_number(r["headcount"])
        if zh:
            print(f"{name}  {r['departments']:>6} 个部门  {people:>8} 人  修改于 {r['modified']}")
        else:
            print(
                f"{name}  {r['departments']:>6} departments  "
                f"{people:>8} people  changed {r['modified']}"
            )
    return 0


def _plain(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value
