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
import socket
import sqlite3
import sys
import tempfile
import uuid
from collections import namedtuple
from contextlib import closing, contextmanager
from pathlib import Path
from operator import itemgetter
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator

# SQLAlchemy (`schema`, engines) loads when a file is written or migrated: reading a
# current file needs only sqlite3 and the schema's SQL text (`schema_sql`), so `info`
# and `validate` start without it (a third of a 10,000-department `validate`).
from . import __version__, fileutil, quickverify, schema_sql, untrusted
from .department_reader import departments_from_rows
from .gcpause import gc_paused
from .progress import step, steps
from .design import LANGUAGES, Design, FileStamp, build_design, now_iso
from .scenarios import ScenarioError, ScenarioInfo, ScenarioSet, info_of
from .entities import (
    Department,
    Function,
    Kpi,
    Link,
    check_text,
    checked_department,
    department_from_values,
)
from .errors import FileProblem, InvalidValueError, ModelError, NewerFormatError, zh_of
from .lockfile import user_display_name  # "saved by" is the name the lock shows

if TYPE_CHECKING:
    from sqlalchemy import Engine

SQLITE_MAGIC = untrusted.SQLITE_MAGIC
MAX_FILE_BYTES = untrusted.MAX_FILE_BYTES


# --------------------------------------------------------------------- header
def read_header(path: str | Path) -> tuple[int, int]:
    """Check that `path` is one of our design files; return (application_id, format).

    Reads the first 100 bytes only, so nothing of SQLite runs on a foreign file.
    """
    return schema_sql.APPLICATION_ID, untrusted.check_header(path)


# -------------------------------------------------------------------- engines
def _connect(path: Path, readonly: bool) -> sqlite3.Connection:
    uri = path.resolve().as_uri() + ("?mode=ro" if readonly else "?mode=rwc")
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA trusted_schema=OFF")
    return conn


@contextmanager
def open_engine(path: str | Path, *, readonly: bool) -> Iterator[Engine]:
    from sqlalchemy import create_engine, event

    path = Path(path)
    engine = create_engine("sqlite://", creator=lambda: _connect(path, readonly), poolclass=None)

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
    return (
        d.id,
        d.code,
        d.name,
        d.kind._value_,  # (not .value: Enum's property costs a save of 100,000 rows ~0.1 s)
        d.parent,
        d.leader,
        d.headcount,
        d.budget,
        d.color,
        d.x,
        d.y,
        d.notes,
        d.chair,
        d.cadence,
        int(d.vacant),
        int(d.staff),
    )


def link_values(l: Link) -> tuple:  # noqa: E741
    return (l.id, l.source, l.target, l.kind._value_, l.label, int(l.directed))


def function_values(f: Function) -> tuple:
    return (f.id, f.key, f.name, f.category, int(f.required), f.description, f.post)


def kpi_values(k: Kpi) -> tuple:
    return (k.id, k.key, k.name, k.unit, k.owner, k.description)


def kpi_link_values(k: Kpi) -> dict[str, list[tuple]]:
    """The rows tying a KPI to functions and departments, (kpi id, other id, position)."""
    return {
        "kpi_functions": [(k.id, f, i) for i, f in enumerate(k.functions)],
        "kpi_departments": [(k.id, d, i) for i, d in enumerate(k.shared)],
    }


def _columns(table: str) -> tuple[str, ...]:
    """A table's value columns: without sort_order and the scenario it belongs to."""
    return tuple(c for c in schema_sql.COLUMNS[table] if c not in ("sort_order", "scenario_id"))


Designs = Design | ScenarioSet


def as_set(designs: Designs) -> ScenarioSet:
    """A lone design is a file with one scenario."""
    return designs if isinstance(designs, ScenarioSet) else ScenarioSet.single(designs)


def scenario_row(design: Design, index: int) -> dict[str, Any]:
    info = info_of(design)
    return {
        "id": info.id,
        "name": info.name,
        "created": info.created,
        "modified": info.modified,
        "sort_order": index,
    }


_DEPARTMENT_COLUMNS, _LINK_COLUMNS, _FUNCTION_COLUMNS, _KPI_COLUMNS = (
    _columns("departments"),
    _columns("links"),
    _columns("functions"),
    _columns("kpis"),
)
KPI_LINK_TABLES = ("kpi_functions", "kpi_departments")


def _tie_columns(table: str) -> tuple[str, ...]:
    """A KPI tie table's columns but the scenario (its sort_order is the position in the KPI)."""
    return tuple(c for c in schema_sql.COLUMNS[table] if c != "scenario_id")


def department_row(d: Department) -> dict[str, Any]:
    """A department's row in the design file (sort_order left out); the team repository
    builds on it (`repository.rows.department_row`)."""
    return dict(zip(_DEPARTMENT_COLUMNS, department_values(d)))


