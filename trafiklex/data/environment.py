"""The environment variables the build reads, each checked before anything is built: a malformed one
stops the build with its name and the form expected (never a traceback, never markup in a page).

SITE_URL          the address the site is published at: canonical links, sitemap, permalinks
EDITION_DATE      the date of the edition, printed on the PDFs and the pages (YYYY-MM-DD)
SOURCE_DATE_EPOCH the fixed time everything the build stamps uses (sitemap, PDFs, ZIP)"""
from __future__ import annotations

import datetime
import re
from typing import Mapping

from trafiklex.core.errors import DataError, Problem, shown

DEFAULT_SITE_URL = "http://localhost:8000/"
# 2005-07-18, the date of the NRM Agreement (the time stamped when none is given)
DEFAULT_EPOCH = 1121644800
# the ZIP format (the offline copy) stores years up to 2107: the last second it can hold
MAX_EPOCH = 4354819199
UNKNOWN_DATE = ("", "—")  # scripts/build.py says "—" when it cannot ask git for the commit's date

# an http(s) address of letters, digits and - . _ ~ / % only: nothing that could close an attribute
# or an XML element (" ' < > &), no spaces, no user name or password, no query
_SITE_URL = re.compile(r"https?://[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::[0-9]{1,5})?(?:/[A-Za-z0-9._~%/-]*)?")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DIGITS = re.compile(r"[0-9]{1,12}")


def _problem(name: str, value: str, expected: str) -> Problem:
    return Problem("(environment)", f"{name} is '{shown(value, 100)}'", field=name, expected=expected)


def site_url_problems(environ: Mapping[str, str]) -> list[Problem]:
    value = environ.get("SITE_URL")
    if value is None or _SITE_URL.fullmatch(value):
        return []
    return [_problem("SITE_URL", value, "the site's address, http:// or https://, a host name and a path of letters, "
                     "digits and - . _ ~ / % only, e.g. https://example.org/trafiklex/ (or nothing: "
                     f"{DEFAULT_SITE_URL})")]


def edition_date(environ: Mapping[str, str]) -> tuple[str | None, list[Problem]]:
    """EDITION_DATE: a date YYYY-MM-DD, or None when it is unknown (empty or '—')."""
    value = environ.get("EDITION_DATE", "").strip()
    if value in UNKNOWN_DATE:
        return None, []
    try:
        if _ISO_DATE.fullmatch(value):
            datetime.date.fromisoformat(value)
            return value, []
    except ValueError:
        pass
    return None, [_problem("EDITION_DATE", value, "a date as YYYY-MM-DD, e.g. 2026-11-28 (or nothing)")]


def epoch(environ: Mapping[str, str]) -> tuple[int, list[Problem]]:
    """SOURCE_DATE_EPOCH: whole seconds since 1970, up to the end of 2107 (what a ZIP can store)."""
    value = environ.get("SOURCE_DATE_EPOCH", str(DEFAULT_EPOCH)).strip()
    if _DIGITS.fullmatch(value) and int(value) <= MAX_EPOCH:
        return int(value), []
    return DEFAULT_EPOCH, [_problem("SOURCE_DATE_EPOCH", value, "a whole number of seconds since 1970-01-01, e.g. "
                                    f"1121644800, at most {MAX_EPOCH} (the end of 2107)")]


def check(environ: Mapping[str, str]) -> None:
    """Every variable the build reads; raises DataError naming each malformed one."""
    problems = site_url_problems(environ) + edition_date(environ)[1] + epoch(environ)[1]
    if problems:
        raise DataError(problems)
