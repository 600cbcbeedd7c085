"""push/pull/list/log against a real PostgreSQL: round trip, history, stale pushes."""

from __future__ import annotations

import pytest

from orgdesigner.repository import (
    RepoRef,
    StaleBaseError,
    list_designs,
    log,
    pull,
    push,
)
from orgdesigner.repository.rows import ORIGIN, origin_of
from tests.core.factories import sample_design


def full_design():
    """The sample design plus every newer field: committee rules, a vacant post, a post, KPIs."""
    from orgdesigner.entities import Kpi

    design = sample_design()
    depts = list(design.departments.values())
    committee = next(d for d in depts if d.name == "市场管理委员会")
    design.update_department(committee.id, chair="张伟", cadence="每月一次")
    design.update_department(depts[1].id, vacant=True)
    functions = list(design.functions)
    design.update_function(functions[0], post="品牌经理")
    design.add_kpi(
        Kpi(
            name="品牌认知度",
            unit="%",
            owner=depts[1].id,
            shared=(depts[3].id, depts[0].id),
            functions=(functions[0],),
            description="年度调研",
        )
    )
    design.add_kpi(Kpi(name="客户满意度 CSAT", unit="分", key="csat"))
    return design


def content(design):
    snap = design.snapshot()
    snap["settings"] = {k: v for k, v in snap["settings"].items() if k != ORIGIN}
    return snap


def test_round_trip_keeps_every_field_and_order(repo_url):
    design = full_design()
    # an order that is not creation order of parents first: the file's order is kept
    first = next(iter(design.departments))
    design.departments = dict(reversed(list(design.departments.items())))
    ref = RepoRef(repo_url, "集团 总部#1")
    assert push(design, ref, comment="首版") == 1
    back = pull(ref)
    assert content(back) == content(design)
    assert list(back.departments)[-1] == first
    assert [k.name for k in back.kpis.values()] == ["品牌认知度", "客户满意度 CSAT"]
    assert origin_of(back)["version"] == 1


def test_file_round_trip_through_cli_files(repo_url, tmp_path):
    from orgdesigner import storage

    path = tmp_path / "a.db"
    storage.save(full_design(), path)
    original = storage.load(path)
    ref = RepoRef(repo_url, "plan")
    push(storage.load(path), ref)
    out = tmp_path / "b.db"
    storage.save(pull(ref), out)
    assert content(storage.load(out)) == content(original)


def test_versions_list_and_log(repo_url):
    ref = RepoRef(repo_url, "plan")
    design = sample_design()
    push(design, ref, comment="one", user="王丽")
    design.update_info(name="改名")
    push(design, ref, comment="two", user="李强")
    assert [v.number for v in log(ref)] == [2, 1]
    assert log(ref)[0].comment == "two" and log(ref)[0].saved_by == "李强"
    listed = list_designs(repo_url)
    assert listed == [
        {
            "name": "plan",
            "version": 2,
            "saved_by": "李强",
            "saved_at": listed[0]["saved_at"],
            "departments": 5,
        }
    ]
    assert pull(ref, 1).name == "市场部结构方案 Plan"
    assert pull(ref).name == "改名"


def test_stale_push_is_refused_with_one_line(repo_url):
    ref = RepoRef(repo_url, "plan")
    push(sample_design(), ref)
    mine, theirs = pull(ref), pull(ref)
    push(theirs, ref, user="李强")
    mine.update_info(name="mine")
    with pytest.raises(StaleBaseError) as caught:
        push(mine, ref)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith("plan was changed by 李强 at ")
    assert (
        "(version 2) after your copy (version 1): pull and merge, or push with --force" in message
    )
    chinese = caught.value.text("zh")  # what the Chinese UI shows
    assert "\n" not in chinese and "被 李强 于" in chinese and "（第 2 版）" in chinese
    assert "第 1 版" in chinese and "--force" in chinese and "pull" not in chinese
    assert push(mine, ref, force=True) == 3
    assert pull(ref).name == "mine"


def test_new_file_over_existing_name_is_refused(repo_url):
    ref = RepoRef(repo_url, "plan")
    push(sample_design(), ref)
    with pytest.raises(StaleBaseError, match="was not pulled from it") as caught:
        push(sample_design(), ref)
    assert "不是从那里取出的" in caught.value.text("zh")
