"""Helpers for the shared-file tests: sample designs, a private data dir, a hang guard."""

from __future__ import annotations

import os
import signal
from contextlib import contextmanager
from pathlib import Path
from typing import Callable

import pytest

from orgdesigner import storage
from orgdesigner.design import Design
from orgdesigner.entities import Department, Function, Link


def sample_design(name: str = "市场部结构方案", departments: int = 6) -> Design:
    """A small design with every kind of row (departments, links, functions, roles, settings)."""
    design = Design(name)
    ids = []
    for i in range(departments):
        parent = ids[(i - 1) // 2] if i else None
        dept = Department(
            id=f"d{i}",
            name=f"部门{i}",
            parent=parent,
            leader=f"王{i}",
            headcount=i + 1,
            x=10.0 * i,
            y=5.5 * i,
            notes="",
        )
        design.add_department(dept)
        ids.append(dept.id)
    design.add_link(Link(id="l1", source="d1", target="d2", label="协作"))
    design.add_function(Function(id="f1", key="brand_management", name="品牌管理"))
    design.add_function(Function(id="f2", name="客户服务", category="support"))
    design.set_role("f1", "d1", "A")
    design.set_role("f2", "d2", "R")
    design.settings["max_span"] = 8
    return design


def write_sample(path: Path, **kwargs) -> Design:
    design = sample_design(**kwargs)
    storage.save(design, path)
    return design


@pytest.fixture
def data_dir(tmp_path, monkeypatch) -> Path:
    """A private per-test data dir for working copies, backups and manifests."""
    folder = tmp_path / "userdata"
    monkeypatch.setenv("ORGDESIGNER_DATA_DIR", str(folder))
    monkeypatch.setenv("ORGDESIGNER_USER_NAME", "Wang Li")
    return folder


@pytest.fixture
def shared(tmp_path) -> Path:
    """A folder standing for the network share."""
    folder = tmp_path / "share"
    folder.mkdir()
    return folder


@pytest.fixture
def design_file(shared, data_dir) -> Path:
    """A sample design saved on the share, opened by nobody yet."""
    path = shared / "design.db"
    write_sample(path)
    return path


@contextmanager
def hang_guard(seconds: int = 60):
    """Turn a hang into a test failure (a bound, not a timing assertion)."""

    def _alarm(signum, frame):
        raise TimeoutError(f"no answer within {seconds} s")

    old = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def listing(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def use_data_dir(folder: Path) -> Callable[[], None]:
    """Point ORGDESIGNER_DATA_DIR at `folder` (a state machine has no fixtures); returns the undo."""
    old = os.environ.get("ORGDESIGNER_DATA_DIR")
    os.environ["ORGDESIGNER_DATA_DIR"] = str(folder)

    def restore() -> None:
        if old is None:
            os.environ.pop("ORGDESIGNER_DATA_DIR", None)
        else:
            os.environ["ORGDESIGNER_DATA_DIR"] = old

    return restore
