"""Topics: every clause tagged with the frames practitioners, trainers and monitoring bodies work with
— the "4 Ps" (prevention, protection, prosecution, partnership) and the articles of the UN Trafficking
Protocol (Palermo, 2000) and of the Council of Europe Convention (2005) that it implements or touches.

The tags are data (data/topics.yml, schemas/topics.schema.json), an editorial judgement of this
edition made by reading the texts. A document's `topics` apply to each of its clauses unless the
clause or a clause enclosing it (its parent in the edition model, up to the title) is listed under
`clauses`: the nearest listed one wins (the document's title is not one: its topics are its own). The edition model puts the result on every clause
(`Clause.topics`, trafiklex.model.topics), which also says where a tag names no clause or a clause
ends up with none.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from trafiklex.data.corpus import Corpus

FILE = "topics.yml"
TITLE = "title"


def data(corpus: Corpus) -> dict:
    return corpus.data(FILE)


def frames(corpus: Corpus) -> list[dict]:
    return data(corpus)["frames"]


def vocabulary(corpus: Corpus) -> list[dict]:
    """Every topic, in the order of data/topics.yml (the 4 Ps, then the articles of each treaty)."""
    return data(corpus)["topics"]


def topic(corpus: Corpus, topic_id: str) -> dict:
    return next(t for t in vocabulary(corpus) if t["id"] == topic_id)


def frame(corpus: Corpus, frame_id: str) -> dict:
    return next(f for f in frames(corpus) if f["id"] == frame_id)


def name(corpus: Corpus, topic_id: str, lang: str) -> str:
    """A topic's name as a tag shows it: "Protection", "Palermo art. 6", "CoE art. 12"."""
    item = topic(corpus, topic_id)
    if "article" not in item:
        return item["title"][lang]
    words = corpus.words(lang, "topics.article_tag")
    return words.format(treaty=corpus.words(lang, f"topics.treaty_short.{item['frame']}"), number=item["article"])


def full_name(corpus: Corpus, topic_id: str, lang: str) -> str:
    """A topic's name with its short title: "Palermo art. 6: Assistance to and protection of victims…"."""
    item = topic(corpus, topic_id)
    return item["title"][lang] if "article" not in item else f"{name(corpus, topic_id, lang)}: {item['title'][lang]}"


def clauses_by_topic(edition, lang: str) -> dict[str, list]:
    """topic id → the clauses of `lang` tagged with it, across the documents in their order (printed
    clauses only)."""
    out: dict[str, list] = {t["id"]: [] for t in vocabulary(edition.corpus)}
    for each, clause in _tags(edition, lang, [d["id"] for d in edition.documents]):
        out[each].append(clause)
    return out


def _tags(edition, lang: str, documents: list[str]):
    """(topic id, clause) for each topic of each printed clause of `lang` in `documents`, in order."""
    for document in documents:
        for clause in edition.text(document, lang).clauses:
            if not clause.gap:
                for each in clause.topics:
                    yield each, clause


def tagged_with(edition, topic_id: str, lang: str) -> list:
    """The clauses of `lang` tagged with the topic (clauses_by_topic's list for it), read from the
    documents whose topics the data give it alone (a clause's topics are its document's, or a listed
    clause's: trafiklex.model.topics.resolve), so that a topic's page reads no other document's text."""
    def holders() -> set[str]:
        out = set()
        for document in edition.corpus.documents:
            entry = edition.corpus.topic_tags(document["id"]) or {}
            if topic_id in entry.get("topics", []) or any(topic_id in each for each in entry.get("clauses", {}).values()):
                out.add(document["id"])
        return out
    held = edition.corpus.memo(("topic-documents", topic_id), holders)
    return [clause for each, clause in _tags(edition, lang, [d["id"] for d in edition.documents if d["id"] in held])
            if each == topic_id]


def of_clause(edition, document_id: str, clause_id: str) -> tuple[str, ...]:
    """The topics of a clause, from the first language that prints it (the authoritative first)."""
    for lang in edition.languages:
        clause = edition.clause(document_id, clause_id, lang)
        if clause is not None and not clause.gap:
            return clause.topics
    return ()


def options(corpus: "Corpus", used, lang: str) -> list[tuple[str, str]]:
    """The topics among `used`, in the vocabulary's order, as (id, full name) for a filter."""
    used = set(used)
    return [(t["id"], full_name(corpus, t["id"], lang)) for t in vocabulary(corpus) if t["id"] in used]
