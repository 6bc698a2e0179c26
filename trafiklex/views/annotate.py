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

from markupsafe import Markup

from trafiklex.core import references, urls
from trafiklex.data.corpus import Corpus

SKIP = {"a", "abbr", "code", "pre", "script", "style", "svg", "h1", "h2", "h3", "h4", "h5", "h6", "title", "button",
        "label", "select", "option", "textarea", "dfn"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
TAG = re.compile(r"(<[^>]+>)")
TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z0-9]+)")
BLOCKS = {"p", "li", "td", "th", "dd", "dt", "div"}
LANG_ATTRIBUTE = re.compile(r'\slang="([A-Za-z0-9-]+)"')
NOTE_CLASS = re.compile(r'\sclass="[^"]*\beditorial-note\b')


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    html: str  # replacement markup (the matched text is already inside it)


def _terms(corpus: Corpus, document: str, lang: str) -> list[tuple[re.Pattern, str, str]]:
    found = []
    for definition in corpus.definitions:
        uses = definition.get("uses", {}).get(lang)
        if definition["document"] != document or not uses or lang not in definition["text"]:
            continue
        pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(u) for u in sorted(uses, key=len, reverse=True)) + r")(?!\w)")
        found.append((pattern, definition["id"], definition["text"][lang]))
    return found


# the elements added, each value escaped as it is put in (markupsafe)
LINK = Markup('<a class="{}" href="{}">{}</a>')
TITLED_LINK = Markup('<a class="{}" href="{}" title="{}">{}</a>')
ABBR = Markup('<abbr title="{}" tabindex="0">{}</abbr>')


def _link(text: str, href: str, css: str, title: str | None = None) -> str:
    return TITLED_LINK.format(css, href, title, text) if title else LINK.format(css, href, text)


class Annotator:
    """Annotates the pages of one document (or of a page that is not a document) in one language.
    A passage in the other language (an element with its lang attribute: a quotation in a note, the
    other column of a table) is read in that language: its acronyms are that language's (the
    Albanian "MD" is the Ministry of Justice, the English "MD" the Ministry of Defence), and the
    expansion is given in the page's language. An editorial note's acronyms are left as they are:
    notes quote acronyms of both languages side by side to say how they differ."""

    def __init__(self, corpus: Corpus, lang: str, page: str, document: str | None):
        self.corpus, self.lang, self.page, self.document = corpus, lang, page, document
        self.terms = corpus.memo(("terms", document, lang), lambda: _terms(corpus, document, lang)) if document else []
        self.counts = {"references": 0, "acronyms": 0, "terms": 0}

    def _reference_href(self, reference: references.Reference) -> str:
        if reference.document == self.document:
            return f"#{reference.target}"
        page = self.corpus.document(reference.document)["page"]
        return urls.relative(self.page, self.lang, page, self.lang, reference.target or None, root=self.corpus.languages.default)

    def _spans(self, text: str, text_lang: str, seen_terms: set, acronyms: bool = True) -> list[Span]:
        spans: list[Span] = []
        if self.document:
            for ref in self.corpus.find_references(text, self.document, text_lang):
                spans.append(Span(ref.start, ref.end, _link(ref.text, self._reference_href(ref), "ref")))
        for pattern, anchor, definition in self.terms if text_lang == self.lang else ():
            if anchor in seen_terms:
                continue
            match = pattern.search(text)
            if match and not _overlaps(spans, match.start(), match.end()):
                spans.append(Span(match.start(), match.end(), _link(match.group(0), f"#{anchor}", "term", definition)))
                seen_terms.add(anchor)
        for start, end, institution in self.corpus.bodies(self.document).acronym_spans(text, text_lang) if acronyms else ():
            if not _overlaps(spans, start, end):
                name = self.corpus.institutions.get(institution)["name"][self.lang]
                spans.append(Span(start, end, ABBR.format(name, text[start:end])))
        return sorted(spans, key=lambda s: s.start)

    def annotate(self, page_html: str) -> str:
        out, seen_terms = [], set()
        stack: list[tuple[str, str, bool]] = []  # the open elements: (tag, language of their text, in a note)
        for piece in TAG.split(page_html):
            if not piece:
                continue
            if piece.startswith("<"):
                match = TAG_NAME.match(piece)
                if match:
                    closing, name = match.group(1), match.group(2).lower()
                    if closing:
                        if any(tag == name for tag, _, _ in stack):
                            while stack and stack.pop()[0] != name:
                                pass
                    elif name not in VOID and not piece.endswith("/>"):
                        lang = LANG_ATTRIBUTE.search(piece)
                        parent_lang, in_note = stack[-1][1:] if stack else (self.lang, False)
                        stack.append((name, lang.group(1) if lang and lang.group(1) in self.corpus.languages else parent_lang,
                                      in_note or NOTE_CLASS.search(piece) is not None))
                        if name in BLOCKS:
                            seen_terms = set()  # a defined term is linked once per paragraph, cell or item
                out.append(piece)
                continue
            if any(tag in SKIP for tag, _, _ in stack) or not piece.strip():
                out.append(piece)
                continue
            text = html.unescape(piece)
            text_lang, in_note = stack[-1][1:] if stack else (self.lang, False)
            spans = self._spans(text, text_lang, seen_terms, acronyms=not in_note)
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
