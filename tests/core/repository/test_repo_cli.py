"""`python -m orgdesigner repo ...` and `URL#NAME` in info/validate/export."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from orgdesigner import storage
from orgdesigner.cli import main
from orgdesigner.repository.devserver import PASSWORD_ROLE
from tests.core.factories import sample_design

ROOT = Path(__file__).resolve().parents[3]


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def design_file(tmp_path):
    path = tmp_path / "plan.db"
    storage.save(sample_design(), path)
    return path


def test_init_push_list_pull_log(pg_url, design_file, tmp_path, capsys):
    code, out, _ = run_cli(capsys, "repo", "init", pg_url)
    assert code == 0 and "created an Org Designer repository" in out
    assert run_cli(capsys, "repo", "init", pg_url)[1].startswith("the repository in")
    code, out, err = run_cli(
        capsys, "repo", "push", str(design_file), pg_url, "--as", "总部", "--comment", "首版"
    )
    assert (code, err) == (0, "") and "名为 总部，第 1 版" in out  # the design is Chinese
    code, out, _ = run_cli(capsys, "repo", "list", pg_url, "--json")
    listed = json.loads(out)["designs"]
    assert [(d["name"], d["version"], d["departments"]) for d in listed] == [("总部", 1, 5)]
    assert set(listed[0]) == {"name", "version", "saved_by", "saved_at", "departments"}
    # the pushed file now names version 1 as its base: a second push from it is accepted
    assert run_cli(capsys, "repo", "push", str(design_file), pg_url, "--as", "总部")[0] == 0
    out_file = tmp_path / "pulled.db"
    code, out, _ = run_cli(
        capsys, "repo", "pull", pg_url, "总部", "--version", "1", "-o", str(out_file)
    )
    assert code == 0 and storage.load(out_file).name == sample_design().name
    code, out, _ = run_cli(capsys, "repo", "log", pg_url, "总部")
    assert (
        code == 0 and out.splitlines()[0].startswith("version 2") and "首版" in out.splitlines()[1]
    )


def test_url_name_accepted_by_info_validate_export(repo_url, design_file, tmp_path, capsys):
    run_cli(capsys, "repo", "push", str(design_file), repo_url, "--as", "plan")
    ref = f"{repo_url}#plan"
    code, out, _ = run_cli(capsys, "info", ref, "--lang", "en")
    assert code == 0 and "departments:      5" in out and "#plan" in out
    code, out, _ = run_cli(capsys, "validate", ref, "--json")
    assert code in (0, 1) and "findings" in json.loads(out)
    target = tmp_path / "out.json"
    assert run_cli(capsys, "export", ref, "-o", str(target))[0] == 0
    assert json.loads(target.read_text(encoding="utf-8"))
    code, _, err = run_cli(capsys, "info", f"{repo_url}#nope")
    assert code == 2 and "has no design named 'nope'" in err


def test_stale_push_refused_by_cli(repo_url, design_file, tmp_path, capsys):
    run_cli(capsys, "repo", "push", str(design_file), repo_url, "--as", "plan")
    mine = tmp_path / "mine.db"
    run_cli(capsys, "repo", "pull", repo_url, "plan", "-o", str(mine))
    run_cli(capsys, "repo", "push", str(design_file), repo_url, "--as", "plan")
    code, out, err = run_cli(capsys, "repo", "push", str(mine), repo_url, "--as", "plan")
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1
    assert "(version 2) after your copy (version 1): pull and merge, or push with --force" in err


def _push_process(path: Path, url: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "orgdesigner",
            "repo",
            "push",
            str(path),
            url,
            "--as",
            "plan",
            "--comment",
            path.stem,
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_eight_processes_push_the_same_base_one_wins(repo_url, design_file, tmp_path, capsys):
    from orgdesigner.repository import RepoRef, log

    run_cli(capsys, "repo", "push", str(design_file), repo_url, "--as", "plan")
    copies = []
    for i in range(8):
        copy = tmp_path / f"copy{i}.db"
        run_cli(capsys, "repo", "pull", repo_url, "plan", "-o", str(copy))
        copies.append(copy)
    processes = [_push_process(copy, repo_url) for copy in copies]
    results = [(p.wait(timeout=120), p.stdout.read(), p.stderr.read()) for p in processes]
    winners = [r for r in results if r[0] == 0]
    losers = [r for r in results if r[0] != 0]
    assert len(winners) == 1, results
    assert len(losers) == 7
    for code, out, err in losers:
        assert code == 2 and out == ""
        assert len(err.strip().splitlines()) == 1, err
        assert "plan was changed by" in err and "after your copy (version 1)" in err
    versions = log(RepoRef(repo_url, "plan"))
    assert [v.number for v in versions] == [2, 1]


# ------------------------------------------------------------------ bad input
def _one_line_error(capsys, *argv: str) -> str:
    code, out, err = run_cli(capsys, *argv)
    assert code == 2, (out, err)
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    return err


def test_unreachable_server(capsys):
    err = _one_line_error(capsys, "repo", "list", "postgresql://someone@127.0.0.1:1/org")
    assert "postgresql://someone@127.0.0.1:1/org" in err and "refused the connection" in err


def test_wrong_password_is_named_but_never_printed(pg_server_url, capsys, monkeypatch):
    import psycopg

    with psycopg.connect(pg_server_url, autocommit=True) as conn:
        conn.execute(f"DROP ROLE IF EXISTS {PASSWORD_ROLE}")
        conn.execute(f"CREATE ROLE {PASSWORD_ROLE} LOGIN PASSWORD 'right-secret'")
    base = pg_server_url.replace("postgres@", f"{PASSWORD_ROLE}:wrong-secret@", 1)
    try:
        psycopg.connect(base, connect_timeout=10).close()
    except psycopg.OperationalError:
        pass
    else:  # a server given by ORGDESIGNER_TEST_PG_URL that trusts everyone
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("CI's PostgreSQL must ask orgdesigner_password_check for its password")
        pytest.skip("this server accepts any password, so a wrong one cannot be shown")
    err = _one_line_error(capsys, "repo", "list", base)
    assert "refused the password" in err and "wrong-secret" not in err
    monkeypatch.setenv("PGPASSWORD", "still-wrong")
    err = _one_line_error(
        capsys, "repo", "init", pg_server_url.replace("postgres@", f"{PASSWORD_ROLE}@", 1)
    )
    assert "refused the password" in err and "still-wrong" not in err


def test_database_without_our_schema(pg_url, capsys):
    err = _one_line_error(capsys, "repo", "list", pg_url)
    assert "has no Org Designer repository" in err and "repo init" in err


def test_schema_newer_than_the_program(repo_url, capsys):
    import psycopg

    with psycopg.connect(repo_url, autocommit=True) as conn:
        conn.execute(
            "UPDATE orgdesigner.repository_info SET value = '99' WHERE key = 'schema_version'"
        )
    err = _one_line_error(capsys, "repo", "list", repo_url)
    assert "newer Org Designer (repository format 99)" in err
    err = _one_line_error(capsys, "repo", "init", repo_url)
    assert "newer Org Designer" in err


def test_init_list_log_speak_chinese_when_asked(pg_url, design_file, capsys):
    code, out, _ = run_cli(capsys, "repo", "init", pg_url, "--lang", "zh")
    assert code == 0 and ("资料库" in out) and "repository" not in out
    run_cli(capsys, "repo", "push", str(design_file), pg_url, "--as", "分部", "--comment", "首版")
    code, out, _ = run_cli(capsys, "repo", "list", pg_url, "--lang", "zh")
    line = next(x for x in out.splitlines() if x.startswith("分部"))
    assert code == 0 and "第 1 版" in line and "5 个部门" in line and "保存" in line
    assert "version" not in out and "departments" not in out
    code, out, _ = run_cli(capsys, "repo", "log", pg_url, "分部", "--lang", "zh")
    assert code == 0 and out.startswith("第 1 版") and "首版" in out and "departments" not in out
