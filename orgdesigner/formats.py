"""Which reader or writer handles a file, chosen by its suffix.

Later formats (CSV, Excel, PDF, SVG, PNG) register here, so the CLI's
`import` and `export` commands and the editor's menus need no change.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from .errors import FileProblem
from .scenarios import split_target

if TYPE_CHECKING:  # the model loads on first read or write, not at CLI start
    from .design import Design

Reader = Callable[..., "Design"]
Writer = Callable[..., None]

READERS: dict[str, Reader] = {}
WRITERS: dict[str, Writer] = {}


def register_reader(suffix: str, reader: Reader) -> None:
    READERS[suffix.lower()] = reader


def register_writer(suffix: str, writer: Writer) -> None:
    WRITERS[suffix.lower()] = writer


def _builtin() -> None:
    """The .db and .json forms, imported on use: SQLAlchemy and pydantic take most of a
    CLI start, and `--help`, `templates` or `new` never need them."""
    register_reader(".db", lambda path, **_: _storage().load(path))
    register_reader(".json", lambda path, **_: _jsonform().read(path))
    register_writer(".json", lambda design, path, **_: _jsonform().write(design, path))

    def write_db(design: Any, path: Any, **_: Any) -> None:
        _storage().save(design, path)

    register_writer(".db", write_db)
    for suffix in (".pdf", ".svg", ".png", ".pptx"):
        register_writer(suffix, _chart_writer)


def _storage():
    from . import storage

    return storage


def _jsonform():
    from . import jsonform

    return jsonform


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
    """Read a design file; `FILE.db#SCENARIO` reads one scenario of a design file,
    `postgresql://...#NAME` a design of a team repository."""
    if isinstance(path, str) and path.lower().startswith(("postgresql://", "postgres://")):
        from .repository import parse_ref, pull  # `URL#NAME`: a design in a team repository

        return pull(parse_ref(path))
    file, scenario = split_target(str(path))
    if scenario is not None and not Path(path).exists():
        from . import storage

        if not Path(file).exists():
            raise FileProblem(Path(file), "no such file", zh="文件不存在")
        return storage.load(file, scenario)
    path = Path(path)
    if not path.exists():
        raise FileProblem(path, "no such file", zh="文件不存在")
    if path.is_dir():
        raise FileProblem(path, "is a folder, not a design file", zh="是文件夹，不是设计文件")
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        known = ", ".join(sorted(READERS))
        raise FileProblem(
            path,
            f"cannot be read: unknown file type (known: {known})",
            zh=f"无法读取：未知的文件类型（可读取：{known}）",
        )
    return reader(path, **options)


def write_design(design: Design, path: str | Path, **options: Any) -> Any:
    path = Path(path)
    writer = WRITERS.get(path.suffix.lower())
    if writer is None:
        known = ", ".join(sorted(WRITERS))
        raise FileProblem(
            path,
            f"cannot be written: unknown file type (known: {known})",
            zh=f"无法写入：未知的文件类型（可写入：{known}）",
        )
    if not path.parent.exists():
        raise FileProblem(
            path,
            f"cannot be written: folder {path.parent} does not exist",
            zh=f"无法写入：文件夹 {path.parent} 不存在",
        )
    return writer(design, path, **options)
