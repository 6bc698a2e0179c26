"""What only the texts can tell, checked before anything is built: no text uses a clause id twice;
each editorial note concerns a clause of its document and is shown once in each language (beside a
data clause, or placed with {{ note() }} in the running text); each assignment names a clause its
language prints; each relation, passed_by, only_in and glossary names a clause of its document; each clause that a document's topics tag exists and every clause has a topic; no
running text stands after a table outside every clause; and each document has the same clause ids
in every language but for those the data declares printed in one language only (so that a link
survives a language switch). Every problem names the file (and line) that holds the mistake."""
from __future__ import annotations

from collections import Counter

from trafiklex.core.errors import Problem
from trafiklex.model.edition import DOCS, Edition
from trafiklex.model.topics import check_tags


def check(edition: Edition) -> list[Problem]:
    """Every problem the texts show (the module's list, in that order)."""
    problems = [p for text in edition.texts().values() for p in _duplicates(text)]
    problems += _check_notes(edition)
    problems += _check_assignments(edition)
    problems += _check_relations(edition)
    problems += _check_anchors(edition)
    problems += _check_effects(edition)
    problems += _check_changes(edition)
    problems += check_tags(edition)
    problems += [p for text in edition.texts().values() for p in _unplaced(text)]
    return problems + [p for d in edition.documents for p in _check_parity(edition, d["id"])]


def _duplicates(text) -> list[Problem]:
    counts = Counter(c.id for c in text.clauses)
    return [Problem(text.source, f"the clause id '{anchor}' is used {count} times in the text (with its tables)",
                    expected="each id once per document and language") for anchor, count in sorted(counts.items()) if count > 1]


def _check_notes(edition: Edition) -> list[Problem]:
    """A note's clause exists; the note is shown once in each language's text of its document."""
    corpus, problems = edition.corpus, []
    for note in corpus.notes.values():
        document = note["document"]
        where = dict(file=note["file"], line=note["line"])
        texts = {lang: edition.text(document, lang) for lang in edition.languages}
        if not any(note["anchor"] in text.ids() for text in texts.values()):
            problems.append(Problem(message=f"the editorial note '{note['id']}' concerns no clause of {document}: "
                                            f"'{note['anchor']}'", field="anchor",
                                    expected="the id of a clause of the document's pages or of its tables", **where))
            continue
        for lang, text in texts.items():
            beside_data = any(c.id == note["anchor"] for part in text.parts() for c in part.clauses)
            count = text.notes_placed().count(note["id"]) + (1 if beside_data else 0)
            if count != 1:
                problems.append(Problem(message=f"the editorial note '{note['id']}' is shown {count} times on "
                                                f"{text.source}", expected='shown once: anchored to a data-rendered clause, '
                                                'or placed with {{ note("' + note["id"] + '") }} in the page', **where))
    return problems


def _check_assignments(edition: Edition) -> list[Problem]:
    problems = []
    for document, a, assignment in edition.corpus.assignments():
        located = edition.corpus.located(document, "assignments")
        page = edition.corpus.document(document)["page"]
        for lang in assignment["bodies"]:
            if lang not in edition.languages:
                continue
            clause = edition.clause(document, assignment["id"], lang)
            if not clause or not (clause.body_text if clause.heading else clause.text):
                problems.append(Problem(located.file, f"no clause '{assignment['id']}' with text in {DOCS}/{lang}/{page}.md",
                                        line=located.line(("assignments", a, "id")), field=f"assignments.{a}.id",
                                        expected=f"the id of a clause that the {lang} page prints (its {{: #id }} or heading id)"))
    return problems


def _has_clause(edition: Edition, document: str, clause: str) -> bool:
    """Whether `clause` is a clause of `document` in any of the edition's languages (its pages or its tables)."""
    return any(clause in edition.text(document, lang).ids() for lang in edition.languages)


def _check_relations(edition: Edition) -> list[Problem]:
    """The clause a relation names (the words that say it) is a clause of the document that declares it."""
    located, problems = edition.corpus.files["documents.yml"], []
    for d, document in enumerate(edition.documents):
        for r, relation in enumerate(document.get("relations", [])):
            clause = relation.get("clause")
            if clause and not _has_clause(edition, document["id"], clause):
                problems.append(Problem(located.file, f"no clause '{clause}' in {document['id']}",
                                        line=located.line(("documents", d, "relations", r, "clause")),
                                        field=f"documents.{d}.relations.{r}.clause",
                                        expected=f"the id of the clause of {document['id']} whose words say it "
                                                 f"{relation['type'].replace('_', ' ')} {relation['document']}"))
    return problems


