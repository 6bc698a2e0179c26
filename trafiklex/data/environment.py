"""The environment variables the build reads, each checked before anything is built: a malformed one
stops the build with its name and the form expected (never a traceback, never markup in a page).

SITE_URL          the address the site is published at: canonical links, sitemap, permalinks
EDITION_DATE      the date of the edition, printed on the PDFs and the pages (YYYY-MM-DD)
SOURCE_DATE_EPOCH the fixed time everything the build stamps uses (sitemap, PDFs, ZIP)"""
from __future__ import annotations

import datetime
import re
from typing import Mapping
from urllib.parse import urlsplit

from trafiklex.core.errors import DataError, Problem, shown

DEFAULT_SITE_URL = "http://localhost:8000/"
# 2005-07-18, the date of the NRM Agreement (the time stamped when none is given)
DEFAULT_EPOCH = 1121644800
# the ZIP format (the offline copy) stores years up to 2107: the last second it can hold
MAX_EPOCH = 4354819199
UNKNOWN_DATE = ("", "—")  # scripts/build.py says "—" when it cannot ask git for the commit's date

# an http(s) address of letters, digits and - . _ ~ / % only: nothing that could close an attribute
# or an XML element (" ' < > &), no spaces, no user name or password, no query, no fragment
_SITE_URL = re.compile(r"(https?)://([A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)(?::([0-9]{1,5}))?(/[A-Za-z0-9._~%/-]*)?")
_LABEL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?")
# the longest address: room for any real one, and short enough that every permalink (the address and
# a clause's path) fits the QR code printed beside it
MAX_SITE_URL = 200
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DIGITS = re.compile(r"[0-9]{1,12}")


def _problem(name: str, value: str, expected: str, why: str | None = None) -> Problem:
    return Problem("(environment)", f"{name} is '{shown(value, 100)}'" + (f": {why}" if why else ""), field=name,
                   expected=expected)


def _site_url_problem(value: str) -> str | None:
    """What is wrong with a SITE_URL; None when it is a fine address."""
    if len(value) > MAX_SITE_URL:
        return f"it is {len(value):,} characters long (at most {MAX_SITE_URL}: permalinks and their QR codes hold it)"
    match = _SITE_URL.fullmatch(value)
    if not match:
        if "?" in value or "#" in value:
            return "it has a query (?) or a fragment (#)"
        if "@" in value.split("/")[2] if value.count("/") >= 2 else "":
            return "it has a user name or password (@)"
        return "it is not an http:// or https:// address of a host name and a path"
    scheme, host, port, path = match.groups()
    labels = host.split(".")
    if len(host) > 253 or not all(_LABEL.fullmatch(label) for label in labels):
        return f"the host name '{host}' is not a valid one (labels of letters, digits and -, 63 at most each)"
    if port is not None and not 1 <= int(port) <= 65535:
        return f"the port {port} is not between 1 and 65535"
    if path and ("//" in path or "/../" in path + "/" or "/./" in path + "/"):
        return f"the path '{path}' has an empty, '.' or '..' part"
    return None


def site_url_problems(environ: Mapping[str, str]) -> list[Problem]:
    value = environ.get("SITE_URL")
    why = None if value is None else _site_url_problem(value)
    if why is None:
        return []
    return [_problem("SITE_URL", value, "the site's address, http:// or https://, a host name, a port between 1 and "
                     "65535 if any, and a path of letters, digits and - . _ ~ / % only, no query, fragment, user "
                     f"name or password, at most {MAX_SITE_URL} characters, e.g. https://example.org/trafiklex/ (or "
                     f"nothing: {DEFAULT_SITE_URL})", why)]


def site_url(environ: Mapping[str, str]) -> str:
    """The site's address (checked: site_url_problems), ending with /."""
    value = environ.get("SITE_URL") or DEFAULT_SITE_URL
    return value if value.endswith("/") else value + "/"


def site_path(environ: Mapping[str, str]) -> str:
    """The path the site is published at on its host, from / to / (e.g. /trafiklex/)."""
    return urlsplit(site_url(environ)).path or "/"


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
