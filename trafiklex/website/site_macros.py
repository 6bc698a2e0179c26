"""What each macro a page may call renders (the names: trafiklex.model.macro_names), from the data and the
edition model, in the page's language: the functions the edition renders every page with
(trafiklex.model.edition)."""
from __future__ import annotations

from typing import Callable

from trafiklex.views import checklist_page, render, render_obligations, render_sanctions
from trafiklex.translators import divergence, refcheck
from trafiklex.views import render_interop, render_terms, render_topics, render_translations
from trafiklex.translators import staleness
from trafiklex.views import timeline as timeline_module
from trafiklex.data.corpus import Corpus
from trafiklex.model.macro_names import ARGUMENTS
from trafiklex.website import open_data_page
from trafiklex.translators.parallel import all_pairs


def functions(corpus: Corpus, lang: str, here: str, document: str | None = None) -> dict[str, Callable[..., str]]:
    """name → function, for a page at `here` (its path without language folder and extension), the
    page of `document` if it is a document's (the tables it shows are that document's)."""
    found = {
        "activities": lambda: render.part("activities", render.activities(corpus, document, lang, here)),
        "penalties": lambda: render.part("penalties", render.penalties(corpus, document, lang)),
        "commitments": lambda: render.commitments(corpus, document, lang, here),
        "strategic_framework": lambda: render.strategic_framework(corpus, document, lang),
        "definitions": lambda: render.definitions(corpus, document, lang),
        "glossary": lambda glossary_id: render.part("glossary", render.glossary(corpus, document, glossary_id, lang), glossary_id),
        "screening": lambda: render.part("screening", render.screening(corpus, document, lang)),
        "checklist": lambda questionnaire: checklist_page.checklist(corpus, questionnaire, lang, here),
        "note": lambda note_id: render.block(render.note(corpus, note_id, lang)),
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
    }
    assert set(found) == set(ARGUMENTS), "site_macros: ARGUMENTS and functions() must list the same macros"
    return found
