"""Live co-editing through the document API: two clients on one design."""

from __future__ import annotations

import time

import pytest

from orgdesigner import ops
from orgdesigner.entities import Department, Link, Role
from orgdesigner.repository import RepoRef, display_url, pull, push
from orgdesigner.repository.live import LiveSession
from orgdesigner.repository.rows import ORIGIN
from tests.core.factories import sample_design

from .tcp_proxy import proxied_url


def content(design):
    snap = design.snapshot()
    snap["settings"] = {k: v for k, v in snap["settings"].items() if k != ORIGIN}
    snap.pop("created")
    return snap


@pytest.fixture
def ref(repo_url):
    r = RepoRef(repo_url, "总部")
    push(sample_design(), r)
    return r


@pytest.fixture
def clients(ref):
    opened = [LiveSession.open(ref, user="王丽"), LiveSession.open(ref, user="李强")]
    yield opened
    for s in opened:
        s.close()


def settle(*sessions, rounds: int = 2) -> None:
    for _ in range(rounds):
        for s in sessions:
            s.poll(0)


def by_name(design, name):
    return next(d for d in design.departments.values() if d.name == name)


def test_non_conflicting_edits_converge(clients, ref):
    a, b = clients
    mkt = by_name(a.design, "市场部")
    ops.UpdateDepartment(mkt.id, {"leader": "新负责人"}).apply(a.design)
    sales = by_name(b.design, "销售部 Sales")
    ops.UpdateDepartment(sales.id, {"headcount": 42.0}).apply(b.design)
    new = Department(name="数字营销组", parent=mkt.id)
    ops.AddDepartment(new).apply(b.design)
    settle(a, b)
    ops.AddLink(Link(source=new.id, target=sales.id, label="线索")).apply(a.design)
    brand = next(iter(a.design.functions))
    ops.SetRole(brand, new.id, Role.R).apply(a.design)
    ops.UpdateDesign({"description": "共同编辑"}).apply(b.design)
    settle(a, b)
    assert not a.conflicts and not b.conflicts and not a.pending and not b.pending
    assert content(a.design) == content(b.design)
    assert by_name(a.design, "市场部").leader == "新负责人"
    assert by_name(a.design, "销售部 Sales").headcount == 42.0
    assert a.design.description == "共同编辑"
    assert content(pull(ref)) == content(a.design)
    assert list(a.design.departments) == list(b.design.departments)


def test_conflicting_edit_is_refused_and_reported(clients):
    a, b = clients
    mkt = by_name(a.design, "市场部").id
    ops.UpdateDepartment(mkt, {"leader": "A 的人选"}).apply(a.design)
    seen = []
    b.on_conflict = seen.append
    ops.UpdateDepartment(mkt, {"leader": "B 的人选"}).apply(b.design)  # b had not seen a's edit
    assert len(b.conflicts) == 1 and seen == b.conflicts
    assert "王丽 changed it meanwhile" in b.conflicts[0] and "「市场部」" in b.conflicts[0]
    assert "你对「市场部」的修改未保存：王丽 已先修改了它" in b.conflicts[0]
    b.poll(0)
    assert b.design.departments[mkt].leader == "A 的人选"  # shown as it now is
    settle(a, b)
    assert a.design.departments[mkt].leader == "A 的人选"
    assert content(a.design) == content(b.design)


def test_delete_against_a_concurrent_child(clients):
    a, b = clients
    mkt = by_name(a.design, "市场部").id
    parent = a.design.departments[mkt].parent
    child = Department(name="新小组", parent=mkt)
    ops.AddDepartment(child).apply(b.design)
    ops.RemoveDepartment(mkt).apply(a.design)  # a does not know the child yet
    settle(a, b)
    assert mkt not in a.design.departments and mkt not in b.design.departments
    assert a.design.departments[child.id].parent == parent
    assert content(a.design) == content(b.design)
    a.design.check_invariants()
    b.design.check_invariants()


