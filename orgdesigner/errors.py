"""Typed errors with messages a user can read.

Every error the core raises for bad input or a refused edit derives from
`OrgDesignerError`; the CLI and the UI show `str(error)` as one line.
"""

from __future__ import annotations

from pathlib import Path


class OrgDesignerError(Exception):
    """Base class: `str(self)` is a complete, user-readable sentence."""


class ModelError(OrgDesignerError):
    """An edit that would break an invariant of the design."""


class CycleError(ModelError):
    """A reporting line that would make a department report to itself."""


class SelfLinkError(ModelError):
    """A link from a department to itself."""


class DuplicateLinkError(ModelError):
    """A second link of the same kind between the same two departments."""


class DuplicateIdError(ModelError):
    """An object whose id is already used in the design."""


class UnknownObjectError(ModelError):
    """A reference to a department, link or function that does not exist."""


class InvalidValueError(ModelError):
    """A field value outside what the model accepts (bad colour, NaN, ...)."""


class FileProblem(OrgDesignerError):
    """A file that cannot be used: names the file and the problem in one line."""

    def __init__(self, path: str | Path, problem: str):
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{self.path.name}: {problem}")

    @classmethod
    def unreadable(cls, path: str | Path, exc: OSError) -> FileProblem:
        """The one line for a file the operating system would not let us read."""
        return cls(path, f"cannot be read ({exc.strerror or exc})")


class NewerFormatError(FileProblem):
    """A design file written by a newer version of the program."""

    def __init__(self, path: str | Path, found: int, supported: int):
        self.found = found
        self.supported = supported
        super().__init__(
            path,
            f"was made by a newer Org Designer (format {found}); "
            f"this version reads up to format {supported}",
        )
        # The message reads "design.db was made by ...", without the colon.
        self.args = (f"{self.path.name} {self.problem}",)

    def __str__(self) -> str:
        return self.args[0]
