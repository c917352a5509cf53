"""One exception tree: every error names where it happened (file, line, entry) and why."""

from __future__ import annotations

from dataclasses import dataclass


class EntenteError(Exception):
    """Base of every error entente raises on purpose."""


class KnowledgeError(EntenteError):
    """A knowledge file (YAML/CSV under knowledge/data) is malformed."""

    def __init__(self, file: str, problem: str, entry: str | None = None):
        self.file, self.problem, self.entry = file, problem, entry
        where = f"{file} ({entry})" if entry else file
        super().__init__(f"{where}: {problem}")


class StoreError(EntenteError):
    """The store cannot be opened, migrated or written."""


class UsageError(EntenteError):
    """The user asked for something that cannot be done as asked (bad option, bad filter)."""


@dataclass(frozen=True)
class InputProblem:
    """One input (file, JSON line, feed entry) that could not be read: reported, never raised.

    Readers yield these instead of raising so that one bad input never stops a batch.
    """

    path: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.reason}"


class InputError(EntenteError):
    """Raised where a single input must fail loudly (e.g. `import events` on a broken file)."""

    def __init__(self, problem: InputProblem):
        self.problem = problem
        super().__init__(str(problem))
