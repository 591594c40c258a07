"""Writer-facing errors: one line each, naming the file, the line and the field."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class DataError:
    path: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message}"


class DataErrors(Exception):
    """Raised with every error found in one run, so a writer can fix them all at once."""

    def __init__(self, errors: list[DataError]):
        self.errors = sorted(set(errors), key=lambda e: (e.path, e.line or 0, e.field))
        super().__init__("\n".join(str(e) for e in self.errors))


class PageError(Exception):
    """A problem in a content page (unknown id, unknown macro). Names the page and the id."""
