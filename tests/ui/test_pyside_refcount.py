"""Regression for the PySide6 6.12.0 refcount-of-None trap (DESIGN.md section 4).

On an affected PySide6 with CPython 3.11, many `QGraphicsItem.setPos` calls
abort the interpreter with `Fatal Python error: none_dealloc`; the canvas
makes such calls on every drag. Run in a subprocess so an abort fails this
test instead of killing the test run.
"""

import os
import subprocess
import sys

SCRIPT = """
from PySide6.QtWidgets import QApplication, QGraphicsRectItem, QGraphicsScene, QGraphicsItem
app = QApplication([])
scene = QGraphicsScene()
item = QGraphicsRectItem(0, 0, 10, 10)
scene.addItem(item)
for i in range(100_000):
    item.setPos(i % 500, i % 300)
    if i % 10 == 0:
        item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, bool(i % 20))
print("done", item.pos().x())
"""


def test_100k_setpos_calls_do_not_abort():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.startswith("done")
