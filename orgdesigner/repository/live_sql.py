"""The server side of one live edit: a short transaction with per-object version checks.

`send_change` runs inside a transaction that first locks the design's row,
so all writers of one design take turns for a few milliseconds (no
deadlocks: one lock, always taken first) and the reference checks below
see a stable design: a parent that still exists and makes no cycle, link
ends that exist and no duplicate link, a role's function and department.
Deleting a department or function also removes what refers to it on the
server (links, roles; children move up), journaled so every editor follows.
"""

from __future__ import annotations

import json
import time
from typing import Any, NamedTuple

from sqlalchemy import Connection, and_, delete, or_, select, text, update

from . import schema as S
from .store import journal

SEP = "\x1f"  # between function id and department id in a responsibility's key


class Scope(NamedTuple):
    """Where a live session's rows are: one scenario of one design (its live revision)."""

    design: int  # designs.id
    scenario: str  # scenarios.id


def live(table: Any, scope: Scope) -> list[Any]:
    """The conditions that pick a content table's live rows of the scope."""
    return [
        table.c.design_id == scope.design,
        table.c.scenario == scope.scenario,
        table.c.revision == S.LIVE,
    ]


class Refused(Exception):
    """The change cannot be applied on the server; `str()` says why in English, `zh` in Chinese."""

    def __init__(self, en: str, zh: str):
        super().__init__(en)
        self.zh = zh


def role_key(function_id: str, department_id: str) -> str:
    return f"{function_id}{SEP}{department_id}"


def split_role_key(key: str) -> tuple[str, str]:
    function_id, _, department_id = key.partition(SEP)
    return function_id, department_id


def _where(kind: str, scope: Scope, key: str):
    table = S.CONTENT[kind]
    base = live(table, scope)
    if kind == "responsibilities":
        f, d = split_role_key(key)
        return table, and_(*base, table.c.function_id == f, table.c.department_id == d)
    return table, and_(*base, table.c.id == key)


def fetch(conn: Connection, scope: Scope, kind: str, key: str) -> Any | None:
    """The live row of one object (None if absent); `design` gives the designs row with
    the scenario's settings."""
    if kind == "design":
        s = S.scenarios
        return conn.execute(
            select(S.designs, s.c.settings)
            .join(s, s.c.design_id == S.designs.c.id)
            .where(S.designs.c.id == scope.design, s.c.revision == S.LIVE, s.c.id == scope.scenario)
        ).first()
    table, where = _where(kind, scope, key)
    return conn.execute(select(table).where(where)).first()


def last_editor(conn: Connection, scope: Scope, kind: str, key: str) -> str:
    return (
        conn.execute(
            select(S.changes.c.user_name)
            .where(
                S.changes.c.design_id == scope.design,
                S.changes.c.scenario == scope.scenario,
                S.changes.c.kind == kind,
                S.changes.c.key == key,
            )
            .order_by(S.changes.c.seq.desc())
            .limit(1)
        ).scalar()
        or "someone"
    )


def _exists(conn: Connection, scope: Scope, kind: str, key: str) -> bool:
    return fetch(conn, scope, kind, key) is not None


def _check_parent(conn: Connection, scope: Scope, dept_id: str, parent: str | None) -> None:
    if parent is None:
        return
    chain = (
        conn.execute(
            text(f"""
        WITH RECURSIVE up(id, parent_id, depth) AS (
            SELECT id, parent_id, 0 FROM {S.SCHEMA}.departments
             WHERE design_id = :d AND scenario = :s AND revision = 0 AND id = :p
            UNION ALL
            SELECT x.id, x.parent_id, up.depth + 1 FROM {S.SCHEMA}.departments x
              JOIN up ON x.id = up.parent_id
             WHERE x.design_id = :d AND x.scenario = :s AND x.revision = 0
               AND up.depth < 100000
        ) SELECT id FROM up"""),
            {"d": scope.design, "s": scope.scenario, "p": parent},
        )
        .scalars()
        .all()
    )
    if not chain:
        raise Refused(
            "its new parent department was deleted by someone else", "它的新上级部门已被他人删除"
        )
    if dept_id in chain:
        raise Refused(
            "someone else's change of reporting lines would make a cycle with it",
            "与他人对汇报关系的修改会形成循环",
        )


def _check_link(conn: Connection, scope: Scope, row: dict[str, Any]) -> None:
    for end in (row["source_id"], row["target_id"]):
        if not _exists(conn, scope, "departments", end):
            raise Refused(
                "a department it connects was deleted by someone else", "它连接的部门已被他人删除"
            )
    t = S.links
    same_kind = [
        *live(t, scope),
        t.c.kind == row["kind"],
        t.c.id != row["id"],
    ]
    forward = and_(t.c.source_id == row["source_id"], t.c.target_id == row["target_id"])
    backward = and_(t.c.source_id == row["target_id"], t.c.target_id == row["source_id"])
    if row["directed"]:
        match = and_(*same_kind, t.c.directed.is_(True), forward)
    else:
        match = and_(*same_kind, t.c.directed.is_(False), or_(forward, backward))
    if conn.execute(select(t.c.id).where(match).limit(1)).first() is not None:
        raise Refused("someone else added the same link meanwhile", "他人已添加了相同的连线")


