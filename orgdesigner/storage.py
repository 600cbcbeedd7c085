"""Reading and writing `.db` design files: rows <-> plain records <-> model.

`load(path)` never writes to the file and never opens it with SQLite: it is
copied privately and checked as untrusted input (`orgdesigner.untrusted`);
older formats are migrated on that copy. `save(design, path)` writes a
complete new file next to the target, verifies it and atomically replaces it.
The shared-folder workflow (lock, conflict check, working copy, recovery) is
`orgdesigner.document.DesignDocument`, built on these.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import socket
import sqlite3
import tempfile
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from sqlalchemy import Engine, create_engine, event, insert, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import StaticPool

from . import __version__, schema, untrusted
from .design import LANGUAGES, Design, FileStamp, build_design, now_iso
from .entities import Department, Function, Kpi, Link, check_text
from .errors import FileProblem, InvalidValueError, ModelError, NewerFormatError
from .lockfile import user_display_name  # "saved by" is the name the lock shows

SQLITE_MAGIC = untrusted.SQLITE_MAGIC
MAX_FILE_BYTES = untrusted.MAX_FILE_BYTES


# --------------------------------------------------------------------- header
def read_header(path: str | Path) -> tuple[int, int]:
    """Check that `path` is one of our design files; return (application_id, format).

    Reads the first 100 bytes only, so nothing of SQLite runs on a foreign file.
    """
    return schema.APPLICATION_ID, untrusted.check_header(path)


# -------------------------------------------------------------------- engines
def _connect(path: Path, readonly: bool) -> sqlite3.Connection:
    uri = path.resolve().as_uri() + ("?mode=ro" if readonly else "?mode=rwc")
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA trusted_schema=OFF")
    return conn


@contextmanager
def open_engine(path: str | Path, *, readonly: bool) -> Iterator[Engine]:
    path = Path(path)
    engine = create_engine("sqlite://", creator=lambda: _connect(path, readonly),
                           poolclass=None)

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn, _record) -> None:  # pragma: no cover - trivial
        dbapi_conn.execute("PRAGMA foreign_keys=ON")

    # The driver runs in autocommit mode (isolation_level=None); without an
    # explicit BEGIN every INSERT would be its own transaction (and fsync).
    @event.listens_for(engine, "begin")
    def _begin(conn) -> None:  # pragma: no cover - trivial
        conn.exec_driver_sql("BEGIN")

    try:
        yield engine
    finally:
        engine.dispose()


# ---------------------------------------------------------------------- write
def department_values(d: Department) -> tuple:
    """A department's row values in the table's column order (sort_order left out)."""
    return (d.id, d.code, d.name, d.kind.value, d.parent, d.leader, d.headcount, d.budget,
            d.color, d.x, d.y, d.notes, d.chair, d.cadence, int(d.vacant))


def link_values(l: Link) -> tuple:  # noqa: E741
    return (l.id, l.source, l.target, l.kind.value, l.label, int(l.directed))


def function_values(f: Function) -> tuple:
    return (f.id, f.key, f.name, f.category, int(f.required), f.description, f.post)


def kpi_values(k: Kpi) -> tuple:
    return (k.id, k.key, k.name, k.unit, k.owner, k.description)


def kpi_link_values(k: Kpi) -> dict[str, list[tuple]]:
    """The rows tying a KPI to functions and departments, (kpi id, other id, position)."""
    return {"kpi_functions": [(k.id, f, i) for i, f in enumerate(k.functions)],
            "kpi_departments": [(k.id, d, i) for i, d in enumerate(k.shared)]}


def _columns(table: str) -> tuple[str, ...]:
    return tuple(c.name for c in schema.metadata.tables[table].columns if c.name != "sort_order")


_DEPARTMENT_COLUMNS, _LINK_COLUMNS, _FUNCTION_COLUMNS, _KPI_COLUMNS = (
    _columns("departments"), _columns("links"), _columns("functions"), _columns("kpis"))
KPI_LINK_TABLES = ("kpi_functions", "kpi_departments")


def department_row(d: Department) -> dict[str, Any]:
    return dict(zip(_DEPARTMENT_COLUMNS, department_values(d)))


def link_row(l: Link) -> dict[str, Any]:  # noqa: E741
    return dict(zip(_LINK_COLUMNS, link_values(l)))


def function_row(f: Function) -> dict[str, Any]:
    return dict(zip(_FUNCTION_COLUMNS, function_values(f)))


def kpi_row(k: Kpi) -> dict[str, Any]:
    return dict(zip(_KPI_COLUMNS, kpi_values(k)))


def kpi_link_rows(k: Kpi) -> dict[str, list[dict[str, Any]]]:
    """table -> rows (with sort_order, the position in the KPI's list)."""
    return {table: [dict(zip(tuple(c.name for c in schema.metadata.tables[table].columns), row))
                    for row in rows] for table, rows in kpi_link_values(k).items()}


_ROW_OF = {"departments": ("departments", department_row), "links": ("links", link_row),
           "functions": ("functions", function_row), "kpis": ("kpis", kpi_row)}


def rows_for(design: Design, table: str, obj_id: str) -> dict[str, Any]:
    """The row (without sort_order) of one department, link or function."""
    attribute, make = _ROW_OF[table]
    return make(getattr(design, attribute)[obj_id])


def _rows(design: Design) -> dict[str, list[dict[str, Any]]]:
    return {
        "departments": [department_row(d) | {"sort_order": i}
                        for i, d in enumerate(design.departments.values())],
        "links": [link_row(l) | {"sort_order": i} for i, l in enumerate(design.links.values())],
        "functions": [function_row(f) | {"sort_order": i}
                      for i, f in enumerate(design.functions.values())],
        "responsibilities": [
            {"function_id": f, "department_id": d, "role": r.value}
            for f, d, r in design.responsibilities()
        ],
        "settings": [{"key": k, "value": json.dumps(v)} for k, v in design.settings.items()],
        "kpis": [kpi_row(k) | {"sort_order": i} for i, k in enumerate(design.kpis.values())],
        **{table: [row for k in design.kpis.values() for row in kpi_link_rows(k)[table]]
           for table in KPI_LINK_TABLES},
    }


def meta_rows(design: Design) -> dict[str, str]:
    stamp = design.stamp
    return {
        "design_id": design.id, "name": design.name, "description": design.description,
        "author": design.author, "language": design.language, "created": design.created,
        "modified": design.modified, "format_version": str(schema.FORMAT_VERSION),
        "app_version": __version__, "save_generation": str(stamp.save_generation),
        "save_id": stamp.save_id, "saved_by": stamp.saved_by, "saved_at": stamp.saved_at,
        "saved_on": socket.gethostname(),
    }


def write_file(design: Design, path: str | Path) -> None:
    """Write `design` as a complete new design file at `path` (which must not exist)."""
    path = Path(path)
    if path.exists():
        raise FileExistsError(path)
    with open_engine(path, readonly=False) as engine, engine.connect() as conn:
        raw = conn.connection.driver_connection
        raw.execute(f"PRAGMA application_id={schema.APPLICATION_ID}")
        raw.execute(f"PRAGMA user_version={schema.FORMAT_VERSION}")
        # A fresh temp file: no journal needed (a failed write is discarded whole);
        # durability comes from the fsync before the rename.
        raw.execute("PRAGMA journal_mode=OFF")
        raw.execute("PRAGMA synchronous=OFF")
        with conn.begin():
            schema.metadata.create_all(conn)
            conn.execute(insert(schema.meta), [{"key": k, "value": v} for k, v in meta_rows(design).items()])
            for table, rows in _rows(design).items():
                if rows:
                    conn.execute(insert(schema.metadata.tables[table]), rows)


def stamp_for_save(design: Design) -> FileStamp:
    """The stamp the next save writes: a new generation and save id."""
    return FileStamp(
        format_version=schema.FORMAT_VERSION,
        save_generation=design.stamp.save_generation + 1,
        save_id=str(uuid.uuid4()), saved_by=user_display_name(), saved_at=now_iso(),
        app_version=__version__,
    )


def fsync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def temp_path_beside(path: Path) -> Path:
    """A fresh, hidden temp name in the target's folder (same filesystem, so replace is atomic)."""
    return path.with_name(f".{path.name}.{uuid.uuid4().hex[:12]}.tmp")


def copy_mode(target: Path, tmp: Path) -> None:
    """Give the new file the permissions of the one it replaces (colleagues keep access)."""
    try:
        mode = target.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(tmp, mode)


def verify_file(path: Path, design: Design) -> untrusted.Fingerprint:
    """Read a just-written file back like an untrusted one; it must hold exactly `design`.

    Integrity, schema allow-list and references as for any untrusted file, then
    every row of every table compared with the rows the model maps to: the
    comparison runs on plain tuples, without building a second model, so a
    save of a 10,000-department design stays interactive. Returns the
    fingerprint of the verified bytes. Raises FileProblem if anything differs.
    """
    path = Path(path)
    read_header(path)
    fingerprint = untrusted.fingerprint(path)
    conn = untrusted.open_checked(path)
    try:
        untrusted.check_database(conn, path)
        _compare_rows(conn, design, path)
    except sqlite3.Error as exc:
        raise FileProblem(path, untrusted.describe_sqlite_error(exc)) from None
    finally:
        conn.close()
    return fingerprint


def _expected_tuples(design: Design) -> dict[str, tuple[bool, list[tuple]]]:
    """table -> (ordered by sort_order?, rows as tuples in column order, sort_order left out;
    a KPI's ties keep theirs: it is the position in the KPI's list)."""
    return {
        "kpis": (True, [kpi_values(k) for k in design.kpis.values()]),
        **{table: (False, [row for k in design.kpis.values() for row in kpi_link_values(k)[table]])
           for table in KPI_LINK_TABLES},
        "departments": (True, [department_values(d) for d in design.departments.values()]),
        "links": (True, [link_values(l) for l in design.links.values()]),
        "functions": (True, [function_values(f) for f in design.functions.values()]),
        "responsibilities": (False, [(f, d, r.value) for f, d, r in design.responsibilities()]),
        "settings": (False, [(k, json.dumps(v)) for k, v in design.settings.items()]),
        "meta": (False, list(meta_rows(design).items())),
    }


def _compare_rows(conn: sqlite3.Connection, design: Design, path: Path) -> None:
    for table, (ordered, wanted) in _expected_tuples(design).items():
        # The working copy numbers rows as edits come (gaps after deletions): the
        # order must match, the numbers need not.
        names = (tuple(c.name for c in schema.metadata.tables[table].columns)
                 if table in KPI_LINK_TABLES else _columns(table))
        columns = [f'"{c}"' for c in names]
        order = "sort_order" if ordered else ", ".join(columns)
        found = conn.execute(f'SELECT {", ".join(columns)} FROM "{table}" ORDER BY {order}').fetchall()
        if not ordered:
            wanted = sorted(wanted)
        if len(found) != len(wanted):
            raise FileProblem(path, f"verification failed: {len(found)} rows in {table!r}, "
                                    f"expected {len(wanted)}")
        if found != wanted:
            raise FileProblem(path, f"verification failed: the written {table!r} differ from the design")


def save(design: Design, path: str | Path) -> None:
    """Write the design to `path` atomically: temp file beside it, fsync, verify, replace.

    No lock and no conflict check: that is `DesignDocument.save`'s job. Used by
    the CLI for new files and by exports to `.db`.
    """
    path = Path(path)
    old_stamp, old_modified = design.stamp, design.modified
    design.stamp = stamp_for_save(design)
    design.modified = design.stamp.saved_at
    tmp = temp_path_beside(path)
    try:
        write_file(design, tmp)
        fsync_file(tmp)
        verify_file(tmp, design)
        copy_mode(path, tmp)
        os.replace(tmp, path)
    except BaseException:
        design.stamp, design.modified = old_stamp, old_modified
        tmp.unlink(missing_ok=True)
        Path(f"{tmp}-journal").unlink(missing_ok=True)
        raise
    try:
        fsync_dir(path.parent)
    except OSError:  # the new file is in place; some shares cannot fsync a folder
        pass


# ----------------------------------------------------------------------- read
def _check_meta(meta: dict[str, str], settings: list[tuple[str, str]]) -> None:
    for key, value in meta.items():
        check_text(value, f"meta {key[:40]!r}")
    if meta.get("language", "zh") not in LANGUAGES:
        raise InvalidValueError(f"unknown language {meta.get('language')!r}")
    for key in ("save_generation", "format_version"):
        if not str(meta.get(key, "0") or "0").isdigit():
            raise InvalidValueError(f"the stored {key.replace('_', ' ')} is not a whole number")
    for key, value in settings:
        check_text(key, "setting name", 200)
        if check_text(value, f"setting {key[:40]!r}").lstrip()[:1] in ("[", "{"):
            raise InvalidValueError(f"setting {key[:40]!r} is not a plain value")
        parsed = json.loads(value)
        if parsed is not None and not isinstance(parsed, (str, int, float, bool)):
            raise InvalidValueError(f"setting {key[:40]!r} is not a plain value")
        if isinstance(parsed, float) and not math.isfinite(parsed):
            raise InvalidValueError(f"setting {key[:40]!r} is not a finite number")


def _design_from_engine(engine: Engine, path: Path) -> Design:
    with engine.connect() as conn:
        meta = {r.key: r.value for r in conn.execute(select(schema.meta))}
        dept_rows = conn.execute(select(schema.departments).order_by(schema.departments.c.sort_order)).all()
        link_rows = conn.execute(select(schema.links).order_by(schema.links.c.sort_order)).all()
        function_rows = conn.execute(select(schema.functions).order_by(schema.functions.c.sort_order)).all()
        role_rows = conn.execute(select(schema.responsibilities)).all()
        kpi_rows = conn.execute(select(schema.kpis).order_by(schema.kpis.c.sort_order)).all()
        ties: dict[str, dict[str, list[str]]] = {table: {} for table in KPI_LINK_TABLES}
        for table, column in (("kpi_functions", "function_id"), ("kpi_departments", "department_id")):
            t = schema.metadata.tables[table]
            for r in conn.execute(select(t).order_by(t.c.kpi_id, t.c.sort_order)):
                ties[table].setdefault(r.kpi_id, []).append(getattr(r, column))
        setting_rows = conn.execute(select(schema.settings)).all()
    try:
        _check_meta(meta, [(r.key, r.value) for r in setting_rows])
        design = build_design(
            name=meta.get("name", ""), language=meta.get("language", "zh"),
            departments=[
                Department(id=r.id, code=r.code, name=r.name, kind=r.kind, parent=r.parent_id,
                           leader=r.leader, headcount=r.headcount, budget=r.budget,
                           color=r.color, x=r.x, y=r.y, notes=r.notes, chair=r.chair,
                           cadence=r.cadence, vacant=_flag(r.vacant, "vacant"))
                for r in dept_rows
            ],
            links=[Link(id=r.id, source=r.source_id, target=r.target_id, kind=r.kind,
                        label=r.label, directed=bool(r.directed)) for r in link_rows],
            functions=[Function(id=r.id, key=r.key, name=r.name, category=r.category,
                                required=bool(r.required), description=r.description, post=r.post)
                       for r in function_rows],
            roles=[(r.function_id, r.department_id, r.role) for r in role_rows],
            kpis=[Kpi(id=r.id, key=r.key, name=r.name, unit=r.unit, owner=r.owner_id,
                      description=r.description,
                      functions=tuple(ties["kpi_functions"].get(r.id, ())),
                      shared=tuple(ties["kpi_departments"].get(r.id, ()))) for r in kpi_rows],
        )
        # build_design adds parents before children; keep the file's order instead
        design.departments = {r.id: design.departments[r.id] for r in dept_rows}
        for row in setting_rows:
            design.settings[row.key] = json.loads(row.value)
        design.stamp = FileStamp(
            format_version=int(meta.get("format_version", schema.FORMAT_VERSION)),
            save_generation=int(meta.get("save_generation", 0) or 0),
            save_id=meta.get("save_id", ""), saved_by=meta.get("saved_by", ""),
            saved_at=meta.get("saved_at", ""), app_version=meta.get("app_version", ""),
        )
    except ModelError as exc:
        raise FileProblem(path, f"has invalid content: {exc}") from None
    except (ValueError, TypeError, RecursionError) as exc:
        raise FileProblem(path, f"has invalid content: {_short(exc)}") from None
    design.id = meta.get("design_id") or design.id
    design.description = meta.get("description", "")
    design.author = meta.get("author", "")
    design.created = meta.get("created", design.created)
    design.modified = meta.get("modified", design.modified)
    return design


def _flag(value: object, what: str) -> bool:
    if value not in (0, 1):
        raise InvalidValueError(f"{what} must be 0 or 1")
    return bool(value)


def design_from_connection(conn: sqlite3.Connection, path: Path) -> Design:
    """Build the design from an open (checked) connection; the connection stays open."""
    engine = create_engine("sqlite://", creator=lambda: conn, poolclass=StaticPool)
    try:
        return _design_from_engine(engine, path)
    finally:
        engine.dispose(close=False)


def load(path: str | Path) -> Design:
    """Read a design file without changing it; raise FileProblem for unusable files.

    Never opens the file with SQLite: it is copied privately and checked as
    untrusted input (see `orgdesigner.untrusted`). Takes no lock and writes
    nothing beside the file, so the CLI's read-only commands use it.
    """
    return load_checked(path)[0]


def load_checked(path: str | Path, keep_copy: Path | None = None) -> tuple[Design, untrusted.Fingerprint]:
    """Like `load`, also returning the fingerprint of the exact bytes read.

    With `keep_copy`, the private copy (migrated to the current format) is left
    at that path, e.g. as a document's working copy.
    """
    path = Path(path)
    read_header(path)  # before copying: nothing of SQLite, no oversized copy
    with tempfile.TemporaryDirectory(prefix="orgdesigner-read-") as tmp:
        copy = Path(tmp) / "copy.db"
        fingerprint = untrusted.private_copy(path, copy)
        try:
            _, version = read_header(copy)
        except NewerFormatError as exc:  # name the user's file, not our copy
            raise NewerFormatError(path, exc.found, exc.supported) from None
        except FileProblem as exc:
            raise FileProblem(path, exc.problem) from None
        try:
            if version < schema.FORMAT_VERSION:
                conn = untrusted.open_checked(copy)
                try:
                    untrusted.check_no_code(conn, path)
                finally:
                    conn.close()
                from .migrations import migrate_copy  # Alembic loads only for an older file

                migrate_copy(copy, version)
            conn = untrusted.open_checked(copy)
            try:
                untrusted.check_database(conn, path)
                design = design_from_connection(conn, path)
            finally:
                conn.close()
        except FileProblem:
            raise
        except (sqlite3.Error, SQLAlchemyError, ValueError, OverflowError, MemoryError) as exc:
            orig = getattr(exc, "orig", None) or exc
            raise FileProblem(path, untrusted.describe_sqlite_error(orig)) from None
        if keep_copy is not None:
            shutil.move(copy, keep_copy)
    return design, fingerprint


def _short(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:160]
