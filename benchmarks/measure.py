"""Measure one case at one size in this process: `python -m benchmarks.measure CASE FILE RUNS`.

Prints one JSON line: median seconds, all runs, peak resident memory (MB) of the process
after the first run (fixture loading included).
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


def measure(name: str, path: Path, runs: int) -> dict:
    try:
        setup, run = CASES[name](path)
    except Unavailable:
        return {"case": name, "available": False}
    times = []
    notes = ""
    peak_kb = 0
    for _ in range(runs):
        state = setup()
        start = time.perf_counter()
        result = run(state)
        elapsed = time.perf_counter() - start
        if isinstance(result, (int, float)) and not isinstance(result, bool):
            elapsed = float(result)  # the case measured a part itself (e.g. one mouse move)
        times.append(elapsed)
        notes = getattr(result, "bench_notes", notes)
        if not peak_kb:  # peak of one operation; later runs may still hold the last one's garbage
            peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"case": name, "available": True, "median": statistics.median(times),
            "runs": times, "peak_mb": peak_kb / 1024, **({"notes": notes} if notes else {})}


if __name__ == "__main__":
    print(json.dumps(measure(sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]))))
