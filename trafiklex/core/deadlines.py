"""Deadlines, parsed from their printed text in either language.

The parsed form (`due`; every key optional):

  by:    'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'   due by then            "deri në dhjetor 2009", "By the end of 2009"
  from:  'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'   starting then          "qershor 2008 e në vazhdim", "2008 and ongoing"
  from + by                                  a period               "2008–2010", "janar–qershor 2009", "Q4 2009",
                                                                    "gjatë vitit 2009" (from 2009 by 2009)
  ongoing: true, case_by_case: true                                 "në vazhdimësi", "Continuous", "rast pas rasti"
  every_months: n                            a recurring duty       "çdo 3 muaj", "every six months", "Annually" (12)

The grammar reads the text folded (no case, no diacritics: "ne vazhdimesi" = "në vazhdimësi"), with
punctuation as spaces and dashes as '-'. Its pieces: a date (a year; a month and year, the month
written out or abbreviated in either language, "Dec. 2009", "dhjetorit 2009"; a day, "31.12.2009",
"31 December 2009"), a quarter (Roman, Arabic or ordinal: "Tremujori IV 2009", "tremujori i parë
2010", "Q4 2009", "the fourth quarter of 2009"), and the words around them ("deri në", "By the end
of", "gjatë", "During", "e në vazhdim", "and ongoing"). A deadline relative to the entry into force
("within two months of …") needs the document's date.
"""
from __future__ import annotations

import datetime
import re

from trafiklex.core.text import fold

# --- words ----------------------------------------------------------------------------------------

_SQ_MONTHS = ["janar", "shkurt", "mars", "prill", "maj", "qershor", "korrik", "gusht", "shtator", "tetor", "nentor", "dhjetor"]
_EN_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
              "november", "december"]
_ABBREVIATIONS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,                                                                        # English
    "shk": 2, "pri": 4, "qer": 6, "kor": 7, "gush": 8, "sht": 9, "tet": 10, "nen": 11, "dhj": 12,  # Albanian
}
MONTHS = {
    **{name: n for n, name in enumerate(_SQ_MONTHS, 1)},
    # the Albanian definite forms: "deri në fund të dhjetorit 2009", "korriku"
    **{name + ("ut" if name.endswith("k") else "it"): n for n, name in enumerate(_SQ_MONTHS, 1)},
    **{name + ("u" if name.endswith("k") else "i"): n for n, name in enumerate(_SQ_MONTHS, 1)},
    **{name: n for n, name in enumerate(_EN_MONTHS, 1)},
    **_ABBREVIATIONS,
}
QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4,
            "pare": 1, "dyte": 2, "trete": 3, "katert": 4,
            "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
NUMBERS = {"nje": 1, "one": 1, "dy": 2, "two": 2, "tre": 3, "three": 3, "kater": 4, "four": 4,
           "gjashte": 6, "six": 6, "dymbedhjete": 12, "twelve": 12}


def _alternatives(words) -> str:
    return "|".join(sorted(words, key=len, reverse=True))   # the longest first: "sept" before "sep"


_MONTH = _alternatives(MONTHS)
_YEAR = r"(?:19|20)\d\d"
_OF = r"(?:(?:e|te|i|of) )?(?:(?:vitit|the year) )?"   # "tremujori i parë i vitit 2010", "end of the year 2009"
# a date: "31 12 2009" (31.12.2009), "31 dhjetor 2009", "December 31 2009", "dhjetor 2009", "2009"
_DATE = rf"(?:\d{{1,2}} \d{{1,2}} |(?:\d{{1,2}} )?(?:{_MONTH})(?: \d{{1,2}})? {_OF})?{_YEAR}"
# the start of a period may leave its year to the end: "janar-qershor 2009"
_START = rf"(?:{_DATE}|(?:\d{{1,2}} )?(?:{_MONTH}))"
_QUARTER = (rf"(?:tremujor(?:it|i)? (?:(?:i|e|te) )?(?P<q>{_alternatives(QUARTERS)}) {_OF}"
            rf"|q ?(?P<q_en>[1-4]) {_OF}|(?:the )?(?P<q_word>{_alternatives(QUARTERS)}) quarter {_OF})(?P<year>{_YEAR})")

_BY = (r"(?:deri ne fund te|deri ne fundin e|deri ne|deri me|deri|ne fund te|fundi i|up to|until|till|"
       r"by the end of|by end of|at the end of|end of|by|not later than|jo me vone se)")
