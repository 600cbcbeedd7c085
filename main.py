"""Start the Org Designer GUI: `python main.py [DESIGN.db]` (`--help` for the options)."""

import sys

from ui.launcher import run

if __name__ == "__main__":
    sys.exit(run())
