"""`python -m orgdesigner import FILE.csv|.xlsx` and `export ... OUT.csv|.xlsx` from the command line."""

from __future__ import annotations

import json

import pytest

from orgdesigner.cli import main
from orgdesigner.formats import read_design

from .import_helpers import DH, DH_JUNIOR, DWP, by_code

CSV = "编号,上级编号,部门名称,人数,预算\nHQ,,总部,2,100\nM,HQ,市场部,5,\nS,0HQ,销售部,x,\n"


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_import_prints_summary_and_writes_report(tmp_path, capsys):
    src = tmp_path / "org.csv"
    src.write_text(CSV, encoding="utf-8")
    code, out, err = run(
        capsys,
        "import",
        src,
        "-o",
        tmp_path / "org.db",
        "--report",
        tmp_path / "r.json",
        "--lang",
        "en",
    )
    assert code == 0, err
    assert "org.csv (UTF-8, comma-separated): 3 rows -> 3 departments, 2 roots" in out
    assert "missing-parent" in out and "--fix-ids" in out
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert report["departments"] == 3 and len(report["rows"]) == 3
    assert {p["code"] for p in report["problems"]} >= {"missing-parent", "bad-number", "forest"}
    design = read_design(tmp_path / "org.db")
    assert sorted(d.name for d in design.departments.values()) == ["市场部", "总部", "销售部"]
    # Laid out: not every box at the origin.
    assert len({(d.x, d.y) for d in design.departments.values()}) == 3


def test_fix_ids_and_explicit_columns(tmp_path, capsys):
    src = tmp_path / "org.csv"
    src.write_text(CSV, encoding="utf-8")
    code, out, err = run(
        capsys,
        "import",
        src,
        "-o",
        tmp_path / "a.db",
        "--fix-ids",
        "--id",
        "编号",
        "--parent",
        "上级编号",
        "--name",
        "部门名称",
        "--map",
        "headcount=人数",
        "--map",
        "budget=",
    )
    assert code == 0, err
    design = read_design(tmp_path / "a.db")
    depts = by_code(design)
    assert depts["S"].parent == depts["HQ"].id and len(design.roots()) == 1
    assert depts["HQ"].budget == 0 and "预算: 100" in depts["HQ"].notes


def test_organogram_with_junior_staff(tmp_path, capsys):
    code, out, err = run(capsys, "import", DH, "-o", tmp_path / "dh.db", "--junior", DH_JUNIOR)
    assert code == 0, err
    assert "976 rows of aggregated staff" in out
    code, out, err = run(capsys, "import", DWP, "-o", tmp_path / "dwp.db")
    assert code == 0 and "cycle" in out and "DWP135#2" in out


@pytest.mark.parametrize(
    "argv,message",
    [
        (["--id", "nope"], "org.csv: has no column 'nope'"),
        (["--map", "colour"], "--map 'colour': write FIELD=COLUMN"),
        (["--map", "size=人数"], "unknown field 'size'"),
        (["--sheet", "A"], "org.csv: is a text table, it has no sheets"),
        (["--encoding", "nope"], "org.csv: unknown encoding 'nope'"),
    ],
)
def test_bad_options_exit_2_with_one_line(tmp_path, capsys, argv, message):
    src = tmp_path / "org.csv"
    src.write_text(CSV, encoding="utf-8")
    code, out, err = run(capsys, "import", src, "-o", tmp_path / "x.db", *argv)
    assert code == 2
    assert err.count("\n") == 1 and message in err
    assert not (tmp_path / "x.db").exists()


def test_unusable_files_exit_2(tmp_path, capsys):
    for name, data in {
        "empty.csv": b"",
        "old.xlsx": b"\xd0\xcf\x11\xe0...",
        "bin.csv": b"a\x00b",
    }.items():
        (tmp_path / name).write_bytes(data)
        code, _, err = run(capsys, "import", tmp_path / name, "-o", tmp_path / "x.db")
        assert code == 2 and err.startswith(f"error: {name}: ") and err.count("\n") == 1


