"""The two languages of each document side by side, clause by clause (by the shared clause ids), as
plain text: the basis of the side-by-side view, the divergence report, the reference check, the
staleness flags and the translation memory."""
from __future__ import annotations

from dataclasses import dataclass

from .alignment import document_units
from .corpus import Corpus
from .htmltext import not_source_text, parse
from .standalone import page_html


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


def _text(fragment: str | None) -> str | None:
    if fragment is None:
        return None
    return " ".join(parse(fragment).text(not_source_text).split())


def document_pairs(corpus: Corpus, document_id: str) -> list[Pair]:
    page = corpus.document(document_id)["page"]

    def compute():
        units = document_units({lang: page_html(corpus, page, lang) for lang in ("sq", "en")})
        return [Pair(document_id, u.id, _text(u.sq), _text(u.en), u.sq, u.en) for u in units]

    return corpus.memo(("pairs", document_id), compute)


def all_pairs(corpus: Corpus) -> list[Pair]:
    return [pair for document in corpus.documents for pair in document_pairs(corpus, document["id"])]
