"""The dirty-data policy: duplicate ids, parents that are missing, self or circular.

Every decision is deterministic (file order decides) and lands in the report
with the rows and ids involved, so the same file always gives the same
design and the user can see and fix the source.
"""

from __future__ import annotations

import re

from .posts import Post
from .report import ImportReport, RowOutcome

ROOT_MARKERS = frozenset(
    {"", "xx", "-", "--", "none", "null", "nil", "n/a", "na", "root", "top", "无", "顶级", "根"}
)


def near_key(ident: str) -> str:
    """An id without whitespace and leading zeros (`A 007` -> `A7`, `0HQ` -> `HQ`)."""
    compact = re.sub(r"\s+", "", ident)
    return re.sub(r"^0+(?=.)|(?<!\d)0+(?=\d)", "", compact)


def merge_duplicates(posts: list[Post], report: ImportReport) -> list[Post]:
    """Identical rows merge; rows differing only in the person are a job share; others split.

    A conflicting row keeps its own department with the id suffixed `#2`,
    `#3` ... (the first row keeps the plain id, so references resolve to it).
    """
    kept_by_id: dict[str, list[Post]] = {}
    taken = {p.base_id for p in posts}
    out: list[Post] = []
    for post in posts:
        kept = kept_by_id.setdefault(post.base_id, [])
        if not kept:
            kept.append(post)
            out.append(post)
            report.rows.append(RowOutcome(post.row, post.base_id, post.code, "created"))
            continue
        same = next((p for p in kept if p.full_key == post.full_key), None)
        if same is not None:
            same.rows.append(post.row)
            report.rows.append(RowOutcome(post.row, post.base_id, same.code, "merged"))
            report.add(
                "duplicate-identical",
                "info",
                f"id {post.base_id!r} appears again with the same content",
                f"merged into the department of row {same.row}",
                rows=[same.row, post.row],
                ids=[post.base_id],
                zh=(f"编号 {post.base_id!r} 再次出现，内容相同", f"已合并到第 {same.row} 行的部门"),
            )
            continue
        share = next((p for p in kept if p.post_key == post.post_key), None)
        if share is not None:
            _join_share(share, post)
            report.rows.append(RowOutcome(post.row, post.base_id, share.code, "job-share"))
            report.add(
                "job-share",
                "info",
                f"id {post.base_id!r} appears again for the same post, only the person "
                f"or FTE differs",
                f"one department led by {' / '.join(share.leaders) or 'nobody'}"
                f" with headcount {share.headcount:g}",
                rows=[share.row, post.row],
                ids=[post.base_id],
                zh=(
                    f"编号 {post.base_id!r} 再次出现，岗位相同，只有人员或全时当量不同",
                    (
                        f"合为一个部门，负责人 {' / '.join(share.leaders) or '无'}，"
                        f"人数 {share.headcount:g}"
                    ),
                ),
            )
            continue
        n = len(kept) + 1
        code = f"{post.base_id}#{n}"
        while code in taken:
            n += 1
            code = f"{post.base_id}#{n}"
        taken.add(code)
        post.code = code
        kept.append(post)
        out.append(post)
        report.rows.append(RowOutcome(post.row, post.base_id, code, "created"))
        first = kept[0]
        differs = [
            what
            for what, a, b in (
                ("parent", first.parent_ref, post.parent_ref),
                ("name", first.name, post.name),
                ("kind", first.kind, post.kind),
                ("budget", first.budget, post.budget),
                ("colour", first.color, post.color),
            )
            if a != b
        ]
        report.add(
            "duplicate-conflict",
            "warning",
            f"id {post.base_id!r} is used by two different posts ({', '.join(differs)} differ)",
            f"kept both; the later one is {code}",
            rows=[first.row, post.row],
            ids=[post.base_id, code],
            zh=(
                f"编号 {post.base_id!r} 被两个不同岗位使用（{'、'.join(differs)} 不同）",
                f"两个都保留；后一个的编号改为 {code}",
            ),
        )
    return out


def _join_share(share: Post, post: Post) -> None:
    share.rows.append(post.row)
    for leader in post.leaders:
        if leader not in share.leaders:
            share.leaders.append(leader)
    share.headcount += post.headcount
    for line in post.notes:
        if line not in share.notes:
            share.notes.append(line)


class PostIndex:
    """Looks up a parent reference: by code, by file id, by name, or by a near id."""

    def __init__(self, posts: list[Post]):
        self.by_code = {p.code: p for p in posts}
        self.by_id: dict[str, list[Post]] = {}
        self.by_name: dict[str, list[Post]] = {}
        self.by_near: dict[str, list[Post]] = {}
        for post in posts:
            self.by_id.setdefault(post.base_id, []).append(post)
            if post.name:
                self.by_name.setdefault(post.name, []).append(post)
            self.by_near.setdefault(near_key(post.base_id), []).append(post)

    def exact(self, ref: str) -> list[Post]:
        if ref in self.by_id:
            return list(self.by_id[ref])
        return [self.by_code[ref]] if ref in self.by_code else []

    def by_unique_name(self, ref: str) -> Post | None:
        found = self.by_name.get(ref, [])
        return found[0] if len(found) == 1 else None

    def near(self, ref: str) -> Post | None:
        found: dict[str, Post] = {}
        for post in self.by_near.get(near_key(ref), []):
            found.setdefault(post.base_id, post)  # the first post of a reused id
        return next(iter(found.values())) if len(found) == 1 else None

    def closest_to_top(self, ref: str) -> Post | None:
        """The post `ref` names; of several with that id, the one fewest levels below a root."""
        found = self.exact(ref)
        if len(found) < 2:
            return found[0] if found else None
        return min(found, key=lambda p: (height(p)[0], found.index(p)))