def _check_anchors(edition: Edition) -> list[Problem]:
    """The clause that says who passed a document (documents.yml, passed_by.clause), and the clause
    where each glossary stands (its anchor, the start of its entries' ids), are clauses of the
    document's pages."""
    problems = []

    def check(located, path: tuple, document: str, clause: str | None, what: str):
        if clause and not _has_clause(edition, document, clause):
            problems.append(Problem(located.file, f"no clause '{clause}' in {document}", line=located.line(path),
                                    field=".".join(map(str, path)), expected=f"the id of the clause of {document} {what}"))

    documents = edition.corpus.files["documents.yml"]
    for d, document in enumerate(edition.documents):
        check(documents, ("documents", d, "passed_by", "clause"), document["id"],
              document.get("passed_by", {}).get("clause"), "whose words say who made it")
        for lang, clauses in document.get("only_in", {}).items():
            for n, clause in enumerate(clauses):
                if lang in edition.languages and clause not in edition.text(document["id"], lang).ids():
                    path = ("documents", d, "only_in", lang, n)
                    problems.append(Problem(documents.file, f"no clause '{clause}' in the {lang} text of {document['id']}",
                                            line=documents.line(path), field=".".join(map(str, path)),
                                            expected=f"the id of a clause that the {lang} page of {document['id']} "
                                                     "prints (and the other languages do not)"))
        located = edition.corpus.located(document["id"], "glossaries")
        for g, glossary in enumerate(located.data["glossaries"] if located else []):
            check(located, ("glossaries", g, "anchor"), document["id"], glossary["anchor"],
                  "under which the glossary stands (its heading's id)")
    return problems


def _check_effects(edition: Edition) -> list[Problem]:
    """The clause an effect concerns is a clause of its document."""
    problems = []
    for document in edition.documents:
        located = edition.corpus.located(document["id"], "status")
        for e, effect in enumerate(located.data["effects"] if located else []):
            clause = effect.get("clause")
            if clause and not _has_clause(edition, document["id"], clause):
                problems.append(Problem(located.file, f"no clause '{clause}' in {document['id']}",
                                        line=located.line(("effects", e, "clause")), field=f"effects.{e}.clause",
                                        expected=f"the id of a clause of {document['id']} (its pages or its tables)"))
    return problems


def _check_changes(edition: Edition) -> list[Problem]:
    """The clause a change of the feed names is a clause of its document."""
    located, problems = edition.corpus.files["changes.yml"], []
    known = {d["id"] for d in edition.documents}
    for n, change in enumerate(located.data["changes"]):
        clause, document = change.get("clause"), change.get("document")
        if clause and document in known and not _has_clause(edition, document, clause):
            problems.append(Problem(located.file, f"no clause '{clause}' in {document}", line=located.line(("changes", n, "clause")),
                                    field=f"changes.{n}.clause", expected=f"the id of a clause of {document}"))
    return problems


def _unplaced(text) -> list[Problem]:
    return [Problem(text.source, f"text after a table that is in no clause: '{words[:60]}'",
                    expected="an id for it ({: #id } on the line after it), as every paragraph of running text has")
            for words in text.unplaced]


def _check_parity(edition: Edition, document_id: str) -> list[Problem]:
    page = edition.corpus.document(document_id)["page"]
    ids = {lang: edition.text(document_id, lang).ids() for lang in edition.languages}
    problems = []
    for lang in edition.languages:
        for other in edition.corpus.languages.others(lang):
            declared = edition.corpus.declared_only_in(document_id, lang, other)
            for anchor in sorted(ids[lang] - ids[other] - declared):
                problems.append(Problem(f"{DOCS}/{other}/{page}.md", f"no clause '{anchor}', which the {lang} page has",
                                        expected=f"the anchor {{: #{anchor} }} here too, or the clause listed under only_in: "
                                                 f"{lang} for {document_id} in data/documents.yml"))
    return problems
