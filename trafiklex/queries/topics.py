"""Topics: every clause tagged with the frames practitioners, trainers and monitoring bodies work with
— the "4 Ps" (prevention, protection, prosecution, partnership) and the articles of the UN Trafficking
Protocol (Palermo, 2000) and of the Council of Europe Convention (2005) that it implements or touches.

The tags are data (data/topics.yml, schemas/topics.schema.json), an editorial judgement of this
edition made by reading the texts. A document's `topics` apply to each of its clauses unless the
clause or a clause enclosing it (its parent in the edition model, up to the title) is listed under
`clauses`: the nearest listed one wins (the document's title is not one: its topics are its own). The edition model puts the result on every clause
(`Clause.topics`, trafiklex.model.edition); `check_tags` says where a tag names no clause or a clause
ends up with none.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from trafiklex.data.corpus import Corpus
from trafiklex.core.errors import Problem
from trafiklex.core.ids import ClauseId

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


def tagging(corpus: Corpus, document_id: str) -> dict | None:
    return next((d for d in data(corpus)["documents"] if d["document"] == document_id), None)


def resolve(corpus: Corpus, document_id: str, clause_id: str, parents: dict[str, str | None]) -> tuple[str, ...]:
    """The clause's topics: its own listed ones, else the nearest listed clause enclosing it
    (`parents`: clause id → its parent in a text of the document), else the document's."""
    entry = tagging(corpus, document_id)
    if entry is None:
        return ()
    listed = entry.get("clauses", {})
    seen, current = set(), clause_id
    while current and current not in seen:
        if current in listed:
            return tuple(listed[current])
        seen.add(current)
        current = parents.get(current)
        if current == TITLE:
            break  # a title's topics are its own: every clause stands under it
    return tuple(entry["topics"])


def check_data(corpus: Corpus) -> list[Problem]:
    """What the schema cannot say, before any page is read: each frame and topic once, each topic of a
    known frame, each document listed once and known, each tag a known topic, each id a clause id,
    each text in every language of the edition."""
    located = corpus.files[FILE]
    problems: list[Problem] = []

    def report(path: tuple, message: str, expected: str):
        problems.append(Problem(located.file, message, line=located.line(path), field=".".join(map(str, path)),
                                expected=expected))

    frame_ids = [f["id"] for f in frames(corpus)]
    topic_ids = [t["id"] for t in vocabulary(corpus)]
    for key, ids in (("frames", frame_ids), ("topics", topic_ids)):
        for i, each in enumerate(ids):
            if ids.index(each) != i:
                report((key, i, "id"), f"'{each}' is listed twice", "each id once")
    for f, item in enumerate(frames(corpus)):
        for field in ("title", "description"):
            for lang in corpus.languages:
                if lang not in item[field]:
                    report(("frames", f, field), f"no '{lang}' text", f"a text in each language of data/languages.yml")
    for t, item in enumerate(vocabulary(corpus)):
        if item["frame"] not in frame_ids:
            report(("topics", t, "frame"), f"unknown frame '{item['frame']}'", f"one of {frame_ids}")
        for lang in corpus.languages:
            if lang not in item["title"]:
                report(("topics", t, "title"), f"no '{lang}' text", "a text in each language of data/languages.yml")
    documents = [d["id"] for d in corpus.documents]
    listed = [d["document"] for d in data(corpus)["documents"]]
    for d, entry in enumerate(data(corpus)["documents"]):
        if entry["document"] not in documents:
            report(("documents", d, "document"), f"unknown document '{entry['document']}'", "a document of data/documents.yml")
        if listed.index(entry["document"]) != d:
            report(("documents", d, "document"), f"the document '{entry['document']}' is listed twice", "each document once")
        tagged = [(("documents", d, "topics", k), each) for k, each in enumerate(entry["topics"])]
        for clause_id, tags in entry.get("clauses", {}).items():
            if not ClauseId.is_valid(clause_id):
                report(("documents", d, "clauses", clause_id), f"'{clause_id}' is not a clause id", "a clause id (EDITING.md)")
            tagged += [(("documents", d, "clauses", clause_id, k), each) for k, each in enumerate(tags)]
        for path, each in tagged:
            if each not in topic_ids:
                report(path, f"unknown topic '{each}'", "a topic listed under topics: in data/topics.yml")
    for document in documents:
        if document not in listed:
            problems.append(Problem(located.file, f"the document '{document}' has no topics",
                                    line=located.line(("documents",)), field="documents",
                                    expected=f"an entry '- document: {document}' with its topics (every clause needs one)"))
    return problems


def check_tags(edition) -> list[Problem]:
    """Each listed clause is a clause of its document (in some language), and every clause of every
    text ends up with at least one topic."""
    corpus = edition.corpus
    located = corpus.files[FILE]
    problems = []
    for d, entry in enumerate(data(corpus)["documents"]):
        if entry["document"] not in {doc["id"] for doc in edition.documents}:
            continue
        present = set().union(*(edition.text(entry["document"], lang).ids() for lang in edition.languages))
        for clause_id in entry.get("clauses", {}):
            if clause_id not in present:
                page = corpus.document(entry["document"])["page"]
                problems.append(Problem(located.file, f"no clause '{clause_id}' in {entry['document']}",
                                        line=located.line(("documents", d, "clauses", clause_id)),
                                        field=f"documents.{d}.clauses.{clause_id}",
                                        expected=f"the id of a clause of docs/<lang>/{page}.md or of its data"))
    for (document, lang), text in edition.texts().items():
        for clause in text.clauses:
            if not clause.topics and not clause.gap and tagging(corpus, document) is not None:
                problems.append(Problem(located.file, f"the clause {document}#{clause.id} has no topic",
                                        expected="a topic for it, for a clause enclosing it, or for its document"))
    return problems


def clauses_by_topic(edition, lang: str) -> dict[str, list]:
    """topic id → the clauses of `lang` tagged with it, across the documents in their order (printed
    clauses only)."""
    out: dict[str, list] = {t["id"]: [] for t in vocabulary(edition.corpus)}
    for document in edition.documents:
        for clause in edition.text(document["id"], lang).clauses:
            if clause.gap:
                continue
            for each in clause.topics:
                out[each].append(clause)
    return out


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
