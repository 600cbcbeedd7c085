"""The benchmark generator and the core cases still run (no timing is asserted)."""

from __future__ import annotations

from benchmarks.cases import CASES
from benchmarks.generator import generate
from benchmarks.measure import measure
from orgdesigner import storage
from orgdesigner.rollups import rollups


def test_generator_makes_a_realistic_valid_design():
    design = generate(400, seed=3)
    design.check_invariants()
    counts = design.counts()
    assert counts["departments"] == 400 and counts["links"] == 80 and counts["functions"] == 60
    depth = max(r.depth for r in rollups(design).values())
    assert 4 <= depth <= 10
    assert (
        generate(400, seed=3).snapshot()["departments"][5]["name"]
        == design.snapshot()["departments"][5]["name"]
    )


def test_core_cases_measure_on_a_small_design(tmp_path, monkeypatch):
    monkeypatch.setenv("ORGDESIGNER_DATA_DIR", str(tmp_path / "data"))
    path = tmp_path / "bench.db"
    storage.save(generate(150, seed=1), path)
    for name in (
        "open",
        "save (full)",
        "validate",
        "layout",
        "CSV import",
        "save (one edit)",
        "PDF chart on one A0 page",
        "PDF chart book on A4",
    ):
        assert name in CASES
        result = measure(name, path, 1)
        assert result["available"] and result["median"] >= 0 and result["peak_mb"] > 0, name


def test_book_case_notes_its_page_count_and_fill(tmp_path):
    path = tmp_path / "bench.db"
    storage.save(generate(300, seed=2), path)
    result = measure("PDF chart book on A4", path, 1)
    assert "chart book" in result["notes"] and "fill per page" in result["notes"]
