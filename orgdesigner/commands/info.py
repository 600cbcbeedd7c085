"""`info FILE.db`: what a design file holds (never writes, never locks)."""

from __future__ import annotations

from pathlib import Path

from ..formats import read_design
from ..scenarios import split_target
from .common import add_lang_option, design_source, display_width as _width, note_if_busy, safe_text


def register(sub) -> None:
    p = sub.add_parser(
        "info",
        help="show what a design file holds",
        description="Print name, counts, format version and last save of a design.",
    )
    p.add_argument("file", type=design_source, metavar="FILE.db[#SCENARIO]|URL#NAME")
    add_lang_option(p, "language of the labels (default: the design's)")
    p.set_defaults(run=run)


# label key -> (中文, English); the English keeps its colon-aligned layout.
LABELS = {
    "file": ("文件", "file"),
    "name": ("名称", "name"),
    "scenario": ("当前方案", "scenario"),
    "scenarios": ("方案", "scenarios"),
    "language": ("语言", "language"),
    "departments": ("部门", "departments"),
    "links": ("部门间关系", "links"),
    "functions": ("职能", "functions"),
    "responsibilities": ("职责分配", "responsibilities"),
    "kpis": ("指标", "KPIs"),
    "format": ("格式版本", "format version"),
    "saved": ("最后保存", "last saved"),
    "editing": ("正在编辑", "open for editing"),
}


def _lines(rows: list[tuple[str, str]], language: str) -> list[str]:
    """ "departments:      5" in English; "部门：5" aligned by display width in Chinese."""
    if language != "zh":
        return [f"{(LABELS[k][1] + ':'):<18}{v}" for k, v in rows]
    labels = {k: LABELS[k][0] + "：" for k, _ in rows}
    width = max(_width(text) for text in labels.values()) + 1
    return [labels[k] + " " * (width - _width(labels[k])) + v for k, v in rows]


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
    language = args.lang or ("en" if design.language == "en" else "zh")
    if file:
        note_if_busy(Path(file), language)
    counts = design.counts()
    stamp = design.stamp
    zh = language == "zh"
    rows = [("file", safe_text(args.file)), ("name", safe_text(design.name))]
    if design.scenario is not None:
        rows.append(("scenario", safe_text(design.scenario.name)))
    if scenarios is not None:
        names = ("、" if zh else ", ").join(scenarios.names())
        rows.append(("scenarios", f"{len(scenarios)}" + (f"（{names}）" if zh else f" ({names})")))
    rows += [
        (
            "language",
            {"zh": "中文", "en": "English"}.get(design.language, design.language)
            if zh
            else safe_text(design.language),
        ),
        ("departments", str(counts["departments"])),
        ("links", str(counts["links"])),
        ("functions", str(counts["functions"])),
        ("responsibilities", str(counts["responsibilities"])),
        ("kpis", str(counts["kpis"])),
    ]
    if stamp.format_version:
        rows.append(("format", str(stamp.format_version)))
        unknown = "未知" if zh else "unknown"
        at = safe_text(stamp.saved_at or unknown)
        by = safe_text(stamp.saved_by or unknown)
        rows.append(
            (
                "saved",
                f"{at}，保存人 {by}（第 {stamp.save_generation} 次保存）"
                if zh
                else f"{at} by {by} (save {stamp.save_generation})",
            )
        )
    from ..lockfile import describe_lock

    editing = describe_lock(file, language) if isinstance(args.file, Path) else ""
    if editing:
        rows.append(("editing", safe_text(editing)))
    lines = _lines(rows, language)
    print("\n".join(lines))
    return 0
