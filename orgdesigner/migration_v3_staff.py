"""Format 2 -> 3: the staff-unit flag (参谋部门) of a department.

Before format 3 the chart book guessed staff units from their names; a migrated
file starts with that guess stored, so an old design's charts keep placing the
same assistants and offices beside their managers, and the user now sees (and
can change) the flag in the Properties panel. The guess is spelled out here, not
taken from elsewhere, so that no later change alters what this step stores.
"""

from __future__ import annotations

from alembic.operations import Operations
from sqlalchemy import Column, Connection, Integer, text

# What the format-2 chart book took for a staff unit: an office, or 助理/秘书/assistant
# in the name, with a manager and no units of its own.
_STAFF_WORDS = ("助理", "秘书", "assistant", "secretary", "chief of staff")


def guessed_staff(name: str, kind: str, has_parent: bool, has_children: bool) -> bool:
    if not has_parent or has_children:
        return False
    folded = name.casefold()
    return kind == "office" or any(word in folded for word in _STAFF_WORDS)


def upgrade_staff(op: Operations, conn: Connection) -> None:
    # At the end of the table with a default: SQLite adds it in place, in a new file's order.
    op.add_column("departments", Column("staff", Integer, nullable=False, server_default=text("0")))
    rows = conn.execute(
        text("SELECT scenario_id, id, name, kind, parent_id FROM departments")
    ).all()
    managers = {(r[0], r[4]) for r in rows if r[4] is not None}  # no index on parent_id: O(n)
    staff = [
        {"scenario": scenario, "id": ident}
        for scenario, ident, name, kind, parent in rows
        if isinstance(name, str)
        and guessed_staff(name, str(kind), parent is not None, (scenario, ident) in managers)
    ]
    if staff:
        conn.execute(
            text("UPDATE departments SET staff = 1 WHERE scenario_id = :scenario AND id = :id"),
            staff,
        )
