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


def lupdate(ts: Path, extra: list[str]) -> None:
    subprocess.run([tool("lupdate"), "-silent", "-locations", "none", "-no-obsolete",
                    "-target-language", ts.stem.split("_", 1)[1], *extra, *ui_sources(),
                    "-ts", str(ts)], cwd=ROOT, check=True, capture_output=True)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True,
                   capture_output=True)


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


def stale_qm(lang: str) -> bool:
    """True when compiling the committed .ts would not give the committed .qm."""
    qm = qm_path(lang)
    if not qm.exists():
        return True
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / qm.name
        lrelease(ts_path(lang), fresh)
        return fresh.read_bytes() != qm.read_bytes()


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
            if ts_path(lang).exists() and copy.read_bytes() != ts_path(lang).read_bytes():
                problems.append(f"{ts_path(lang).name} is not up to date with ui/: "
                                "run python tools/update_translations.py")
            if stale_qm(lang):
                problems.append(f"{qm_path(lang).name} is missing or older than its .ts: "
                                "run python tools/update_translations.py")
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
    print(f"updated {', '.join(ts_path(lang).name for lang in LANGUAGES)}; "
          f"{len(left)} string{'' if len(left) == 1 else 's'} left to translate")
    return 0


if __name__ == "__main__":
    sys.exit(main())
