"""Deadlines, parsed from their printed text in either language.

Parsed form (all keys optional): by: 'YYYY[-MM]' (due by), from: 'YYYY[-MM]' (starting then),
ongoing: True, case_by_case: True, every_months: n (a recurring duty, e.g. quarterly reporting).
A deadline relative to the entry into force ("within two months of …") needs the document's date.
"""
from __future__ import annotations

import re

from trafiklex.core.text import fold

MONTHS = {
    "janar": 1, "shkurt": 2, "mars": 3, "prill": 4, "maj": 5, "qershor": 6, "korrik": 7, "gusht": 8,
    "shtator": 9, "tetor": 10, "nentor": 11, "dhjetor": 12,
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WHEN = rf"(?:(?P<month>{_MONTH})\s+)?(?P<year>(?:19|20)\d\d)"
_UP_TO = r"(?P<upto>deri ne|deri me|deri|up to)\s+"
_ONGOING = r"(?:e ne vazhdimesi|e ne vazhdim|dhe ne vazhdimesi|dhe ne vazhdim|and ongoing|ne vazhdimesi|ongoing)"
_CASE = r"(?:rast pas rasti|case by case)"

FORMS = [
    (re.compile(rf"^(?:{_UP_TO})?{_WHEN}$"), "by"),
    (re.compile(rf"^(?:{_UP_TO})?{_WHEN}\s+{_ONGOING}$"), "from_ongoing"),
    (re.compile(r"^(?:ne vazhdimesi|ongoing)$"), "ongoing"),
    (re.compile(rf"^(?:ne vazhdimesi|ongoing)\s+(?:dhe\s+)?{_CASE}$"), "ongoing_case"),
]

NUMBERS = {"nje": 1, "one": 1, "dy": 2, "two": 2, "tre": 3, "three": 3, "gjashte": 6, "six": 6}
_N = r"(?P<n>\d+|" + "|".join(NUMBERS) + ")"
RECURRING = [
    re.compile(rf"^(?:cdo|every)\s+{_N}\s+(?:muaj|months)\b"),
    re.compile(rf"^(?:ne baze|on a)\s+(?:{_N}[ -]mujore|quarterly basis)\b"),
    re.compile(r"^(?:ne baze tre-mujore|on a quarterly basis)\b"),
]
RELATIVE = re.compile(rf"^(?:brenda|within)\s+{_N}\s+(?:muajsh|months)\s+(?:nga hyrja ne fuqi|of the coming into force)\b")

EXPECTED = ("a month and year, optionally after 'deri ne'/'up to' ('deri ne Shtator 2005', 'Up to June 2006'); "
            "that followed by 'e ne vazhdim(esi)'/'and ongoing'; 'ne vazhdimesi'/'Ongoing'; "
            "or 'ne vazhdimesi dhe rast pas rasti'/'Ongoing, case by case'; "
            "a recurring duty ('cdo tre muaj', 'every three months', 'ne baze tre-mujore', 'on a quarterly basis'); "
            "or 'brenda dy muajsh nga hyrja ne fuqi'/'within two months of the coming into force'")


class DeadlineError(ValueError):
    pass


def _when(match) -> str:
    month = match.group("month")
    return match.group("year") + (f"-{MONTHS[month]:02d}" if month else "")


def _number(match) -> int:
    n = match.groupdict().get("n")
    return 3 if n is None else int(n) if n.isdigit() else NUMBERS[n]


def parse(printed: str, reference: str | None = None) -> dict:
    """Parse a printed deadline; `reference` (YYYY-MM-DD) is the date relative deadlines count from.
    Raises DeadlineError when the form is unknown."""
    normal = re.sub(r"[.,;:]", " ", fold(printed))
    normal = re.sub(r"\s+", " ", normal).strip()
    for pattern in RECURRING:
        match = pattern.match(normal)
        if match:
            return {"every_months": _number(match)}
    match = RELATIVE.match(normal)
    if match:
        if not reference:
            raise DeadlineError(f"a deadline relative to the entry into force needs the document's date: {printed!r}")
        year, month = int(reference[:4]), int(reference[5:7]) + _number(match)
        year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
        return {"by": f"{year}-{month:02d}"}
    for pattern, kind in FORMS:
        match = pattern.match(normal)
        if not match:
            continue
        if kind == "by":
            return {"by": _when(match)}
        if kind == "from_ongoing":
            key = "by" if match.group("upto") else "from"
            return {key: _when(match), "ongoing": True}
        if kind == "ongoing":
            return {"ongoing": True}
        return {"ongoing": True, "case_by_case": True}
    raise DeadlineError(f"unknown deadline form: {printed!r}")


def sort_key(parsed: dict | None) -> tuple:
    """Order deadlines by their date (by/from); recurring, then ongoing, then none, last."""
    parsed = parsed or {}
    when = parsed.get("by") or parsed.get("from")
    if when:
        return (0, when + "-00" if len(when) == 4 else when)
    if parsed.get("every_months"):
        return (1, "")
    return (2, "") if parsed.get("ongoing") else (3, "")
