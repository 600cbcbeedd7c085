"""What the editor remembers between runs (QSettings): recent files, last file, window layout.

The file is `orgdesigner.userdirs.settings_path()` (platformdirs' config folder,
an INI file on every OS). Settings an earlier version kept in Qt's native place
are copied over once.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from orgdesigner.userdirs import settings_path

MAX_RECENT = 10


def default_settings(path: Path | None = None) -> QSettings:
    """The user's settings file; on first use, filled from where earlier versions kept them."""
    path = path or settings_path()
    fresh = not path.exists()
    qs = QSettings(str(path), QSettings.Format.IniFormat)
    if fresh:
        old = QSettings("OrgDesigner", "Org Designer")
        for key in old.allKeys():
            qs.setValue(key, old.value(key))
    return qs


class AppSettings:
    def __init__(self, settings: QSettings | None = None):
        self.qs = settings if settings is not None else default_settings()

    def recent_files(self) -> list[Path]:
        value = self.qs.value("files/recent", [])
        if isinstance(value, str):
            value = [value]
        return [Path(v) for v in (value or []) if v]

    def add_recent(self, path: Path) -> None:
        path = Path(path).resolve()
        files = [p for p in self.recent_files() if p != path]
        files.insert(0, path)
        self.qs.setValue("files/recent", [str(p) for p in files[:MAX_RECENT]])
        self.qs.setValue("files/last", str(path))

    def remove_recent(self, path: Path) -> None:
        files = [p for p in self.recent_files() if p != Path(path)]
        self.qs.setValue("files/recent", [str(p) for p in files])

    def clear_recent(self) -> None:
        self.qs.setValue("files/recent", [])

    def last_file(self) -> Path | None:
        value = self.qs.value("files/last", "")
        return Path(value) if value else None

    def set_last_file(self, path: Path | None) -> None:
        self.qs.setValue("files/last", str(path) if path else "")

    def window_state(self) -> tuple[QByteArray | None, QByteArray | None]:
        return self.qs.value("window/geometry"), self.qs.value("window/state")

    def save_window_state(self, geometry: QByteArray, state: QByteArray) -> None:
        self.qs.setValue("window/geometry", geometry)
        self.qs.setValue("window/state", state)

    def flag(self, name: str, default: bool) -> bool:
        value = self.qs.value(f"view/{name}", default)
        return value in (True, "true", "1", 1)

    def set_flag(self, name: str, value: bool) -> None:
        self.qs.setValue(f"view/{name}", bool(value))

    def sync(self) -> None:
        self.qs.sync()
