"""Where the shipped data lives (`resources/` beside the packages), and reading it.

One locator for the catalogue, the templates and the UI's translations, so a
packaged build that moves the folder has one line to change.
"""

from __future__ import annotations

from pathlib import Path

from .errors import FileProblem

RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def read_resource_text(path: Path) -> str:
    """The UTF-8 text of a shipped file; FileProblem (one line) if the OS refuses it."""
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise FileProblem.unreadable(path, exc) from None
