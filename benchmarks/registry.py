"""The table of benchmark cases, apart from the cases themselves.

`cases.py` (core) and `gui_cases.py` (Qt) both register here, so neither
imports the other's module to find `case` (no import circle).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

Case = Callable[[Path], tuple[Callable[[], Any], Callable[[Any], Any]]]
CASES: dict[str, Case] = {}


class Unavailable(Exception):
    """The feature a case measures is not in this build."""


def case(name: str) -> Callable[[Case], Case]:
    def register(func: Case) -> Case:
        CASES[name] = func
        return func

    return register
