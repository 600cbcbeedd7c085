"""One pass over the departments that collects what the per-department rules look at.

At 100,000 departments a pass that reads each department object is bound by memory,
not by Python: seven rules each walking the design cost seven times the cache misses of
one walk. `scan` reads every department once and keeps, in design order, the few ids
each rule reports on (candidates) and the sums it needs; the rules then look only at
those. Context.scan computes it once per validation.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..design import Design
from ..entities import DeptKind


@dataclass
class Scan:
    tops: list[str]  # no manager (isolated-department's candidates)
    committees: list[str]  # committee (委员会) departments
    no_leader: list[str]  # vacant, or no leader entered
    unstaffed: list[str]  # no headcount and not a committee (empty-department's candidates)
    child_counts: dict[str, int]  # manager -> number of direct sub-units (absent: none)
    budget_totals: dict[str, float]  # manager -> its budgeted sub-units' budgets added up
    budgeted: dict[str, list[str]]  # manager -> [manager, its sub-units with a budget...]


def scan(design: Design) -> Scan:
    tops: list[str] = []
    committees: list[str] = []
    no_leader: list[str] = []
    unstaffed: list[str] = []
    managers: list[str] = []
    totals: dict[str, float] = {}
    budgeted: dict[str, list[str]] = {}
    committee = DeptKind.COMMITTEE
    # Sub-units are listed in design order, which is their sibling order (a model invariant).
    for dept_id, dept in design.departments.items():
        parent = dept.parent
        kind = dept.kind
        if parent is None:
            tops.append(dept_id)
        else:
            managers.append(parent)
            budget = dept.budget
            if budget > 0:
                kids = budgeted.get(parent)
                if kids is None:  # (not setdefault: that builds a list for every sub-unit)
                    budgeted[parent] = [parent, dept_id]
                    totals[parent] = float(budget)  # as 0.0 + budget was
                else:
                    kids.append(dept_id)
                    totals[parent] += budget
        if kind is committee:
            committees.append(dept_id)
        elif not dept.headcount > 0:
            unstaffed.append(dept_id)
        if dept.vacant or not dept.leader.strip():
            no_leader.append(dept_id)
    # Counted in C, each manager entered where its first sub-unit is (as counting in the loop did).
    child_counts: dict[str, int] = Counter(managers)
    return Scan(tops, committees, no_leader, unstaffed, child_counts, totals, budgeted)
