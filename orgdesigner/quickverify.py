"""Verify a save after a few edits by the rows that changed, not by every row.

A save copies the working copy's pages into the new file. The full
verification (`storage.verify_file` without a change log) reads every row
back and compares it with the model: seconds at 100,000 departments. But the
working copy was proven equal to the model by the previous verified save, and
since then only rows its connection wrote can differ. `ChangeLog` puts TEMP
triggers on that connection, so every row it inserts, updates or deletes is
noted (whatever wrote it: an event handler, a bug, a stray statement); a
write by any other connection shows in `PRAGMA data_version` and forces the
full verification. `compare_changes` then checks, on the new file:

- the schema (as for any untrusted file), meta and scenarios whole;
- the row count of every table per scenario against the model, and no rows
  of scenarios the design does not have (a whole-file check in C);
- every noted row against the model (present with the same values, or absent);
- for every noted row whose place changed, its neighbours in sort order
  against its neighbours in the model's order.

The first save of a session, a save after a write by another connection,
after many changes, and every `FULL_EVERY`-th save use the full comparison.
Models that changed without an event are outside what this can see: that is
what the periodic full check is for.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .design import Design
from .errors import FileProblem
from .scenarios import ScenarioSet, info_of

# table -> SQL expression of the key a change is noted under (NEW./OLD. prefixed).
KEYS = {
    "departments": "{r}.id",
    "links": "{r}.id",
    "functions": "{r}.id",
    "kpis": "{r}.id",
    "settings": '{r}."key"',
    "responsibilities": "{r}.function_id || char(31) || {r}.department_id",
    "kpi_functions": "{r}.kpi_id",
    "kpi_departments": "{r}.kpi_id",
}
ORDERED = ("departments", "links", "functions", "kpis")
MAX_CHANGES = 2000  # more noted rows than this: the full comparison is as quick
FULL_EVERY = 50  # every so many quick saves, one full comparison all the same
MAX_PLACE_CHECKS = 32  # moved rows per table checked by neighbours; more: the whole order


@dataclass
class Changes:
    """What the working copy wrote since its last verified save: (table, scenario) -> key -> moved."""

    rows: dict[tuple[str, str], dict[str, bool]] = field(default_factory=dict)

    def __len__(self) -> int:
        return sum(len(keys) for keys in self.rows.values())


class ChangeLog:
    """Notes every row the working copy's connection writes (TEMP triggers: this connection only)."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.baseline = False  # True once a verified save proved the copy equal to the model
        self.quick_saves = 0
        for table, key in KEYS.items():
            self._install(table, key)
        self._version = self._data_version()

    def _install(self, table: str, key: str) -> None:
        conn = self.conn
        conn.execute(
            "CREATE TEMP TABLE IF NOT EXISTS touched (tbl TEXT, scenario TEXT, key TEXT, moved INT)"
        )
        moved = "NEW.sort_order IS NOT OLD.sort_order" if table in ORDERED else "0"
        new, old = key.format(r="NEW"), key.format(r="OLD")
        note = "INSERT INTO touched VALUES ('{t}', {s}, {k}, {m});"
        conn.execute(
            f"CREATE TEMP TRIGGER IF NOT EXISTS note_ins_{table} AFTER INSERT ON main.{table} "
            f"BEGIN {note.format(t=table, s='NEW.scenario_id', k=new, m=1)} END"
        )
        conn.execute(
            f"CREATE TEMP TRIGGER IF NOT EXISTS note_del_{table} AFTER DELETE ON main.{table} "
            f"BEGIN {note.format(t=table, s='OLD.scenario_id', k=old, m=0)} END"
        )
        conn.execute(
            f"CREATE TEMP TRIGGER IF NOT EXISTS note_upd_{table} AFTER UPDATE ON main.{table} "
            f"BEGIN {note.format(t=table, s='OLD.scenario_id', k=old, m=0)} "
            f"{note.format(t=table, s='NEW.scenario_id', k=new, m=moved)} END"
        )

    def _data_version(self) -> int:
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    def pending(self) -> Changes | None:
        """The rows to verify, or None when only the full comparison will do."""
        if not self.baseline or self.quick_saves >= FULL_EVERY:
            return None
        if self._data_version() != self._version:  # another connection wrote the copy
            return None
        count = self.conn.execute("SELECT count(*) FROM temp.touched").fetchone()[0]
        if count > MAX_CHANGES * 3:
            return None
        changes = Changes()
        for table, scenario, key, moved in self.conn.execute(
            "SELECT tbl, scenario, key, max(moved) FROM temp.touched GROUP BY tbl, scenario, key"
        ):
            changes.rows.setdefault((table, scenario), {})[key] = bool(moved)
        return None if len(changes) > MAX_CHANGES else changes

    def verified(self, changes: Changes | None) -> None:
        """The copy now equals the model: forget the noted rows (called after verification)."""
        self.conn.execute("DELETE FROM temp.touched")
        self._version = self._data_version()
        self.baseline = True
        self.quick_saves = 0 if changes is None else self.quick_saves + 1


