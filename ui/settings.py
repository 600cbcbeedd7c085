"""What the editor remembers between runs (QSettings): recent files, last file, window layout."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 10
LANGUAGES = ("zh_CN", "en")  # the UI languages shipped (resources/translations)


class AppSettings:
    def __init__(self, settings: QSettings | None = None):
        self.qs = settings if settings is not None else QSettings()

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

    def language(self) -> str:
        """The chosen UI language: "zh_CN", "en", or "" to follow the system."""
        value = self.qs.value("ui/language", "")
        return value if value in LANGUAGES else ""

    def set_language(self, language: str) -> None:
        self.qs.setValue("ui/language", language if language in LANGUAGES else "")

    def user_name(self) -> str:
        """The name shown to colleagues (lock, "saved by", PDF cover); "" = the system's."""
        value = self.qs.value("user/name", "")
        return value if isinstance(value, str) else ""

    def set_user_name(self, name: str) -> None:
        self.qs.setValue("user/name", " ".join(name.split()))

    def last_folder(self) -> Path | None:
        """The folder of the last file opened, saved or exported (dialogs start there)."""
        value = self.qs.value("files/folder", "")
        return Path(value) if value and Path(value).is_dir() else None

    def set_last_folder(self, folder: Path) -> None:
        self.qs.setValue("files/folder", str(Path(folder)))

    def export_options(self, design_id: str) -> dict:
        """The PDF options last used for this design (paper, orientation, fit, sections ...)."""
        value = self.qs.value(f"export/{design_id}", "")
        try:
            data = json.loads(value) if isinstance(value, str) and value else {}
        except ValueError:
            return {}
        return data if isinstance(data, dict) else {}

    def set_export_options(self, design_id: str, values: dict) -> None:
        self.qs.setValue(f"export/{design_id}", json.dumps(values, ensure_ascii=False))

    def sync(self) -> None:
        self.qs.sync()
