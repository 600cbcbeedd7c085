"""The text sections of a proposal: cover, owner matrix, findings, department table.

Each builder lays its section out at plan time (so the page count is known)
and returns `Page`s whose `draw` runs later.
"""

from __future__ import annotations

from ..catalogue import BRAND_MANAGEMENT
from ..display import format_number
from ..entities import Role
from ..units import business_unit_of, rival_groups
from .context import Context, Page, dest_key
from .pdf_chart import color
from .pdf_links import link_area
from .tables import Cell, Column, TableLayout, draw_table_page, layout_table
from .wrap import ellipsize, wrap

TITLE_SIZE = 13.0
TITLE_GAP = 22.0
RED, RED_FILL, ORANGE_FILL = "#b00020", "#f8d0d0", "#fde5c4"
ROLE_FILL = {Role.A: "#9dc3e6", Role.R: "#c5e0b4", Role.C: "#fff2cc", Role.I: "#e7e6e6"}


def _title(canvas, ctx: Context, title: str) -> float:
    """Draw the section title at the top of the content area; return the y below it."""
    x, y, w, h = ctx.frame.content
    canvas.setFont(ctx.font.name, TITLE_SIZE)
    canvas.setFillColor(color("#1f3864"))
    canvas.drawString(x, y + h - TITLE_SIZE, title)
    return y + h - TITLE_GAP


def _table_pages(
    ctx: Context,
    section: str,
    title: str,
    layout: TableLayout,
    outline: list | None = None,
    above: float = 0.0,
    before=None,
) -> list[Page]:
    x, _, _, _ = ctx.frame.content
    pages = []
    for i in range(len(layout.pages)):

        def draw(canvas, i=i):
            top = _title(canvas, ctx, title if i == 0 else f"{title} ({i + 1})")
            if before:
                before(canvas, i, top)
            draw_table_page(canvas, layout, i, x, top - above, ctx.font)

        pages.append(Page(section, title, draw, (outline or []) if i == 0 else []))
    return pages


def _table_height(ctx: Context, above: float = 0.0) -> float:
    return ctx.frame.content[3] - TITLE_GAP - above


# ------------------------------------------------------------------ cover
def cover_pages(ctx: Context) -> list[Page]:
    title = ctx.t("cover")
    return [Page("cover", ctx.t("proposal"), lambda c: _cover(c, ctx), [(title, "sec-cover", 0)])]


def _cover(canvas, ctx: Context) -> None:
    d = ctx.design
    x, y, w, h = ctx.frame.content
    font, measure = ctx.font.name, ctx.font.width
    top = y + h - 40
    canvas.setFillColor(color("#1f3864"))
    size = 26.0
    for line in wrap(d.name or ctx.t("proposal"), w, size, measure)[:4]:
        canvas.setFont(font, size)
        canvas.drawString(x, top - size, line)
        top -= size * 1.25
    canvas.setFont(font, 14)
    canvas.setFillColor(color("#555555"))
    canvas.drawString(x, top - 18, ctx.t("proposal"))
    top -= 40
    if d.description:
        canvas.setFont(font, 10)
        canvas.setFillColor(color("#1f1f1f"))
        for line in wrap(d.description, w, 10, measure)[:12]:
            canvas.drawString(x, top - 10, line)
            top -= 13
        top -= 12
    stamp = d.stamp
    version = (
        (
            ctx.t("save_n", n=stamp.save_generation)
            + (f" · {stamp.saved_at}" if stamp.saved_at else "")
            + (f" · {stamp.saved_by}" if stamp.saved_by else "")
        )
        if stamp.save_generation
        else ctx.t("unsaved")
    )
    ownerless = sum(1 for f in d.functions if not d.owners(f))
    headcount = sum(
        r.headcount for dept, r in ctx.rollups.items() if d.departments[dept].parent is None
    )
    block = [
        (ctx.t("author"), d.author or ctx.options.author or "—"),
        (ctx.t("date"), ctx.date),
        (ctx.t("version"), version),
        (
            ctx.t("counts"),
            ctx.t(
                "counts_text",
                d=len(d.departments),
                h=format_number(headcount),
                f=len(d.functions),
                o=ownerless,
            ),
        ),
    ]
    canvas.setStrokeColor(color("#1f3864"))
    canvas.setLineWidth(0.8)
    canvas.line(x, top, x + w, top)
    top -= 6
    for key, value in block:
        canvas.setFont(font, 10)
        canvas.setFillColor(color("#555555"))
        canvas.drawString(x, top - 12, key)
        canvas.setFillColor(color("#1f1f1f"))
        canvas.drawString(x + 90, top - 12, ellipsize(value, w - 90, 10, measure))
        top -= 18
    canvas.line(x, top - 2, x + w, top - 2)
    top -= 30
    canvas.setFont(font, 12)
    canvas.setFillColor(color("#1f3864"))
    canvas.drawString(x, top, ctx.t("contents"))
    top -= 20
    canvas.setFont(font, 10)
    canvas.setFillColor(color("#1f1f1f"))
    for section in ctx.options.sections:
        if section == "cover" or section not in ctx.section_page:
            continue
        page = ctx.section_page[section]
        canvas.drawString(x + 10, top, ctx.t(section))
        canvas.drawRightString(x + min(w, 360), top, str(page))
        link_area(canvas, f"sec-{section}", (x, top - 3, x + min(w, 360), top + 10))
        top -= 16