def link_row(l: Link) -> dict[str, Any]:  # noqa: E741
    return dict(zip(_LINK_COLUMNS, link_values(l)))


def function_row(f: Function) -> dict[str, Any]:
    return dict(zip(_FUNCTION_COLUMNS, function_values(f)))


def kpi_row(k: Kpi) -> dict[str, Any]:
    return dict(zip(_KPI_COLUMNS, kpi_values(k)))


def kpi_link_rows(k: Kpi) -> dict[str, list[dict[str, Any]]]:
    """table -> rows (with sort_order, the position in the KPI's list)."""
    return {
        table: [dict(zip(_tie_columns(table), row)) for row in rows]
        for table, rows in kpi_link_values(k).items()
    }


_ROW_OF: dict[str, tuple[str, Callable[[Any], dict[str, Any]]]] = {
    "departments": ("departments", department_row),
    "links": ("links", link_row),
    "functions": ("functions", function_row),
    "kpis": ("kpis", kpi_row),
}


def rows_for(design: Design, table: str, obj_id: str) -> dict[str, Any]:
    """The row (without sort_order) of one department, link or function."""
    attribute, make = _ROW_OF[table]
    return make(getattr(design, attribute)[obj_id])


def table_rows(design: Design) -> dict[str, list[dict[str, Any]]]:
    scope = {"scenario_id": info_of(design).id}
    return {
        "departments": [
            scope | department_row(d) | {"sort_order": i}
            for i, d in enumerate(design.departments.values())
        ],
        "links": [
            scope | link_row(l) | {"sort_order": i} for i, l in enumerate(design.links.values())
        ],
        "functions": [
            scope | function_row(f) | {"sort_order": i}
            for i, f in enumerate(design.functions.values())
        ],
        "responsibilities": [
            scope | {"function_id": f, "department_id": d, "role": r.value}
            for f, d, r in design.responsibilities()
        ],
        "settings": [
            scope | {"key": k, "value": json.dumps(v)} for k, v in design.settings.items()
        ],
        "kpis": [
            scope | kpi_row(k) | {"sort_order": i} for i, k in enumerate(design.kpis.values())
        ],
        **{
            table: [scope | row for k in design.kpis.values() for row in kpi_link_rows(k)[table]]
            for table in KPI_LINK_TABLES
        },
    }


def meta_rows(design: Design) -> dict[str, str]:
    stamp = design.stamp
    return {
        "design_id": design.id,
        "name": design.name,
        "description": design.description,
        "author": design.author,
        "language": design.language,
        "created": design.created,
        "modified": design.modified,
        "format_version": str(schema_sql.FORMAT_VERSION),
        "app_version": __version__,
        "save_generation": str(stamp.save_generation),
        "save_id": stamp.save_id,
        "saved_by": stamp.saved_by,
        "saved_at": stamp.saved_at,
        "saved_on": socket.gethostname(),
    }


@contextmanager
def _new_file(path: Path) -> Iterator[tuple[Any, sqlite3.Connection]]:
    """A new design file at `path` (which must not exist) with our schema; yields (conn, raw)."""
    from . import schema

    if path.exists():
        raise FileExistsError(path)
    with open_engine(path, readonly=False) as engine, engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None  # an open pysqlite connection
        raw.execute(f"PRAGMA application_id={schema.APPLICATION_ID}")
        raw.execute(f"PRAGMA user_version={schema.FORMAT_VERSION}")
        # A fresh temp file: no journal needed (a failed write is discarded whole);
        # durability comes from the fsync before the rename.
        raw.execute("PRAGMA journal_mode=OFF")
        raw.execute("PRAGMA synchronous=OFF")
        with conn.begin():
            schema.metadata.create_all(conn)
        yield conn, raw


# Each scenario's rows as `table_tuples` gives them, in scenario order: what a full save
# writes and then finds again in the file it reads back.
Written = list[dict[str, tuple[tuple[str, ...], list[tuple]]]]


def written_rows(designs: Designs) -> Written:
    return [table_tuples(design) for design in as_set(designs)]


