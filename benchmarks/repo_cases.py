"""Team-repository cases: they need PostgreSQL (ORGDESIGNER_BENCH_PG_URL or
ORGDESIGNER_TEST_PG_URL, else a private server started for the case process)."""

from __future__ import annotations

import atexit
import os
import uuid
from pathlib import Path

from .registry import Unavailable, case

_server = None


def _repository() -> str:
    """A fresh database with the repository schema, on the given or a private server."""
    global _server
    url = os.environ.get("ORGDESIGNER_BENCH_PG_URL") or os.environ.get("ORGDESIGNER_TEST_PG_URL")
    if not url:
        from orgdesigner.repository.devserver import PrivateServer, find_bin_dir

        if find_bin_dir() is None:
            raise Unavailable
        if _server is None:
            _server = PrivateServer().start()
            atexit.register(_server.stop)
        url = _server.url
    import psycopg

    from orgdesigner.repository import init_repository

    name = f"orgbench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    repo = f"{url.rpartition('/')[0]}/{name}"
    init_repository(repo)
    return repo


def _pushed(path: Path):
    from orgdesigner import storage
    from orgdesigner.repository import RepoRef, push

    ref = RepoRef(_repository(), "bench")
    design = storage.load(path)
    push(design, ref)
    return ref, design


@case("open from repository (live)")
def open_repo(path: Path):
    from orgdesigner.repository.live import LiveSession

    ref, _ = _pushed(path)
    return (lambda: None), (lambda _: LiveSession.open(ref).close())


@case("one edit committed and seen by a second client")
def edit_seen(path: Path):
    from orgdesigner import ops
    from orgdesigner.repository.live import LiveSession

    ref, _ = _pushed(path)
    a, b = LiveSession.open(ref), LiveSession.open(ref)
    dept = next(iter(a.design.departments))
    counter = iter(range(10**9))

    def run(_):
        value = f"负责人 {next(counter)}"
        ops.UpdateDepartment(dept, {"leader": value}).apply(a.design)
        while b.design.departments[dept].leader != value:
            b.poll(1.0)  # woken by the NOTIFY

    return (lambda: None), run


@case("push to repository")
def push_case(path: Path):
    from orgdesigner.repository import push

    ref, design = _pushed(path)

    def run(_):
        push(design, ref, force=True)  # returns the version number: not a time

    return (lambda: None), run
