"""Shared by the import tests: where the real data is, and structural checks."""

from __future__ import annotations

from pathlib import Path

from orgdesigner.design import Design

DATA = Path(__file__).resolve().parents[1] / "data"  # copies with their licence (README.md)
UK = DATA / "uk_organograms"
DH = UK / "011013-DH---Organogram-senior.csv"
DH_JUNIOR = UK / "011013-DH---Organogram-junior.csv"
HOME_OFFICE = UK / "130930-Home-Office-Organogram-Data-senior.csv"
DWP = UK / "clean-version-of-DWP-September-2013-senior.csv"
FEDERAL = DATA / "us_federal" / "federalregister_agencies_flat.csv"


def assert_tree(design: Design) -> None:
    """Indexes agree, every parent exists, no department is its own ancestor."""
    design.check_invariants()
    for dept in design.departments.values():
        seen = {dept.id}
        parent = dept.parent
        while parent is not None:
            assert parent in design.departments, f"{dept.name}: parent missing"
            assert parent not in seen, f"{dept.name}: reporting cycle"
            seen.add(parent)
            parent = design.departments[parent].parent


def by_code(design: Design) -> dict:
    return {d.code: d for d in design.departments.values()}
