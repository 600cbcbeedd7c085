"""`compare BASE TARGET [--json] [--lang zh|en]`: what a proposal changes.

BASE and TARGET are design files, scenarios (`FILE.db#现状`) or `.json`
files. Reads only; exit 0 whatever the differences.
"""

from __future__ import annotations

import json
from pathlib import Path

from .common import add_lang_option


def register(sub) -> None:
    p = sub.add_parser(
        "compare",
        help="list what changes from one design or scenario to another",
        description="Compare two designs (FILE.db#SCENARIO, FILE.db or .json): "
        "departments added, removed, renamed, moved, merged; links; "
        "function owners and RACI roles; totals; validator findings "
        "resolved and introduced.",
    )
    p.add_argument("base", type=Path, metavar="BASE")
    p.add_argument("target", type=Path, metavar="TARGET")
    p.add_argument(
        "--json",
        action="store_true",
        help='print {"base", "target", "changes": [...], "totals", "findings"}',
    )
    add_lang_option(p, "language of headings and finding messages (default: the target's)")
    p.set_defaults(run=run)


def run(args) -> int:
    from ..compare import compare
    from ..compare_text import text_report
    from ..formats import read_design

    base = read_design(args.base)
    target = read_design(args.target)
    language = args.lang or ("en" if target.language == "en" else "zh")
    result = compare(base, target, language=language)
    if args.json:
        print(
            json.dumps(
                result.to_json(str(args.base), str(args.target)), ensure_ascii=False, indent=2
            )
        )
    else:
        print(text_report(result, str(args.base), str(args.target), language))
    return 0
