"""The main window (placeholder until the editor issue): open a design, list its departments."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog, QMainWindow, QMessageBox, QTreeWidget, QTreeWidgetItem,
)

from orgdesigner.design import Design
from orgdesigner.errors import OrgDesignerError
from orgdesigner.formats import read_design


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.design: Design | None = None
        self.path: Path | None = None
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Department"), self.tr("Leader"), self.tr("Headcount")])
        self.setCentralWidget(self.tree)
        menu = self.menuBar().addMenu(self.tr("&File"))
        menu.addAction(self.tr("&Open..."), self._on_open)
        menu.addAction(self.tr("&Quit"), self.close)
        self.resize(900, 600)
        self._update_title()

    def _on_open(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Open design"), "",
                                              self.tr("Design files (*.db);;JSON (*.json)"))
        if name:
            self.open_file(Path(name))

    def open_file(self, path: Path) -> bool:
        try:
            design = read_design(path)
        except OrgDesignerError as exc:
            QMessageBox.warning(self, self.tr("Cannot open design"), str(exc))
            return False
        self.design, self.path = design, path
        self._fill()
        self._update_title()
        return True

    def _fill(self) -> None:
        self.tree.clear()
        items: dict[str, QTreeWidgetItem] = {}
        assert self.design is not None
        stack = [(None, d.id) for d in reversed(self.design.roots())]
        while stack:
            parent, dept_id = stack.pop()
            dept = self.design.departments[dept_id]
            item = QTreeWidgetItem([dept.name, dept.leader, f"{dept.headcount:g}"])
            if parent is None:
                self.tree.addTopLevelItem(item)
            else:
                items[parent].addChild(item)
            items[dept_id] = item
            stack.extend((dept_id, c) for c in reversed(self.design.child_ids(dept_id)))
        self.tree.expandAll()

    def _update_title(self) -> None:
        name = self.path.name if self.path else self.tr("Untitled")
        self.setWindowTitle(f"{name} - Org Designer")
