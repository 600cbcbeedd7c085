"""Helpers shared by the CLI commands."""

from __future__ import annotations

import sys
from pathlib import Path

from ..errors import FileProblem


def add_lang_option(parser, help: str, default: str | None = None, **kwargs: str) -> None:
    """`--lang zh|en`: the language a command writes in (`help` says of what)."""
    parser.add_argument("--lang", choices=("zh", "en"), default=default, help=help, **kwargs)


def check_output(path: Path, force: bool) -> None:
    """Refuse to overwrite an existing file unless --force was given."""
    if path.exists() and not force:
        raise FileProblem(path, "already exists (use --force to replace it)")
    if path.is_dir():
        raise FileProblem(path, "is a folder")


def note_if_busy(path: Path, language: str = "en") -> None:
    """One line on stderr when another program is writing the design file right now."""
    from ..safesave import busy_marker

    if path.suffix.lower() != ".db":
        return
    marker = busy_marker(path)
    if marker is not None and language == "zh":
        print(
            f"注意：{safe_text(path.name)}：另一个程序正在写入它（旁边有 "
            f"{safe_text(marker.name)}）；显示的是它最后一次提交的内容",
            file=sys.stderr,
        )
    elif marker is not None:
        print(
            f"note: {safe_text(path.name)}: another program is writing to it right now "
            f"({safe_text(marker.name)} is beside it); showing its last committed content",
            file=sys.stderr,
        )


def safe_text(text: object, keep: str = "") -> str:
    """File content made harmless for a terminal: every non-printable character escaped.

    Names and notes come from files anyone can write; a newline would forge
    output lines and an ANSI escape could rewrite the screen. Characters in
    `keep` (e.g. "\n" for whole output blocks) pass through.
    """
    text = str(text)
    if text.isprintable():
        return text
    if _printable_but(text, keep):  # (in C: `validate --json` of 100,000 departments is 17 MB)
        return text
    return "".join(_escaped_line(line, keep) for line in text.splitlines(keepends=True))


def _printable_but(text: str, keep: str) -> bool:
    """True when every character of `text` is printable or in `keep`."""
    for char in keep:
        text = text.replace(char, "")
    return text.isprintable()


def _escaped_line(line: str, keep: str) -> str:
    if _printable_but(line, keep):
        return line
    return "".join(char if char.isprintable() or char in keep else _escaped(char) for char in line)


def _escaped(char: str) -> str:
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def display_width(text: str) -> int:
    """Columns on a terminal: a Chinese character takes two (for aligned Chinese output)."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


class SafeStream:
    """A text stream that escapes control characters (line breaks and tabs pass)."""

    def __init__(self, stream):
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(safe_text(text, keep="\n\t"))

    def __getattr__(self, name):
        return getattr(self._stream, name)


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
