"""One user action is one repository transaction: all of it is stored, or none of it."""

from __future__ import annotations

import time

from orgdesigner import ops
from orgdesigner.entities import Department, Role
from orgdesigner.repository import pull

from .test_repo_live import by_name, clients, content, ref, settle  # noqa: F401 (fixtures)


def act(session, op):
    """Apply `op` as the editor does: one action (EditorContext.apply)."""
    with session.design.events.action() as action:
        inverse = op.apply(session.design)
    return inverse, action


def journal_length(ref_):
    from sqlalchemy import create_engine, text

    from orgdesigner.repository.connection import sqlalchemy_url

    engine = create_engine(sqlalchemy_url(ref_.url))
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT count(*) FROM orgdesigner.changes")).scalar()
    finally:
        engine.dispose()


def test_a_deletion_that_conflicts_partway_leaves_nothing_applied(clients, ref):
    a, b = clients
    mkt = by_name(a.design, "市场部").id
    brand_team = by_name(a.design, "品牌与公关组").id  # a child of 市场部: moved up first
    link = next(i for i, l in a.design.links.items() if mkt in (l.source, l.target))
    function = next(iter(a.design.functions))
    act(a, ops.SetRole(function, mkt, Role.R))
    settle(a, b)
    before = content(pull(ref))
    ops.UpdateLink(link, {"label": "乙改了标签"}).apply(b.design)  # a has not seen it
    seen = []
    a.on_conflict = seen.append
    _, action = act(a, ops.RemoveDepartment(mkt))  # child moved, links, role, then 市场部
    assert action.refused is not None and seen == [action.refused] == a.conflicts
    assert "\n" not in action.refused and "李强 changed it meanwhile" in action.refused
    assert "未保存" in action.refused
    server = pull(ref)
    # nothing of the deletion reached the server: the child still reports to 市场部
    assert mkt in server.departments and server.departments[brand_team].parent == mkt
    assert server.role(function, mkt) == Role.R
    assert server.links[link].label == "乙改了标签"
    assert content(server) | {"links": None} == before | {"links": None}
    # and a shows the design as the server has it (its own deletion undone locally)
    assert content(a.design) == content(server)
    assert not a.pending
    settle(a, b)
    assert content(a.design) == content(b.design) == content(pull(ref))
    a.design.check_invariants()


def test_an_accepted_action_is_one_transaction_the_others_see_whole(clients, ref):
    a, b = clients
    mkt = by_name(a.design, "市场部").id
    seq_before = journal_length(ref)
    inverse, action = act(a, ops.RemoveDepartment(mkt))
    assert action.refused is None and not a.pending and not a.conflicts
    settle(a, b)
    assert mkt not in b.design.departments
    assert content(a.design) == content(b.design) == content(pull(ref))
    assert journal_length(ref) > seq_before
    _, action = act(a, inverse)  # one undo step: one transaction as well
    assert action.refused is None
    settle(a, b)
    assert mkt in b.design.departments
    assert content(a.design) == content(b.design) == content(pull(ref))


def test_a_batch_paste_is_all_or_nothing(clients, ref):
    a, b = clients
    mkt = by_name(a.design, "市场部").id
    pasted = [Department(name=f"粘贴{i}", parent=mkt) for i in range(3)]
    ops.RemoveDepartment(mkt).apply(b.design)  # meanwhile the parent goes away
    _, action = act(a, ops.Batch([ops.AddDepartment(d) for d in pasted], "Paste"))
    assert action.refused is not None and "deleted by someone else" in action.refused
    server = pull(ref)
    assert not any(d.id in server.departments for d in pasted)
    settle(a, b)
    assert content(a.design) == content(b.design) == content(server)


