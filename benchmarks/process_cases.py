"""Whole-process CLI cases: the time a user waits for `python -m orgdesigner ...`.

Each run starts a fresh interpreter, so imports count as they do for a user
(issue #17: CLI start, `info` and `validate` as whole processes). The
interpreter's own start (`python -c pass`) is measured too, as the floor.
Imported by `benchmarks.cases`.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from .cases import case

ROOT = Path(__file__).resolve().parents[1]


def _cli(*argv: str, ok: tuple[int, ...] = (0,)):
    """A run() that starts `python -m orgdesigner ARGV` and checks its exit code."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))

    def run(_):
        proc = subprocess.run(
            [sys.executable, *argv],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        if proc.returncode not in ok:
            raise RuntimeError(f"{' '.join(argv)} exited {proc.returncode}: {proc.stderr[-300:]}")

    return run


@case("Python start (python -c pass: the floor)")
def python_start(path: Path):
    return (lambda: None), _cli("-c", "pass")


@case("CLI start (--help)")
def cli_help(path: Path):
    return (lambda: None), _cli("-m", "orgdesigner", "--help")


@case("CLI info (whole process)")
def cli_info(path: Path):
    return (lambda: None), _cli("-m", "orgdesigner", "info", str(path))


@case("CLI validate (whole process)")
def cli_validate(path: Path):
    return (lambda: None), _cli("-m", "orgdesigner", "validate", "--json", str(path), ok=(0, 1))


@case("CLI import of the JSON text form (whole process)")
def cli_import_json(path: Path):
    from orgdesigner import jsonform, storage

    folder = Path(tempfile.mkdtemp(prefix="orgbench-"))
    source = folder / "design.json"
    jsonform.write(storage.load(path), source)
    out = folder / "imported.db"
    return (lambda: None), _cli(
        "-m", "orgdesigner", "import", str(source), "-o", str(out), "--force"
    )


@case("CLI export chart PDF on one A0 page (whole process)")
def cli_export_chart(path: Path):
    """Compared with `dot -Tpdf` the same way: a whole process producing only the chart."""
    return _export_chart_cli(path)


@case("CLI export chart PDF of the tree alone (whole process)")
def cli_export_tree_chart(path: Path):
    """The graph `dot -Tpdf` is given: the reporting tree without collaboration links.

    The case above also routes the design's links, which dot never sees; this
    one compares like with like (issue #17: "the same tree").
    """
    from orgdesigner import storage

    design = storage.load(path)
    for link_id in list(design.links):
        design.remove_link(link_id)
    tree = Path(tempfile.mkdtemp(prefix="orgbench-")) / "tree.db"
    storage.save(design, tree)
    return _export_chart_cli(tree)


def _export_chart_cli(path: Path):
    out = Path(tempfile.mkdtemp(prefix="orgbench-")) / "chart.pdf"
    return (lambda: None), _cli(
        "-m",
        "orgdesigner",
        "export",
        str(path),
        "-o",
        str(out),
        "--force",
        "--paper",
        "A0",
        "--sections",
        "chart",
        "--fit",
        "page",
    )