def write_file(designs: Designs, path: str | Path, rows: Written | None = None) -> None:
    """Write a design (or all scenarios of a file) as a new design file at `path` (must not exist).

    Callers that hand the file on verify it (`verify_file`, `save`). The schema comes from SQLAlchemy; the rows go in as plain tuples through
    sqlite3's executemany (SQLAlchemy's per-row parameter handling cost most of
    a 100,000-department save). `rows`: `written_rows(designs)`, when the caller
    has them already (a save compares the file with the same rows).
    """
    scenarios = as_set(designs)
    tables = written_rows(scenarios) if rows is None else rows
    with _new_file(Path(path)) as (_conn, raw):
        # References are checked once, by the verification that reads the file back
        # (`PRAGMA foreign_key_check`), not row by row while writing. The kind CHECKs
        # are not evaluated either (their IN list per inserted row was a quarter of the
        # insert time): the kinds come from the model's enums, and the verification
        # compares every written value, kinds included, with the model's.
        raw.execute("PRAGMA foreign_keys=OFF")
        raw.execute("PRAGMA ignore_check_constraints=ON")
        raw.execute("PRAGMA cache_size=-65536")
        raw.execute("BEGIN")
        try:
            _insert(raw, "meta", ("key", "value"), list(meta_rows(scenarios.active).items()))
            _insert(
                raw,
                "scenarios",
                ("id", "name", "created", "modified", "sort_order"),
                [tuple(scenario_row(d, i).values()) for i, d in enumerate(scenarios)],
            )
            for design_tables in tables:
                for table, (columns, table_rows) in design_tables.items():
                    _insert(raw, table, columns, table_rows)
            raw.execute("COMMIT")
        finally:
            if raw.in_transaction:
                raw.execute("ROLLBACK")
            raw.execute("PRAGMA ignore_check_constraints=OFF")


def _insert(raw: sqlite3.Connection, table: str, columns: tuple[str, ...], rows: list) -> None:
    """Rows of a table with a sort_order column go in by primary key (scenario, id): the
    key index grows at its end instead of taking random inserts (a quarter of the
    insert time at 100,000); their order is in sort_order. Other tables keep the
    model's order, which reading them back relies on."""
    if columns[-1] == "sort_order" and columns[:2] == ("scenario_id", "id"):
        rows = sorted(rows, key=lambda row: row[:2])
    if rows:
        names = ", ".join(f'"{c}"' for c in columns)
        marks = ", ".join("?" for _ in columns)
        raw.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', rows)


def table_tuples(design: Design) -> dict[str, tuple[tuple[str, ...], list[tuple]]]:
    """table -> (columns, rows as tuples) of one scenario: what `table_rows` holds, lighter."""
    scope = info_of(design).id
    kpis = design.kpis.values()
    return {
        "departments": (
            ("scenario_id", *_DEPARTMENT_COLUMNS, "sort_order"),
            [(scope, *department_values(d), i) for i, d in enumerate(design.departments.values())],
        ),
        "links": (
            ("scenario_id", *_LINK_COLUMNS, "sort_order"),
            [(scope, *link_values(x), i) for i, x in enumerate(design.links.values())],
        ),
        "functions": (
            ("scenario_id", *_FUNCTION_COLUMNS, "sort_order"),
            [(scope, *function_values(f), i) for i, f in enumerate(design.functions.values())],
        ),
        "responsibilities": (
            ("scenario_id", "function_id", "department_id", "role"),
            [(scope, f, d, r.value) for f, d, r in design.responsibilities()],
        ),
        "settings": (
            ("scenario_id", "key", "value"),
            [(scope, k, json.dumps(v)) for k, v in design.settings.items()],
        ),
        "kpis": (
            ("scenario_id", *_KPI_COLUMNS, "sort_order"),
            [(scope, *kpi_values(k), i) for i, k in enumerate(kpis)],
        ),
        **{
            table: (
                ("scenario_id", *_tie_columns(table)),
                [(scope, *row) for k in kpis for row in kpi_link_values(k)[table]],
            )
            for table in KPI_LINK_TABLES
        },
    }


def copy_rows_into_new_file(source: Path, dest: Path) -> None:
    """A new design file at `dest` made from OUR schema, with the rows of `source` copied in.

    `source` is a private copy that passed `untrusted.check_database` (its
    tables are exactly ours), or a migrated older file that passed
    `untrusted.check_no_code` (no expression of its own): reading it runs no
    SQL of the file. Only
    our CREATE statements ever define `dest`: the editor's working copy never
    carries a file's own CHECK, DEFAULT or anything else. Much faster than
    writing the rows from the model (SQLite copies them in C).
    """
    with _new_file(Path(dest)) as (_conn, raw):
        # References are not checked row by row here: a child copied before its parent
        # is a deferred violation, and each parent inserted later made SQLite scan the
        # whole table for waiting children (no index on parent_id): quadratic, 13 s for
        # 10,000 departments. They are checked once by `untrusted.check_database`
        # (PRAGMA foreign_key_check), on the source before a working copy is made and on
        # a migrated file's rebuilt copy after this.
        raw.execute("PRAGMA foreign_keys=OFF")
        raw.execute("ATTACH DATABASE ? AS src", (Path(source).resolve().as_uri() + "?mode=ro",))
        try:
            raw.execute("BEGIN")
            from . import schema

            tables = schema.metadata.sorted_tables
            for done, table in enumerate(tables):
                step("working_copy", done, len(tables))
                columns = ", ".join(f'"{c.name}"' for c in table.columns)
                raw.execute(
                    f'INSERT INTO main."{table.name}" ({columns}) '
                    f'SELECT {columns} FROM src."{table.name}"'
                )
            raw.execute("COMMIT")
        finally:
            if raw.in_transaction:
                raw.execute("ROLLBACK")
            raw.execute("DETACH DATABASE src")


