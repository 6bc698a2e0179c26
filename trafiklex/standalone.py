"""A page of the site rendered without MkDocs: its Markdown with the site's macros expanded
(trafiklex.site_macros) and converted with the site's Markdown extensions. The translator tools use
it, so that they run on the sources alone, without a built site."""
from __future__ import annotations

import jinja2
import markdown

from .corpus import Corpus
from .errors import DataError
from .pagecheck import FRONT_MATTER, front_matter, macro_calls

EXTENSIONS = ["attr_list", "md_in_html", "admonition", "footnotes", "tables", "toc"]


def page_html(corpus: Corpus, page: str, lang: str) -> str:
    from .site_macros import functions  # here: some macros (the side-by-side view) are built on this function
    text = (corpus.root / "docs" / lang / f"{page}.md").read_text(encoding="utf-8")
    problems = macro_calls(text, f"docs/{lang}/{page}.md", corpus, front_matter(text).get("document"))
    if problems:
        raise DataError(problems)
    body = FRONT_MATTER.sub("", text, count=1)
    environment = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False)
    expanded = environment.from_string(body).render(**functions(corpus, lang, page))
    return markdown.markdown(expanded, extensions=EXTENSIONS, output_format="html")
