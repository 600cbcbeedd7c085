"""Defences for design files from shared folders and e-mail: judge before SQLite runs.

A `.db` file is untrusted input. The order of checks matters:

1. `check_header(path)`: size cap, the `SQLite format 3` magic, our
   `application_id`, a known format version, read from the 100-byte header
   with plain file I/O, so SQLite never sees a foreign or oversized file.
2. `private_copy(path, dest)`: copy the file (one read pass that also
   hashes it) into a private folder and judge the copy's header again; SQLite only ever opens the copy, so the
   original stays byte-identical and no lock or journal is created beside it.
3. `open_checked(copy)`: a read-only connection with `trusted_schema=OFF`,
   tight SQLite length limits, no ATTACH, defensive mode where Python offers it
   (>= 3.12), and a work budget so a crafted file cannot hang the program.
4. `check_database(conn, path)`: the schema allow-list first (unknown
   tables, views, triggers, indexes or virtual tables are refused, never
   executed; every object's normalised full CREATE text, CHECK and DEFAULT
   included, must equal ours), then the integrity check, and foreign-key
   references that resolve. The editor's working copy is then built from our
   own schema with the rows copied in, so no SQL from a file ever runs.

Values (finite coordinates, text lengths, colours, kinds, no stored
reporting cycle) are then checked by the model itself while
`storage.load` builds the design; any failure becomes one `FileProblem` line.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import struct
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import schema_sql as schema  # the file's schema as SQL text (no SQLAlchemy)
from .errors import FileProblem, NewerFormatError, Words, zh_of
from .fileutil import check_regular, open_regular

SQLITE_MAGIC = b"SQLite format 3\x00"
MAX_FILE_BYTES = 256 * 1024 * 1024  # a 10,000-department design is a few MB
MAX_ROWS = 1_000_000  # per table; a 10,000-department design has well under 300,000
MAX_VALUE_BYTES = 1_000_000  # longest single value SQLite may hand us
WORK_SECONDS = 60.0  # abort any single open that takes longer than this
_PROGRESS_STEPS = 20_000

# SQLite limit ids (sqlite3.SQLITE_LIMIT_* exist from Python 3.11).
_LIMITS = {
    "SQLITE_LIMIT_LENGTH": MAX_VALUE_BYTES,
    "SQLITE_LIMIT_SQL_LENGTH": 100_000,
    "SQLITE_LIMIT_COLUMN": 100,
    "SQLITE_LIMIT_EXPR_DEPTH": 100,
    "SQLITE_LIMIT_COMPOUND_SELECT": 10,
    "SQLITE_LIMIT_FUNCTION_ARG": 8,
    "SQLITE_LIMIT_ATTACHED": 0,
    "SQLITE_LIMIT_LIKE_PATTERN_LENGTH": 100,
    "SQLITE_LIMIT_VARIABLE_NUMBER": 1000,
    "SQLITE_LIMIT_TRIGGER_DEPTH": 1,
}


@dataclass(frozen=True)
class Fingerprint:
    """What a file held when we read it: its SHA-256 and size (mtime is not enough)."""

    sha256: str
    size: int


# ---------------------------------------------------------------- 1. header
def check_header(path: str | Path) -> int:
    """Judge `path` from its first 100 bytes; return its format version or raise FileProblem."""
    path = Path(path)
    size = check_regular(path, "a design file").st_size  # a FIFO named x.db would block open()
    try:
        with open_regular(path, "a design file") as handle:
            head = handle.read(100)
    except OSError as exc:
        raise FileProblem.unreadable(path, exc) from None
    return _judge_header(path, head, size)


def _judge_header(path: Path, head: bytes, size: int) -> int:
    if size == 0:
        raise FileProblem(
            path, "is empty (0 bytes), not a design file", zh="是空文件（0 字节），不是设计文件"
        )
    if size > MAX_FILE_BYTES:
        raise FileProblem(
            path,
            f"is too large for a design file ({size // 2**20} MB; "
            f"the limit is {MAX_FILE_BYTES // 2**20} MB)",
            zh=f"太大，不像设计文件（{size // 2**20} MB；上限为 {MAX_FILE_BYTES // 2**20} MB）",
        )
    if not head.startswith(SQLITE_MAGIC):
        raise FileProblem(
            path,
            "is not an Org Designer design file (not an SQLite database)",
            zh="不是组织架构设计器的设计文件（不是数据库文件）",
        )
    page_size = struct.unpack(">H", head[16:18])[0] if len(head) >= 18 else 0
    page_size = 65536 if page_size == 1 else page_size
    if len(head) < 100 or page_size < 512 or page_size & (page_size - 1) or size % page_size:
        raise FileProblem(
            path,
            "is damaged (truncated or not a whole SQLite file)",
            zh="已损坏（被截断，或不是完整的数据库文件）",
        )
    user_version, application_id = struct.unpack(">iI", head[60:64] + head[68:72])
    if application_id != schema.APPLICATION_ID:
        raise FileProblem(
            path,
            "is an SQLite database of another program, not an Org Designer design",
            zh="是其他程序的数据库，不是组织架构设计器的设计",
        )
    if user_version > schema.FORMAT_VERSION:
        raise NewerFormatError(path, user_version, schema.FORMAT_VERSION)
    if user_version < 1:
        raise FileProblem(
            path,
            f"has an unknown format version {user_version}",
            zh=f"的格式版本 {user_version} 无法识别",
        )
    return user_version


# ------------------------------------------------------------ 2. private copy
def private_copy(path: str | Path, dest: str | Path) -> Fingerprint:
    """Copy `path` to `dest` (which must not exist) in one pass; return the copy's fingerprint.

    Judge the copy's header afterwards (`check_header(dest)`): those are the
    bytes SQLite will open, so a file swapped after an earlier check cannot slip through.
    """
    path, dest = Path(path), Path(dest)
    digest = hashlib.sha256()
    size = 0
    try:
        with open_regular(path, "a design file") as src, open(dest, "xb") as out:
            while chunk := src.read(1 << 20):
                size += len(chunk)
                if size > MAX_FILE_BYTES:
                    raise FileProblem(
                        path,
                        f"is too large for a design file (over {MAX_FILE_BYTES // 2**20} MB)",
                        zh=f"太大，不像设计文件（超过 {MAX_FILE_BYTES // 2**20} MB）",
                    )
                digest.update(chunk)
                out.write(chunk)
    except OSError as exc:
        dest.unlink(missing_ok=True)
        raise FileProblem.unreadable(path, exc) from None
    except FileProblem:
        dest.unlink(missing_ok=True)
        raise
    return Fingerprint(digest.hexdigest(), size)


def fold_sidecars(path: str | Path, copy: str | Path) -> bool:
    """Make the private copy hold the file's last committed content; True if a sidecar was used.

    Another program writing `design.db` right now leaves its state in a
    sidecar: in WAL mode its latest commits are in `design.db-wal` until a
    checkpoint; in rollback mode a hot `design.db-journal` holds the pages of
    an unfinished transaction that SQLite would roll back. Reading the main
    file alone would show stale or torn content. The sidecar (a regular file,
    within the size cap) is copied beside the private copy and SQLite folds it
    in there, so the reader sees exactly what SQLite would; the user's files
    are not touched. The result is then checked like any untrusted file.
    """
    path, copy = Path(path), Path(copy)
    with open(copy, "rb") as handle:
        head = handle.read(20)
    wal_mode = head[18:20] == b"\x02\x02"
    sidecar = path.with_name(path.name + ("-wal" if wal_mode else "-journal"))
    used = False
    try:
        if os.path.lexists(sidecar) and not os.path.isfile(sidecar):
            raise FileNotFoundError  # a pipe or device is no log SQLite wrote: never opened
        check_regular(sidecar, "a database log")
        private_copy(sidecar, copy.with_name(copy.name + ("-wal" if wal_mode else "-journal")))
        used = True
    except FileNotFoundError:
        pass
    except FileProblem as exc:
        if exc.problem != "no such file":
            raise FileProblem(
                path,
                f"has a log file beside it that cannot be used ({sidecar.name}: {exc.problem})",
                zh=f"旁边的日志文件无法使用（{sidecar.name}：{zh_of(exc.problem_zh or exc.problem)}）",
            ) from None
    if not (wal_mode or used):
        return False
    conn = open_checked(copy, writable=True)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # rolls a hot journal back
        if wal_mode:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.execute("PRAGMA journal_mode=DELETE")
    finally:
        conn.close()
    return used


def fingerprint(path: str | Path) -> Fingerprint:
    """SHA-256 and size of a file (raises OSError if it cannot be read)."""
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            size += len(chunk)
            digest.update(chunk)
    return Fingerprint(digest.hexdigest(), size)


# ------------------------------------------------------------ 3. connection
def harden(conn: sqlite3.Connection) -> None:
    """Apply the defences to a connection on an untrusted (private) file."""
    conn.execute("PRAGMA trusted_schema=OFF")
    conn.execute("PRAGMA cell_size_check=ON")
    conn.execute("PRAGMA mmap_size=0")
    for name, value in _LIMITS.items():
        limit = getattr(sqlite3, name, None)
        if limit is not None and hasattr(conn, "setlimit"):
            conn.setlimit(limit, value)
    setconfig = getattr(conn, "setconfig", None)  # Python >= 3.12
    if setconfig is not None:
        for name in ("SQLITE_DBCONFIG_DEFENSIVE", "SQLITE_DBCONFIG_TRUSTED_SCHEMA"):
            option = getattr(sqlite3, name, None)
            if option is not None:
                setconfig(option, name.endswith("DEFENSIVE"))
    deadline = time.monotonic() + WORK_SECONDS
    conn.set_progress_handler(lambda: int(time.monotonic() > deadline), _PROGRESS_STEPS)


def open_checked(copy: str | Path, *, writable: bool = False) -> sqlite3.Connection:
    """A hardened connection on a private copy (read-only unless a migration needs to write)."""
    uri = Path(copy).resolve().as_uri() + ("?mode=rw" if writable else "?mode=ro")
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    try:
        harden(conn)
    except sqlite3.Error:
        conn.close()
        raise
    return conn


# ------------------------------------------------------------- 4. contents
@lru_cache(maxsize=1)
def expected_schema() -> dict[str, tuple]:
    """name -> (type, table, columns) of every object a current design file may hold."""
    conn = sqlite3.connect(":memory:")
    try:
        for statement in schema.STATEMENTS:  # what SQLAlchemy's create_all issues (a test)
            conn.execute(statement)
        return _actual_schema(conn)
    finally:
        conn.close()


def normalised_sql(sql: str | None) -> str:
    """A CREATE statement with quoting and layout normalised (the text SQLite keeps of it).

    Case and string literals are kept: a CHECK or DEFAULT that differs from
    ours in anything but whitespace and identifier quotes differs.
    """
    text = re.sub(r"\s+", " ", str(sql or "").replace('"', "").replace("`", ""))
    return re.sub(r" ?([(),]) ?", r"\1", text).strip()


def _actual_schema(conn: sqlite3.Connection) -> dict[str, tuple]:
    """name -> (type, table, columns, normalised full CREATE text) of every schema object."""
    out: dict[str, tuple] = {}
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    for kind, name, table, sql in rows:
        columns: tuple = ()
        if kind == "table" and name in schema.TABLE_NAMES:
            columns = tuple(
                (r[1], str(r[2]).upper(), r[3], r[5], r[6])
                for r in conn.execute(f'PRAGMA table_xinfo("{name}")')
            )
        out[name] = (kind, table, columns, normalised_sql(sql))
    return out


def check_database(conn: sqlite3.Connection, path: str | Path) -> None:
    """Schema allow-list, integrity and references of an opened private copy.

    The schema comes first: every object's full CREATE text (normalised) must
    be ours, so no CHECK, DEFAULT or other expression from the file is ever
    evaluated, not even by the integrity check (which checks CHECK constraints).
    """
    path = Path(path)
    check_schema(conn, path)
    problems = [str(r[0]) for r in conn.execute("PRAGMA integrity_check(3)")]
    if problems != ["ok"]:
        lines = [
            line.strip()
            for text in problems
            for line in text.splitlines()
            if line.strip() and not line.startswith("***")
        ]
        detail = lines[0][:120] if lines else "integrity check failed"
        raise FileProblem(path, f"is damaged ({detail})", zh="已损坏（完整性检查未通过）")
    for table in sorted(schema.TABLE_NAMES):
        rows = conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
        if rows > MAX_ROWS:
            raise FileProblem(
                path,
                f"has too many rows in {table!r} ({rows:,}; the limit is {MAX_ROWS:,})",
                zh=f"的 {table!r} 表行数过多（{rows:,}；上限为 {MAX_ROWS:,}）",
            )
    dangling = conn.execute("PRAGMA foreign_key_check").fetchone()
    if dangling is not None:
        raise FileProblem(
            path,
            f"has a broken reference in table {dangling[0]!r} "
            f"(to a missing row of {dangling[2]!r})",
            zh=f"的 {dangling[0]!r} 表中有断开的引用（指向 {dangling[2]!r} 中不存在的行）",
        )


def check_schema(conn: sqlite3.Connection, path: str | Path) -> None:
    """Every schema object is exactly one of ours, and none of ours is missing."""
    path = Path(path)
    expected = expected_schema()
    actual = _actual_schema(conn)
    for name, found in actual.items():
        kind = found[0]
        if name not in expected:
            what = "a virtual table" if "VIRTUAL" in _sql_of(conn, name) else f"a {kind}"
            raise FileProblem(
                path,
                f"contains {what} {name!r} that Org Designer does not "
                "make; it was refused and not run",
                zh=_REFUSED_ZH.format(name=name),
            )
        if expected[name] != found:
            raise FileProblem(
                path,
                f"has a changed {kind} {name!r} (its definition is not "
                "Org Designer's); it was refused and not run",
                zh=_CHANGED_ZH.format(name=name),
            )
    missing = sorted(set(expected) - set(actual))
    if missing:
        raise FileProblem(
            path, f"is incomplete: {missing[0]!r} is missing", zh=f"不完整：缺少 {missing[0]!r}"
        )


def check_migrated_columns(conn: sqlite3.Connection, path: str | Path) -> None:
    """After migrating an older file's copy: each table has exactly our columns.

    The copy is rebuilt from our schema with only our columns copied, so a
    column the file added of its own would silently vanish: refuse instead.
    """
    expected = expected_schema()
    for name, (kind, _table, columns, _sql) in expected.items():
        if kind != "table":
            continue
        found = tuple(r[1] for r in conn.execute(f'PRAGMA table_xinfo("{name}")'))
        if sorted(found) != sorted(c[0] for c in columns):
            raise FileProblem(
                path,
                f"has a changed table {name!r} (its definition is not "
                "Org Designer's); it was refused and not run",
                zh=_CHANGED_ZH.format(name=name),
            )


def _sql_of(conn: sqlite3.Connection, name: str) -> str:
    row = conn.execute("SELECT sql FROM sqlite_master WHERE name=?", (name,)).fetchone()
    return str(row[0] or "").upper() if row else ""


def describe_sqlite_error(exc: BaseException) -> str:
    """A user-readable reason for an SQLite error on an untrusted file."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    lowered = text.lower()
    if "too big" in lowered:
        return Words(
            f"holds a value larger than {MAX_VALUE_BYTES // 1000} kB (damaged or hostile file)",
            f"含有大于 {MAX_VALUE_BYTES // 1000} kB 的值（文件已损坏或有恶意）",
        )
    if "interrupted" in lowered:
        return Words(
            "took too long to read (damaged or hostile file)",
            "读取时间过长（文件已损坏或有恶意）",
        )
    if "malformed" in lowered or "corrupt" in lowered:
        return Words("is damaged (the database structure is broken)", "已损坏（数据库结构被破坏）")
    if "not a database" in lowered:
        return Words("is damaged or not a valid design file", "已损坏，或不是有效的设计文件")
    return Words(
        f"is damaged or not a valid design file ({text[:120]})",
        "已损坏，或不是有效的设计文件",
    )


