"""One function per benchmarked operation.

Each case takes the fixture path of a generated design and returns a
`(setup, run)` pair: `setup()` prepares a fresh state outside the timing,
`run(state)` is the timed part. A case raises `Unavailable` when the
feature it measures is not in this build.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from .registry import CASES, Case, Unavailable, case

__all__ = ["CASES", "Case", "Unavailable", "case"]


def _tmpdir() -> Path:
    return Path(tempfile.mkdtemp(prefix="orgbench-"))


@case("open")
def open_db(path: Path):
    from orgdesigner import storage

    return (lambda: None), (lambda _: storage.load(path))


@case("save (full)")
def save_full(path: Path):
    from orgdesigner import storage

    design = storage.load(path)
    out = _tmpdir() / "out.db"
    return (lambda: None), (lambda _: storage.save(design, out))


@case("validate")
def validate(path: Path):
    from orgdesigner import storage

    try:
        from orgdesigner.validator import validate as run_validator
    except ImportError:
        raise Unavailable from None
    design = storage.load(path)
    return (lambda: None), (lambda _: run_validator(design))


def _proposal_pair(path: Path):
    """A design and a proposal: a copy with every tenth unit renamed and resized."""
    from orgdesigner import storage
    from orgdesigner.scenarios import copy_design

    base = storage.load(path)
    target = copy_design(base)
    for i, dept_id in enumerate(list(target.departments)[1::10]):
        target.update_department(dept_id, name=f"renamed {i}", headcount=i)
    return base, target


def _compare_case(path: Path, findings: bool):
    from orgdesigner.compare import compare

    base, target = _proposal_pair(path)
    return (lambda: None), (lambda _: compare(base, target, findings=findings))


@case("compare 10k vs 10k")
def compare_designs(path: Path):
    """The comparison itself: matching, changes, owners, totals (no validator runs)."""
    return _compare_case(path, findings=False)


@case("compare with findings")
def compare_with_findings(path: Path):
    """What `compare` on the command line does: the comparison plus the validator on both sides."""
    return _compare_case(path, findings=True)


@case("layout")
def layout(path: Path):
    from orgdesigner import storage
    from orgdesigner.layout import tidy_layout

    design = storage.load(path)
    return (lambda: None), (lambda _: tidy_layout(design))


@case("graphviz dot -Tpdf")
def graphviz(path: Path):
    if not shutil.which("dot"):
        raise Unavailable
    from orgdesigner import storage

    design = storage.load(path)
    folder = _tmpdir()
    dot = folder / "tree.dot"
    lines = ["digraph org {", 'node [shape=box, fontname="WenQuanYi Zen Hei"];']
    index = {d: i for i, d in enumerate(design.departments)}
    for d in design.departments.values():
        label = d.name.replace('"', "'")
        lines.append(f'n{index[d.id]} [label="{label}"];')
        if d.parent:
            lines.append(f"n{index[d.parent]} -> n{index[d.id]};")
    lines.append("}")
    dot.write_text("\n".join(lines), encoding="utf-8")
    return (lambda: None), (
        lambda _: subprocess.run(
            ["dot", "-Tpdf", str(dot), "-o", str(folder / "tree.pdf")], check=True
        )
    )


@case("CSV import")
def csv_import(path: Path):
    from orgdesigner import storage
    from orgdesigner.formats import read_design, write_design

    folder = _tmpdir()
    csv_path = folder / "org.csv"
    write_design(storage.load(path), csv_path)
    return (lambda: None), (lambda _: read_design(csv_path))


@case("open (shared-file document)")
def open_document(path: Path):
    os.environ.setdefault("ORGDESIGNER_DATA_DIR", str(_tmpdir()))
    from orgdesigner.document import DesignDocument

    def run(_):
        doc = DesignDocument.open(path, heartbeat=False)
        doc.close()

    return (lambda: None), run


@case("save (one edit)")
def save_one_edit(path: Path):
    os.environ.setdefault("ORGDESIGNER_DATA_DIR", str(_tmpdir()))
    from orgdesigner.document import DesignDocument
    from orgdesigner import ops

    target = _tmpdir() / "shared.db"
    shutil.copyfile(path, target)
    doc = DesignDocument.open(target, heartbeat=False)
    dept = next(iter(doc.design.departments))
    counter = iter(range(10**9))

    def setup():
        ops.UpdateDepartment(dept, {"name": f"市场部 {next(counter)}"}).apply(doc.design)
        return doc

    return setup, (lambda d: d.save())


def _pdf_case(path: Path, **options):
    from orgdesigner import storage

    try:
        from orgdesigner.render import ExportOptions, export_pdf
    except ImportError:
        raise Unavailable from None
    design = storage.load(path)
    out = _tmpdir() / "out.pdf"
    opts = ExportOptions(**options)
    return (lambda: None), (lambda _: export_pdf(design, out, opts))


@case("PDF chart on one A0 page")
def pdf_fit(path: Path):
    return _pdf_case(path, paper="A0", fit="page", sections=("chart",))


@case("PDF chart tiled on A1 at 50%")
def pdf_tiles(path: Path):
    return _pdf_case(path, paper="A1", fit="tiles", scale=0.5, sections=("chart",))


@case("PDF whole proposal on A0")
def pdf_proposal(path: Path):
    return _pdf_case(path, paper="A0")


class _Noted:
    """A case result that carries a note for the table (page count, fill)."""

    def __init__(self, note: str):
        self.bench_notes = note


@case("PDF chart book on A4")
def pdf_book(path: Path):
    setup, run = _pdf_case(path, paper="A4", fit="book", sections=("chart",))

    def noted(state):
        plan = run(state)
        fills = sorted(plan.context.book.fills)
        book, index = plan.sections["chart"][1], plan.sections.get("index", (0, 0))[1]
        low = sum(1 for p in plan.context.book.pages if p.fill < 0.25 and not p.run_end)
        return _Noted(
            f"{plan.page_count} pages ({book} chart book + {index} index), {plan.orientation}; "
            f"fill per page: median {fills[len(fills) // 2]:.0%}, lowest {fills[0]:.0%}, "
            f"pages under 25% that are not the last of a run: {low}"
        )

    return setup, noted


from . import process_cases  # noqa: E402,F401  (whole-process CLI cases)
from . import gui_cases  # noqa: E402,F401  (registers the GUI cases after the core ones)
from . import repo_cases  # noqa: E402,F401  (team repository on PostgreSQL)
