"""The tables of a `.db` design file (SQLAlchemy Core).

Plain, readable tables (open the file in the `sqlite3` shell and `SELECT *`):
no pickles or JSON blobs for the main data. The file is marked with SQLite's
`application_id` and its format version is SQLite's `user_version`; both sit
in the 100-byte header, so a file can be judged before SQLite opens it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    CheckConstraint, Column, Float, ForeignKey, Integer, MetaData, PrimaryKeyConstraint, Table,
    Text,
)

APPLICATION_ID = 0x4F524744  # "ORGD"
FORMAT_VERSION = 2

metadata = MetaData()

_deferred: dict[str, Any] = {"deferrable": True, "initially": "DEFERRED"}

meta = Table(
    "meta", metadata,
    Column("key", Text, primary_key=True),
    Column("value", Text, nullable=False),
)

settings = Table(
    "settings", metadata,
    Column("key", Text, primary_key=True),
    Column("value", Text, nullable=False),  # JSON scalar
)

departments = Table(
    "departments", metadata,
    Column("id", Text, primary_key=True),
    Column("code", Text, nullable=False, default=""),
    Column("name", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("parent_id", Text, ForeignKey("departments.id", **_deferred), nullable=True),
    Column("leader", Text, nullable=False, default=""),
    Column("headcount", Float, nullable=False, default=0),
    Column("budget", Float, nullable=False, default=0),
    Column("color", Text, nullable=False),
    Column("x", Float, nullable=False, default=0),
    Column("y", Float, nullable=False, default=0),
    Column("notes", Text, nullable=False, default=""),
    Column("sort_order", Integer, nullable=False),
    # format 2: a committee's chair and meeting cadence; an open leading post
    Column("chair", Text, nullable=False, server_default=""),
    Column("cadence", Text, nullable=False, server_default=""),
    Column("vacant", Integer, nullable=False, server_default="0"),
    CheckConstraint("kind IN ('department','team','committee','business_unit','office')",
                    name="department_kind"),
)

links = Table(
    "links", metadata,
    Column("id", Text, primary_key=True),
    Column("source_id", Text, ForeignKey("departments.id", **_deferred), nullable=False),
    Column("target_id", Text, ForeignKey("departments.id", **_deferred), nullable=False),
    Column("kind", Text, nullable=False),
    Column("label", Text, nullable=False, default=""),
    Column("directed", Integer, nullable=False, default=0),
    Column("sort_order", Integer, nullable=False),
    CheckConstraint("kind IN ('collaboration','committee','dotted')", name="link_kind"),
)

functions = Table(
    "functions", metadata,
    Column("id", Text, primary_key=True),
    Column("key", Text, nullable=False, default=""),
    Column("name", Text, nullable=False),
    Column("category", Text, nullable=False),
    Column("required", Integer, nullable=False, default=1),
    Column("description", Text, nullable=False, default=""),
    Column("sort_order", Integer, nullable=False),
    Column("post", Text, nullable=False, server_default=""),  # format 2: the responsible post
)

responsibilities = Table(
    "responsibilities", metadata,
    Column("function_id", Text, ForeignKey("functions.id", **_deferred), nullable=False),
    Column("department_id", Text, ForeignKey("departments.id", **_deferred), nullable=False),
    Column("role", Text, nullable=False),
    PrimaryKeyConstraint("function_id", "department_id"),
    CheckConstraint("role IN ('R','A','C','I')", name="raci_role"),
)

# format 2: KPIs (考核指标), the functions they measure and the departments sharing them
kpis = Table(
    "kpis", metadata,
    Column("id", Text, primary_key=True),
    Column("key", Text, nullable=False, default=""),
    Column("name", Text, nullable=False),
    Column("unit", Text, nullable=False, default=""),
    Column("owner_id", Text, ForeignKey("departments.id", **_deferred), nullable=True),
    Column("description", Text, nullable=False, default=""),
    Column("sort_order", Integer, nullable=False),
)

kpi_functions = Table(
    "kpi_functions", metadata,
    Column("kpi_id", Text, ForeignKey("kpis.id", **_deferred), nullable=False),
    Column("function_id", Text, ForeignKey("functions.id", **_deferred), nullable=False),
    Column("sort_order", Integer, nullable=False),
    PrimaryKeyConstraint("kpi_id", "function_id"),
)

kpi_departments = Table(
    "kpi_departments", metadata,
    Column("kpi_id", Text, ForeignKey("kpis.id", **_deferred), nullable=False),
    Column("department_id", Text, ForeignKey("departments.id", **_deferred), nullable=False),
    Column("sort_order", Integer, nullable=False),
    PrimaryKeyConstraint("kpi_id", "department_id"),
)

# The design's content, one row per object or tie (meta and settings are the design's own).
CONTENT_TABLES = ("departments", "links", "functions", "responsibilities", "kpis",
                  "kpi_functions", "kpi_departments")

TABLE_NAMES = frozenset(metadata.tables)
