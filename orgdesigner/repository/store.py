"""push, pull, list and log: whole designs in and out of a repository.

A push is one transaction that locks the design's row, checks that the
file is based on the repository's latest state (`designs.edits`, raised by
every push and every live edit), replaces the live rows and freezes them as
the next version. Concurrent pushes of the same base therefore queue on the
row lock and exactly one of them wins; the others get the one-line refusal.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, delete, func, insert, select, text, update
from sqlalchemy.exc import SQLAlchemyError

from ..design import Design, now_iso
from ..errors import zh_of
from ..scenarios import ScenarioError, ScenarioSet
from . import rows, schema
from .connection import (
    RepoRef,
    RepositoryError,
    StaleBaseError,
    current_user,
    describe_error,
    display_url,
)
from .migrations import open_repository

S = schema


@dataclass(frozen=True)
class VersionInfo:
    number: int
    saved_by: str
    saved_at: str
    comment: str
    departments: int


def when(iso: str) -> str:
    """`10:42` today, else `2026-11-28 10:42`, in local time (what the refusal shows)."""
    try:
        moment = datetime.fromisoformat(iso).astimezone()
    except (ValueError, TypeError):
        return iso or "an unknown time"
    if moment.date() == datetime.now(UTC).astimezone().date():
        return moment.strftime("%H:%M")
    return moment.strftime("%Y-%m-%d %H:%M")


def _run(url: str, work):
    """Open the repository, run `work(engine)`, turn driver errors into one line."""
    engine = open_repository(url)
    try:
        return work(engine)
    except RepositoryError:
        raise
    except SQLAlchemyError as exc:
        raise describe_error(exc, url) from None
    finally:
        engine.dispose()


def design_row(conn: Connection, name: str, *, lock: bool = False):
    query = select(S.designs).where(S.designs.c.name == name)
    if lock:
        query = query.with_for_update()
    return conn.execute(query).first()


def _missing(ref: RepoRef) -> RepositoryError:
    return RepositoryError(
        f"{display_url(ref.url)}: the repository has no design named {ref.name!r}",
        zh=f"{display_url(ref.url)}：资料库中没有名为 {ref.name!r} 的设计",
    )


# ---------------------------------------------------------------------------- push
def push(
    designs: Design | ScenarioSet,
    ref: RepoRef,
    *,
    comment: str = "",
    force: bool = False,
    user: str | None = None,
) -> int:
    """Store the design, every scenario of it, as the next version of `ref.name`; return
    the new version number.

    Raises StaleBaseError when the repository changed after the design's base.
    On success each scenario's origin points at the new version.
    """
    user = user or current_user()
    scenarios = rows.as_set(designs)
    design = scenarios.designs[0]  # the base scenario: the design-wide fields and the count
    origin = rows.origin_of(scenarios.active)
    content = [
        (rows.scenario_row(d, i), rows.content_rows(d)) for i, d in enumerate(scenarios.designs)
    ]

    def work(engine: Engine) -> int:
        with engine.begin() as conn:
            conn.execute(_insert_if_absent(ref.name, design.id))
            row = design_row(conn, ref.name, lock=True)
            fresh = row.head == 0
            if not fresh and not force:
                _check_base(row, origin, ref)
            now = now_iso()
            number = row.head + 1
            edits = row.edits + 1
            _replace_live(conn, row.id, content)
            _freeze(conn, row.id, number)
            meta = rows.meta_of(design)
            conn.execute(
                update(S.designs)
                .where(S.designs.c.id == row.id)
                .values(
                    **meta,
                    head=number,
                    edits=edits,
                    changed_by=user,
                    changed_at=now,
                    row_version=S.designs.c.row_version + 1,
                )
            )
            conn.execute(
                insert(S.versions).values(
                    design_id=row.id,
                    number=number,
                    saved_by=user,
                    saved_at=now,
                    comment=comment,
                    departments=len(design.departments),
                    edits=edits,
                    meta=json.dumps(meta, ensure_ascii=False),
                )
            )
            journal(conn, row.id, "reload", str(number), "", user)
            for each in scenarios:
                rows.set_origin(each, ref.name, number, edits, design.id)
            return number

    return _run(ref.url, work)


def _insert_if_absent(name: str, uuid: str):
    return text(
        f"INSERT INTO {S.SCHEMA}.designs (name, design_uuid, head, edits) "
        "VALUES (:n, :u, 0, 0) ON CONFLICT (name) DO NOTHING"
    ).bindparams(n=name, u=uuid)


def _check_base(row: Any, origin: dict[str, Any] | None, ref: RepoRef) -> None:
    where = display_url(ref.url)
    if origin is None or origin.get("name") != ref.name or origin.get("design") != row.design_uuid:
        raise StaleBaseError(
            f"{ref.name} already exists in {where} and this design was not "
            f"pulled from it: pull and merge, or push with --force",
            zh=f"{where} 中已有 {ref.name}，而这份设计不是从那里取出的："
            f"请先取出并合并，或用 --force 强制存入",
        )
    if origin["edits"] != row.edits:
        who = row.changed_by or "someone"
        at = when(row.changed_at)
        live = origin.get("version") == row.head
        theirs = f"version {row.head}" + (", edited live" if live else "")
        theirs_zh = f"第 {row.head} 版" + ("，在线编辑过" if live else "")
        raise StaleBaseError(
            f"{ref.name} was changed by {who} at {at} "
            f"({theirs}) after your copy (version {origin.get('version')}): "
            f"pull and merge, or push with --force",
            zh=f"{ref.name} 在你的副本（第 {origin.get('version')} 版）之后被 "
            f"{row.changed_by or '他人'} 于 {at} 改过（{theirs_zh}）："
            f"请先取出并合并，或用 --force 强制存入",
        )


Content = list[tuple[dict[str, Any], dict[str, list[dict[str, Any]]]]]  # per scenario


def _replace_live(conn: Connection, design_id: int, content: Content) -> None:
    for table in (*S.CONTENT.values(), S.scenarios):
        conn.execute(
            delete(table).where(table.c.design_id == design_id, table.c.revision == S.LIVE)
        )
    conn.execute(
        insert(S.scenarios),
        [row | {"design_id": design_id, "revision": S.LIVE} for row, _ in content],
    )
    for scenario, tables in content:
        for table_name in S.CONTENT:
            _copy_rows(conn, table_name, design_id, scenario["id"], tables[table_name])


def _copy_rows(
    conn: Connection, table: str, design_id: int, scenario: str, batch: list[dict[str, Any]]
) -> None:
    """Insert many rows with COPY (several times faster than INSERTs for 10,000 departments),
    on the transaction's own connection."""
    if not batch:
        return
    names = ["design_id", "scenario", "revision", "row_version", *batch[0]]
    columns = ", ".join(f'"{n}"' for n in names)
    raw = conn.connection.driver_connection
    assert raw is not None  # an open psycopg connection
    with (
        raw.cursor() as cursor,
        cursor.copy(f'COPY {S.SCHEMA}."{table}" ({columns}) FROM STDIN') as copy,
    ):
        for row in batch:
            copy.write_row((design_id, scenario, S.LIVE, 1, *row.values()))


