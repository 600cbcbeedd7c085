"""The headless command line: `python -m orgdesigner COMMAND ...` (no Qt).

Exit codes: 0 success; 1 `validate` found errors; 2 unusable input or usage
(one line on stderr naming the file and the problem); 3 an internal error
(a bug: rerun with --debug for the traceback).
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from pathlib import Path
from typing import Sequence

from . import __version__
from .commands import COMMANDS
from .commands.common import SafeStream, safe_text
from .errors import OrgDesignerError
from .fileutil import describe_os_error

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m orgdesigner",
        description="Org Designer: create, inspect, convert and check org design files.",
    )
    parser.add_argument("--version", action="version", version=f"Org Designer {__version__}")
    parser.add_argument("--debug", action="store_true", help="show a traceback on errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in COMMANDS:
        module.register(sub)
    return parser


def _asked_for_chinese(args: argparse.Namespace, argv: Sequence[str] | None) -> bool:
    """True when the command line itself says --lang zh (not a command's default)."""
    words = list(sys.argv[1:] if argv is None else argv)
    given = any(w == "--lang" or w.startswith("--lang=") for w in map(str, words))
    return given and getattr(args, "lang", None) == "zh"


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    stdout = sys.stdout
    sys.stdout = SafeStream(stdout)  # file content never reaches the terminal raw
    try:
        return int(args.run(args) or EXIT_OK)
    except OrgDesignerError as exc:
        if args.debug:
            traceback.print_exc()
        if _asked_for_chinese(args, argv):  # --lang zh given: the error too, one line
            print(f"错误：{safe_text(exc.text('zh'))}", file=sys.stderr)
        else:
            print(f"error: {safe_text(exc)}", file=sys.stderr)
        return EXIT_INPUT
    except BrokenPipeError:  # `... | head` stopped reading: not an error of ours
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), stdout.fileno())
        except (OSError, ValueError):
            pass
        return EXIT_OK
    except OSError as exc:  # a file operation the system refused: input/environment, not a bug
        if args.debug:
            traceback.print_exc()
        name = Path(exc.filename).name if exc.filename else "a file"
        print(f"error: {safe_text(name)}: {describe_os_error(exc)}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return EXIT_INPUT
    except Exception as exc:  # a bug: still no traceback unless asked for
        if args.debug:
            traceback.print_exc()
        print(
            f"error: internal error ({type(exc).__name__}: {safe_text(exc)}); rerun with --debug",
            file=sys.stderr,
        )
        return EXIT_INTERNAL
    finally:
        sys.stdout = stdout