def copy_checked_file(source: Path, dest: Path) -> None:
    """A working copy at `dest` of `source`, a private copy that passed `untrusted.check_database`.

    A page copy (SQLite's backup API: no SQL of the file runs, no row is
    decoded) when the copy's schema is, to the byte, the one our own CREATE
    statements make (as in every file this program writes) and its header says
    ours; otherwise, or if anything about the page copy fails, the rows are
    copied into our schema (`copy_rows_into_new_file`). Either way only our
    schema objects ever reach `dest`: `check_database` refused any other before.
    """
    dest = Path(dest)
    if dest.exists():
        raise FileExistsError(dest)
    try:
        with closing(
            sqlite3.connect(Path(source).resolve().as_uri() + "?mode=ro", uri=True)
        ) as src:
            if _exact_schema(src) == _our_exact_schema():
                with closing(sqlite3.connect(dest)) as out:
                    src.backup(out, pages=PAGES_PER_STEP, progress=_report_pages)
                    if _exact_schema(out) == _our_exact_schema():
                        return
    except sqlite3.DatabaseError:
        pass  # e.g. a newer SQLite's page format: the row copy below says what is wrong
    dest.unlink(missing_ok=True)
    copy_rows_into_new_file(source, dest)


def _exact_schema(conn: sqlite3.Connection) -> tuple:
    """Every schema object's exact CREATE text, and the header fields that name the format."""
    objects = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    header = tuple(conn.execute(f"PRAGMA {p}").fetchone()[0] for p in _HEADER_PRAGMAS)
    return header, tuple(sorted(objects, key=repr))


def _report_pages(_status: int, remaining: int, total: int) -> None:
    step("working_copy", total - remaining, total)  # may raise Cancelled: the copy stops


PAGES_PER_STEP = 1024  # pages of the page copy between two progress reports (4 MB)
_HEADER_PRAGMAS = ("application_id", "user_version", "encoding")
_OUR_EXACT: list[tuple] = []


def _our_exact_schema() -> tuple:
    """What `_exact_schema` finds in a file made by our own CREATE statements (the text
    `schema_sql` holds equal to SQLAlchemy's; no SQLAlchemy import on the open path)."""
    if not _OUR_EXACT:
        with closing(sqlite3.connect(":memory:")) as conn:
            conn.execute(f"PRAGMA application_id={schema_sql.APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version={schema_sql.FORMAT_VERSION}")
            for statement in schema_sql.STATEMENTS:
                conn.execute(statement)
            _OUR_EXACT.append(_exact_schema(conn))
    return _OUR_EXACT[0]


def stamp_for_save(design: Designs) -> FileStamp:
    """The stamp the next save writes: a new generation and save id."""
    return FileStamp(
        format_version=schema_sql.FORMAT_VERSION,
        save_generation=design.stamp.save_generation + 1,
        save_id=str(uuid.uuid4()),
        saved_by=user_display_name(),
        saved_at=now_iso(),
        app_version=__version__,
    )


@contextmanager
def stamped_for_save(design: Designs) -> Iterator[FileStamp]:
    """Give `design` the stamp of the save about to happen; put the old one back if it fails."""
    old_stamp, old_modified = design.stamp, design.modified
    design.stamp = stamp_for_save(design)
    design.modified = design.stamp.saved_at
    try:
        yield design.stamp
    except BaseException:
        design.stamp, design.modified = old_stamp, old_modified
        raise


