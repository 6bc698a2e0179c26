"""Akoma Ntoso 3.0 XML of each document in each language: one more projection of the edition model.

A document's page (as the edition's views lay it out once: trafiklex.views.document_page) is read as a tree and its clauses become Akoma Ntoso
elements whose `eId` is the site's clause id:

  the title                      preface/longTitle
  the preamble                   preamble
  a heading, a clause paragraph  a hierarchical element (article, section, part, point; else
                                 hcontainer named after the clause's kind), nested as the model's
                                 clause parents say; its printed number in <num>, its heading in
                                 <heading>, its text in <content> (or <intro> before its parts)
  a clause inside a list, a      that block element itself (li, tr, p, blockContainer, a blockList
  table or a glossary            item); a table of data-rendered rows is a <table> (the penalties
                                 table: one per Criminal Code article, its eId the article's)

Internal references are <ref href="#eId">, references to another document <ref> its portion URI;
the bodies a clause obliges are <organization refersTo> with their TLCOrganization; editorial notes
are <note>s in <meta><notes>, each with a <noteRef> where the page shows it; a clause that only one
language prints says so with a note, and the text that has a placeholder for it keeps the eId with
an <omissis>. The document types (act, doc) and identifiers come from trafiklex/core/identifiers.py.
"""
from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree
from lxml import html as lxml_html

from trafiklex.queries import edition_meta, status
from trafiklex.core import identifiers
from trafiklex.data.corpus import Corpus
from trafiklex.core.errors import DataError, Problem
from trafiklex.model.clauses import PRINTED_NUMBER, Clause
from trafiklex.model.edition import Edition, Text
from trafiklex.core.ids import ClauseId
from trafiklex.views import document_page

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
EDITION_NS = "urn:trafiklex:edition"  # this edition's own metadata (licence, status) in <proprietary>
EDITOR = "trafiklex"
# clause kinds that have an Akoma Ntoso element of their own; the others are hcontainers named after them
HIER_ELEMENT = {"article": "article", "section": "section", "part": "part", "point": "point", "commitment": "point",
                "paragraph": "paragraph",
                "definition": "point"}
INLINE = {"strong": "b", "b": "b", "em": "i", "i": "i", "u": "u", "sup": "sup", "sub": "sub", "abbr": "abbr",
          "span": "span", "code": "span", "small": "span", "mark": "span", "q": "span", "cite": "span", "dfn": "span",
          "time": "span", "kbd": "span", "var": "span", "s": "span", "del": "span", "ins": "span"}
