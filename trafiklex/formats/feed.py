"""An Atom feed (RFC 4287) of the edition's changes, one per language: the later effects on the texts
that public sources say happened (data/documents/<document>/status.yml, dated when the edition
recorded them) and the changes of data/changes.yml (corrections, new notes and documents, the edition
itself), newest first, for readers who follow the edition without an account. Built from the data;
every feed is parsed back before it is written."""
from __future__ import annotations

from pathlib import Path

from lxml import etree

from trafiklex.core import urls
from trafiklex.core.errors import DataError, Problem
from trafiklex.data.store import Corpus
from trafiklex.queries import status

ATOM = "http://www.w3.org/2005/Atom"
FILE = "feed.xml"


def path(corpus: Corpus, lang: str) -> str:
    """Where a language's feed is in the site: 'feed.xml' (the root language), 'en/feed.xml'."""
    return FILE if lang == corpus.languages.default else f"{lang}/{FILE}"


def entries(corpus: Corpus, lang: str) -> list[dict]:
    """The feed's entries in `lang`, newest first: id, date, title, text, the page and clause they concern."""
    out = []
    for effect in (e for e in status.effects(corpus) if e.recorded):  # (a document of the edition's: once it is announced)
        document = corpus.document(effect.document)
        out.append({"id": f"urn:trafiklex:effect:{effect.document}:{effect.index + 1}", "date": effect.recorded,
                    "title": f"{document['short_title'][lang]}: {corpus.words(lang, 'status.types')[effect.type]}",
                    "text": effect.says.get(lang) or next(iter(effect.says.values())),
                    "page": document["page"], "anchor": effect.clause or "edition-status"})
    for n, change in enumerate(corpus.data("changes.yml")["changes"]):
        document = corpus.document(change["document"]) if change.get("document") else None
        words = corpus.words(lang, f"feed.kinds.{change['kind']}")
        out.append({"id": f"urn:trafiklex:change:{n + 1}", "date": change["date"],
                    "title": f"{document['short_title'][lang]}: {words}" if document else words,
                    "text": change["text"].get(lang) or next(iter(change["text"].values())),
                    "page": document["page"] if document else "index",
                    "anchor": change.get("clause") or (f"note-{change['note']}" if change.get("note") else None)})
    return sorted(out, key=lambda entry: entry["date"], reverse=True)


def atom(corpus: Corpus, lang: str, site_url: str) -> bytes:
    """The feed of `lang` as Atom XML; the links are absolute, under `site_url`."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    root_lang = corpus.languages.default

    def link(page: str, anchor: str | None = None) -> str:
        return base + urls.relative("index", root_lang, page, lang, anchor, root=root_lang)

    found = entries(corpus, lang)
    E = lambda tag, text=None, **attributes: _element(tag, text, **attributes)  # noqa: E731
    feed = E("feed")
    feed.set("{http://www.w3.org/XML/1998/namespace}lang", corpus.languages.get(lang).locale.replace("_", "-"))
    feed.append(E("id", f"urn:trafiklex:feed:{lang}"))
    feed.append(E("title", corpus.words(lang, "feed.title")))
    feed.append(E("subtitle", corpus.words(lang, "feed.subtitle")))
    feed.append(E("updated", _time(found[0]["date"] if found else "2005-07-18")))
    feed.append(E("link", rel="self", type="application/atom+xml", href=base + path(corpus, lang)))
    feed.append(E("link", rel="alternate", type="text/html", href=link("index")))
    author = E("author")
    author.append(E("name", corpus.words(lang, "akn.editor")))
    feed.append(author)
    feed.append(E("rights", corpus.words(lang, "feed.rights")))
    for entry in found:
        item = E("entry")
        item.append(E("id", entry["id"]))
        item.append(E("title", entry["title"]))
        item.append(E("updated", _time(entry["date"])))
        item.append(E("link", rel="alternate", type="text/html", href=link(entry["page"], entry["anchor"])))
        item.append(E("summary", entry["text"]))
        feed.append(item)
    xml = etree.tostring(feed, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    _check(xml, path(corpus, lang), len(found))
    return xml


def write(corpus: Corpus, site: Path, site_url: str) -> list[Path]:
    written = []
    for lang in corpus.languages:
        target = site / path(corpus, lang)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(atom(corpus, lang, site_url))
        written.append(target)
    return written


def _element(tag: str, text: str | None = None, **attributes) -> etree._Element:
    element = etree.Element(f"{{{ATOM}}}{tag}", nsmap={None: ATOM})
    for key, value in attributes.items():
        element.set(key, value)
    element.text = text
    return element


def _time(day: str) -> str:
    return f"{day}T00:00:00Z"


def _check(xml: bytes, name: str, count: int) -> None:
    """The feed parses back as Atom with every entry it was given (what is published is well-formed)."""
    try:
        root = etree.fromstring(xml)
    except etree.XMLSyntaxError as error:
        raise DataError([Problem(name, f"the feed is not well-formed XML: {error}", expected="well-formed Atom")]) from None
    if root.tag != f"{{{ATOM}}}feed" or len(root.findall(f"{{{ATOM}}}entry")) != count:
        raise DataError([Problem(name, "the feed did not read back as written", expected=f"an Atom feed of {count} entries")])
