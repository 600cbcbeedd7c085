"""Render a whole chart offscreen to a PNG: it is not blank and shows every box."""

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

import pytest

from orgdesigner.layout import tidy_layout
from orgdesigner.templates import load_template
from ui.canvas import OrgScene
from ui.canvas.department_item import DepartmentItem
from ui.canvas.style import band_rect
from ui.context import EditorContext
from tests.ui.editor_fixtures import sample_design


def render(scene: OrgScene, path) -> QImage:
    rect = QRectF()
    for item in scene.boxes.values():
        rect = rect.united(item.scene_rect())
    rect = rect.adjusted(-20, -20, 20, 20)
    image = QImage(int(rect.width()), int(rect.height()), QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    scene.render(painter, QRectF(image.rect()), rect)
    painter.end()
    assert image.save(str(path))
    return image


@pytest.mark.parametrize("template_id", ["mid_large", "divisional"])
def test_template_renders_to_a_png_with_every_box(qtbot, tmp_path, template_id):
    design = load_template(template_id, "zh")
    check_render(design, tmp_path, expected_boxes=len(design.departments))
    assert len(design.departments) >= 8


def test_laid_out_chart_renders_every_box(qtbot, tmp_path):
    design = sample_design()
    design.move_departments(tidy_layout(design))
    check_render(design, tmp_path, expected_boxes=4)


def check_render(design, tmp_path, expected_boxes: int) -> None:
    scene = OrgScene()
    scene.set_context(EditorContext.create(design))
    image = render(scene, tmp_path / "chart.png")
    assert (tmp_path / "chart.png").stat().st_size > 1000
    boxes = [i for i in scene.items() if isinstance(i, DepartmentItem)]
    assert len(boxes) == expected_boxes
    assert len(scene.reporting) == sum(1 for d in design.departments.values() if d.parent)
    assert len(scene.links) == len(design.links)
    origin = (
        min(i.scene_rect().left() for i in boxes) - 20,
        min(i.scene_rect().top() for i in boxes) - 20,
    )
    white = QColor(Qt.GlobalColor.white).rgb()
    for item in boxes:  # each box's colour band is drawn where the box is
        band = band_rect(item.kind, item.rect()).translated(item.pos()).center()
        px = image.pixelColor(int(band.x() - origin[0]), int(band.y() - origin[1]))
        assert px.rgb() != white and px == QColor(design.departments[item.dept_id].color)
    inked = sum(
        1
        for x in range(0, image.width(), 4)
        for y in range(0, image.height(), 4)
        if image.pixel(x, y) != white
    )
    assert inked > 0.05 * (image.width() // 4) * (image.height() // 4)


def test_findings_badge_appears_on_the_department_named_by_a_finding(qtbot):
    from ui.findings_service import FindingsService

    design = load_template("mid_large", "zh")
    ctx = EditorContext.create(design)
    scene = OrgScene()
    scene.set_context(ctx)
    service = FindingsService(delay_ms=0)
    service.changed.connect(lambda _: scene.set_findings(service.badges()))
    service.set_context(ctx)
    target = next(d for d in design.departments.values() if d.leader)
    assert scene.boxes[target.id].badge is None or all(
        target.id not in f.objects or f.rule != "no-leader" for f in service.findings
    )
    from orgdesigner.ops import UpdateDepartment

    ctx.apply(UpdateDepartment(target.id, {"leader": ""}))
    qtbot.waitUntil(
        lambda: any(f.rule == "no-leader" and target.id in f.objects for f in service.findings),
        timeout=2000,
    )
    assert scene.boxes[target.id].badge is not None
    ctx.undo_stack.undo()
    qtbot.waitUntil(
        lambda: not any(f.rule == "no-leader" and target.id in f.objects for f in service.findings),
        timeout=2000,
    )


def test_a_large_headcount_reads_as_a_number_on_the_box(qtbot):
    from orgdesigner.entities import Department
    from ui.canvas.department_item import DepartmentItem

    item = DepartmentItem(Department(name="集团", headcount=1_000_000), language="zh")
    assert "1,000,000 人" in item.detail and "e+" not in item.detail
