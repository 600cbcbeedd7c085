"""The connection side of a live session: online or not, the LISTEN socket, presence.

A lost connection makes the session offline (`on_status`), and `_reconnect`
tries again every few seconds from `poll`; presence rows say who else has
the design open (refreshed every few seconds, forgotten after a minute).
"""

from __future__ import annotations

import select as io_select
import socket
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from . import live_sql
from . import schema as S
from .connection import RepoRef, RepositoryError, describe_error, libpq_url
from .migrations import open_repository

RETRY_SECONDS = 2.0
PRESENCE_SECONDS = 10.0
PRESENCE_TIMEOUT = 60.0


class LiveLink:
    """The server connection of a LiveSession (its base class)."""

    ref: RepoRef
    engine: Engine | None
    design_id: int
    client: str
    user: str
    online: bool
    offline_reason: str
    on_status: Callable[[bool, str], None] | None
    _listener: Any
    _next_retry: float
    _next_presence: float
    _since: str

    def _close_connections(self) -> None:
        if self._listener is not None:
            try:
                self._listener.close()
            except Exception:
                pass
            self._listener = None
        if self.engine is not None:
            self.engine.dispose()

    def _wait(self, timeout: float) -> None:
        """Wait for a NOTIFY up to `timeout` seconds; drain what arrived."""
        conn = self._listener
        if conn is None:
            return
        try:
            if timeout > 0:
                io_select.select([conn.fileno()], [], [], timeout)
            for _ in conn.notifies(timeout=0, stop_after=0):
                pass
        except Exception:
            self._listener = None  # the journal query below finds out if we are offline

    def listener_socket(self) -> int | None:
        """The LISTEN connection's socket, for a QSocketNotifier (None when offline)."""
        return None if self._listener is None else self._listener.fileno()

    # ----------------------------------------------------------- connection state
    def _listen(self) -> None:
        import psycopg

        try:
            self._listener = psycopg.connect(
                libpq_url(self.ref.url),
                autocommit=True,
                connect_timeout=5,
                application_name="Org Designer",
            )
            self._listener.execute(f"LISTEN {S.CHANNEL}")
        except psycopg.Error:
            self._listener = None

    def _go_offline(self, error: RepositoryError) -> None:
        self.online = False
        self.offline_reason = str(error)
        self._next_retry = time.monotonic() + RETRY_SECONDS
        self._close_connections()
        if self.on_status is not None:
            self.on_status(False, self.offline_reason)

    def _reconnect(self) -> bool:
        try:
            self.engine = open_repository(self.ref.url, pool_size=2, max_overflow=0)
        except RepositoryError as exc:
            self.offline_reason = str(exc)
            self._next_retry = time.monotonic() + RETRY_SECONDS
            return False
        self.online = True
        self.offline_reason = ""
        self._listen()
        if self.on_status is not None:
            self.on_status(True, "")
        return True

    # ------------------------------------------------------------------ presence
    def _touch_presence(self) -> None:
        self._next_presence = time.monotonic() + PRESENCE_SECONDS
        if self.engine is None:
            return
        try:
            with self.engine.begin() as conn:
                live_sql.touch_presence(
                    conn, self.design_id, self.client, self.user, socket.gethostname(), self._since
                )
        except SQLAlchemyError as exc:
            self._go_offline(describe_error(exc, self.ref.url))

    def others(self) -> list[str]:
        """Who else has this design open (user names, one per editor window)."""
        if not self.online or self.engine is None:
            return []
        try:
            with self.engine.connect() as conn:
                return live_sql.present_users(conn, self.design_id, self.client, PRESENCE_TIMEOUT)
        except SQLAlchemyError:
            return []


def is_disconnect(exc: DBAPIError) -> bool:
    import psycopg

    return bool(exc.connection_invalidated) or isinstance(exc.orig, psycopg.OperationalError)
