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
from trafiklex.translators.parallel import all_pairs


def functions(corpus: Corpus, lang: str, here: str) -> dict[str, Callable[..., str]]:
    """name → function, for a page at `here` (its path without language folder and extension)."""
    found = {
        "activities": lambda: render.part("activities", render.activities(corpus, lang, here)),
        "penalties": lambda: render.part("penalties", render.penalties(corpus, lang)),
        "commitments": lambda: render.commitments(corpus, lang, here),
        "strategic_framework": lambda: render.strategic_framework(corpus, lang),
        "definitions": lambda document: render.definitions(corpus, document, lang),
        "glossary": lambda glossary_id: render.part("glossary", render.glossary(corpus, glossary_id, lang), glossary_id),
        "screening": lambda: render.part("screening", render.screening(corpus, lang)),
        "checklist": lambda: checklist_page.checklist(corpus, lang, here),
        "note": lambda note_id: render.block(render.note(corpus, note_id, lang)),
        "documents_table": lambda: render.documents_table(corpus, lang),
        "institutions_directory": lambda: render_obligations.directory(corpus, lang, here),
        "institution": lambda institution_id: render_obligations.institution(corpus, institution_id, lang),
        "due_table": lambda: render_obligations.due_table(corpus, lang, here),
        "timeline": lambda: render.block(timeline_module.timeline(corpus, lang, here)),
        "sanctions": lambda: render_sanctions.sanctions(corpus, lang, here),
        "downloads": lambda: render.downloads(corpus, lang, here),
        "akn_files": lambda: render.akn_files(corpus, lang, here),
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
