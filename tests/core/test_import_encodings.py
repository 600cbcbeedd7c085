"""The same table saved by different tools (encodings, delimiters, line ends, workbooks) imports identically."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from orgdesigner.csvexport import write_csv
from orgdesigner.design import build_design
from orgdesigner.entities import Department
from orgdesigner.errors import FileProblem
from orgdesigner.importing import ImportOptions, import_table, sniff
from orgdesigner.importing.sniff import detect_delimiter, detect_encoding

CHINESE = (
    "编号,上级编号,部门名称,负责人,人数\n"
    "1,,总经理办公室,张伟,3\n"
    "2,1,市场部,王丽,12.5\n"
    '3,2,"品牌与公关组, 含舆情",李雷,4\n'
    "4,2,数字营销组,,2\n"
)


def snapshot(design):
    codes = {d.id: d.code for d in design.departments.values()}
    return sorted(
        (d.code, codes.get(d.parent), d.name, d.leader, d.headcount)
        for d in design.departments.values()
    )


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"])
def test_chinese_table_imports_identically_in_every_encoding(tmp_path, encoding):
    reference, _ = import_table(_write(tmp_path / "ref.csv", CHINESE, "utf-8"))
    path = _write(tmp_path / f"{encoding}.csv", CHINESE, encoding)
    design, report = import_table(path)
    assert snapshot(design) == snapshot(reference)
    assert [d.name for d in design.roots()] == ["总经理办公室"]
    assert design.language == "zh"
    expected = {"gbk": "gb18030"}.get(encoding, encoding)
    assert report.encoding == expected
    assert report.mapping == {
        "id": "编号",
        "parent": "上级编号",
        "name": "部门名称",
        "leader": "负责人",
        "headcount": "人数",
    }


def test_western_windows_file_is_read_as_cp1252(tmp_path):
    text = "id,parent,name,budget\nA,,Café Müller,£1,200\nB,A,Straße,\n"
    text = text.replace("£1,200", '"£1,200"')
    design, report = import_table(_write(tmp_path / "w.csv", text, "cp1252"))
    assert report.encoding == "cp1252"
    names = sorted(d.name for d in design.departments.values())
    assert names == ["Café Müller", "Straße"]
    assert max(d.budget for d in design.departments.values()) == 1200


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_delimiters_and_line_ends_are_detected(tmp_path, delimiter, newline):
    lines = [
        delimiter.join(line.split(","))
        if '"' not in line
        else delimiter.join(["3", "2", '"品牌与公关组, 含舆情"', "李雷", "4"])
        for line in CHINESE.splitlines()
    ]
    path = _write(tmp_path / "d.csv", newline.join(lines) + newline, "utf-8")
    design, report = import_table(path)
    assert report.delimiter == delimiter
    assert snapshot(design) == snapshot(
        import_table(_write(tmp_path / "r.csv", CHINESE, "utf-8"))[0]
    )


def test_quoted_multiline_cells_keep_their_row_numbers(tmp_path):
    text = 'id,parent,name,notes\r\n1,,Top,"line one\r\nline two"\r\n2,1,Below,\r\n3,9,Lost,\r\n'
    design, report = import_table(_write(tmp_path / "m.csv", text, "utf-8"))
    top = next(d for d in design.departments.values() if d.name == "Top")
    assert top.notes == "line one\nline two"
    [missing] = report.by_code("missing-parent")
    assert missing.rows == [4]  # the spreadsheet row, not the text line


def test_encoding_can_be_forced(tmp_path):
    path = _write(tmp_path / "g.csv", CHINESE, "gb18030")
    with pytest.raises(FileProblem, match="not valid utf-8"):
        import_table(path, options=ImportOptions(encoding="utf-8"))
    with pytest.raises(FileProblem, match="unknown encoding"):
        import_table(path, options=ImportOptions(encoding="klingon"))


def test_detectors_directly():
    assert detect_encoding("abc".encode()) == "utf-8"
    assert detect_encoding("市场部".encode("gb18030")) == "gb18030"
    assert detect_encoding("Zoë, naïve".encode("cp1252")) == "cp1252"
    assert detect_encoding("id,name\n1,Müller\n".encode("cp1252")) == "cp1252"  # valid GB18030 too
    assert detect_encoding("張偉,研發部".encode("gb18030")) == "gb18030"  # traditional characters
    for text in ("Отдел продаж", "Τμήμα", "Dział łączności", "Müller", "市场部"):
        assert detect_encoding(text.encode("utf-8")) == "utf-8", text
    assert detect_delimiter("a;b;c\n1;2,5;3\n") == ";"
    assert detect_delimiter("single\nvalue\n") == ","


def test_workbook_sheets(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "说明"
    book.active.append(["这是说明页"])
    book.active.append([])
    data = book.create_sheet("部门")
    data.append(["编号", "上级编号", "名称", "人数"])
    data.append([1, None, "总部", 2])
    data.append([2, 1, "市场部\n(含品牌)", 3.5])
    empty = book.create_sheet("空")
    del empty
    path = tmp_path / "book.xlsx"
    book.save(path)
    sniffed = sniff(path)
    assert sniffed.sheets == ["说明", "部门", "空"]
    assert sniffed.sheet == "部门"  # the first sheet that looks like a department table
    assert sniffed.mapping == {
        "id": "编号",
        "parent": "上级编号",
        "name": "名称",
        "headcount": "人数",
    }
    assert sniffed.preview == [["1", "", "总部", "2"], ["2", "1", "市场部\n(含品牌)", "3.5"]]
    design, report = import_table(path)
    assert report.by_code("several-sheets")
    assert sorted(d.name for d in design.departments.values()) == ["市场部\n(含品牌)", "总部"]
    assert report.sheet == "部门" and report.kind == "xlsx"
    by_name = {d.name: d for d in design.departments.values()}
    assert by_name["市场部\n(含品牌)"].parent == by_name["总部"].id
    assert by_name["市场部\n(含品牌)"].code == "2"  # 2.0 in the cell is the id "2"
    assert import_table(path, options=ImportOptions(sheet="2"))[1].sheet == "部门"
    with pytest.raises(FileProblem, match="no column for the id"):
        import_table(path, options=ImportOptions(sheet="说明"))
    with pytest.raises(FileProblem, match="has no sheet 'x'.*说明, 部门, 空"):
        import_table(path, options=ImportOptions(sheet="x"))
    # A workbook saved under a .csv name is still read as a workbook.
    renamed = tmp_path / "book.csv"
    renamed.write_bytes(path.read_bytes())
    assert import_table(renamed)[1].sheet == "部门"


def _write(path, text, encoding):
    path.write_bytes(
        text.encode(encoding) if encoding != "utf-8-sig" else b"\xef\xbb\xbf" + text.encode("utf-8")
    )
    return path


def test_formatted_empty_rows_below_a_workbook_table_are_not_rows(tmp_path):
    import openpyxl
    from openpyxl.styles import Font

    book = openpyxl.Workbook()
    book.active.append(["id", "parent", "name"])
    book.active.append(["a", None, "A"])
    book.active.cell(row=5000, column=8).font = Font(bold=True)
    path = tmp_path / "styled.xlsx"
    book.save(path)
    design, report = import_table(path)
    assert len(design.departments) == 1 and [o.row for o in report.rows] == [2]
    assert report.problems == []


def test_excel_sep_line_names_the_delimiter(tmp_path):
    path = _write(tmp_path / "sep.csv", "sep=;\r\nid;parent;name\r\n1;;a,b\r\n2;1;c\r\n", "utf-8")
    design, report = import_table(path)
    assert report.delimiter == ";"
    assert sorted(d.name for d in design.departments.values()) == ["a,b", "c"]


HANZI = "市场部品牌渠道组委员会总经理办公室销售客服财务信息技术研发增长团队华东事业部张伟王丽李雷（）、，"


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    names=st.lists(
        st.text(alphabet=HANZI + "abc 123,;\"'\n", min_size=1, max_size=10)
        .map(str.strip)
        .filter(lambda t: any(c in HANZI for c in t)),
        min_size=1,
        max_size=12,
    )
)
def test_random_chinese_tables_import_identically_in_utf8_bom_and_gb18030(tmp_path, names):
    depts = []
    for i, name in enumerate(names):
        parent = depts[(i * 7) % i].id if i else None
        depts.append(Department(code=f"{i:03d}", name=name, parent=parent, leader=name[:2]))
    design = build_design(name="编码", departments=depts)
    try:  # a few GB2312 pairs are valid UTF-8 too (委 = CE AF): such tiny files read as UTF-8
        as_utf8 = "\n".join(names).encode("gb18030").decode("utf-8")
    except UnicodeDecodeError:
        as_utf8 = None
    assume(as_utf8 is None)
    results = []
    for encoding in ("utf-8", "utf-8-sig", "gb18030"):
        path = tmp_path / f"{encoding}.csv"
        write_csv(design, path, encoding=encoding)
        back, report = import_table(path)
        assert report.encoding == encoding
        results.append(snapshot(back))
    assert results[0] == results[1] == results[2]
    assert sorted(name for _, _, name, _, _ in results[0]) == sorted(names)