def check_no_code(conn: sqlite3.Connection, path: str | Path) -> None:
    """Before migrating an older file: refuse anything that could run SQL of the file.

    Only plain tables and SQLite's own key indexes; in the tables, only our
    own CHECK constraints and literal DEFAULTs (an older format's full text
    cannot be compared with today's, so its expressions are judged instead).
    The migrated copy is then rebuilt from our schema (`storage.load_checked`).
    """
    allowed = _our_checks()
    for kind, name, sql in conn.execute("SELECT type, name, sql FROM sqlite_master"):
        text = normalised_sql(sql)
        if kind not in ("table", "index") or "VIRTUAL" in text.upper() or (kind == "index" and sql):
            raise FileProblem(
                path,
                f"contains a {kind} {name!r} that Org Designer does not "
                "make; it was refused and not run",
                zh=_REFUSED_ZH.format(name=name),
            )
        expressions = [e for e in _checks(text) if e not in allowed]
        if expressions or re.search(r"\b(DEFAULT|AS) ?\(", text, re.IGNORECASE):
            raise FileProblem(
                path,
                f"has a changed {kind} {name!r} (its definition is not "
                "Org Designer's); it was refused and not run",
                zh=_CHANGED_ZH.format(name=name),
            )


_REFUSED_ZH = "含有组织架构设计器不会创建的对象 {name!r}，已拒绝，没有执行"
_CHANGED_ZH = "中的 {name!r} 被改动过（定义与组织架构设计器的不同），已拒绝，没有执行"


def _checks(text: str) -> list[str]:
    """The bodies of the CHECK constraints in a normalised CREATE statement."""
    out = []
    for match in re.finditer(r"\bCHECK ?\(", text, re.IGNORECASE):
        depth, start = 0, match.end() - 1
        for i in range(start, len(text)):
            depth += {"(": 1, ")": -1}.get(text[i], 0)
            if depth == 0:
                out.append(text[start : i + 1])
                break
        else:
            out.append(text[start:])
    return out


@lru_cache(maxsize=1)
def _our_checks() -> frozenset[str]:
    return frozenset(c for value in expected_schema().values() for c in _checks(value[3]))
