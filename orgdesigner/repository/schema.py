"""The tables of a team repository on PostgreSQL (SQLAlchemy Core).

Everything lives in the PostgreSQL schema `orgdesigner`, so the repository
can share a database with other applications. A design holds scenarios, as a
design file does (`scenarios`, in order; the first is the base). Content rows
are keyed by (design_id, scenario, revision, object id): revision 0 is the
live design that the editors change together; revision N > 0 is the frozen
copy of version N that `repo push` (or "save version") recorded, every
scenario of it. The value columns of the content tables are the file's own
(`orgdesigner.schema`), taken from its tables here, so a field added to the
file format is a column here too (a repository migration adds it to existing
repositories). Every content row carries `row_version`, raised by each change,
for optimistic concurrency; `changes` is the journal the editors replay after
a NOTIFY; `versions` is the history (who, when, comment).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Identity,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    Table,
    Text,
    UniqueConstraint,
)

from .. import schema as file_schema

SCHEMA = "orgdesigner"
SCHEMA_VERSION = 2  # the repository's own format; `repo init` upgrades older ones (migrations.py)
LIVE = 0  # the revision the editors share
CHANNEL = "orgdesigner_changes"  # LISTEN/NOTIFY channel; payload "design_id seq"

metadata = MetaData(schema=SCHEMA)
FLAGS = frozenset({"vacant", "directed", "required", "staff"})  # 0/1 in the file, booleans here
FILE_ONLY = frozenset({"scenario_id", "sort_order"})  # the repository has scenario and position

info = Table(
    "repository_info",
    metadata,
    Column("key", Text, primary_key=True),
    Column("value", Text, nullable=False),
)

designs = Table(
    "designs",
    metadata,
    Column("id", Integer, Identity(), primary_key=True),
    Column("name", Text, nullable=False, unique=True),
    Column("design_uuid", Text, nullable=False),
    Column("title", Text, nullable=False, server_default=""),  # the design's own name field
    Column("description", Text, nullable=False, server_default=""),
    Column("author", Text, nullable=False, server_default=""),
    Column("language", Text, nullable=False, server_default="zh"),
    Column("created", Text, nullable=False, server_default=""),
    Column("modified", Text, nullable=False, server_default=""),
    Column("head", Integer, nullable=False, server_default="0"),  # latest version number
    Column(
        "edits", BigInteger, nullable=False, server_default="0"
    ),  # every push and live edit raises it
    Column("changed_by", Text, nullable=False, server_default=""),
    Column("changed_at", Text, nullable=False, server_default=""),
    Column("row_version", Integer, nullable=False, server_default="1"),
)

versions = Table(
    "versions",
    metadata,
    Column("design_id", Integer, ForeignKey("designs.id", ondelete="CASCADE"), nullable=False),
    Column("number", Integer, nullable=False),
    Column("saved_by", Text, nullable=False),
    Column("saved_at", Text, nullable=False),
    Column("comment", Text, nullable=False, default=""),
    Column("departments", Integer, nullable=False, default=0),
    Column("edits", BigInteger, nullable=False, default=0),  # designs.edits when it was saved
    Column("meta", Text, nullable=False, default="{}"),  # title, description, settings ... then
    PrimaryKeyConstraint("design_id", "number"),
)

# A design's scenarios, in order (the first is the base one `URL#NAME` opens), per revision
# like the content; `settings` is each scenario's own (a JSON object of plain values).
scenarios = Table(
    "scenarios",
    metadata,
    Column("design_id", Integer, ForeignKey("designs.id", ondelete="CASCADE"), nullable=False),
    Column("revision", Integer, nullable=False),
    Column("id", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("created", Text, nullable=False, server_default=""),
    Column("modified", Text, nullable=False, server_default=""),
    Column("position", Integer, nullable=False),
    Column("settings", Text, nullable=False, server_default="{}"),
    Column("row_version", Integer, nullable=False, server_default="1"),
    PrimaryKeyConstraint("design_id", "revision", "id"),
    UniqueConstraint("design_id", "revision", "name", name="scenarios_name"),
)


def _repository_column(column: Column) -> Column:
    """A file column as the repository keeps it: PostgreSQL booleans for the file's 0/1 flags."""
    flag = column.name in FLAGS
    default: Any = getattr(column.default, "arg", None)
    server_default: Any = getattr(column.server_default, "arg", None)
    if flag:
        default = None if default is None else bool(default)
        server_default = None if server_default is None else "false"
    return Column(
        column.name,
        Boolean if flag else column.type,
        nullable=column.nullable,
        default=default,
        server_default=server_default,
    )


def _content(name: str, *extra: Column, key: tuple[str, ...] = ("id",)) -> Table:
    """The file's table `name` with the repository's key and order: the value columns are
    the file's (one list: a field added to the file format arrives here by itself), then
    `extra`; keyed by (design, scenario, revision, own key) and carrying a row version."""
    own = [
        _repository_column(c)
        for c in file_schema.metadata.tables[name].columns
        if c.name not in FILE_ONLY
    ]
    ordered = (
        [Column("position", Float, nullable=False)]
        if "sort_order" in file_schema.metadata.tables[name].c
        else []
    )
    return Table(
        name,
        metadata,
        Column("design_id", Integer, ForeignKey("designs.id", ondelete="CASCADE"), nullable=False),
        Column("scenario", Text, nullable=False),
        Column("revision", Integer, nullable=False),
        *own,
        *extra,
        *ordered,
        Column("row_version", Integer, nullable=False, default=1),
        PrimaryKeyConstraint("design_id", "scenario", "revision", *key),
    )


departments = _content("departments")
links = _content("links")
functions = _content("functions")
kpis = _content(
    "kpis",
    # the file's kpi_departments / kpi_functions tables, as JSON lists of ids in order
    Column("shared", Text, nullable=False, default="[]"),
    Column("functions", Text, nullable=False, default="[]"),
)
responsibilities = _content("responsibilities", key=("function_id", "department_id"))

changes = Table(
    "changes",
    metadata,
    Column("seq", BigInteger, Identity(), primary_key=True),
    Column("design_id", Integer, ForeignKey("designs.id", ondelete="CASCADE"), nullable=False),
    Column(
        "kind", Text, nullable=False
    ),  # departments, links, functions, responsibilities, design, reload
    Column("key", Text, nullable=False),  # object id; "function_id department_id" for roles
    Column("scenario", Text, nullable=False, server_default=""),  # "" for a reload (all)
    Column("client", Text, nullable=False, default=""),
    Column("user_name", Text, nullable=False, default=""),
    Index("changes_by_design", "design_id", "seq"),
)

presence = Table(
    "presence",
    metadata,
    Column("design_id", Integer, ForeignKey("designs.id", ondelete="CASCADE"), nullable=False),
    Column("client", Text, nullable=False),
    Column("user_name", Text, nullable=False),
    Column("host", Text, nullable=False, default=""),
    Column("since", Text, nullable=False),
    Column("seen", Float, nullable=False),  # server epoch seconds of the last heartbeat
    PrimaryKeyConstraint("design_id", "client"),
)

CONTENT = {
    "departments": departments,
    "links": links,
    "functions": functions,
    "responsibilities": responsibilities,
    "kpis": kpis,
}
