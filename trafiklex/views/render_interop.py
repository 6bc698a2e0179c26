"""What a reader sees of the edition as a publication (trafiklex.queries.edition_meta): the status notice and
the identifiers panel of each document page, the identifiers page's table, the licences. HTML from
the templates (trafiklex/views/templates/), with autoescaping."""
from __future__ import annotations

from trafiklex.core import relations

from markupsafe import Markup

from trafiklex.model.edition import edition_of
from trafiklex.queries import edition_meta
from trafiklex.views import status
from trafiklex.core import identifiers, urls
from trafiklex.data.corpus import Corpus
from trafiklex.views.render import block, format_date, render

IDENTIFIERS_PAGE = "links"   # the page that explains the identifiers (docs/<lang>/links.md)
LICENCE_PAGE = "licence"     # the licence page (docs/<lang>/licence.md)


def document_status(corpus: Corpus, document_id: str, lang: str, edition_date: str | None) -> Markup:
    """At the top of a document's page: its status as far as public sources say (trafiklex.views.status)."""
    return status.document_notice(edition_of(corpus), document_id, lang, edition_date)


def document_identifiers(corpus: Corpus, document_id: str, lang: str) -> Markup:
    """The panel of a document page (at the page of the document, in `lang`)."""
    root = corpus.languages.default
    page = corpus.document(document_id)["page"]
    ids = edition_meta.document_identifiers(corpus, document_id)
    names = corpus.words(lang, "labels.language_name")
    files = [{"href": urls.asset(page, lang, ids.files[other], root=root), "lang": other,
              "name": f"{names[other][:1].upper()}{names[other][1:]} (XML)"} for other in corpus.languages]
    return render(corpus, lang, "document_identifiers.html", work=ids.work, expression=ids.expressions[lang],
                  files=files, licence=edition_meta.licence(corpus, "content"),
                  scheme=urls.relative(page, lang, IDENTIFIERS_PAGE, lang, "uris", root=root),
                  licence_page=urls.relative(page, lang, LICENCE_PAGE, lang, root=root))


def identifiers_table(corpus: Corpus, lang: str, here: str) -> str:
    """The identifiers page's table of the documents and their URIs."""
    root = corpus.languages.default
    months = corpus.words(lang, "months")
    rows = []
    for document in corpus.documents:
        ids = edition_meta.document_identifiers(corpus, document["id"])
        own = identifiers.work_date(document, []) is not None  # (its own full date, not an approving act's)
        approvers = relations.related(corpus.documents, document["id"], "approved_by")
        approver = corpus.document(approvers[0]) if not own and approvers else None
        rows.append({
            "id": document["id"], "title": document["short_title"][lang],
            "href": urls.relative(here, lang, document["page"], lang, root=root),
            "type": corpus.words(lang, "identifiers.types")[document["akn"]["type"]], "subtype": document["akn"]["subtype"],
            "date": format_date(ids.date, months),
            "date_from": corpus.words(lang, "identifiers.date_own") if approver is None else
            corpus.words(lang, "identifiers.date_of").format(document=approver["short_title"][lang]),
            "work": ids.work,
            "expressions": [{"lang": other, "uri": ids.expressions[other]} for other in corpus.languages],
        })
    return block(render(corpus, lang, "identifiers_table.html", rows=rows))


def licences(corpus: Corpus, lang: str) -> str:
    return block(render(corpus, lang, "licences.html", licences=edition_meta.licences(corpus),
                        official_texts=edition_meta.official_texts(corpus, lang)))
