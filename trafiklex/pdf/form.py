"""Annex 1's questionnaire as a blank form to print and fill in by hand (templates/form.typ): the
questions, options with tick boxes, the "Other: ____" lines and the printed hints, in one language."""
from __future__ import annotations

from trafiklex.data.corpus import Corpus
from trafiklex.pdf import parts, typst_values
from trafiklex.pdf.edition import Edition


def source(corpus: Corpus, lang: str, edition: Edition) -> str:
    document = corpus.document(corpus.screening["document"])
    arguments = typst_values.arguments(
        title=corpus.words(lang, "print.form_title"), document_title=document["title"][lang],
        note=corpus.words(lang, "print.form_note"), lang=lang, date=edition.typst_date(),
        view=parts.screening(corpus, lang))
    return f'#import "form.typ": *\n#screening-form({arguments})\n'
