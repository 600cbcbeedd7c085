"""Connecting to a repository: URLs, engines, and one-line errors for the user.

A repository is named by a libpq URL, `postgresql://user@host:port/dbname`;
a design in it by `URL#NAME`. Passwords come from PGPASSWORD or ~/.pgpass
(libpq reads them); one written into the URL works but is never printed:
every message names the server by `display_url`, which drops it.
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit, urlunsplit

from ..errors import OrgDesignerError

SCHEMES = ("postgresql://", "postgres://")
CONNECT_TIMEOUT = 5  # seconds: an unreachable host is reported, not waited on


class RepositoryError(OrgDesignerError):
    """A repository that cannot be used; `str()` is one line naming the server."""


class StaleBaseError(RepositoryError):
    """A push whose base is older than the repository's design."""


class EditConflict(RepositoryError):
    """A live edit refused because someone else changed the same object first."""


def is_repository(text: object) -> bool:
    return isinstance(text, str) and text.lower().startswith(SCHEMES)


@dataclass(frozen=True)
class RepoRef:
    """`URL#NAME`: one design in one repository; `URL#NAME#SCENARIO`: one of its scenarios
    (None: the base one, the first)."""

    url: str
    name: str
    scenario: str | None = None

    def __str__(self) -> str:
        where = f"{display_url(self.url)}#{self.name}"
        return where if self.scenario is None else f"{where}#{self.scenario}"


def parse_ref(text: str) -> RepoRef:
    """`URL#NAME` or `URL#NAME#SCENARIO` (like `FILE.db#SCENARIO`); a `#` inside a name is
    written %23, as any character may be percent-encoded."""
    url, sep, rest = text.partition("#")
    name, has_scenario, scenario = rest.partition("#")
    name = unquote(name).strip()
    if not sep or not name:
        raise RepositoryError(
            f"{display_url(url)}: name the design as URL#NAME",
            zh=f"{display_url(url)}：请用 URL#名称 指明设计",
        )
    chosen = unquote(scenario).strip() if has_scenario else None
    if has_scenario and not chosen:
        raise RepositoryError(
            f"{display_url(url)}: name the scenario as URL#NAME#SCENARIO",
            zh=f"{display_url(url)}：请用 URL#名称#方案 指明方案",
        )
    return RepoRef(url, name, chosen)


def display_url(url: str) -> str:
    """The URL without its password (safe to print and to remember in settings)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "postgresql://(unreadable address)"
    if parts.password is None:
        return urlunsplit(parts._replace(fragment=""))
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    user = f"{parts.username}@" if parts.username else ""
    return urlunsplit(parts._replace(netloc=user + host, fragment=""))


def sqlalchemy_url(url: str) -> str:
    """`postgresql+psycopg://...`: SQLAlchemy's name for libpq URLs through psycopg 3."""
    for scheme in SCHEMES:
        if url.lower().startswith(scheme):
            return "postgresql+psycopg://" + url[len(scheme) :]
    raise RepositoryError(
        f"{display_url(url)}: not a postgresql:// address",
        zh=f"{display_url(url)}：不是 postgresql:// 地址",
    )


def libpq_url(url: str) -> str:
    return url.split("#", 1)[0]


def current_user() -> str:
    """Who the history says saved a version (the same name the lock file shows)."""
    try:
        from ..lockfile import user_display_name

        return user_display_name()
    except Exception:  # pragma: no cover - no passwd entry in odd containers
        return getpass.getuser()


def describe_error(exc: BaseException, url: str) -> RepositoryError:
    """A driver or SQLAlchemy error as one line naming the server (never the password)."""
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).strip()
    lowered = text.lower()
    where = display_url(url)
    if "password authentication failed" in lowered or "no password supplied" in lowered:
        user = urlsplit(url).username or "?"
        problem = (
            f"the server refused the password for user {user!r} (check PGPASSWORD or ~/.pgpass)"
        )
        zh = f"服务器拒绝了用户 {user!r} 的密码"
    elif "does not exist" in lowered and "database" in lowered:
        problem, zh = "no such database on the server", "服务器上没有这个数据库"
    elif "role" in lowered and "does not exist" in lowered:
        problem = f"the server has no user {urlsplit(url).username!r}"
        zh = f"服务器上没有用户 {urlsplit(url).username!r}"
    elif "connection refused" in lowered:
        problem = "cannot connect: the server refused the connection (is PostgreSQL running there?)"
        zh = "无法连接：服务器拒绝了连接（那里的数据库服务在运行吗？）"
    elif "timeout" in lowered or "timed out" in lowered:
        problem, zh = "cannot connect: no answer from the server", "无法连接：服务器没有响应"
    elif (
        "could not translate host name" in lowered
        or "name or service not known" in lowered
        or "failed to resolve" in lowered
        or "nodename nor servname" in lowered
    ):
        problem, zh = "cannot connect: unknown host name", "无法连接：未知的主机名"
    elif "no pg_hba.conf entry" in lowered or "not allowed" in lowered:
        problem = "the server does not accept connections from this computer or user"
        zh = "服务器不接受来自这台电脑或这个用户的连接"
    elif "permission denied" in lowered:
        problem = "permission denied (the user may not change the repository)"
        zh = "没有权限（该用户不能修改资料库）"
    elif (
        "server closed the connection" in lowered
        or "terminating connection" in lowered
        or "consuming input failed" in lowered
        or "connection is lost" in lowered
    ):
        problem, zh = "the connection to the server was lost", "与服务器的连接中断了"
    else:
        first = next((line for line in text.splitlines() if line.strip()), type(orig).__name__)
        problem = first.replace(url, where)[:200]
        zh = "数据库服务器报告了错误（" + problem + "）"
    if "@" in problem:  # a driver message echoing a URL with a password: drop it
        problem = problem.replace(url, where)
    return RepositoryError(f"{where}: {problem}", zh=f"{where}：{zh}")
