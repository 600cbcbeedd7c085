"""The GUI's command line: `orgdesigner-gui`, `python -m ui`, `python main.py`.

Options are read before Qt is imported, so `--version` and the desktop
integration work without a display and start at once.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Sequence

from orgdesigner import APP_NAME, __version__

# Qt's own options that take a value; passed through to QApplication.
_QT_VALUE_OPTIONS = ("-platform", "-style", "-display", "-qwindowgeometry", "-qwindowtitle")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="orgdesigner-gui", description=f"{APP_NAME}: the desktop editor."
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument("file", nargs="?", type=Path, help="a design file (.db) to open")
    parser.add_argument(
        "--template",
        metavar="ID",
        help="start with a new design from a template (see `orgdesigner templates`)",
    )
    parser.add_argument(
        "--install-desktop",
        action="store_true",
        help="add Org Designer to this user's application menu and file types",
    )
    parser.add_argument(
        "--uninstall-desktop", action="store_true", help="remove what --install-desktop added"
    )
    parser.add_argument(
        "--check-startup",
        action="store_true",
        help="start, open FILE or --template, draw the window once, print what "
        "it shows and exit (a smoke test for installs and builds)",
    )
    for option in _QT_VALUE_OPTIONS:
        parser.add_argument(option, dest=option.strip("-"), help=argparse.SUPPRESS)
    return parser


def _qt_argv(args: argparse.Namespace) -> list[str]:
    argv = [sys.argv[0] if sys.argv else "orgdesigner-gui"]
    for option in _QT_VALUE_OPTIONS:
        value = getattr(args, option.strip("-"))
        if value is not None:
            argv += [option, value]
    return argv


def run(argv: Sequence[str] | None = None) -> int:
    """The `orgdesigner-gui` entry point; returns the process exit code."""
    args = build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    if args.install_desktop or args.uninstall_desktop:
        from . import desktop_integration

        if args.install_desktop:
            written = desktop_integration.install()
            print(f"installed {len(written)} files under {desktop_integration.data_home()}")
        else:
            removed = desktop_integration.uninstall()
            print(f"removed {len(removed)} files under {desktop_integration.data_home()}")
        return 0
    from .app import start

    return start(
        _qt_argv(args), file=args.file, template=args.template, check_startup=args.check_startup
    )
