"""What became of the texts after 2005, as public sources say it: each document's effects (on it, or on
one of its clauses), the later instruments that made them, and the sources and their words.

The data: data/documents/<document>/status.yml (when sources were searched, and the effects found),
data/instruments.yml (the later framework), data/sources.yml (the sources). Nothing here infers a
status: a document with no effect is one for which no later information was found, as of the date of
the search; a document with no status file is one this edition has not searched for.

The edition's own documents are sources too: where a document of the edition declares that it replaces,
amends or implements another (data/documents.yml `relations`, with the clause whose words say it), the
other has that effect, by that document, and its source is that clause of the edition (`Effect.source`
{document, clause} instead of a public source's {id, where, quote}).
"""
from __future__ import annotations

from dataclasses import dataclass

from trafiklex.core import identifiers, relations
from trafiklex.core.dates import format_date
from trafiklex.data.store import Corpus

TYPES = ("replaced", "superseded", "amended", "expired", "in_force", "unknown", "implemented")
# what a relation declared by a document of the edition is, as an effect on the other document
FROM_RELATIONS = {"replaces": "replaced", "amends": "amended", "implements": "implemented"}
# the effects that change what the text is (a citation of its clauses names them)
CHANGES = ("replaced", "superseded", "amended", "expired")


@dataclass(frozen=True)
class Effect:
    document: str
    clause: str | None          # None: the whole document
    type: str                   # one of TYPES
    by: str | None              # the later instrument (data/instruments.yml)
    since: str | None           # YYYY, YYYY-MM or YYYY-MM-DD, where the source gives it
    recorded: str | None        # when this edition recorded it (an effect by a document of the edition: when it was announced)
    source: dict                # {id, where, quote}
    says: dict                  # what the edition says of it, per language
    index: int                  # its place among the document's effects (its anchor: effect-<document>-<index + 1>)
    by_document: str | None = None   # the document of this edition that does it (its relation)

    @property
    def in_edition(self) -> bool:
        """Whether its source is a clause of this edition (source: {document, clause}), not a public source."""
        return self.by_document is not None


def status(corpus: Corpus, document: str) -> dict | None:
    """The document's status file (when sources were searched, its effects), or None."""
    return corpus.table(document, "status")


def effects(corpus: Corpus, document: str | None = None) -> list[Effect]:
    """The effects on a document (or on every document, in their order), in the order of the data."""
    def collect() -> list[Effect]:
        out = []
        for d in corpus.documents:
            found = [Effect(d["id"], e.get("clause"), e["type"], e.get("by"), e.get("since"), e["recorded"], e["source"], e["says"], i)
                     for i, e in enumerate((status(corpus, d["id"]) or {}).get("effects", []))]
            out += found + _by_the_edition(corpus, d["id"], len(found))
        return out
    found = corpus.memo("effects", collect)
    return [e for e in found if document is None or e.document == document]


def _by_the_edition(corpus: Corpus, document: str, start: int) -> list[Effect]:
    """The effects on a document that documents of the edition declare (replaces, amends, implements it):
    dated by the declaring document, recorded on the day data/changes.yml announced it, in the words of
    status.in_edition_says."""
    announced = {c["document"]: c["date"] for c in corpus.data("changes.yml")["changes"] if c.get("kind") == "document" and c.get("document")}
    out = []
    for relation in relations.relations(corpus.documents):
        if relation.target != document or relation.type not in FROM_RELATIONS:
            continue
        kind, later = FROM_RELATIONS[relation.type], corpus.document(relation.source)
        says = {lang: corpus.words(lang, f"status.in_edition_says.{kind}").format(document=later["short_title"][lang])
                for lang in corpus.languages}
        out.append(Effect(document, None, kind, None, identifiers.work_date(later, corpus.documents),
                          announced.get(relation.source), {"document": relation.source, "clause": relation.clause},
                          says, start + len(out), by_document=relation.source))
    return out


def effects_at(corpus: Corpus, document: str, clause: str) -> list[Effect]:
    return [e for e in effects(corpus, document) if e.clause == clause]


def affected_clauses(corpus: Corpus) -> list[tuple[str, str]]:
    return list(dict.fromkeys((e.document, e.clause) for e in effects(corpus) if e.clause))


def public(effects_found: list[Effect]) -> list[Effect]:
    """The effects that public sources report (not the edition's own documents)."""
    return [e for e in effects_found if not e.in_edition]


def source(corpus: Corpus, source_id: str) -> dict:
    return next(s for s in corpus.data("sources.yml")["sources"] if s["id"] == source_id)


def instruments(corpus: Corpus) -> list[dict]:
    """The later framework, in time order (an undated instrument last)."""
    items = corpus.data("instruments.yml")["instruments"]
    return sorted(items, key=lambda item: (item.get("date") is None, item.get("date") or ""))


def instrument(corpus: Corpus, instrument_id: str) -> dict:
    return next(i for i in corpus.data("instruments.yml")["instruments"] if i["id"] == instrument_id)


def by_name(corpus: Corpus, effect: Effect, lang: str) -> str:
    """What did it, in a few words: 'Law No. 144 (2 May 2013)', 'National Action Plan 2008–2010' (a
    document of the edition), '' where the source names nothing."""
    if effect.by_document:
        return corpus.document(effect.by_document)["short_title"][lang]
    if not effect.by:
        return ""
    item = instrument(corpus, effect.by)
    name = corpus.words(lang, "later.kinds")[item["kind"]]
    if item.get("number"):
        name += f" {corpus.words(lang, 'later.number')} {item['number']}"
    date = date_words(corpus, item.get("date"), lang)
    return name + (f" ({date})" if date else "")


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
