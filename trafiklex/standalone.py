"""A page of the site rendered without MkDocs, with the site's own macros (trafiklex.site_macros):
what the translator tools compare, so that they run on the sources alone, without a built site."""
from __future__ import annotations

from .corpus import Corpus
from .errors import DataError
from .page_source import expand, source_path, to_html
from .pagecheck import front_matter, macro_calls


def page_html(corpus: Corpus, page: str, lang: str) -> str:
    from .site_macros import functions  # here: some macros (the side-by-side view) are built on this function
    path = source_path(corpus.root, page, lang)
    if path.exists():  # (a missing page: expand() says so)
        text = path.read_text(encoding="utf-8")
        problems = macro_calls(text, f"docs/{lang}/{page}.md", corpus, front_matter(text).get("document"))
        if problems:
            raise DataError(problems)
    return to_html(expand(corpus, page, lang, functions(corpus, lang, page)))