def verify_file(
    path: Path,
    design: Designs,
    changes: quickverify.Changes | None = None,
    written: Written | None = None,
) -> untrusted.Fingerprint:
    """Read a just-written file back like an untrusted one; it must hold exactly `design`
    (every scenario of it, when given a ScenarioSet).

    With `changes` (the rows the working copy wrote since its last verified
    save, which the new file is a page copy of), the rows are checked by
    counts and the changed rows only (`quickverify`); without, in full:

    Integrity, schema allow-list and references as for any untrusted file, then
    every row of every table compared with the rows the model maps to: the
    comparison runs on plain tuples, without building a second model, so a
    save of a 10,000-department design stays interactive. With `written` (the
    rows `write_file` just wrote from this design), the rows are compared with
    those, sort_order numbers included, instead of being made again. Returns the
    fingerprint of the verified bytes. Raises FileProblem if anything differs.
    """
    path = Path(path)
    read_header(path)
    fingerprint = untrusted.fingerprint(path)
    conn = untrusted.open_checked(path)
    try:
        if changes is None:
            untrusted.check_database(conn, path)
            _compare_rows(conn, design, path, written)
        else:
            untrusted.check_schema(conn, path)
            _compare_meta(conn, as_set(design), path)
            quickverify.compare_changes(conn, as_set(design), path, changes)
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
        **{
            table: (False, [row for k in design.kpis.values() for row in kpi_link_values(k)[table]])
            for table in KPI_LINK_TABLES
        },
        "departments": (True, [department_values(d) for d in design.departments.values()]),
        "links": (True, [link_values(l) for l in design.links.values()]),
        "functions": (True, [function_values(f) for f in design.functions.values()]),
        "responsibilities": (False, [(f, d, r.value) for f, d, r in design.responsibilities()]),
        "settings": (False, [(k, json.dumps(v)) for k, v in design.settings.items()]),
    }


_VERIFY_ZH = quickverify.VERIFY_ZH
_INVALID_ZH = "内容无效（数据不一致或已损坏）"


def _compare_rows(
    conn: sqlite3.Connection, designs: Designs, path: Path, written: Written | None = None
) -> None:
    scenarios = as_set(designs)
    _compare_meta(conn, scenarios, path)
    if written is not None and len(written) == len(scenarios):
        for design, tables in zip(scenarios, written):
            _compare_written(conn, info_of(design).id, tables, path)
    else:
        for design in scenarios:
            _compare_scenario(conn, design, path)
    from . import schema

    for table in schema.SCENARIO_TABLES:  # no rows of scenarios the design does not have
        stray = conn.execute(
            f'SELECT count(*) FROM "{table}" WHERE scenario_id NOT IN (SELECT id FROM scenarios)'
        ).fetchone()[0]
        if stray:
            raise FileProblem(path, f"verification failed: {table!r} has rows of no scenario")


def _compare_meta(conn: sqlite3.Connection, scenarios: ScenarioSet, path: Path) -> None:
    """The file's meta and scenarios tables against the model (a few rows)."""
    wanted_meta = sorted(meta_rows(scenarios.active).items())
    if conn.execute("SELECT key, value FROM meta ORDER BY key").fetchall() != wanted_meta:
        raise FileProblem(
            path, "verification failed: the written 'meta' differ from the design", zh=_VERIFY_ZH
        )
    wanted_scenarios = [tuple(scenario_row(d, i).values())[:4] for i, d in enumerate(scenarios)]
    found = conn.execute("SELECT id, name, created, modified FROM scenarios ORDER BY sort_order")
    if found.fetchall() != wanted_scenarios:
        raise FileProblem(
            path,
            "verification failed: the written 'scenarios' differ from the design",
            zh=_VERIFY_ZH,
        )


def _compare_written(
    conn: sqlite3.Connection,
    scenario: str,
    tables: dict[str, tuple[tuple[str, ...], list[tuple]]],
    path: Path,
) -> None:
    """A scenario's tables against the rows written for it, all columns (its id and the
    sort_order numbers too). Rows with a sort_order come back in the file's order and
    are put in sort_order in Python: cheaper than SQLite's sort of the whole table."""
    for table, (columns, wanted) in tables.items():
        names = ", ".join(f'"{c}"' for c in columns)
        if columns[-1] == "sort_order" and columns[:2] == ("scenario_id", "id"):
            found = conn.execute(
                f'SELECT {names} FROM "{table}" WHERE scenario_id=?', (scenario,)
            ).fetchall()
            found.sort(key=itemgetter(-1))
        else:
            found = conn.execute(
                f'SELECT {names} FROM "{table}" WHERE scenario_id=? ORDER BY {names}', (scenario,)
            ).fetchall()
            wanted = sorted(wanted)
        _same_rows(table, found, wanted, path)


def _same_rows(table: str, found: list[tuple], wanted: list[tuple], path: Path) -> None:
    if len(found) != len(wanted):
        raise FileProblem(
            path,
            f"verification failed: {len(found)} rows in {table!r}, expected {len(wanted)}",
            zh=_VERIFY_ZH,
        )
    if found != wanted:
        raise FileProblem(
            path,
            f"verification failed: the written {table!r} differ from the design",
            zh=_VERIFY_ZH,
        )


