"""Live co-editing of one design in a repository: the document API the editor uses.

    session = LiveSession.open(RepoRef(url, "总部"))   # loads the live design
    session.design                   # edit it through ops as usual: each change event is
                                     # sent at once in its own short transaction
    session.poll(timeout)            # apply others' edits (woken by LISTEN/NOTIFY); retry
                                     # the connection and send unsent edits when offline
    session.online, session.pending, session.conflicts, session.others()
    session.close()

Each object carries the row version it was read at; a change is written only
if the server still has that version (`live_sql.send_change`). Someone
else's edit arrives as a NOTIFY; the session reads the changed rows from the
journal and applies them through the ordinary model methods, so views, undo
stacks and the validator see the same events as for local edits. A refused
edit is reported (`conflicts`, `on_conflict`) and the object is shown as the
server has it. When the connection is lost, edits stay in `pending` (in
order, one entry per object) and are sent when `poll` reconnects.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, Engine, select
from sqlalchemy.exc import SQLAlchemyError

from ..design import Design, now_iso
from ..errors import ModelError
from . import live_sql, rows
from . import schema as S
from .connection import (
    EditConflict,
    RepoRef,
    RepositoryError,
    current_user,
    describe_error,
)
from .live_apply import apply_row
from .live_send import LiveSender
from .live_order import ORDERED, LiveOrder
from .migrations import open_repository
from .store import design_row, read_content, scenario_rows

Key = tuple[str, str]  # (kind, key): kind is a content table name or "design"


class LiveSession(LiveSender):
    """One editor's live connection to a design in a repository."""

    def __init__(
        self,
        ref: RepoRef,
        engine: Engine,
        scope: live_sql.Scope,
        design: Design,
        versions: dict[Key, int],
        positions: dict[str, dict[str, float]],
        last_seq: int,
        user: str,
    ):
        self.ref = ref
        self.engine: Engine | None = engine
        self.scope = scope
        self.design_id = scope.design
        self.design = design
        self.user = user
        self.client = uuid.uuid4().hex
        self.versions = versions
        self.order = LiveOrder(positions)
        self.last_seq = last_seq
        self.pending: dict[Key, int] = {}  # unsent changes: object -> row version it was based on
        self.conflicts: list[str] = []
        self.problems: list[str] = []  # remote changes the model refused (a resync follows)
        self.online = True
        self.offline_reason = ""
        self.on_conflict: Callable[[str], None] | None = None
        self.on_status: Callable[[bool, str], None] | None = None
        self._applying = False
        self._unsent_written = False
        self.recovered = 0  # edits left unsent by a crashed session, sent at open
        self._stale: dict[Key, None] = {}  # refused objects to show as the server has them
        self._group: dict[Key, None] = {}  # what the user action in progress changed
        self._groups: list[list[Key]] = []  # unsent actions (offline), each one transaction
        self._listener: Any = None
        self._next_retry = 0.0
        self._next_presence = 0.0
        self._since = now_iso()
        self._listen()
        self._touch_presence()
        design.events.subscribe(self._on_event)
        design.events.subscribe_actions(self._on_action)
        self._recover_unsent()

    # ---------------------------------------------------------------- opening
    @classmethod
    def open(cls, ref: RepoRef, *, user: str | None = None) -> LiveSession:
        engine = open_repository(ref.url, pool_size=2, max_overflow=0)
        try:
            with engine.begin() as conn:
                conn.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
                row = design_row(conn, ref.name)
                if row is None or row.head == 0:
                    raise RepositoryError(
                        f"{ref}: the repository has no design named {ref.name!r}",
                        zh=f"{ref}：资料库中没有名为 {ref.name!r} 的设计",
                    )
                last_seq = (
                    conn.execute(
                        select(S.changes.c.seq)
                        .where(S.changes.c.design_id == row.id)
                        .order_by(S.changes.c.seq.desc())
                        .limit(1)
                    ).scalar()
                    or 0
                )
                scenario = _scenario(conn, ref, row.id)
                scope = live_sql.Scope(row.id, scenario.id)
                design = read_content(conn, row.id, S.LIVE, row._mapping, scenario)
                versions, positions = live_sql.read_versions(conn, scope, ORDERED)
                versions[("design", "")] = row.row_version
        except RepositoryError:
            engine.dispose()
            raise
        except SQLAlchemyError as exc:
            engine.dispose()
            raise describe_error(exc, ref.url) from None
        design.stamp = rows.stamp_of(row.changed_by, row.changed_at)
        return cls(
            ref, engine, scope, design, versions, positions, last_seq, user or current_user()
        )

    def close(self) -> None:
        self.design.events.unsubscribe(self._on_event)
        self.design.events.unsubscribe_actions(self._on_action)
        if self.online and self.engine is not None:
            try:
                with self.engine.begin() as conn:
                    conn.execute(
                        S.presence.delete().where(
                            S.presence.c.design_id == self.design_id,
                            S.presence.c.client == self.client,
                        )
                    )
            except SQLAlchemyError:
                pass
        self._close_connections()

    # -------------------------------------------------------------- remote edits
    def poll(self, timeout: float = 0.0) -> int:
        """Apply others' edits; reconnect and send unsent edits when offline. Returns how
        many journal entries were applied. Call it from the thread that owns the design."""
        if not self.online:
            if time.monotonic() < self._next_retry or not self._reconnect():
                return 0
        if self.pending:
            self.flush()
            if not self.online:
                return 0
        self._wait(timeout)
        try:
            if self._stale:
                stale, self._stale = list(self._stale), {}
                self._refresh(stale, force=True)
            applied = self._catch_up()
            if time.monotonic() >= self._next_presence:
                self._touch_presence()
            return applied
        except SQLAlchemyError as exc:
            self._go_offline(describe_error(exc, self.ref.url))
            return 0

    def _catch_up(self) -> int:
        assert self.engine is not None
        with self.engine.connect() as conn:
            found = conn.execute(
                select(S.changes.c.seq, S.changes.c.kind, S.changes.c.key)
                .where(
                    S.changes.c.design_id == self.design_id,
                    S.changes.c.scenario.in_((self.scope.scenario, "")),
                    S.changes.c.seq > self.last_seq,
                )
                .order_by(S.changes.c.seq)
            ).all()
        if not found:
            return 0
        keys: dict[Key, None] = {}
        reload = False
        for _, kind, key in found:
            if kind == "reload":
                reload = True
            else:
                keys[(kind, key)] = None
        self.last_seq = found[-1].seq
        if reload:
            self.resync()
        else:
            self._refresh(list(keys))
        return len(found)

    def _refresh(self, keys: list[Key], force: bool = False) -> None:
        """Make these objects equal to the server's live rows, through the model."""
        if not keys or self.engine is None:
            return
        try:
            with self.engine.connect() as conn:
                fetched = [(key, live_sql.fetch(conn, self.scope, *key)) for key in keys]
        except SQLAlchemyError as exc:
            self._go_offline(describe_error(exc, self.ref.url))
            return
        failed = self._apply_all(fetched, force)
        if failed:
            self.resync()

    def _apply_all(self, fetched: list[tuple[Key, Any]], force: bool = False) -> list[Key]:
        """Apply rows in passes: a row the model refuses now (a department whose new parent
        comes later in the list) is tried again after the others, while that helps."""
        while True:
            failed = self._apply_pass(fetched, force)
            if not failed or len(failed) == len(fetched):
                return [key for key, _ in failed]
            fetched = failed

    def _apply_pass(self, fetched: list[tuple[Key, Any]], force: bool) -> list[tuple[Key, Any]]:
        failed: list[tuple[Key, Any]] = []
        problems: list[str] = []
        self._applying = True
        try:
            for key, row in fetched:
                if key in self.pending:
                    continue  # our unsent edit wins locally until the server decides
                known = self.versions.get(key, 0)
                found = 0 if row is None else row.row_version
                if not force and known == found and (row is None) == (not self._has_local(key)):
                    continue
                try:
                    apply_row(self.design, self.order, key, row)
                except ModelError as exc:
                    problems.append(f"{key[0]} {key[1]}: {exc}")
                    failed.append((key, row))
                    continue
                self._remember(
                    key[0],
                    key[1],
                    found,
                    None if row is None else {"position": getattr(row, "position", 0.0)},
                )
        finally:
            self._applying = False
        if len(failed) == len(fetched):
            self.problems.extend(problems)
        return failed

    def _has_local(self, key: Key) -> bool:
        kind, obj = key
        if kind == "design":
            return True
        if kind == "responsibilities":
            f, d = live_sql.split_role_key(obj)
            return self.design.role(f, d) is not None
        return obj in getattr(self.design, kind)

    def resync(self) -> None:
        """Bring every object in line with the server (after a push replaced the design,
        or a remote change the model could not take in isolation)."""
        assert self.engine is not None
        with self.engine.begin() as conn:
            server = live_sql.live_rows(conn, self.scope, ORDERED)
        if not server:  # a push replaced the design without this scenario
            self._scenario_gone()
            return
        local: list[Key] = [(k, i) for k in ORDERED for i in getattr(self.design, k)]
        local += [
            ("responsibilities", live_sql.role_key(f, d))
            for f, d, _ in self.design.responsibilities()
        ]
        # removals first (roles, links, then departments and functions), then the server's rows
        gone = [k for k in local if k not in server]
        gone.sort(
            key=lambda k: ("kpis", "responsibilities", "links", "functions", "departments").index(
                k[0]
            )
        )
        self._apply_all([(k, None) for k in gone] + list(server.items()), force=True)
        self.versions = {k: r.row_version for k, r in server.items()}

    def scenario_names(self) -> list[str]:
        """The design's scenarios, in order, as the repository has them now (only the one
        shown here while offline). Another one is edited by a session of its own."""
        shown = self.design.scenario.name if self.design.scenario else ""
        if not self.online or self.engine is None:
            return [shown]
        try:
            with self.engine.connect() as conn:
                return [r.name for r in scenario_rows(conn, self.design_id, S.LIVE)] or [shown]
        except SQLAlchemyError:
            return [shown]

    def _scenario_gone(self) -> None:
        """Read-only for good: the scenario shown here no longer exists in the repository."""
        self.pending.clear()
        self._groups.clear()
        self._keep_unsent()
        name = self.design.scenario.name if self.design.scenario else ""
        self._go_offline(
            RepositoryError(
                f"{self.ref}: the scenario {name!r} was removed by a push",
                zh=f"{self.ref}：方案“{name}”已被存入的新版本删除",
            )
        )
        self._next_retry = float("inf")  # nothing to reconnect to


def _scenario(conn: Connection, ref: RepoRef, design_id: int) -> Any:
    """The scenario row `ref` names (its base scenario when it names none)."""
    found = scenario_rows(conn, design_id, S.LIVE)
    if ref.scenario is None:
        return found[0]
    for row in found:
        if row.name == ref.scenario:
            return row
    names = ", ".join(r.name for r in found)
    raise RepositoryError(
        f'{ref}: there is no scenario "{ref.scenario}" (scenarios: {names})',
        zh=f"{ref}：没有方案“{ref.scenario}”（现有方案：{'、'.join(r.name for r in found)}）",
    )


__all__ = ["EditConflict", "LiveSession"]
