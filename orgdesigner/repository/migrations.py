"""Creating and upgrading a repository's schema: versioned steps, like the file format.

The repository's format version is the row `schema_version` of
`orgdesigner.repository_info`. `MIGRATIONS[v]` upgrades format v to v + 1
with Alembic's `Operations` API, inside one transaction (PostgreSQL has
transactional DDL: a failed upgrade leaves the old schema untouched). A
step, once released, never changes: a later format adds a step
(`migration_steps.py`). A new repository runs every step from 0.
"""

from __future__ import annotations

from collections.abc import Callable

from alembic.operations import Operations
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.exc import SQLAlchemyError

from . import schema
from .connection import (
    CONNECT_TIMEOUT,
    RepositoryError,
    describe_error,
    display_url,
    sqlalchemy_url,
)
from .migration_steps import create_v1, v1_to_v2

Migration = Callable[[Operations, Connection], None]


MIGRATIONS: dict[int, Migration] = {0: create_v1, 1: v1_to_v2}
_INIT_LOCK = 0x4F524744  # advisory lock id: two `repo init` at once take turns


def make_engine(url: str, **options) -> Engine:
    return create_engine(
        sqlalchemy_url(url),
        connect_args={"connect_timeout": CONNECT_TIMEOUT, "application_name": "Org Designer"},
        **options,
    )


def schema_version(conn: Connection) -> int:
    """0 when the database has no repository of ours."""
    found = conn.execute(
        text("SELECT to_regclass(:t)"), {"t": f"{schema.SCHEMA}.repository_info"}
    ).scalar()
    if found is None:
        return 0
    value = conn.execute(
        text(f"SELECT value FROM {schema.SCHEMA}.repository_info WHERE key = 'schema_version'")
    ).scalar()
    try:
        return int(value or 0)
    except ValueError:
        return 0


def check_version(version: int, url: str) -> None:
    """Refuse a database without our schema, an older one, or a newer one, in one line."""
    where = display_url(url)
    if version == 0:
        raise RepositoryError(
            f"{where}: this database has no Org Designer repository "
            f"(create it with: python -m orgdesigner repo init URL)",
            zh=f"{where}：这个数据库里没有组织架构设计器的资料库"
            "（用 python -m orgdesigner repo init URL 创建）",
        )
    if version > schema.SCHEMA_VERSION:
        raise RepositoryError(
            f"{where}: the repository was set up by a newer Org Designer "
            f"(repository format {version}); this version works with format "
            f"{schema.SCHEMA_VERSION}: upgrade Org Designer",
            zh=f"{where}：资料库由更新版本的组织架构设计器建立（格式 {version}）；"
            f"本版本使用格式 {schema.SCHEMA_VERSION}，请升级程序",
        )
    if version < schema.SCHEMA_VERSION:
        raise RepositoryError(
            f"{where}: the repository uses the older format {version}; "
            f"upgrade it with: python -m orgdesigner repo init URL",
            zh=f"{where}：资料库使用旧格式 {version}；"
            "请用 python -m orgdesigner repo init URL 升级",
        )


def init_repository(url: str) -> tuple[int, int]:
    """Create or upgrade the schema; return (format before, format now)."""
    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _INIT_LOCK})
            before = version = schema_version(conn)
            if version > schema.SCHEMA_VERSION:
                check_version(version, url)
            ops = Operations(MigrationContext.configure(conn))
            while version < schema.SCHEMA_VERSION:
                MIGRATIONS[version](ops, conn)
                version += 1
            conn.execute(
                text(
                    f"INSERT INTO {schema.SCHEMA}.repository_info (key, value) "
                    "VALUES ('schema_version', :v) ON CONFLICT (key) DO UPDATE SET value = :v"
                ),
                {"v": str(version)},
            )
        return before, version
    except RepositoryError:
        raise
    except SQLAlchemyError as exc:
        raise describe_error(exc, url) from None
    finally:
        engine.dispose()


def open_repository(url: str, **options) -> Engine:
    """An engine on a repository whose schema this program can use (else RepositoryError)."""
    engine = make_engine(url, **options)
    try:
        with engine.connect() as conn:
            check_version(schema_version(conn), url)
    except RepositoryError:
        engine.dispose()
        raise
    except SQLAlchemyError as exc:
        engine.dispose()
        raise describe_error(exc, url) from None
    return engine
