"""Issue 12: the core's open and save failures read in Chinese in a Chinese UI.

Each dialog's text may name the file (a Chinese name here) but hold no English word.
"""

from __future__ import annotations

import errno
import os
import sqlite3


from orgdesigner import lockfile, schema, storage
from orgdesigner.errors import FileProblem, NewerFormatError
from tests.ui.editor_fixtures import sample_design
from tests.ui.window_fixtures import dialogs, private_data_dir, window  # noqa: F401 - fixtures

from .translation_fixtures import english_words, zh_ui  # noqa: F401 - fixture


def assert_chinese_dialog(dialogs, *names: str) -> str:
    """The last dialog's text; fails on any English word but the file name and `names`."""
    assert dialogs, "no dialog was shown"
    title, text, buttons = dialogs[-1]
    for part in (title, text, *buttons):
        for name in ("方案.db", *names):
            part = part.replace(name, "")
        assert not english_words(part), f"English left: {part!r}"
    return text


def test_a_broken_file_says_so_in_chinese(zh_ui, window, dialogs, tmp_path):
    path = tmp_path / "方案.db"
    path.write_bytes(b"not a database at all" * 50)
    assert not window.documents.open_file(path)
    assert "不是组织架构设计器的设计文件" in assert_chinese_dialog(dialogs)


def test_a_damaged_and_an_empty_file_say_so_in_chinese(zh_ui, window, dialogs, tmp_path):
    path = tmp_path / "方案.db"
    storage.save(sample_design(), path)
    path.write_bytes(path.read_bytes()[:1500])  # truncated mid-page
    assert not window.documents.open_file(path)
    assert "已损坏" in assert_chinese_dialog(dialogs)
    path.write_bytes(b"")
    assert not window.documents.open_file(path)
    assert "空文件" in assert_chinese_dialog(dialogs)


def test_a_newer_file_says_so_in_chinese(zh_ui, window, dialogs, tmp_path):
    path = tmp_path / "方案.db"
    storage.save(sample_design(), path)
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version={schema.FORMAT_VERSION + 1}")
    conn.close()
    assert not window.documents.open_file(path)
    assert "更新版本" in assert_chinese_dialog(dialogs)


def test_a_locked_file_says_who_in_chinese(zh_ui, window, dialogs, tmp_path):
    path = tmp_path / "方案.db"
    storage.save(sample_design(), path)
    lockfile.OwnedLock.acquire(path, "王丽")
    assert not window.documents.open_file(path)
    host = lockfile.read_lock(path).info.host  # the computer's name is data, not UI text
    assert "王丽" in assert_chinese_dialog(dialogs, host)


def test_a_full_disk_on_save_says_so_in_chinese(zh_ui, window, dialogs, tmp_path, monkeypatch):
    path = tmp_path / "方案.db"
    storage.save(sample_design(), path)
    assert window.documents.open_file(path)
    from ui import edits

    edits.rename(window.ctx, "mkt", "改过的市场部")
    monkeypatch.setattr(
        os, "fsync", lambda *a: (_ for _ in ()).throw(OSError(errno.ENOSPC, "No space"))
    )
    assert window.documents.save() is False
    monkeypatch.undo()
    text = assert_chinese_dialog(dialogs)
    assert "磁盘已满" in text
    window.ctx.undo_stack.setClean()


def test_the_cli_keeps_the_english_line():
    """The same errors print in English on the command line (`str`), Chinese on request."""
    error = NewerFormatError("方案.db", 9, 3)
    assert str(error).startswith("方案.db was made by a newer Org Designer (format 9)")
    assert error.text("zh").startswith("方案.db：由更新版本的组织架构设计器保存（格式 9）")
    assert FileProblem("x.db", "plain").text("zh") == "x.db: plain"  # no Chinese written: English


def test_the_read_only_banner_says_who_in_chinese(zh_ui, window, tmp_path, monkeypatch):
    path = tmp_path / "方案.db"
    storage.save(sample_design(), path)
    lockfile.OwnedLock.acquire(path, "王丽")
    monkeypatch.setattr(window.documents, "ask_locked", lambda error: "read_only")
    assert window.documents.open_file(path)
    text = window.banner.text()
    host = lockfile.read_lock(path).info.host
    assert "王丽" in text
    assert not english_words(text.replace("方案.db", "").replace(host, "")), text


def test_the_recovery_question_reads_chinese(zh_ui, tmp_path):
    from orgdesigner.recovery import RecoveryItem
    from orgdesigner.workingcopy import Manifest

    item = RecoveryItem(tmp_path, Manifest(session="s", source=str(tmp_path / "方案.db"), title=""))
    from ui.error_text import in_ui_language

    text = in_ui_language(item.message)
    assert text.startswith("方案.db有未保存的修改") and not english_words(
        text.replace("方案.db", "")
    )
