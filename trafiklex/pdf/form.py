"""A document's screening questionnaire (Annex 1's) as a blank form to print and fill in by hand (templates/form.typ): the
questions, options with tick boxes, the "Other: ____" lines and the printed hints, in one language."""
from __future__ import annotations

from trafiklex.data.corpus import Corpus
from trafiklex.pdf import parts, typst_values
from trafiklex.pdf.edition import Edition


def source(corpus: Corpus, document_id: str, lang: str, edition: Edition) -> str:
    document = corpus.document(document_id)
    arguments = typst_values.arguments(
        title=corpus.words(lang, "print.form_title"), document_title=document["title"][lang],
        note=corpus.words(lang, "print.form_note"), lang=lang, date=edition.typst_date(),
        view=parts.screening(corpus, document_id, lang))
    return f'#import "form.typ": *\n#screening-form({arguments})\n'
