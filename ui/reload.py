"""A design open read-only follows the file: someone else's save shows up here.

Read-only means "someone else is editing"; a view that silently goes stale
misleads the meeting it is shown in. The folder is watched (a safe save
replaces the file, so watching the file alone would lose it) and the window's
half-minute timer checks too. When the file's bytes differ from what was read,
the design reloads by itself if nothing here would be lost, else the banner
offers Reload. File > Reload does the same on demand, for any design.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer
from PySide6.QtWidgets import QMessageBox

from orgdesigner.untrusted import fingerprint

from . import document_io
from .i18n import tr

if TYPE_CHECKING:  # pragma: no cover
    from .main_window import MainWindow


class ReloadWatcher(QObject):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.w = window
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(self._soon)
        self.watcher.fileChanged.connect(self._soon)
        self._delay = QTimer(self)  # a save is several file operations: look once they settle
        self._delay.setSingleShot(True)
        self._delay.setInterval(300)
        self._delay.timeout.connect(self.check)
        self._stat: tuple[int, int] | None = None
        self.newer_on_disk = False

    def follow(self, doc: document_io.OpenDesign | None) -> None:
        """Watch the file of the design now shown (read-only ones; others hold the lock)."""
        paths = self.watcher.files() + self.watcher.directories()
        if paths:
            self.watcher.removePaths(paths)
        self._stat = None
        self.newer_on_disk = False
        if doc is not None and doc.path is not None and doc.read_only:
            self._stat = _stat(doc.path)
            self.watcher.addPaths([str(doc.path.parent), str(doc.path)])

    def _soon(self, *_args) -> None:
        self._delay.start()

    def check(self) -> bool:
        """True when a newer version was found (reloaded, or offered in the banner)."""
        doc = self.w.doc
        if doc is None or doc.path is None or not doc.read_only or self.newer_on_disk:
            return False
        stat = _stat(doc.path)
        if stat is None or stat == self._stat:
            return False
        self._stat = stat
        base = doc.document.base
        try:
            if base is not None and fingerprint(doc.path) == base:
                return False
        except OSError:
            return False
        if not self.w.is_modified():
            name = doc.path.name
            if self.reload(ask=False):
                saved_by = self.w.ctx.design.stamp.saved_by
                self.w.show_message(
                    tr("%1 was saved by %2: showing the new version.")
                    .replace("%1", name)
                    .replace("%2", saved_by or tr("someone else"))
                )
                return True
            return False
        self.newer_on_disk = True
        self.w.banner.setText(
            tr(
                "Someone saved a newer version of this design. "
                '<a href="reload">Reload</a> to see it (your changes here will be lost).'
            )
        )
        self.w.banner.show()
        return True

    def reload(self, ask: bool = True) -> bool:
        """Read the design again from its file, in the same mode (read-only stays read-only)."""
        w = self.w
        doc = w.doc
        if doc is None or doc.path is None:
            return False
        if (
            ask
            and w.is_modified()
            and QMessageBox.question(
                w,
                tr("Reload"),
                tr("Reload %1 from the file? Your unsaved changes here will be lost.").replace(
                    "%1", doc.path.name
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            != QMessageBox.StandardButton.Yes
        ):
            return False
        return w.documents.reload()


def _stat(path: Path) -> tuple[int, int] | None:
    try:
        s = path.stat()
    except OSError:
        return None
    return s.st_mtime_ns, s.st_size
