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


def _upgrade_1_to_2(op: Operations, conn: Connection) -> None:
    """Format 2: one step for everything new in it. Scenarios first (the file's design
    becomes scenario 现状 and every content table is scoped to it), then the domain's new
    columns and tables (KPIs ...), which then join that scenario too."""
    from .migration_v2_domain import upgrade_domain
    from .migration_v2_scenarios import scope_content_tables, upgrade_scenarios

    upgrade_scenarios(op, conn)
    upgrade_domain(op, conn)
    scope_content_tables(op, conn)


def _upgrade_2_to_3(op: Operations, conn: Connection) -> None:
    """Format 3: the staff-unit flag of a department, first set as format 2's charts guessed."""
    from .migration_v3_staff import upgrade_staff

    upgrade_staff(op, conn)


MIGRATIONS: dict[int, Migration] = {1: _upgrade_1_to_2, 2: _upgrade_2_to_3}


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