# ------------------------------------------------------------ owner matrix
def owner_pages(ctx: Context) -> list[Page]:
    d = ctx.design
    title = ctx.t("owners")
    outline = [(title, "sec-owners", 0)]
    if not d.functions:
        return _note_page(ctx, "owners", title, outline, "no_functions")
    depts = [dept for dept in d.departments.values() if d.roles_of_department(dept.id)]

    def unit_of(dept_id: str) -> str | None:
        return business_unit_of(d, dept_id)

    _, _, w, _ = ctx.frame.content
    fixed = 240.0
    role_w = 18.0
    per_page = max(1, int((w - fixed) // role_w))
    chunks = [depts[i : i + per_page] for i in range(0, len(depts), per_page)] or [[]]
    longest = max((ctx.font.width(dept.name, 7.0) for dept in depts), default=0.0)
    header_band = min(96.0, longest + 10) if depts else 0.0
    pages: list[Page] = []
    for n, chunk in enumerate(chunks):
        columns = [Column(ctx.t("function"), 1.0), Column(ctx.t("owner"), 110.0)]
        columns += [Column("", role_w, "center") for _ in chunk]
        rows = []
        for function in d.functions.values():
            owners = d.owners(function.id)
            if not owners:
                name = Cell(function.name, RED_FILL, RED)
                owner = Cell(ctx.t("no_owner"), RED_FILL, RED)
            elif rival_groups(owners, unit_of) or (
                len(owners) > 1 and function.key == BRAND_MANAGEMENT
            ):
                name = Cell(function.name, ORANGE_FILL)
                names = ", ".join(_owner_name(ctx, o) for o in owners)
                owner = Cell(f"{names} ({ctx.t('several_owners')})", ORANGE_FILL)
            else:  # one owner, or one per business unit (事业部制下的嵌入式营销团队)
                name = Cell(function.name)
                owner = Cell(", ".join(_owner_name(ctx, o) for o in owners))
            row = [name, owner]
            for dept in chunk:
                role = d.role(function.id, dept.id)
                row.append(Cell(role.value, ROLE_FILL[role]) if role else Cell(""))
            rows.append(row)
        layout = layout_table(
            columns,
            rows,
            w,
            _table_height(ctx, header_band),
            _table_height(ctx, header_band),
            ctx.font,
        )
        suffix = (
            f" · {ctx.t('columns', a=n * per_page + 1, b=n * per_page + len(chunk))}"
            if len(chunks) > 1
            else ""
        )

        def heads(canvas, i, top, chunk=chunk, widths=layout.widths):
            _rotated_heads(canvas, ctx, chunk, widths, top, header_band)

        pages += _table_pages(
            ctx,
            "owners",
            title + suffix,
            layout,
            outline if n == 0 else None,
            header_band,
            heads if chunk else None,
        )
    return pages


def _owner_name(ctx: Context, dept_id: str) -> str:
    """An owner's name, with the business unit it covers when it sits inside one."""
    d = ctx.design
    unit = business_unit_of(d, dept_id)
    name = d.departments[dept_id].name
    if unit is None or unit == dept_id:
        return name
    return ctx.t("for_unit", name=name, unit=d.departments[unit].name)


def _rotated_heads(canvas, ctx: Context, depts, widths, top: float, band: float) -> None:
    x, _, _, _ = ctx.frame.content
    cx = x + widths[0] + widths[1]
    size = 7.0
    canvas.saveState()
    canvas.setFont(ctx.font.name, size)
    canvas.setFillColor(color("#1f1f1f"))
    for dept in depts:
        label = ellipsize(dept.name, band - 6, size, ctx.font.width)
        canvas.saveState()
        canvas.translate(cx + 18.0 / 2 + size * 0.35, top - band + 3)
        canvas.rotate(90)
        canvas.drawString(0, 0, label)
        canvas.restoreState()
        cx += 18.0
    canvas.restoreState()


def _note_page(ctx: Context, section: str, title: str, outline, message_key: str) -> list[Page]:
    """A section with nothing to list still gets its page: the title and why it is empty."""
    return [Page(section, title, lambda c: _note(c, ctx, title, ctx.t(message_key)), outline)]


def _note(canvas, ctx: Context, title: str, message: str) -> None:
    top = _title(canvas, ctx, title)
    x = ctx.frame.content[0]
    canvas.setFont(ctx.font.name, 10)
    canvas.setFillColor(color("#1f1f1f"))
    canvas.drawString(x, top - 14, message)


# ---------------------------------------------------------------- findings
def load_findings(design, language: str | None = None) -> list | None:
    """The validator's findings in `language`, or None if `orgdesigner.validator` is missing."""
    import importlib

    try:
        validator = importlib.import_module("orgdesigner.validator")
    except ModuleNotFoundError as exc:
        if exc.name in ("orgdesigner.validator",):
            return None
        raise
    return list(validator.validate(design, language=language))


def _object_name(ctx: Context, obj: str) -> str | None:
    """The name a reader knows an object by (None for ids the design does not hold)."""
    d = ctx.design
    if obj in d.departments:
        return d.departments[obj].name
    if obj in d.functions:
        return d.functions[obj].name
    if obj in d.links:
        link = d.links[obj]
        return f"{d.departments[link.source].name} – {d.departments[link.target].name}"
    return None


def plan_targets(ctx: Context) -> None:
    """Remember which departments findings point at, so the chart marks them as destinations."""
    for finding in ctx.findings or ():
        for obj in finding.objects:
            if obj in ctx.design.departments:
                ctx.targets.add(obj)
                break


def finding_pages(ctx: Context) -> list[Page]:
    title = ctx.t("findings")
    outline = [(title, "sec-findings", 0)]
    if ctx.findings is None:
        return _note_page(ctx, "findings", title, outline, "no_validator")
    if not ctx.findings:
        return _note_page(ctx, "findings", title, outline, "no_findings")
    columns = [
        Column(ctx.t("severity"), 48.0),
        Column(ctx.t("rule"), 100.0),
        Column(ctx.t("message"), 1.0),
        Column(ctx.t("where"), 150.0),
    ]
    fills = {"error": RED_FILL, "warning": ORANGE_FILL}
    rows = []
    for f in sorted(ctx.findings, key=lambda f: f.severity.rank):
        names = [n for n in (_object_name(ctx, o) for o in f.objects) if n]
        where = ", ".join(names[:4]) + (" …" if len(names) > 4 else "")
        target = next((o for o in f.objects if o in ctx.design.departments), None)
        page = ctx.dept_page(target) if target else None
        link = None
        if page is not None:
            where += f" → {ctx.t('see_page', p=page)}"
            assert target  # a page was found for it
            link = dest_key(target)
        sev = f.severity.value
        rows.append(
            [
                Cell(ctx.t(sev), fills.get(sev)),
                Cell(f.rule),
                Cell(f.message),
                Cell(where, link=link, color="#1f4e9c" if link else "#1f1f1f"),
            ]
        )
    _, _, w, _ = ctx.frame.content
    layout = layout_table(columns, rows, w, _table_height(ctx), _table_height(ctx), ctx.font)
    return _table_pages(ctx, "findings", title, layout, outline)


# ------------------------------------------------------------- departments
def department_pages(ctx: Context) -> list[Page]:
    d = ctx.design
    title = ctx.t("departments")
    outline = [(title, "sec-departments", 0)]
    if not d.departments:
        return _note_page(ctx, "departments", title, outline, "no_departments")
    columns = [
        Column(ctx.t("name"), 1.0),
        Column(ctx.t("kind"), 52.0),
        Column(ctx.t("leader"), 70.0),
        Column(ctx.t("headcount"), 42.0, "right"),
        Column(ctx.t("headcount_total"), 52.0, "right"),
        Column(ctx.t("budget"), 70.0, "right"),
        Column(ctx.t("budget_total"), 74.0, "right"),
    ]
    rows = []
    for dept_id, depth in d.iter_parent_first():  # depth-first, in the design's order
        dept = d.departments[dept_id]
        roll = ctx.rollups[dept_id]
        has_kids = roll.size > 1
        rows.append(
            [
                Cell(dept.name, indent=min(depth, 12) * 8.0),
                Cell(ctx.t(dept.kind.value)),
                Cell(dept.leader),
                Cell(format_number(dept.headcount)),
                Cell(format_number(roll.headcount) if has_kids else ""),
                Cell(format_number(dept.budget) if dept.budget else ""),
                Cell(format_number(roll.budget) if has_kids and roll.budget else ""),
            ]
        )
    roots = [ctx.rollups[r.id] for r in d.roots()]
    total_fill = "#dfe5ee"
    rows.append(
        [
            Cell(ctx.t("total"), total_fill),
            Cell("", total_fill),
            Cell("", total_fill),
            Cell(format_number(sum(r.headcount for r in roots)), total_fill),
            Cell("", total_fill),
            Cell(format_number(sum(r.budget for r in roots)), total_fill),
            Cell("", total_fill),
        ]
    )
    _, _, w, _ = ctx.frame.content
    layout = layout_table(columns, rows, w, _table_height(ctx), _table_height(ctx), ctx.font)
    return _table_pages(ctx, "departments", title, layout, outline)
