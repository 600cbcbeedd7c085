"""CLI: `FILE.db#SCENARIO` everywhere, `scenarios`, `compare`, `import -o FILE.db#NAME`, growth paths."""

from __future__ import annotations

import hashlib
import json

import pytest

from orgdesigner import storage
from orgdesigner.cli import main
from orgdesigner.document import DesignDocument

from .sharedfiles_support import data_dir, shared  # noqa: F401


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def growth(shared, data_dir):  # noqa: F811
    path = shared / "growth.db"
    assert main(["new", "-o", str(path), "--template", "startup", "--then", "mid_large"]) == 0
    return path


def _json(capsys, argv) -> dict:
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


def test_growth_path_makes_two_scenarios_mapped_onto_each_other(growth, capsys):
    capsys.readouterr()
    listed = _json(capsys, ["scenarios", str(growth), "--json"])
    assert [s["name"] for s in listed["scenarios"]] == ["现状", "目标"]
    assert listed["scenarios"][0].keys() == {"name", "departments", "headcount", "modified"}
    assert [s["departments"] for s in listed["scenarios"]] == [5, 12]
    result = _json(capsys, ["compare", f"{growth}#现状", f"{growth}#目标", "--json"])
    assert result.keys() == {"base", "target", "changes", "totals", "findings"}
    assert result["findings"].keys() == {"resolved", "introduced"}
    assert all(
        c.keys() == {"kind", "object", "name", "from", "to", "matched_by"}
        for c in result["changes"]
    )
    renamed = {c["to"]: c for c in result["changes"] if c["kind"] == "renamed"}
    assert renamed["销售部"]["from"] == "销售组" and renamed["销售部"]["matched_by"] == "id"
    owners = {c["name"]: c for c in result["changes"] if c["kind"] == "owner-changed"}
    assert owners["品牌管理"]["from"] == "总经理办公室"
    assert owners["品牌管理"]["to"] == "品牌与公关组"
    assert result["totals"]["departments"] == {"from": 5, "to": 12}


def test_compare_with_itself_prints_no_changes(growth, capsys):
    capsys.readouterr()
    assert _json(capsys, ["compare", f"{growth}#目标", f"{growth}#目标", "--json"])["changes"] == []
    assert main(["compare", f"{growth}#目标", str(growth) + "#目标", "--lang", "en"]) == 0
    assert "no changes" in capsys.readouterr().out


def test_compare_text_groups_by_kind(growth, capsys):
    capsys.readouterr()
    assert main(["compare", f"{growth}#现状", f"{growth}#目标", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Departments added (9):" in out and "Function owner changed" in out
    assert "市场部 (reports to 总经理办公室)" in out


def test_scenario_suffix_works_for_reading_commands(growth, capsys, tmp_path):
    before = digest(growth)
    assert main(["info", f"{growth}#目标", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "departments:      12" in out and "scenario:         目标" in out
    assert main(["validate", f"{growth}#现状", "--json"]) == 0
    capsys.readouterr()
    out_json = tmp_path / "target.json"
    assert main(["export", f"{growth}#目标", "-o", str(out_json)]) == 0
    assert len(json.loads(out_json.read_text())["departments"]) == 12
    assert digest(growth) == before
    assert main(["info", f"{growth}#没有"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "没有" in err and "现状, 目标" in err


def test_copy_rename_delete(growth, capsys):
    assert main(["scenarios", str(growth), "--copy", "目标", "--as", "方案B"]) == 0
    assert main(["scenarios", str(growth), "--rename", "方案B", "--to", "方案C"]) == 0
    assert storage.load_scenarios(growth).names() == ["现状", "目标", "方案C"]
    assert set(storage.load(growth, "方案C").departments) == set(
        storage.load(growth, "目标").departments
    )
    assert main(["scenarios", str(growth), "--delete", "现状"]) == 0
    assert storage.load_scenarios(growth).names() == ["目标", "方案C"]
    capsys.readouterr()
    assert main(["scenarios", str(growth), "--rename", "目标", "--to", "方案C"]) == 2
    assert "already exists" in capsys.readouterr().err
    assert main(["scenarios", str(growth), "--delete", "目标"]) == 0
    assert main(["scenarios", str(growth), "--delete", "方案C"]) == 2
    assert "last scenario" in capsys.readouterr().err
    assert main(["scenarios", str(growth), "--copy", "方案C"]) == 2
    assert not list(growth.parent.glob(".~lock*"))


def test_changes_are_refused_while_a_colleague_edits(growth, capsys):
    doc = DesignDocument.open(growth, user="Wang Li", heartbeat=False)
    try:
        before = digest(growth)
        assert main(["scenarios", str(growth), "--copy", "目标", "--as", "X"]) == 2
        err = capsys.readouterr().err
        assert "being edited by" in err and err.count("\n") == 1
        assert digest(growth) == before
    finally:
        doc.close()


def test_import_adds_a_scenario(growth, tmp_path, capsys):
    source = tmp_path / "plan.json"
    assert main(["export", f"{growth}#目标", "-o", str(source)]) == 0
    assert main(["import", str(source), "-o", f"{growth}#导入"]) == 0
    assert storage.load_scenarios(growth).names() == ["现状", "目标", "导入"]
    capsys.readouterr()
    result = _json(capsys, ["compare", f"{growth}#目标", f"{growth}#导入", "--json"])
    assert result["changes"] == []  # fresh ids, matched by code and name
    fresh = tmp_path / "fresh.db"
    assert main(["import", str(source), "-o", f"{fresh}#方案A"]) == 0
    assert storage.load_scenarios(fresh).names() == ["方案A"]
    assert main(["import", str(source), "-o", f"{growth}#导入"]) == 2


def test_growth_path_names_and_refusals(shared, data_dir, capsys):  # noqa: F811
    path = shared / "three.db"
    assert (
        main(
            [
                "new",
                "-o",
                str(path),
                "--template",
                "startup",
                "--then",
                "mid_large=增长",
                "--then",
                "divisional",
                "--lang",
                "zh",
            ]
        )
        == 0
    )
    assert storage.load_scenarios(path).names() == ["现状", "增长", "目标 2"]
    assert main(["new", "-o", str(shared / "x.db"), "--then", "mid_large"]) == 2
    assert (
        main(["new", "-o", str(shared / "x.json"), "--template", "startup", "--then", "mid_large"])
        == 2
    )
    assert "need a .db" in capsys.readouterr().err
