"""Shared sizes of the chart, in scene units (1 unit = 1 px at 100% zoom = 1 pt in PDF).

The canvas, the auto layout and the PDF/SVG renderers use the same box size,
so what the user arranged prints as it looks.
"""

BOX_W = 180.0
BOX_H = 70.0
H_GAP = 40.0  # between neighbouring boxes on one level
V_GAP = 80.0  # between levels
STACK_GAP = 16.0  # between boxes of a compact stack of leaf children
STACK_INDENT = 24.0
