"""Format 1 -> 2, the domain half (issue 15): committee chair and cadence, vacant posts,
the responsible post of a function or journey stage, and KPIs.

`upgrade_domain(op, conn)` is one half of the single step from format 1 to 2 (the
scenarios half is `migration_v2_scenarios`); `migrations.MIGRATIONS[1]` calls both.
The new tables are spelled out here, not taken from `schema`, so that a later
format cannot change what this step creates.
"""

from __future__ import annotations

from typing import Any

from alembic.operations import Operations
from sqlalchemy import Column, Connection, ForeignKey, Integer, PrimaryKeyConstraint, Text, text

_deferred: dict[str, Any] = {"deferrable": True, "initially": "DEFERRED"}


def upgrade_domain(op: Operations, conn: Connection) -> None:
    # New columns at the end of existing tables, with defaults: SQLite adds them in
    # place (no table rebuild), and the column order equals a new file's.
    for name, column_type, default in (
        ("chair", Text, "''"),
        ("cadence", Text, "''"),
        ("vacant", Integer, "0"),
    ):
        op.add_column(
            "departments", Column(name, column_type, nullable=False, server_default=text(default))
        )
    op.add_column("functions", Column("post", Text, nullable=False, server_default=text("''")))
    op.create_table(
        "kpis",
        Column("id", Text, primary_key=True),
        Column("key", Text, nullable=False),
        Column("name", Text, nullable=False),
        Column("unit", Text, nullable=False),
        Column("owner_id", Text, ForeignKey("departments.id", **_deferred), nullable=True),
        Column("description", Text, nullable=False),
        Column("sort_order", Integer, nullable=False),
    )
    op.create_table(
        "kpi_functions",
        Column("kpi_id", Text, ForeignKey("kpis.id", **_deferred), nullable=False),
        Column("function_id", Text, ForeignKey("functions.id", **_deferred), nullable=False),
        Column("sort_order", Integer, nullable=False),
        PrimaryKeyConstraint("kpi_id", "function_id"),
    )
    op.create_table(
        "kpi_departments",
        Column("kpi_id", Text, ForeignKey("kpis.id", **_deferred), nullable=False),
        Column("department_id", Text, ForeignKey("departments.id", **_deferred), nullable=False),
        Column("sort_order", Integer, nullable=False),
        PrimaryKeyConstraint("kpi_id", "department_id"),
    )