# -------------------------------------------------------------- verification
def _scenario_map(designs: ScenarioSet) -> dict[str, Design]:
    return {info_of(d).id: d for d in designs}


def _counts(design: Design) -> dict[str, int]:
    kpis = design.kpis.values()
    return {
        "departments": len(design.departments),
        "links": len(design.links),
        "functions": len(design.functions),
        "kpis": len(design.kpis),
        "settings": len(design.settings),
        "responsibilities": sum(1 for _ in design.responsibilities()),
        "kpi_functions": sum(len(k.functions) for k in kpis),
        "kpi_departments": sum(len(k.shared) for k in kpis),
    }


def compare_changes(
    conn: sqlite3.Connection, designs: ScenarioSet, path: Path, changes: Changes
) -> None:
    """Check the file at `conn` against the model by counts and the noted rows (see module)."""
    from . import storage

    by_id = _scenario_map(designs)
    counts = {scenario: _counts(design) for scenario, design in by_id.items()}
    for table in KEYS:
        found = _counts_by_scenario(conn, table, list(by_id))
        if found is None or set(found) - set(by_id):
            raise FileProblem(path, f"verification failed: {table!r} has rows of no scenario")
        for scenario in by_id:
            wanted = counts[scenario][table]
            if found.get(scenario, 0) != wanted:
                raise FileProblem(
                    path,
                    f"verification failed: {found.get(scenario, 0)} rows in {table!r}, "
                    f"expected {wanted}",
                )
    for (table, scenario), keys in changes.rows.items():
        shown = by_id.get(scenario)
        if shown is None:
            continue  # rows of a deleted scenario: the counts above found none left
        for key in keys:
            if _stored(conn, table, scenario, key) != _wanted(storage, shown, table, key):
                raise FileProblem(
                    path, f"verification failed: the written {table!r} differ from the design"
                )
        if table in ORDERED:
            moved = [k for k, m in keys.items() if m and k in getattr(shown, table)]
            _check_places(conn, shown, table, scenario, moved, path)


def _counts_by_scenario(
    conn: sqlite3.Connection, table: str, scenarios: list[str]
) -> dict[str, int] | None:
    """scenario -> rows of `table`; None if a one-scenario file has rows of another.

    With one scenario (the usual file) SQLite counts the table from its b-tree
    pages and two key seeks find any other scenario's rows: less than half the
    time of grouping by scenario at 100,000 rows.
    """
    if len(scenarios) != 1:
        return dict(
            conn.execute(f'SELECT scenario_id, count(*) FROM "{table}" GROUP BY scenario_id')
        )
    (only,) = scenarios
    stray = conn.execute(
        f'SELECT EXISTS (SELECT 1 FROM "{table}" WHERE scenario_id < ?) '
        f'OR EXISTS (SELECT 1 FROM "{table}" WHERE scenario_id > ?)',
        (only, only),
    ).fetchone()[0]
    if stray:
        return None
    return {only: conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]}


