"""Marks every citable clause of a document page with its citation and the link to the same clause in
the other language (data-cite, data-other); assets/javascripts/cite.js turns them into a small
"cite" control. The citation text is built here, from the data (trafiklex.citations)."""
from __future__ import annotations

import html
import re

from . import OTHER, urls
from .citations import citation, printed_numbers
from .clauses import is_clause_id
from .corpus import Corpus

START_TAG = re.compile(r'<(?P<tag>h[1-6]|p|li|div|tr|dt|tbody)\b(?P<attrs>[^>]*?)\sid="(?P<id>[^"]+)"(?P<rest>[^>]*)>')
NOT_CITED = {"title"}


def mark(page_html: str, corpus: Corpus, document_id: str, page: str, lang: str) -> str:
    numbers = printed_numbers(corpus, document_id, lang)

    def add(match: re.Match) -> str:
        anchor, attrs = match.group("id"), match.group("attrs") + match.group("rest")
        if not is_clause_id(anchor) or anchor in NOT_CITED or 'class="gap' in attrs or " gap" in attrs:
            return match.group(0)
        cited = html.escape(citation(corpus, document_id, anchor, lang, numbers), quote=True)
        other = html.escape(urls.relative(page, lang, page, OTHER[lang], anchor), quote=True)
        return match.group(0)[:-1] + f' data-cite="{cited}" data-other="{other}" data-other-lang="{OTHER[lang]}">'

    return START_TAG.sub(add, page_html)
