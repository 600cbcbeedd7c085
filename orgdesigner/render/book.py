"""The chart book: the reporting tree split into pages by branch, each page at a readable scale.

Planned bottom-up: every unit's branch is laid out as a block (its box, a bus,
its children side by side, leaf children stacked in columns); a child whose
branch makes the block too big for a page is cut off and becomes a page of its
own, leaving a stub box on its manager's page that says where it continues.
Cut-off siblings (and the roots of a forest) are packed onto shared pages
(first-fit decreasing shelves), so small branches do not get a page each. A unit
with more leaf children than a page holds is continued over several pages.
Pure geometry in scene units (no ReportLab): the PDF, the printer and the
PowerPoint writer draw the same plan.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from ..design import Design
from ..geometry import BOX_H, BOX_W
from ..staffunits import is_staff as is_staff  # the stored flag (Department.staff)
from ..staffunits import staff_beside
from .book_pack import REF_HEAD_PT, REF_LINE_PT, pack

Point = tuple[float, float]

ROW_GAP = 20.0  # between blocks / boxes side by side
LEVEL_GAP = 36.0  # parent bottom to children top (the bus runs half way)
STACK_INDENT = 18.0  # rail to box in a stacked column
COL_GAP = 10.0  # between stacked columns
STACK_GAP = 10.0  # between boxes of a stacked column
STACK_MIN = 4  # this many leaf children or more are stacked in columns
COL_PITCH = STACK_INDENT + BOX_W + COL_GAP
ROW_PITCH = BOX_H + STACK_GAP
MERGE_RUNS = True
CRUMB_PT = 12.0  # page points above the chart for the breadcrumb


@dataclass(slots=True)
class Placed:
    """A box on a page, scene units from the top-left of the page's chart area."""

    id: str
    x: float
    y: float
    stub: bool = False  # a continuation stub: the unit's own box is on another page


@dataclass(slots=True)
class Tie:
    """A reporting line on a page, for writers that connect shapes rather than draw lines
    (PowerPoint): the manager (None on a continued page of a wide unit, whose box is on an
    earlier page), the unit, how it hangs and where its line bends (scene units)."""

    parent: str | None
    child: str
    kind: str  # "row": down to the bus at `at`, down to the top; "column": bus, rail at `rail`,
    # then right into the box's left side; "staff": right to the rail at `rail`, down, right
    at: float = 0.0
    rail: float = 0.0


@dataclass
class BookPage:
    manager: str | None  # the unit whose branches this page continues (None: the top)
    roots: list[str]  # units at the top of the page's blocks
    boxes: list[Placed] = field(default_factory=list)
    connectors: list[list[Point]] = field(default_factory=list)
    ties: list[Tie] = field(default_factory=list)  # the same lines as manager -> unit pairs
    part: tuple[int, int] | None = None  # (i, n): page i of a wide unit continued over n pages
    fill: float = 0.0  # share of the chart area covered by the blocks
    refs: list[tuple[str, str, str]] = field(default_factory=list)  # own unit, other unit, link id
    run_end: bool = False  # the last page of a run (cut-off branches packed together)
    width: float = 0.0  # scene extent actually used
    height: float = 0.0


@dataclass
class Book:
    pages: list[BookPage]
    scale: float  # points per scene unit
    area: tuple[float, float]  # scene width, height of a page's chart area
    page_of: dict[str, int]  # unit id -> index of the page showing its own box
    stub_page: dict[str, int]  # unit id -> index of the page showing its stub
    drawn_links: list[list[str]] = field(default_factory=list)  # per page: links drawn on it

    @property
    def fills(self) -> list[float]:
        return [p.fill for p in self.pages]


# ------------------------------------------------------------------ one unit's block
@dataclass(slots=True)
class _Arrangement:
    w: float
    h: float
    elements: list[tuple]  # ("sub", id, x, w) | ("leaf", id, x) | ("cols", [[ids]...], x)
    staff: list[str] = field(default_factory=list)  # beside the manager, not in the row
    head_h: float = BOX_H  # the manager's box with its staff column