def _freeze(conn: Connection, design_id: int, number: int) -> None:
    """Copy the live rows as version `number` (server side: no rows travel)."""
    for table in (*S.CONTENT.values(), S.scenarios):
        names = [c.name for c in table.columns if c.name != "revision"]
        cols = ", ".join(f'"{n}"' for n in names)
        conn.execute(
            text(
                f'INSERT INTO {S.SCHEMA}."{table.name}" (revision, {cols}) '
                f'SELECT :n, {cols} FROM {S.SCHEMA}."{table.name}" '
                f"WHERE design_id = :d AND revision = {S.LIVE}"
            ),
            {"n": number, "d": design_id},
        )


def journal(
    conn: Connection,
    design_id: int,
    kind: str,
    key: str,
    client: str,
    user: str = "",
    scenario: str = "",
) -> int:
    """Record one change for the live editors and wake them (NOTIFY is sent at commit);
    `scenario` "" concerns every scenario (a reload, the design's own fields)."""
    seq = conn.execute(
        insert(S.changes)
        .values(
            design_id=design_id,
            kind=kind,
            key=key,
            client=client,
            user_name=user,
            scenario=scenario,
        )
        .returning(S.changes.c.seq)
    ).scalar_one()
    conn.execute(text("SELECT pg_notify(:c, :p)"), {"c": S.CHANNEL, "p": f"{design_id} {seq}"})
    return seq


# ---------------------------------------------------------------------------- pull
def scenario_rows(conn: Connection, design_id: int, revision: int) -> list[Any]:
    """A revision's scenarios in order (the first is the base)."""
    s = S.scenarios
    return list(
        conn.execute(
            select(s)
            .where(s.c.design_id == design_id, s.c.revision == revision)
            .order_by(s.c.position)
        ).all()
    )


def read_scenarios(
    conn: Connection, design_id: int, revision: int, meta: dict[str, Any]
) -> ScenarioSet:
    """Every scenario of a revision (the base one active)."""
    return ScenarioSet(
        [
            read_content(conn, design_id, revision, meta, scenario)
            for scenario in scenario_rows(conn, design_id, revision)
        ]
    )


