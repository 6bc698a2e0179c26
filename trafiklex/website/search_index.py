"""The search index of one language, built from the edition's pages as the site shows them.

Material's search runs lunr in the browser from a JSON index of documents. This writes one index per
language (so a search on the Albanian site finds Albanian pages, and the English site English ones),
with one entry per clause (article, point, activity, penalty row, question…), so that a result
lands on the clause. Each entry carries, besides its title and text:
- `numbering`: the clause's printed numbering in the forms people type (5.A.4, 128/b, 1.5.3, and the
  bare number of an article, point or question: "Article 1", "pika 3");
- `bodies`: the names and acronyms, in both languages, of the bodies the clause gives a duty to (so
  that MoLSA finds Albanian clauses and MPÇS English ones);
- `tags`: the clause's topics in the index's language (trafiklex.queries.topics), which Material shows under
  each result.
Case and diacritics are folded by the lunr pipeline of the Albanian index (lunr.sq) and, for the
query, by the search worker wrapper; nothing here changes the text.
"""
from __future__ import annotations

import html

from lxml import html as lxml_html

from trafiklex.website import site_page
from trafiklex.queries import topics
from trafiklex.data.corpus import Corpus
from trafiklex.model.clauses import NOT_TEXT
from trafiklex.model.edition import Edition
from trafiklex.website.pages import site_pages
from trafiklex.core.ids import ClauseId
from trafiklex.core.urls import PARALLEL_FOLDER
from trafiklex.queries.obligations import all_obligations

SEPARATOR = r"[\s\-–—]+"
# `title` is what the results show; the fields searched are these (Material indexes config.fields):
FIELDS = {"heading": {"boost": 3}, "names": {"boost": 4}, "numbering": {"boost": 6}, "bodies": {"boost": 1.5},
          "text": {"boost": 1}}
# Material multiplies the score of page-level entries (no #anchor) by up to 2.5 more than that of
# sections; clause entries get this boost so that the clause, not the page, comes first.
CLAUSE_BOOST = 2.5


def config(corpus: Corpus, lang: str) -> dict:
    """The index's configuration: lunr's word handling for the language (data/languages.yml)."""
    return {"lang": [corpus.languages.get(lang).search], "separator": SEPARATOR, "pipeline": ["trimmer", "stopWordFilter"],
            "fields": FIELDS}
DERIVED = {"due", "directory", "sanctions", "timeline", "due-filters", "counts",  # derived from other pages
           "checklist-tool"}  # the interactive checklist: Annex 1's questions, found in the Annex
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
BLOCKS = {"p", "li", "td", "th", "dd", "dt", "div", "br", "tr"} | HEADINGS


def _names(corpus: Corpus, institution: str) -> list[str]:
    item = corpus.institutions.get(institution)
    return [word for lang in corpus.languages for word in [item["name"][lang], *item.get("acronyms", {}).get(lang, [])]]


def _bodies_text(corpus: Corpus, institutions) -> str:
    """Names and acronyms, in both languages, of the bodies and of the bodies they are part of (a
    duty of MoLSA's Directorate of Social Services is found by searching MoLSA)."""
    words = []
    for institution in institutions:
        while institution:
            words += _names(corpus, institution)
            institution = corpus.institutions.get(institution).get("part_of")
    return " ".join(dict.fromkeys(words))


def _duties(corpus: Corpus) -> dict[tuple[str, str], list[str]]:
    """(document, clause id) → the bodies it gives a duty to (either language)."""
    found = {(o.document, o.id): o.institutions() for o in all_obligations(corpus)}
    for glossary in corpus.glossaries:
        for entries in glossary["entries"].values():
            for entry in entries:
                found[(glossary["document"], f"{glossary['anchor']}__{entry['institution']}")] = [entry["institution"]]
    return found


NOT_SECTIONS = ("note-", "fn-", "fnref", "fn:", "__")  # anchors of notes and footnotes


