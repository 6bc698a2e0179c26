"""A document page, as HTML for print: the same single render as the site's
(trafiklex.views.document_page, before the site's reading aids), with the parts that print
differently (the action plans' activity tables, the penalties tables, the glossaries, the screening
questionnaires) left as placeholders that the print renderers (trafiklex.pdf.parts) fill in from the
data."""
from __future__ import annotations

from trafiklex.data.corpus import Corpus
from trafiklex.model.edition import edition_of
from trafiklex.views import document_page
from trafiklex.views.document_page import PART_CLASS, PART_PREFIX, PRINT_PARTS, part_anchor, placeholder  # noqa: F401


def page_html(corpus: Corpus, page: str, lang: str) -> str:
    """The page of a document as HTML for print."""
    edition = edition_of(corpus)
    return document_page.html(edition, edition.document_of_page(page), lang, for_print=True)
