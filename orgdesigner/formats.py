"""Which reader or writer handles a file, chosen by its suffix.

Later formats (CSV, Excel, PDF, SVG, PNG) register here, so the CLI's
`import` and `export` commands and the editor's menus need no change.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from .design import Design
from .errors import FileProblem

Reader = Callable[..., Design]
Writer = Callable[..., None]

READERS: dict[str, Reader] = {}
WRITERS: dict[str, Writer] = {}


def register_reader(suffix: str, reader: Reader) -> None:
    READERS[suffix.lower()] = reader


def register_writer(suffix: str, writer: Writer) -> None:
    WRITERS[suffix.lower()] = writer


def _builtin() -> None:
    from . import jsonform, storage

    register_reader(".db", lambda path, **_: storage.load(path))
    register_reader(".json", lambda path, **_: jsonform.read(path))
    register_writer(".json", lambda design, path, **_: jsonform.write(design, path))
    register_writer(".db", lambda design, path, **_: storage.save(design, path))
    for suffix in (".pdf", ".svg", ".png", ".pptx"):
        register_writer(suffix, _chart_writer)


def _chart_writer(design: Design, path: Path, *, options: Any = None, **_: Any) -> Any:
    """PDF proposal, SVG or PNG chart, PowerPoint deck (imported on use: they load slowly)."""
    from .render.writers import write_chart

    return write_chart(design, Path(path), options)


_builtin()


def _spreadsheets() -> None:
    """CSV/TSV/xlsx: read through the importer (repairs dirty rows), written by csvexport."""
    for suffix in (".csv", ".tsv", ".xlsx"):
        register_reader(suffix, _read_table)
    register_writer(".csv", lambda design, path, **_: _csv().write_csv(design, path))
    register_writer(".xlsx", lambda design, path, **_: _csv().write_xlsx(design, path))


def _read_table(path: Path, mapping: dict[str, str] | None = None, **options: Any) -> Design:
    """A spreadsheet as a design (the report is dropped: importing.import_table returns it)."""
    from .importing import ImportOptions, import_table

    return import_table(path, mapping, ImportOptions(**options))[0]


def _csv():
    from . import csvexport

    return csvexport


_spreadsheets()


def read_design(path: str | Path, **options: Any) -> Design:
    if isinstance(path, str) and path.lower().startswith(("postgresql://", "postgres://")):
        from .repository import parse_ref, pull  # `URL#NAME`: a design in a team repository

        return pull(parse_ref(path))
    path = Path(path)
    if not path.exists():
        raise FileProblem(path, "no such file")
    if path.is_dir():
        raise FileProblem(path, "is a folder, not a design file")
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        known = ", ".join(sorted(READERS))
        raise FileProblem(path, f"cannot be read: unknown file type (known: {known})")
    return reader(path, **options)


def write_design(design: Design, path: str | Path, **options: Any) -> Any:
    path = Path(path)
    writer = WRITERS.get(path.suffix.lower())
    if writer is None:
        known = ", ".join(sorted(WRITERS))
        raise FileProblem(path, f"cannot be written: unknown file type (known: {known})")
    if not path.parent.exists():
        raise FileProblem(path, f"cannot be written: folder {path.parent} does not exist")
    return writer(design, path, **options)
