"""The private working copy: every edit is committed to a local SQLite file as it happens.

A document never holds a connection on the shared file. Its content lives in
`<data dir>/sessions/<id>/working.db`, a complete design file that
`WorkingCopy` keeps equal to the model by subscribing to `design.events` and
writing only the changed rows (one small transaction per event, WAL mode).
So unsaved work survives a crash of the program, and saving after one edit
copies pages (SQLite's backup API) instead of rebuilding the file.

Beside it `manifest.json` says which file this is the working copy of, the
fingerprint and stamp of the version it was based on, whether it holds
unsaved edits, and which process owns it; `orgdesigner.recovery` reads
these at start. The data dir is `ORGDESIGNER_DATA_DIR` if set (tests),
else the platform's per-user data folder.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import sqlite3
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable

from . import __version__, events as ev, schema, storage
from .design import Design, now_iso
from .fileutil import atomic_write_text
from .errors import Words
from .quickverify import ChangeLog, Changes
from .lockfile import process_identity  # noqa: F401  (recovery imports it from here)
from .userdirs import data_dir
from .scenarios import ScenarioSet, info_of

MANIFEST = "manifest.json"
WORKING = "working.db"
ORDERED = (
    "departments",
    "links",
    "functions",
    "kpis",
)  # tables whose sort_order is the model's order
GAP = 1024  # spacing of sort_order numbers: inserts between two rows rarely renumber


def sessions_dir() -> Path:
    return data_dir() / "sessions"


@dataclass
class Manifest:
    """What a working copy belongs to; written atomically beside it."""

    session: str
    source: str | None  # the design file; None for a new, never saved design
    title: str
    pid: int = field(default_factory=os.getpid)
    host: str = field(default_factory=socket.gethostname)
    process: str = ""
    app_version: str = __version__
    started: str = field(default_factory=now_iso)
    updated: str = field(default_factory=now_iso)
    dirty: bool = False
    read_only: bool = False
    base_sha256: str = ""  # fingerprint of the file version the edits are based on
    base_size: int = 0
    base_generation: int = 0
    base_save_id: str = ""
    last_save: str = ""
    pending_sha256: str = ""  # the save that was about to replace the file (see `saving`)
    pending_size: int = 0
    pending_save_id: str = ""
    pending_generation: int = 0
    scenario: str = ""  # id of the scenario shown (recovery reopens it)

    @classmethod
    def read(cls, path: Path) -> "Manifest":
        raw = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(raw, dict):
            raise ValueError("not a manifest")
        known = {k: v for k, v in raw.items() if k in cls.__dataclass_fields__}
        manifest = cls(**known)
        for name, expected in (
            ("pid", int),
            ("host", str),
            ("dirty", bool),
            ("title", str),
            ("updated", str),
            ("base_sha256", str),
            ("base_size", int),
        ):
            if not isinstance(getattr(manifest, name), expected):
                raise ValueError(f"bad {name}")
        if manifest.source is not None and not isinstance(manifest.source, str):
            raise ValueError("bad source")
        return manifest

    def write(self, folder: Path, *, durable: bool = True) -> None:
        self.updated = now_iso()
        atomic_write_text(
            folder / MANIFEST,
            json.dumps(asdict(self), ensure_ascii=False, indent=1),
            durable=durable,
        )


class WorkingCopy:
    """Keeps `working.db` equal to a design file's scenarios by writing each change as it happens.

    Only the shown scenario (`design`) is edited; its rows are the ones with its
    `scenario_id`. Copying, renaming, deleting or switching scenarios goes
    through `scenarios_changed` / `switch`, so the file stays whole.
    """

    def __init__(self, folder: Path, designs: Design | ScenarioSet, manifest: Manifest):
        self.folder = folder
        self.path = folder / WORKING
        self.scenarios = storage.as_set(designs)
        self.design = self.scenarios.active
        self.manifest = manifest
        manifest.scenario = info_of(self.design).id
        self.problem = ""  # set if writing the working copy failed: crash safety is lost
        self.conn = self._connect()
        self.changelog = ChangeLog(self.conn)
        self._load_order()
        self._handlers: dict[type, Callable[[Any], None]] = {
            ev.DepartmentAdded: lambda e: self._insert(
                "departments", storage.department_row(e.department), e.index
            ),
            ev.DepartmentRemoved: lambda e: self._delete("departments", e.department.id),
            ev.DepartmentChanged: lambda e: self._update("departments", e.id),
            ev.ParentChanged: lambda e: self._update("departments", e.id),
            ev.DepartmentsMoved: self._moved,
            ev.LinkAdded: lambda e: self._insert("links", storage.link_row(e.link), e.index),
            ev.LinkRemoved: lambda e: self._delete("links", e.link.id),
            ev.LinkChanged: lambda e: self._update("links", e.id),
            ev.FunctionAdded: lambda e: self._insert(
                "functions", storage.function_row(e.function), e.index
            ),
            ev.FunctionRemoved: lambda e: self._delete("functions", e.function.id),
            ev.FunctionChanged: lambda e: self._update("functions", e.id),
            ev.RoleChanged: self._role,
            ev.KpiAdded: lambda e: self._kpi(e.kpi.id, index=e.index),
            ev.KpiRemoved: lambda e: self._kpi(e.kpi.id),
            ev.KpiChanged: lambda e: self._kpi(e.id),
            ev.DesignInfoChanged: self._info,
        }
        self.design.events.subscribe(self._on_event)

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=OFF")
        return conn

    # ------------------------------------------------------------- creation
    @classmethod
    def new_folder(cls) -> tuple[Path, str]:
        session = uuid.uuid4().hex
        folder = sessions_dir() / session
        folder.mkdir(parents=True, exist_ok=False)
        return folder, session

    @classmethod
    def start(
        cls, design: Design | ScenarioSet, folder: Path, manifest: Manifest, have_file: bool = False
    ) -> "WorkingCopy":
        """Begin tracking `design`; `have_file` if folder/working.db already holds it."""
        if not have_file:
            storage.write_file(design, folder / WORKING)
        manifest.process = process_identity(manifest.pid)
        manifest.write(folder)
        return cls(folder, design, manifest)

    # --------------------------------------------------------------- events
    def _on_event(self, event: ev.Event) -> None:
        handler = self._handlers.get(type(event))
        if handler is None:
            return

        def write() -> None:
            handler(event)
            self._touch()

        self._transaction(write)

    def _transaction(self, write: Callable[[], None]) -> None:
        """Run `write` in one transaction; a failure is remembered, never raised.

        The recovery record says "unsaved edits" before the edit is written: a kill
        between the two then offers the (unchanged) copy, never drops the edit.
        """
        self.mark_dirty()
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            write()
            self.conn.execute("COMMIT")
        except (sqlite3.Error, OSError) as exc:
            try:
                self.conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass
            self.problem = _problem("working", exc)

    def mark_dirty(self) -> None:
        title_changed = self.manifest.title != self.design.name
        if not self.manifest.dirty or title_changed:
            self.manifest.dirty = True
            self.manifest.title = self.design.name  # the recovery prompt shows it
            try:
                self.manifest.write(self.folder)
            except OSError as exc:
                self.problem = _problem("record", exc)

    @property
    def _scope(self) -> str:
        return info_of(self.design).id

    def _touch(self) -> None:
        """The shown scenario was edited now (the `scenarios` list shows when)."""
        info = info_of(self.design)
        info.modified = now_iso()
        self.conn.execute("UPDATE scenarios SET modified=? WHERE id=?", (info.modified, info.id))

    def _load_order(self) -> None:
        """Forget each ordered table's ids and sort_order numbers: read again when needed."""
        self._orderings: dict[str, tuple[list[str], dict[str, int]]] = {}

    def _ordering(self, table: str) -> tuple[list[str], dict[str, int]]:
        """A table's ids in sort_order and their numbers, read at the first insert or delete
        (not at open: 0.3 s for 100,000 departments); the events keep them from then on."""
        known = self._orderings.get(table)
        if known is None:
            rows = self.conn.execute(
                f"SELECT id, sort_order FROM {table} WHERE scenario_id=? ORDER BY sort_order",
                (self._scope,),
            ).fetchall()
            known = self._orderings[table] = ([r[0] for r in rows], dict(rows))
        return known

    def _insert(self, table: str, row: dict[str, Any], index: int) -> None:
        """Insert `row` as the `index`-th row by sort_order: where the event says the model put it.

        The working copy keeps its own list of each table's ids in its order (the
        model's order, by construction), so the neighbours are known without a
        query; numbers are spaced out so an insert between two rows changes one
        row, and the table is renumbered only when two neighbours have no gap left.
        """
        order, sort = self._ordering(table)
        index = max(0, min(index, len(order)))
        number = self._between(order, sort, index)
        if number is None:
            self._renumber(table)
            number = self._between(order, sort, index)
            assert number is not None  # renumbering leaves a gap everywhere
        order.insert(index, row["id"])
        sort[row["id"]] = number
        row["sort_order"] = number
        self._upsert(table, {"scenario_id": self._scope} | row)

    @staticmethod
    def _between(order: list[str], sort: dict[str, int], index: int) -> int | None:
        before = sort[order[index - 1]] if index > 0 else None
        after = sort[order[index]] if index < len(order) else None
        if before is None and after is None:
            return 0
        if after is None:
            assert before is not None
            return before + GAP
        if before is None:
            return after - GAP
        return (before + after) // 2 if after - before >= 2 else None

    def _renumber(self, table: str) -> None:
        order, sort = self._ordering(table)
        sort.update((key, i * GAP) for i, key in enumerate(order))
        scope = self._scope
        self.conn.executemany(
            f"UPDATE {table} SET sort_order=? WHERE scenario_id=? AND id=?",
            [(sort[key], scope, key) for key in order],
        )

    def _upsert(self, table: str, row: dict[str, Any]) -> None:
        names = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        self.conn.execute(
            f"INSERT OR REPLACE INTO {table} ({names}) VALUES ({marks})", tuple(row.values())
        )

    def _update(self, table: str, obj_id: str) -> None:
        row = storage.rows_for(self.design, table, obj_id)
        sets = ", ".join(f"{k}=?" for k in row if k != "id")
        self.conn.execute(
            f"UPDATE {table} SET {sets} WHERE scenario_id=? AND id=?",
            tuple(v for k, v in row.items() if k != "id") + (self._scope, obj_id),
        )

    def _delete(self, table: str, obj_id: str) -> None:
        order, sort = self._ordering(table)  # read before the row goes
        self.conn.execute(
            f"DELETE FROM {table} WHERE scenario_id=? AND id=?", (self._scope, obj_id)
        )
        order.remove(obj_id)
        del sort[obj_id]

    def _moved(self, event: ev.DepartmentsMoved) -> None:
        scope = self._scope
        self.conn.executemany(
            "UPDATE departments SET x=?, y=? WHERE scenario_id=? AND id=?",
            [(x, y, scope, i) for i, (x, y) in event.positions.items()],
        )

    def _role(self, event: ev.RoleChanged) -> None:
        if event.new is None:
            self.conn.execute(
                "DELETE FROM responsibilities WHERE scenario_id=? AND function_id=? "
                "AND department_id=?",
                (self._scope, event.function, event.department),
            )
        else:
            self.conn.execute(
                "INSERT OR REPLACE INTO responsibilities VALUES (?, ?, ?, ?)",
                (self._scope, event.function, event.department, event.new.value),
            )

    def _kpi(self, kpi_id: str, index: int | None = None) -> None:
        """Rewrite a KPI's row and its ties (a KPI has a handful of them)."""
        for table in storage.KPI_LINK_TABLES:
            self.conn.execute(
                f"DELETE FROM {table} WHERE scenario_id=? AND kpi_id=?", (self._scope, kpi_id)
            )
        kpi = self.design.kpis.get(kpi_id)
        if kpi is None:
            self._delete("kpis", kpi_id)
            return
        if index is not None:  # added at `index`
            self._insert("kpis", storage.kpi_row(kpi), index)
        else:
            self._update("kpis", kpi_id)
        for table, rows in storage.kpi_link_rows(kpi).items():
            for row in rows:
                self._upsert(table, {"scenario_id": self._scope} | row)

    def _info(self, event: ev.DesignInfoChanged) -> None:
        for key in event.changes:
            if key.startswith("settings."):
                setting = key.split(".", 1)[1]
                if setting in self.design.settings:
                    self.conn.execute(
                        "INSERT OR REPLACE INTO settings VALUES (?, ?, ?)",
                        (self._scope, setting, json.dumps(self.design.settings[setting])),
                    )
                else:
                    self.conn.execute(
                        "DELETE FROM settings WHERE scenario_id=? AND key=?", (self._scope, setting)
                    )
            else:
                self.conn.execute(
                    "INSERT OR REPLACE INTO meta VALUES (?, ?)",
                    (key, str(getattr(self.design, key))),
                )

    # ------------------------------------------------------------ scenarios
    def switch(self, design: Design) -> None:
        """Follow another scenario of the set (the editor switched to it)."""
        self.design.events.unsubscribe(self._on_event)
        self.design = design
        self.design.events.subscribe(self._on_event)
        self.manifest.scenario = info_of(design).id
        self._load_order()
        try:
            self.manifest.write(self.folder)
        except OSError as exc:
            self.problem = _problem("record", exc)

    def scenarios_changed(self) -> None:
        """Write a copied, renamed or deleted scenario (one transaction), then mark unsaved."""
        self._transaction(self._write_scenarios)

    def _write_scenarios(self) -> None:
        wanted = {info_of(d).id for d in self.scenarios}
        stored = {r[0] for r in self.conn.execute("SELECT id FROM scenarios")}
        for gone in stored - wanted:
            for table in schema.SCENARIO_TABLES:
                self.conn.execute(f'DELETE FROM "{table}" WHERE scenario_id=?', (gone,))
        self.conn.execute("DELETE FROM scenarios")
        for index, design in enumerate(self.scenarios):
            row = storage.scenario_row(design, index)
            self._upsert("scenarios", row)
            if row["id"] not in stored:
                for table, rows in storage.table_rows(design).items():
                    for one in rows:
                        self._upsert(table, one)

    # ----------------------------------------------------------------- save
    def write_complete_copy(self, dest: Path) -> None:
        """A complete design file at `dest` (must not exist) with the current stamp.

        Folds the WAL into working.db and copies its bytes (the kernel copies:
        much faster than SQLite's backup API, which is the fallback when the
        checkpoint cannot complete); if the working copy is broken, writes the
        file from the model instead.
        """
        if self.problem:
            storage.write_file(self.scenarios, dest)
            return
        busy = self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        if busy:
            out = sqlite3.connect(dest, isolation_level=None)
            try:
                self.conn.backup(out)
            finally:
                out.close()
        else:
            shutil.copyfile(self.path, dest)
        # The pages carry the working copy's WAL flag; mark the file as rollback-journal
        # before SQLite opens it again, so no -wal/-shm files appear in the shared folder.
        with open(dest, "r+b") as handle:
            handle.seek(18)
            handle.write(b"\x01\x01")
        out = sqlite3.connect(dest, isolation_level=None)
        try:
            # A temp file: a failed write is discarded whole, and it is fsynced before use.
            out.execute("PRAGMA journal_mode=OFF")
            out.execute("PRAGMA synchronous=OFF")
            out.execute("BEGIN")
            out.execute("DELETE FROM meta")
            out.executemany(
                "INSERT INTO meta VALUES (?, ?)", storage.meta_rows(self.design).items()
            )
            out.execute("COMMIT")
        finally:
            out.close()

    def pending_changes(self) -> Changes | None:
        """The rows a save must verify (None: all of them; see `quickverify`)."""
        if self.problem:
            return None
        try:
            return self.changelog.pending()
        except sqlite3.Error:
            return None

    def verified(self, changes: Changes | None) -> None:
        """A save verified the copy of this working copy against the model."""
        if self.problem:
            return
        try:
            self.changelog.verified(changes)
        except sqlite3.Error as exc:
            self.problem = f"the working copy could not be updated ({exc})"

    def rebuild(self) -> None:
        """Write the working copy afresh from the model: the way out if it ever drifted.

        Save As uses it, so a working copy that no longer matches the design can
        never block saving the design somewhere.
        """
        fresh = self.folder / f"{WORKING}.new"
        fresh.unlink(missing_ok=True)
        storage.write_file(self.scenarios, fresh)
        try:
            self.conn.close()
        except sqlite3.Error:
            pass
        for suffix in ("-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        os.replace(fresh, self.path)
        self.conn = self._connect()
        self.changelog = ChangeLog(self.conn)
        self._load_order()
        self.problem = ""

    def saving(self, fingerprint, stamp) -> None:
        """Note the save about to replace the file (its fingerprint and save id), so a
        crash right after the replace is recognised as our own save on recovery."""
        self.manifest.pending_sha256 = fingerprint.sha256
        self.manifest.pending_size = fingerprint.size
        self.manifest.pending_save_id = stamp.save_id
        self.manifest.pending_generation = stamp.save_generation
        # No fsync: this guards against the process being killed, and a save must
        # not wait for the disk twice (at worst a power cut costs a false conflict).
        self.manifest.write(self.folder, durable=False)

    def saved(self, source: Path, fingerprint, stamp) -> None:
        """Record a successful save: new base version, no unsaved edits."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            self.conn.executemany(
                "INSERT OR REPLACE INTO meta VALUES (?, ?)", storage.meta_rows(self.design).items()
            )
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            self.problem = _problem("working", exc)
        self.manifest.source = str(source)
        self.manifest.title = self.design.name
        self.manifest.read_only = False
        self.manifest.dirty = False
        self.set_base(fingerprint, stamp)
        self.manifest.last_save = stamp.saved_at
        self.manifest.pending_sha256 = self.manifest.pending_save_id = ""
        self.manifest.pending_size = self.manifest.pending_generation = 0
        try:
            self.manifest.write(self.folder)
        except OSError as exc:  # the file is saved; only the recovery record lags behind
            self.problem = _problem("record", exc)

    def set_base(self, fingerprint, stamp) -> None:
        self.manifest.base_sha256 = fingerprint.sha256 if fingerprint else ""
        self.manifest.base_size = fingerprint.size if fingerprint else 0
        self.manifest.base_generation = stamp.save_generation
        self.manifest.base_save_id = stamp.save_id

    # ---------------------------------------------------------------- close
    def close(self, discard: bool = True) -> None:
        """Stop tracking; with `discard`, delete the working copy and its manifest."""
        self.design.events.unsubscribe(self._on_event)
        try:
            self.conn.close()
        except sqlite3.Error:
            pass
        if discard:
            shutil.rmtree(self.folder, ignore_errors=True)


def checkpoint(folder: Path) -> Path:
    """Fold a crashed session's WAL into working.db so it can be read as one file."""
    path = folder / WORKING
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode=DELETE")
    finally:
        conn.close()
    return path


def _problem(what: str, exc: BaseException) -> Words:
    """The banner's sentence when crash safety is lost (English and Chinese)."""
    if what == "working":
        return Words(
            f"the working copy could not be updated ({exc})",
            "工作副本无法更新，崩溃后可能无法恢复未保存的工作",
        )
    return Words(
        f"the recovery record could not be written ({exc})",
        "恢复记录无法写入，崩溃后可能无法恢复未保存的工作",
    )
