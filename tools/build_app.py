"""Build the standalone one-folder app with PyInstaller: `python tools/build_app.py`.

Output: `dist/OrgDesigner/` with the `orgdesigner-gui` executable (`.exe` on
Windows) and everything it needs: Python, the PySide6 modules the editor
imports (PyInstaller's own PySide6 hooks collect their plugins and Qt's
translations), ReportLab with its fonts, and our `resources/` as the package
`orgdesigner.resources` (catalogue, templates, icons, our translations). The CJK
font search in `orgdesigner/fonts.py` runs unchanged in the app: it finds a
system TrueType CJK font or falls back to ReportLab's built-in `STSong-Light`.

`--smoke` then starts the built app headless (`--version`, and opening a
template under the offscreen platform) and prints the folder size and the
start time: what CI checks and the README records.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAME = "OrgDesigner"
EXE = "orgdesigner-gui"

# Imported by nothing the editor uses; left out to keep the folder small.
EXCLUDES = [
    "tkinter",
    "pytest",
    "hypothesis",
    "_pytest",
    "pytestqt",
    "importlinter",
    "mypy",
    "IPython",
    "numpy",
    "matplotlib",
    "PySide6.QtNetwork",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtOpenGL",
]


def build(dist: Path, work: Path) -> Path:
    """Run PyInstaller; returns the app folder."""
    sep = os.pathsep
    icon = ROOT / "resources" / "icons" / "orgdesigner-256.png"
    cmd = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--onedir",
        "--windowed",
        "--name",
        NAME,
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        "--specpath",
        str(work),
        "--paths",
        str(ROOT),
        "--add-data",
        f"{ROOT / 'resources'}{sep}orgdesigner/resources",
        "--collect-data",
        "reportlab",
        "--collect-data",
        "pptx",
        "--collect-data",
        "pypinyin",
        "--collect-submodules",
        "orgdesigner",
        "--collect-submodules",
        "ui",
        "--hidden-import",
        "_rl_accel",
        "--log-level",
        "WARN",
    ]
    if sys.platform != "darwin" or shutil.which("sips"):  # PyInstaller converts PNG via Pillow
        cmd += ["--icon", str(icon)]
    for module in EXCLUDES:
        cmd += ["--exclude-module", module]
    subprocess.run([*cmd, str(ROOT / "main.py")], check=True, cwd=ROOT)
    app = dist / NAME
    exe = app / (NAME + (".exe" if os.name == "nt" else ""))
    target = app / (EXE + (".exe" if os.name == "nt" else ""))
    if exe.exists() and sys.platform != "darwin":
        exe.replace(target)
    return app


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def smoke(app: Path) -> None:
    """Start the built app headless, as CI does; raise if it does not work."""
    exe = app / (EXE + (".exe" if os.name == "nt" else ""))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONPATH", None)
    version = subprocess.run(
        [exe, "--version"], env=env, capture_output=True, text=True, timeout=60, check=True
    ).stdout.strip()
    print(f"smoke: {version}")
    started = time.perf_counter()
    result = subprocess.run(
        [exe, "--check-startup", "--template", "mid_large"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    wall = time.perf_counter() - started
    if result.returncode != 0 or not result.stdout.startswith("ok: "):
        raise SystemExit(
            f"smoke: the built app did not open a template:\n{result.stdout}{result.stderr}"
        )
    print(f"smoke: {result.stdout.strip()} (process {wall:.2f} s)")
    print(f"size: {folder_size(app) / 1e6:.0f} MB in {app}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller")
    parser.add_argument("--smoke", action="store_true", help="start the built app headless")
    args = parser.parse_args(argv)
    app = build(args.dist.resolve(), args.work.resolve())
    print(f"built {app}")
    if args.smoke:
        smoke(app)
    return 0


if __name__ == "__main__":
    sys.exit(main())
