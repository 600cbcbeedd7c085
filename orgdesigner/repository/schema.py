"""The tables of a team repository on PostgreSQL (SQLAlchemy Core).

Everything lives in the PostgreSQL schema `orgdesigner`, so the repository
can share a database with other applications. Content rows are keyed by
(design_id, revision, object id): revision 0 is the live design that the
editors change together; revision N > 0 is the frozen copy of version N that
`repo push` (or "save version") recorded. A later scenario column joins this
key the same way (design_id, scenario, revision, id) without touching the
rest. Every content row carries `row_version`, raised by each change, for
optimistic concurrency; `changes` is the journal the editors replay after a
NOTIFY; `versions` is the history (who, when, comment).
"""

from __future__ import annotations

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
)

SCHEMA = "orgdesigner"
SCHEMA_VERSION = 1  # the repository's own format; `repo init` upgrades older ones
LIVE = 0  # the revision the editors share
CHANNEL = "orgdesigner_changes"  # LISTEN/NOTIFY channel; payload "design_id seq"

metadata = MetaData(schema=SCHEMA)

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
    Column("settings", Text, nullable=False, server_default="{}"),  # JSON object of plain values
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


def _content(name: str, *columns: Column, key: tuple[str, ...] = ("id",)) -> Table:
    return Table(
        name,
        metadata,
        Column("design_id", Integer, ForeignKey("designs.id", ondelete="CASCADE"), nullable=False),
        Column("revision", Integer, nullable=False),
        *columns,
        Column("row_version", Integer, nullable=False, default=1),
        PrimaryKeyConstraint("design_id", "revision", *key),
    )


departments = _content(
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
    Column("chair", Text, nullable=False, default=""),
    Column("cadence", Text, nullable=False, default=""),
    Column("vacant", Boolean, nullable=False, default=False),
    Column("position", Float, nullable=False),
)

links = _content(
    "links",
    Column("id", Text, nullable=False),
    Column("source_id", Text, nullable=False),
    Column("target_id", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("label", Text, nullable=False, default=""),
    Column("directed", Boolean, nullable=False, default=False),
    Column("position", Float, nullable=False),
)

functions = _content(
    "functions",
    Column("id", Text, nullable=False),
    Column("key", Text, nullable=False, default=""),
    Column("name", Text, nullable=False),
    Column("category", Text, nullable=False),
    Column("required", Boolean, nullable=False, default=True),
    Column("description", Text, nullable=False, default=""),
    Column("post", Text, nullable=False, default=""),
    Column("position", Float, nullable=False),
)

kpis = _content(
    "kpis",
    Column("id", Text, nullable=False),
    Column("key", Text, nullable=False, default=""),
    Column("name", Text, nullable=False),
    Column("unit", Text, nullable=False, default=""),
    Column("owner_id", Text, nullable=True),
    Column("shared", Text, nullable=False, default="[]"),  # JSON list of department ids, in order
    Column("functions", Text, nullable=False, default="[]"),  # JSON list of function ids, in order
    Column("description", Text, nullable=False, default=""),
    Column("position", Float, nullable=False),
)

responsibilities = _content(
    "responsibilities",
    Column("function_id", Text, nullable=False),
    Column("department_id", Text, nullable=False),
    Column("role", Text, nullable=False),
    key=("function_id", "department_id"),
)

changes = Table(
    "changes",
    metadata,
    Column("seq", BigInteger, Identity(), primary_key=True),
    Column("design_id", Integer, ForeignKey("designs.id", ondelete="CASCADE"), nullable=False),
    Column(
        "kind", Text, nullable=False
    ),  # departments, links, functions, responsibilities, design, reload
    Column("key", Text, nullable=False),  # object id; "function_id department_id" for roles
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
