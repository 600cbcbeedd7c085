"""Start the Org Designer GUI: `python main.py [DESIGN.db]`."""

import sys

from ui.app import main

if __name__ == "__main__":
    sys.exit(main(sys.argv))
