"""The design file's schema as the SQL text SQLite keeps of it, and what marks the file.

The read path checks a file against this text (`untrusted.expected_schema`) and
reads its columns without importing SQLAlchemy: `info` and `validate` on a
current file then start in a fraction of the time. `orgdesigner.schema` (SQLAlchemy
Core) stays the definition that writes files and migrates older ones; a test
holds the two equal, statement for statement, and prints the new text when
`schema.py` changes.
"""

from __future__ import annotations

import sqlite3

APPLICATION_ID = 0x4F524744  # "ORGD"
FORMAT_VERSION = 3

# `CREATE` statements in the order SQLAlchemy's `metadata.create_all` issues them.
STATEMENTS = (
    (
        "CREATE TABLE meta (\n"
        '\t"key" TEXT NOT NULL, \n'
        "\tvalue TEXT NOT NULL, \n"
        '\tPRIMARY KEY ("key")\n'
        ")"
    ),
    (
        "CREATE TABLE scenarios (\n"
        "\tid TEXT NOT NULL, \n"
        "\tname TEXT NOT NULL, \n"
        "\tcreated TEXT NOT NULL, \n"
        "\tmodified TEXT NOT NULL, \n"
        "\tsort_order INTEGER NOT NULL, \n"
        "\tPRIMARY KEY (id), \n"
        "\tUNIQUE (name)\n"
        ")"
    ),
    (
        "CREATE TABLE settings (\n"
        "\tscenario_id TEXT NOT NULL, \n"
        '\t"key" TEXT NOT NULL, \n'
        "\tvalue TEXT NOT NULL, \n"
        '\tPRIMARY KEY (scenario_id, "key"), \n'
        "\tFOREIGN KEY(scenario_id) REFERENCES scenarios (id) DEFERRABLE INITIALLY DEFERRED\n"
        ")"
    ),
    (
        "CREATE TABLE departments (\n"
        "\tscenario_id TEXT NOT NULL, \n"
        "\tid TEXT NOT NULL, \n"
        "\tcode TEXT NOT NULL, \n"
        "\tname TEXT NOT NULL, \n"
        "\tkind TEXT NOT NULL, \n"
        "\tparent_id TEXT, \n"
        "\tleader TEXT NOT NULL, \n"
        "\theadcount FLOAT NOT NULL, \n"
        "\tbudget FLOAT NOT NULL, \n"
        "\tcolor TEXT NOT NULL, \n"
        "\tx FLOAT NOT NULL, \n"
        "\ty FLOAT NOT NULL, \n"
        "\tnotes TEXT NOT NULL, \n"
        "\tsort_order INTEGER NOT NULL, \n"
        "\tchair TEXT DEFAULT '' NOT NULL, \n"
        "\tcadence TEXT DEFAULT '' NOT NULL, \n"
        "\tvacant INTEGER DEFAULT '0' NOT NULL, \n"
        "\tstaff INTEGER DEFAULT '0' NOT NULL, \n"
        "\tPRIMARY KEY (scenario_id, id), \n"
        "\tCONSTRAINT department_kind CHECK (kind IN ('department','team','committee','business_unit','office')), \n"
        "\tFOREIGN KEY(scenario_id, parent_id) REFERENCES departments (scenario_id, id) DEFERRABLE INITIALLY DEFERRED, \n"
        "\tFOREIGN KEY(scenario_id) REFERENCES scenarios (id) DEFERRABLE INITIALLY DEFERRED\n"
        ")"
    ),
    (
        "CREATE TABLE functions (\n"
        "\tscenario_id TEXT NOT NULL, \n"
        "\tid TEXT NOT NULL, \n"
        '\t"key" TEXT NOT NULL, \n'
        "\tname TEXT NOT NULL, \n"
        "\tcategory TEXT NOT NULL, \n"
        "\trequired INTEGER NOT NULL, \n"
        "\tdescription TEXT NOT NULL, \n"
        "\tsort_order INTEGER NOT NULL, \n"
        "\tpost TEXT DEFAULT '' NOT NULL, \n"
        "\tPRIMARY KEY (scenario_id, id), \n"
        "\tFOREIGN KEY(scenario_id) REFERENCES scenarios (id) DEFERRABLE INITIALLY DEFERRED\n"
        ")"
    ),
    (
        "CREATE TABLE links (\n"
        "\tscenario_id TEXT NOT NULL, \n"
        "\tid TEXT NOT NULL, \n"
        "\tsource_id TEXT NOT NULL, \n"
        "\ttarget_id TEXT NOT NULL, \n"
        "\tkind TEXT NOT NULL, \n"
        "\tlabel TEXT NOT NULL, \n"
        "\tdirected INTEGER NOT NULL, \n"
        "\tsort_order INTEGER NOT NULL, \n"
        "\tPRIMARY KEY (scenario_id, id), \n"
        "\tCONSTRAINT link_kind CHECK (kind IN ('collaboration','committee','dotted')), \n"
        "\tFOREIGN KEY(scenario_id, source_id) REFERENCES departments (scenario_id, id) DEFERRABLE INITIALLY DEFERRED, \n"
        "\tFOREIGN KEY(scenario_id, target_id) REFERENCES departments (scenario_id, id) DEFERRABLE INITIALLY DEFERRED, \n"
        "\tFOREIGN KEY(scenario_id) REFERENCES scenarios (id) DEFERRABLE INITIALLY DEFERRED\n"
        ")"
    ),
    (
        "CREATE TABLE responsibilities (\n"
        "\tscenario_id TEXT NOT NULL, \n"
        "\tfunction_id TEXT NOT NULL, \n"
        "\tdepartment_id TEXT NOT NULL, \n"
        "\trole TEXT NOT NULL, \n"
        "\tPRIMARY KEY (scenario_id, function_id, department_id), \n"
        "\tCONSTRAINT raci_role CHECK (role IN ('R','A','C','I')), \n"
        "\tFOREIGN KEY(scenario_id, function_id) REFERENCES functions (scenario_id, id) DEFERRABLE INITIALLY DEFERRED, \n"
        "\tFOREIGN KEY(scenario_id, department_id) REFERENCES departments (scenario_id, id) DEFERRABLE INITIALLY DEFERRED, \n"
        "\tFOREIGN KEY(scenario_id) REFERENCES scenarios (id) DEFERRABLE INITIALLY DEFERRED\n"
        ")"
    ),
    (
        "CREATE TABLE kpis (\n"
        "\tscenario_id TEXT NOT NULL, \n"
        "\tid TEXT NOT NULL, \n"
        '\t"key" TEXT NOT NULL, \n'
        "\tname TEXT NOT NULL, \n"
        "\tunit TEXT NOT NULL, \n"
        "\towner_id TEXT, \n"
        "\tdescription TEXT NOT NULL, \n"
        "\tsort_order INTEGER NOT NULL, \n"
        "\tPRIMARY KEY (scenario_id, id), \n"
        "\tFOREIGN KEY(scenario_id, owner_id) REFERENCES departments (scenario_id, id) DEFERRABLE INITIALLY DEFERRED, \n"
        "\tFOREIGN KEY(scenario_id) REFERENCES scenarios (id) DEFERRABLE INITIALLY DEFERRED\n"
        ")"
    ),
    (
        "CREATE TABLE kpi_functions (\n"
        "\tscenario_id TEXT NOT NULL, \n"
        "\tkpi_id TEXT NOT NULL, \n"
        "\tfunction_id TEXT NOT NULL, \n"
        "\tsort_order INTEGER NOT NULL, \n"
        "\tPRIMARY KEY (scenario_id, kpi_id, function_id), \n"
        "\tFOREIGN KEY(scenario_id, kpi_id) REFERENCES kpis (scenario_id, id) DEFERRABLE INITIALLY DEFERRED, \n"
        "\tFOREIGN KEY(scenario_id, function_id) REFERENCES functions (scenario_id, id) DEFERRABLE INITIALLY DEFERRED, \n"
        "\tFOREIGN KEY(scenario_id) REFERENCES scenarios (id) DEFERRABLE INITIALLY DEFERRED\n"
        ")"
    ),
    (
        "CREATE TABLE kpi_departments (\n"
        "\tscenario_id TEXT NOT NULL, \n"
        "\tkpi_id TEXT NOT NULL, \n"
        "\tdepartment_id TEXT NOT NULL, \n"
        "\tsort_order INTEGER NOT NULL, \n"
        "\tPRIMARY KEY (scenario_id, kpi_id, department_id), \n"
        "\tFOREIGN KEY(scenario_id, kpi_id) REFERENCES kpis (scenario_id, id) DEFERRABLE INITIALLY DEFERRED, \n"
        "\tFOREIGN KEY(scenario_id, department_id) REFERENCES departments (scenario_id, id) DEFERRABLE INITIALLY DEFERRED, \n"
        "\tFOREIGN KEY(scenario_id) REFERENCES scenarios (id) DEFERRABLE INITIALLY DEFERRED\n"
        ")"
    ),
)


def _columns() -> dict[str, tuple[str, ...]]:
    """table -> its column names in order, read from the statements themselves."""
    conn = sqlite3.connect(":memory:")
    try:
        for statement in STATEMENTS:
            conn.execute(statement)
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: tuple(r[1] for r in conn.execute(f'PRAGMA table_info("{t}")')) for t in tables}
    finally:
        conn.close()


COLUMNS = _columns()
TABLE_NAMES = frozenset(COLUMNS)