def _compare_scenario(conn: sqlite3.Connection, design: Design, path: Path) -> None:
    scenario = info_of(design).id
    for table, (ordered, wanted) in _expected_tuples(design).items():
        # The working copy numbers rows as edits come (gaps after deletions): the
        # order must match, the numbers need not.
        names = _tie_columns(table) if table in KPI_LINK_TABLES else _columns(table)
        columns = [f'"{c}"' for c in names]
        order = "sort_order" if ordered else ", ".join(columns)
        found = conn.execute(
            f'SELECT {", ".join(columns)} FROM "{table}" WHERE scenario_id=? ORDER BY {order}',
            (scenario,),
        ).fetchall()
        if not ordered:
            wanted = sorted(wanted)
        _same_rows(table, found, wanted, path)


def save(
    design: Designs,
    path: str | Path,
    *,
    write: Callable[[Path], None] | None = None,
    before_replace: Callable[[Path, untrusted.Fingerprint], None] | None = None,
    changes: quickverify.Changes | None = None,
) -> untrusted.Fingerprint:
    """Write the design to `path` atomically: temp file beside it, fsync, verify, replace.

    The one save pipeline (`fileutil.replace_atomically`) with the design's
    new stamp (restored if anything fails). `write(tmp)` makes the temp file
    (default: from the model); `before_replace(tmp, fingerprint)` runs after verification
    (`safesave.save_verified` puts its conflict check and backup there).
    No lock and no conflict check here. Raises `WriteFailed` for OS/SQLite
    write errors, `FileProblem` if verification fails. Returns the
    fingerprint of the verified file.
    """
    path = Path(path)
    verified: list[untrusted.Fingerprint] = []
    written: list[Written] = []  # the rows a save from the model wrote: verified against

    def write_from_model(tmp: Path) -> None:
        written.append(written_rows(design))
        write_file(design, tmp, written[-1])

    def verify(tmp: Path) -> untrusted.Fingerprint:
        if changes is not None:
            verified.append(verify_file(tmp, design, changes))
        elif written:
            verified.append(verify_file(tmp, design, None, written[-1]))
        else:
            verified.append(verify_file(tmp, design))
        return verified[-1]

    hook = None if before_replace is None else (lambda tmp: before_replace(tmp, verified[-1]))
    with stamped_for_save(design):
        fileutil.replace_atomically(
            path,
            write or write_from_model,
            verify=verify,
            before_replace=hook,
            sync_folder=True,
        )
    return verified[-1]


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


def _grouped(rows) -> dict[str, list]:
    out: dict[str, list] = {}
    for row in rows:
        out.setdefault(row.scenario_id, []).append(row)
    return out


_ROW_TYPES: dict[str, Any] = {
    table: namedtuple(table, columns) for table, columns in schema_sql.COLUMNS.items()
}


def _select(conn: sqlite3.Connection, table: str, order: str = "", *args: Any) -> list:
    """Every column of `table` as named tuples (the statement SQLAlchemy's `select(table)`
    made, so SQLite picks the same plan and rows without ORDER BY come in the same order)."""
    columns = ", ".join(f'{table}."{c}"' for c in schema_sql.COLUMNS[table])
    rows = conn.execute(f"SELECT {columns} FROM {table}{order}", args).fetchall()
    return list(map(_ROW_TYPES[table]._make, rows))


def _department_rows(conn: sqlite3.Connection, scenario: str) -> list[tuple]:
    """A scenario's department rows in sort_order, as plain tuples. SQLite sorts them: rows
    put in order in Python afterwards leave their values scattered in memory, and every
    later pass over 100,000 departments ran twice as slow."""
    columns = ", ".join(f'"{c}"' for c in _DEPARTMENT_COLUMNS)
    return conn.execute(
        f"SELECT {columns} FROM departments WHERE scenario_id=? ORDER BY sort_order", (scenario,)
    ).fetchall()


def _scenarios_from_sqlite(conn: sqlite3.Connection, path: Path) -> ScenarioSet:
    """Every scenario from a checked connection, with sqlite3 alone (plain tuples: 100,000
    rows through SQLAlchemy's Row cost seconds, and its import a third of a CLI run)."""
    meta = {r.key: r.value for r in _select(conn, "meta")}
    scenario_rows = _select(conn, "scenarios", " ORDER BY scenarios.sort_order")
    depts = {row.id: _department_rows(conn, row.id) for row in scenario_rows}
    links = _grouped(_select(conn, "links", " ORDER BY links.sort_order"))
    functions = _grouped(_select(conn, "functions", " ORDER BY functions.sort_order"))
    roles = _grouped(_select(conn, "responsibilities"))
    settings = _grouped(_select(conn, "settings"))
    kpis = _grouped(_select(conn, "kpis", " ORDER BY kpis.sort_order"))
    step("read", 3, 4)
    ties: dict[str, dict[tuple[str, str], list[str]]] = {table: {} for table in KPI_LINK_TABLES}
    for table, column in (
        ("kpi_functions", "function_id"),
        ("kpi_departments", "department_id"),
    ):
        order = f" ORDER BY {table}.scenario_id, {table}.kpi_id, {table}.sort_order"
        for r in _select(conn, table, order):
            ties[table].setdefault((r.scenario_id, r.kpi_id), []).append(getattr(r, column))
    if not scenario_rows:
        raise FileProblem(path, "has invalid content: it holds no scenario", zh=_INVALID_ZH)
    designs = []
    for row in scenario_rows:
        check_text(row.name, "scenario name", 200)
        design = _design_from_rows(
            meta,
            depts.get(row.id, []),
            links.get(row.id, []),
            functions.get(row.id, []),
            roles.get(row.id, []),
            settings.get(row.id, []),
            kpis.get(row.id, []),
            ties,
            row.id,
            path,
        )
        design.scenario = ScenarioInfo(
            id=row.id, name=row.name, created=row.created, modified=row.modified
        )
        designs.append(design)
    return ScenarioSet(designs)


