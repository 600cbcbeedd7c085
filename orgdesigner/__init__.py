"""Org Designer core: the Qt-free model, storage, validation and export.

Nothing in this package may import Qt; `tests/core/test_layering.py` and the
import-linter contracts in `pyproject.toml` enforce that.

For scripts: `from orgdesigner import open_design, validate, export_pdf,
import_table, save_design` (see `orgdesigner.api`). They are loaded on first
use, so `import orgdesigner` itself stays cheap.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
APP_NAME = "Org Designer"

__all__ = [
    "APP_NAME",
    "__version__",
    "export_pdf",
    "import_table",
    "open_design",
    "save_design",
    "validate",
]
_API = {"export_pdf", "import_table", "open_design", "save_design", "validate"}


def __getattr__(name: str) -> Any:
    if name in _API:
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'orgdesigner' has no attribute {name!r}")
