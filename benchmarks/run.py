"""Run every benchmark case at 1,000, 5,000 and 10,000 departments and print a Markdown table.

`python -m benchmarks [--sizes 1000,5000,10000] [--runs 5] [--cases a,b] [--out FILE.md]`
Each case runs in its own process (peak memory is per case); times are medians.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
from pathlib import Path

from .cases import CASES

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "benchmarks" / "results"

# Issue #17's targets: operation -> (at 10,000, at 100,000); None where none is set.
TARGETS: dict[str, tuple[float | None, float | None]] = {
    "open": (0.25, 2.5),
    "save (full)": (0.3, 3.0),
    "save (one edit)": (0.03, 0.15),
    "validate": (0.05, 0.6),
    "layout": (0.07, 1.0),
    "GUI open to first paint": (1.0, 4.0),
    "GUI drag: one frame (event + repaint)": (0.016, 0.016),
    "GUI drag at fit-all: one frame (event + repaint)": (0.016, 0.016),
    "GUI zoom frame at fit-all": (0.016, 0.033),
    "GUI pan frame at fit-all": (0.016, 0.033),
    "CLI info (whole process)": (1.0, 3.0),
    "CLI validate (whole process)": (1.0, 3.0),
    "CLI start (--help)": (0.3, None),
    "CLI import of the JSON text form (whole process)": (1.0, 8.0),
    "PDF chart book on A4": (10.0, 100.0),  # #17's table (#13 itself asked for 60 s at 10k)
    "compare 10k vs 10k": (1.0, None),
    "PDF chart on one A0 page": (5.0, None),
    "PDF chart tiled on A1 at 50%": (5.0, None),
    "PDF whole proposal on A0": (5.0, None),
    "GUI drag: one mouse-move event": (0.016, None),
}
TARGETS_10K = {name: t[0] for name, t in TARGETS.items() if t[0] is not None}
CASE_TIMEOUT = (
    900.0  # seconds per case and size: a case that takes longer is reported, not waited for
)


def skipped(name: str, size: int) -> bool:
    """Graphviz is superlinear (42 s at 10,000): at 100,000 it would run for hours."""
    return name.startswith("graphviz") and size > 10_000


def fixture(size: int) -> Path:
    from orgdesigner import schema

    FIXTURES.mkdir(parents=True, exist_ok=True)
    # Named by file format: a fixture kept from before a format bump would make every case
    # that opens it measure the migration too (it did once: "open" at 10,000 read 10 s).
    path = FIXTURES / f"design-{size}-format{schema.FORMAT_VERSION}.db"
    if not path.exists():
        from orgdesigner import storage
        from .generator import generate

        storage.save(generate(size), path)
    return path


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"


def fmt(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--sizes", default="1000,5000,10000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cases", default=",".join(CASES))
    parser.add_argument("--out", type=Path, default=None, help="also write the table here")
    parser.add_argument(
        "--timeout",
        type=float,
        default=CASE_TIMEOUT,
        help="seconds allowed per case and size (default %(default)s)",
    )
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    names = [c for c in args.cases.split(",") if c]
    results: dict[tuple[str, int], dict] = {}
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    for size in sizes:
        path = fixture(size)
        for name in names:
            if skipped(name, size):
                results[(name, size)] = {"skipped": True}
                continue
            runs = (
                args.runs
                if not name.startswith("graphviz")
                else max(1, min(args.runs, 3 if size < 5000 else 1))
            )
            try:
                proc = subprocess.run(
                    [sys.executable, "-m", "benchmarks.measure", name, str(path), str(runs)],
                    capture_output=True,
                    text=True,
                    env=env,
                    cwd=ROOT,
                    timeout=args.timeout,
                )
            except subprocess.TimeoutExpired:
                results[(name, size)] = {"error": [f"timeout after {args.timeout:.0f} s"]}
            else:
                if proc.returncode != 0:
                    results[(name, size)] = {
                        "error": proc.stderr.strip().splitlines()[-1:] or ["?"]
                    }
                else:
                    results[(name, size)] = json.loads(proc.stdout.strip().splitlines()[-1])
            print(f"{name} @ {size}: {results[(name, size)]}", file=sys.stderr, flush=True)
    table = render_table(results, names, sizes, args.runs)
    print(table)
    if args.out:
        args.out.write_text(table + "\n", encoding="utf-8")
    return 0


def _cell(r: dict) -> str:
    if r.get("skipped"):
        return "skipped"
    if "error" in r:
        return "error"
    return "n/a" if not r["available"] else fmt(r["median"])


def _verdict(r: dict, target: float | None) -> str:
    if target is None or not r.get("available"):
        return ""
    return "met" if r["median"] <= target else f"missed ({r['median'] / target:.1f}x)"


def render_table(results: dict, names: list[str], sizes: list[int], runs: int) -> str:
    """The Markdown table: one column per size, the 10k -> 100k ratio, targets and verdicts."""
    ratio = 10_000 in sizes and 100_000 in sizes
    header = ["operation", *(f"{s:,} depts" for s in sizes)]
    if ratio:
        header.append("10k -> 100k")
    header += ["target 10k", "target 100k", f"peak memory ({max(sizes):,})"]
    lines = [
        f"Machine: {machine()}. Medians of up to {runs} runs (fewer when a run is long); "
        f"each case in its own process.",
        "",
        "| " + " | ".join(header) + " |",
        "|" + "---|" * len(header),
    ]
    for name in names:
        cells = [name, *(_cell(results[(name, size)]) for size in sizes)]
        if ratio:
            a, b = results[(name, 10_000)], results[(name, 100_000)]
            cells.append(
                f"{b['median'] / a['median']:.1f}x"
                if a.get("available") and b.get("available") and a["median"] > 0
                else ""
            )
        t10, t100 = TARGETS.get(name, (None, None))
        for target, size in ((t10, 10_000), (t100, 100_000)):
            if target is None:
                cells.append("")
            else:
                verdict = _verdict(results.get((name, size), {}), target)
                cells.append(fmt(target) + (f" {verdict}" if verdict else ""))
        big = results.get((name, max(sizes)), {})
        cells.append(f"{big['peak_mb']:.0f} MB" if big.get("available") else "")
        lines.append("| " + " | ".join(cells) + " |")
    for (name, size), r in results.items():
        if r.get("notes"):
            lines += ["", f"{name} at {size:,} departments: {r['notes']}."]
    for size in sizes:  # like for like: both whole processes producing only the chart
        dot = results.get(("graphviz dot -Tpdf", size), {})
        for case_name, what in (
            (
                "CLI export chart PDF of the tree alone (whole process)",
                "tree alone, as dot gets it",
            ),
            ("CLI export chart PDF on one A0 page (whole process)", "with the design's links"),
        ):
            ours = results.get((case_name, size), {})
            if dot.get("available") and ours.get("available"):
                lines += [
                    "",
                    f"Chart PDF of the {size:,}-department tree ({what}), both as whole "
                    f"processes: {dot['median'] / ours['median']:.1f}x faster than Graphviz "
                    f"`dot -Tpdf` ({fmt(dot['median'])} / {fmt(ours['median'])}).",
                ]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
