"""Clauses of a built page: the anchors a reader can link to, and the ones that are placeholders for
clauses printed only in the other language."""
from __future__ import annotations

from .htmltext import Element, parse

NOT_CLAUSES = ("note-", "fn-", "fnref", "fn:", "__")


def _article(html_text: str) -> Element:
    root = parse(html_text)
    return root.find("article") or root


def is_clause_id(anchor: str) -> bool:
    return not anchor.startswith(NOT_CLAUSES)


def clause_ids(html_text: str) -> list[str]:
    """Every clause anchor of the page, in document order."""
    return [e.attrs["id"] for e in _article(html_text).iter() if is_clause_id(e.attrs.get("id", "") or "__")]


def gap_ids(html_text: str) -> set[str]:
    """Anchors standing for a clause that this language does not print."""
    return {e.attrs["id"] for e in _article(html_text).iter() if e.attrs.get("id") and "gap" in e.classes}


def clause_text(html_text: str, anchor: str) -> str | None:
    element = _article(html_text).find(id=anchor)
    return " ".join(element.text().split()) if element else None
