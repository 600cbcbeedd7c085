"""Changing the scenarios of a design file from the command line, as safely as the editor.

Each change opens the file as a document (lock, private working copy), makes
the change and saves through the verified save with its conflict check, so
a colleague's open copy or save is never overwritten and no scenario is lost.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from . import storage
from .design import Design
from .document import DesignDocument
from .errors import OrgDesignerError
from .scenarios import ScenarioError, ScenarioInfo, ScenarioSet


@contextmanager
def editing(path: Path) -> Iterator[DesignDocument]:
    """Open `path` for editing, yield it, save if the body succeeded; always close."""
    doc = DesignDocument.open(path, heartbeat=False)
    try:
        if not doc.state.editable:
            raise OrgDesignerError(f"{path.name}: cannot be changed: {doc.state.read_only_reason}")
        try:
            yield doc
        except ScenarioError as exc:
            raise OrgDesignerError(f"{path.name}: {exc}") from None
        doc.save()
    finally:
        doc.close()


def add_scenario(path: Path, design: Design, name: str) -> None:
    """Add `design` as scenario `name` to the file at `path`, or create the file with it."""
    if not path.exists():
        design.scenario = ScenarioInfo(name=name)
        storage.save(ScenarioSet.single(design), path)
        return
    with editing(path) as doc:
        doc.add_scenario(design, name)


def copy_scenario(path: Path, name: str, new_name: str) -> None:
    with editing(path) as doc:
        doc.copy_scenario(name, new_name)


def rename_scenario(path: Path, name: str, new_name: str) -> None:
    with editing(path) as doc:
        doc.rename_scenario(name, new_name)


def delete_scenario(path: Path, name: str) -> None:
    with editing(path) as doc:
        doc.delete_scenario(name)
