"""A document page, as HTML for print: the page's Markdown (docs/<lang>/<page>.md) with its macros
expanded by the same render functions as the site, converted by Python-Markdown with the site's
extensions. The parts that print differently (the action plan's activity tables, the penalties
table, the glossaries, the screening questionnaire) are left as placeholders that the print
renderers (trafiklex.pdf.parts) fill in."""
from __future__ import annotations

import re
from pathlib import Path

import jinja2
import markdown

from .. import render
from ..corpus import Corpus
from ..errors import DataError, Problem

# The Python-Markdown extensions of mkdocs.yml (without the permalinks, which print has no use for).
EXTENSIONS = ["attr_list", "md_in_html", "admonition", "footnotes", "tables", "toc"]

# Macros whose output is rendered for print from the data (trafiklex.pdf.parts) in place of the site's.
PRINT_PARTS = ("activities", "penalties", "screening", "glossary")
PART_CLASS = "print-part"
PART_PREFIX = "part-"  # the anchor of a print part's placeholder: "part-activities", "part-glossary-nap"
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


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


def source_path(root: Path, page: str, lang: str) -> Path:
    return root / "docs" / lang / f"{page}.md"


def page_markdown(corpus: Corpus, page: str, lang: str) -> str:
    """The page's Markdown with its macros expanded."""
    path = source_path(corpus.root, page, lang)
    name = path.relative_to(corpus.root).as_posix()
    if not path.exists():
        raise DataError([Problem(name, "the page is missing", expected=f"the page of document '{page}' in {lang}")])
    text = path.read_text(encoding="utf-8")
    front = FRONT_MATTER.match(text)
    offset = front.group(0).count("\n") if front else 0
    body = text[front.end():] if front else text
    environment = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=True)
    try:
        return environment.from_string(body).render(**macros(corpus, lang, page))
    except jinja2.TemplateSyntaxError as error:
        raise DataError([Problem(name, f"the page's macros cannot be read: {error.message}",
                                 line=(error.lineno or 0) + offset, expected="{{ macro(\"argument\") }}")]) from None
    except jinja2.UndefinedError as error:
        unknown = re.search(r"'(\w+)' is undefined", error.message or "")
        line = None
        if unknown:
            call = re.search(r"\{\{\s*" + unknown.group(1) + r"\b", body)
            line = body[:call.start()].count("\n") + 1 + offset if call else None
        raise DataError([Problem(name, f"{error.message}: the printed handbook knows no such macro", line=line,
                                 expected="one of " + ", ".join(sorted(macros(corpus, lang, page))))]) from None


def page_html(corpus: Corpus, page: str, lang: str) -> str:
    """The page as HTML, converted with the site's Markdown extensions (once per corpus: the
    handbooks share it)."""
    return corpus.memo(("print-html", page, lang), lambda: markdown.markdown(
        page_markdown(corpus, page, lang), extensions=EXTENSIONS, output_format="html"))