def test_a_script_batch_is_one_transaction(clients, ref):
    """A script's `design.batch()` is sent like an action: all of it, or none of it."""
    a, b = clients
    mkt = by_name(a.design, "市场部").id
    root = next(d.id for d in a.design.departments.values() if d.parent is None)
    ops.RemoveDepartment(mkt).apply(b.design)  # meanwhile the parent goes away
    fine, orphan = Department(name="新中心", parent=root), Department(name="孤儿", parent=mkt)
    with a.design.batch():
        a.design.add_department(fine)
        a.design.add_department(orphan)
    assert len(a.conflicts) == 1 and "deleted by someone else" in a.conflicts[0]
    server = pull(ref)
    assert fine.id not in server.departments and orphan.id not in server.departments
    settle(a, b)
    assert content(a.design) == content(b.design) == content(server)
    with a.design.batch():
        a.design.add_department(Department(name="新中心", parent=root))
        a.design.update_department(root, leader="脚本")
    assert not a.conflicts[1:] and not a.pending
    settle(a, b)
    assert content(a.design) == content(b.design) == content(pull(ref))


def test_an_action_made_offline_is_sent_as_one_transaction(ref):
    from orgdesigner.repository import RepoRef
    from orgdesigner.repository.live import LiveSession

    from .tcp_proxy import proxied_url

    proxy, url = proxied_url(ref.url)
    a = LiveSession.open(RepoRef(url, ref.name), user="王丽")
    b = LiveSession.open(ref, user="李强")
    try:
        mkt = by_name(a.design, "市场部").id
        sales = by_name(a.design, "销售部 Sales").id
        link = next(i for i, l in a.design.links.items() if mkt in (l.source, l.target))
        proxy.cut()
        act(a, ops.RemoveDepartment(mkt))  # several objects: one action, kept as one
        act(a, ops.UpdateDepartment(sales, {"notes": "离线时写的"}))
        assert not a.online and a._groups
        ops.UpdateLink(link, {"label": "乙改了标签"}).apply(b.design)  # conflicts with one part
        seq_before = journal_length(ref)
        proxy.restore()
        deadline = time.monotonic() + 30  # a hang guard
        while (a.pending or not a.online) and time.monotonic() < deadline:
            a._next_retry = 0
            a.poll(0.05)
        assert a.online and not a.pending and not a._groups
        assert len(a.conflicts) == 1 and "(" in a.conflicts[0] and "未保存" in a.conflicts[0]
        server = pull(ref)
        # none of the deletion is stored (its child still reports to 市场部), the other action is
        assert mkt in server.departments and server.links[link].label == "乙改了标签"
        assert any(d.parent == mkt for d in server.departments.values())
        assert server.departments[sales].notes == "离线时写的"
        assert journal_length(ref) == seq_before + 1  # only the second action's one row
        settle(a, b)
        assert content(a.design) == content(b.design) == content(pull(ref))
    finally:
        a.close()
        b.close()
        proxy.close()


def test_a_department_added_again_elsewhere_moves_on_the_other_client(clients, ref):
    """甲 deletes a department and undoes it before seeing 乙's new sibling just before it:
    the department comes back with a new position, here on the other side of that sibling
    in the server's order. 乙, who never saw it gone, moves it there too (with its
    children, links and roles as they were), so both keep the server's order."""
    a, b = clients
    mkt = by_name(a.design, "市场部").id
    settle(a, b)
    at = list(b.design.departments).index(mkt)
    before, mine = (
        b.order.known("departments", list(b.design.departments)[at - 1]),
        (b.order.known("departments", mkt)),
    )
    # positions chosen so the two land in the other order (as ids' shares can make them)
    for session, share in ((b, 0.9), (a, 0.5)):
        place = session.order.new_position
        session.order.new_position = lambda d, kind, key, place=place, share=share: (
            before + (mine - before) * share if kind == "departments" else place(d, kind, key)
        )
    sibling = Department(name="邻居", parent=b.design.departments[mkt].parent)
    ops.AddDepartment(sibling, index=at).apply(b.design)
    children = b.design.child_ids(mkt)
    inverse, action = act(a, ops.RemoveDepartment(mkt))  # a has not seen the sibling
    assert action.refused is None
    _, action = act(a, inverse)  # undo: back among what a knows, before the sibling now
    assert action.refused is None
    settle(a, b)
    server = pull(ref)
    order = list(server.departments)
    assert order.index(mkt) < order.index(sibling.id)
    assert list(a.design.departments) == list(b.design.departments) == order
    assert content(a.design) == content(b.design) == content(server)
    assert b.design.child_ids(mkt) == children
    b.design.check_invariants()
