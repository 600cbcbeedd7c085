"""The headless CLI: each command, each exit code, one-line errors, no tracebacks."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from orgdesigner import schema, storage
from orgdesigner.cli import main

from .factories import sample_design

ROOT = Path(__file__).resolve().parents[2]


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run `python -m orgdesigner` in a real process, with PySide6 made unimportable."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    code = (
        "import sys; sys.modules['PySide6'] = None; sys.argv = ['orgdesigner'] + sys.argv[1:];"
        "import runpy; runpy.run_module('orgdesigner', run_name='__main__')"
    )
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=120,
    )


@pytest.fixture
def design_file(tmp_path) -> Path:
    path = tmp_path / "plan.db"
    storage.save(sample_design(), path)
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_creates_an_empty_design(tmp_path, capsys):
    out = tmp_path / "新方案.db"
    assert main(["new", "-o", str(out), "--name", "市场部方案"]) == 0
    design = storage.load(out)
    assert design.name == "市场部方案" and not design.departments
    assert main(["new", "-o", str(out)]) == 2
    assert "already exists" in capsys.readouterr().err


def test_info_prints_counts_and_last_save(design_file, capsys):
    before = digest(design_file)
    assert main(["info", str(design_file), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "市场部结构方案 Plan" in out
    assert "departments:      5" in out and "links:            2" in out
    assert "functions:        2" in out and f"format version:   {schema.FORMAT_VERSION}" in out
    assert "(save 1)" in out
    assert digest(design_file) == before


def test_an_error_reads_chinese_when_asked_for_chinese(tmp_path, capsys):
    bad = tmp_path / "坏.db"
    bad.write_bytes(b"not a database" * 100)
    assert main(["info", str(bad)]) == 2
    assert capsys.readouterr().err.startswith("error: 坏.db: is not an Org Designer design file")
    assert main(["info", str(bad), "--lang", "zh"]) == 2
    err = capsys.readouterr().err
    assert err == "错误：坏.db：不是组织架构设计器的设计文件（不是数据库文件）\n"


def test_info_follows_the_design_language(design_file, capsys):
    """A Chinese design is described in Chinese (labels aligned by display width)."""
    assert main(["info", str(design_file)]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert "部门：       5" in lines and "部门间关系： 2" in lines
    assert any(line.startswith("最后保存：") and "（第 1 次保存）" in line for line in lines)
    assert "departments" not in out


def test_export_and_import_json_round_trip(design_file, tmp_path, capsys):
    before = digest(design_file)
    out_json = tmp_path / "plan.json"
    assert main(["export", str(design_file), "-o", str(out_json)]) == 0
    assert digest(design_file) == before
    doc = json.loads(out_json.read_text(encoding="utf-8"))
    assert doc["format"] == "org-designer" and doc["departments"][0]["id"] == "GM"
    back = tmp_path / "back.db"
    assert main(["import", str(out_json), "-o", str(back)]) == 0
    assert storage.load(back).counts() == storage.load(design_file).counts()


def test_schema_prints_json_schema(capsys):
    assert main(["schema"]) == 0
    assert "DepartmentDoc" in json.loads(capsys.readouterr().out)["$defs"]


def _bad_inputs(tmp_path: Path) -> dict[str, Path]:
    good = tmp_path / "good.db"
    storage.save(sample_design(), good)
    files = {
        "not a database": tmp_path / "text.db",
        "zero bytes": tmp_path / "zero.db",
        "truncated": tmp_path / "trunc.db",
        "missing": tmp_path / "missing.db",
        "directory": tmp_path / "folder.db",
        "bad json": tmp_path / "bad.json",
        "wrong json": tmp_path / "wrong.json",
    }
    files["not a database"].write_text("name,parent\n市场部,\n" * 50, encoding="utf-8")
    files["zero bytes"].write_bytes(b"")
    files["truncated"].write_bytes(good.read_bytes()[:3000])
    files["directory"].mkdir()
    files["bad json"].write_text('{"format": "org-designer", "departments": [', encoding="utf-8")
    files["wrong json"].write_text(
        '{"format": "org-designer", "departments": [{"id": 1}]}', encoding="utf-8"
    )
    return files


@pytest.mark.parametrize("command", ["info", "export", "import"])
def test_bad_input_gives_exit_2_and_one_line(tmp_path, command, capsys):
    for label, path in _bad_inputs(tmp_path).items():
        if command == "info" and path.suffix == ".json":
            continue
        before = digest(path) if path.is_file() else None
        args = {
            "info": ["info", str(path)],
            "export": ["export", str(path), "-o", str(tmp_path / f"o-{label}.json")],
            "import": ["import", str(path), "-o", str(tmp_path / f"o-{label}.db")],
        }[command]
        assert main(args) == 2, label
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and err.startswith("error: "), (label, err)
        assert path.name in err, (label, err)
        assert "Traceback" not in err
        if before:
            assert digest(path) == before


def test_real_process_errors_have_no_traceback(tmp_path):
    bad = tmp_path / "zero.db"
    bad.write_bytes(b"")
    result = run_cli("info", str(bad))
    assert result.returncode == 2
    assert result.stderr == "error: zero.db: is empty (0 bytes), not a design file\n"


def test_real_process_works_without_qt(design_file):
    result = run_cli("info", str(design_file))
    assert result.returncode == 0, result.stderr
    assert "市场部结构方案" in result.stdout


def test_every_command_has_help():
    for command in ("new", "info", "import", "export", "schema"):
        result = run_cli(command, "--help")
        assert result.returncode == 0 and "usage:" in result.stdout, command


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as info:
        main(["info"])
    assert info.value.code == 2
    with pytest.raises(SystemExit) as info:
        main(["no-such-command"])
    assert info.value.code == 2


def test_debug_shows_the_traceback(tmp_path, capsys):
    bad = tmp_path / "zero.db"
    bad.write_bytes(b"")
    assert main(["--debug", "info", str(bad)]) == 2
    assert "Traceback" in capsys.readouterr().err
