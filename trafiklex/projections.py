"""Every output of the edition made in this process, without MkDocs: each page's content as the site
shows it, the search index of every language, the printed editions' HTML of every document, the
side-by-side pairs and the translators' divergence report. What the benchmark and the tests use to
show that each page goes through Markdown once, whatever asks for it."""
from __future__ import annotations

from trafiklex.data.corpus import Corpus
from trafiklex.model.edition import Edition, edition_of
from trafiklex.translators.divergence import report as divergences
from trafiklex.translators.parallel import all_pairs
from trafiklex.views import document_page
from trafiklex.website import search_index, site_page
from trafiklex.website.pages import site_pages


def make_all(corpus: Corpus) -> Edition:
    edition = edition_of(corpus)
    pages = site_pages(edition)
    for lang in corpus.languages:
        for path in pages.page_paths(lang):
            site_page.content(edition, path, lang)
        search_index.build(edition, lang)
        for document in corpus.documents:
            document_page.html(edition, document["id"], lang, for_print=True)
    all_pairs(corpus)
    divergences(corpus)
    return edition