# the site's own additions to a page, not the document's text
SKIPPED_CLASSES = {"headerlink", "footnote-backref", "print-edition", "line", "admonition-title", "party-bodies"}
# elements whose text is not searched for internal references (as on the site: trafiklex/views/annotate.py)
NO_REFERENCES = {"ref", "organization", "heading", "abbr", "docTitle", "num", "span", "omissis"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
LISTS = {"ul", "ol"}


class AknError(ValueError):
    """The page cannot be expressed in Akoma Ntoso (an element it has no place for)."""


def _e(tag: str, *children, **attributes) -> etree._Element:
    element = etree.Element(f"{{{NS}}}{tag}", nsmap={None: NS})
    for key, value in attributes.items():
        if value is not None:
            element.set(key.rstrip("_"), value)
    for child in children:
        element.append(child)
    return element


def _camel(kind: str) -> str:
    head, *rest = kind.split("_")
    return head + "".join(word.capitalize() for word in rest)


def _classes(element) -> set[str]:
    return set((element.get("class") or "").split())


@dataclass
class _Context:
    """What converting one text needs: where links lead, and what it collects on the way."""
    text: Text
    corpus: Corpus
    pages: dict[str, str]                       # document page → document id
    clauses: dict[str, Clause]
    edition: Edition
    notes: dict[str, etree._Element] = field(default_factory=dict)   # note eId → <note>
    organizations: dict[str, str] = field(default_factory=dict)      # institution id → its name

    def reference_href(self, document_id: str, clause_id: str, lang: str | None = None) -> str:
        """`#eId` in this text; the expression or portion URI of another document (or language)."""
        lang = lang or self.text.lang
        if document_id == self.text.document and lang == self.text.lang and clause_id:
            return f"#{clause_id}"
        work = identifiers.work_of(self.corpus.document(document_id), self.corpus.documents)
        alpha3 = self.corpus.languages.get(lang).alpha3
        return work.portion(alpha3, clause_id) if clause_id else work.expression(alpha3)

    def note_ref(self, note_id: str) -> etree._Element:
        return _e("noteRef", href=f"#{note_id}", marker=str(list(self.notes).index(note_id) + 1))


# --- inline content ----------------------------------------------------------------------------------
def _inline_into(target: etree._Element, source, context: _Context) -> None:
    """Append the inline content of an HTML element to an Akoma Ntoso element; the internal
    references in its running text become <ref>s."""
    _text_into(target, source.text, context)
    for child in source:
        _inline_child(target, child, context)
        _text_into(target, child.tail, context)


def _text_into(target: etree._Element, text: str | None, context: _Context) -> None:
    if not text:
        return
    if etree.QName(target).localname in NO_REFERENCES:
        _append_text(target, text)
        return
    position = 0
    for reference in context.corpus.find_references(text, context.text.document, context.text.lang):
        _append_text(target, text[position:reference.start])
        ref = _e("ref", href=context.reference_href(reference.document, reference.target))
        ref.text = reference.text
        target.append(ref)
        position = reference.end
    _append_text(target, text[position:])


def _append_text(target: etree._Element, text: str | None) -> None:
    if not text:
        return
    if len(target):
        target[-1].tail = (target[-1].tail or "") + text
    else:
        target.text = (target.text or "") + text


def _inline_child(target: etree._Element, child, context: _Context) -> None:
    if not isinstance(child.tag, str) or child.tag in ("script", "style"):
        return
    classes = _classes(child)
    if classes & SKIPPED_CLASSES:
        return
    if "editorial-note" in classes:
        target.append(_note(child, context))
        return
    if child.tag == "br":
        target.append(_e("eol"))
        return
    if child.tag == "a":
        target.append(_link(child, context))
        return
    if child.tag in INLINE:
        element = _e(INLINE[child.tag], class_=child.get("class"), title=child.get("title"))
        _inline_into(element, child, context)
        target.append(element)
        return
    if child.tag in HEADINGS or child.tag in ("p", "div", "li", "td", "th", "dt", "dd"):  # a block where text runs on
        element = _e("span", class_=child.get("class"))
        _inline_into(element, child, context)
        target.append(element)
        return
    raise AknError(f"<{child.tag}> has no place in the running text of a clause")


def _link(anchor, context: _Context) -> etree._Element:
    """A link of the page: an internal reference, a reference to another document, a body it obliges;
    links to the site's own pages (sanctions, institutions) keep only their text."""
    href = anchor.get("href") or ""
    path, _, fragment = href.partition("#")
    classes = _classes(anchor)
    if "body" in classes:
        body = Path(path).stem
        context.organizations.setdefault(body, anchor.get("title") or "".join(anchor.itertext()))
        element = _e("organization", refersTo=f"#{body}")
    elif not path and fragment:
        element = _e("ref", href=f"#{fragment}")
    elif (document := context.pages.get(Path(path.rstrip("/")).stem if path else "")) is not None:
        lang = anchor.get("hreflang") if anchor.get("hreflang") in context.corpus.languages else context.text.lang
        element = _e("ref", href=context.reference_href(document, fragment, lang))
    else:
        element = _e("span", class_="link")
    _inline_into(element, anchor, context)
    return element


def _note(note, context: _Context) -> etree._Element:
    """An editorial note: kept once in <meta><notes>, referred to where the page shows it."""
    note_id = note.get("id") or f"note_{len(context.notes) + 1}"
    if note_id not in context.notes:
        element = _e("note", eId=note_id, class_=note.get("data-kind") or "editorial")
        for block in _blocks(note, context):
            element.append(block)
        context.notes[note_id] = element
    return context.note_ref(note_id)


# --- blocks ------------------------------------------------------------------------------------------
def _blocks(container, context: _Context) -> list[etree._Element]:
    """The Akoma Ntoso blocks of an HTML element's content; running text directly in it becomes a <p>."""
    out: list[etree._Element] = []
    loose: etree._Element | None = None

    def loose_p() -> etree._Element:
        nonlocal loose
        if loose is None:
            loose = _e("p")
            out.append(loose)
        return loose

    if container.text and container.text.strip():
        _append_text(loose_p(), container.text)
    for child in container:
        if isinstance(child.tag, str) and _is_block(child):
            loose = None
            for block in _block(child, context):
                out.append(block) if block.tag != f"{{{NS}}}noteRef" else _attach(out, block)
        elif isinstance(child.tag, str):
            _inline_child(loose_p(), child, context)
        if child.tail and child.tail.strip():
            _append_text(loose_p(), child.tail)
    return out


def _attach(blocks: list[etree._Element], note_ref: etree._Element) -> None:
    """A note shown between blocks refers to the block before it (or stands in a paragraph of its own)."""
    host = blocks[-1] if len(blocks) else None
    while host is not None and host.tag != f"{{{NS}}}p":
        paragraphs = host.findall(f".//{{{NS}}}p")
        host = paragraphs[-1] if paragraphs else None
    if host is None:
        host = _e("p")
        blocks.append(host)
    host.append(note_ref)


def _is_block(element) -> bool:
    return element.tag in {"p", "div", "ul", "ol", "table", "dl", "blockquote", "hr", "pre", "section", "details",
                           "figure"} | HEADINGS or "editorial-note" in _classes(element)


def _block(element, context: _Context) -> list[etree._Element]:
    tag, classes, anchor = element.tag, _classes(element), element.get("id")
    eid = anchor if anchor in context.clauses else None
    if classes & SKIPPED_CLASSES or tag == "hr":
        return []
    if "editorial-note" in classes:
        return [_note(element, context)]
    if "gap" in classes:
        return [_gap(element, eid, context)]
    if tag == "p" or tag in HEADINGS:
        p = _e("p", eId=eid, class_=element.get("class") or ("heading" if tag in HEADINGS else None))
        _inline_into(p, element, context)
        return [p]
    if tag in LISTS:
        return [_list(element, context)]
    if tag == "table":
        return _tables(element, context)
    if tag == "dl":
        return [_glossary(element, context)]
    return [_e("blockContainer", *_blocks(element, context), eId=eid, class_=element.get("class"))]


def _gap(element, eid: str | None, context: _Context) -> etree._Element:
    """A placeholder for a clause another language prints: the eId, and an omission that says where
    the text is (with a reference to it there)."""
    return _e("p", _omissis(element, context), eId=eid, class_="gap")


def _omissis(element, context: _Context) -> etree._Element:
    out = _e("omissis")
    _inline_into(out, element, context)
    return out


def _list(element, context: _Context) -> etree._Element:
    items = [child for child in element if isinstance(child.tag, str)]
    out = _e("ul" if element.tag == "ul" else "ol", class_=element.get("class"))
    for item in items:
        if item.tag != "li":
            raise AknError(f"<{item.tag}> in a list: a list holds list items only")
        eid = item.get("id") if item.get("id") in context.clauses else None
        li = _e("li", eId=eid, class_=item.get("class"))
        if "gap" in _classes(item):
            li.append(_omissis(item, context))
        else:
            _inline_into(li, item, context)
        out.append(li)
    if not len(out):
        return _e("p", class_=element.get("class"))  # an empty list (a table's place-holder)
    return out


def _cell(cell, context: _Context) -> etree._Element:
    out = _e(cell.tag, class_=cell.get("class"), rowspan=cell.get("rowspan"), colspan=cell.get("colspan"))
    if any(isinstance(child.tag, str) and _is_block(child) for child in cell):
        for block in _blocks(cell, context):
            out.append(block)
    else:
        p = _e("p")
        _inline_into(p, cell, context)
        out.append(p)
    return out


def _row(row, context: _Context) -> etree._Element | None:
    eid = row.get("id") if row.get("id") in context.clauses else None
    cells = [cell for cell in row if isinstance(cell.tag, str) and cell.tag in ("td", "th")]
    if "note-row" in _classes(row):  # the editorial notes under a row: referred to from the row before
        return _e("tr", *[_cell(c, context) for c in cells], class_="note-row")
    if "gap" in _classes(row):
        return _e("tr", *[_e(c.tag, _e("p", _omissis(c, context)), colspan=c.get("colspan")) for c in cells],
                  eId=eid, class_="gap")
    return _e("tr", *[_cell(c, context) for c in cells], eId=eid, class_=row.get("class"))


def _tables(table, context: _Context) -> list[etree._Element]:
    """An HTML table as Akoma Ntoso tables: one, or one per row group that is a clause (a Criminal
    Code article of the penalties table), each with the table's header rows."""
    groups = [child for child in table if isinstance(child.tag, str)]
    header = [row for group in groups if group.tag == "thead" for row in group if isinstance(row.tag, str)]
    header_rows = [r for r in (_row(row, context) for row in header) if r is not None]
    bodies = [group for group in groups if group.tag == "tbody"]
    loose_rows = [group for group in groups if group.tag == "tr"]
    clause_bodies = [group for group in bodies if group.get("id") in context.clauses]
    caption = next((group for group in groups if group.tag == "caption"), None)

    def table_of(rows: list, eid: str | None = None) -> etree._Element:
        out = _e("table", eId=eid, class_=table.get("class"))
        if caption is not None:
            element = _e("caption")
            _inline_into(element, caption, context)
            out.append(element)
        for row in [*(copy.deepcopy(r) for r in header_rows), *rows]:
            out.append(row)
        return out

    if clause_bodies:
        return [table_of([_row(row, context) for row in group if isinstance(row.tag, str)], group.get("id"))
                for group in bodies]
    rows = [_row(row, context) for group in bodies for row in group if isinstance(row.tag, str)]
    rows += [_row(row, context) for row in loose_rows]
    if not rows:
        return []  # a table's header alone (its rows are clauses of their own, further on)
    return [table_of(rows)]


def _glossary(dl, context: _Context) -> etree._Element:
    """A glossary (dt/dd pairs) as a block list: each entry an item with its term as heading."""
    out = _e("blockList", class_=dl.get("class"))
    item = None
    for child in dl:
        if not isinstance(child.tag, str):
            continue
        if child.tag == "dt":
            eid = child.get("id") if child.get("id") in context.clauses else None
            heading = _e("heading")
            _inline_into(heading, child, context)
            item = _e("item", heading, eId=eid)
            out.append(item)
        elif child.tag == "dd" and item is not None:
            for block in _blocks(child, context) or [_e("p")]:
                item.append(block) if block.tag != f"{{{NS}}}noteRef" else _attach(list(item), block)
        elif "editorial-note" in _classes(child):
            _attach(list(item) if item is not None else [], _note(child, context))
    if not len(out):
        out.append(_e("item", _e("p")))
    return out


# --- the structure -----------------------------------------------------------------------------------
@dataclass
class _Node:
    clause: Clause
    blocks: list = field(default_factory=list)
    children: list["_Node"] = field(default_factory=list)
    num: str | None = None
    heading: etree._Element | None = None

    def element(self) -> etree._Element:
        kind = self.clause.kind
        tag = HIER_ELEMENT.get(kind, "hcontainer")
        out = _e(tag, eId=self.clause.id, name=_camel(kind) if tag == "hcontainer" else None,
                 class_="gap" if self.clause.gap else None)
        if self.num:
            num = _e("num")
            num.text = self.num
            out.append(num)
        if self.heading is not None:
            out.append(self.heading)
        blocks = self.blocks
        if self.children:
            if blocks:
                out.append(_e("intro", *blocks))
            for child in self.children:
                out.append(child.element())
        else:
            out.append(_e("content", *(blocks or [_e("p")])))
        return out


def _split_number(heading: etree._Element) -> str | None:
    """Take the printed number off the start of a heading ("ARTICLE 1. PARTIES…" → "ARTICLE 1.")."""
    match = PRINTED_NUMBER.match(heading.text or "")
    if not match:
        return None
    heading.text = heading.text[match.end():].lstrip()
    return match.group(0).strip()


def _hier_node(element, clause: Clause, context: _Context) -> _Node:
    node = _Node(clause)
    if element.tag in HEADINGS:
        heading = _e("heading")
        _inline_into(heading, element, context)
        node.num = _split_number(heading)
        node.heading = heading
        return node
    if "gap" in _classes(element):
        node.blocks = [_gap(element, None, context)]
        return node
    if element.tag == "p":
        node.num = _take_number(element, clause)
        p = _e("p", class_=element.get("class"))
        _inline_into(p, element, context)
        node.blocks = [p]
        return node
    first = next((child for child in element if isinstance(child.tag, str)), None)
    if first is not None and first.tag == "p":  # a question: "<p><span class="num">1.</span> What …"
        node.num = _take_number(first, clause)
    node.blocks = _blocks(element, context)
    return node


NUMBER_AT_START = re.compile(r"\s*([0-9IVXLC]+|[A-Za-z])[.:)]")


def _take_number(paragraph, clause: Clause) -> str | None:
    """Take a clause paragraph's printed number off its start, as printed ("1.", "a)"): from the
    element that marks it, or from the text when it is the clause's own number."""
    first = paragraph[0] if len(paragraph) else None
    if first is not None and "num" in _classes(first) and not (paragraph.text or "").strip():
        paragraph.text = (first.tail or "").lstrip()
        paragraph.remove(first)
        return "".join(first.itertext()).strip()
    match = NUMBER_AT_START.match(paragraph.text or "")
    if match and match.group(1) == clause.clause_id.last.number:
        paragraph.text = paragraph.text[match.end():].lstrip()
        return match.group(0).strip()
    return None


class _Sink:
    """Where the blocks that follow a clause go (the preface, the preamble, a clause's content), and
    where a note shown between them is referred to from (the block before it, else the heading)."""

    def __init__(self, blocks: list, heading: etree._Element | None = None):
        self.blocks, self.heading = blocks, heading

    def add(self, block: etree._Element) -> None:
        self.blocks.append(block)

    def attach(self, note_ref: etree._Element) -> None:
        if not any(b.tag == f"{{{NS}}}p" or b.find(f".//{{{NS}}}p") is not None for b in self.blocks) \
                and self.heading is not None:
            self.heading.append(note_ref)
        else:
            _attach(self.blocks, note_ref)


def _structure(text: Text, context: _Context):
    """The preface, the preamble and the hierarchy of a text's page."""
    root = lxml_html.fragment_fromstring(document_page.html(context.edition, text.document, text.lang), create_parent="div")
    preface: list[etree._Element] = []
    preamble: etree._Element | None = None
    top: list[_Node] = []
    nodes: dict[str, _Node] = {}
    sink = _Sink(preface)
    for element in root:
        if not isinstance(element.tag, str):
            continue
        clause = context.clauses.get(element.get("id") or "")
        if "editorial-note" in _classes(element):
            sink.attach(_note(element, context))
        elif clause is not None and clause.kind == "title":
            title = _e("p")
            _inline_into(title, element, context)
            doc_title = _e("docTitle")
            doc_title.text, title.text = title.text, None
            for child in list(title):
                doc_title.append(child)
            title.append(doc_title)
            preface.append(_e("longTitle", title, eId=clause.id))
            sink = _Sink(preface)
        elif clause is not None and clause.kind == "preamble":
            preamble = _e("preamble", *_blocks(_wrap(element, anchor=False), context), eId=clause.id)
            sink = _Sink(preamble)
        elif clause is not None and preamble is not None and clause.parent == preamble.get("eId"):
            for block in _blocks(_wrap(element), context):  # a paragraph of the preamble ("VENDOSI:"): in it, with its eId
                sink.add(block)
        elif clause is not None and (element.tag in HEADINGS or element.tag in ("p", "div")):
            node = _hier_node(element, clause, context)
            nodes[clause.id] = node
            parent = next((nodes[p] for p in _enclosing(clause) if p in nodes), None)
            (parent.children if parent else top).append(node)
            sink = _Sink(node.blocks, node.heading)
        else:
            for block in _blocks(_wrap(element), context):
                sink.add(block)
    return preface, preamble, top


def _wrap(element, anchor: bool = True):
    """A copy of an element as the only child of a new container (so that _blocks converts it as a
    block); without its id when the container it goes into carries it."""
    wrapper = lxml_html.Element("div")
    copy = lxml_html.fragment_fromstring(lxml_html.tostring(element, encoding="unicode", with_tail=False))
    if not anchor:
        copy.attrib.pop("id", None)
    wrapper.append(copy)
    return wrapper


def _enclosing(clause: Clause) -> list[str]:
    """The clause's parent in the model, then its id's ancestors: where it nests."""
    out = [clause.parent] if clause.parent else []
    return out + [str(a) for a in ClauseId.parse(clause.id).ancestors()]


# --- the document ------------------------------------------------------------------------------------
def document_xml(edition: Edition, document_id: str, lang: str, edition_date: str) -> bytes:
    """The Akoma Ntoso XML of one document in one language."""
    corpus = edition.corpus
    text = edition.text(document_id, lang)
    document = corpus.document(document_id)
    languages = corpus.languages
    work = identifiers.work_of(document, corpus.documents)
    alpha3 = languages.get(lang).alpha3
    context = _Context(text, corpus, {d["page"]: d["id"] for d in corpus.documents},
                       {c.id: c for c in text.clauses}, edition)
    preface, preamble, top = _structure(text, context)
    doctype = work.doctype
    body = _e("body" if doctype == "act" else "mainBody", *[node.element() for node in top])
    _mark_one_language(text, context, body, lang)
    main = _e(doctype, _meta(work, document, lang, alpha3, context, edition_date), name=work.subtype)
    if preface:
        main.append(_e("preface", *preface))
    if preamble is not None:
        main.append(preamble)
    main.append(body)
    root = _e("akomaNtoso", main)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _mark_one_language(text: Text, context: _Context, body: etree._Element, lang: str) -> None:
    """A clause that this language alone prints says so, in a note referred to from the clause."""
    codes = context.corpus.languages.codes
    by_eid = {element.get("eId"): element for element in body.iter() if element.get("eId")}
    for clause in text.clauses:
        only = clause.only_in(codes)
        if not only or clause.gap or clause.id not in by_eid:
            continue
        words = context.corpus.words(lang, "labels.only_in").format(text=context.corpus.words(lang, f"labels.text_of.{only}"))
        note = _e("note", _e("p"), eId=f"only-in-{clause.id}", class_="one-language")
        note[0].text = words
        context.notes[note.get("eId")] = note
        element = by_eid[clause.id]
        host = element if element.tag in (f"{{{NS}}}p", f"{{{NS}}}li", f"{{{NS}}}heading") else \
            next(element.iter(f"{{{NS}}}heading", f"{{{NS}}}p", f"{{{NS}}}li"), None)
        if host is not None:
            host.append(context.note_ref(note.get("eId")))


def _meta(work, document, lang, alpha3, context: _Context, edition_date) -> etree._Element:
    corpus = context.corpus
    source = f"#{EDITOR}"
    authoritative = lang == corpus.languages.authoritative
    original = corpus.languages.get(corpus.languages.authoritative).alpha3
    # a translation names the authoritative expression it translates (the printed edition's translation:
    # not this edition's, and its translator is not named)
    translation = [] if authoritative else [_e("FRBRtranslation", href=work.expression(original), fromLanguage=original,
                                                 authoritative="false", by="#translator")]
    identification = _e(
        "identification",
        _e("FRBRWork",
           _e("FRBRthis", value=str(work)), _e("FRBRuri", value=str(work)),
           _e("FRBRalias", value=document["title"][lang], name="title"),
           _e("FRBRalias", value=document["short_title"][lang], name="shortTitle"),
           _e("FRBRdate", date=work.date, name="adoption"),
           _e("FRBRauthor", href="#author"),
           _e("FRBRcountry", value=identifiers.COUNTRY),
           _e("FRBRsubtype", value=work.subtype),
           _e("FRBRnumber", value=work.number),
           _e("FRBRname", value=document["form"][lang])),
        _e("FRBRExpression",
           _e("FRBRthis", value=work.expression(alpha3)), _e("FRBRuri", value=work.expression(alpha3)),
           _e("FRBRdate", date=work.date, name="adoption"),
           _e("FRBRauthor", href="#author"),
           _e("FRBRauthoritative", value="true" if authoritative else "false"),
           _e("FRBRlanguage", language=alpha3),
           *translation),
        _e("FRBRManifestation",
           # this file (the manifestation); its FRBRuri is the expression's, as Laws.Africa's tools write and read it
           _e("FRBRthis", value=work.manifestation(alpha3)), _e("FRBRuri", value=work.expression(alpha3)),
           _e("FRBRdate", date=edition_date, name="edition"),
           _e("FRBRauthor", href=source),
           _e("FRBRformat", value="application/akn+xml")),
        source=source)
    effects = status.effects(corpus, document["id"])
    later = {effect.by for effect in effects if effect.by}
    in_edition = {effect.by_document for effect in effects if effect.by_document} - later  # (one reference per eId)
    references = _e("references",
                    _e("original", eId="original", href=work.expression(original), showAs=document["title"][corpus.languages.authoritative]),
                    *[_e("passiveRef", eId=instrument_id, href=_instrument_href(corpus, instrument_id),
                         showAs=status.title_in(status.instrument(corpus, instrument_id), lang)[0])
                      for instrument_id in sorted(later)],
                    # a document of this edition that replaces, amends or implements it: its expression in this language
                    *[_e("passiveRef", eId=other, showAs=corpus.document(other)["title"][lang],
                         href=identifiers.work_of(corpus.document(other), corpus.documents).expression(alpha3))
                      for other in sorted(in_edition)],
                    _e("TLCOrganization", eId=EDITOR, href=f"/ontology/organization/{EDITOR}",
                       showAs=corpus.words(lang, "akn.editor")),
                    _e("TLCOrganization", eId="author", href=f"/ontology/organization/{identifiers.COUNTRY}/author",
                       showAs=corpus.words(lang, "akn.author")),
                    *([] if authoritative else [_e("TLCOrganization", eId="translator", href="/ontology/organization/translator",
                                                   showAs=corpus.words(lang, "akn.translator"))]),
                    *[_e("TLCOrganization", eId=body, href=f"/ontology/organization/{identifiers.COUNTRY}/{body}",
                         showAs=name) for body, name in sorted(context.organizations.items())],
                    source=source)
    meta = _e("meta", identification, _lifecycle(work, effects, source))
    modifications = _passive_modifications(work, alpha3, effects)
    if modifications is not None:
        meta.append(_e("analysis", modifications, source=source))
    meta.append(references)
    if context.notes:
        meta.append(_e("notes", *context.notes.values(), source=source))
    meta.append(_e("proprietary", _edition_statement(context, document, lang, edition_date), source=source))
    return meta


# what a later effect is in Akoma Ntoso (trafiklex.queries.status): the event in the document's life
# it makes, and the passive modification that records it (none where a source says only that a text
# was in use, or where what happened is unclear); an effect by a document of this edition is made by
# that document (its passiveRef: source="#<document id>")
EVENTS = {"amended": "amendment", "replaced": "repeal", "superseded": "repeal", "expired": "repeal"}
MODIFICATIONS = {"amended": ("meaningMod", "variation"), "replaced": ("forceMod", "endOfEnactment"),
                 "superseded": ("forceMod", "endOfEnactment"), "expired": ("legalSystemMod", "expiration"),
                 "in_force": ("legalSystemMod", "implementation"), "implemented": ("legalSystemMod", "implementation")}


def _day(value: str) -> str:
    """A date of the data (YYYY, YYYY-MM, YYYY-MM-DD) as the day Akoma Ntoso needs (its first day)."""
    return value + "-01-01"[len(value) - 4:] if len(value) < 10 else value


def _instrument_href(corpus: Corpus, instrument_id: str) -> str:
    """Where a later instrument is known from: the address of its first source."""
    return status.source(corpus, status.instrument(corpus, instrument_id)["statements"][0]["source"])["url"]


def _lifecycle(work, effects: list, source: str) -> etree._Element:
    """The document's life: its adoption, then each later effect that a source dates and names the
    instrument of (data/documents/<document>/status.yml)."""
    later = sorted({(_day(effect.since), effect.by or effect.by_document, EVENTS[effect.type]) for effect in effects
                    if effect.type in EVENTS and (effect.by or effect.by_document) and effect.since})
    events = [(work.date, "original", "generation")] + later
    return _e("lifecycle", *[_e("eventRef", eId=f"e_{n}", date=date, source=f"#{by}", type=kind)
                             for n, (date, by, kind) in enumerate(events, start=1)], source=source)


def _passive_modifications(work, alpha3: str, effects: list) -> etree._Element | None:
    """What later instruments did to the document or its provisions, as sources say it."""
    out = []
    for effect in effects:
        if effect.type not in MODIFICATIONS or not (effect.by or effect.by_document):
            continue
        tag, kind = MODIFICATIONS[effect.type]
        destination = f"#{effect.clause}" if effect.clause else work.expression(alpha3)
        out.append(_e(tag, _e("source", href=f"#{effect.by or effect.by_document}"), _e("destination", href=destination),
                      eId=f"pmod_{len(out) + 1}", type=kind))
    return _e("passiveModifications", *out) if out else None


def _edition_statement(context: _Context, document: dict, lang: str, edition_date: str) -> etree._Element:
    """This edition's own metadata (in a namespace of its own, as Akoma Ntoso's <proprietary> asks):
    the licence of its work, what it says of the official text, and the text's status."""
    corpus = context.corpus
    rights = edition_meta.rights(corpus)

    def element(tag: str, text: str | None = None, **attributes) -> etree._Element:
        out = etree.Element(f"{{{EDITION_NS}}}{tag}", nsmap={"edition": EDITION_NS})
        for key, value in attributes.items():
            out.set(key, value)
        out.text = text
        return out

    statement = element("edition", date=edition_date)
    licence = element("licence", rights["licence_name"], spdx=rights["licence"], href=rights["licence_url"])
    statement.extend([licence, element("covers", rights["covers"][lang]),
                      element("officialText", rights["official_texts"][lang]),
                      element("status", edition_meta.document_status(corpus, document["id"], lang, edition_date))])
    return statement


def write(edition: Edition, site: Path, edition_date: str) -> list[Path]:
    """Every document in every language, at the path of its manifestation URI under the site. A page
    that cannot be expressed stops the build with its place."""
    written = []
    for document in edition.corpus.documents:
        work = identifiers.work_of(document, edition.corpus.documents)
        for lang in edition.languages:
            try:
                xml = document_xml(edition, document["id"], lang, edition_date)
            except AknError as error:
                raise DataError([Problem(edition.text(document["id"], lang).source, str(error),
                                         expected="what Akoma Ntoso can hold: see trafiklex/formats/akn.py")]) from None
            path = site / work.file(edition.corpus.languages.get(lang).alpha3)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(xml)
            written.append(path)
    return written
