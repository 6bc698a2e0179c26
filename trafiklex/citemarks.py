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


OTHER_LINK = re.compile(r'data-other="(?P<page>[^"#]*)#(?P<anchor>[^"]+)"')


def retarget(page_html: str, other_ids: set[str]) -> str:
    """Once both languages are built: a clause that the other language does not print (a glossary
    entry of one language only, the English transmission note) links to the nearest enclosing clause
    that it does print, or else to the top of the page."""
    def fix(match: re.Match) -> str:
        anchor = html.unescape(match.group("anchor"))
        while anchor and anchor not in other_ids:
            anchor = anchor.rpartition("__")[0]
        target = match.group("page") + (f"#{html.escape(anchor, quote=True)}" if anchor else "")
        return f'data-other="{target}"'
    return OTHER_LINK.sub(fix, page_html)
