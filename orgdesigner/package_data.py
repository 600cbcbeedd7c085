"""Where the shipped data lives, and reading it.

The data (function catalogue, templates, translations) is the top-level
`resources/` folder of the project. `pyproject.toml` maps that folder to the
package `orgdesigner.resources`, so a wheel, an editable install and the
PyInstaller app all carry it there and `importlib.resources` finds it. In a
plain checkout (`python main.py`, tests) the folder beside the packages is
used first, so a worktree never reads another checkout's data through an
editable install that points elsewhere.
"""

from __future__ import annotations

import importlib.resources
from pathlib import Path

from .errors import FileProblem

PACKAGE = "orgdesigner.resources"
_CHECKOUT = Path(__file__).resolve().parent.parent / "resources"


def _locate() -> Path:
    if (_CHECKOUT / "catalogue.json").is_file():
        return _CHECKOUT
    # Installed (wheel, editable, frozen): always a folder on disk; readers open files by path.
    return Path(str(importlib.resources.files(PACKAGE)))


RESOURCES = _locate()


def read_resource_text(path: Path) -> str:
    """The UTF-8 text of a shipped file; FileProblem (one line) if the OS refuses it."""
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise FileProblem.unreadable(path, exc) from None
