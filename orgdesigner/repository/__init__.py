"""The team repository: designs kept and edited together in PostgreSQL.

    from orgdesigner.repository import RepoRef, init_repository, push, pull, list_designs, log
    init_repository("postgresql://planner@db.example/org")      # create or upgrade the schema
    push(design, RepoRef(url, "集团总部"), comment="Q3 proposal")  # may raise StaleBaseError
    design = pull(RepoRef(url, "集团总部"))                        # remembers its version
    scenarios = pull_scenarios(RepoRef(url, "集团总部"))           # every scenario of it
    design = pull(RepoRef(url, "集团总部", "目标"))                # one scenario (URL#NAME#目标)
    session = LiveSession.open(RepoRef(url, "集团总部"))           # live co-editing (live.py)

The `.db` file stays the default for a single user and the exchange format.
Every error is a `RepositoryError` whose text is one line naming the server
(never its password). Imported on use only: psycopg and the PostgreSQL
dialect are not loaded by commands that do not touch a repository.
"""

from importlib import import_module

_EXPORTS = {
    "EditConflict": "connection",
    "RepoRef": "connection",
    "RepositoryError": "connection",
    "StaleBaseError": "connection",
    "display_url": "connection",
    "is_repository": "connection",
    "parse_ref": "connection",
    "init_repository": "migrations",
    "open_repository": "migrations",
    "list_designs": "store",
    "log": "store",
    "pull": "store",
    "pull_scenarios": "store",
    "push": "store",
}
__all__ = [
    "EditConflict",
    "RepoRef",
    "RepositoryError",
    "StaleBaseError",
    "display_url",
    "init_repository",
    "is_repository",
    "list_designs",
    "log",
    "open_repository",
    "parse_ref",
    "pull",
    "pull_scenarios",
    "push",
]


def __getattr__(name: str):
    """Load the submodule on first use: the CLI must not import SQLAlchemy/Alembic to start."""
    if name not in _EXPORTS:
        raise AttributeError(name)
    return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
