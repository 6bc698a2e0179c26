"""A document page, as HTML for print: the edition's render of the page (trafiklex.model, the same
single render as the site's, before the site's reading aids), with the parts that print differently
(the action plan's activity tables, the penalties table, the glossaries, the screening
questionnaire) cut out and left as placeholders that the print renderers (trafiklex.pdf.parts) fill
in from the data. The site marks where each such part begins and ends (trafiklex.views.render.part)."""
from __future__ import annotations

import re

from trafiklex.views import render
from trafiklex.data.corpus import Corpus
from trafiklex.model.edition import edition_of

# Parts rendered for print from the data (trafiklex.pdf.parts) in place of the site's.
PRINT_PARTS = render.PARTS
PART_CLASS = "print-part"
PART_PREFIX = "part-"  # the anchor of a print part's placeholder: "part-activities", "part-glossary-nap"
MARKED = re.compile(r"<!-- part:(?P<part>[a-z_]+)(?::(?P<argument>[a-z0-9_-]+))? -->.*?<!-- /part:(?P=part) -->", re.S)


def placeholder(part: str, argument: str | None = None) -> str:
    """Where a print part goes: an element of its own, with an anchor that starts an aligned unit."""
    data = f' data-argument="{render.esc(argument)}"' if argument else ""
    return f'<div class="{PART_CLASS}" id="{part_anchor(part, argument)}" data-part="{part}"{data}></div>'


def part_anchor(part: str, argument: str | None = None) -> str:
    return PART_PREFIX + part + (f"-{argument}" if argument else "")


def page_html(corpus: Corpus, page: str, lang: str) -> str:
    """The page as HTML for print."""
    html = edition_of(corpus).page(page, lang).html
    return MARKED.sub(lambda m: placeholder(m.group("part"), m.group("argument")), html)