def _is_entry(anchor: str, document: str | None) -> bool:
    """An anchor that starts an entry: a clause of a document, a section of another page."""
    return ClauseId.is_valid(anchor) if document else not anchor.startswith(NOT_SECTIONS)


def _classes(element) -> set[str]:
    return set((element.get("class") or "").split())


def _skipped(element) -> bool:
    """The site's own elements (editorial notes, placeholders, permalink signs, scripts: not the
    document's text) and the theme's."""
    return bool(_classes(element) & NOT_TEXT) or element.tag in ("script", "style")


def _text(element) -> str:
    """An element's text without the site's own elements."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and not _skipped(child):
            parts.append(_text(child))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


def _segments(article, lang: str, document: str | None) -> list[tuple[str | None, object, str]]:
    """The article's text cut at every clause anchor: (clause id or None for the text before the
    first clause, the element carrying the id, its text). Text marked as in another language, and
    blocks marked data-search-exclude (the translators' reports, which quote the documents), are
    not part of this language's index."""
    segments: list[list] = [[None, None, []]]

    def walk(element):
        if _skipped(element) or "md-source-file" in _classes(element):
            return
        if element.get("lang", lang) != lang or element.get("data-search-exclude") is not None:
            return
        anchor = element.get("id")
        if anchor and _is_entry(anchor, document) and element.tag != "article":
            segments.append([anchor, element, []])
        if element.tag in BLOCKS:
            segments[-1][2].append(" ")
        segments[-1][2].append(element.text or "")
        for child in element:
            if isinstance(child.tag, str) and not _classes(child) & DERIVED:
                walk(child)
            segments[-1][2].append(child.tail or "")

    walk(article)
    return [(anchor, element, " ".join("".join(parts).split())) for anchor, element, parts in segments]


def _title(root) -> str:
    h1 = next(root.iter("h1"), None)
    return _text(h1) if h1 is not None else ""


def build(edition: Edition, lang: str) -> dict:
    """The search index of `lang`, from the edition's pages as the site shows them."""
    corpus = edition.corpus
    documents = {d["page"]: d for d in corpus.documents}
    duties = _duties(corpus)
    docs = []
    pages = site_pages(edition)
    for name in pages.page_paths(lang):
        if name.startswith(f"{PARALLEL_FOLDER}/"):
            continue  # the side-by-side views repeat the documents, where their clauses are found
        article = lxml_html.fragment_fromstring(site_page.content(edition, name, lang), create_parent="article")
        relative = f"{name}.html"
        title = _title(article) or pages.page(name, lang).title  # (the theme heads a page without one)
        document = documents.get(name)
        if name.startswith("institutions/"):
            institution = name.split("/", 1)[1]
            names = " ".join(dict.fromkeys(_names(corpus, institution)))
            docs.append({"location": relative, "title": html.escape(title), "text": html.escape(names), "names": names})
            continue
        short = document["short_title"][lang] if document else ""
        for anchor, element, text in _segments(article, lang, document and document["id"]):
            if anchor is None:
                docs.append({"location": relative, "title": html.escape(short or title),
                             "heading": html.escape(short or title), "text": html.escape(text)})
                continue
            if not text:
                continue
            if element.tag in HEADINGS:
                clause_title = _text(element)
            else:
                clause_title = edition.label(document["id"], anchor, lang, heading=True) if document else anchor
            entry = {"location": f"{relative}#{anchor}", "title": html.escape(clause_title),
                     "heading": html.escape(clause_title), "text": html.escape(text)}
            if document:  # a clause of a document comes before its page; a section of another page does not
                entry.update(numbering=" ".join(ClauseId.parse(anchor).numbering_forms()), boost=CLAUSE_BOOST)
            if document:
                clause = edition.clause(document["id"], anchor, lang)
                if clause is not None and clause.topics:
                    entry["tags"] = [topics.name(corpus, t, lang) for t in clause.topics]
            if document and (document["id"], anchor) in duties:
                entry["bodies"] = _bodies_text(corpus, duties[(document["id"], anchor)])
            docs.append(entry)
    return {"config": config(corpus, lang), "docs": docs}
