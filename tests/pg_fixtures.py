"""A PostgreSQL server for the repository tests, and a fresh database per test
(made available to every test by tests/conftest.py).

Our own fixture rather than pytest-postgresql: we need the same private
server outside pytest too (`.ci/run`, the benchmarks, developers:
`orgdesigner.repository.devserver`), it must run initdb/pg_ctl as the
`postgres` user when the tests run as root (CI does), and it must honour
an existing server given by ORGDESIGNER_TEST_PG_URL; that is ~100 lines of
our own code against a plugin plus the same wrapper around it.

Order: ORGDESIGNER_TEST_PG_URL if set; else a private server started here
(stopped at session end, also on failure) when the server programs exist;
else skip with the reason, except under CI=true, where a missing server fails.
"""

from __future__ import annotations

import os
import uuid

import pytest

from orgdesigner.repository.devserver import PrivateServer, find_bin_dir

ENV_URL = "ORGDESIGNER_TEST_PG_URL"


@pytest.fixture(scope="session")
def pg_server_url():
    url = os.environ.get(ENV_URL)
    if url:
        yield url
        return
    if find_bin_dir() is None:
        reason = (
            "no PostgreSQL server programs (initdb, pg_ctl) found: install PostgreSQL "
            f"or set {ENV_URL}"
        )
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI must run the repository tests: {reason}")
        pytest.skip(reason)
    server = PrivateServer().start()
    try:
        yield server.url
    finally:
        server.stop()


def _admin(url: str):
    import psycopg

    return psycopg.connect(url.split("#", 1)[0], autocommit=True, connect_timeout=10)


def with_database(url: str, name: str) -> str:
    head, _, _ = url.rpartition("/")
    return f"{head}/{name}"


@pytest.fixture
def pg_url(pg_server_url):
    """A new, empty database for this test (dropped afterwards)."""
    name = f"orgtest_{uuid.uuid4().hex[:12]}"
    with _admin(pg_server_url) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield with_database(pg_server_url, name)
    finally:
        with _admin(pg_server_url) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def repo_url(pg_url):
    """A database with the repository schema."""
    from orgdesigner.repository import init_repository

    init_repository(pg_url)
    return pg_url
