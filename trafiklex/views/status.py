"""What became of the texts, shown where they are read (trafiklex.queries.status): a document page's
status notice, a notice at each provision a later effect concerns, the notice of the "what is due" and
institution pages that the deadlines are those printed in 2005, and the "Later framework" page."""
from __future__ import annotations

from markupsafe import Markup

from trafiklex.core import urls
from trafiklex.core.dates import format_date
from trafiklex.data.store import Corpus
from trafiklex.model.edition import Edition, edition_of
from trafiklex.queries import edition_meta, obligations, status
from trafiklex.views import templating

LATER_PAGE = "later-framework"


def render(corpus: Corpus, lang: str, template: str, **context) -> Markup:
    return templating.render(template, t=corpus.catalog.translator(lang), lang=lang, **context)


def _source(corpus: Corpus, source_id: str, lang: str) -> dict:
    item = status.source(corpus, source_id)
    note = item.get("note", {})
    return {**item, "date": status.date_words(corpus, item.get("date"), lang),
            "note": _in(note, lang) if note else None}


def _in_edition(corpus: Corpus, effect: status.Effect, lang: str) -> dict:
    """The clause of the edition that is an effect's source: its label and its address from the
    affected document's page."""
    document, clause = effect.source["document"], effect.source["clause"]
    edition = edition_of(corpus)
    label = corpus.document(document)["short_title"][lang] + (f", {edition.label(document, clause, lang, heading=True)}" if clause else "")
    href = urls.relative(corpus.document(effect.document)["page"], lang, corpus.document(document)["page"], lang, clause,
                         root=corpus.languages.default)
    return {"label": label, "href": href}


def effect_notice(corpus: Corpus, effect: status.Effect, lang: str) -> Markup:
    """One later effect, as its source says it (a public source, or a clause of this edition), in `lang`."""
    anchor = f"effect-{effect.document}-{effect.index + 1}"
    title_key = "status.of_clause" if effect.clause else "status.of_document"
    if effect.in_edition:
        return render(corpus, lang, "effect.html", anchor=anchor, type=effect.type, title=corpus.words(lang, title_key),
                      since=status.date_words(corpus, effect.since, lang), says=_in(effect.says, lang),
                      instrument=None, internal=_in_edition(corpus, effect, lang))
    instrument = None
    if effect.by:
        item = status.instrument(corpus, effect.by)
        title, _ = status.title_in(item, lang)
        date = status.date_words(corpus, item.get("date"), lang)
        instrument = f"{title} ({date})" if date and date not in title else title
    return render(corpus, lang, "effect.html", anchor=anchor, type=effect.type, title=corpus.words(lang, title_key),
                  since=status.date_words(corpus, effect.since, lang), says=_in(effect.says, lang),
                  instrument=instrument, source=_source(corpus, effect.source["id"], lang), where=_in(effect.source["where"], lang),
                  quote=effect.source["quote"], internal=None)


def effect_text(corpus: Corpus, effect: status.Effect, lang: str) -> str:
    """One later effect as plain text (print lays it out in a note box)."""
    since = status.date_words(corpus, effect.since, lang)
    head = corpus.words(lang, "status.types")[effect.type] + (f", {corpus.words(lang, 'status.since').format(date=since)}" if since else "")
    says = _in(effect.says, lang)
    if effect.in_edition:
        return f"{head}: {says} {corpus.words(lang, 'status.source')}: {_in_edition(corpus, effect, lang)['label']} ({corpus.words(lang, 'status.in_edition')})"
    source = _source(corpus, effect.source["id"], lang)
    return (f"{head}: {says} {corpus.words(lang, 'status.source')}: {source['title']}, {source['publisher']}"
            + (f", {source['date']}" if source["date"] else "") + f", {_in(effect.source['where'], lang)}: “{effect.source['quote']}” ({source['url']})")


def effects_at(corpus: Corpus, document: str, clause: str, lang: str) -> Markup:
    """The notices of the later effects on a provision (none: nothing)."""
    return Markup("").join(effect_notice(corpus, effect, lang) for effect in status.effects_at(corpus, document, clause))


