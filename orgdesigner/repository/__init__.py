"""The team repository: designs kept and edited together in PostgreSQL.

    from orgdesigner.repository import RepoRef, init_repository, push, pull, list_designs, log
    init_repository("postgresql://planner@db.example/org")      # create or upgrade the schema
    push(design, RepoRef(url, "集团总部"), comment="Q3 proposal")  # may raise StaleBaseError
    design = pull(RepoRef(url, "集团总部"))                        # remembers its version
    session = LiveSession.open(RepoRef(url, "集团总部"))           # live co-editing (live.py)

The `.db` file stays the default for a single user and the exchange format.
Every error is a `RepositoryError` whose text is one line naming the server
(never its password). Imported on use only: psycopg and the PostgreSQL
dialect are not loaded by commands that do not touch a repository.
"""

from .connection import (
    EditConflict, RepoRef, RepositoryError, StaleBaseError, display_url, is_repository, parse_ref,
)
from .migrations import init_repository, open_repository
from .store import list_designs, log, pull, push

__all__ = ["EditConflict", "RepoRef", "RepositoryError", "StaleBaseError", "display_url",
           "init_repository", "is_repository", "list_designs", "log", "open_repository",
           "parse_ref", "pull", "push"]
