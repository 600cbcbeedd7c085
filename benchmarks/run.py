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

TARGETS_10K = {
    "open": 0.5, "save (full)": 1.0, "save (one edit)": 0.05, "validate": 0.2,
    "compare 10k vs 10k": 1.0, "layout": 0.5,
    "PDF chart on one A0 page": 5.0, "PDF chart tiled on A1 at 50%": 5.0, "PDF whole proposal on A0": 5.0,
    "PDF chart book on A4": 60.0, "GUI open to first paint": 2.0,
    "GUI drag: one mouse-move event": 0.016, "GUI drag: one frame (event + repaint)": 0.016,
}


def fixture(size: int) -> Path:
    FIXTURES.mkdir(parents=True, exist_ok=True)
    path = FIXTURES / f"design-{size}.db"
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
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    names = [c for c in args.cases.split(",") if c]
    results: dict[tuple[str, int], dict] = {}
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    for size in sizes:
        path = fixture(size)
        for name in names:
            runs = args.runs if not name.startswith("graphviz") else max(1, min(args.runs, 3 if size < 5000 else 1))
            proc = subprocess.run([sys.executable, "-m", "benchmarks.measure", name, str(path), str(runs)],
                                  capture_output=True, text=True, env=env, cwd=ROOT)
            if proc.returncode != 0:
                results[(name, size)] = {"error": proc.stderr.strip().splitlines()[-1:] or ["?"]}
            else:
                results[(name, size)] = json.loads(proc.stdout.strip().splitlines()[-1])
            print(f"{name} @ {size}: {results[(name, size)]}", file=sys.stderr)
    header = "| operation | " + " | ".join(f"{s:,} depts" for s in sizes) + " | target at 10k | peak memory (10k) |"
    lines = [f"Machine: {machine()}. Medians of {args.runs} runs; each case in its own process.", "",
             header, "|" + "---|" * (len(sizes) + 3)]
    for name in names:
        cells = []
        for size in sizes:
            r = results[(name, size)]
            cells.append("error" if "error" in r else ("n/a" if not r["available"] else fmt(r["median"])))
        big = results.get((name, max(sizes)), {})
        peak = f"{big['peak_mb']:.0f} MB" if big.get("available") else ""
        target = TARGETS_10K.get(name)
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {fmt(target) if target else ''} | {peak} |")
    dot = results.get(("graphviz dot -Tpdf", 5000), {})
    ours = results.get(("PDF chart on one A0 page", 5000), {})
    if dot.get("available") and ours.get("available"):
        lines += ["", f"PDF export of the 5,000-department tree: {dot['median'] / ours['median']:.1f}x "
                      f"faster than Graphviz `dot -Tpdf`."]
    for (name, size), r in results.items():
        if r.get("notes"):
            lines += ["", f"{name} at {size:,} departments: {r['notes']}."]
    table = "\n".join(lines)
    print(table)
    if args.out:
        args.out.write_text(table + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
