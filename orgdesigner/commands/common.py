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


REPOSITORY_SCHEMES = ("postgresql://", "postgres://")


class RepositoryArgument(str):
    """A `URL#NAME` argument: the design NAME in a team repository.

    Prints without the URL's password; `.name` is the design's name, so
    commands that name their input file work unchanged.
    """

    suffix = ""

    @property
    def name(self) -> str:
        return self.partition("#")[2]

    def __str__(self) -> str:
        from ..repository.connection import display_url

        return f"{display_url(self.partition('#')[0])}#{self.name}"

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


def design_source(text: str) -> Path | RepositoryArgument:
    """argparse type for a design: a file path, or `postgresql://...#NAME`."""
    if text.lower().startswith(REPOSITORY_SCHEMES):
        return RepositoryArgument(text)
    return Path(text)
