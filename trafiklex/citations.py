"""Citations of clauses, built from the data: the document's short title and date, then the clause's
printed numbering — "National Referral Mechanism Cooperation Agreement (18 July 2005), Article 5, A.4"
in English, "Marrëveshja për Mekanizmin Kombëtar Referues (18 korrik 2005), Neni 5, A.4" in Albanian.
A document without a date of its own is dated by the act that approved it."""
from __future__ import annotations

from .corpus import Corpus
from .markdown_clauses import heading_number
from .numbering import clause_label
from .render import format_date

RENUMBERED = ("sec_VIII", "sec_VIII__part_2", "sec_IX", "sec_X")  # sections some English texts number differently


def document_reference(corpus: Corpus, document_id: str, lang: str) -> str:
    document = corpus.document(document_id)
    dated = document
    while "date" not in dated and ("approved_by" in dated or "annex_to" in dated):
        dated = corpus.document(dated.get("approved_by") or dated["annex_to"])
    when = format_date(dated.get("date"), lang)
    return f"{document['short_title'][lang]} ({when})" if when else document["short_title"][lang]


def printed_numbers(corpus: Corpus, document_id: str, lang: str) -> dict[str, str]:
    """The numbers the document's page prints for its renumbered sections, and the words that name
    its unnumbered clauses: glossary entries by their abbreviation, a routing instruction by the
    question it follows (trafiklex.numbering; read once per build)."""
    def read() -> dict[str, str]:
        page = corpus.document(document_id)["page"]
        numbers = {}
        for section in RENUMBERED:
            number = heading_number(corpus.root, page, lang, section)
            if number:
                numbers[section] = number
        for glossary in corpus.glossaries:
            if glossary["document"] == document_id:
                numbers.update({f"{glossary['anchor']}__{e['institution']}": e["abbr"] for e in glossary[lang]})
        if corpus.screening["document"] == document_id:
            numbers.update({r["id"]: r["after"].removeprefix("q_") for r in corpus.screening.get("routing", [])})
        return numbers
    return corpus.memo(("printed-numbers", document_id, lang), read)


def citation(corpus: Corpus, document_id: str, clause_id: str, lang: str, numbers: dict | None = None) -> str:
    numbers = printed_numbers(corpus, document_id, lang) if numbers is None else numbers
    return f"{document_reference(corpus, document_id, lang)}, {clause_label(clause_id, lang, numbers)}"
