"""A document page, as HTML for print: the page's Markdown (docs/<lang>/<page>.md) with its macros
expanded by the same render functions as the site, converted by Python-Markdown with the site's
extensions. The parts that print differently (the action plan's activity tables, the penalties
table, the glossaries, the screening questionnaire) are left as placeholders that the print
renderers (trafiklex.pdf.parts) fill in."""
from __future__ import annotations

from .. import render
from ..corpus import Corpus
from ..page_source import expand, to_html

# Macros whose output is rendered for print from the data (trafiklex.pdf.parts) in place of the site's.
PRINT_PARTS = ("activities", "penalties", "screening", "glossary")
PART_CLASS = "print-part"
PART_PREFIX = "part-"  # the anchor of a print part's placeholder: "part-activities", "part-glossary-nap"


def placeholder(part: str, argument: str | None = None) -> str:
    """Where a print part goes: an element of its own, with an anchor that starts an aligned unit."""
    data = f' data-argument="{render.esc(argument)}"' if argument else ""
    return render.block(f'<div class="{PART_CLASS}" id="{part_anchor(part, argument)}" data-part="{part}"{data}></div>')


def part_anchor(part: str, argument: str | None = None) -> str:
    return PART_PREFIX + part + (f"-{argument}" if argument else "")


def macros(corpus: Corpus, lang: str, page: str) -> dict:
    """The functions a page may call, for print."""
    functions = {
        "commitments": lambda: render.commitments(corpus, lang, page),
        "strategic_framework": lambda: render.strategic_framework(corpus, lang),
        "definitions": lambda document: render.definitions(corpus, document, lang),
        "note": lambda note_id: render.block(render.note(corpus, note_id, lang)),
    }
    functions.update({part: (lambda argument=None, part=part: placeholder(part, argument)) for part in PRINT_PARTS})
    return functions


def page_markdown(corpus: Corpus, page: str, lang: str) -> str:
    """The page's Markdown with its macros expanded for print."""
    return expand(corpus, page, lang, macros(corpus, lang, page))


def page_html(corpus: Corpus, page: str, lang: str) -> str:
    """The page as HTML, converted with the site's Markdown extensions (once per corpus: the
    handbooks share it)."""
    return corpus.memo(("print-html", page, lang), lambda: to_html(page_markdown(corpus, page, lang)))
