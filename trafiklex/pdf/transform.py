"""The document tree of a page (pandoc's AST of its print HTML), changed for print:

- clause ids become Typst labels that name the document ("<document>:art_5"), so that links and
  bookmarks find them across the whole handbook;
- the printed title (the page's level-1 heading) is set as a title, not as a heading: the level-1
  headings of the handbook are the documents themselves;
- elements with a class of the site's HTML (masthead, signatory, editorial-note, …) call the Typst
  function of the same name (templates/style.typ);
- the placeholders of the print parts become the Typst call that prints that part from the data;
- links to another document's clause become internal links; links to other pages of the site are
  left as their text (a printed page cannot follow them), and links to the other language's text
  are left out ("See it there": that text is in the other book, or beside it in the bilingual one);
- footnotes become Typst footnotes;
- the site's own pointers to its interactive tools are left out;
- character sequences that Typst markup would turn into other characters ("--", "-?", "...") are
  kept as printed.
"""
from __future__ import annotations

import posixpath
import re
from urllib.parse import urlsplit

from trafiklex.data.corpus import Corpus
from trafiklex.pdf import pages, parts
from trafiklex.pdf.pandoc_ast import attr, map_blocks, map_inlines, raw_block, raw_inline
from trafiklex.pdf.typst_values import label, string

# class of the site's HTML → Typst function of templates/style.typ
STYLED = {
    "masthead": "masthead", "doc-form": "doc-form", "parties": "parties", "subtitle": "subtitle",
    "signatures": "signatures", "signatory": "signatory", "aim": "aim",
    "party-bodies": "party-bodies", "situation": "situation", "transmission": "transmission",
    "editorial-note": "editorial-note", "admonition-title": "note-title", "gap": "gap",
}
FOOTNOTES = "footnote"                       # the list of footnotes (Python-Markdown, render.definitions)
SCREEN_ONLY = {"checklist-link", "parallel-link"}  # the site's own pointers to its interactive tools
NOT_PRINTED = {"headerlink", "footnote-backref"}
# what Typst markup would turn into other characters: dashes, a soft hyphen, a minus sign (a hyphen
# before a digit), an ellipsis, a space
TYPOGRAPHY = re.compile(r"(-+\?|-{2,}|-\d|\.{3,}|~)")


