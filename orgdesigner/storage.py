"""Reading and writing `.db` design files: rows <-> plain records <-> model.

`load(path)` never writes to the file (it is opened read-only, and older
formats are migrated on a private copy). `save(design, path)` writes a
complete new file next to the target and atomically replaces it.
The shared-folder workflow (locks, conflicts, recovery) builds on these.
"""

from __future__ import annotations

import getpass
import json
import os
import shutil
import socket
import sqlite3
import struct
import tempfile
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from sqlalchemy import Engine, create_engine, event, insert, select

from . import __version__, schema
from .design import Design, FileStamp, build_design, now_iso
from .entities import Department, Function, Link
from .errors import FileProblem, ModelError, NewerFormatError

SQLITE_MAGIC = b"SQLite format 3\x00"
MAX_FILE_BYTES = 512 * 1024 * 1024


def user_display_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (some services): still save
        return "unknown"


# --------------------------------------------------------------------- header
def read_header(path: str | Path) -> tuple[int, int]:
    """Check that `path` is one of our design files; return (application_id, format).

    Reads the first 100 bytes only, so nothing of SQLite runs on a foreign file.
    """
    path = Path(path)
    if not path.exists():
        raise FileProblem(path, "no such file")
    if path.is_dir():
        raise FileProblem(path, "is a folder, not a design file")
    try:
        size = path.stat().st_size
        with open(path, "rb") as handle:
            head = handle.read(100)
    except OSError as exc:
        raise FileProblem(path, f"cannot be read ({exc.strerror or exc})") from None
    if size == 0:
        raise FileProblem(path, "is empty (0 bytes), not a design file")
    if size > MAX_FILE_BYTES:
        raise FileProblem(path, f"is too large for a design file ({size // 2**20} MB)")
    if not head.startswith(SQLITE_MAGIC):
        raise FileProblem(path, "is not an Org Designer design file (not an SQLite database)")
    if len(head) < 100 or size < 512 or size % 512:
        raise FileProblem(path, "is damaged (truncated SQLite file)")
    user_version, application_id = struct.unpack(">iI", head[60:64] + head[68:72])
    if application_id != schema.APPLICATION_ID:
        raise FileProblem(path, "is an SQLite database of another program, not an Org Designer design")
    if user_version > schema.FORMAT_VERSION:
        raise NewerFormatError(path, user_version, schema.FORMAT_VERSION)
    if user_version < 1:
        raise FileProblem(path, f"has an unknown format version {user_version}")
    return application_id, user_version


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
def _rows(design: Design) -> dict[str, list[dict[str, Any]]]:
    return {
        "departments": [
            {"id": d.id, "code": d.code, "name": d.name, "kind": d.kind.value,
             "parent_id": d.parent, "leader": d.leader, "headcount": d.headcount,
             "budget": d.budget, "color": d.color, "x": d.x, "y": d.y, "notes": d.notes,
             "sort_order": i}
            for i, d in enumerate(design.departments.values())
        ],
        "links": [
            {"id": l.id, "source_id": l.source, "target_id": l.target, "kind": l.kind.value,
             "label": l.label, "directed": int(l.directed), "sort_order": i}
            for i, l in enumerate(design.links.values())
        ],
        "functions": [
            {"id": f.id, "key": f.key, "name": f.name, "category": f.category,
             "required": int(f.required), "description": f.description, "sort_order": i}
            for i, f in enumerate(design.functions.values())
        ],
        "responsibilities": [
            {"function_id": f, "department_id": d, "role": r.value}
            for f, d, r in design.responsibilities()
        ],
        "settings": [{"key": k, "value": json.dumps(v)} for k, v in design.settings.items()],
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


def save(design: Design, path: str | Path) -> None:
    """Write the design to `path` atomically: temp file in the same folder, fsync, replace."""
    path = Path(path)
    old_stamp = design.stamp
    design.stamp = stamp_for_save(design)
    design.modified = design.stamp.saved_at
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    tmp.unlink()
    try:
        write_file(design, tmp)
        fsync_file(tmp)
        os.replace(tmp, path)
        fsync_dir(path.parent)
    except BaseException:
        design.stamp = old_stamp
        tmp.unlink(missing_ok=True)
        raise


# ----------------------------------------------------------------------- read
def _design_from_engine(engine: Engine, path: Path) -> Design:
    with engine.connect() as conn:
        meta = {r.key: r.value for r in conn.execute(select(schema.meta))}
        dept_rows = conn.execute(select(schema.departments).order_by(schema.departments.c.sort_order)).all()
        link_rows = conn.execute(select(schema.links).order_by(schema.links.c.sort_order)).all()
        function_rows = conn.execute(select(schema.functions).order_by(schema.functions.c.sort_order)).all()
        role_rows = conn.execute(select(schema.responsibilities)).all()
        setting_rows = conn.execute(select(schema.settings)).all()
    try:
        design = build_design(
            name=meta.get("name", ""), language=meta.get("language", "zh"),
            departments=[
                Department(id=r.id, code=r.code, name=r.name, kind=r.kind, parent=r.parent_id,
                           leader=r.leader, headcount=r.headcount, budget=r.budget,
                           color=r.color, x=r.x, y=r.y, notes=r.notes)
                for r in dept_rows
            ],
            links=[Link(id=r.id, source=r.source_id, target=r.target_id, kind=r.kind,
                        label=r.label, directed=bool(r.directed)) for r in link_rows],
            functions=[Function(id=r.id, key=r.key, name=r.name, category=r.category,
                                required=bool(r.required), description=r.description)
                       for r in function_rows],
            roles=[(r.function_id, r.department_id, r.role) for r in role_rows],
        )
        for row in setting_rows:
            design.settings[row.key] = json.loads(row.value)
    except ModelError as exc:
        raise FileProblem(path, f"has invalid content: {exc}") from None
    except (ValueError, TypeError) as exc:
        raise FileProblem(path, f"has invalid content: {exc}") from None
    design.id = meta.get("design_id") or design.id
    design.description = meta.get("description", "")
    design.author = meta.get("author", "")
    design.created = meta.get("created", design.created)
    design.modified = meta.get("modified", design.modified)
    design.stamp = FileStamp(
        format_version=int(meta.get("format_version", schema.FORMAT_VERSION)),
        save_generation=int(meta.get("save_generation", 0) or 0),
        save_id=meta.get("save_id", ""), saved_by=meta.get("saved_by", ""),
        saved_at=meta.get("saved_at", ""), app_version=meta.get("app_version", ""),
    )
    return design


def load(path: str | Path) -> Design:
    """Read a design file without changing it; raise FileProblem for unusable files."""
    from .migrations import migrate_copy

    path = Path(path)
    _, version = read_header(path)
    try:
        if version < schema.FORMAT_VERSION:
            with tempfile.TemporaryDirectory(prefix="orgdesigner-migrate-") as tmp:
                copy = Path(tmp) / path.name
                shutil.copyfile(path, copy)
                migrate_copy(copy, version)
                with open_engine(copy, readonly=True) as engine:
                    return _design_from_engine(engine, path)
        with open_engine(path, readonly=True) as engine:
            return _design_from_engine(engine, path)
    except FileProblem:
        raise
    except Exception as exc:  # sqlite3/SQLAlchemy errors on a damaged or foreign file
        raise FileProblem(path, f"is damaged or not a valid design file ({_short(exc)})") from None


def _short(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:160]