_FROM = r"(?:duke filluar nga|duke filluar me|nga|prej|starting from|starting|from|since)"
_DURING = r"(?:gjate|brenda|during|in the course of|within|in|ne)"
_UNIT = r"(?:(?:vitit|muajit|viti|the year|the month|year) )?"
_ONGOING = r"(?:ne vazhdimesi|ne vazhdim|vazhdimisht|ongoing|continuous|continuously|continuing|on an ongoing basis)"
_ONGOING_AFTER = (r"(?:e ne vazhdimesi|e ne vazhdim|dhe ne vazhdimesi|dhe ne vazhdim|e vazhdimisht|dhe vazhdimisht|"
                  r"and ongoing|and continuing|and continuous|ne vazhdimesi|ongoing|onwards|e tutje|e me tej)")
_CASE = r"(?:rast pas rasti|case by case)"
_UNTIL = r"(?:-| (?:deri ne|deri me|deri|to|until|till|through) )"
_N = r"(?P<n>\d+|" + _alternatives(NUMBERS) + ")"

# --- the forms --------------------------------------------------------------------------------------

# recurring duties: the printed text may go on ("çdo tre muaj nga data e miratimit …")
RECURRING = [
    (re.compile(rf"^(?:cdo|every|each)\s+{_N}\s+(?:muaj|months)\b"), None),
    (re.compile(rf"^(?:ne baze|on a)\s+(?:{_N}[ -]mujore|quarterly basis)\b"), None),
    (re.compile(r"^(?:ne baze tre-mujore|on a quarterly basis|quarterly|cdo tremujor|every quarter)\b"), 3),
    (re.compile(r"^(?:cdo vit|cdo vite|cdo vjet|ne baze vjetore|every year|each year|annually|yearly|"
                r"on an annual basis)\b"), 12),
    (re.compile(r"^(?:cdo gjashtemujor|semi-annually|semiannually|twice a year|every half year)\b"), 6),
    (re.compile(r"^(?:cdo muaj|ne baze mujore|every month|each month|monthly|on a monthly basis)\b"), 1),
]
RELATIVE = re.compile(rf"^(?:brenda|within)\s+{_N}\s+(?:muajsh|months)\s+(?:nga hyrja ne fuqi|of the coming into force)\b")
ONGOING = re.compile(rf"^{_ONGOING}(?: (?:dhe )?(?P<case>{_CASE}))?$")
DATED = re.compile(rf"^(?:(?:(?P<by>{_BY})|(?P<from>{_FROM})) {_UNIT})?(?P<date>{_DATE})(?: (?P<ongoing>{_ONGOING_AFTER}))?$")
PERIOD = re.compile(rf"^(?:(?:{_FROM}|{_DURING}|periudha|periudhen|vitet|the period|period|the years|years) )?"
                    rf"(?P<start>{_START}){_UNTIL}(?P<end>{_DATE})$")
DURING = re.compile(rf"^{_DURING} {_UNIT}(?P<date>{_DATE})$")
QUARTER = re.compile(rf"^(?:(?P<by>{_BY}) |{_DURING} )?{_QUARTER}$")

EXPECTED = ("a date ('2009', 'dhjetor 2009', 'Dec. 2009', '31.12.2009', '31 December 2009'), alone or after "
            "'deri në'/'deri më'/'deri në fund të (vitit)'/'Up to'/'By'/'Until'/'By the end of' ('deri ne Shtator "
            "2005', 'By December 2009'), or followed by 'e në vazhdim(ësi)'/'and ongoing'; a period ('2008–2010', 'janar–qershor 2009', 'gjatë vitit 2009'/"
            "'During 2009'); a quarter ('Tremujori IV 2009', 'tremujori i parë 2010', 'Q4 2009', 'the fourth quarter "
            "of 2009'); 'në vazhdimësi'/'vazhdimisht'/'Ongoing'/'Continuous', optionally with 'rast pas rasti'/"
            "'case by case'; a recurring duty ('çdo 3 muaj', 'every six months', 'çdo vit', 'Annually', 'ne baze "
            "tre-mujore', 'on a quarterly basis'); or 'brenda dy muajsh nga hyrja në fuqi'/'within two months of the "
            "coming into force'")


class DeadlineError(ValueError):
    pass


def normalize(printed: str) -> str:
    """The printed text as the grammar reads it: folded, punctuation as spaces, dashes as '-'."""
    text = re.sub(r"[.,;:/]", " ", fold(printed))
    text = re.sub(r"\s*[-\u2010-\u2015\u2212]\s*", "-", text)
    return re.sub(r"\s+", " ", text).strip()


