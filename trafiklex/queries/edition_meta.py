"""This edition as a publication, for readers and for other systems: each document's standard
identifiers (trafiklex.core.identifiers) with the files that carry them, what the edition says of the
texts' status today, and the licences of its own work (data/edition.yml). Plain Python: the site's
pages (hooks/site.py hands them over), the identifiers page, the JSON-LD (trafiklex.formats.jsonld), the
open-data downloads (trafiklex.formats.exports), the printed editions and the Akoma Ntoso files read it.

Status: the edition publishes each text as adopted (in 2005) and tracks nothing after it — no
amendment, replacement or repeal, and not whether the bodies the texts name still exist. It says so
on every document page and in the handbooks, with the date of the edition (EDITION_DATE), and makes
no claim about the present force of a text or about successors."""
from __future__ import annotations

from dataclasses import dataclass

from trafiklex.core import identifiers
from trafiklex.queries import status
from trafiklex.data.corpus import Corpus
from trafiklex.core.dates import format_date


# --- identifiers -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class DocumentIdentifiers:
    document: str                  # the document's id (data/documents.yml)
    work: str                      # /akn/al/act/order/2005-02-22/25
    date: str                      # the work's date, YYYY-MM-DD (identifiers.work_date)
    expressions: dict[str, str]    # language code → expression URI
    files: dict[str, str]          # language code → the Akoma Ntoso file's path from the site root


def document_identifiers(corpus: Corpus, document_id: str) -> DocumentIdentifiers:
    document = corpus.document(document_id)
    work = identifiers.work_of(document, corpus.documents)
    alpha3 = {lang: corpus.languages.get(lang).alpha3 for lang in corpus.languages}
    return DocumentIdentifiers(document_id, str(work), work.date,
                               {lang: work.expression(code) for lang, code in alpha3.items()},
                               {lang: work.file(code) for lang, code in alpha3.items()})


def portion(corpus: Corpus, document_id: str, lang: str, clause_id: str) -> str:
    """The portion URI of one clause of one language's text: <expression>/~<clause id>."""
    work = identifiers.work_of(corpus.document(document_id), corpus.documents)
    return work.portion(corpus.languages.get(lang).alpha3, clause_id)


# --- status ------------------------------------------------------------------------------------------

def edition_words(corpus: Corpus, lang: str, edition_date: str | None) -> str:
    """'This edition is of 30 November 2026.' (or that its date is not known)."""
    if not edition_date:
        return corpus.words(lang, "status.edition_undated")
    return corpus.words(lang, "status.edition").format(date=format_date(edition_date, corpus.words(lang, "months")))


def document_status(corpus: Corpus, document_id: str, lang: str, edition_date: str | None) -> str:
    """What a document's page says of the text's status, in one plain sentence or three: published as
    adopted (the work's date), the edition's date, and what public sources say became of it (or that
    nothing was found, as of the date of the search: trafiklex.queries.status)."""
    months = corpus.words(lang, "months")
    adopted = format_date(document_identifiers(corpus, document_id).date, months)
    return " ".join((corpus.words(lang, "status.document").format(date=adopted), edition_words(corpus, lang, edition_date),
                     later_words(corpus, document_id, lang)))


def later_words(corpus: Corpus, document_id: str, lang: str) -> str:
    """'No later information was found about this text (as of 6 December 2026).', or how many effects
    public sources say it had, or that it was not searched for; first, what documents of this edition
    say became of it ('Documents of this edition say what became of it: replaced by …')."""
    found = status.effects(corpus, document_id)
    public = status.public(found)
    words = [in_edition_words(corpus, document_id, lang)]
    searched = status.searched(corpus, document_id)
    if searched is None:
        words.append(corpus.words(lang, "status.not_searched"))
    else:
        date = format_date(searched, corpus.words(lang, "months"))
        if public:
            words.append(corpus.counted(lang, "status.summary_found", len(public), date=date))
        else:
            words.append(corpus.words(lang, "status.none_found_besides" if words[0] else "status.none_found").format(date=date))
    return " ".join(filter(None, words))


def in_edition_words(corpus: Corpus, document_id: str, lang: str) -> str:
    """What documents of this edition say became of a document ('' where none says anything)."""
    found = [e for e in status.effects(corpus, document_id) if e.in_edition]
    if not found:
        return ""
    effects = "; ".join(corpus.words(lang, f"status.in_edition_by.{e.type}").format(document=status.by_name(corpus, e, lang))
                        for e in found)
    return corpus.words(lang, "status.in_edition_found").format(effects=effects)


def adoption_years(corpus: Corpus, lang: str) -> str:
    """When the documents were adopted, from their work dates, in `lang`'s words: 'in 2005', 'in
    2005–2009' ('në vitin 2005', 'në vitet 2005–2009': status.years)."""
    years = sorted({identifiers.work_date(d, corpus.documents)[:4] for d in corpus.documents})
    words = corpus.words(lang, "status.years")
    return words["one"].format(year=years[0]) if len(years) == 1 else words["range"].format(first=years[0], last=years[-1])


def handbook_status(corpus: Corpus, lang: str, edition_date: str | None) -> str:
    """What the printed editions say of the texts' status (the title page)."""
    searched = max((d for d in (status.searched(corpus, doc["id"]) for doc in corpus.documents) if d), default=None)
    in_edition = [e for e in status.effects(corpus) if e.in_edition]
    effects = "; ".join(f"{corpus.document(e.document)['short_title'][lang]}: "
                        + corpus.words(lang, f"status.in_edition_by.{e.type}").format(document=status.by_name(corpus, e, lang))
                        for e in in_edition)
    return " ".join(filter(None, (corpus.words(lang, "status.texts").format(years=adoption_years(corpus, lang)),
                                  edition_words(corpus, lang, edition_date),
                                  corpus.words(lang, "status.texts_in_edition").format(effects=effects) if in_edition else "",
                                  corpus.words(lang, "status.texts_not_tracked").format(
                                      date=format_date(searched, corpus.words(lang, "months")) if searched else "—"))))


# --- licences ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Licence:
    id: str          # content | code
    spdx: str        # CC-BY-4.0
    name: str        # Creative Commons Attribution 4.0 International
    url: str         # https://creativecommons.org/licenses/by/4.0/
    file: str        # the file at the repository's root: LICENSE-CONTENT.md
    covers: dict     # language code → what it covers


def licences(corpus: Corpus) -> list[Licence]:
    return [Licence(item["id"], item["spdx"], item["name"], item["url"], item["file"], dict(item["covers"]))
            for item in corpus.data("edition.yml")["licences"]]


def licence(corpus: Corpus, part: str = "content") -> Licence:
    """The licence of one part of the edition's own work: 'content' (data, notes, identifiers, the
    site's texts) or 'code'."""
    return next(item for item in licences(corpus) if item.id == part)


def official_texts(corpus: Corpus, lang: str) -> str:
    """What the edition claims, and does not, of the official texts it reproduces."""
    return corpus.data("edition.yml")["official_texts"][lang]


def rights(corpus: Corpus) -> dict:
    """The edition's licence statement as one plain record, for files that carry it (the open-data
    metadata, the Akoma Ntoso files): the content licence (SPDX id, name, address), what it covers
    and what the edition says of the official texts, in every language."""
    content = licence(corpus, "content")
    return {"licence": content.spdx, "licence_name": content.name, "licence_url": content.url,
            "covers": {lang: content.covers[lang] for lang in corpus.languages},
            "official_texts": {lang: official_texts(corpus, lang) for lang in corpus.languages}}
