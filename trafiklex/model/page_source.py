"""A page of the site rendered without MkDocs: its Markdown (docs/<lang>/<page>.md) with the macros
expanded by functions the caller gives (the site's, or the printed edition's), converted with the
site's Markdown extensions. The translator tools and the printed handbook use it, so that they run
on the sources alone, without a built site. A page whose macros cannot be read and a macro that does
not exist stop with the file and the line."""
from __future__ import annotations

import re
from typing import Callable

import jinja2
import markdown

from trafiklex.model import page_sandbox
from trafiklex.core.errors import DataError, Problem
from trafiklex.model.pagecheck import FRONT_MATTER

# The Python-Markdown extensions of mkdocs.yml (a test checks they are the same).
EXTENSIONS = ["attr_list", "md_in_html", "admonition", "footnotes", "tables", "toc"]


def expand_text(text: str, name: str, functions: dict[str, Callable]) -> str:
    """A page's Markdown source (`name`: the file it comes from, for messages) with its macros
    expanded by `functions`; the front matter is left out."""
    front = FRONT_MATTER.match(text)
    offset = front.group(0).count("\n") if front else 0
    body = text[front.end():] if front else text
    environment = page_sandbox.environment(functions)  # the macros given, and nothing else
    try:
        tree = environment.parse(body)
        refused = page_sandbox.outside(tree, functions)
        if refused:
            raise DataError([Problem(name, f"the page may only call macros, not use {what}", line=line + offset,
                                     expected=page_sandbox.EXPECTED) for line, what in refused])
        return environment.from_string(tree).render(**functions)
    except jinja2.TemplateSyntaxError as error:
        raise DataError([Problem(name, f"the page's macros cannot be read: {error.message}",
                                 line=(error.lineno or 0) + offset, expected="{{ macro(\"argument\") }}")]) from None
    except jinja2.UndefinedError as error:
        unknown = re.search(r"'(\w+)' is undefined", error.message or "")
        line = None
        if unknown:
            call = re.search(r"\{\{\s*" + unknown.group(1) + r"\b", body)
            line = body[:call.start()].count("\n") + 1 + offset if call else None
        raise DataError([Problem(name, f"{error.message}: no such macro here", line=line,
                                 expected="one of " + ", ".join(sorted(functions)))]) from None
    except jinja2.exceptions.SecurityError as error:  # (what outside() lets through, the sandbox stops)
        raise DataError([Problem(name, f"the page reaches beyond its macros: {error}",
                                 expected=page_sandbox.EXPECTED)]) from None


def to_html(markdown_text: str) -> str:
    return markdown.markdown(markdown_text, extensions=EXTENSIONS, output_format="html")
