"""The languages of each document side by side, clause by clause: a join of the edition's texts on
their clause ids, keeping the order of all of them, the authoritative language's first
(trafiklex.core.alignment.align). The basis of the side-by-side view, the divergence report, the
reference check, the staleness flags and the translation memory."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from trafiklex.core.alignment import align
from trafiklex.data.corpus import Corpus
from trafiklex.model.clauses import plain_text
from trafiklex.model.edition import edition_of

# The language the translator tools write their own words in (a finding's details, the TMX's
# administrative language): the words are the code's, and the code's are English.
TOOLS_LANGUAGE = "en"


def comparisons(corpus: Corpus) -> list[tuple[str, str]]:
    """The two texts each comparison reads: the authoritative language with each translation."""
    return [(corpus.languages.authoritative, other) for other in corpus.languages.translations()]


def language_name(corpus: Corpus, lang: str) -> str:
    """A language's name in the tools' own words ("Albanian"), for a finding's details."""
    return corpus.words(TOOLS_LANGUAGE, "labels.language_name")[lang]


@dataclass(frozen=True)
class Pair:
    """A clause (or the text before the first one) in every language of the edition: its plain text
    and its HTML in each, None where a language does not print it here."""
    document: str
    id: str                                 # the clause id ("" for the text before the first clause)
    text: Mapping[str, str | None]          # language → plain text, in the order of the languages
    html: Mapping[str, str | None]          # language → HTML fragment

    def side(self, lang: str) -> str | None:
        return self.text.get(lang)

    def has(self, *languages: str) -> bool:
        """Each of `languages` prints (some text of) it here."""
        return all(self.text.get(lang) for lang in languages)

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages that print it here."""
        return tuple(lang for lang, text in self.text.items() if text)


def _parts(corpus: Corpus, document_id: str, lang: str) -> list[tuple[str, tuple[str, str]]]:
    """(id, (text, html)) of the text before the first clause and of every clause, in order."""
    text = edition_of(corpus).text(document_id, lang)
    head = [("", (plain_text(text.preamble), text.preamble))] if text.preamble else []
    return head + [(c.id, (c.text, c.html)) for c in text.clauses]


def document_pairs(corpus: Corpus, document_id: str) -> list[Pair]:
    def compute():
        languages = corpus.languages
        order = (languages.authoritative, *languages.translations())
        pairs = []
        for unit in align({lang: _parts(corpus, document_id, lang) for lang in order}):
            sides = {lang: unit.side(lang) or (None, None) for lang in languages.codes}
            pairs.append(Pair(document_id, unit.id, {lang: text for lang, (text, _) in sides.items()},
                              {lang: html for lang, (_, html) in sides.items()}))
        return pairs

    return corpus.memo(("pairs", document_id), compute)


def all_pairs(corpus: Corpus) -> list[Pair]:
    return [pair for document in corpus.documents for pair in document_pairs(corpus, document["id"])]