def _design_from_rows(
    meta: dict[str, str],
    dept_rows,
    link_rows,
    function_rows,
    role_rows,
    setting_rows,
    kpi_rows,
    ties,
    scenario: str,
    path: Path,
) -> Design:
    try:
        _check_meta(meta, [(r.key, r.value) for r in setting_rows])
        design = build_design(
            name=meta.get("name", ""),
            language=meta.get("language", "zh"),
            # a column at a time when every row is plain, else row by row (`department_reader`)
            departments=departments_from_rows(_DEPARTMENT_COLUMNS, dept_rows)
            or [
                department_from_values(values) or checked_department(_department_of_values(values))
                for values in steps("departments", dept_rows, len(dept_rows))
            ],
            checked_departments=True,
            links=[link_of(r) for r in link_rows],
            functions=[function_of(r) for r in function_rows],
            roles=[(r.function_id, r.department_id, r.role) for r in role_rows],
            kpis=[
                kpi_of(
                    r,
                    ties["kpi_functions"].get((scenario, r.id), ()),
                    ties["kpi_departments"].get((scenario, r.id), ()),
                )
                for r in kpi_rows
            ],
        )
        for row in setting_rows:
            design.settings[row.key] = json.loads(row.value)
        design.stamp = FileStamp(
            format_version=int(meta.get("format_version", schema_sql.FORMAT_VERSION)),
            save_generation=int(meta.get("save_generation", 0) or 0),
            save_id=meta.get("save_id", ""),
            saved_by=meta.get("saved_by", ""),
            saved_at=meta.get("saved_at", ""),
            app_version=meta.get("app_version", ""),
        )
    except ModelError as exc:
        raise FileProblem(path, f"has invalid content: {exc}", zh=_INVALID_ZH) from None
    except (ValueError, TypeError, RecursionError) as exc:
        raise FileProblem(path, f"has invalid content: {_short(exc)}", zh=_INVALID_ZH) from None
    design.id = meta.get("design_id") or design.id
    design.description = meta.get("description", "")
    design.author = meta.get("author", "")
    design.created = meta.get("created", design.created)
    design.modified = meta.get("modified", design.modified)
    return design


def department_of(r: Any) -> Department:
    """A department from its row (a design file's, or the team repository's)."""
    return Department(
        id=r.id,
        code=r.code,
        name=r.name,
        kind=r.kind,
        parent=r.parent_id,
        leader=r.leader,
        headcount=r.headcount,
        budget=r.budget,
        color=r.color,
        x=r.x,
        y=r.y,
        notes=r.notes,
        chair=r.chair,
        cadence=r.cadence,
        vacant=_flag(r.vacant, "vacant"),
        staff=_flag(getattr(r, "staff", 0), "staff"),  # a repository row may not have it yet
    )


def link_of(r: Any) -> Link:
    """A link from its row (a design file's, or the team repository's)."""
    return Link(
        id=r.id,
        source=r.source_id,
        target=r.target_id,
        kind=r.kind,
        label=r.label,
        directed=bool(r.directed),
    )


def function_of(r: Any) -> Function:
    """A function from its row (a design file's, or the team repository's)."""
    return Function(
        id=r.id,
        key=r.key,
        name=r.name,
        category=r.category,
        required=bool(r.required),
        description=r.description,
        post=r.post,
    )


def kpi_of(r: Any, functions: Iterable[str], shared: Iterable[str]) -> Kpi:
    """A KPI from its row and its ties (the file keeps them in tables, the repository
    as JSON lists in the row)."""
    return Kpi(
        id=r.id,
        key=r.key,
        name=r.name,
        unit=r.unit,
        owner=r.owner_id,
        description=r.description,
        functions=tuple(functions),
        shared=tuple(shared),
    )


