"""Format 1 -> 2, part one: scenarios.

A format-1 file holds one design; format 2 holds named scenarios, and every
content table (`schema.SCENARIO_TABLES`) gains a leading `scenario_id`
column, a primary key of (scenario_id, own key) and references scoped to
one scenario. The file's design becomes one scenario named 现状 / "As is".

The step is generic: each listed table found in the file is rebuilt from
its own stored definition (so its columns, defaults and CHECK constraints
stay exactly as they were), with the scenario column put in front. Tables
another part of the same format step adds afterwards (the domain's KPIs) are
scoped by running `scope_content_tables` once more after it.
"""

from __future__ import annotations

import re
import uuid

from alembic.operations import Operations
from sqlalchemy import Connection, MetaData, text

from . import schema
from .scenarios import default_name

_CREATE = re.compile(r'^\s*CREATE TABLE\s+"?(\w+)"?\s*\(', re.IGNORECASE)
_PRIMARY = re.compile(r"PRIMARY KEY \(", re.IGNORECASE)
_FOREIGN = re.compile(
    r"FOREIGN KEY\s*\(([^)]*)\)\s*REFERENCES\s+\"?(\w+)\"?\s*\(([^)]*)\)", re.IGNORECASE
)


def scoped_ddl(sql: str) -> str:
    """The CREATE TABLE of a format-1 content table, rewritten with the scenario column."""
    found = _CREATE.match(sql)
    if found is None:
        raise ValueError("not a CREATE TABLE statement")
    name = found.group(1)
    body = sql[found.end() :].rstrip()
    if not body.endswith(")"):
        raise ValueError(f"unexpected definition of table {name!r}")
    body = body[:-1].rstrip()
    body = _PRIMARY.sub("PRIMARY KEY (scenario_id, ", body, count=1)
    body = _FOREIGN.sub(
        lambda m: (
            f"FOREIGN KEY(scenario_id, {m.group(1)}) REFERENCES "
            f"{m.group(2)} (scenario_id, {m.group(3)})"
        ),
        body,
    )
    return (
        f"CREATE TABLE {name} (\n\tscenario_id TEXT NOT NULL, {body.lstrip()}, \n"
        "\tFOREIGN KEY(scenario_id) REFERENCES scenarios (id) DEFERRABLE INITIALLY DEFERRED\n)"
    )


def upgrade_scenarios(op: Operations, conn: Connection) -> None:
    """Make the file's one design the first scenario and scope every content table to it."""
    stored = {
        row[0] for row in conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))
    }
    if "scenarios" not in stored:
        meta: dict[str, str] = dict(
            conn.execute(text("SELECT key, value FROM meta")).tuples().all()
        )
        created = meta.get("created", "") or ""
        schema.scenarios.to_metadata(MetaData()).create(conn)
        conn.execute(
            text(
                "INSERT INTO scenarios (id, name, created, modified, sort_order) "
                "VALUES (:id, :name, :created, :modified, 0)"
            ),
            {
                "id": str(uuid.uuid4()),
                "name": default_name(meta.get("language", "zh")),
                "created": created,
                "modified": meta.get("modified", "") or created,
            },
        )
    scope_content_tables(op, conn)


def scope_content_tables(op: Operations, conn: Connection) -> None:
    """Scope every listed content table that has no scenario column yet to the first scenario.

    Runs again after other parts of the format step have added their tables, so
    those join the scenario without knowing about it.
    """
    scenario_id = conn.execute(
        text("SELECT id FROM scenarios ORDER BY sort_order LIMIT 1")
    ).scalar()
    stored: dict[str, str] = dict(
        conn.execute(text("SELECT name, sql FROM sqlite_master WHERE type='table'")).tuples().all()
    )
    # rename without rewriting other tables' references: they are rebuilt here too
    conn.exec_driver_sql("PRAGMA legacy_alter_table=ON")
    try:
        for table in schema.SCENARIO_TABLES:
            if table not in stored:
                continue
            columns = [row[1] for row in conn.exec_driver_sql(f'PRAGMA table_info("{table}")')]
            if "scenario_id" in columns:
                continue
            old = f"_format1_{table}"
            op.rename_table(table, old)
            conn.exec_driver_sql(scoped_ddl(stored[table]))
            names = ", ".join(f'"{c}"' for c in columns)
            conn.execute(
                text(
                    f'INSERT INTO "{table}" (scenario_id, {names}) '
                    f'SELECT :scenario, {names} FROM "{old}"'
                ),
                {"scenario": scenario_id},
            )
            op.drop_table(old)
    finally:
        conn.exec_driver_sql("PRAGMA legacy_alter_table=OFF")
