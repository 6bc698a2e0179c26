"""Reading built HTML pages: a small element tree (stdlib only), the text of a page or of a clause."""
from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
BLOCK = {"p", "div", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "table", "tbody",
         "thead", "ul", "ol", "dl", "section", "article", "aside", "blockquote", "br", "summary", "details"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    children: list = field(default_factory=list)  # Element or str
    parent: "Element | None" = None

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def iter(self):
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter()

    def find(self, tag: str | None = None, cls: str | None = None, id: str | None = None) -> "Element | None":
        return next(self.find_all(tag, cls, id), None)

    def find_all(self, tag: str | None = None, cls: str | None = None, id: str | None = None):
        for element in self.iter():
            if (tag is None or element.tag == tag) and (cls is None or cls in element.classes) \
                    and (id is None or element.attrs.get("id") == id):
                yield element

    def text(self, skip=lambda element: False) -> str:
        """The text of the element, blocks separated by newlines, skipping elements where skip() holds."""
        parts: list[str] = []
        self._text(parts, skip)
        return "".join(parts)

    def _text(self, parts, skip):
        if skip(self):
            return
        if self.tag in BLOCK:
            parts.append("\n")
        for child in self.children:
            if isinstance(child, Element):
                child._text(parts, skip)
            else:
                parts.append(child)
        if self.tag in BLOCK:
            parts.append("\n")


class _Builder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#root", {})
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        element = Element(tag, {k: v or "" for k, v in attrs}, parent=self.current)
        self.current.children.append(element)
        if tag not in VOID:
            self.current = element

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Element(tag, {k: v or "" for k, v in attrs}, parent=self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse(html_text: str) -> Element:
    builder = _Builder()
    builder.feed(html_text)
    builder.close()
    return builder.root


def not_source_text(element: Element) -> bool:
    """Elements that are the site's, not the document's: editorial notes, placeholders of clauses
    printed in the other language only, permalink signs, the edition's status notice and identifiers
    panel (trafiklex.views.render_interop), what refers to a clause and the approvals (trafiklex.views.referred_by),
    scripts."""
    classes = element.classes
    return bool(classes & {"editorial-note", "gap", "headerlink", "note-row", "print-edition", "edition-status",
                           "edition-identifiers", "referred-by", "approvals"}) or \
        element.tag in ("script", "style")


def page_text(html_text: str) -> str:
    """The document text of a built page, in reading order.

    The penalties table is read the way the printed table was flattened by the extraction: for each
    article, its number, then all its offences, then all its sanctions (column by column), so that
    it can be compared with the source in order.
    """
    article = parse(html_text).find("article") or parse(html_text)
    parts: list[str] = []

    def walk(element: Element):
        if not_source_text(element):
            return
        if element.tag == "table" and "penalties" in element.classes:
            parts.append(_penalties_text(element))
            return
        if element.tag in BLOCK:
            parts.append("\n")
        for child in element.children:
            if isinstance(child, Element):
                walk(child)
            else:
                parts.append(child)
        if element.tag in BLOCK:
            parts.append("\n")

    walk(article)
    return "".join(parts)


def _penalties_text(table: Element) -> str:
    out = [head.text(not_source_text) for head in table.find_all("thead")]
    for body in table.find_all("tbody"):
        rows = [row for row in body.children if isinstance(row, Element) and row.tag == "tr"]
        out += [cell.text(not_source_text) for row in rows for cell in row.children
                if isinstance(cell, Element) and cell.tag == "th"]
        cells = [[c for c in row.children if isinstance(c, Element) and c.tag == "td"] for row in rows]
        for column in range(max((len(c) for c in cells), default=0)):
            out += [row[column].text(not_source_text) for row in cells if len(row) > column]
    return "\n" + "\n".join(out) + "\n"
