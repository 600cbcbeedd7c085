"""Run by test_shared_crashloop: fork savers, SIGKILL them at random moments, check the file.

Usage: python crashloop_worker.py TARGET KILLS SEED. Prints one JSON list of
per-kill results. The parent (this process) imports everything once and
forks each saver, so a kill costs milliseconds, not an interpreter start.
"""

from __future__ import annotations

import json
import os
import random
import select
import shutil
import sqlite3
import signal
import sys
import tempfile
import time
from pathlib import Path

from orgdesigner import ops, storage
from orgdesigner.document import DesignDocument
from orgdesigner.entities import Department
from orgdesigner.errors import OrgDesignerError


def saver(target: Path, ready: int) -> None:
    """Open the design and save it over and over; every version is self-consistent."""
    doc = DesignDocument.open(target, break_stale_lock=True, heartbeat=False)
    os.write(ready, b"o")  # opened: the parent now kills at a random moment of the saves
    generation = doc.design.stamp.save_generation
    while True:
        generation += 1
        tag = f"v{generation}"
        extra = f"x{generation}"
        added = [d for d in doc.design.departments if d.startswith("x")]
        batch = [ops.UpdateDesign({"name": tag}), ops.UpdateDepartment("d1", {"notes": tag})]
        if added:
            batch.append(ops.RemoveDepartment(added[0]))
        else:
            batch.append(ops.AddDepartment(Department(id=extra, name=tag, parent="d1")))
        ops.Batch(batch).apply(doc.design)
        doc.save()


def check(target: Path) -> dict:
    with tempfile.TemporaryDirectory() as tmp:  # SQLite's own verdict, on a copy
        copy = Path(tmp) / "copy.db"
        shutil.copyfile(target, copy)
        conn = sqlite3.connect(copy)
        integrity = conn.execute("PRAGMA integrity_check").fetchall()
        conn.close()
    if integrity != [("ok",)]:
        return {"ok": False, "error": f"integrity_check: {integrity[:3]}"}
    design = storage.load(target)  # schema, values, invariants of the model
    design.check_invariants()
    tag = f"v{design.stamp.save_generation}"
    extras = [d for d in design.departments.values() if d.id.startswith("x")]
    consistent = (
        design.name == tag
        and design.departments["d1"].notes == tag
        and all(e.name == tag for e in extras)
    )
    return {"generation": design.stamp.save_generation, "ok": consistent}


def main() -> None:
    target, kills, seed = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    rng = random.Random(seed)
    results = []
    for i in range(kills):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the saver
            os.close(read_end)
            code = 0
            try:
                saver(target, write_end)
            except BaseException:  # noqa: BLE001 - report through the exit code
                code = 5
            os._exit(code)
        os.close(write_end)
        if i % 4 == 0:  # a quarter of the kills land anywhere, also while opening
            time.sleep(rng.uniform(0.0, 0.05))
        else:  # the rest while saving
            ready, _, _ = select.select([read_end], [], [], 30)
            time.sleep(rng.uniform(0.0, 0.06))
        os.kill(pid, signal.SIGKILL)
        os.close(read_end)
        _, status = os.waitpid(pid, 0)
        killed = os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
        try:
            result = check(target)
        except OrgDesignerError as exc:
            result = {"ok": False, "error": str(exc)}
        result.update(kill=i, killed=killed)
        results.append(result)
    print(json.dumps(results))


if __name__ == "__main__":
    main()
