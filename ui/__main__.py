"""`python -m ui [DESIGN.db]`: start the editor (the same as `orgdesigner-gui`)."""

import sys

from .launcher import run

sys.exit(run())