def read_content(
    conn: Connection, design_id: int, revision: int, meta: dict[str, Any], scenario: Any
) -> Design:
    """One scenario (its row from `scenario_rows`) of a revision."""

    def ordered(table):
        query = select(table).where(
            table.c.design_id == design_id,
            table.c.scenario == scenario.id,
            table.c.revision == revision,
        )
        if "position" in table.c:
            query = query.order_by(table.c.position, table.c.id)
        return conn.execute(query).all()

    return rows.design_of(
        meta,
        scenario,
        ordered(S.departments),
        ordered(S.links),
        ordered(S.functions),
        ordered(S.responsibilities),
        ordered(S.kpis),
    )


def pull(ref: RepoRef, version: int | None = None) -> Design:
    """One scenario (`ref.scenario`, else the base one) of the design `ref.name` (its live
    state, or version N); it remembers its origin."""
    scenarios = pull_scenarios(RepoRef(ref.url, ref.name), version)
    if ref.scenario is None:
        return scenarios.active
    try:
        return scenarios.activate(ref.scenario)
    except ScenarioError as exc:
        raise RepositoryError(f"{ref}: {exc}", zh=f"{ref}：{zh_of(exc)}") from None


def pull_scenarios(ref: RepoRef, version: int | None = None) -> ScenarioSet:
    """Every scenario of the design `ref.name` (its live state, or version N), each
    remembering its origin."""

    def work(engine: Engine) -> ScenarioSet:
        with engine.begin() as conn:
            conn.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"))
            row = design_row(conn, ref.name)
            if row is None or row.head == 0:
                raise _missing(ref)
            if version is None:
                scenarios = read_scenarios(conn, row.id, S.LIVE, row._mapping)
                number, edits, saved_by, saved_at = (
                    row.head,
                    row.edits,
                    row.changed_by,
                    row.changed_at,
                )
            else:
                saved = conn.execute(
                    select(S.versions).where(
                        S.versions.c.design_id == row.id, S.versions.c.number == version
                    )
                ).first()
                if saved is None:
                    raise RepositoryError(
                        f"{ref}: there is no version {version} (the latest is {row.head})",
                        zh=f"{ref}：没有第 {version} 版（最新的是第 {row.head} 版）",
                    )
                scenarios = read_scenarios(conn, row.id, version, json.loads(saved.meta))
                number, edits, saved_by, saved_at = (
                    version,
                    saved.edits,
                    saved.saved_by,
                    saved.saved_at,
                )
        for design in scenarios:
            design.stamp = rows.stamp_of(saved_by, saved_at)
            rows.set_origin(design, ref.name, number, edits, design.id)
        return scenarios

    try:
        return _run(ref.url, work)
    except (ValueError, TypeError) as exc:  # rows the model refuses (edited by hand?)
        raise RepositoryError(
            f"{ref}: the stored design is not valid ({exc})", zh=f"{ref}：存储的设计无效"
        ) from None


# ------------------------------------------------------------------------ list/log
def list_designs(url: str) -> list[dict[str, Any]]:
    def work(engine: Engine) -> list[dict[str, Any]]:
        d, base = S.departments, S.scenarios  # the count of the base scenario
        counts = (
            select(d.c.design_id, func.count().label("n"))
            .join(
                base,
                (base.c.design_id == d.c.design_id)
                & (base.c.revision == d.c.revision)
                & (base.c.id == d.c.scenario)
                & (base.c.position == 0),
            )
            .where(d.c.revision == S.LIVE)
            .group_by(d.c.design_id)
            .subquery()
        )
        query = (
            select(
                S.designs.c.name,
                S.designs.c.head,
                S.designs.c.changed_by,
                S.designs.c.changed_at,
                func.coalesce(counts.c.n, 0),
            )
            .outerjoin(counts, counts.c.design_id == S.designs.c.id)
            .where(S.designs.c.head > 0)
            .order_by(S.designs.c.name)
        )
        with engine.connect() as conn:
            return [
                {"name": n, "version": h, "saved_by": b, "saved_at": a, "departments": c}
                for n, h, b, a, c in conn.execute(query)
            ]

    return _run(url, work)


def log(ref: RepoRef) -> list[VersionInfo]:
    def work(engine: Engine) -> list[VersionInfo]:
        with engine.connect() as conn:
            row = design_row(conn, ref.name)
            if row is None or row.head == 0:
                raise _missing(ref)
            found = conn.execute(
                select(S.versions)
                .where(S.versions.c.design_id == row.id)
                .order_by(S.versions.c.number.desc())
            ).all()
        return [
            VersionInfo(r.number, r.saved_by, r.saved_at, r.comment, r.departments) for r in found
        ]

    return _run(ref.url, work)