def resolve_parents(
    posts: list[Post],
    index: PostIndex,
    report: ImportReport,
    *,
    fix_ids: bool = False,
    root_markers=ROOT_MARKERS,
) -> None:
    """Set `post.parent` for every post; the parent graph may still have cycles."""
    missing: dict[str, list[Post]] = {}
    by_name: dict[str, list[Post]] = {}
    ambiguous: dict[str, list[Post]] = {}
    selfs: list[Post] = []
    for post in posts:
        ref = post.parent_ref
        if not ref or (ref.casefold() in root_markers and not index.exact(ref)):
            continue
        found = [p for p in index.exact(ref) if p is not post]
        if not found and index.exact(ref):
            selfs.append(post)
            continue
        if found:
            post.parent, post.candidates = found[0], found
            if len(found) > 1:
                ambiguous.setdefault(ref, []).append(post)
            continue
        named = index.by_unique_name(ref)
        if named is not None and named is not post:
            post.parent = named
            by_name.setdefault(ref, []).append(post)
            continue
        missing.setdefault(ref, []).append(post)
    for post in selfs:
        report.add(
            "self-parent",
            "warning",
            f"{post.code!r} reports to itself",
            "made it a root",
            rows=list(post.rows),
            ids=[post.code],
            zh=(f"{post.code!r} 向自己汇报", "改为最高层部门"),
        )
    for ref, children in ambiguous.items():
        _choose_among_homonyms(ref, children, index.exact(ref), report)
    for ref, children in by_name.items():
        named = children[0].parent
        assert named is not None  # attached by name just above
        report.add(
            "parent-by-name",
            "info",
            f"parent {ref!r} is not an id but the name of one department",
            f"attached to {named.code!r}",
            rows=_rows(children),
            ids=[c.code for c in children],
            zh=(f"上级 {ref!r} 不是编号，而是一个部门的名称", f"已挂到 {named.code!r} 下"),
        )
    for ref, children in missing.items():
        near = index.near(ref)
        if near is not None and fix_ids:
            for child in children:
                if child is not near:
                    child.parent = near
            report.add(
                "missing-parent",
                "warning",
                f"no department has id {ref!r}; {near.base_id!r} differs only by "
                "leading zeros or spaces",
                f"attached to {near.base_id!r} (--fix-ids)",
                rows=_rows(children),
                ids=[c.code for c in children] + [ref],
                zh=(
                    f"没有部门的编号是 {ref!r}；{near.base_id!r} 只差前导零或空格",
                    f"已挂到 {near.base_id!r} 下（--fix-ids）",
                ),
            )
            continue
        suggestion = (
            (
                f"{near.base_id!r} differs only by leading zeros or spaces: "
                f"use --fix-ids to attach to it"
            )
            if near is not None
            else ""
        )
        suggestion_zh = (
            f"{near.base_id!r} 只差前导零或空格：用 --fix-ids 挂到它下面"
            if near is not None
            else ""
        )
        report.add(
            "missing-parent",
            "warning",
            f"no department has id {ref!r}",
            f"made {'them roots' if len(children) > 1 else 'it a root'}",
            rows=_rows(children),
            ids=[c.code for c in children] + [ref],
            suggestion=suggestion,
            zh=(f"没有部门的编号是 {ref!r}", "改为最高层部门", suggestion_zh),
        )


def height(post: Post) -> tuple[float, list[Post]]:
    """Levels from `post` up to its root; infinite, with the cycle, if the way up loops."""
    path: list[Post] = []
    seen: dict[int, int] = {}
    current: Post | None = post
    while current is not None:
        if id(current) in seen:
            return float("inf"), path[seen[id(current)] :]
        seen[id(current)] = len(path)
        path.append(current)
        current = current.parent
    return len(path) - 1, []