def document_notice(edition: Edition, document: str, lang: str, edition_date: str | None) -> Markup:
    """At the top of a document's page: published as adopted, the edition's date, what documents of this
    edition say became of it, the effects on the document, the provisions that have effects of their own
    (linked), or that nothing (more) was found."""
    corpus = edition.corpus
    page = corpus.document(document)["page"]
    root = corpus.languages.default
    months = corpus.words(lang, "months")
    searched = status.searched(corpus, document)
    found = status.effects(corpus, document)
    clauses = list(dict.fromkeys(e.clause for e in found if e.clause))
    links = Markup(", ").join(Markup('<a href="#{}">{}</a>').format(c, edition.label(document, c, lang, heading=True)) for c in clauses)
    adopted = format_date(edition_meta.document_identifiers(corpus, document).date, months)
    parts = [corpus.words(lang, "status.document").format(date=adopted), edition_meta.edition_words(corpus, lang, edition_date)]
    in_edition = edition_meta.in_edition_words(corpus, document, lang)
    public = status.public(found)
    if in_edition:
        parts.append(in_edition)
    if searched is None:
        parts.append(corpus.words(lang, "status.not_searched"))
    elif not public:
        parts.append(corpus.words(lang, "status.none_found_besides" if in_edition else "status.none_found").format(date=format_date(searched, months)))
    elif any(not e.clause for e in public):
        parts.append(corpus.words(lang, "status.found").format(date=format_date(searched, months)))
    sentence = Markup(" ").join(parts)
    if clauses:
        before, _, after = corpus.words(lang, "status.clauses").partition("{clauses}")
        sentence += Markup(" {}{}{}").format(before, links, after)
    return render(corpus, lang, "document_status.html", sentence=sentence,
                  effects=[effect_notice(corpus, e, lang) for e in found if not e.clause],
                  later=urls.relative(page, lang, LATER_PAGE, lang, root=root))


def due_notice(corpus: Corpus, lang: str, here: str) -> Markup:
    """Under "what is due" and on an institution's page: the deadlines are those printed in 2005 (the
    last dated one's month), and what later plans ask is not in this edition."""
    last = max(obligations.dates(corpus), default=None)
    link = Markup('<a href="{}">{}</a>').format(urls.relative(here, lang, LATER_PAGE, lang, root=corpus.languages.default),
                                                corpus.words(lang, "status.later"))
    date = status.date_words(corpus, last, lang) if last else "—"
    before, _, after = corpus.words(lang, "status.due_notice").partition("{link}")
    return Markup('<p class="due-notice">{}{}{}</p>').format(before.format(date=date), link, after.format(date=date))


def later_framework(edition: Edition, lang: str, here: str) -> Markup:
    """The later framework page's list: the instruments in time order, with their sources."""
    corpus = edition.corpus
    root = corpus.languages.default
    items = []
    by_id = {item["id"]: item for item in status.instruments(corpus)}
    for item in status.instruments(corpus):
        title, title_lang = status.title_in(item, lang)
        follows = by_id.get(item.get("follows"))
        document = corpus.document(item["document"]) if item.get("document") else None
        effects = [{"href": urls.relative(here, lang, corpus.document(e.document)["page"], lang, e.clause, root=root),
                    "label": corpus.document(e.document)["short_title"][lang]
                    + (f", {edition.label(e.document, e.clause, lang)}" if e.clause else "")}
                   for e in status.effects(corpus) if e.by == item["id"] or (document and e.by_document == document["id"])]
        items.append({
            "id": item["id"], "title": title, "title_lang": title_lang,
            "title_note": corpus.words(lang, "later.title_note").format(language=corpus.words(lang, "labels.language_name")[title_lang]),
            "kind": corpus.words(lang, "later.kinds")[item["kind"]], "number": item.get("number"),
            "date": status.date_words(corpus, item.get("date"), lang),
            "follows": {"id": follows["id"], "title": status.title_in(follows, lang)[0]} if follows else None,
            "statements": [{"says": _in(s["says"], lang), "where": _in(s["where"], lang), "quote": s["quote"],
                            "source": _source(corpus, s["source"], lang)} for s in item["statements"]],
            "effects": effects,
            "document": {"href": urls.relative(here, lang, document["page"], lang, root=root),
                         "title": document["short_title"][lang]} if document else None,
        })
    return render(corpus, lang, "later_framework.html", items=items)


def _in(text: dict, lang: str) -> str:
    """An editorial text in `lang` (the data has one per language; the checks see to it)."""
    return text.get(lang) or next(iter(text.values()))
