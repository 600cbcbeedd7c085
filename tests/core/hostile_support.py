"""Helpers for the hostile-world tests (issue 19): run the CLI in-process under a hang guard."""

from __future__ import annotations

import hashlib
from pathlib import Path

from orgdesigner.cli import main

from .sharedfiles_support import hang_guard

HANG_SECONDS = 30  # catches hangs only; never a benchmark


def run(capsys, *argv) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of `python -m orgdesigner ARGV`, failing on a hang."""
    with hang_guard(HANG_SECONDS):
        code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def one_line_error(err: str, *words: str) -> str:
    """Assert `err` is exactly one 'error: ...' line holding `words`; return it."""
    assert err.count("\n") == 1 and err.startswith("error: "), err[:500]
    for word in words:
        assert word in err, err
    return err.strip()
