"""Reading aids added to a page's HTML, from the data: internal references become links to their
clause, acronyms of institutions show their expansion (an <abbr> with a title, which Material turns
into a tooltip on hover and keyboard focus), and defined terms link to their definition.

It works on the text between tags, so it reaches the running text and the tables rendered from the
data alike, and leaves links, abbreviations, code and headings alone.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

from . import references, urls
from .corpus import Corpus

SKIP = {"a", "abbr", "code", "pre", "script", "style", "svg", "h1", "h2", "h3", "h4", "h5", "h6", "title", "button",
        "label", "select", "option", "textarea", "dfn"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
TAG = re.compile(r"(<[^>]+>)")
TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z0-9]+)")
BLOCKS = {"p", "li", "td", "th", "dd", "dt", "div"}


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    html: str  # replacement markup (the matched text is already inside it)


def _acronyms(corpus: Corpus, lang: str) -> tuple[re.Pattern | None, dict[str, str]]:
    names: dict[str, str] = {}
    for item in corpus.institutions.by_id.values():
        for acronym in item.get("acronyms", {}).get(lang, []):
            names.setdefault(acronym, item["name"][lang])
    if not names:
        return None, names
    pattern = re.compile(r"(?<![\w/-])(" + "|".join(re.escape(a) for a in sorted(names, key=len, reverse=True)) + r")(?![\w-])")
    return pattern, names


def _terms(corpus: Corpus, document: str, lang: str) -> list[tuple[re.Pattern, str, str]]:
    found = []
    for definition in corpus.definitions:
        uses = definition.get("uses", {}).get(lang)
        if definition["document"] != document or not uses or lang not in definition["text"]:
            continue
        pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(u) for u in sorted(uses, key=len, reverse=True)) + r")(?!\w)")
        found.append((pattern, definition["id"], definition["text"][lang]))
    return found


def _link(text: str, href: str, css: str, title: str | None = None) -> str:
    extra = f' title="{html.escape(title, quote=True)}"' if title else ""
    return f'<a class="{css}" href="{html.escape(href, quote=True)}"{extra}>{text}</a>'


class Annotator:
    """Annotates the pages of one document (or of a page that is not a document) in one language."""

    def __init__(self, corpus: Corpus, lang: str, page: str, document: str | None):
        self.corpus, self.lang, self.page, self.document = corpus, lang, page, document
        self.acronym_pattern, self.acronym_names = _acronyms(corpus, lang)
        self.terms = _terms(corpus, document, lang) if document else []
        self.counts = {"references": 0, "acronyms": 0, "terms": 0}

    def _reference_href(self, reference: references.Reference) -> str:
        if reference.document == self.document:
            return f"#{reference.target}"
        page = self.corpus.document(reference.document)["page"]
        return urls.relative(self.page, self.lang, page, self.lang, reference.target or None)

    def _spans(self, text: str, seen_terms: set) -> list[Span]:
        spans: list[Span] = []
        if self.document:
            for ref in references.find(text, self.document, self.lang):
                spans.append(Span(ref.start, ref.end, _link(html.escape(ref.text), self._reference_href(ref), "ref")))
        for pattern, anchor, definition in self.terms:
            if anchor in seen_terms:
                continue
            match = pattern.search(text)
            if match and not _overlaps(spans, match.start(), match.end()):
                spans.append(Span(match.start(), match.end(),
                                  _link(html.escape(match.group(0)), f"#{anchor}", "term", definition)))
                seen_terms.add(anchor)
        if self.acronym_pattern:
            for match in self.acronym_pattern.finditer(text):
                if not _overlaps(spans, match.start(), match.end()):
                    name = html.escape(self.acronym_names[match.group(1)], quote=True)
                    spans.append(Span(match.start(), match.end(),
                                      f'<abbr title="{name}" tabindex="0">{html.escape(match.group(1))}</abbr>'))
        return sorted(spans, key=lambda s: s.start)

    def annotate(self, page_html: str) -> str:
        out, stack, seen_terms = [], [], set()
        for piece in TAG.split(page_html):
            if not piece:
                continue
            if piece.startswith("<"):
                match = TAG_NAME.match(piece)
                if match:
                    closing, name = match.group(1), match.group(2).lower()
                    if closing:
                        if name in stack:
                            while stack and stack.pop() != name:
                                pass
                    elif name not in VOID and not piece.endswith("/>"):
                        stack.append(name)
                        if name in BLOCKS:
                            seen_terms = set()  # a defined term is linked once per paragraph, cell or item
                out.append(piece)
                continue
            if SKIP.intersection(stack) or not piece.strip():
                out.append(piece)
                continue
            text = html.unescape(piece)
            spans = self._spans(text, seen_terms)
            if not spans:
                out.append(piece)
                continue
            position, parts = 0, []
            for span in spans:
                parts.append(html.escape(text[position:span.start], quote=False))
                parts.append(span.html)
                position = span.end
                kind = "references" if 'class="ref"' in span.html else "terms" if 'class="term"' in span.html else "acronyms"
                self.counts[kind] += 1
            parts.append(html.escape(text[position:], quote=False))
            out.append("".join(parts))
        return "".join(out)


def _overlaps(spans: list[Span], start: int, end: int) -> bool:
    return any(s.start < end and start < s.end for s in spans)
