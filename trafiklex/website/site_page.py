"""A page of the site as MkDocs is given it: the edition's HTML of the page (rendered once) with the
site's reading aids — internal references as links, acronyms with their expansion, defined terms
linked to their definition (trafiklex.views.annotate) — and, on a document's page, every clause marked for
the cite control (trafiklex.views.citemarks), with what refers to it and its topics next to it, and the
approving act or the approved documents under the title (trafiklex.views.referred_by)."""
from __future__ import annotations

from trafiklex.core import cache
from trafiklex.views.annotate import Annotator
from trafiklex.views.citemarks import mark
from trafiklex.views.referred_by import add_to_page
from trafiklex.model.edition import Edition
from trafiklex.website.pages import site_pages

CACHED = "annotated-page"  # the kind of the build cache's entries: a page with its reading aids (annotated)


def content(edition: Edition, path: str, lang: str) -> str:
    """The page's content for the site (made once: MkDocs and the search index both read it)."""
    return edition.corpus.memo(("site-page", path, lang), lambda: _content(edition, path, lang))


def _content(edition: Edition, path: str, lang: str) -> str:
    pages = site_pages(edition)
    page = pages.page(path, lang)
    if page.meta.get("parallel_of"):
        return page.html  # each column was annotated in its own language (trafiklex.views.render_translations)
    document = page.document
    html = annotated(edition, path, lang, document, page.html)
    if not document:
        return html
    others = {other: set(pages.page(path, other).ids()) for other in edition.corpus.languages.others(lang)}
    return add_to_page(edition, mark(html, edition.corpus, document, path, lang, others), document, path, lang)


def annotated(edition: Edition, path: str, lang: str, document: str | None, page_html: str) -> str:
    """The page's HTML with the reading aids, kept in the build cache (trafiklex.core.cache) under the
    page's HTML and the data they are read from (the references' rules, acronyms, definitions)."""
    inputs = (path, lang, document or "", page_html, edition.corpus.digest)
    return cache.cached(CACHED, inputs,
                        lambda: Annotator(edition.corpus, lang, path, document).annotate(page_html).encode("utf-8")).decode("utf-8")