def _stored(conn: sqlite3.Connection, table: str, scenario: str, key: str) -> Any:
    from .storage import KPI_LINK_TABLES, _columns, _tie_columns

    if table in KPI_LINK_TABLES:
        columns = ", ".join(f'"{c}"' for c in _tie_columns(table))
        rows = conn.execute(
            f'SELECT {columns} FROM "{table}" WHERE scenario_id=? AND kpi_id=?', (scenario, key)
        ).fetchall()
        return sorted(rows)
    if table == "responsibilities":
        function_id, _, dept_id = key.partition("\x1f")
        return conn.execute(
            "SELECT function_id, department_id, role FROM responsibilities "
            "WHERE scenario_id=? AND function_id=? AND department_id=?",
            (scenario, function_id, dept_id),
        ).fetchone()
    if table == "settings":
        return conn.execute(
            'SELECT "key", value FROM settings WHERE scenario_id=? AND "key"=?', (scenario, key)
        ).fetchone()
    columns = ", ".join(f'"{c}"' for c in _columns(table))
    return conn.execute(
        f'SELECT {columns} FROM "{table}" WHERE scenario_id=? AND id=?', (scenario, key)
    ).fetchone()


def _wanted(storage: Any, design: Design, table: str, key: str) -> Any:
    """The model's row (tuple) for a noted key, or None (a sorted list for a KPI's ties)."""
    if table in storage.KPI_LINK_TABLES:
        kpi = design.kpis.get(key)
        return sorted(storage.kpi_link_values(kpi)[table]) if kpi is not None else []
    if table == "responsibilities":
        function_id, _, dept_id = key.partition("\x1f")
        role = design.role(function_id, dept_id)
        return (function_id, dept_id, role.value) if role is not None else None
    if table == "settings":
        return (key, json.dumps(design.settings[key])) if key in design.settings else None
    obj = getattr(design, table).get(key)
    if obj is None:
        return None
    values = {
        "departments": storage.department_values,
        "links": storage.link_values,
        "functions": storage.function_values,
        "kpis": storage.kpi_values,
    }[table]
    return values(obj)


def _check_places(
    conn: sqlite3.Connection,
    design: Design,
    table: str,
    scenario: str,
    moved: list[str],
    path: Path,
) -> None:
    """Each moved row sits between its model neighbours in sort order, with nothing between."""
    if not moved:
        return
    order = list(getattr(design, table))
    wrong = FileProblem(
        path, f"verification failed: the order of {table!r} differs from the design"
    )
    if len(moved) > MAX_PLACE_CHECKS:
        found = conn.execute(
            f'SELECT id FROM "{table}" WHERE scenario_id=? ORDER BY sort_order', (scenario,)
        ).fetchall()
        if [r[0] for r in found] != order:
            raise wrong
        return
    place = {key: i for i, key in enumerate(order)} if len(moved) > 1 else None

    def sort_of(key: str) -> Any:
        row = conn.execute(
            f'SELECT sort_order FROM "{table}" WHERE scenario_id=? AND id=?', (scenario, key)
        ).fetchone()
        return row[0] if row else None

    for key in moved:
        index = place[key] if place is not None else order.index(key)
        mine = sort_of(key)
        below, above, same = conn.execute(
            f"SELECT max(sort_order) FILTER (WHERE sort_order < :s), "
            f"min(sort_order) FILTER (WHERE sort_order > :s), "
            f"count(*) FILTER (WHERE sort_order = :s) "
            f'FROM "{table}" WHERE scenario_id = :scenario',
            {"s": mine, "scenario": scenario},
        ).fetchone()
        before = sort_of(order[index - 1]) if index > 0 else None
        after = sort_of(order[index + 1]) if index + 1 < len(order) else None
        if same != 1 or below != before or above != after:
            raise wrong
