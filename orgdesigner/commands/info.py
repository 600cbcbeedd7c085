"""`info FILE.db`: what a design file holds (never writes, never locks)."""

from __future__ import annotations

from pathlib import Path

from ..formats import read_design
from ..scenarios import split_target
from .common import design_source, note_if_busy, safe_text


def register(sub) -> None:
    p = sub.add_parser(
        "info",
        help="show what a design file holds",
        description="Print name, counts, format version and last save of a design.",
    )
    p.add_argument("file", type=design_source, metavar="FILE.db[#SCENARIO]|URL#NAME")
    p.set_defaults(run=run)


def run(args) -> int:
    file, scenario = "", None  # a team repository's design has no scenarios
    if isinstance(args.file, Path):
        file, scenario = split_target(str(args.file))
        if args.file.exists() or scenario is None:
            file, scenario = str(args.file), None
    scenarios = None
    if file.lower().endswith(".db"):
        from .. import storage
        from ..errors import FileProblem
        from ..scenarios import ScenarioError

        scenarios = storage.load_scenarios(file)
        try:
            design = scenarios.activate(scenario) if scenario is not None else scenarios.active
        except ScenarioError as exc:
            raise FileProblem(Path(file), str(exc)) from None
    else:
        design = read_design(args.file)
    if file:
        note_if_busy(Path(file))
    counts = design.counts()
    stamp = design.stamp
    lines = [
        f"file:             {safe_text(args.file)}",
        f"name:             {safe_text(design.name)}",
        *(
            [f"scenario:         {safe_text(design.scenario.name)}"]
            if design.scenario is not None
            else []
        ),
        *(
            [f"scenarios:        {len(scenarios)} ({safe_text(', '.join(scenarios.names()))})"]
            if scenarios is not None
            else []
        ),
        f"language:         {safe_text(design.language)}",
        f"departments:      {counts['departments']}",
        f"links:            {counts['links']}",
        f"functions:        {counts['functions']}",
        f"responsibilities: {counts['responsibilities']}",
        f"KPIs:             {counts['kpis']}",
    ]
    if stamp.format_version:
        lines.append(f"format version:   {stamp.format_version}")
        saved = (
            f"{safe_text(stamp.saved_at or 'unknown')} by {safe_text(stamp.saved_by or 'unknown')}"
        )
        lines.append(f"last saved:       {saved} (save {stamp.save_generation})")
    from ..document import describe_lock

    editing = describe_lock(file) if isinstance(args.file, Path) else ""
    if editing:
        lines.append(f"open for editing: {safe_text(editing)}")
    print("\n".join(lines))
    return 0
