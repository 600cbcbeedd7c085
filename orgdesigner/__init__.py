"""Org Designer core: the Qt-free model, storage, validation and export.

Nothing in this package may import Qt; `tests/core/test_layering.py` and the
import-linter contract in `pyproject.toml` enforce that.
"""

__version__ = "0.1.0"
APP_NAME = "Org Designer"
