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
import jinja2.bccache
from jinja2.ext import Extension
from markupsafe import Markup

from trafiklex.core import cache

FOLDER = Path(__file__).resolve().parent / "templates"
LAYOUT_BREAK = re.compile(r"(?<=>)\n[ \t]*|\n[ \t]*(?=<|\{[{%#])")


class LayoutBreaks(Extension):
    """Drops the line breaks that only lay out the template (see the module's docstring)."""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        return LAYOUT_BREAK.sub("", source)


class CompiledTemplates(jinja2.BytecodeCache):
    """Templates compiled once: their Python code kept in the build cache (trafiklex.core.cache) under
    the template's name, its source and what of the environment shapes the code (its syntax, its
    extensions, autoescaping; the code's version covers Jinja's and Python's). Set on this module's
    environment and, by the hooks, on MkDocs' theme environment (each language's build compiles the
    theme's templates again otherwise)."""
    KIND = "jinja-bytecode"

    def __init__(self, environment: jinja2.Environment):
        self.shape = repr((environment.block_start_string, environment.block_end_string, environment.variable_start_string,
                           environment.variable_end_string, environment.comment_start_string, environment.comment_end_string,
                           environment.line_statement_prefix, environment.line_comment_prefix, environment.trim_blocks,
                           environment.lstrip_blocks, environment.newline_sequence, environment.keep_trailing_newline,
                           environment.optimized, environment.is_async, environment.finalize is None,
                           environment.autoescape if isinstance(environment.autoescape, bool) else "autoescape function",
                           sorted(environment.extensions)))

    def _key(self, bucket: jinja2.bccache.Bucket) -> str:
        return cache.key(self.KIND, self.shape, bucket.key, bucket.checksum)

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        content = cache.get(self.KIND, self._key(bucket))
        if content is not None:
            bucket.bytecode_from_string(content)  # (Jinja checks its own header and the source's checksum too)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        cache.put(self.KIND, self._key(bucket), bucket.bytecode_to_string())


ENVIRONMENT = jinja2.Environment(loader=jinja2.FileSystemLoader(FOLDER), autoescape=True,
                                 undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                                 keep_trailing_newline=False, extensions=[LayoutBreaks])
ENVIRONMENT.bytecode_cache = CompiledTemplates(ENVIRONMENT)


def render(name: str, **context) -> Markup:
    """The template `name` (e.g. "note.html") rendered with `context`; the result is HTML (Markup)."""
    return Markup(ENVIRONMENT.get_template(name).render(**context).strip())


__all__ = ["CompiledTemplates", "Markup", "render"]
