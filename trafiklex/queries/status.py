"""What became of the texts after 2005, as public sources say it: each document's effects (on it, or on
one of its clauses), the later instruments that made them, and the sources and their words.

The data: data/documents/<document>/status.yml (when sources were searched, and the effects found),
data/instruments.yml (the later framework), data/sources.yml (the sources). Nothing here infers a
status: a document with no effect is one for which no later information was found, as of the date of
the search; a document with no status file is one this edition has not searched for.
"""
from __future__ import annotations

from dataclasses import dataclass

from trafiklex.core.dates import format_date
from trafiklex.data.store import Corpus

TYPES = ("replaced", "superseded", "amended", "expired", "in_force", "unknown")


@dataclass(frozen=True)
class Effect:
    document: str
    clause: str | None          # None: the whole document
    type: str                   # one of TYPES
    by: str | None              # the later instrument (data/instruments.yml)
    since: str | None           # YYYY, YYYY-MM or YYYY-MM-DD, where the source gives it
    recorded: str               # when this edition recorded it
    source: dict                # {id, where, quote}
    says: dict                  # what the edition says of it, per language
    index: int                  # its place in the document's status file


def status(corpus: Corpus, document: str) -> dict | None:
    """The document's status file (when sources were searched, its effects), or None."""
    return corpus.table(document, "status")


def effects(corpus: Corpus, document: str | None = None) -> list[Effect]:
    """The effects on a document (or on every document, in their order), in the order of the data."""
    def collect() -> list[Effect]:
        return [Effect(d["id"], e.get("clause"), e["type"], e.get("by"), e.get("since"), e["recorded"], e["source"], e["says"], i)
                for d in corpus.documents for i, e in enumerate((status(corpus, d["id"]) or {}).get("effects", []))]
    found = corpus.memo("effects", collect)
    return [e for e in found if document is None or e.document == document]


def effects_at(corpus: Corpus, document: str, clause: str) -> list[Effect]:
    return [e for e in effects(corpus, document) if e.clause == clause]


def affected_clauses(corpus: Corpus) -> list[tuple[str, str]]:
    return list(dict.fromkeys((e.document, e.clause) for e in effects(corpus) if e.clause))


def source(corpus: Corpus, source_id: str) -> dict:
    return next(s for s in corpus.data("sources.yml")["sources"] if s["id"] == source_id)


def instruments(corpus: Corpus) -> list[dict]:
    """The later framework, in time order (an undated instrument last)."""
    items = corpus.data("instruments.yml")["instruments"]
    return sorted(items, key=lambda item: (item.get("date") is None, item.get("date") or ""))


def instrument(corpus: Corpus, instrument_id: str) -> dict:
    return next(i for i in corpus.data("instruments.yml")["instruments"] if i["id"] == instrument_id)


def title_in(item: dict, lang: str) -> tuple[str, str]:
    """An instrument's title in `lang`, or else in the language a source gives it: (title, its language)."""
    if lang in item["title"]:
        return item["title"][lang], lang
    other = next(iter(item["title"]))
    return item["title"][other], other


def date_words(corpus: Corpus, value: str | None, lang: str) -> str:
    """'2 May 2013', 'May 2006', '2011' in `lang` ('' for none)."""
    if not value:
        return ""
    return value if len(value) == 4 else format_date(value, corpus.words(lang, "months"))


def searched(corpus: Corpus, document: str) -> str | None:
    """When public sources were last searched for the document (None: not searched)."""
    data = status(corpus, document)
    return data["checked"] if data else None