def _arrange(
    kids: list[tuple[str, float, float, bool]],
    rows_max: int,
    cols_max: int,
    with_parent: bool = True,
    staff: list[str] | None = None,
) -> _Arrangement | None:
    """Children in a row under their manager; leaves stacked in columns when there are many;
    staff units in a column beside the manager.

    kids: (id, w, h, is_leaf). None when the leaves need more columns than a page has.
    """
    staff = staff or []
    leaves = [k[0] for k in kids if k[3]]
    subs = [k for k in kids if not k[3]]
    elements: list[tuple] = []
    x = 0.0
    deepest = 0.0
    for kid_id, w, h, _ in subs:
        elements.append(("sub", kid_id, x, w))
        x += w + ROW_GAP
        deepest = max(deepest, h)
    if len(leaves) >= STACK_MIN or (leaves and not subs and len(leaves) > cols_max):
        n = len(leaves)
        rows = max(math.ceil(math.sqrt(6 * n)), math.ceil(n / cols_max), 1)
        rows = min(rows, max(rows_max, 1))
        cols = math.ceil(n / rows)
        if cols > cols_max:
            return None
        rows = math.ceil(n / cols)
        columns = [leaves[i * rows : (i + 1) * rows] for i in range(cols)]
        elements.append(("cols", columns, x))
        x += cols * COL_PITCH - COL_GAP + ROW_GAP
        deepest = max(deepest, rows * ROW_PITCH - STACK_GAP)
    else:
        for kid_id in leaves:
            elements.append(("leaf", kid_id, x))
            x += BOX_W + ROW_GAP
            deepest = max(deepest, BOX_H)
    width = max(x - ROW_GAP, BOX_W)
    head_h = max(BOX_H, len(staff) * ROW_PITCH - STACK_GAP)
    if staff:  # the manager and its staff column side by side (the manager moves left if needed)
        width = max(width, 2 * BOX_W + ROW_GAP)
    if not elements:
        return _Arrangement(width, head_h if with_parent else 0.0, elements, staff, head_h)
    top = (head_h + LEVEL_GAP) if with_parent else LEVEL_GAP / 2
    return _Arrangement(width, top + deepest, elements, staff, head_h)


