"""A clause of a document's text, and the running text of a page cut into its clauses.

The running text's HTML (its page's Markdown, converted once by trafiklex.model.edition) is cut at
every clause anchor: a clause is everything from the element carrying its id up to the next clause's
(trafiklex.core.alignment.segments). The clauses of the data tables are made from the data
(trafiklex.model.data_clauses); `structure` gives every clause of a text its parent.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import html as lxml_html

from trafiklex.core.alignment import segments
from trafiklex.core.ids import ClauseId

# classes of the site's own elements inside a document's HTML: not the document's text
NOT_TEXT = {"editorial-note", "gap", "headerlink", "note-row", "print-edition", "referred-by", "approvals"}
NOT_TEXT_ATTRIBUTES = ("data-note", "data-part")  # the model's marks: where a note, where a table stands
BLOCKS = {"p", "div", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "table", "tbody",
          "thead", "ul", "ol", "dl", "section", "article", "aside", "blockquote", "br", "summary", "details"}
HEADING = re.compile(r"h[1-6]")
PRINTED_NUMBER = re.compile(r"^(?:NENI|Neni|ARTICLE|Article)?\s*([0-9IVXLC]+|[A-Z])[.:)]")
# clause kinds by the element name of an id's last level (the data's clauses say their own kind)
KIND_OF_ELEMENT = {"art": "article", "point": "point", "sec": "section", "item": "item", "heading": "subheading",
                   "part": "part", "title": "title", "preamble": "preamble", "signatures": "signatures",
                   "entry_into_force": "entry_into_force", "place_date": "place_date", "transmission": "transmission",
                   "p": "paragraph"}


def kind_of(clause_id: ClauseId) -> str:
    """The kind of a clause of the running text, by its id (the data's clauses say their own kind):
    `art_5` an article, `sec_II` a section, `sec_II__a` or `art_1__item_2` an item, `signatures__3`
    a signatory."""
    if clause_id.depth == 1 and clause_id.head.text in KIND_OF_ELEMENT:  # a named part: "entry_into_force"
        return KIND_OF_ELEMENT[clause_id.head.text]
    if clause_id.last.element:
        return KIND_OF_ELEMENT.get(clause_id.last.element, "clause")
    return "signatory" if clause_id.last.text == "signatory" or clause_id.head.text == "signatures" else "item"


def is_clause_anchor(anchor: str) -> bool:
    return ClauseId.is_valid(anchor)


@dataclass
class Clause:
    id: str
    document: str
    lang: str
    kind: str
    html: str                          # the clause's HTML, well-formed, as on the page (before reading aids)
    text: str                          # its plain text (without editorial notes and placeholders)
    tag: str                           # the element that carries its id (h2, p, li, tr, div, …)
    parent: str | None = None          # the enclosing clause in this text
    number: str | None = None          # the number printed in its heading, where it prints one
    gap: bool = False                  # a placeholder: the clause is printed in another language only
    printed_in: tuple[str, ...] = ()   # the languages whose text prints it (all of them, mostly)
    notes: tuple[str, ...] = ()        # editorial notes about it (ids)
    bodies: tuple[str, ...] = ()       # the bodies it gives a duty to (institution ids)
    references: tuple[tuple[str, str], ...] = ()  # (document, clause id) it refers to
    topics: tuple[str, ...] = ()       # the topics it is tagged with (trafiklex.queries.topics: data/topics.yml)
    body_text: str = ""                # for a heading: the running text under it, up to the next heading
    data: dict = field(default_factory=dict, repr=False)  # the data item it is rendered from, if any

    @property
    def clause_id(self) -> ClauseId:
        return ClauseId.parse(self.id)

    @property
    def printed(self) -> bool:
        return not self.gap

    def only_in(self, languages: tuple[str, ...]) -> str | None:
        """The one language that prints the clause, where the edition's others do not."""
        return self.printed_in[0] if len(self.printed_in) == 1 and len(languages) > 1 else None

    @property
    def heading(self) -> bool:
        return bool(HEADING.fullmatch(self.tag))


def plain_text(fragment: str) -> str:
    """The text of an HTML fragment, without the site's own elements; blocks separated by spaces."""
    if not fragment.strip():
        return ""
    root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    parts: list[str] = []

    def walk(element):
        if not isinstance(element.tag, str):  # comments, processing instructions
            if element.tail:
                parts.append(element.tail)
            return
        classes = set((element.get("class") or "").split())
        skipped = bool(classes & NOT_TEXT) or element.tag in ("script", "style") or \
            any(element.get(attribute) is not None for attribute in NOT_TEXT_ATTRIBUTES)
        if not skipped:
            block = element.tag in BLOCKS
            if block:
                parts.append(" ")
            if element.text:
                parts.append(element.text)
            for child in element:
                walk(child)
            if block:
                parts.append(" ")
        if element.tail:
            parts.append(element.tail)

    for child in root:
        walk(child)
    if root.text:
        parts.insert(0, root.text)
    return " ".join("".join(parts).split())


def heading_number(heading_text: str) -> str | None:
    """The number a heading prints ("X" for "X. Monitoring of …", "5" for "ARTICLE 5. …")."""
    match = PRINTED_NUMBER.match(heading_text.strip())
    return match.group(1) if match else None


_OPENING = re.compile(r"<(\w+)([^>]*)>")
_CLASS = re.compile(r'\sclass="([^"]*)"')


def _element(fragment: str, anchor: str) -> tuple[str, set[str]]:
    """The tag and classes of the element that carries `anchor` in a clause's fragment."""
    for match in _OPENING.finditer(fragment):
        if f'id="{anchor}"' in match.group(2):
            classes = _CLASS.search(match.group(2))
            return match.group(1), set(classes.group(1).split()) if classes else set()
    return "", set()


def cut(page_html: str, document: str, lang: str) -> tuple[str, list[Clause]]:
    """The text before the first clause (HTML), and the clauses of a document's page in order."""
    pieces = segments(page_html, is_clause_anchor)
    preamble = ""
    clauses: list[Clause] = []
    for anchor, fragment in pieces:
        if not anchor:
            preamble = fragment
            continue
        tag, classes = _element(fragment, anchor)
        clauses.append(Clause(id=anchor, document=document, lang=lang, kind=kind_of(ClauseId.parse(anchor)),
                              html=fragment, text=plain_text(fragment), tag=tag, gap="gap" in classes))
    return preamble, clauses


def structure(clauses: list[Clause]) -> None:
    """Each clause's parent (its id's nearest enclosing id in this text, else the heading it stands
    under), a heading's printed number and the text under it (in place)."""
    present = {c.id for c in clauses}
    open_headings: list[tuple[int, Clause]] = []
    for clause in clauses:
        level = int(clause.tag[1]) if clause.heading else 99
        while open_headings and open_headings[-1][0] >= level:
            open_headings.pop()
        enclosing = next((str(a) for a in clause.clause_id.ancestors() if str(a) in present), None)
        clause.parent = enclosing or (open_headings[-1][1].id if open_headings else None)
        if clause.heading:
            heading = re.match(r"\s*<h[1-6][^>]*>(.*?)</h[1-6]>", clause.html, re.DOTALL)
            clause.number = heading_number(plain_text(heading.group(1))) if heading else None
            open_headings.append((level, clause))
    # the running text under each heading, up to the next heading of its level or above
    for i, clause in enumerate(clauses):
        if not clause.heading:
            continue
        level = int(clause.tag[1])
        heading = re.match(r"\s*<h[1-6][^>]*>.*?</h[1-6]>", clause.html, re.DOTALL)
        under = [plain_text(clause.html[heading.end():] if heading else "")]
        for following in clauses[i + 1:]:
            if following.heading and int(following.tag[1]) <= level:
                break
            under.append(following.text)
        clause.body_text = " ".join(" ".join(under).split())
