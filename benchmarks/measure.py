"""Measure one case at one size in this process: `python -m benchmarks.measure CASE FILE RUNS`.

Prints one JSON line: median seconds, all runs, peak resident memory (MB) of the process
(or of its largest child, for whole-process cases) after the first run (fixture loading
included). Runs stop early once they took BUDGET_S (slow cases at 100,000).
Run in a fresh process per case so peak memory belongs to that case alone.
"""

from __future__ import annotations

import json
import resource
import statistics
import sys
import time
from pathlib import Path

from .cases import CASES, Unavailable

BUDGET_S = 60.0  # no new run starts once the runs so far took this long


def measure(name: str, path: Path, runs: int) -> dict:
    try:
        setup, run = CASES[name](path)
    except Unavailable:
        return {"case": name, "available": False}
    times = []
    notes = ""
    peak_kb = 0
    for _ in range(runs):
        if sum(times) > BUDGET_S:  # slow at this size: a median of fewer runs
            break
        state = setup()
        start = time.perf_counter()
        result = run(state)
        elapsed = time.perf_counter() - start
        if isinstance(result, (int, float)) and not isinstance(result, bool):
            elapsed = float(result)  # the case measured a part itself (e.g. one mouse move)
        times.append(elapsed)
        notes = getattr(result, "bench_notes", notes)
        if not peak_kb:  # peak of one operation; later runs may still hold the last one's garbage
            # whole-process cases: the child's peak (the largest child so far)
            peak_kb = max(
                resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
            )
    return {
        "case": name,
        "available": True,
        "median": statistics.median(times),
        "runs": times,
        "peak_mb": peak_kb / 1024,
        **({"notes": notes} if notes else {}),
    }


if __name__ == "__main__":
    print(json.dumps(measure(sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]))))
