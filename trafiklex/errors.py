"""Errors about bad data or pages: they name the file, the line, the field and what was expected."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Problem:
    file: str
    message: str
    line: int | None = None
    field: str | None = None
    expected: str | None = None

    def __str__(self) -> str:
        where = self.file + (f":{self.line}" if self.line else "")
        text = f"{where}: {self.message}"
        if self.field:
            text += f"\n    field: {self.field}"
        if self.expected:
            text += f"\n    expected: {self.expected}"
        return text


class DataError(Exception):
    """One or more problems that stop the build."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the data or pages:"
        return "\n".join([head, *(str(p) for p in self.problems)])


def fail(file: str, message: str, line: int | None = None, field: str | None = None, expected: str | None = None):
    raise DataError([Problem(file, message, line, field, expected)])
