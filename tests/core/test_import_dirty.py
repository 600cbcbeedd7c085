"""The dirty-data policy: every repair is deterministic, lands in the report, and loses no row."""

from __future__ import annotations

import csv
import io
import re
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgdesigner.errors import FileProblem
from orgdesigner.importing import ImportOptions, import_table

from .import_helpers import assert_tree, by_code


def write(tmp_path, text, name="t.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    return path


def test_self_parent_becomes_a_root(tmp_path):
    design, report = import_table(write(tmp_path, "id,parent,name\nA,,Top\nB,B,Selfish\n"))
    assert by_code(design)["B"].parent is None
    [p] = report.by_code("self-parent")
    assert p.rows == [3] and p.ids == ["B"] and "root" in p.action


def test_cycle_is_cut_at_the_first_row_of_the_cycle(tmp_path):
    text = "id,parent,name\nT,,Top\nC,B,c\nA,C,a\nB,A,b\n"
    design, report = import_table(write(tmp_path, text))
    depts = by_code(design)
    assert depts["C"].parent is None  # row 3 comes first among the cycle's rows
    assert depts["A"].parent == depts["C"].id and depts["B"].parent == depts["A"].id
    [p] = report.by_code("cycle")
    assert p.rows == [3, 4, 5] and set(p.ids) == {"A", "B", "C"}
    assert "cut the line from 'C' to 'B'" in p.action
    # Deterministic: the same file gives the same design.
    again, _ = import_table(write(tmp_path, text))
    assert [
        (d.code, d.parent and again.departments[d.parent].code) for d in again.departments.values()
    ] == [
        (d.code, d.parent and design.departments[d.parent].code)
        for d in design.departments.values()
    ]


def test_duplicates_merge_share_or_split(tmp_path):
    text = (
        "id,parent,name,leader,fte\n"
        "R,,Root,Boss,1\n"
        "X,R,Same,Ann,1\n"
        "X,R,Same,Ann,1\n"  # identical: merged
        "J,R,Shared,Bo,0.6\n"
        "J,R,Shared,Cy,0.4\n"  # only the person differs: a job share
        "K,R,One post,,1\n"
        "K,R,Another post,,1\n"  # a different post: kept as K#2
        "K#2,R,Taken,,1\n"
    )  # the suffix skips ids already in the file
    design, report = import_table(write(tmp_path, text))
    depts = by_code(design)
    assert sorted(depts) == ["J", "K", "K#2", "K#3", "R", "X"]
    assert depts["X"].headcount == 1
    assert depts["J"].leader == "Bo / Cy" and depts["J"].headcount == pytest.approx(1.0)
    assert depts["K#3"].name == "Another post"
    actions = {o.row: (o.action, o.department) for o in report.rows}
    assert actions[4] == ("merged", "X") and actions[6] == ("job-share", "J")
    assert actions[8] == ("created", "K#3")


def test_reports_to_a_reused_id_go_to_the_post_closest_to_the_top(tmp_path):
    text = "id,parent,name\nT,,Top\nA,T,Middle\nK,A,Junior post\nK,T,Senior post\nC,K,Child\n"
    design, report = import_table(write(tmp_path, text))
    depts = by_code(design)
    assert depts["K#2"].name == "Senior post"
    assert depts["C"].parent == depts["K#2"].id
    [p] = report.by_code("ambiguous-parent")
    assert p.rows == [6] and "closest to the top" in p.action
    assert report.by_code("cycle") == []


def test_missing_parent_near_ids_are_suggested_and_fixed_on_request(tmp_path):
    text = "id,parent,name\n7,,Top\n8,007,Zeros\n9, 7 ,Spaces\n10,A 7,Inner space\n11,Nope,Orphan\n"
    text = text.replace("A 7", "7 ")  # trailing space: trimmed and reported, then found
    design, report = import_table(write(tmp_path, text))
    depts = by_code(design)
    assert depts["9"].parent == depts["7"].id and depts["10"].parent == depts["7"].id
    assert report.by_code("whitespace")[0].rows == [4, 5]
    missing = {p.ids[-1]: p for p in report.by_code("missing-parent")}
    assert set(missing) == {"007", "Nope"}
    assert "'7' differs only by leading zeros" in missing["007"].suggestion
    assert missing["Nope"].suggestion == ""
    assert depts["8"].parent is None and depts["11"].parent is None
    fixed, report = import_table(write(tmp_path, text), options=ImportOptions(fix_ids=True))
    depts = by_code(fixed)
    assert depts["8"].parent == depts["7"].id and depts["11"].parent is None
    assert "attached to '7'" in report.by_code("missing-parent")[0].action


def test_parent_given_by_name(tmp_path):
    text = "部门,上级部门,负责人\n总经理办公室,,张伟\n市场部,总经理办公室,王丽\n品牌组,市场部,\n"
    design, report = import_table(write(tmp_path, text))
    depts = by_code(design)
    assert depts["品牌组"].parent == depts["市场部"].id
    assert report.mapping["id"] == report.mapping["name"] == "部门"


def test_empty_names_ids_and_bad_numbers(tmp_path):
    text = (
        "id,parent,name,headcount,budget,kind,color\n"
        'A,,,N/A,"1,234.5",委员会,#ABC\n'
        ",A,No id,-3,¥20,team,red\n"
        'C,A,Comma,"2,5",,weird,\n'
    )
    design, report = import_table(write(tmp_path, text))
    depts = by_code(design)
    assert depts["A"].name == "A" and depts["A"].budget == 1234.5
    assert depts["A"].kind.value == "committee" and depts["A"].color == "#aabbcc"
    assert "headcount: N/A" in depts["A"].notes
    assert depts["row-3"].name == "No id" and depts["row-3"].headcount == 0
    assert depts["row-3"].budget == 20 and depts["row-3"].color == "#4472c4"
    assert depts["C"].headcount == 2.5 and depts["C"].kind.value == "department"
    codes = report.counts()
    for code in ("empty-name", "empty-id", "bad-number", "decimal-comma", "bad-kind", "bad-color"):
        assert codes.get(code), code
    assert report.by_code("bad-number")[0].rows == [2, 3]


def test_unnamed_columns_ragged_rows_and_blank_rows(tmp_path):
    text = ",id,parent,name,\n0,A,,Top,x\n\n1,B,A,Short\n2,C,A,Long,y,extra\n,,,,\n"
    design, report = import_table(write(tmp_path, text))
    assert sorted(by_code(design)) == ["A", "B", "C"]
    assert "column 1" in report.by_code("unnamed-column")[0].message
    assert report.by_code("blank-row")[0].rows == [3, 6]
    assert report.by_code("long-row")[0].rows == [5]
    assert "column 6: extra" in by_code(design)["C"].notes
    assert [o.action for o in report.rows] == ["created", "blank", "created", "created", "blank"]


def test_quote_never_closed_does_not_swallow_rows(tmp_path):
    text = 'id,parent,name\nA,,"Top\nB,A,Child\nC,A,"quoted, fine"\nD,A,Last\n'
    design, report = import_table(write(tmp_path, text))
    assert sorted(by_code(design)) == ["A", "B", "C", "D"]
    assert by_code(design)["A"].name == '"Top'
    assert by_code(design)["C"].name == "quoted, fine"
    assert report.by_code("unbalanced-quote")[0].rows == [2]


def test_unusable_files_raise_one_clear_problem(tmp_path):
    cases = {
        "empty.csv": b"",
        "blank.csv": b"\n\n  \n",
        "binary.csv": b"id,name\n\x00\x01\x02",
        "old.xlsx": b"\xd0\xcf\x11\xe0rest",
        "fake.xlsx": b"id,name\n1,a\n",
        "noid.csv": b"colour,size\nred,3\n",
        "header-only.csv": b"id,parent,name\n\n",
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    cases["zip.xlsx"] = buffer.getvalue()
    cases["torn.xlsx"] = b"PK\x03\x04torn"
    for name, data in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(FileProblem) as info:
            import_table(path)
        assert str(info.value).startswith(name + ": ") and "\n" not in str(info.value)
    with pytest.raises(FileProblem, match="no such file"):
        import_table(tmp_path / "missing.csv")


# ----------------------------------------------------------------- hypothesis
MUTATIONS = (
    "cycle",
    "self",
    "dup-identical",
    "dup-share",
    "dup-conflict",
    "orphan",
    "zeros",
    "space",
    "empty-name",
    "bad-number",
    "quote",
    "stray-quote",
    "blank",
)


@st.composite
def dirty_tables(draw):
    count = draw(st.integers(1, 14))
    rows = []
    for i in range(count):
        parent = draw(st.sampled_from([""] + [r["id"] for r in rows]))
        rows.append(
            {
                "id": str(i + 1),
                "parent": parent,
                "name": f"Dept {i + 1}",
                "leader": draw(st.sampled_from(["", "Ann", "王丽"])),
                "fte": "1",
            }
        )
    raw_name: dict[int, str] = {}
    for kind, at in draw(
        st.lists(st.tuples(st.sampled_from(MUTATIONS), st.integers(0, 99)), max_size=8)
    ):
        live = [r for r in rows if r is not None]
        row = live[at % len(live)]
        if kind == "cycle":  # point a post at one of its descendants
            below = [r for r in live if _under(rows, r, row["id"]) and r is not row]
            if below:
                row["parent"] = below[at % len(below)]["id"]
        elif kind == "self":
            row["parent"] = row["id"]
        elif kind == "dup-identical":
            rows.insert(at % (len(rows) + 1), dict(row))
        elif kind == "dup-share":
            rows.append(dict(row, leader="Other person", fte="0.5"))
        elif kind == "dup-conflict":
            rows.append(dict(row, name=row["name"] + " (other)"))
        elif kind == "orphan":
            row["parent"] = f"missing-{at}"
        elif kind == "zeros" and row["parent"] and row["parent"].isdigit():
            row["parent"] = "00" + row["parent"]
        elif kind == "space":
            row["id"] = f"  {row['id']} "
        elif kind == "empty-name":
            row["name"] = ""
        elif kind == "bad-number":
            row["fte"] = "n/a"
        elif kind == "quote":
            row["name"] = f'He said "hi", then\nleft; {row["name"]}'
        elif kind == "stray-quote":
            raw_name[id(row)] = '"' + re.sub(r"[^A-Za-z0-9]", "_", row["name"])
        elif kind == "blank":
            rows.insert(at % (len(rows) + 1), None)
    return rows, raw_name


def _under(rows, row, ancestor):
    seen = set()
    while row is not None and row["id"] not in seen:
        if row["id"] == ancestor:
            return True
        seen.add(row["id"])
        row = next((r for r in rows if r and r["id"] == row["parent"]), None)
    return False


def _render(rows, raw_name) -> str:
    out = ["id,parent,name,leader,FTE\r\n"]
    for row in rows:
        if row is None:
            out.append("\r\n")
            continue
        buffer = io.StringIO()
        cells = [row["id"], row["parent"], row["name"], row["leader"], row["fte"]]
        csv.writer(buffer, lineterminator="\r\n").writerow(cells)
        line = buffer.getvalue()
        if id(row) in raw_name:
            line = (
                ",".join([row["id"], row["parent"], raw_name[id(row)], row["leader"], row["fte"]])
                + "\r\n"
            )
        out.append(line)
    return "".join(out)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(table=dirty_tables())
def test_dirty_random_trees_import_validly_and_every_row_is_accounted_for(tmp_path, table):
    rows, raw_name = table
    path = write(tmp_path, _render(rows, raw_name))
    design, report = import_table(path)
    assert_tree(design)
    # One outcome per row, in order, each naming a department that exists.
    assert [o.row for o in report.rows] == list(range(2, len(rows) + 2))
    codes = set(by_code(design))
    for outcome, row in zip(report.rows, rows):
        if row is None:
            assert outcome.action == "blank"
            continue
        assert outcome.department in codes
        assert outcome.id == row["id"].strip()
    # Every id of the file is a department, and every row's name survives somewhere.
    ids = {r["id"].strip() for r in rows if r}
    assert ids <= codes
    names = {d.name for d in design.departments.values()}
    for row, outcome in zip(rows, report.rows):
        if row and row["name"].strip() and outcome.action == "created" and id(row) not in raw_name:
            assert row["name"].strip() in names
    # The problems the mutations made are reported with their rows.
    problem_rows = {
        code: {r for p in report.by_code(code) for r in p.rows} for code in report.counts()
    }
    for number, row in enumerate(rows, start=2):
        if row is None:
            continue
        if row["parent"].startswith("missing-"):
            assert number in problem_rows["missing-parent"]
        if row["id"] != row["id"].strip():
            assert number in problem_rows["whitespace"]
        if row["fte"] == "n/a":
            assert (
                number in problem_rows.get("bad-number", set())
                or report.rows[number - 2].action != "created"
            )
    if len(design.roots()) > 1:
        assert len(report.by_code("forest")[0].ids) == len(design.roots())
    duplicated = len([r for r in rows if r]) - len({r["id"].strip() for r in rows if r})
    merged = sum(1 for o in report.rows if o.action in ("merged", "job-share"))
    split = len(report.by_code("duplicate-conflict"))
    assert merged + split == duplicated
    assert len(design.departments) == len(ids) + split


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=st.text(
        alphabet=st.sampled_from(list("ab,;\"'\n\r \t|#0") + ["市", "\u00a0"]), max_size=80
    )
)
def test_any_text_either_imports_validly_or_is_refused_in_one_line(tmp_path, text):
    path = write(tmp_path, "id,parent,name\n" + text)
    try:
        design, report = import_table(path)
    except FileProblem as exc:
        assert "\n" not in str(exc)
        return
    assert_tree(design)
    assert {o.department for o in report.rows if o.action != "blank"} <= set(by_code(design))


def test_every_problem_code_has_a_chinese_and_english_title(tmp_path):
    import pathlib
    import re as regex

    from orgdesigner.importing import report as report_module

    source = "".join(
        p.read_text(encoding="utf-8")
        for p in pathlib.Path(report_module.__file__).parent.glob("*.py")
    )
    codes = set(regex.findall(r'add\(\s*"([a-z-]+)"', source))
    codes |= set(regex.findall(r'TableNote\(\s*"([a-z-]+)"', source))
    codes |= set(regex.findall(r'^    "([a-z-]+)": \("(?:warning|info)"', source, regex.M))
    assert len(codes) > 20
    assert codes <= set(report_module.TITLES), codes - set(report_module.TITLES)
    assert report_module.title("cycle", "zh") == "汇报关系成环"
    assert report_module.title("cycle") == "reporting cycle"


def test_junior_rows_add_headcount_and_unknown_ones_are_reported(tmp_path):
    main = write(
        tmp_path,
        "id,parent,name,FTE\nT,,Top,1\nA,T,Middle,1\nK,A,Junior post,1\nK,T,Senior post,1\n",
        "senior.csv",
    )
    junior = write(
        tmp_path,
        "Reporting Senior Post;Grade;Number of Posts in FTE\n"
        "A;EO;2.5\nK;HEO;3\n;;\nZZ;EO;4\nA;EO;lots\n",
        "junior.csv",
    )
    design, report = import_table(main, options=ImportOptions(junior=junior))
    depts = by_code(design)
    assert depts["A"].headcount == 3.5
    assert depts["K#2"].headcount == 4 and depts["K"].headcount == 1  # the senior "K"
    [unknown] = report.by_code("junior-unknown-parent")
    assert unknown.rows == [5] and unknown.ids == ["ZZ"] and "4 FTE" in unknown.message
    assert [p.rows for p in report.by_code("bad-number") if p.source == "junior.csv"] == [[6]]
    juniors = [(o.row, o.action) for o in report.rows if o.source == "junior.csv"]
    assert juniors == [
        (2, "attached"),
        (3, "attached"),
        (4, "blank"),
        (5, "not-attached"),
        (6, "attached"),
    ]


def test_vacant_posts_have_no_leader_and_say_so(tmp_path):
    """Vacant, N/D, Eliminated and 空缺 in the leader column are not people."""
    from orgdesigner.importing import ImportOptions, import_table

    src = tmp_path / "posts.csv"
    src.write_text(
        "编号,上级编号,名称,负责人\n1,,总部,王总\n2,1,市场部,空缺\n3,1,销售部,Vacant\n"
        "4,1,客服部,N/D\n5,1,财务部,Eliminated\n6,1,法务部,n/d.\n",
        encoding="utf-8",
    )
    design, report = import_table(src, {}, ImportOptions())
    by_name = {d.name: d for d in design.departments.values()}
    assert by_name["总部"].leader == "王总"
    for name in ("市场部", "销售部", "财务部"):  # 空缺, Vacant, Eliminated
        assert by_name[name].leader == "" and by_name[name].vacant, name
    for name, cell in (("客服部", "N/D"), ("法务部", "n/d.")):  # N/D: a name not disclosed
        assert by_name[name].leader == "", name
        assert by_name[name].notes.startswith(f"负责人姓名未公开（负责人一栏：{cell}）")
        assert not by_name[name].vacant  # somebody holds the post
    [vacant] = report.by_code("vacant")
    [undisclosed] = report.by_code("undisclosed")
    assert vacant.rows == [3, 4, 6] and undisclosed.rows == [5, 7]
    assert "岗位空缺" in report.summary(language="zh") and "负责人未公开" in report.summary(
        language="zh"
    )