def _check_references(conn: Connection, scope: Scope, kind: str, row: dict[str, Any]) -> None:
    if kind == "departments":
        _check_parent(conn, scope, row["id"], row["parent_id"])
    elif kind == "links":
        _check_link(conn, scope, row)
    elif kind == "kpis":
        departments = ([row["owner_id"]] if row["owner_id"] else []) + json.loads(row["shared"])
        if not all(_exists(conn, scope, "departments", d) for d in departments) or not all(
            _exists(conn, scope, "functions", f) for f in json.loads(row["functions"])
        ):
            raise Refused(
                "a department or function it refers to was deleted by someone else",
                "它涉及的部门或职能已被他人删除",
            )
    elif kind == "responsibilities":
        if not _exists(conn, scope, "functions", row["function_id"]) or not _exists(
            conn, scope, "departments", row["department_id"]
        ):
            raise Refused(
                "its function or department was deleted by someone else",
                "它的职能或部门已被他人删除",
            )


def _cascade(conn: Connection, scope: Scope, kind: str, key: str, journal_it) -> None:
    """Remove what refers to a deleted department or function (each journaled)."""
    if kind in ("departments", "functions"):
        _drop_from_kpis(conn, scope, kind, key, journal_it)
    roles = S.responsibilities
    live_roles = live(roles, scope)
    if kind == "functions":
        gone = conn.execute(
            delete(roles)
            .where(*live_roles, roles.c.function_id == key)
            .returning(roles.c.function_id, roles.c.department_id)
        ).all()
        for f, d in gone:
            journal_it("responsibilities", role_key(f, d))
        return
    if kind != "departments":
        return
    links = S.links
    gone_links = conn.execute(
        delete(links)
        .where(
            *live(links, scope),
            or_(links.c.source_id == key, links.c.target_id == key),
        )
        .returning(links.c.id)
    ).scalars()
    for link_id in list(gone_links):
        journal_it("links", link_id)
    for f, d in conn.execute(
        delete(roles)
        .where(*live_roles, roles.c.department_id == key)
        .returning(roles.c.function_id, roles.c.department_id)
    ).all():
        journal_it("responsibilities", role_key(f, d))
    depts = S.departments
    parent = conn.execute(
        select(depts.c.parent_id).where(*live(depts, scope), depts.c.id == key)
    ).scalar()
    moved = conn.execute(
        update(depts)
        .where(*live(depts, scope), depts.c.parent_id == key)
        .values(parent_id=parent, row_version=depts.c.row_version + 1)
        .returning(depts.c.id)
    ).scalars()
    for child in list(moved):
        journal_it("departments", child)


def _drop_from_kpis(conn: Connection, scope: Scope, kind: str, key: str, journal_it) -> None:
    """A deleted department or function leaves the KPIs that name it (as the model does)."""
    t = S.kpis
    found = conn.execute(select(t).where(*live(t, scope))).all()
    for kpi in found:
        owner = kpi.owner_id
        shared, functions = json.loads(kpi.shared or "[]"), json.loads(kpi.functions or "[]")
        if kind == "departments":
            new_owner = None if owner == key else owner
            new_shared, new_functions = [d for d in shared if d != key], functions
        else:
            new_owner, new_shared = owner, shared
            new_functions = [f for f in functions if f != key]
        if (new_owner, new_shared, new_functions) == (owner, shared, functions):
            continue
        conn.execute(
            update(t)
            .where(*live(t, scope), t.c.id == kpi.id)
            .values(
                owner_id=new_owner,
                shared=json.dumps(new_shared),
                functions=json.dumps(new_functions),
                row_version=t.c.row_version + 1,
            )
        )
        journal_it("kpis", kpi.id)


