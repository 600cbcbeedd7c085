"""The tables of a `.db` design file (SQLAlchemy Core).

Plain, readable tables (open the file in the `sqlite3` shell and `SELECT *`):
no pickles or JSON blobs for the main data. The file is marked with SQLite's
`application_id` and its format version is SQLite's `user_version`; both sit
in the 100-byte header, so a file can be judged before SQLite opens it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    CheckConstraint,
    Column,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    Table,
    Text,
)

# (defined where the read path finds them without SQLAlchemy)
from .schema_sql import APPLICATION_ID, FORMAT_VERSION  # noqa: F401

metadata = MetaData()

_deferred: dict[str, Any] = {"deferrable": True, "initially": "DEFERRED"}

meta = Table(
    "meta",
    metadata,
    Column("key", Text, primary_key=True),
    Column("value", Text, nullable=False),
)

scenarios = Table(
    "scenarios",
    metadata,
    Column("id", Text, primary_key=True),
    Column("name", Text, nullable=False, unique=True),
    Column("created", Text, nullable=False),
    Column("modified", Text, nullable=False),
    Column("sort_order", Integer, nullable=False),
)

# Every content table is scoped to a scenario: its first column is `scenario_id`,
# its primary key is (scenario_id, <own key>) and references stay inside one
# scenario, so an object keeps its id in every copy of a scenario. A new content
# table joins by being declared with `content_table` (and the format-1 -> 2
# migration scopes any listed table it finds).
SCENARIO_TABLES: list[str] = []


def content_table(
    name: str, *items, key: tuple[str, ...] = ("id",), references: dict[str, str] | None = None
) -> Table:
    """A table scoped to a scenario; `references` maps a column to the table whose id it holds."""
    constraints = [
        PrimaryKeyConstraint("scenario_id", *key),
        *(
            ForeignKeyConstraint(
                ["scenario_id", column], [f"{table}.scenario_id", f"{table}.id"], **_deferred
            )
            for column, table in (references or {}).items()
        ),
    ]
    table = Table(
        name,
        metadata,
        Column("scenario_id", Text, ForeignKey("scenarios.id", **_deferred), nullable=False),
        *items,
        *constraints,
    )
    SCENARIO_TABLES.append(name)
    return table


settings = content_table(
    "settings",
    Column("key", Text, nullable=False),
    Column("value", Text, nullable=False),  # JSON scalar
    key=("key",),
)

departments = content_table(
    "departments",
    Column("id", Text, nullable=False),
    Column("code", Text, nullable=False, default=""),
    Column("name", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("parent_id", Text, nullable=True),
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
    # format 3: a staff unit (参谋部门), drawn beside its manager
    Column("staff", Integer, nullable=False, server_default="0"),
    CheckConstraint(
        "kind IN ('department','team','committee','business_unit','office')", name="department_kind"
    ),
    references={"parent_id": "departments"},
)

links = content_table(
    "links",
    Column("id", Text, nullable=False),
    Column("source_id", Text, nullable=False),
    Column("target_id", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("label", Text, nullable=False, default=""),
    Column("directed", Integer, nullable=False, default=0),
    Column("sort_order", Integer, nullable=False),
    CheckConstraint("kind IN ('collaboration','committee','dotted')", name="link_kind"),
    references={"source_id": "departments", "target_id": "departments"},
)

functions = content_table(
    "functions",
    Column("id", Text, nullable=False),
    Column("key", Text, nullable=False, default=""),
    Column("name", Text, nullable=False),
    Column("category", Text, nullable=False),
    Column("required", Integer, nullable=False, default=1),
    Column("description", Text, nullable=False, default=""),
    Column("sort_order", Integer, nullable=False),
    Column("post", Text, nullable=False, server_default=""),  # format 2: the responsible post
)

responsibilities = content_table(
    "responsibilities",
    Column("function_id", Text, nullable=False),
    Column("department_id", Text, nullable=False),
    Column("role", Text, nullable=False),
    CheckConstraint("role IN ('R','A','C','I')", name="raci_role"),
    key=("function_id", "department_id"),
    references={"function_id": "functions", "department_id": "departments"},
)

# format 2: KPIs (考核指标), the functions they measure and the departments sharing them
kpis = content_table(
    "kpis",
    Column("id", Text, nullable=False),
    Column("key", Text, nullable=False, default=""),
    Column("name", Text, nullable=False),
    Column("unit", Text, nullable=False, default=""),
    Column("owner_id", Text, nullable=True),
    Column("description", Text, nullable=False, default=""),
    Column("sort_order", Integer, nullable=False),
    references={"owner_id": "departments"},
)

kpi_functions = content_table(
    "kpi_functions",
    Column("kpi_id", Text, nullable=False),
    Column("function_id", Text, nullable=False),
    Column("sort_order", Integer, nullable=False),
    key=("kpi_id", "function_id"),
    references={"kpi_id": "kpis", "function_id": "functions"},
)

kpi_departments = content_table(
    "kpi_departments",
    Column("kpi_id", Text, nullable=False),
    Column("department_id", Text, nullable=False),
    Column("sort_order", Integer, nullable=False),
    key=("kpi_id", "department_id"),
    references={"kpi_id": "kpis", "department_id": "departments"},
)

# The design's content, one row per object or tie (meta and settings are the design's own).
CONTENT_TABLES = (
    "departments",
    "links",
    "functions",
    "responsibilities",
    "kpis",
    "kpi_functions",
    "kpi_departments",
)

TABLE_NAMES = frozenset(metadata.tables)