def _choose_among_homonyms(
    ref: str, children: list[Post], candidates: list[Post], report: ImportReport
) -> None:
    """Children of an id that names several posts go to the one closest to the top.

    An id reused for a junior and a senior post (DWP135 in the DWP file) is
    meant as the senior one by the posts reporting to it: taking the first row
    instead would put the senior post's reports below the junior one, or in a
    cycle. Ties go to the first row. A choice that would make a cycle is skipped.
    """
    ranked = sorted(
        ((height(c), i, c) for i, c in enumerate(candidates)),
        key=lambda item: (item[0][0], item[1]),
    )
    (_, first_cycle) = height(candidates[0])
    best = ranked[0][2]
    moved = [
        c for c in children if c.parent is not best and c is not best and not _reaches(best, c)
    ]
    for child in moved:
        child.parent = best
    where = "the first of them" if best is candidates[0] else "the one closest to the top"
    where_zh = "即其中第一个" if best is candidates[0] else "即层级最高的那个"
    report.add(
        "ambiguous-parent",
        "info",
        f"parent id {ref!r} names {len(candidates)} different posts "
        f"(rows {', '.join(str(c.row) for c in candidates)})",
        f"attached to {best.code!r} (row {best.row}), {where}",
        rows=_rows(children),
        ids=[c.code for c in children],
        zh=(
            (
                f"上级编号 {ref!r} 对应 {len(candidates)} 个不同岗位"
                f"（第 {', '.join(str(c.row) for c in candidates)} 行）"
            ),
            f"已挂到 {best.code!r}（第 {best.row} 行）下，{where_zh}",
        ),
    )
    if first_cycle and any(c in moved for c in first_cycle):
        chain = " -> ".join(p.code for p in first_cycle + first_cycle[:1])
        report.add(
            "cycle",
            "warning",
            f"taking the first post with id {ref!r} (row {candidates[0].row}) makes the "
            f"reporting lines a cycle: {chain}",
            f"avoided: the posts reporting to {ref!r} are attached to {best.code!r} "
            f"(row {best.row}) instead",
            rows=_rows(first_cycle),
            ids=[p.code for p in first_cycle],
            zh=(
                f"取编号为 {ref!r} 的第一个岗位（第 {candidates[0].row} 行）会使汇报关系成环：{chain}",
                f"已避免：向 {ref!r} 汇报的岗位改挂到 {best.code!r}（第 {best.row} 行）下",
            ),
        )


def _rows(posts: list[Post]) -> list[int]:
    """Every file row behind these posts (merged duplicates included), in file order."""
    return sorted(row for post in posts for row in post.rows)


def _reaches(start: Post | None, target: Post) -> bool:
    seen: set[int] = set()
    while start is not None and id(start) not in seen:
        if start is target:
            return True
        seen.add(id(start))
        start = start.parent
    return False


def break_cycles(posts: list[Post], report: ImportReport) -> None:
    """Make the parent graph a forest; each cycle is reported with the edge changed.

    A cycle through an ambiguous parent id is first mended by choosing the
    other post with that id; otherwise the line of the cycle member that
    comes first in the file is cut and that member becomes a root.
    """
    state: dict[int, int] = {}  # 1 on the current path, 2 known to end at a root
    for start in posts:
        while True:
            path: list[Post] = []
            current: Post | None = start
            while current is not None and state.get(id(current), 0) == 0:
                state[id(current)] = 1
                path.append(current)
                current = current.parent
            if current is not None and state.get(id(current)) == 1:
                _mend(path[path.index(current) :], report)
                for post in path:
                    state[id(post)] = 0
                continue
            for post in path:
                state[id(post)] = 2
            break


def _mend(cycle: list[Post], report: ImportReport) -> None:
    chain = " -> ".join(p.code for p in cycle + cycle[:1])
    rows = _rows(cycle)
    ids = [p.code for p in cycle]
    for post in sorted(cycle, key=lambda p: p.row):
        for other in post.candidates:
            if other is not post.parent and not _reaches(other, post):
                old = post.parent
                assert old is not None  # every post on a cycle has a parent
                post.parent = other
                report.add(
                    "cycle",
                    "warning",
                    f"reporting lines form a cycle: {chain}",
                    f"attached {post.code!r} to {other.code!r} (row {other.row}), the other "
                    f"post with id {old.base_id!r}",
                    rows=rows,
                    ids=ids,
                    zh=(
                        f"汇报关系成环：{chain}",
                        (
                            f"已把 {post.code!r} 挂到 {other.code!r}（第 {other.row} 行）下，"
                            f"即编号为 {old.base_id!r} 的另一个岗位"
                        ),
                    ),
                )
                return
    cut = min(cycle, key=lambda p: p.row)
    old = cut.parent
    assert old is not None  # every post on a cycle has a parent
    cut.parent = None
    report.add(
        "cycle",
        "warning",
        f"reporting lines form a cycle: {chain}",
        f"cut the line from {cut.code!r} to {old.code!r}; {cut.code!r} is now a root",
        rows=rows,
        ids=ids,
        zh=(
            f"汇报关系成环：{chain}",
            f"断开了 {cut.code!r} 到 {old.code!r} 的汇报关系；{cut.code!r} 现在是最高层部门",
        ),
    )


def report_forest(posts: list[Post], report: ImportReport) -> None:
    roots = [p for p in posts if p.parent is None]
    report.roots = len(roots)
    if len(roots) > 1:
        report.add(
            "forest",
            "info",
            f"{len(roots)} departments have no parent",
            "kept as a forest of separate trees",
            rows=_rows(roots),
            ids=[p.code for p in roots],
            zh=(f"{len(roots)} 个部门没有上级", "保留为多棵独立的树"),
        )