def _department_of_values(values: tuple[Any, ...]) -> Department:
    """The general way for a row `department_from_values` left (it raises the precise message)."""
    return department_of(SimpleNamespace(**dict(zip(_DEPARTMENT_COLUMNS, values))))


def _flag(value: object, what: str) -> bool:
    if value not in (0, 1):
        raise InvalidValueError(f"{what} must be 0 or 1")
    return bool(value)


def scenarios_from_connection(conn: sqlite3.Connection, path: Path) -> ScenarioSet:
    """Build every scenario from an open (checked) connection; the connection stays open."""
    # The model's objects all survive: full collections over them while they are
    # made find nothing (see `gcpause`).
    with gc_paused():
        return _scenarios_from_sqlite(conn, path)


def design_from_connection(conn: sqlite3.Connection, path: Path) -> Design:
    """The first scenario of an open (checked) connection."""
    return scenarios_from_connection(conn, path).active


def load(path: str | Path, scenario: str | None = None) -> Design:
    """Read one scenario (default: the first) without changing the file.

    Never opens the file with SQLite: it is copied privately and checked as
    untrusted input (see `orgdesigner.untrusted`). Takes no lock and writes
    nothing beside the file, so the CLI's read-only commands use it. An
    unknown scenario name raises FileProblem naming the file and the scenarios.
    """
    scenarios = load_checked(path)[0]
    if scenario is None:
        return scenarios.active
    try:
        return scenarios.activate(scenario)
    except ScenarioError as exc:
        raise FileProblem(Path(path), str(exc), zh=zh_of(exc)) from None


def load_scenarios(path: str | Path) -> ScenarioSet:
    """Every scenario of a design file (the first one active)."""
    return load_checked(path)[0]


def load_checked(
    path: str | Path, working_copy: Path | None = None
) -> tuple[ScenarioSet, untrusted.Fingerprint]:
    """Like `load_scenarios`, also returning the fingerprint of the exact bytes read.

    With `working_copy`, a new file is made there holding the checked rows in our
    own schema (`copy_checked_file`), e.g. as a document's
    working copy. Its write errors (a full data folder) pass through as
    OS/SQLite errors, never as a problem of the design file.
    """
    path = Path(path)
    read_header(path)  # before copying: nothing of SQLite, no oversized copy
    step("read", 0, 4)
    with tempfile.TemporaryDirectory(prefix="orgdesigner-read-") as tmp:
        copy = Path(tmp) / "copy.db"
        fingerprint = untrusted.private_copy(path, copy)
        step("read", 1, 4)
        try:
            _, version = read_header(copy)
        except NewerFormatError as exc:  # name the user's file, not our copy
            raise NewerFormatError(path, exc.found, exc.supported) from None
        except FileProblem as exc:
            raise FileProblem(path, exc.problem, zh=exc.problem_zh) from None
        try:
            untrusted.fold_sidecars(path, copy)  # another program mid-write: its -wal / -journal
            if version < schema_sql.FORMAT_VERSION:
                conn = untrusted.open_checked(copy)
                try:
                    untrusted.check_no_code(conn, path)
                finally:
                    conn.close()
                from .migrations import migrate_copy  # Alembic loads only for an older file

                migrate_copy(copy, version)
                conn = untrusted.open_checked(copy)
                try:
                    untrusted.check_migrated_columns(conn, path)
                finally:
                    conn.close()
                # The migrated tables carry ALTER TABLE's text; from here on only ours.
                rebuilt = copy.with_name("rebuilt.db")
                copy_rows_into_new_file(copy, rebuilt)
                copy = rebuilt
            conn = untrusted.open_checked(copy)
            try:
                # Room for the whole file: the checks and the reading pass over it twice.
                conn.execute("PRAGMA cache_size=-65536")
                untrusted.check_database(conn, path)
                step("read", 2, 4)
                scenarios = scenarios_from_connection(conn, path)
            finally:
                conn.close()
        except FileProblem:
            raise
        except _database_errors() as exc:
            orig = getattr(exc, "orig", None) or exc
            raise FileProblem(path, untrusted.describe_sqlite_error(orig)) from None
        if working_copy is not None:
            copy_checked_file(copy, working_copy)
    return scenarios, fingerprint


def _database_errors() -> tuple[type[BaseException], ...]:
    """What reading a file may raise for its content (SQLAlchemy's only once it was loaded:
    a migration)."""
    errors: tuple[type[BaseException], ...] = (sqlite3.Error, ValueError, OverflowError)
    errors += (MemoryError,)
    loaded = sys.modules.get("sqlalchemy.exc")
    return errors if loaded is None else (*errors, loaded.SQLAlchemyError)


def _short(exc: BaseException) -> str:
    text = (
        str(getattr(exc, "orig", None) or exc).splitlines()[0] if str(exc) else type(exc).__name__
    )
    return text[:160]
