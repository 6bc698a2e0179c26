"""Open data of the edition model: every clause of every document, in every language, as records —
its id, its standard identifier (the portion URI, trafiklex.core.identifiers), kind, enclosing clause, printed number and label, plain text, the editorial notes about it,
the bodies it gives a duty to, the references it makes, the languages that print it and its topics."""
from __future__ import annotations

from trafiklex.core import identifiers
from trafiklex.data.corpus import Corpus
from trafiklex.model.edition import edition_of


def clause_records(corpus: Corpus) -> list[dict]:
    edition = edition_of(corpus)
    records = []
    for document in corpus.documents:
        work = identifiers.work_of(document, corpus.documents)
        for lang in corpus.languages:
            alpha3 = corpus.languages.get(lang).alpha3
            for clause in edition.text(document["id"], lang).clauses:
                if clause.gap:
                    continue  # (a placeholder: the clause is another language's)
                records.append({
                    "document": document["id"], "language": lang, "id": clause.id,
                    "uri": work.portion(alpha3, clause.id), "kind": clause.kind,
                    "parent": clause.parent or "", "number": clause.number or "",
                    "label": edition.label(document["id"], clause.id, lang, heading=True), "text": clause.text,
                    "notes": list(clause.notes), "bodies": list(clause.bodies),
                    "references": [f"{target_document}#{target}" if target else target_document
                                   for target_document, target in clause.references],
                    "printed_in": list(clause.printed_in),
                    "topics": list(clause.topics),
                })
    return records


def clause_rows(corpus: Corpus) -> list[dict]:
    """The records as table rows (lists joined with '; ')."""
    return [{key: "; ".join(value) if isinstance(value, list) else value for key, value in record.items()}
            for record in clause_records(corpus)]
