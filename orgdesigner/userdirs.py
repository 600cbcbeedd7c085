"""The per-user folders, through platformdirs (the per-OS rules are its job, not ours).

Data (working copies in `sessions/`, `backups/`) lives in the user data folder:
`~/.local/share/orgdesigner` (or under `$XDG_DATA_HOME`), `%LOCALAPPDATA%\\OrgDesigner`,
`~/Library/Application Support/Org Designer`; `ORGDESIGNER_DATA_DIR` overrides
it (tests, portable use). The editor's settings file lives in the user config
folder (`~/.config/orgdesigner/settings.ini` ...). The folder names are the
ones earlier versions used, so nobody's unsaved work is left behind.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

ENV_DATA_DIR = "ORGDESIGNER_DATA_DIR"
FOLDER_NAME = {"win32": "OrgDesigner", "darwin": "Org Designer"}.get(sys.platform, "orgdesigner")


def data_dir() -> Path:
    """The per-user folder for working copies and backups (`ORGDESIGNER_DATA_DIR` overrides)."""
    override = os.environ.get(ENV_DATA_DIR)
    if override:
        return Path(override)
    return platformdirs.user_data_path(FOLDER_NAME, appauthor=False, roaming=False)


def backups_dir() -> Path:
    """Where the version a save replaces is kept (the newest few per design)."""
    return data_dir() / "backups"


def settings_path() -> Path:
    """The editor's settings (recent files, window layout): an INI file on every OS."""
    return (
        platformdirs.user_config_path(FOLDER_NAME, appauthor=False, roaming=True) / "settings.ini"
    )