def send_change(
    conn: Connection,
    scope: Scope,
    kind: str,
    key: str,
    base: int,
    row: dict[str, Any] | None,
    *,
    client: str,
    user: str,
    now: str,
) -> int:
    """Write one object's new state (None: delete) if the server still has version `base`.

    Returns the new row version (0 after a delete). Raises Refused with the
    reason, after which the caller rolls back.
    """
    design_id = scope.design
    edits = conn.execute(
        select(S.designs.c.edits).where(S.designs.c.id == design_id).with_for_update()
    ).scalar_one()
    current = fetch(conn, scope, kind, key)
    found = 0 if current is None else current.row_version
    if found != base:
        who = last_editor(conn, scope, kind, key)
        if current is None:
            raise Refused(f"{who} deleted it meanwhile", f"{who} 已将其删除")
        raise Refused(f"{who} changed it meanwhile", f"{who} 已先修改了它")
    written: list[tuple[str, str]] = []

    def journal_it(k: str, obj: str) -> None:
        written.append((k, obj))

    if kind == "design":
        assert row is not None
        values = dict(row)
        conn.execute(
            update(S.scenarios)
            .where(
                S.scenarios.c.design_id == design_id,
                S.scenarios.c.revision == S.LIVE,
                S.scenarios.c.id == scope.scenario,
            )
            .values(settings=values.pop("settings"))
        )
        conn.execute(
            update(S.designs)
            .where(S.designs.c.id == design_id)
            .values(**values, row_version=found + 1)
        )
        new_version = found + 1
    elif row is None:
        if current is None:
            return 0
        _cascade(conn, scope, kind, key, journal_it)
        table, where = _where(kind, scope, key)
        conn.execute(delete(table).where(where))
        new_version = 0
    else:
        _check_references(conn, scope, kind, row)
        table, where = _where(kind, scope, key)
        if current is None:
            # Above every version this design has handed out (each edit counts one, and
            # no row version outgrows the count): an object deleted and added again (undo,
            # a role set anew) never comes back with a version a client still knows.
            new_version = edits + 1
            conn.execute(
                table.insert().values(
                    **row,
                    design_id=design_id,
                    scenario=scope.scenario,
                    revision=S.LIVE,
                    row_version=new_version,
                )
            )
        else:
            values = {k: v for k, v in row.items() if k != "position"}
            conn.execute(update(table).where(where).values(**values, row_version=found + 1))
            new_version = found + 1
    written.append((kind, key))
    for k, obj in written:
        # the design's own fields are every scenario's: each editor of the design follows them
        journal(conn, design_id, k, obj, client, user, "" if k == "design" else scope.scenario)
    conn.execute(
        update(S.designs)
        .where(S.designs.c.id == design_id)
        .values(edits=S.designs.c.edits + 1, changed_by=user, changed_at=now)
    )
    return new_version


def design_values(meta: dict[str, Any], settings: str) -> dict[str, Any]:
    """What a live edit of the design's properties writes: the designs-row columns and
    the scenario's settings."""
    return {k: meta[k] for k in ("title", "description", "author", "language")} | {
        "settings": settings
    }


def settings_of(row: Any) -> dict[str, Any]:
    try:
        value = json.loads(row.settings or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def read_versions(
    conn: Connection,
    scope: Scope,
    ordered: tuple[str, ...],
) -> tuple[dict[tuple[str, str], int], dict[str, dict[str, float]]]:
    """Every live object's row version, and the positions of the ordered kinds."""
    versions: dict[tuple[str, str], int] = {}
    positions: dict[str, dict[str, float]] = {k: {} for k in ordered}
    for kind in ordered:
        t = S.CONTENT[kind]
        for obj, version, position in conn.execute(
            select(t.c.id, t.c.row_version, t.c.position).where(*live(t, scope))
        ):
            versions[(kind, obj)] = version
            positions[kind][obj] = position
    t = S.responsibilities
    for f, d, version in conn.execute(
        select(t.c.function_id, t.c.department_id, t.c.row_version).where(*live(t, scope))
    ):
        versions[("responsibilities", role_key(f, d))] = version
    return versions, positions


def live_rows(
    conn: Connection, scope: Scope, ordered: tuple[str, ...]
) -> dict[tuple[str, str], Any]:
    """Every live object's row by (kind, key) in one snapshot, the ordered kinds in order;
    empty when the scenario is no longer there (a push replaced the design without it)."""
    conn.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
    design = fetch(conn, scope, "design", "")
    if design is None:
        return {}
    server: dict[tuple[str, str], Any] = {("design", ""): design}
    for kind, table in S.CONTENT.items():
        query = select(table).where(*live(table, scope))
        if kind in ordered:
            query = query.order_by(table.c.position, table.c.id)
        for r in conn.execute(query):
            key = r.id if kind in ordered else role_key(r.function_id, r.department_id)
            server[(kind, key)] = r
    return server


def touch_presence(
    conn: Connection, design_id: int, client: str, user: str, host: str, since: str
) -> None:
    """Say (again) that this editor has the design open."""
    from sqlalchemy.dialects.postgresql import insert as pg_insert

    stmt = pg_insert(S.presence).values(
        design_id=design_id, client=client, user_name=user, host=host, since=since, seen=time.time()
    )
    conn.execute(
        stmt.on_conflict_do_update(
            index_elements=["design_id", "client"], set_={"seen": stmt.excluded.seen}
        )
    )


def present_users(conn: Connection, design_id: int, client: str, within: float) -> list[str]:
    """The other editors seen in the last `within` seconds, earliest first."""
    return list(
        conn.execute(
            select(S.presence.c.user_name)
            .where(
                S.presence.c.design_id == design_id,
                S.presence.c.client != client,
                S.presence.c.seen > time.time() - within,
            )
            .order_by(S.presence.c.since)
        ).scalars()
    )
