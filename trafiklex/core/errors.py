"""Errors about bad data or pages: they name the file, the line, the field and what was expected."""
from __future__ import annotations

from dataclasses import dataclass

from trafiklex.core.limits import CONTROL


def shown(text: str, limit: int = 500) -> str:
    """A text as a message may show it: control characters escaped (\\x1b: they would act on the
    terminal), and cut short after `limit` characters (a message never reproduces a whole file)."""
    text = CONTROL.sub(lambda m: ascii(m.group())[1:-1], str(text))
    if len(text) > limit:
        text = f"{text[:limit]}… ({len(text):,} characters in all)"
    return text


@dataclass
class Problem:
    file: str
    message: str
    line: int | None = None
    field: str | None = None
    expected: str | None = None

    def __str__(self) -> str:
        where = shown(self.file, 200) + (f":{self.line}" if self.line else "")
        text = f"{where}: {shown(self.message)}"
        if self.field:
            text += f"\n    field: {shown(self.field, 200)}"
        if self.expected:
            text += f"\n    expected: {shown(self.expected, 1000)}"
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
