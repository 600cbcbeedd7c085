"""Per-user folders: platformdirs' answer, ORGDESIGNER_DATA_DIR first, earlier folder names kept."""

from __future__ import annotations

import sys

import pytest

from orgdesigner import safesave, userdirs, workingcopy


def test_override_wins(monkeypatch, tmp_path):
    monkeypatch.setenv("ORGDESIGNER_DATA_DIR", str(tmp_path / "mine"))
    assert userdirs.data_dir() == tmp_path / "mine"
    assert workingcopy.sessions_dir() == tmp_path / "mine" / "sessions"
    assert safesave.backup_folder(tmp_path / "plan.db").parent == tmp_path / "mine" / "backups"
    assert userdirs.backups_dir() == tmp_path / "mine" / "backups"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="freedesktop folders")
def test_linux_folders_follow_xdg(monkeypatch, tmp_path):
    monkeypatch.delenv("ORGDESIGNER_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert userdirs.data_dir() == tmp_path / "data" / "orgdesigner"
    assert userdirs.settings_path() == tmp_path / "config" / "orgdesigner" / "settings.ini"
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert userdirs.data_dir() == tmp_path / "home" / ".local" / "share" / "orgdesigner"