def test_edits_while_disconnected_are_sent_on_return(ref):
    proxy, url = proxied_url(ref.url)
    a = LiveSession.open(RepoRef(url, ref.name), user="王丽")
    b = LiveSession.open(ref, user="李强")
    try:
        statuses = []
        a.on_status = lambda online, reason: statuses.append(online)
        proxy.cut()
        mkt = by_name(a.design, "市场部").id
        sales = by_name(a.design, "销售部 Sales").id
        ops.UpdateDepartment(mkt, {"notes": "离线时写的"}).apply(a.design)
        ops.UpdateDepartment(sales, {"leader": "离线 A"}).apply(a.design)
        assert not a.online and statuses == [False]
        assert "127.0.0.1" in a.offline_reason and "\n" not in a.offline_reason
        assert len(a.pending) == 2
        ops.UpdateDepartment(sales, {"leader": "在线 B"}).apply(b.design)  # will conflict
        a.poll(0)  # still cut: nothing happens, nothing lost
        assert len(a.pending) == 2
        proxy.restore()
        deadline = time.monotonic() + 30
        while (a.pending or not a.online) and time.monotonic() < deadline:
            a._next_retry = 0
            a.poll(0.05)
        assert a.online and not a.pending and statuses == [False, True]
        assert len(a.conflicts) == 1 and "李强" in a.conflicts[0]
        settle(a, b)
        assert b.design.departments[mkt].notes == "离线时写的"
        assert a.design.departments[sales].leader == "在线 B"
        assert content(a.design) == content(b.design)
    finally:
        a.close()
        b.close()
        proxy.close()


def test_presence_lists_the_others(clients):
    a, b = clients
    assert a.others() == ["李强"]
    assert b.others() == ["王丽"]
    b.close()
    assert a.others() == []


def test_push_while_editing_reloads_the_editors(clients, ref):
    a, _ = clients
    fresh = pull(ref)
    ops.UpdateDesign({"name": "推送的新版"}).apply(fresh)
    with pytest.raises(Exception, match="edited live|changed by"):
        ops.UpdateDepartment(next(iter(a.design.departments)), {"leader": "x"}).apply(a.design)
        push(fresh, ref)
    push(fresh, ref, force=True)
    settle(a)
    assert a.design.name == "推送的新版"
    assert content(a.design) == content(pull(ref))


def test_undo_of_a_deletion_reaches_the_others_in_order(clients):
    a, b = clients
    mkt = by_name(a.design, "市场部").id
    before = content(a.design)
    inverse = ops.RemoveDepartment(mkt).apply(a.design)
    settle(a, b)
    assert mkt not in b.design.departments
    inverse.apply(a.design)  # undo: the department, its children, links and roles come back
    settle(a, b)
    assert not a.conflicts and not b.conflicts
    assert content(a.design) == before
    assert content(b.design) == before


def test_unsent_edits_survive_a_crash_and_are_sent_at_next_open(ref):
    import json

    from orgdesigner.repository import live_unsent

    proxy, url = proxied_url(ref.url)
    a = LiveSession.open(RepoRef(url, ref.name), user="王丽")
    other = LiveSession.open(ref, user="李强")
    try:
        proxy.cut()
        mkt = by_name(a.design, "市场部").id
        sales = by_name(a.design, "销售部 Sales").id
        new = Department(name="离线新建组", parent=mkt)
        ops.AddDepartment(new).apply(a.design)
        ops.UpdateDepartment(mkt, {"notes": "崩溃前写的"}).apply(a.design)
        ops.UpdateDepartment(sales, {"leader": "崩溃前 A"}).apply(a.design)
        ops.UpdateDepartment(sales, {"leader": "李强先改"}).apply(other.design)  # overtakes a's
        kept = live_unsent.path_for(a.client)
        record = json.loads(kept.read_text(encoding="utf-8"))
        assert len(record["edits"]) == 3 and "password" not in kept.read_text()
        # the program dies here: a's process is gone, its file stays
        record["pid"], record["process"] = 0, ""
        record["url"] = display_url(ref.url)  # the same server, not through the proxy
        kept.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        a.pending.clear()
        b = LiveSession.open(ref, user="王丽")
        try:
            assert b.recovered == 3 and not b.pending and not kept.exists()
            assert len(b.conflicts) == 1 and "李强" in b.conflicts[0]
            settle(b, other)
            assert other.design.departments[mkt].notes == "崩溃前写的"
            assert other.design.departments[new.id].parent == mkt
            assert other.design.departments[sales].leader == "李强先改"
            assert content(b.design) == content(other.design) == content(pull(ref))
        finally:
            b.close()
    finally:
        a.close()
        other.close()
        proxy.close()


def test_kpis_are_edited_live_and_follow_deletions(clients):
    from orgdesigner.entities import Kpi

    a, b = clients
    mkt = by_name(a.design, "市场部").id
    sales = by_name(a.design, "销售部 Sales").id
    brand = next(iter(a.design.functions))
    kpi = Kpi(name="品牌认知度", unit="%", owner=mkt, shared=(sales,), functions=(brand,))
    ops.AddKpi(kpi).apply(a.design)
    settle(a, b)
    assert b.design.kpis[kpi.id].shared == (sales,)
    ops.RemoveDepartment(sales).apply(b.design)
    settle(a, b)
    assert a.design.kpis[kpi.id].shared == ()
    assert not a.conflicts and not b.conflicts
    assert content(a.design) == content(b.design) == content(pull(a.ref))
