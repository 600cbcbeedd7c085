"""CLI: `templates`, `new --template`, `validate` (text and JSON, exit 0/1/2, read-only)."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from orgdesigner import ops, storage
from orgdesigner.cli import main

ROOT = Path(__file__).resolve().parents[2]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run_cli(*args: str) -> subprocess.CompletedProcess:
    """`python -m orgdesigner ...` in a real process, with Qt made unimportable."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    code = (
        "import sys; sys.modules['PySide6'] = None; sys.argv = ['orgdesigner'] + sys.argv[1:];"
        "import runpy; runpy.run_module('orgdesigner', run_name='__main__')"
    )
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, timeout=120
    )


@pytest.fixture
def mid_large(tmp_path) -> Path:
    path = tmp_path / "方案.db"
    assert main(["new", "-o", str(path), "--template", "mid_large"]) == 0
    return path


def test_templates_lists_ids_with_titles(capsys):
    assert main(["templates"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 7
    assert (
        lines[1].split()[0] == "mid_large" and "中大型企业" in lines[1] and "Mid-size" in lines[1]
    )
    assert main(["templates", "--lang", "en", "--long"]) == 0
    out = capsys.readouterr().out
    assert "divisional" in out and "Divisional organisation" in out and "事业部" not in out
    assert "embedded marketing teams" in out


def test_new_from_a_template_in_english(tmp_path, capsys):
    path = tmp_path / "plan.db"
    assert (
        main(
            [
                "new",
                "-o",
                str(path),
                "--template",
                "retail_fmcg",
                "--lang",
                "en",
                "--name",
                "Our retail plan",
            ]
        )
        == 0
    )
    design = storage.load(path)
    assert design.name == "Our retail plan" and design.language == "en"
    assert "Category Management Group" in {d.name for d in design.departments.values()}


def test_new_with_an_unknown_template_writes_nothing(tmp_path, capsys):
    path = tmp_path / "plan.db"
    assert main(["new", "-o", str(path), "--template", "big_company"]) == 2
    err = capsys.readouterr().err
    assert "no template 'big_company'" in err and "mid_large" in err and "Traceback" not in err
    assert not path.exists()


def test_new_without_a_template_starts_with_the_catalogue(tmp_path, capsys):
    path = tmp_path / "plan.db"
    assert main(["new", "-o", str(path)]) == 0
    assert len(storage.load(path).functions) == 31
    bare = tmp_path / "bare.db"
    assert main(["new", "-o", str(bare), "--no-catalogue"]) == 0
    assert not storage.load(bare).functions


def test_validate_a_template_exits_0_and_leaves_the_file_alone(mid_large, capsys):
    capsys.readouterr()
    before = digest(mid_large)
    assert main(["validate", str(mid_large)]) == 0
    assert capsys.readouterr().out.strip() == "方案.db：0 个错误，0 个警告，0 个提示"
    assert main(["validate", str(mid_large), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"findings": []}
    assert digest(mid_large) == before


def test_validate_groups_text_by_severity_and_exits_1_on_errors(tmp_path, capsys):
    path = tmp_path / "new.db"
    assert main(["new", "-o", str(path), "--lang", "en"]) == 0
    capsys.readouterr()
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert out.startswith("new.db: 25 errors, 0 warnings, 7 info\n\nerrors:\n")
    assert '\n\ninfo:\n  [ownerless-function] The optional function "Category management"' in out
    assert "warnings:" not in out
    assert '  [ownerless-function] No department owns the function "Market research"' in out
    assert '  [unowned-journey-stage] The customer-journey stage "Journey: awareness"' in out
    assert main(["validate", str(path), "--lang", "zh"]) == 1
    assert "错误：" in capsys.readouterr().out


def test_validate_json_shape(tmp_path, capsys):
    path = tmp_path / "new.db"
    assert main(["new", "-o", str(path)]) == 0
    capsys.readouterr()
    assert main(["validate", str(path), "--json"]) == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert len(findings) == 32  # 20 required + 5 journey errors, 6 optional infos, 1 "no KPIs"
    assert set(findings[0]) == {"rule", "severity", "message", "objects"}
    assert findings[0]["severity"] == "error" and findings[-1]["severity"] == "info"


def test_validate_reads_json_designs_too(tmp_path, capsys):
    source = ROOT / "resources" / "templates" / "startup.en.json"
    assert main(["validate", str(source)]) == 0


@pytest.mark.parametrize(
    "content,problem",
    [
        (b"not a database", "not an Org Designer design file"),
        (None, "no such file"),
    ],
)
def test_validate_unusable_input_exits_2_with_one_line(tmp_path, capsys, content, problem):
    path = tmp_path / "bad.db"
    if content is not None:
        path.write_bytes(content)
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and problem in err and "bad.db" in err
    if content is not None:
        assert path.read_bytes() == content


def test_removing_the_brand_owner_makes_validate_fail(mid_large):
    """Issue 4: the mid/large template without a brand owner exits 1 naming the function."""
    design = storage.load(mid_large)
    brand = next(f for f in design.functions.values() if f.key == "brand_management")
    (owner,) = design.owners(brand.id)
    ops.SetRole(brand.id, owner, None).apply(design)
    storage.save(design, mid_large)
    before = digest(mid_large)

    result = run_cli("validate", str(mid_large), "--json")
    assert result.returncode == 1, result.stderr
    findings = json.loads(result.stdout)["findings"]
    errors = [f for f in findings if f["severity"] == "error"]
    assert [(f["rule"], f["objects"]) for f in errors] == [("ownerless-function", [brand.id])]
    assert "品牌管理" in errors[0]["message"] and "管理真空" in errors[0]["message"]

    text = run_cli("validate", str(mid_large))
    assert text.returncode == 1 and "[ownerless-function] 职能“品牌管理”没有责任部门" in text.stdout
    assert digest(mid_large) == before


def test_real_process_lists_templates_and_refuses_a_bad_file(tmp_path):
    listed = run_cli("templates", "--lang", "zh")
    assert listed.returncode == 0 and "事业部制" in listed.stdout
    bad = tmp_path / "x.db"
    bad.write_text("hello")
    result = run_cli("validate", str(bad))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.startswith("error: x.db:")


def test_the_readme_example_shows_real_output(tmp_path, capsys, monkeypatch):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Validator and templates") : readme.index("### Rules")]
    example = section.split("```json\n", 1)[1].split("```", 1)[0]
    shown = section.split("$ python3 -m orgdesigner validate plan.json\n", 1)[1].split("$ echo", 1)[
        0
    ]
    english = section.split("objects being department and\nfunction ids):\n\n```\n", 1)[1]
    english = english.split("```", 1)[0]
    (tmp_path / "plan.json").write_text(example, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["validate", "plan.json"]) == 1
    assert capsys.readouterr().out == shown
    assert main(["validate", "plan.json", "--lang", "en"]) == 1
    assert capsys.readouterr().out == english


def test_validate_names_the_rules_switched_off(tmp_path, capsys):
    from orgdesigner.catalogue import new_design_with_catalogue

    design = new_design_with_catalogue("方案", "en")
    design.update_info(**{"settings.disabled_rules": "unowned-journey-stage"})
    path = tmp_path / "off.db"
    storage.save(design, path)
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert out.startswith(
        "off.db: 20 errors, 0 warnings, 7 info\nrules switched off: unowned-journey-stage\n"
    )
