"""Dates as a language writes them."""
from __future__ import annotations

from typing import Sequence


def format_date(value: str | None, months: Sequence[str]) -> str:
    """'18 korrik 2005' from '2005-07-18' ('korrik 2005' from '2005-07'), with the catalog's `months`
    of a language (corpus.words(lang, "months"))."""
    if not value:
        return ""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return f"{parts[2]} {months[parts[1] - 1]} {parts[0]}"
    return f"{months[parts[1] - 1]} {parts[0]}"
