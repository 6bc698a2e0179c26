"""Markdown to HTML, once per page: Python-Markdown with the site's extensions, one converter per
language (reset between pages), which also gives the page's table of contents and the links it
makes. Links to other pages' Markdown sources (`other.md#clause`) become links to their built pages
(`other.html#clause`), as MkDocs writes them; the links are kept so that the edition can check that
each leads to a page and a clause that exist."""
from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass

import markdown
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from trafiklex.core import cache

EXTENSIONS = ["attr_list", "md_in_html", "admonition", "footnotes", "tables", "toc"]
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
CACHED = "markdown-html"  # the kind of the build cache's entries: a page's Markdown converted (convert_kept)
# HTML that the code has made (a table rendered from the data, escaped value by value) is marked so
# that it goes into the page as it is, without being parsed again as Markdown (trafiklex.views.render.block)
RAW_START, RAW_END = "\ue000raw\ue001", "\ue000/raw\ue001"
RAW = re.compile(re.escape(RAW_START) + r"(.*?)" + re.escape(RAW_END), re.S)


def raw(html: str) -> str:
    """HTML to be taken into the page as it is (a block of its own)."""
    return f"\n\n{RAW_START}{html}{RAW_END}\n\n"


@dataclass(frozen=True)
class Rendered:
    html: str
    toc: list[dict]        # Python-Markdown's toc tokens: level, id, name, children
    links: tuple[str, ...]  # the href of every link, as written in the HTML


def is_local(href: str) -> bool:
    """A link to a file of the site (not another host, not the site's root, not mail)."""
    return bool(href) and not SCHEME.match(href) and not href.startswith(("/", "//"))


def to_built(href: str) -> str:
    """`x.md#a` → `x.html#a` (pages are files: use_directory_urls is false)."""
    path, sep, anchor = href.partition("#")
    if path.endswith(".md"):
        path = path[:-3] + ".html"
    return path + sep + anchor


class _Links(Treeprocessor):
    def run(self, root: etree.Element):
        found = []
        for element in root.iter("a"):
            href = element.get("href")
            if href is None:
                continue
            if is_local(href):
                href = to_built(href)
                element.set("href", href)
            found.append(href)
        self.md.page_links = found


class _RawBlocks(Preprocessor):
    """Marked HTML blocks go into Python-Markdown's store of raw HTML at once: what stands in their
    place is put back, unchanged, when the page is written out."""

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if RAW_START not in text:
            return lines
        return RAW.sub(lambda m: self.md.htmlStash.store(m.group(1)), text).split("\n")


class Converter:
    """Markdown → HTML for the pages of one language."""

    def __init__(self, permalink_title: str):
        self.permalink_title = permalink_title
        self.md = markdown.Markdown(extensions=EXTENSIONS, output_format="html",
                                    extension_configs={"toc": {"permalink": True, "permalink_title": permalink_title}})
        self.md.treeprocessors.register(_Links(self.md), "trafiklex-links", 0)
        self.md.preprocessors.register(_RawBlocks(self.md), "trafiklex-raw", 25)  # after whitespace, before raw HTML is parsed

    def convert(self, text: str) -> Rendered:
        self.md.reset()
        self.md.page_links = []
        html = self.md.convert(text)
        return Rendered(html, list(getattr(self.md, "toc_tokens", [])), tuple(self.md.page_links))

    def convert_kept(self, text: str) -> Rendered:
        """convert(), kept in the build cache (trafiklex.core.cache) under the text and the permalinks'
        title: a page whose Markdown an edit did not change is not converted again."""
        def make():
            rendered = self.convert(text)
            return [rendered.html, rendered.toc, list(rendered.links)]
        html, toc, links = cache.cached_json(CACHED, (self.permalink_title, text), make)
        return Rendered(html, toc, tuple(links))