class _Planner:
    def __init__(self, design: Design, area: tuple[float, float], scale: float):
        self.design = design
        self.W, self.H = area
        self.scale = scale
        self.kids: dict[str, list[str]] = {d: design.child_ids(d) for d in design.departments}
        self.staff: set[str] = set()
        for kids in self.kids.values():  # the units the user marked, as every chart shows them
            self.staff.update(staff_beside(design, kids))
        self.cut: set[str] = set()
        self.oversized: set[str] = set()
        self.size: dict[str, tuple[float, float]] = {}
        self.rows_max = max(1, int((self.H - BOX_H - LEVEL_GAP + STACK_GAP) // ROW_PITCH))
        self.cols_max = max(1, int((self.W + COL_GAP) // COL_PITCH))
        self.block_h = self.H - (3 * REF_LINE_PT + REF_HEAD_PT) / scale  # room for a few link refs

    # -- sizes and cuts, bottom-up
    def _kid_tuples(self, v: str) -> list[tuple[str, float, float, bool]]:
        out = []
        for k in self.kids[v]:
            if k in self.staff:
                continue
            if k in self.cut or not self.kids[k]:
                out.append((k, BOX_W, BOX_H, True))
            else:
                w, h = self.size[k]
                out.append((k, w, h, False))
        return out

    def arrangement(self, v: str) -> _Arrangement | None:
        return _arrange(
            self._kid_tuples(v),
            self.rows_max,
            self.cols_max,
            staff=[k for k in self.kids[v] if k in self.staff],
        )

    def size_all(self) -> None:
        order: list[str] = []
        stack = [d.id for d in self.design.roots()]
        while stack:
            v = stack.pop()
            order.append(v)
            stack.extend(self.kids[v])
        for v in reversed(order):
            if not self.kids[v]:
                self.size[v] = (BOX_W, BOX_H)
                continue
            for k in self.kids[v]:
                if k in self.oversized:
                    self.cut.add(k)
            while True:
                arr = self.arrangement(v)
                if arr is not None and arr.w <= self.W and arr.h <= self.block_h:
                    self.size[v] = (arr.w, arr.h)
                    break
                subs = [
                    (self.size[k][0] * self.size[k][1], k)
                    for k in self.kids[v]
                    if k not in self.cut and self.kids[k]
                ]
                if not subs:
                    self.oversized.add(v)
                    self.size[v] = (self.W, self.H)
                    break
                self.cut.add(max(subs)[1])

    # -- geometry of one block, top-down
    def place(self, root: str, x0: float, y0: float, page: BookPage) -> None:
        work = [(root, x0, y0)]
        while work:
            v, bx, by = work.pop()
            w, _ = self.size[v]
            vx = bx + (w - BOX_W) / 2
            if not self.kids[v]:
                page.boxes.append(Placed(v, vx, by))
                continue
            arr = self.arrangement(v)
            assert arr is not None
            if arr.staff:
                vx = bx + min((w - BOX_W) / 2, w - 2 * BOX_W - ROW_GAP)
            page.boxes.append(Placed(v, vx, by))
            if arr.staff:
                rail = vx + BOX_W + ROW_GAP / 2
                mid = by + BOX_H / 2
                last = by + (len(arr.staff) - 1) * ROW_PITCH + BOX_H / 2
                page.connectors.append([(vx + BOX_W, mid), (rail, mid), (rail, last)])
                for i, kid in enumerate(arr.staff):
                    sy = by + i * ROW_PITCH
                    page.connectors.append(
                        [(rail, sy + BOX_H / 2), (vx + BOX_W + ROW_GAP, sy + BOX_H / 2)]
                    )
                    page.boxes.append(Placed(kid, vx + BOX_W + ROW_GAP, sy))
                    page.ties.append(Tie(v, kid, "staff", rail=rail))
            if arr.elements:
                work.extend(
                    self._children(
                        arr, bx, by + arr.head_h + LEVEL_GAP, vx + BOX_W / 2, by + BOX_H, page, v
                    )
                )

    def _children(
        self,
        arr: _Arrangement,
        bx: float,
        top: float,
        px: float | None,
        p_bottom: float,
        page: BookPage,
        parent: str | None = None,
    ) -> list[tuple[str, float, float]]:
        """Place the elements of an arrangement; return the sub-blocks still to place."""
        bus = top - LEVEL_GAP / 2
        anchors = [] if px is None else [px]
        todo = []
        for element in arr.elements:
            if element[0] == "sub":
                _, kid, ex, ew = element
                anchors.append(bx + ex + ew / 2)
                page.connectors.append([(bx + ex + ew / 2, bus), (bx + ex + ew / 2, top)])
                todo.append((kid, bx + ex, top))
                page.ties.append(Tie(parent, kid, "row", bus))
            elif element[0] == "leaf":
                _, kid, ex = element
                cx = bx + ex + BOX_W / 2
                anchors.append(cx)
                page.connectors.append([(cx, bus), (cx, top)])
                page.boxes.append(Placed(kid, bx + ex, top, kid in self.cut))
                page.ties.append(Tie(parent, kid, "row", bus))
            else:
                _, columns, ex = element
                for i, column in enumerate(columns):
                    cx = bx + ex + i * COL_PITCH
                    rail = cx + STACK_INDENT / 2
                    anchors.append(rail)
                    last_mid = top + (len(column) - 1) * ROW_PITCH + BOX_H / 2
                    page.connectors.append([(rail, bus), (rail, last_mid)])
                    for j, kid in enumerate(column):
                        y = top + j * ROW_PITCH
                        page.connectors.append(
                            [(rail, y + BOX_H / 2), (cx + STACK_INDENT, y + BOX_H / 2)]
                        )
                        page.boxes.append(Placed(kid, cx + STACK_INDENT, y, kid in self.cut))
                        page.ties.append(Tie(parent, kid, "column", bus, rail))
        if px is not None:
            page.connectors.append([(px, p_bottom), (px, bus)])
        if anchors:
            page.connectors.append([(min(anchors), bus), (max(anchors), bus)])
        return todo


# ------------------------------------------------------------------ the book
def plan_book(design: Design, area: tuple[float, float], scale: float) -> Book:
    """Pages for `design` whose chart area is `area` scene units (`scale` points per unit)."""
    planner = _Planner(design, area, scale)
    planner.size_all()
    W, H = area
    link_count: dict[str, int] = {}
    for link in design.links.values():
        for end in (link.source, link.target):
            link_count[end] = link_count.get(end, 0) + 1
    pages: list[BookPage] = []

    def block_refs(root: str) -> int:
        n, stack = 0, [root]
        while stack:
            v = stack.pop()
            n += link_count.get(v, 0)
            stack.extend(k for k in planner.kids[v] if k not in planner.cut)
        return n

    crumb = CRUMB_PT / scale  # room above a continued branch for its managers' path

    def emit(roots: list[str]) -> list[list[str]]:
        """Append the pages of one run; return the runs they continue into (one per page)."""
        start = len(pages)
        packable = [r for r in roots if r not in planner.oversized]

        def top(r: str) -> float:
            return crumb if design.departments[r].parent is not None else 0.0

        blocks = [
            (r, planner.size[r][0], planner.size[r][1] + top(r), block_refs(r)) for r in packable
        ]
        for sheet in pack(blocks, W, H, scale):
            page = BookPage(None, [])
            covered = 0.0
            for root, x, y in sorted(sheet.blocks, key=lambda b: (b[2], b[1])):
                page.roots.append(root)
                planner.place(root, x, y + top(root), page)
                bw, bh = planner.size[root]
                covered += bw * (bh + top(root))
                page.width = max(page.width, x + bw)
                page.height = max(page.height, y + bh + top(root))
            page.fill = covered / (W * H)
            managers = {design.departments[r].parent for r in page.roots}
            page.manager = managers.pop() if len(managers) == 1 else None
            pages.append(page)
        if len(pages) > start:
            pages[-1].run_end = True
        for root in roots:
            if root in planner.oversized:
                _wide_pages(planner, design.departments[root].parent, root, pages, crumb)
                pages[-1].run_end = True
        runs = []
        for page in pages[start:]:
            run: list[str] = []
            for root in page.roots:
                if page.part is not None and page.part[0] > 1:
                    continue
                walk = [root]
                while walk:
                    v = walk.pop()
                    run.extend(k for k in planner.kids[v] if k in planner.cut)
                    walk.extend(reversed([k for k in planner.kids[v] if k not in planner.cut]))
            if run:
                runs.append(run)
        if MERGE_RUNS:
            return [[r for run in runs for r in run]] if runs else []
        return runs

    pending: list[list[str]] = [[d.id for d in design.roots()]]
    while pending:  # depth first: a branch's pages follow the page that cuts it off
        pending.extend(reversed(emit(pending.pop())))
    page_of: dict[str, int] = {}
    stub_page: dict[str, int] = {}
    for i, page in enumerate(pages):
        for box in page.boxes:
            (stub_page if box.stub else page_of)[box.id] = i
    return Book(pages, scale, area, page_of, stub_page)


def _wide_pages(
    planner: _Planner, manager: str | None, root: str, pages: list[BookPage], crumb: float
) -> None:
    """A unit with more leaf children than one page holds: its box, then columns over n pages."""
    kids = planner.kids[root]
    W, H = planner.W, planner.H - crumb
    cols = planner.cols_max
    first_rows = max(1, int((H - BOX_H - LEVEL_GAP + STACK_GAP) // ROW_PITCH))
    more_rows = max(1, int((H - LEVEL_GAP / 2 + STACK_GAP) // ROW_PITCH))
    chunks = [kids[: cols * first_rows]]
    rest = kids[cols * first_rows :]
    while rest:
        chunks.append(rest[: cols * more_rows])
        rest = rest[cols * more_rows :]
    for i, chunk in enumerate(chunks, start=1):
        page = BookPage(manager, [root], part=(i, len(chunks)))
        rows = first_rows if i == 1 else more_rows
        n_cols = math.ceil(len(chunk) / rows)
        columns = [chunk[c * rows : (c + 1) * rows] for c in range(n_cols)]
        width = n_cols * COL_PITCH - COL_GAP
        arr = _Arrangement(width, 0.0, [("cols", columns, 0.0)])
        if i == 1:
            x = max(0.0, (width - BOX_W) / 2)
            page.boxes.append(Placed(root, x, crumb))
            planner._children(
                arr, 0.0, crumb + BOX_H + LEVEL_GAP, x + BOX_W / 2, crumb + BOX_H, page, root
            )
        else:
            planner._children(arr, 0.0, crumb + LEVEL_GAP / 2, None, crumb, page)
            page.connectors.append(
                [(STACK_INDENT / 2, crumb), (STACK_INDENT / 2, crumb + LEVEL_GAP / 2)]
            )
        page.width = width
        page.height = max(b.y + BOX_H for b in page.boxes)
        page.fill = page.width * page.height / (W * planner.H)
        pages.append(page)
