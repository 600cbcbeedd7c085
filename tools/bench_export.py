"""Time the PDF, SVG and PNG exports on random 1,000 and 10,000-department designs (asserts nothing).

Run from the repository root: `python tools/bench_export.py [N ...]`. The
targets are 1,000 departments < 1 s and 10,000 < 5 s for the chart; the
benchmark issue measures this properly; tests never assert on time.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from orgdesigner.design import Design  # noqa: E402
from orgdesigner.entities import Department, DeptKind, Link  # noqa: E402
from orgdesigner.layout import tidy_layout  # noqa: E402
from orgdesigner.render import ExportOptions, export_pdf, plan_pages  # noqa: E402
from orgdesigner.render.png import export_png  # noqa: E402
from orgdesigner.render.svg import export_svg  # noqa: E402


def random_design(n: int, seed: int = 1) -> Design:
    """A random tree (parents among the last 50 added: wide and deep), CJK names, some links."""
    rng = random.Random(seed)
    design = Design("bench")
    ids: list[str] = []
    for i in range(n):
        parent = rng.choice(ids[-50:]) if ids else None
        ids.append(
            design.add_department(
                Department(
                    name=f"部门{i} Dept {i}",
                    parent=parent,
                    leader="王丽",
                    headcount=rng.randint(1, 30),
                    kind=rng.choice(list(DeptKind)),
                )
            ).id
        )
    for _ in range(n // 20):
        a, b = rng.sample(ids, 2)
        if design.find_link(a, b, Link().kind) is None:
            design.add_link(Link(source=a, target=b, label="协作"))
    design.move_departments(tidy_layout(design, compact=True))
    return design


def timed(label: str, func) -> None:
    start = time.perf_counter()
    result = func()
    pages = f" ({result.page_count} pages)" if hasattr(result, "page_count") else ""
    print(f"  {label:<42} {time.perf_counter() - start:6.2f} s{pages}")


def main(sizes: list[int]) -> None:
    out = Path(tempfile.mkdtemp(prefix="bench-export-"))
    for n in sizes:
        design = random_design(n)
        print(f"{n} departments")
        timed("plan_pages (dialog preview), A4", lambda: plan_pages(design, ExportOptions()))
        timed(
            "PDF chart only, one A4 page",
            lambda: export_pdf(
                design,
                out / "page.pdf",
                ExportOptions(sections=("chart",), fit="page"),
                findings=[],
            ),
        )
        timed(
            "PDF chart only, A4 tiles",
            lambda: export_pdf(
                design,
                out / "tiles.pdf",
                ExportOptions(sections=("chart",), fit="tiles"),
                findings=[],
            ),
        )
        timed(
            "PDF whole proposal, A0 (validator included)",
            lambda: export_pdf(design, out / "a0.pdf", ExportOptions(paper="A0")),
        )
        timed("SVG", lambda: export_svg(design, out / "chart.svg"))
        timed("PNG", lambda: export_png(design, out / "chart.png"))
    print(f"files in {out}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1_000, 10_000])