def test_json_import_still_works_and_refuses_table_options(tmp_path, capsys):
    src = tmp_path / "org.csv"
    src.write_text(CSV, encoding="utf-8")
    assert run(capsys, "import", src, "-o", tmp_path / "a.db")[0] == 0
    assert run(capsys, "export", tmp_path / "a.db", "-o", tmp_path / "a.json")[0] == 0
    code, out, _ = run(capsys, "import", tmp_path / "a.json", "-o", tmp_path / "b.db")
    assert code == 0 and "（3 个部门）" in out  # the imported design is Chinese: so is the summary
    code, _, err = run(capsys, "import", tmp_path / "a.json", "-o", tmp_path / "c.db", "--id", "x")
    assert code == 2 and "--id only apply to spreadsheets" in err


def test_export_csv_and_xlsx_then_import_again(tmp_path, capsys):
    src = tmp_path / "org.csv"
    src.write_text(CSV, encoding="utf-8")
    run(capsys, "import", src, "-o", tmp_path / "a.db", "--fix-ids")
    for suffix in (".csv", ".xlsx"):
        out = tmp_path / f"out{suffix}"
        assert run(capsys, "export", tmp_path / "a.db", "-o", out)[0] == 0
        code, text, _ = run(capsys, "import", out, "-o", tmp_path / f"back{suffix}.db")
        assert code == 0 and "没有发现问题" in text  # a Chinese design: the report is Chinese
        back = read_design(tmp_path / f"back{suffix}.db")
        original = read_design(tmp_path / "a.db")
        assert sorted(
            (d.code, d.name, d.headcount, d.x) for d in back.departments.values()
        ) == sorted((d.code, d.name, d.headcount, d.x) for d in original.departments.values())


def test_a_chinese_design_gets_its_import_report_in_chinese(tmp_path, capsys):
    src = tmp_path / "org.csv"
    src.write_text(CSV, encoding="utf-8")
    code, out, err = run(capsys, "import", src, "-o", tmp_path / "org.db")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "org.csv（UTF-8，逗号分隔）：3 行 -> 3 个部门，2 个最高层部门"
    assert any(
        line.startswith("  警告 上级不存在：第 4 行：没有部门的编号是 '0HQ'；改为最高层部门")
        and "用 --fix-ids" in line
        for line in lines
    ), out
    assert lines[-1].startswith("已导入 ") and lines[-1].endswith("（3 个部门）")
    code, out, _ = run(capsys, "import", src, "-o", tmp_path / "en.db", "--lang", "en")
    assert "no department has id '0HQ'" in out


def test_every_importer_problem_has_chinese_words(tmp_path):
    """Each report.add in the importer passes zh=(message, action): none falls back to English."""
    from orgdesigner.importing import ImportOptions, import_table

    dirty = (
        "id,parent,name,kind,headcount,color,\n"
        "A,,Head,department,1,#fff000,x\n"
        "A,,Head,department,1,#fff000,x\n"  # duplicate, identical
        "B,A,,weird,N/A,red,\n"  # no name, bad kind, number, colour
        ' C ,B,Sales,department,"2,5",#123456,\n'  # spaces, decimal comma
        "D,D,Loop,department,1,#123456,\n"  # reports to itself
        "E,ZZ,Lost,department,1,#123456,\n"  # missing parent
        ",A,No id,department,1,#123456,\n"  # no id
        "\n"
    )
    src = tmp_path / "dirty.csv"
    src.write_text(dirty, encoding="utf-8")
    _design, report = import_table(src, {}, ImportOptions())
    assert len(report.problems) >= 8
    untranslated = [p.code for p in report.problems if not (p.message_zh and p.action_zh)]
    assert untranslated == []
    assert all(p.suggestion_zh for p in report.problems if p.suggestion)


def test_export_summary_follows_the_design_language_or_lang(tmp_path, capsys):
    db = tmp_path / "plan.db"
    code, out, _ = run(capsys, "new", "-o", db, "--template", "startup", "--lang", "zh")
    assert code == 0 and out.startswith("已创建 ")
    code, out, _ = run(capsys, "export", db, "-o", tmp_path / "plan.pdf", "--sections", "chart")
    assert code == 0 and out.startswith("已导出 ") and "1 页，A4" in out
    code, out, _ = run(
        capsys, "export", db, "-o", tmp_path / "en.pdf", "--sections", "chart", "--lang", "en"
    )
    assert code == 0 and out.startswith("exported ") and "1 page, A4" in out