class Printer:
    """Changes the tree of one document's page, in one language (or, for the parallel edition, one
    side of it: then the clause ids are left out, since the units carry them)."""

    def __init__(self, corpus: Corpus, document: str, lang: str, labels: bool = True):
        self.corpus, self.document, self.lang, self.labels = corpus, document, lang, labels
        self.pages = {d["page"]: d["id"] for d in corpus.documents}
        self.footnotes: dict[str, list] = {}

    def blocks(self, blocks: list) -> list:
        self.collect_footnotes(blocks)
        return map_blocks(blocks, self._block, self._inline)

    # --- blocks ------------------------------------------------------------------------------------
    def _block(self, block: dict):
        kind = block["t"]
        info = attr(block)
        if info is None:
            return None
        identifier, classes, attributes = info
        if kind == "Div" and (FOOTNOTES in classes or SCREEN_ONLY & set(classes)):
            return []
        if kind == "Div" and pages.PART_CLASS in classes:
            return [raw_block(parts.call(attributes["part"], self.corpus, self.document, self.lang, attributes.get("argument")))]
        if kind == "Header" and block["c"][0] == 1:
            inlines = map_inlines(block["c"][2], self._inline, self._block)
            return self._wrapped("printed-title", [{"t": "Plain", "c": inlines}], identifier)
        styled = next((STYLED[c] for c in classes if c in STYLED), None)
        if kind == "Div" and styled:
            inner = map_blocks(block["c"][1], self._block, self._inline)
            return self._wrapped(styled, inner, identifier)
        if identifier and kind == "Header":
            level, (_, classes_, pairs), inlines = block["c"]
            return [{"t": "Header", "c": [level, [self._label(identifier), classes_, pairs],
                                          map_inlines(inlines, self._inline, self._block)]}]
        if identifier and kind == "Div":
            (_, classes_, pairs), blocks = block["c"]
            return [{"t": "Div", "c": [[self._label(identifier), classes_, pairs],
                                       map_blocks(blocks, self._block, self._inline)]}]
        return None

    def _wrapped(self, function: str, blocks: list, identifier: str) -> list:
        end = "]"
        if identifier and self._label(identifier):
            end += f"#label({string(self._label(identifier))})"
        return [raw_block(f"#{function}["), *blocks, raw_block(end)]

    def _label(self, identifier: str) -> str:
        return label(self.document, identifier) if self.labels and identifier else ""

    # --- inlines -----------------------------------------------------------------------------------
    def _inline(self, node: dict):
        kind = node["t"]
        if kind == "Str":
            return _literal(node["c"])
        if kind == "Superscript":
            note = self._footnote_reference(node["c"])
            return [note] if note else None
        if kind == "Link":
            identifier, classes, attributes = attr(node)
            if NOT_PRINTED & set(classes) or attributes.get("hreflang", self.lang) != self.lang:
                return []  # a permalink sign, a link back from a footnote, "see it in the other language"
            inlines = map_inlines(node["c"][1], self._inline, self._block)
            target = self._target(node["c"][2][0])
            if target is None:
                return inlines
            return [{"t": "Link", "c": [["", [], []], inlines, ["#" + target, ""]]}]
        if kind == "Span" and node["c"][0][0]:
            return [{"t": "Span", "c": [[self._label(node["c"][0][0]), *node["c"][0][1:]],
                                        map_inlines(node["c"][1], self._inline, self._block)]}]
        return None

    def _target(self, href: str) -> str | None:
        """The label a link goes to, if it goes to a document of the handbook in this language (a
        page in the same folder); None for anything else."""
        if not self.labels:
            return None
        link = urlsplit(href)
        if link.scheme or link.netloc or posixpath.dirname(link.path):
            return None
        if not link.path:
            return label(self.document, link.fragment) if link.fragment else None
        document = self.pages.get(link.path.removesuffix(".html").removesuffix(".md"))
        if document is None:
            return None
        return label(document, link.fragment) if link.fragment else document

    # --- footnotes ---------------------------------------------------------------------------------
    def collect_footnotes(self, blocks: list) -> None:
        """Learn the footnotes listed in `blocks` (where a reference and its footnote are in different
        parts of the page, as in two aligned units, the printer must see the list first)."""
        def visit(block):
            info = attr(block)
            if info and block["t"] == "Div" and FOOTNOTES in info[1]:
                for item in _list_items(block["c"][1]):
                    identifier, content = _item_id(item)
                    if identifier:
                        self.footnotes[identifier] = content
                return []
            return None
        map_blocks(blocks, visit)

    def _footnote_reference(self, inlines: list) -> dict | None:
        links = [n for n in inlines if n["t"] == "Link"]
        if len(links) != 1:
            return None
        fragment = links[0]["c"][2][0].removeprefix("#")
        if fragment not in self.footnotes:
            return None
        return {"t": "Note", "c": map_blocks(self.footnotes[fragment], self._block, self._inline)}


def _literal(text: str) -> list | None:
    """A Str, with the sequences that Typst markup would change written as Typst strings."""
    if not TYPOGRAPHY.search(text):
        return None
    out = []
    for piece in TYPOGRAPHY.split(text):
        if not piece:
            continue
        out.append(raw_inline(f"#{string(piece)}") if TYPOGRAPHY.fullmatch(piece) else {"t": "Str", "c": piece})
    return out


def _list_items(blocks: list) -> list[list]:
    items = []
    for block in blocks:
        if block["t"] == "OrderedList":
            items += block["c"][1]
        elif block["t"] == "BulletList":
            items += block["c"]
        elif block["t"] == "Div":
            items += _list_items(block["c"][1])
    return items


def _item_id(item: list) -> tuple[str, list]:
    """A footnote's id and text: the list item's (or its only div's) id; its text without the
    link back to the reference."""
    if len(item) == 1 and item[0]["t"] == "Div":
        identifier = item[0]["c"][0][0]
        content = item[0]["c"][1]
    else:
        identifier, content = "", item
    strip = lambda node: [] if node["t"] == "Link" and NOT_PRINTED & set(node["c"][0][1]) else None  # noqa: E731
    return identifier, map_blocks(content, lambda b: None, strip)