def _date(text: str, printed: str) -> str:
    """'2009', '2009-12' or '2009-12-31' from a date as the grammar matched it."""
    numbers = re.fullmatch(rf"(\d{{1,2}}) (\d{{1,2}}) ({_YEAR})", text)
    if numbers:
        day, month, year = int(numbers.group(1)), int(numbers.group(2)), numbers.group(3)
    else:
        named = re.fullmatch(rf"(?:(\d{{1,2}}) )?(?:({_MONTH})(?: (\d{{1,2}}))? {_OF})?({_YEAR})", text)
        day = int(named.group(1) or named.group(3) or 0)
        month, year = MONTHS[named.group(2)] if named.group(2) else 0, named.group(4)
    try:
        datetime.date(int(year), month or 1, day or 1)
    except ValueError:
        raise DeadlineError(f"not a date of the calendar: {printed!r}") from None
    return year + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if day else "")


def _period(start: str, end: str, printed: str) -> dict:
    if start > end:
        raise DeadlineError(f"the period ends before it starts: {printed!r}")
    return {"from": start, "by": end}


def _number(match) -> int:
    n = match.groupdict().get("n")
    return 3 if n is None else int(n) if n.isdigit() else NUMBERS[n]


def parse(printed: str, reference: str | None = None) -> dict:
    """Parse a printed deadline; `reference` (YYYY-MM-DD) is the date relative deadlines count from.
    Raises DeadlineError when the form is unknown."""
    normal = normalize(printed)
    for pattern, months in RECURRING:
        match = pattern.match(normal)
        if match:
            return {"every_months": months or _number(match)}
    match = RELATIVE.match(normal)
    if match:
        if not reference:
            raise DeadlineError(f"a deadline relative to the entry into force needs the document's date: {printed!r}")
        year, month = int(reference[:4]), int(reference[5:7]) + _number(match)
        year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
        return {"by": f"{year}-{month:02d}"}
    if match := ONGOING.match(normal):
        return {"ongoing": True, "case_by_case": True} if match.group("case") else {"ongoing": True}
    if match := DATED.match(normal):
        when = _date(match.group("date"), printed)
        if not match.group("ongoing"):
            return {"from": when} if match.group("from") else {"by": when}
        return {"by" if match.group("by") else "from": when, "ongoing": True}
    if match := PERIOD.match(normal):
        end = _date(match.group("end"), printed)
        start = match.group("start")
        if not re.search(rf"{_YEAR}$", start):   # "janar-qershor 2009": the year of the end
            start += " " + end[:4]
        return _period(_date(start, printed), end, printed)
    if match := DURING.match(normal):
        when = _date(match.group("date"), printed)
        return _period(when, when, printed)
    if match := QUARTER.match(normal):
        quarter = QUARTERS[match.group("q") or match.group("q_en") or match.group("q_word")]
        year = match.group("year")
        last = f"{year}-{quarter * 3:02d}"
        return {"by": last} if match.group("by") else _period(f"{year}-{quarter * 3 - 2:02d}", last, printed)
    raise DeadlineError(f"unknown deadline form: {printed!r}")


def try_parse(printed: str | None, reference: str | None = None) -> dict | None:
    """The parsed deadline, or None where the form is unknown (the editor wrote `due` then)."""
    try:
        return parse(printed, reference) if printed else None
    except DeadlineError:
        return None


def years(due: dict) -> set[str]:
    """The years a parsed deadline names."""
    return {value[:4] for key, value in due.items() if key in ("by", "from")}


def printed_years(printed: str) -> set[str]:
    return set(re.findall(rf"(?<!\d)({_YEAR})(?!\d)", printed))


def written_for(due: dict, printed: str) -> bool:
    """A `due` the editor wrote for a printed form the grammar does not know is accepted when it names
    a year and every year it names is printed in the cell."""
    named = years(due)
    return bool(named) and named <= printed_years(printed)


def sort_key(parsed: dict | None) -> tuple:
    """Order deadlines by their date (by/from); recurring, then ongoing, then none, last."""
    parsed = parsed or {}
    when = parsed.get("by") or parsed.get("from")
    if when:
        return (0, when + "-00" if len(when) == 4 else when)
    if parsed.get("every_months"):
        return (1, "")
    return (2, "") if parsed.get("ongoing") else (3, "")
