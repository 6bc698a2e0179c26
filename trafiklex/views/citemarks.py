"""Marks every citable clause of a document page with its citation, its standard identifier (the
portion URI, trafiklex.core.identifiers) and the links to the same clause in the other languages
(data-cite, data-uri, data-other, data-other-lang); assets/javascripts/cite.js turns
them into a small "cite" control. The citation text is built from the data (trafiklex.queries.citations);
where another language does not print a clause (a glossary entry of one language only, the English
transmission note), its link goes to the nearest enclosing clause that language prints, or else to
the top of the page."""
from __future__ import annotations

import re

from markupsafe import Markup

from trafiklex.core import urls
from trafiklex.queries.citations import citation, identifier, printed_numbers
from trafiklex.data.corpus import Corpus
from trafiklex.core.ids import ClauseId

MARKS = Markup(' data-cite="{}" data-uri="{}" data-other="{}" data-other-lang="{}"')  # each value escaped as it is put in
START_TAG = re.compile(r'<(?P<tag>h[1-6]|p|li|div|tr|dt|tbody)\b(?P<attrs>[^>]*?)\sid="(?P<id>[^"]+)"(?P<rest>[^>]*)>')
NOT_CITED = {"title"}


def nearest(anchor: str, present: set[str]) -> str:
    """The clause itself if `present` has it, else its nearest enclosing clause there, else ''."""
    candidates = [anchor] + [str(a) for a in ClauseId.parse(anchor).ancestors()]
    return next((c for c in candidates if c in present), "")


def mark(page_html: str, corpus: Corpus, document_id: str, page: str, lang: str,
         other_ids: dict[str, set[str]]) -> str:
    """`other_ids`: for each other language, the anchors of this document's page in it."""
    numbers = printed_numbers(corpus, document_id, lang)

    def add(match: re.Match) -> str:
        anchor, attrs = match.group("id"), match.group("attrs") + match.group("rest")
        if not ClauseId.is_valid(anchor) or anchor in NOT_CITED or 'class="gap' in attrs or " gap" in attrs:
            return match.group(0)
        links = [urls.relative(page, lang, page, other, nearest(anchor, ids) or None, root=corpus.languages.default) for other, ids in other_ids.items()]
        marks = MARKS.format(citation(corpus, document_id, anchor, lang, numbers), identifier(corpus, document_id, anchor, lang),
                             " ".join(links), " ".join(other_ids))
        return match.group(0)[:-1] + str(marks) + ">"

    return START_TAG.sub(add, page_html)
