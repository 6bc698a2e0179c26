"""Citations of clauses, built from the data: the document's short title and date, then the clause's
printed numbering — "National Referral Mechanism Cooperation Agreement (18 July 2005), Article 5, A.4"
in English, "Marrëveshja për Mekanizmin Kombëtar Referues (18 korrik 2005), Neni 5, A.4" in Albanian.
A document without a date of its own is dated by the act that approved it. Each clause also has a
standard identifier, its portion URI (`identifier`: /akn/al/doc/agreement/<date>/<number>/
eng@2005-07-18/~art_5__A__4, trafiklex.core.identifiers), which the cite control copies and the clause
downloads carry."""
from __future__ import annotations

from trafiklex.core import identifiers, relations
from trafiklex.queries import status
from trafiklex.data.corpus import Corpus
from trafiklex.model.edition import edition_of
from trafiklex.core.ids import ClauseId
from trafiklex.core.dates import format_date



def document_reference(corpus: Corpus, document_id: str, lang: str) -> str:
    document = corpus.document(document_id)
    dated = relations.dated_by(corpus.documents, document)
    when = format_date(dated.get("date"), corpus.words(lang, "months"))
    return f"{document['short_title'][lang]} ({when})" if when else document["short_title"][lang]


def printed_numbers(corpus: Corpus, document_id: str, lang: str) -> dict[str, str]:
    """The numbers the document's page prints for its sections, and the words that name its
    unnumbered clauses (trafiklex.model.edition.Edition.printed_numbers)."""
    return edition_of(corpus).printed_numbers(document_id, lang)


def citation(corpus: Corpus, document_id: str, clause_id: str, lang: str, numbers: dict | None = None) -> str:
    numbers = printed_numbers(corpus, document_id, lang) if numbers is None else numbers
    label = ClauseId.parse(clause_id).label(corpus.words(lang, "numbering"), numbers)
    return f"{document_reference(corpus, document_id, lang)}, {label}" + later_effects(corpus, document_id, clause_id, lang)


def later_effects(corpus: Corpus, document_id: str, clause_id: str, lang: str) -> str:
    """What a citation of a clause adds where public sources or a document of this edition say that it,
    a clause it is part of, or the whole document had a later effect: ' [later effect: amended, Law No.
    144 (2 May 2013)]', ' [later effect: replaced, National Action Plan 2008–2010]' (nothing for the
    others; of the whole document's effects, only those that change what the text is: status.CHANGES)."""
    concerned = [clause_id] + [str(a) for a in ClauseId.parse(clause_id).ancestors()]
    found = [effect for effect in status.effects(corpus, document_id) if effect.type in status.CHANGES and effect.clause is None]
    found += [effect for each in concerned for effect in status.effects_at(corpus, document_id, each)]
    if not found:
        return ""
    parts = []
    for effect in found:
        name = status.by_name(corpus, effect, lang)
        parts.append(corpus.words(lang, "status.types")[effect.type].lower() + (f", {name}" if name else ""))
    return " " + corpus.words(lang, "status.citation").format(effects="; ".join(dict.fromkeys(parts)))


def identifier(corpus: Corpus, document_id: str, clause_id: str, lang: str) -> str:
    """The clause's standard identifier in `lang`: the portion URI <expression>/~<clause id>."""
    work = identifiers.work_of(corpus.document(document_id), corpus.documents)
    return work.portion(corpus.languages.get(lang).alpha3, clause_id)
