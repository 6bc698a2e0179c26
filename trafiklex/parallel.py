"""The languages of each document side by side, clause by clause: a join of the edition's texts on
their clause ids, keeping the order of both (trafiklex.alignment.align). The basis of the side-by-side
view, the divergence report, the reference check, the staleness flags and the translation memory."""
from __future__ import annotations

from dataclasses import dataclass

from .alignment import align
from .corpus import Corpus
from .model.clauses import plain_text
from .model.edition import edition_of


@dataclass(frozen=True)
class Pair:
    document: str
    id: str                 # the clause id ("" for the text before the first clause)
    sq: str | None          # plain text, None where the language does not print it here
    en: str | None
    sq_html: str | None
    en_html: str | None

    def side(self, lang: str) -> str | None:
        return self.sq if lang == "sq" else self.en

    @property
    def both(self) -> bool:
        return bool(self.sq) and bool(self.en)


def _parts(corpus: Corpus, document_id: str, lang: str) -> list[tuple[str, tuple[str, str]]]:
    """(id, (text, html)) of the text before the first clause and of every clause, in order."""
    text = edition_of(corpus).text(document_id, lang)
    head = [("", (plain_text(text.preamble), text.preamble))] if text.preamble else []
    return head + [(c.id, (c.text, c.html)) for c in text.clauses]


def document_pairs(corpus: Corpus, document_id: str) -> list[Pair]:
    def compute():
        pairs = []
        for unit in align(_parts(corpus, document_id, "sq"), _parts(corpus, document_id, "en")):
            (sq, sq_html), (en, en_html) = unit.sq or (None, None), unit.en or (None, None)
            pairs.append(Pair(document_id, unit.id, sq, en, sq_html, en_html))
        return pairs

    return corpus.memo(("pairs", document_id), compute)


def all_pairs(corpus: Corpus) -> list[Pair]:
    return [pair for document in corpus.documents for pair in document_pairs(corpus, document["id"])]
