"""What each macro a page may call renders (the names: trafiklex.model.macro_names), from the data and the
edition model, in the page's language: the functions the site renders its pages with
(trafiklex.website.pages). A document's tables and notes are not among them: the edition reads them
from the document's page itself (trafiklex.model.edition), and the views lay them out."""
from __future__ import annotations

from typing import Callable

from trafiklex.views import checklist_page, render, render_obligations, render_sanctions
from trafiklex.translators import divergence, refcheck
from trafiklex.views import render_interop, render_terms, render_topics, render_translations, status
from trafiklex.translators import staleness
from trafiklex.views import timeline as timeline_module
from trafiklex.core.errors import DataError, Problem
from trafiklex.data import tables
from trafiklex.model.edition import Edition
from trafiklex.model.macro_names import ARGUMENTS
from trafiklex.website import open_data_page
from trafiklex.translators.parallel import all_pairs


def functions(edition: Edition, lang: str, here: str) -> dict[str, Callable[..., str]]:
    """name → function, for a page at `here` (its path without language folder and extension) that is
    not a document's (a document's page is the edition's text of it: trafiklex.views.document_page)."""
    corpus = edition.corpus
    found = {
        "checklist": lambda questionnaire: checklist_page.checklist(corpus, questionnaire, lang, here),
        "note": lambda note_id: render.block(render.note(corpus, note_id, lang)),
        **{kind.macro: _not_here(kind.macro) for kind in tables.TABLES.values()},
        "documents_table": lambda: render.documents_table(corpus, lang),
        "institutions_directory": lambda: render_obligations.directory(corpus, lang, here),
        "institution": lambda institution_id: render_obligations.institution(corpus, institution_id, lang),
        "due_table": lambda: render_obligations.due_table(corpus, lang, here),
        "timeline": lambda: render.block(timeline_module.timeline(corpus, lang, here)),
        "sanctions": lambda: render_sanctions.sanctions(corpus, lang, here),
        "downloads": lambda: open_data_page.downloads(corpus, lang, here),
        "akn_files": lambda: open_data_page.akn_files(corpus, lang, here),
        "parallel": lambda document: render_translations.parallel(corpus, document, lang, here),
        "parallel_index": lambda: render_translations.parallel_index(corpus, lang, here),
        "divergence_summary": lambda: render_translations.divergence_summary(corpus, divergence.report(corpus), lang),
        "divergences": lambda: render_translations.divergences(corpus, divergence.report(corpus), lang, here),
        "reference_check": lambda: render_translations.reference_problems(corpus, refcheck.check(corpus), lang, here),
        "review_status": lambda: render_translations.review_status(
            corpus, staleness.stale(corpus, all_pairs(corpus), staleness.load(corpus.root)), lang, here),
        "translator_downloads": lambda: render_translations.translator_downloads(corpus, lang, here),
        "identifiers_table": lambda: render_interop.identifiers_table(corpus, lang, here),
        "licences": lambda: render_interop.licences(corpus, lang),
        "topic": lambda topic_id: render_topics.topic_page(corpus, topic_id, lang),
        "topics_index": lambda: render_topics.index_page(corpus, lang, here),
        "termbase": lambda: render_terms.glossary_page(corpus, lang, here),
        "later_framework": lambda: render.block(status.later_framework(edition, lang, here)),
    }
    assert set(found) == set(ARGUMENTS), "site_macros: ARGUMENTS and functions() must list the same macros"
    return found


def _not_here(macro: str) -> Callable[..., str]:
    """A table's macro on a page that is not its document's (trafiklex.model.pagecheck stops it first)."""
    def refuse(*arguments):
        raise DataError([Problem("docs", f"{macro}() shows a table of a document, on the document's own page only",
                                 expected="the macro on the page of the document whose table it is")])
    return refuse
