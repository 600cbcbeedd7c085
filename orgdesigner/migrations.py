"""Versioned migrations of the design file format, run on a private copy.

The format version lives in SQLite's `user_version` (readable from the file
header without SQLite). Each step upgrades one version with Alembic's
`Operations` API, whose batch mode rebuilds SQLite tables safely (SQLite's
ALTER TABLE cannot change or drop columns); we do not use Alembic's version
table or script directory, since the version must be in the header.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from alembic.operations import Operations
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, create_engine, event

from . import schema

# MIGRATIONS[v] upgrades a file from format v to v + 1.
Migration = Callable[[Operations, Connection], None]


def _format_2(op: Operations, conn: Connection) -> None:
    """Format 1 -> 2: scenarios (every content table scoped to one)."""
    from .migration_v2_scenarios import upgrade_scenarios

    upgrade_scenarios(op, conn)


MIGRATIONS: dict[int, Migration] = {1: _format_2}


def migrate_copy(path: Path, version: int) -> None:
    """Upgrade the file at `path` (a private copy) from `version` to the current format."""
    from . import untrusted

    # The copy is still untrusted: the same limits and work budget as for reading it.
    engine = create_engine("sqlite://", creator=lambda: untrusted.open_checked(path, writable=True))

    @event.listens_for(engine, "begin")
    def _begin(conn) -> None:  # the hardened connection is in autocommit mode
        conn.exec_driver_sql("BEGIN")

    try:
        while version < schema.FORMAT_VERSION:
            step = MIGRATIONS.get(version)
            if step is None:
                raise ValueError(f"no migration from format {version}")
            with engine.begin() as conn:
                step(Operations(MigrationContext.configure(conn)), conn)
                conn.exec_driver_sql(f"PRAGMA user_version={version + 1}")
            version += 1
    finally:
        engine.dispose()
