"""Extract every tr() string under ui/ into the .ts files and compile the .qm the app loads.

    python tools/update_translations.py           # lupdate, then lrelease
    python tools/update_translations.py --check   # change nothing; list untranslated
                                                  # strings and stale .qm files, exit 1 if any

Run it after adding UI strings (or merging a branch that did): new strings
appear in `resources/translations/orgdesigner_zh_CN.ts` as unfinished; translate
them (Qt Linguist, or by hand: fill `<translation>` and drop `type="unfinished"`),
then run it again to compile. `orgdesigner_en.ts` holds only the English plural
forms ("%n page(s)" -> "1 page" / "2 pages"). The compiled `.qm` files are
committed so that `pip install -e .` needs no Qt tools; the tests fail when a
`.qm` is older than its `.ts` content or a string is untranslated.

Uses pyside6-lupdate / pyside6-lrelease from PySide6-Essentials (no other tool).
Locations are not written into the .ts (`-locations none`) so that parallel
branches do not conflict on line numbers.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "ui"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = {"zh_CN": [], "en": ["-pluralonly"]}


@dataclass(frozen=True)
class Untranslated:
    context: str
    source: str

    def __str__(self) -> str:
        return f"{self.context or '(module)'}: {self.source!r}"


def tool(name: str) -> str:
    """Qt's lupdate/lrelease as shipped inside the PySide6 package (no PATH or venv needed)."""
    import PySide6

    folder = Path(PySide6.__file__).parent
    for candidate in (folder / name, folder / f"{name}.exe", folder / "Qt" / "libexec" / name):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"{name} not found: install PySide6-Essentials")
    return found


def ui_sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in SOURCES.rglob("*.py"))


def ts_path(lang: str) -> Path:
    return TRANSLATIONS / f"orgdesigner_{lang}.ts"


def qm_path(lang: str) -> Path:
    return TRANSLATIONS / f"orgdesigner_{lang}.qm"


def run(command: list[str]) -> None:
    """Run a Qt tool; its own words on failure (one retry: lupdate rarely fails spuriously)."""
    for _attempt in (1, 2):
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
        if done.returncode == 0:
            return
    raise SystemExit(
        f"{Path(command[0]).name} failed: {(done.stderr or done.stdout).strip()[:2000]}"
    )


def lupdate(ts: Path, extra: list[str]) -> None:
    run(
        [
            tool("lupdate"),
            "-silent",
            "-locations",
            "none",
            "-no-obsolete",
            "-target-language",
            ts.stem.split("_", 1)[1],
            *extra,
            *ui_sources(),
            "-ts",
            str(ts),
        ]
    )


def lrelease(ts: Path, qm: Path) -> None:
    run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)])


def untranslated(ts: Path) -> list[Untranslated]:
    """Messages lupdate left unfinished (new or changed source) or with an empty translation."""
    out = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None:
                continue
            forms = [f.text for f in translation.iter("numerusform")] or [translation.text]
            if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(forms):
                if translation.get("type") in ("vanished", "obsolete"):
                    continue
                out.append(Untranslated(name, message.findtext("source") or ""))
    return out


def messages(ts: Path) -> dict[tuple[str, str, str], list[str]]:
    """(context, source, comment) -> translation forms, for the current (not vanished) messages."""
    out = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") in ("vanished", "obsolete"):
                continue
            forms = [f.text or "" for f in translation.iter("numerusform")] or [
                translation.text or ""
            ]
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            out[key] = forms
    return out


def stale_qm(lang: str) -> list[str]:
    """The messages the committed .qm does not translate as the committed .ts says.

    Compared by what Qt looks up, not byte for byte, so another lrelease version
    writing the same translations differently does not count as stale.
    """
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    if not qm_path(lang).exists() or not translator.load(str(qm_path(lang))):
        return ["(the file is missing or unreadable)"]
    wrong = []
    for (context, source, comment), forms in messages(ts_path(lang)).items():
        if not forms[0]:
            continue
        n = 1 if len(forms) > 1 else -1
        got = translator.translate(context, source, comment or None, n)
        if got != forms[0]:
            wrong.append(f"{context or '(module)'}: {source!r}")
    return wrong


def check() -> list[str]:
    """Every problem as a line; the committed files are not touched."""
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        for lang, extra in LANGUAGES.items():
            copy = Path(tmp) / ts_path(lang).name
            if ts_path(lang).exists():
                shutil.copy(ts_path(lang), copy)
            lupdate(copy, extra)
            problems += [f"untranslated in {ts_path(lang).name}: {u}" for u in untranslated(copy)]
            if ts_path(lang).exists() and set(messages(copy)) != set(messages(ts_path(lang))):
                problems.append(
                    f"{ts_path(lang).name} is not up to date with ui/: "
                    "run python tools/update_translations.py"
                )
            problems += [
                f"{qm_path(lang).name} is older than its .ts ({m}): "
                "run python tools/update_translations.py"
                for m in stale_qm(lang)
            ]
    return problems


def update() -> list[Untranslated]:
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    left = []
    for lang, extra in LANGUAGES.items():
        lupdate(ts_path(lang), extra)
        lrelease(ts_path(lang), qm_path(lang))
        left += untranslated(ts_path(lang))
    return left


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report only; exit 1 on any problem")
    args = parser.parse_args(argv)
    if args.check:
        problems = check()
        print("\n".join(problems) or "translations complete and compiled")
        return 1 if problems else 0
    left = update()
    for item in left:
        print(f"untranslated: {item}")
    print(
        f"updated {', '.join(ts_path(lang).name for lang in LANGUAGES)}; "
        f"{len(left)} string{'' if len(left) == 1 else 's'} left to translate"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
