"""Helpers shared by the CLI commands."""

from __future__ import annotations

from pathlib import Path

from ..errors import FileProblem


def check_output(path: Path, force: bool) -> None:
    """Refuse to overwrite an existing file unless --force was given."""
    if path.exists() and not force:
        raise FileProblem(path, "already exists (use --force to replace it)")
    if path.is_dir():
        raise FileProblem(path, "is a folder")
