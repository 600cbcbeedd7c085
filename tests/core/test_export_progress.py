"""Every export reports through `orgdesigner.progress`; a cancel stops it and writes nothing.

One convention for opening and exporting: the callback gets (stage, done,
total) and raises `progress.Cancelled` to stop. A cancelled export leaves no
target file, no temporary file beside it, and a file already at the target
exactly as it was.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest

from benchmarks.generator import generate
from orgdesigner import progress
from orgdesigner.progress import Cancelled
from orgdesigner.render import ExportOptions, export_pdf
from orgdesigner.render.png import export_png
from orgdesigner.render.pptx_deck import export_pptx
from orgdesigner.render.svg import export_svg

from .pdf_helpers import company_design

DESIGN = generate(120, seed=5)


def _pdf(path, progress=None):
    return export_pdf(DESIGN, path, ExportOptions(), progress=progress)


def _book(path, progress=None):
    return export_pdf(DESIGN, path, ExportOptions(fit="book", paper="A4"), progress=progress)


def _pptx(path, progress=None):
    pytest.importorskip("pptx")
    return export_pptx(DESIGN, path, ExportOptions(paper="A4"), progress=progress)


def _svg(path, progress=None):
    with progress_installed(progress):
        return export_svg(DESIGN, path, ExportOptions())


def _png(path, progress=None):
    with progress_installed(progress):
        return export_png(DESIGN, path, ExportOptions(scale=0.3))


def progress_installed(callback):
    """SVG and PNG take the callback installed by the caller (`progress.reporting`)."""
    return progress.reporting(callback)


EXPORTS: dict[str, tuple[str, Callable]] = {
    "pdf": (".pdf", _pdf),
    "book": (".pdf", _book),
    "pptx": (".pptx", _pptx),
    "svg": (".svg", _svg),
    "png": (".png", _png),
}


def _stages(kind: str, tmp_path: Path) -> list[tuple[str, int, int]]:
    suffix, export = EXPORTS[kind]
    seen: list[tuple[str, int, int]] = []
    export(tmp_path / f"seen{suffix}", lambda *report: seen.append(report))
    return seen


@pytest.mark.parametrize("kind", list(EXPORTS))
def test_an_export_reports_its_stages_in_order(kind, tmp_path):
    seen = _stages(kind, tmp_path)
    stages = [s for s, _, _ in seen]
    assert stages[0] == "plan" and stages[-1] == "saving"
    assert "pages" in stages
    order = ["plan", "checking", "pages", "saving"]  # checking: the findings section's validator
    ranks = [order.index(s) for s in stages]
    assert ranks == sorted(ranks)  # each stage once, in order
    assert all(0 <= done <= total or total == 0 for _, done, total in seen)


@pytest.mark.parametrize("kind", ["pdf", "book", "pptx"])
def test_pages_are_reported_one_by_one(kind, tmp_path):
    pages = [(d, t) for s, d, t in _stages(kind, tmp_path) if s == "pages"]
    total = pages[0][1]
    assert total > 1  # a design of 120 departments needs several pages or slides in these modes
    assert [d for d, _ in pages] == list(range(0, total + 1)) + [total]  # start, each, end


def _cancel_at(stage: str, after: int = 0):
    def report(now: str, done: int, total: int) -> None:
        if now == stage and done >= after:
            raise Cancelled()

    return report


@pytest.mark.parametrize("kind", list(EXPORTS))
@pytest.mark.parametrize("stage", ["plan", "pages", "saving"])
def test_a_cancel_writes_nothing_and_keeps_the_old_file(kind, stage, tmp_path):
    suffix, export = EXPORTS[kind]
    fresh = tmp_path / f"new{suffix}"
    with pytest.raises(Cancelled):
        export(
            fresh,
            _cancel_at(stage, 1 if stage == "pages" and kind in ("pdf", "book", "pptx") else 0),
        )
    old = tmp_path / f"old{suffix}"
    old.write_bytes(b"the colleague's previous export")
    with pytest.raises(Cancelled):
        export(old, _cancel_at(stage))
    assert not fresh.exists()
    assert old.read_bytes() == b"the colleague's previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == [old.name]  # no temporary file left


def test_the_callback_installed_by_the_caller_is_used_when_none_is_passed(tmp_path):
    seen: list[str] = []
    with progress.reporting(lambda stage, done, total: seen.append(stage)):
        export_pdf(company_design(), tmp_path / "p.pdf", ExportOptions())
    assert "pages" in seen and (tmp_path / "p.pdf").exists()


def test_without_a_callback_the_export_is_written(tmp_path):
    for kind, (suffix, export) in EXPORTS.items():
        path = tmp_path / f"{kind}{suffix}"
        export(path)
        assert path.stat().st_size > 0, kind
