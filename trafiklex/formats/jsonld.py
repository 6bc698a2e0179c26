"""schema.org `Legislation` metadata of each document page, as JSON-LD (a data block in the page's
head, `<script type="application/ld+json">`: data, not a script — trafiklex.website.sitepolicy accepts it only
as JSON, trafiklex.website.csp does not treat it as a script).

What each field says, and why:
- legislationIdentifier: the work URI (trafiklex.core.identifiers), the same in every language; identifier:
  the expression URI of the page's language.
- legislationDate: the work's date (identifiers.work_date: its own date, or that of the act that
  approves it); legislationType: the document's legal form as data/documents.yml gives it, in the
  page's language; legislationJurisdiction: Albania.
- inLanguage: the language's BCP 47 tag (data/languages.yml, locale).
- The authoritative text and its translations: the authoritative page names each translation
  (workTranslation), each translation names the authoritative page (translationOfWork).
- legislationPassedBy: only where the text itself says who made it (data/documents.yml, passed_by).
- legislationLegalValue: UnofficialLegalValue — this page is this edition's reproduction, not the
  official publication.
- Status: this edition does not know whether a text is in force today, so it states no
  legislationLegalForce; creativeWorkStatus says what the page says (published as adopted, the
  edition's date, nothing followed after it); sdDatePublished is the edition's date.
- license: the licence of this edition's own work (data/edition.yml); the official text itself is
  reproduced without one (the licence page says so).
- Changes, only where a public source says them (trafiklex.queries.status): a provision of the page
  that reproduces an article of a law a later law amended (the penalties table's Criminal Code
  articles) is a part (hasPart) based on that article (isBasedOn), which the later law changes
  (legislationChanges, written from the article's side with @reverse): the later law changed the
  article, not this edition's text. No legislationLegalForce: no source says whether a text is in force
  today. Not used: legislationConsolidates (the edition consolidates nothing)."""
from __future__ import annotations

import json

from markupsafe import Markup

from trafiklex.model.edition import edition_of
from trafiklex.queries import edition_meta, status
from trafiklex.core import urls
from trafiklex.data.corpus import Corpus

CONTEXT = "https://schema.org"  # (a name, never fetched by a browser)
UNOFFICIAL = "https://schema.org/UnofficialLegalValue"


def _page_url(corpus: Corpus, document: dict, lang: str, site_url: str) -> str:
    return site_url.rstrip("/") + "/" + urls.page_path(document["page"], lang, corpus.languages.default)


def _reference(corpus: Corpus, document: dict, lang: str, site_url: str) -> dict:
    """Another language's text of the same work, as a node."""
    ids = edition_meta.document_identifiers(corpus, document["id"])
    return {"@type": "Legislation", "@id": _page_url(corpus, document, lang, site_url),
            "url": _page_url(corpus, document, lang, site_url), "name": document["title"][lang],
            "legislationIdentifier": ids.work, "identifier": ids.expressions[lang],
            "inLanguage": corpus.languages.get(lang).locale}


def legislation(corpus: Corpus, document_id: str, lang: str, site_url: str, edition_date: str | None) -> dict:
    """The Legislation node of a document's page in `lang`."""
    document = corpus.document(document_id)
    ids = edition_meta.document_identifiers(corpus, document_id)
    authoritative = corpus.languages.authoritative
    node = {
        "@context": CONTEXT,
        **_reference(corpus, document, lang, site_url),
        "alternateName": document["short_title"][lang],
        "legislationDate": ids.date,
        "legislationType": document["form"][lang],
        "legislationJurisdiction": {"@type": "AdministrativeArea", "name": corpus.words(lang, "jsonld.jurisdiction")},
        "legislationLegalValue": UNOFFICIAL,
        "creativeWorkStatus": edition_meta.document_status(corpus, document_id, lang, edition_date),
        "license": edition_meta.licence(corpus, "content").url,
    }
    if edition_date:
        node["sdDatePublished"] = edition_date
    if "passed_by" in document:
        body = corpus.institutions.get(document["passed_by"]["body"])
        node["legislationPassedBy"] = {"@type": "GovernmentOrganization", "name": body["name"][lang]}
    parts = _changed_parts(corpus, document_id, lang)
    if parts:
        node["hasPart"] = parts
    node.update(_in_edition(corpus, document_id, lang, site_url))
    if lang == authoritative:
        node["workTranslation"] = [_reference(corpus, document, other, site_url) for other in corpus.languages.translations()]
    else:
        node["translationOfWork"] = _reference(corpus, document, authoritative, site_url)
    return node


# an effect that a document of this edition declares (trafiklex.queries.status), as schema.org says it: a
# legislation that changes (replaces, amends) another, or applies (implements) it
PROPERTIES = {"replaced": "legislationChanges", "amended": "legislationChanges", "implemented": "legislationApplies"}


def _in_edition(corpus: Corpus, document_id: str, lang: str, site_url: str) -> dict:
    """What documents of this edition do to this one (@reverse), and what it does to others."""
    out: dict = {}
    for effect in status.effects(corpus):
        if not effect.in_edition or effect.type not in PROPERTIES or document_id not in (effect.document, effect.by_document):
            continue
        if effect.document == document_id:
            other, place = corpus.document(effect.by_document), out.setdefault("@reverse", {})
        else:
            other, place = corpus.document(effect.document), out
        node = {**_reference(corpus, other, lang, site_url), "legislationDate": edition_meta.document_identifiers(corpus, other["id"]).date}
        if node not in place.setdefault(PROPERTIES[effect.type], []):
            place[PROPERTIES[effect.type]].append(node)
    return out


def _changed_parts(corpus: Corpus, document_id: str, lang: str) -> list[dict]:
    """The provisions that reproduce an article of a law that a later law amended, as sources say."""
    parts = {}
    for effect in status.effects(corpus, document_id):
        if effect.type != "amended" or not effect.clause or not effect.by:
            continue
        label = edition_of(corpus).label(document_id, effect.clause, lang, heading=True)
        portion = edition_meta.portion(corpus, document_id, lang, effect.clause)
        part = parts.setdefault(effect.clause, {"@type": "Legislation", "@id": portion, "legislationIdentifier": portion,
                                                "name": label, "isBasedOn": {"@type": "Legislation", "name": label,
                                                                             "@reverse": {"legislationChanges": []}}})
        instrument = status.instrument(corpus, effect.by)
        later = {"@type": "Legislation", "name": status.title_in(instrument, lang)[0]}
        if instrument.get("date"):
            later["legislationDate"] = instrument["date"]
        if later not in part["isBasedOn"]["@reverse"]["legislationChanges"]:
            part["isBasedOn"]["@reverse"]["legislationChanges"].append(later)
    return list(parts.values())


def dumps(data: dict) -> str:
    """JSON for a data block inside HTML: nothing in it can end the block or start markup (< > & are
    written as \\u003c \\u003e \\u0026, and the line separators U+2028/9 escaped)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text


def script(data: dict) -> Markup:
    """The data block for a page's head."""
    return Markup('<script type="application/ld+json">') + Markup(dumps(data)) + Markup("</script>")
