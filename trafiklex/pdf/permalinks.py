"""From paper back to the web: the permalinks that the printed editions carry — each document's
(on its opening page, as a link and as a QR code) and each article-level heading's (the clauses the
site sets as level-2 headings: articles, sections, strategic areas) — and an obligation sheet's
(its institution's page, and each document and clause it lists).

A permalink is the site's address (SITE_URL, the edition's `site_url`) with the page's path in the
built site and the clause's id: `https://example.org/trafiklex/en/<page>.html#art_5`. The QR
codes are made here, at build time (segno, an SVG handed to Typst), with nothing fetched.
"""
from __future__ import annotations

import io

import segno

from trafiklex.core import urls
from trafiklex.data.corpus import Corpus
from trafiklex.model.edition import edition_of
from trafiklex.pdf.typst_values import label

HEADING_TAG = "h2"  # the clauses that are article-level headings on the site


def url(site_url: str, corpus: Corpus, page: str, lang: str, anchor: str | None = None) -> str:
    """The permalink of a page of the site in `lang` (and of a clause on it)."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    return base + urls.page_path(page, lang, corpus.languages.default) + (f"#{anchor}" if anchor else "")


def document_url(site_url: str, corpus: Corpus, document_id: str, lang: str) -> str:
    return url(site_url, corpus, corpus.document(document_id)["page"], lang)


def clause_url(site_url: str, corpus: Corpus, document_id: str, clause_id: str, lang: str) -> str:
    return url(site_url, corpus, corpus.document(document_id)["page"], lang, clause_id)


def qr_svg(text: str) -> str:
    """A QR code of `text` as an SVG document (black modules, a quiet zone of four modules)."""
    out = io.BytesIO()
    segno.make(text, error="m").save(out, kind="svg", xmldecl=False, svgns=True, nl=False, border=4, scale=1,
                                     dark="#000000", light="#ffffff")
    return out.getvalue().decode("ascii")


def heading_links(site_url: str, corpus: Corpus, languages: tuple[str, ...]) -> dict[str, list[list[str]]]:
    """Typst label of every article-level heading ("<document>:art_5") → its permalink in each of
    `languages` that prints it: [[lang, url], …] (the templates show it under the heading)."""
    edition = edition_of(corpus)
    out: dict[str, list[list[str]]] = {}
    for document in corpus.documents:
        for lang in languages:
            for clause in edition.text(document["id"], lang).clauses:
                if clause.tag == HEADING_TAG and not clause.gap:
                    out.setdefault(label(document["id"], clause.id), []).append(
                        [lang, clause_url(site_url, corpus, document["id"], clause.id, lang)])
    return out


def document_links(site_url: str, corpus: Corpus, document_id: str, languages: tuple[str, ...]) -> dict:
    """What a document's opening page shows: its permalink in each language (links) and a QR code of
    the first one's, with the words that say what it is."""
    first = languages[0]
    links = [[lang, document_url(site_url, corpus, document_id, lang)] for lang in languages]
    return {"links": links, "qr": qr_svg(links[0][1]),
            "caption": corpus.words(first, "paper_to_web.online"),
            "alt": corpus.words(first, "paper_to_web.qr_alt").format(url=links[0][1])}
