"""A document's page as HTML, from the edition model: its running text (converted once by the model)
with each editorial note where the page shows it, and each data table laid out where the page shows
it (trafiklex.views.tables) — before the site's reading aids (trafiklex.website.site_page). The site,
the Akoma Ntoso files and the printed editions read this one render; print lays some tables out
itself (`for_print`: those become placeholders that trafiklex.pdf.parts fills)."""
from __future__ import annotations

import re
from html import escape

from trafiklex.data import tables as table_kinds
from trafiklex.model.edition import NOTE_MARK, Edition, Part
from trafiklex.views import tables
from trafiklex.queries import status as status_query
from trafiklex.data.pagefiles import PART_CLASS  # noqa: F401 (the placeholders' class; trafiklex.pdf.pages)
from trafiklex.views import status
from trafiklex.views.referred_by import place
from trafiklex.views.render import note

# the tables print lays out from the data itself (trafiklex.pdf.parts), by the macro that shows them
PRINT_PARTS = ("activities", "penalties", "screening", "glossary")
PART_PREFIX = "part-"  # the anchor of a print part's placeholder: "part-activities", "part-glossary-nap"
HEADING = re.compile(r'<h([1-6]) id="([^"]+)">(.*?)<a class="headerlink"', re.S)


def with_notes(edition: Edition, html: str, lang: str) -> str:
    """Running text with each editorial note the page places in it (trafiklex.model.edition.NOTE_MARK)."""
    corpus = edition.corpus
    return NOTE_MARK.sub(lambda m: str(note(corpus, m.group(2), lang)) if m.group(1) == edition.token else "", html)


def part_html(edition: Edition, document: str, part: Part, lang: str, here: str) -> str:
    """A data table of the document, laid out for the site."""
    corpus, macro = edition.corpus, _macro(part)
    if macro == "activities":
        return tables.activities(corpus, document, lang, here)
    if macro == "commitments":
        return tables.commitments(corpus, document, lang, here)
    if macro == "glossary":
        return tables.glossary(corpus, document, part.argument, lang)
    if macro in ("penalties", "strategic_framework", "definitions", "screening"):
        return getattr(tables, macro)(corpus, document, lang)
    raise KeyError(macro)


def _macro(part: Part) -> str:
    return table_kinds.TABLES[part.kind].macro


def placeholder(part: str, argument: str | None = None) -> str:
    """Where a print part goes: an element of its own, with an anchor that starts an aligned unit."""
    data = f' data-argument="{escape(argument)}"' if argument else ""
    return f'<div class="{PART_CLASS}" id="{part_anchor(part, argument)}" data-part="{part}"{data}></div>'


def part_anchor(part: str, argument: str | None = None) -> str:
    return PART_PREFIX + part + (f"-{argument}" if argument else "")


def html(edition: Edition, document: str, lang: str, for_print: bool = False) -> str:
    """The document's page in `lang`, as HTML (made once for the site, once for print)."""
    def make() -> str:
        text = edition.text(document, lang)
        page = edition.corpus.document(document)["page"]
        out = []
        effects = {clause: status.effects_at(edition.corpus, document, clause, lang)
                   for _, clause in status_query.affected_clauses(edition.corpus) if _ == document}
        for block in text.blocks:
            if not isinstance(block, Part):
                out.append(place(with_notes(edition, block, lang), effects))
            elif for_print and _macro(block) in PRINT_PARTS:
                out.append(placeholder(_macro(block), block.argument))
            else:
                out.append(part_html(edition, document, block, lang, page))
        return "".join(out)
    return edition.corpus.memo(("document-page", document, lang, for_print), make)


def toc(page_html: str) -> list[dict]:
    """The page's table of contents, from its headings (as Python-Markdown's toc gives it: level, id,
    name, children)."""
    out: list[dict] = []
    stack: list[dict] = []
    for match in HEADING.finditer(page_html):
        level, anchor, inner = int(match.group(1)), match.group(2), match.group(3)
        name = re.sub(r"<[^>]+>", "", inner).strip()
        token = {"level": level, "id": anchor, "name": name, "html": inner, "data-toc-label": "", "children": []}
        while stack and stack[-1]["level"] >= level:
            stack.pop()
        (stack[-1]["children"] if stack else out).append(token)
        stack.append(token)
    return out
