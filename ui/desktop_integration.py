"""Per-user desktop integration on Linux and other freedesktop systems (no Qt needed).

`orgdesigner-gui --install-desktop` copies the launcher entry, the icon and the
MIME type of design files under `$XDG_DATA_HOME` (default `~/.local/share`);
`--uninstall-desktop` removes exactly those files. Windows and macOS take the
same information from the installer/app bundle (see README).
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from orgdesigner.package_data import RESOURCES

APP_ID = "orgdesigner"
MIME_TYPE = "application/x-orgdesigner"
PNG_SIZES = (16, 32, 48, 64, 128, 256)


def data_home() -> Path:
    """The freedesktop per-user data folder (`$XDG_DATA_HOME`, default ~/.local/share)."""
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if os.path.isabs(value) else Path.home() / ".local" / "share"


def launch_command() -> list[str]:
    """How a desktop session should start this very installation of the editor."""
    if getattr(sys, "frozen", False):  # the PyInstaller app
        return [sys.executable]
    script = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if script is not None and script.stem == "orgdesigner-gui" and script.exists():
        return [str(script.resolve())]
    checkout = Path(__file__).resolve().parent.parent / "main.py"
    if checkout.is_file():  # a checkout or an editable install: its own main.py
        return [sys.executable, str(checkout)]
    found = shutil.which("orgdesigner-gui")
    return [found] if found else [sys.executable, "-m", "ui"]


def _desktop_entry(command: list[str]) -> str:
    text = (RESOURCES / "desktop" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    exec_line = " ".join(shlex.quote(part) for part in command)
    lines = []
    for line in text.splitlines():
        if line.startswith("Exec="):
            line = f"Exec={exec_line} %f"
        elif line.startswith("TryExec="):
            line = f"TryExec={command[0]}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def installed_files(base: Path | None = None) -> dict[Path, Path | None]:
    """Target -> shipped source (None: generated) for every file the integration writes."""
    base = base or data_home()
    icons = RESOURCES / "icons"
    files: dict[Path, Path | None] = {
        base / "applications" / f"{APP_ID}.desktop": None,
        base / "mime" / "packages" / f"{APP_ID}.xml": RESOURCES / "desktop" / f"{APP_ID}-mime.xml",
        base / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg": icons / f"{APP_ID}.svg",
    }
    for size in PNG_SIZES:
        files[base / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"] = (
            icons / f"{APP_ID}-{size}.png"
        )
    return files


def _refresh_caches(base: Path) -> None:
    """Let the desktop notice at once; the tools are optional, their absence is no error."""
    for tool, folder in (
        ("update-mime-database", base / "mime"),
        ("update-desktop-database", base / "applications"),
        ("gtk-update-icon-cache", base / "icons" / "hicolor"),
    ):
        exe = shutil.which(tool)
        if exe and folder.is_dir():
            extra = ["-q", "-t", "-f"] if tool == "gtk-update-icon-cache" else []
            subprocess.run(
                [exe, *extra, str(folder)],
                check=False,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )


def install(base: Path | None = None) -> list[Path]:
    """Write the launcher entry, icons and MIME type for this user; returns what was written."""
    base = base or data_home()
    written = []
    for target, source in installed_files(base).items():
        target.parent.mkdir(parents=True, exist_ok=True)
        if source is None:
            target.write_text(_desktop_entry(launch_command()), encoding="utf-8")
        else:
            shutil.copyfile(source, target)
        written.append(target)
    _refresh_caches(base)
    return written


def uninstall(base: Path | None = None) -> list[Path]:
    """Remove what `install` wrote (nothing else); returns what was removed."""
    base = base or data_home()
    removed = []
    for target in installed_files(base):
        if target.exists():
            target.unlink()
            removed.append(target)
    _refresh_caches(base)
    return removed
