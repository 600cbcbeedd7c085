"""`repo init|list|push|pull|log`: designs in a team repository on PostgreSQL.

URLs are libpq URLs (`postgresql://user@host:port/dbname`); passwords come
from PGPASSWORD or ~/.pgpass and are never printed.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import OrgDesignerError
from .common import add_lang_option, check_output


def register(sub) -> None:
    p = sub.add_parser(
        "repo",
        help="keep designs in a team repository on PostgreSQL",
        description="A PostgreSQL database where a team keeps and edits its designs "
        "together. URL: postgresql://user@host:port/dbname (password from "
        "PGPASSWORD or ~/.pgpass).",
    )
    rs = p.add_subparsers(dest="repo_command", metavar="ACTION", required=True)

    q = rs.add_parser("init", help="create or upgrade the repository schema in a database")
    q.add_argument("url", metavar="URL")
    add_lang_option(q, "language of the output (default: en)", default="en")
    q.set_defaults(run=run_init)

    q = rs.add_parser("list", help="list the designs in a repository")
    q.add_argument("url", metavar="URL")
    q.add_argument(
        "--json",
        action="store_true",
        help='print {"designs": [{"name", "version", "saved_by", "saved_at", "departments"}]}',
    )
    add_lang_option(q, "language of the output (default: en)", default="en")
    q.set_defaults(run=run_list)

    q = rs.add_parser(
        "push",
        help="store a design file as the next version of NAME",
        description="Store the file's design as the next version of NAME (or create "
        "NAME). Refused when the repository changed after the version the "
        "file was pulled from.",
    )
    q.add_argument("file", type=Path, metavar="FILE.db")
    q.add_argument("url", metavar="URL")
    q.add_argument("--as", dest="name", required=True, metavar="NAME")
    q.add_argument("--comment", default="", metavar="TEXT")
    q.add_argument(
        "--force",
        action="store_true",
        help="store it even if the repository has newer changes (they stay in the history)",
    )
    q.set_defaults(run=run_push)

    q = rs.add_parser("pull", help="write a design from the repository to a design file")
    q.add_argument("url", metavar="URL")
    q.add_argument("name", metavar="NAME")
    q.add_argument(
        "--version",
        type=int,
        default=None,
        metavar="N",
        help="an earlier version (default: the current state)",
    )
    q.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.db")
    q.add_argument("--force", action="store_true", help="replace an existing output file")
    q.set_defaults(run=run_pull)

    q = rs.add_parser("log", help="list the saved versions of a design")
    q.add_argument("url", metavar="URL")
    q.add_argument("name", metavar="NAME")
    q.add_argument("--json", action="store_true")
    add_lang_option(q, "language of the output (default: en)", default="en")
    q.set_defaults(run=run_log)


def run_init(args) -> int:
    from ..repository import display_url, init_repository

    before, after = init_repository(args.url)
    where = display_url(args.url)
    zh = args.lang == "zh"
    if before == 0:
        print(
            f"已在 {where} 建立组织架构设计器资料库（格式 {after}）"
            if zh
            else f"created an Org Designer repository in {where} (format {after})"
        )
    elif before < after:
        print(
            f"已将 {where} 的资料库从格式 {before} 升级到 {after}"
            if zh
            else f"upgraded the repository in {where} from format {before} to {after}"
        )
    else:
        print(
            f"{where} 的资料库已是最新（格式 {after}）"
            if zh
            else f"the repository in {where} is up to date (format {after})"
        )
    return 0


def run_list(args) -> int:
    from ..repository import list_designs

    designs = list_designs(args.url)
    if args.json:
        print(json.dumps({"designs": designs}, ensure_ascii=False, indent=2))
        return 0
    zh = args.lang == "zh"
    if not designs:
        print(
            "还没有设计（用 repo push FILE.db URL --as NAME 存入一个）"
            if zh
            else "no designs yet (add one with: repo push FILE.db URL --as NAME)"
        )
    for d in designs:
        print(
            f"{d['name']}  第 {d['version']} 版  {d['departments']} 个部门  "
            f"由 {d['saved_by']} 于 {d['saved_at']} 保存"
            if zh
            else f"{d['name']}  version {d['version']}  {d['departments']} departments  "
            f"saved by {d['saved_by']} at {d['saved_at']}"
        )
    return 0


def run_push(args) -> int:
    from .. import storage
    from ..lockfile import describe_lock
    from ..repository import RepoRef, push

    design = storage.load_scenarios(args.file)  # every scenario goes to the repository
    number = push(design, RepoRef(args.url, args.name), comment=args.comment, force=args.force)
    zh = design.language == "zh"
    name = args.file.name
    note = f"{name} 现在基于这一版" if zh else f"{name} is now based on it"
    if describe_lock(args.file):  # open in an editor: leave the file to its owner
        note = (
            f"{name} 正在编辑器中打开，仍记着旧版本"
            if zh
            else f"{name} is open in an editor and still names its old version"
        )
    else:
        try:
            storage.save(design, args.file)  # remember the new base: the next push needs it
        except (OrgDesignerError, OSError) as exc:
            note = (
                f"{name} 无法更新为新版本（{exc}）"
                if zh
                else f"{name} could not be updated with the new version ({exc})"
            )
    if zh:
        print(f"已将 {name} 存入资料库，名为 {args.name}，第 {number} 版；{note}")
    else:
        print(f"pushed {name} as {args.name} version {number}; {note}")
    return 0


def run_pull(args) -> int:
    from .. import storage
    from ..repository import RepoRef, pull_scenarios

    check_output(args.output, args.force)
    design = pull_scenarios(RepoRef(args.url, args.name), args.version)  # every scenario
    storage.save(design, args.output)
    count = len(design.active.departments)
    if design.language == "zh":
        version = f"第 {args.version} 版" if args.version else "当前状态"
        print(f"已取出 {args.name}（{version}，{count} 个部门）-> {args.output}")
    else:
        version = f"version {args.version}" if args.version else "the current state"
        print(f"pulled {args.name} ({version}, {count} departments) -> {args.output}")
    return 0


def run_log(args) -> int:
    from ..repository import RepoRef, log

    versions = log(RepoRef(args.url, args.name))
    if args.json:
        print(json.dumps({"versions": [vars(v) for v in versions]}, ensure_ascii=False, indent=2))
        return 0
    for v in versions:
        comment = f"  {v.comment}" if v.comment else ""
        print(
            f"第 {v.number} 版  {v.saved_at}  {v.saved_by}  {v.departments} 个部门{comment}"
            if args.lang == "zh"
            else f"version {v.number}  {v.saved_at}  {v.saved_by}  {v.departments} departments"
            f"{comment}"
        )
    return 0
