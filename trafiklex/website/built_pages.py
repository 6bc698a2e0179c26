"""Clauses of a built page (for reading the site as a reader's browser gets it, in tests and checks):
the anchors a reader can link to, and the ones that are placeholders for clauses printed only in
another language. An anchor is a clause's when it is a clause id (trafiklex.core.ids.ClauseId)."""
from __future__ import annotations

from trafiklex.core.htmltext import Element, parse
from trafiklex.core.ids import ClauseId


def _article(html_text: str) -> Element:
    root = parse(html_text)
    return root.find("article") or root


def clause_ids(html_text: str) -> list[str]:
    """Every clause anchor of the page, in document order."""
    return [e.attrs["id"] for e in _article(html_text).iter() if ClauseId.is_valid(e.attrs.get("id", ""))]


def gap_ids(html_text: str) -> set[str]:
    """Anchors standing for a clause that this language does not print."""
    return {e.attrs["id"] for e in _article(html_text).iter() if e.attrs.get("id") and "gap" in e.classes}


def clause_text(html_text: str, anchor: str) -> str | None:
    element = _article(html_text).find(id=anchor)
    return " ".join(element.text().split()) if element else None
