"""`validate FILE [--json] [--lang zh|en]`: check a design, exit 1 if it has errors.

Reads the file only (a `.db` is opened read-only and stays byte-identical).
"""

from __future__ import annotations

from json.encoder import encode_basestring  # (the C one when available)
from pathlib import Path

from ..findings import Severity
from ..formats import read_design
from ..gcpause import gc_paused
from .common import add_lang_option, design_source, note_if_busy, safe_text

HEADINGS = {
    "zh": {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"},
    "en": {Severity.ERROR: "errors", Severity.WARNING: "warnings", Severity.INFO: "info"},
}


def register(sub) -> None:
    p = sub.add_parser(
        "validate",
        help="check a design for ownerless functions and other problems",
        description="Print the validator's findings. Exit status: 0 no errors, "
        "1 errors found, 2 unusable input.",
    )
    p.add_argument("file", type=design_source, metavar="FILE.db[#SCENARIO]|URL#NAME")
    p.add_argument(
        "--json",
        action="store_true",
        help='print {"findings": [{"rule", "severity", "message", "objects"}]}',
    )
    add_lang_option(p, "language of the messages (default: the design's)")
    p.set_defaults(run=run)


def run(args) -> int:
    # One short process whose objects all live until it prints: the cyclic collector would
    # only walk the design and 55,000 findings again and again (a second at 100,000).
    with gc_paused():
        return _run(args)


def _run(args) -> int:
    from ..validator import disabled_rules, has_errors, validate

    design = read_design(args.file)
    language = args.lang or ("en" if design.language == "en" else "zh")
    note_if_busy(args.file, language)
    findings = validate(design, language=args.lang)
    if args.json:
        print(findings_json(findings))
    else:
        print(_text(args.file, findings, language, sorted(disabled_rules(design))))
    return 1 if has_errors(findings) else 0


def findings_json(findings) -> str:
    """`json.dumps({"findings": [f.to_json() ...]}, ensure_ascii=False, indent=2)`, the same
    text (a test holds the two equal), built with json's C string encoder: with `indent`
    json falls back to its pure-Python encoder, as slow as validating 10,000 departments."""
    if not findings:
        return '{\n  "findings": []\n}'
    quote = encode_basestring
    parts = []
    for f in findings:
        objects = (
            "[\n        " + ",\n        ".join(map(quote, f.objects)) + "\n      ]"
            if f.objects
            else "[]"
        )
        parts.append(
            f'    {{\n      "rule": {quote(f.rule)},\n      "severity": {quote(f.severity.value)},'
            f'\n      "message": {quote(f.message)},\n      "objects": {objects}\n    }}'
        )
    return '{\n  "findings": [\n' + ",\n".join(parts) + "\n  ]\n}"


_SINGULAR_EN = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"}


def _count_en(count: int, severity: Severity) -> str:
    """ "1 warning", "2 warnings" (the summary reads as English)."""
    word = _SINGULAR_EN[severity] if count == 1 else HEADINGS["en"][severity]
    return f"{count} {word}"


def _text(path: Path, findings, language: str, off: list[str]) -> str:
    headings = HEADINGS[language]
    counts = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
    if language == "zh":
        summary = "，".join(f"{counts[s]} 个{headings[s]}" for s in Severity)
        lines = [f"{path.name}：{summary}"]
    else:
        summary = ", ".join(_count_en(counts[s], s) for s in Severity)
        lines = [f"{path.name}: {summary}"]
    if off:
        lines.append(
            ("已关闭的规则：" if language == "zh" else "rules switched off: ") + ", ".join(off)
        )
    for severity in Severity:
        group = [f for f in findings if f.severity is severity]
        if not group:
            continue
        lines.append("")
        lines.append(f"{headings[severity]}:" if language == "en" else f"{headings[severity]}：")
        lines.extend(f"  [{f.rule}] {safe_text(f.message)}" for f in group)
    return "\n".join(lines)
