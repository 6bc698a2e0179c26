"""HTML from templates with autoescaping (trafiklex/views/templates/*.html): every value a template prints
is escaped unless it is marked as HTML the code has made (`markupsafe.Markup`), so markup typed into
the data shows as text, by construction. One place to change each look.

A template gets the words of its language as `t("section.key")` (the catalog, locales/<lang>.yml).

Line breaks are layout: a line break and the indentation after it are not written out where the line
ends with an HTML tag (`>`) or the next line begins with an HTML or a template tag (`<`, `{{`, `{%`,
`{#`), so a template can put one element on each line and still make the compact HTML that Markdown
takes as one block. A space that matters is written within a line."""
from __future__ import annotations

import re
from pathlib import Path

import jinja2
from jinja2.ext import Extension
from markupsafe import Markup

FOLDER = Path(__file__).resolve().parent / "templates"
LAYOUT_BREAK = re.compile(r"(?<=>)\n[ \t]*|\n[ \t]*(?=<|\{[{%#])")


class LayoutBreaks(Extension):
    """Drops the line breaks that only lay out the template (see the module's docstring)."""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        return LAYOUT_BREAK.sub("", source)


ENVIRONMENT = jinja2.Environment(loader=jinja2.FileSystemLoader(FOLDER), autoescape=True,
                                 undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                                 keep_trailing_newline=False, extensions=[LayoutBreaks])


def render(name: str, **context) -> Markup:
    """The template `name` (e.g. "note.html") rendered with `context`; the result is HTML (Markup)."""
    return Markup(ENVIRONMENT.get_template(name).render(**context).strip())


__all__ = ["Markup", "render"]
