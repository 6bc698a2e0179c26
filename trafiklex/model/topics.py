"""Each clause's topics, from its document's tags (data/documents/<document>/topics.yml): its own
listed ones, else those of the nearest listed clause enclosing it, else the document's; and the
checks that only the texts allow (a listed clause exists, every clause ends up with a topic).
The vocabulary and what a topic is called: trafiklex.queries.topics."""
from __future__ import annotations

from trafiklex.core.errors import Problem
from trafiklex.data.corpus import Corpus

TITLE = "title"


def resolve(corpus: Corpus, document_id: str, clause_id: str, parents: dict[str, str | None]) -> tuple[str, ...]:
    """The clause's topics: its own listed ones, else the nearest listed clause enclosing it
    (`parents`: clause id → its parent in a text of the document), else the document's."""
    entry = corpus.topic_tags(document_id)
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


def check_tags(edition) -> list[Problem]:
    """Each listed clause is a clause of its document (in some language), and every clause of every
    text ends up with at least one topic."""
    corpus = edition.corpus
    problems = []
    for document in edition.documents:
        located = corpus.located(document["id"], "topics")
        if located is None:
            continue
        present = set().union(*(edition.text(document["id"], lang).ids() for lang in edition.languages))
        for clause_id in located.data.get("clauses", {}):
            if clause_id not in present:
                problems.append(Problem(located.file, f"no clause '{clause_id}' in {document['id']}",
                                        line=located.line(("clauses", clause_id)), field=f"clauses.{clause_id}",
                                        expected=f"the id of a clause of docs/<lang>/{document['page']}.md or of its data"))
    for (document, lang), text in edition.texts().items():
        located = corpus.located(document, "topics")
        for clause in text.clauses:
            if not clause.topics and not clause.gap and located is not None:
                problems.append(Problem(located.file, f"the clause {document}#{clause.id} has no topic",
                                        expected="a topic for it, for a clause enclosing it, or for its document"))
    return problems


