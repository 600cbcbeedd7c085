"""`schema`: print the JSON Schema of the JSON text form."""

from __future__ import annotations

import json


def register(sub) -> None:
    p = sub.add_parser(
        "schema",
        help="print the JSON Schema of the JSON design format",
        description="Print the JSON Schema of the JSON text form of a design.",
    )
    p.set_defaults(run=run)


def run(args) -> int:
    from ..jsonform import json_schema

    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
    return 0
