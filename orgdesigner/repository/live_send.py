"""The sending side of a live session: local edits go to the server.

Inside a user action (`design.events.action()`: an op, a paste, an import,
one undo step, as the editor applies them; and `design.batch()`, a script's
batch) the changes are collected and sent together at its end in ONE
transaction: all or nothing. A refusal rolls everything back, is reported in
one line, and the objects are shown as the server has them. An action made
while the connection is down is kept as one group (also on disk) and sent,
still as one transaction, when it returns. A change outside any action (a
script's single model call) is its own short transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from .. import events as ev
from ..design import now_iso
from ..errors import ModelError
from . import live_sql, live_unsent, rows
from .connection import describe_error
from .live_apply import apply_row, describe_object, keys_of_event, references
from ..design import Design
from .live_link import LiveLink, is_disconnect
from .live_order import ORDERED, LiveOrder

Key = tuple[str, str]


class LiveSender(LiveLink):
    """Local edits to the server (a base class of LiveSession)."""

    design: Design
    scope: live_sql.Scope
    versions: dict[Key, int]
    order: LiveOrder
    pending: dict[Key, int]
    conflicts: list[str]
    problems: list[str]
    recovered: int
    on_conflict: Callable[[str], None] | None
    _applying: bool
    _unsent_written: bool
    _stale: dict[Key, None]
    _group: dict[Key, None]
    _groups: list[list[Key]]  # unsent actions, each to be sent as one transaction

    def _refresh(self, keys: list[Key], force: bool = False) -> None:
        raise NotImplementedError  # LiveSession's: make these objects equal to the server's

    def _on_event(self, event: ev.Event) -> None:
        if self._applying:
            return
        for key in keys_of_event(event):
            if key not in self.pending:
                self.pending[key] = self.versions.get(key, 0)
            if self.design.events.action_depth:
                self._group[key] = None
        if not self.design.events.action_depth:
            self.flush()

    def _on_action(self, action: ev.Action) -> None:
        """One user action ended: send all it changed in one transaction, or nothing."""
        group, self._group = [k for k in self._group if k in self.pending], {}
        if not group:
            return
        if not self.online:
            self._groups.append(group)
            self._keep_unsent()
            return
        refused = self._send_group(group)
        if refused is not None:
            action.refused = refused
        self._keep_unsent()

    def flush(self) -> None:
        """Send unsent changes in the order they were made: an action's as one transaction,
        any other change in its own."""
        while self.online and self.pending:
            key = next(iter(self.pending))
            group = next((g for g in self._groups if key in g), None)
            if group is None:
                if not self._send(key, set()):
                    break
                continue
            self._groups.remove(group)
            self._send_group([k for k in group if k in self.pending])
            if not self.online:
                break
        self._groups = [g for g in self._groups if any(k in self.pending for k in g)]
        self._keep_unsent()

    def _keep_unsent(self) -> None:
        """Write what is still unsent to disk (a crash must not lose it); clear when sent."""
        if not self.pending and not self._unsent_written:
            return
        group_of = {key: i for i, group in enumerate(self._groups) for key in group}
        edits = [
            {
                "kind": k,
                "key": o,
                "base": base,
                "row": self._local_row(k, o),
                "group": group_of.get((k, o)),
            }
            for (k, o), base in self.pending.items()
        ]
        try:
            live_unsent.save(self.client, self.ref.url, self.ref.name, edits, self.scope.scenario)
            self._unsent_written = bool(edits)
        except OSError as exc:
            self.problems.append(f"unsent edits could not be kept on disk ({exc})")

    def _recover_unsent(self) -> None:
        """Send the edits a crashed session of this design left unsent (see live_unsent)."""
        groups: dict[tuple[str, int], list[Key]] = {}
        for path, edits in live_unsent.leftovers(self.ref.url, self.ref.name, self.scope.scenario):
            self._applying = True
            try:
                for edit in edits:
                    key = (edit["kind"], edit["key"])
                    try:
                        apply_row(self.design, self.order, key, live_unsent.as_row(edit["row"]))
                    except (ModelError, TypeError) as exc:
                        self.problems.append(f"an unsent edit could not be restored ({exc})")
                        continue
                    self.pending.setdefault(key, edit["base"])
                    group = edit.get("group")
                    if isinstance(group, int):
                        groups.setdefault((str(path), group), []).append(key)
                    self.recovered += 1
            finally:
                self._applying = False
            path.unlink(missing_ok=True)
        self._groups.extend(groups.values())
        if self.pending:
            self.flush()

    def _local_row(self, kind: str, key: str) -> dict[str, Any] | None:
        d = self.design
        if kind == "design":
            return live_sql.design_values(rows.meta_of(d), rows.settings_text(d))
        if kind == "responsibilities":
            f, dept = live_sql.split_role_key(key)
            role = d.role(f, dept) if f in d.functions and dept in d.departments else None
            return (
                None
                if role is None
                else {"function_id": f, "department_id": dept, "role": role.value}
            )
        obj = getattr(d, kind).get(key)
        if obj is None:
            return None
        row = rows.ROW_OF[kind](obj)
        position = self.order.known(kind, key)
        row["position"] = (
            position if position is not None else self.order.new_position(d, kind, key)
        )
        return row

    def _send(self, key: Key, visiting: set[Key]) -> bool:
        """Send one pending change; False when the connection is down (it stays pending)."""
        kind, obj = key
        row = self._local_row(kind, obj)
        visiting.add(key)
        for dep in references(kind, row):  # a new parent goes before its child
            if dep in self.pending and dep not in visiting and not self._send(dep, visiting):
                return False
        if key not in self.pending:
            return True
        base = self.pending[key]
        assert self.engine is not None
        try:
            with self.engine.begin() as conn:
                version = live_sql.send_change(
                    conn,
                    self.scope,
                    kind,
                    obj,
                    base,
                    row,
                    client=self.client,
                    user=self.user,
                    now=now_iso(),
                )
        except live_sql.Refused as exc:
            self.pending.pop(key, None)
            self._refused(kind, obj, str(exc), exc.zh)
            return True
        except DBAPIError as exc:
            if is_disconnect(exc):
                self._go_offline(describe_error(exc, self.ref.url))
                return False
            self.pending.pop(key, None)
            reason = str(describe_error(exc, self.ref.url))
            self._refused(kind, obj, reason, reason)
            return True
        except SQLAlchemyError as exc:
            self._go_offline(describe_error(exc, self.ref.url))
            return False
        self.pending.pop(key, None)
        self._remember(kind, obj, version, row)
        return True

    def _remember(self, kind: str, obj: str, version: int, row: dict[str, Any] | None) -> None:
        if version == 0:
            self.versions.pop((kind, obj), None)
        else:
            self.versions[(kind, obj)] = version
        if kind in ORDERED:
            self.order.remember(kind, obj, None if row is None else row["position"])

    def _send_group(self, group: list[Key]) -> str | None:
        """Send these pending changes in one transaction (what they refer to first). When
        the server refuses one, none is written, the conflict is reported in one line
        and the objects are shown as the server has them; returns that line."""
        ordered: dict[Key, None] = {}

        def visit(key: Key) -> None:
            if key in ordered:
                return
            ordered[key] = None  # marks it visited; moved after its references below
            for dep in references(key[0], self._local_row(*key)):
                if dep in self.pending and dep in group_set:
                    visit(dep)
            ordered.pop(key)
            ordered[key] = None

        group_set = set(group)
        for key in group:
            visit(key)
        # Each new object's position is taken into account for the next one's: two objects
        # added side by side keep their order (known only once sent, one by one, otherwise).
        rows_of: dict[Key, dict[str, Any] | None] = {}
        tentative: list[Key] = []
        for key in ordered:
            row = rows_of[key] = self._local_row(*key)
            if key[0] in ORDERED and row is not None and self.order.known(*key) is None:
                self.order.remember(key[0], key[1], row["position"])
                tentative.append(key)
        written: list[tuple[Key, int, dict[str, Any] | None]] = []
        assert self.engine is not None
        try:
            with self.engine.begin() as conn:
                now = now_iso()
                for key in ordered:
                    row = rows_of[key]
                    version = live_sql.send_change(
                        conn,
                        self.scope,
                        key[0],
                        key[1],
                        self.pending[key],
                        row,
                        client=self.client,
                        user=self.user,
                        now=now,
                    )
                    written.append((key, version, row))
        except (live_sql.Refused, SQLAlchemyError) as exc:
            for key in tentative:  # not on the server: their places are not known
                self.order.remember(key[0], key[1], None)
            return self._group_failed(list(ordered), len(written), exc)
        for key, version, row in written:
            self.pending.pop(key, None)
            self._remember(key[0], key[1], version, row)
        return None

    def _group_failed(self, keys: list[Key], written: int, exc: Exception) -> str | None:
        """Nothing of the group was stored: refused (reported, shown as the server has it)
        or the connection is down (it all stays pending)."""
        if isinstance(exc, live_sql.Refused):
            return self._group_refused(keys, keys[min(written, len(keys) - 1)], str(exc), exc.zh)
        assert isinstance(exc, SQLAlchemyError)
        if isinstance(exc, DBAPIError) and not is_disconnect(exc):
            reason = str(describe_error(exc, self.ref.url))
            return self._group_refused(keys, keys[min(written, len(keys) - 1)], reason, reason)
        self._groups.insert(0, keys)  # still one action: sent as one when the connection returns
        self._go_offline(describe_error(exc, self.ref.url))
        return None

    def _group_refused(self, keys: list[Key], failed: Key, reason: str, zh: str) -> str:
        what = describe_object(self.design, *failed)
        n = len(keys)
        message = (
            f"Your edit ({n} change{'s' if n != 1 else ''}) was not saved: {what}: {reason}; "
            f"the design is shown as it is now. "
            f"你的编辑（{n} 处修改）未保存：{what}：{zh}；现显示为最新内容。"
        )
        for key in keys:
            self.pending.pop(key, None)
        self.conflicts.append(message)
        self._refresh(keys, force=True)  # the action is over: the model may change again
        if self.on_conflict is not None:
            self.on_conflict(message)
        return message

    def _refused(self, kind: str, obj: str, reason: str, reason_zh: str) -> None:
        what = describe_object(self.design, kind, obj)
        message = (
            f"Your change to {what} was not saved: {reason}; it is shown as it is now. "
            f"你对{what}的修改未保存：{reason_zh}；现显示为最新内容。"
        )
        self.conflicts.append(message)
        # Shown as the server has it at the next poll: this runs inside the model's event
        # delivery (maybe mid-way through a deletion's cascade), where changing the model
        # again would corrupt it.
        self._stale[(kind, obj)] = None
        if self.on_conflict is not None:
            self.on_conflict(message)
