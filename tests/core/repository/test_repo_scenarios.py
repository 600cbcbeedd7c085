"""Scenarios in the repository (format 2): push/pull keep them all, `URL#NAME#SCENARIO`
reads one, a live session edits one, and `repo init` upgrades a format-1 repository."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

from orgdesigner import ops, storage
from orgdesigner.entities import Department
from orgdesigner.formats import read_design
from orgdesigner.repository import (
    RepoRef,
    RepositoryError,
    init_repository,
    parse_ref,
    pull,
    pull_scenarios,
    push,
)
from orgdesigner.repository.live import LiveSession
from orgdesigner.repository.migration_steps import create_v1
from orgdesigner.repository.migrations import make_engine
from orgdesigner.repository.rows import ORIGIN
from orgdesigner.scenarios import ScenarioSet
from tests.core.factories import sample_design

from .test_repo_store import full_design

ROOT = Path(__file__).resolve().parents[3]


def content(design):
    snap = design.snapshot()
    snap["settings"] = {k: v for k, v in snap["settings"].items() if k != ORIGIN}
    info = design.scenario
    return snap, (info.id, info.name, info.created, info.modified)


def three_scenarios() -> ScenarioSet:
    """现状 (every field), 目标 (a copy with changes and its own settings), 方案 C (emptier)."""
    scenarios = ScenarioSet.single(full_design())
    target = scenarios.copy(scenarios.names()[0], "目标 To-be")
    first = next(iter(target.departments.values()))
    target.update_department(first.id, name="集团总部（目标）", headcount=12.5)
    assistant = list(target.departments)[1]
    target.update_department(assistant, staff=True)  # file format 3's flag, kept too
    ops.AddDepartment(Department(name="数字化中心", parent=first.id)).apply(target)
    target.settings["layout.direction"] = "left-right"
    other = sample_design()
    other.departments = dict(reversed(list(other.departments.items())))
    scenarios.add(other, "方案 C")
    return scenarios


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "orgdesigner", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={**__import__("os").environ, "PYTHONPATH": str(ROOT)},
    )


def test_file_to_repository_to_file_keeps_every_scenario(repo_url, tmp_path):
    path = tmp_path / "plan.db"
    storage.save(three_scenarios(), path)
    original = storage.load_scenarios(path)
    pushed = run_cli("repo", "push", str(path), repo_url, "--as", "集团")
    assert pushed.returncode == 0, pushed.stderr
    out = tmp_path / "back.db"
    pulled = run_cli("repo", "pull", repo_url, "集团", "-o", str(out))
    assert pulled.returncode == 0, pulled.stderr
    back = storage.load_scenarios(out)
    assert back.names() == ["现状", "目标 To-be", "方案 C"]
    assert [content(d) for d in back] == [content(d) for d in original]
    assert back.get("目标 To-be").settings["layout.direction"] == "left-right"
    assert [d.staff for d in back.get("目标 To-be").departments.values()].count(True) == 1
    assert not any(d.staff for d in back.get("现状").departments.values())
    assert "layout.direction" not in back.get("现状").settings


def test_versions_keep_their_scenarios(repo_url):
    ref = RepoRef(repo_url, "plan")
    scenarios = three_scenarios()
    push(scenarios, ref)
    scenarios.delete("方案 C")
    scenarios.rename("目标 To-be", "目标")
    push(scenarios, ref)
    assert pull_scenarios(ref).names() == ["现状", "目标"]
    assert pull_scenarios(ref, 1).names() == ["现状", "目标 To-be", "方案 C"]


def test_url_names_a_scenario(repo_url):
    scenarios = three_scenarios()
    push(scenarios, RepoRef(repo_url, "集团 总部#1"))
    quoted = f"{repo_url}#集团 总部%231"
    assert parse_ref(quoted + "#目标 To-be") == RepoRef(repo_url, "集团 总部#1", "目标 To-be")
    assert read_design(quoted).scenario.name == "现状"
    chosen = read_design(quoted + "#目标 To-be")
    assert content(chosen) == content(scenarios.get("目标 To-be"))
    with pytest.raises(RepositoryError) as caught:
        read_design(quoted + "#方案 Z")
    assert "\n" not in str(caught.value) and '"方案 Z"' in str(caught.value)
    assert "目标 To-be" in str(caught.value) and "方案 Z" in caught.value.text("zh")
    shown = run_cli("info", quoted + "#方案 C")
    assert shown.returncode == 0, shown.stderr
    missing = run_cli("info", quoted + "#方案 Z")
    assert missing.returncode == 2 and len(missing.stderr.strip().splitlines()) == 1


def test_live_session_edits_its_own_scenario(repo_url):
    ref = RepoRef(repo_url, "plan")
    push(three_scenarios(), ref)
    target_ref = RepoRef(repo_url, "plan", "目标 To-be")
    a, b, base = (
        LiveSession.open(target_ref, user="甲"),
        LiveSession.open(target_ref, user="乙"),
        LiveSession.open(ref, user="丙"),
    )
    try:
        assert a.design.scenario.name == "目标 To-be" and base.design.scenario.name == "现状"
        first = next(iter(a.design.departments))
        ops.UpdateDepartment(first, {"leader": "目标的负责人"}).apply(a.design)
        a.design.update_info(**{"settings.theme": "blue"})
        for s in (a, b, base):
            s.poll(0)
        assert b.design.departments[first].leader == "目标的负责人"
        assert base.design.departments[first].leader != "目标的负责人"
        assert b.design.settings["theme"] == "blue" and "theme" not in base.design.settings
        base.design.update_info(name="新名称")  # the design's name is every scenario's
        for s in (a, b, base):
            s.poll(0)
        assert a.design.name == b.design.name == "新名称"
        assert not (a.conflicts or b.conflicts or base.conflicts)
    finally:
        for s in (a, b, base):
            s.close()
    back = pull_scenarios(ref)
    assert back.get("目标 To-be").departments[first].leader == "目标的负责人"
    assert back.get("现状").departments[first].leader != "目标的负责人"
    assert back.get("目标 To-be").settings["theme"] == "blue"


def test_live_session_of_a_removed_scenario_turns_read_only(repo_url):
    ref = RepoRef(repo_url, "plan")
    scenarios = three_scenarios()
    push(scenarios, ref)
    session = LiveSession.open(RepoRef(repo_url, "plan", "方案 C"))
    try:
        scenarios.delete("方案 C")
        push(scenarios, ref)
        session.poll(0)
        assert not session.online and "方案 C" in session.offline_reason
        session.poll(0)  # no reconnecting to a scenario that is gone
        assert not session.online
    finally:
        session.close()
    with pytest.raises(RepositoryError, match="no scenario"):
        LiveSession.open(RepoRef(repo_url, "plan", "方案 C"))


# ------------------------------------------------------------------ format 1 -> 2
def _v1_repository(url: str) -> None:
    """A format-1 repository as format 1 wrote it: one design, version 1 and live edits."""
    from alembic.operations import Operations
    from alembic.runtime.migration import MigrationContext

    engine = make_engine(url)
    with engine.begin() as conn:
        create_v1(Operations(MigrationContext.configure(conn)), conn)
        conn.exec_driver_sql(
            "INSERT INTO orgdesigner.repository_info VALUES ('schema_version', '1')"
        )
    engine.dispose()
    settings = json.dumps({"theme": "绿色"}, ensure_ascii=False)
    meta = {
        "design_uuid": "u-1",
        "title": "旧资料库",
        "description": "说明",
        "author": "王丽",
        "language": "zh",
        "created": "2026-01-01T00:00:00+00:00",
        "modified": "2026-01-02T00:00:00+00:00",
        "settings": json.dumps({"theme": "红色"}, ensure_ascii=False),
    }
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(
            "INSERT INTO orgdesigner.designs (name, design_uuid, title, description, author, "
            "language, created, modified, settings, head, edits, changed_by, changed_at) "
            "VALUES ('老设计', 'u-1', '旧资料库（在线改过）', '说明', '王丽', 'zh', %s, %s, %s, "
            "1, 2, '李强', '2026-01-03T00:00:00+00:00')",
            (meta["created"], meta["modified"], settings),
        )
        conn.execute(
            "INSERT INTO orgdesigner.versions VALUES (1, 1, '王丽', "
            "'2026-01-02T00:00:00+00:00', '首版', 2, 1, %s)",
            (json.dumps(meta, ensure_ascii=False),),
        )
        for revision in (0, 1):
            for i, (dept, name, parent) in enumerate(
                [("d1", "总部", None), ("d2", "市场部" if revision else "市场部（改）", "d1")]
            ):
                conn.execute(
                    "INSERT INTO orgdesigner.departments (design_id, revision, id, code, name, "
                    "kind, parent_id, leader, headcount, budget, color, x, y, notes, chair, "
                    "cadence, vacant, position, row_version) VALUES (1, %s, %s, '', %s, "
                    "'department', %s, '', 3, 0, '#4472C4', 0, 0, '', '', '', false, %s, 1)",
                    (revision, dept, name, parent, float(i)),
                )
            conn.execute(
                "INSERT INTO orgdesigner.functions (design_id, revision, id, key, name, category, "
                "required, description, post, position, row_version) "
                "VALUES (1, %s, 'f1', '', '品牌管理', '营销', true, '', '', 0, 1)",
                (revision,),
            )
            conn.execute(
                "INSERT INTO orgdesigner.responsibilities VALUES (1, %s, 'f1', 'd2', 'R', 1)",
                (revision,),
            )


def test_init_upgrades_a_format_1_repository_without_loss(pg_url):
    _v1_repository(pg_url)
    with pytest.raises(RepositoryError, match="older format 1"):
        pull(RepoRef(pg_url, "老设计"))
    assert init_repository(pg_url) == (1, 2)
    assert init_repository(pg_url) == (2, 2)
    live = pull(RepoRef(pg_url, "老设计"))
    assert live.scenario.name == "现状"
    assert live.name == "旧资料库（在线改过）" and live.author == "王丽"
    assert [d.name for d in live.departments.values()] == ["总部", "市场部（改）"]
    assert live.settings["theme"] == "绿色"
    assert [(f, d, r.value) for f, d, r in live.responsibilities()] == [("f1", "d2", "R")]
    first = pull(RepoRef(pg_url, "老设计"), 1)
    assert [d.name for d in first.departments.values()] == ["总部", "市场部"]
    assert first.name == "旧资料库" and first.settings["theme"] == "红色"
    assert first.scenario.id == live.scenario.id  # one scenario through the versions
    with psycopg.connect(pg_url) as conn:
        staff = conn.execute(
            "SELECT staff FROM orgdesigner.departments WHERE revision = 0 ORDER BY id"
        ).fetchall()
    assert staff == [(False,), (False,)]
    # and it is usable: a live edit, then a push of the edited file
    session = LiveSession.open(RepoRef(pg_url, "老设计"))
    try:
        ops.UpdateDepartment("d2", {"leader": "新负责人"}).apply(session.design)
        assert not session.conflicts and not session.pending
    finally:
        session.close()
    assert pull(RepoRef(pg_url, "老设计")).departments["d2"].leader == "新负责人"


def test_new_and_upgraded_repositories_have_the_same_tables(pg_url, repo_url):
    """A new repository runs every step from format 0, so it has what an upgraded one has:
    the tables this program describes (`staff` included, from the file's columns)."""
    from sqlalchemy import inspect

    from orgdesigner.repository import schema as S

    engine = make_engine(repo_url)
    try:
        found = inspect(engine)
        for table in S.metadata.sorted_tables:
            columns = {c["name"] for c in found.get_columns(table.name, schema=S.SCHEMA)}
            expected = {c.name for c in table.columns}
            assert columns == expected, table.name
            key = found.get_pk_constraint(table.name, schema=S.SCHEMA)["constrained_columns"]
            assert key == [c.name for c in table.primary_key.columns], table.name
    finally:
        engine.dispose()
