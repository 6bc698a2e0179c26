"""HTML from templates with autoescaping (trafiklex/templates/*.html): every value a template prints
is escaped unless it is marked as HTML the code has made (`markupsafe.Markup`), so markup typed into
the data shows as text, by construction. One place to change each look.

A template gets the words of its language as `t("section.key")` (the catalog, locales/<lang>.yml)."""
from __future__ import annotations

from pathlib import Path

import jinja2
from markupsafe import Markup

FOLDER = Path(__file__).resolve().parent / "templates"

ENVIRONMENT = jinja2.Environment(loader=jinja2.FileSystemLoader(FOLDER), autoescape=True,
                                 undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                                 keep_trailing_newline=False)


def render(name: str, **context) -> Markup:
    """The template `name` (e.g. "note.html") rendered with `context`; the result is HTML (Markup)."""
    return Markup(ENVIRONMENT.get_template(name).render(**context).strip())


__all__ = ["Markup", "render"]
