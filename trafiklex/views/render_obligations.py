"""Rendering obligations: an institution's page, the directory of institutions, and the table of
everything that is due (filtered and sorted in the browser)."""
from __future__ import annotations

from markupsafe import Markup

from trafiklex.queries import topics
from trafiklex.core import urls
from trafiklex.data.corpus import Corpus
from trafiklex.model.edition import edition_of
from trafiklex.queries.obligations import Obligation, all_obligations, counts, for_institution, read_differently
from trafiklex.core import print_paths as paths
from trafiklex.views import status
from trafiklex.views.render import block, body_link, heading, institution_page, only_in, render, text_in, this_first


def due_phrase(corpus: Corpus, due: dict | None, lang: str) -> str:
    """The parsed deadline in words ("deri në 2005-12, në vazhdimësi"; a period "nga 2008, deri në 2010")."""
    words = corpus.words(lang, "labels")
    if not due:
        return words["no_deadline"]
    parts = []
    if "from" in due:
        parts.append(f"{words['from']} {due['from']}")
    if "by" in due:
        parts.append(f"{words['by']} {due['by']}")
    if due.get("every_months"):
        parts.append(corpus.counted(lang, "labels.every_months", due["every_months"]))
    if due.get("ongoing"):
        parts.append(words["ongoing"])
    if due.get("case_by_case"):
        parts.append(words["case_by_case"])
    return ", ".join(parts)


def due_filter_value(due: dict | None) -> str:
    """The value of the deadline filter: the month (or year) it is due by or starts, or a kind of
    deadline without a date."""
    if not due:
        return "none"
    when = due.get("by") or due.get("from")
    if when:
        return when[:7]  # (a day's month)
    return "recurring" if due.get("every_months") else "ongoing"


def due_text(corpus: Corpus, obligation: Obligation, lang: str) -> str:
    """The parsed deadline in words, and where the text in `lang` says otherwise, that it is read
    from the authoritative text."""
    parsed = due_phrase(corpus, obligation.due, lang)
    if read_differently(corpus, obligation, lang):
        parsed += f" ({corpus.words(lang, 'labels.as_read_in_authoritative')})"
    return parsed


def row(corpus: Corpus, obligation: Obligation, lang: str, here: str) -> dict:
    """What the cells of an obligation show (templates/obligation_cells.html)."""
    document = corpus.document(obligation.document)
    text, text_lang = text_in(corpus, obligation.text, lang)
    deadline, deadline_lang = text_in(corpus, obligation.deadline, lang)
    return {"id": obligation.id, "document_id": obligation.document, "document": document["short_title"][lang],
            "href": urls.relative(here, lang, document["page"], lang, obligation.id, root=corpus.languages.default),
            "clause": edition_of(corpus).label(obligation.document, obligation.id, lang, heading=True),
            "text": text, "text_lang": text_lang,
            "text_only_in": only_in(corpus, lang, text_lang) if text_lang != lang else None,
            "deadline": deadline, "deadline_lang": deadline_lang, "due": due_text(corpus, obligation, lang)}


def bodies(corpus: Corpus, obligation: Obligation, lang: str, here: str, which: str = "bodies") -> list[dict]:
    """The bodies of one role, as links; a body that one language's text names and another's does
    not is marked so (Obligation.role_in)."""
    mapping = getattr(obligation, which)
    seen: list[str] = []
    for each in this_first(corpus, lang):
        for body in mapping.get(each, ()):
            if body not in seen:
                seen.append(body)
    out = []
    for body in seen:
        _, only = obligation.role_in(body, lang)
        out.append({"link": body_link(corpus, body, lang, here), "only_in": only_in(corpus, lang, only) if only else None})
    return out


def section_key(obligation: Obligation) -> str:
    return f"{obligation.document}:{obligation.section}" if obligation.section else obligation.document


def section_name(corpus: Corpus, key: str, lang: str) -> str:
    document, _, section = key.partition(":")
    title = corpus.document(document)["short_title"][lang]
    if not section:
        return title
    for item in (corpus.table(document, "activities") or {}).get("sections", []):
        if item["num"] == section:
            return f"{title} – {section}. {item['title'][lang]}"
    return f"{title} – {corpus.words(lang, 'labels.section').split(' / ')[-1]} {section}"


# --- an institution's page ---------------------------------------------------------------------------

def institution(corpus: Corpus, institution_id: str, lang: str) -> str:
    here = institution_page(institution_id)
    item = corpus.institutions.get(institution_id)
    out = [heading(1, item["name"][lang], "title"), block(_facts(corpus, item, lang, here))]
    obligations = for_institution(corpus, institution_id)
    out.append(heading(2, corpus.words(lang, "labels.obligations"), "obligations"))
    if obligations:
        out.append(block(status.due_notice(corpus, lang, here)))
    if not obligations:
        out.append(block(render(corpus, lang, "no_obligations.html")))
    else:
        out.append(block(_per_document_counts(corpus, obligations, institution_id, lang)))
        out.append(block(render(corpus, lang, "sheet_link.html", href=paths.sheet_link(institution_id, lang, corpus.languages.default))))
        edition = edition_of(corpus)
        used = [t for o in obligations for t in topics.of_clause(edition, o.document, o.id)]
        out.append(block(render(corpus, lang, "topic_filter.html", options=topics.options(corpus, used, lang), total=len(obligations),
                                all_topics=corpus.words(lang, "topics.all_topics"),
                                script=urls.asset(here, lang, "assets/javascripts/topic-filter.js", root=corpus.languages.default))))
        for document in corpus.documents:
            mine = [o for o in obligations if o.document == document["id"]]
            if mine:
                out.append(heading(3, document["short_title"][lang], f"obligations-{document['id']}"))
                rows = [_role_row(corpus, o, institution_id, lang, here) for o in mine]
                out.append(block(render(corpus, lang, "obligation_list.html", rows=rows)))
    mentions = _glossary_mentions(corpus, institution_id, lang, here)
    if mentions:
        out.append(heading(2, corpus.words(lang, "labels.in_glossaries"), "glossaries"))
        out.append(block(render(corpus, lang, "glossary_mentions.html", mentions=mentions)))
    return "".join(out)


def _role_row(corpus: Corpus, obligation: Obligation, institution_id: str, lang: str, here: str) -> dict:
    """An obligation's row on an institution's page: with the institution's role, and the one
    language whose text gives it that role where the texts differ."""
    role, only = obligation.role_in(institution_id, lang)
    return {**row(corpus, obligation, lang, here), "role": role, "role_only_in": only_in(corpus, lang, only) if only else None,
            "topics": " ".join(topics.of_clause(edition_of(corpus), obligation.document, obligation.id))}


def _facts(corpus: Corpus, item: dict, lang: str, here: str):
    names = [{"lang": each, "name": item["name"][each],
              "acronyms": ", ".join(item.get("acronyms", {}).get(each, []) + _acronyms_in_documents(corpus, item["id"], each))}
             for each in this_first(corpus, lang)]
    parent = corpus.institutions.get(item["part_of"]) if "part_of" in item else None
    units = [u for u in corpus.institutions.by_id.values() if u.get("part_of") == item["id"]]
    return render(corpus, lang, "institution.html", names=names, kind=item["kind"], note=item.get("note", {}).get(lang),
                  part_of=body_link(corpus, parent["id"], lang, here, parent["name"][lang]) if parent else None,
                  units=Markup(", ").join(body_link(corpus, u["id"], lang, here, u["name"][lang]) for u in units))


def _acronyms_in_documents(corpus: Corpus, institution_id: str, lang: str) -> list[str]:
    """The acronyms that a document gives the body in its own acronyms.yml (where the edition's list
    gives them to another body, or not at all), each with the document it holds in: "MSH (in NAP 2008–2010)"."""
    return [corpus.words(lang, "labels.acronym_in").format(acronym=spelling, document=corpus.document(document)["short_title"][lang])
            for document, table in corpus.tables("acronyms")
            for spelling, body in table["acronyms"].get(lang, {}).items() if body == institution_id]


def _glossary_mentions(corpus: Corpus, institution_id: str, lang: str, here: str) -> list[dict]:
    """The glossaries that list the institution, with its entries there in every language (this one first)."""
    mentions = []
    for glossary in corpus.glossaries:
        entries = {each: [e for e in glossary["entries"].get(each, []) if e["institution"] == institution_id]
                   for each in this_first(corpus, lang)}
        if not any(entries.values()):
            continue
        document = corpus.document(glossary["document"])
        anchor = f"{glossary['anchor']}__{institution_id}"
        target = anchor if entries[lang] else glossary["anchor"]
        mentions.append({"title": document["short_title"][lang],
                         "href": urls.relative(here, lang, document["page"], lang, target, root=corpus.languages.default),
                         "entries": [{"lang": each, "abbr": e["abbr"], "expansion": e["expansion"]}
                                     for each, found in entries.items() for e in found]})
    return mentions


def _per_document_counts(corpus: Corpus, obligations: list[Obligation], institution_id: str, lang: str):
    rows = []
    for document in corpus.documents:
        mine = [o for o in obligations if o.document == document["id"]]
        if not mine:
            continue
        responsible = sum(1 for o in mine if any(o.role(institution_id, each) == "responsible" for each in corpus.languages))
        rows.append({"id": document["id"], "title": document["short_title"][lang], "responsible": responsible,
                     "partner": len(mine) - responsible, "total": len(mine)})
    return render(corpus, lang, "obligation_counts.html", rows=rows, total=len(obligations))


# --- the directory of institutions -----------------------------------------------------------------

def directory_rows(corpus: Corpus, lang: str) -> list[dict]:
    """Every institution, those with the most obligations first: its id, name, acronyms (this
    language's, then the others': (language, "MPCS, MPÇS") pairs), kind and number of obligations
    (the site's directory and the handbook's appendix)."""
    table = counts(corpus)
    kinds = corpus.words(lang, "labels.kinds")
    rows = []
    for item in corpus.institutions.by_id.values():
        acronyms = [(each, ", ".join(item["acronyms"][each])) for each in this_first(corpus, lang)
                    if item.get("acronyms", {}).get(each)]
        rows.append({"id": item["id"], "name": item["name"][lang], "acronyms": acronyms,
                     "kind": kinds[item["kind"]], "total": sum(table.get(item["id"], {}).values())})
    return sorted(rows, key=lambda row: (-row["total"], row["name"]))


def directory(corpus: Corpus, lang: str, here: str = "institutions") -> str:
    rows = [{**row, "link": body_link(corpus, row["id"], lang, here, row["name"])} for row in directory_rows(corpus, lang)]
    return block(render(corpus, lang, "directory.html", rows=rows))


# --- everything that is due ------------------------------------------------------------------------

def due_table(corpus: Corpus, lang: str, here: str = "obligations") -> str:
    obligations = all_obligations(corpus)
    sections = []  # each document (all of it), then its sections, in printed order
    for obligation in obligations:
        for key in (obligation.document, section_key(obligation)):
            if key not in sections:
                sections.append(key)
    months = sorted({due_filter_value(o.due) for o in obligations} - {"none", "ongoing", "recurring"})
    institutions = sorted({b for o in obligations for b in o.institutions()},
                          key=lambda i: corpus.institutions.get(i)["name"][lang])
    words = corpus.words(lang, "labels")
    every = [("", words["all"])]
    edition = edition_of(corpus)
    tags = {(o.document, o.id): topics.of_clause(edition, o.document, o.id) for o in obligations}
    rows = [{**row(corpus, o, lang, here), "institutions": " ".join(o.institutions()), "section": section_key(o),
             "topics": " ".join(tags[(o.document, o.id)]),
             "filter": due_filter_value(o.due), "sort": _sort_value(o), "bodies": bodies(corpus, o, lang, here),
             "partners": bodies(corpus, o, lang, here, "partners")} for o in obligations]
    return block(status.due_notice(corpus, lang, here)) + block(render(
        corpus, lang, "due_table.html", rows=rows,
        institutions=every + [(i, corpus.institutions.get(i)["name"][lang]) for i in institutions],
        sections=every + [(k, section_name(corpus, k, lang) + ("" if ":" in k else f" – {words['all'].lower()}"))
                          for k in sections],
        topics=[("", corpus.words(lang, "topics.all_topics"))] + topics.options(corpus, (t for v in tags.values() for t in v), lang),
        deadlines=every + [(m, m) for m in months] + [("recurring", words["recurring"]), ("ongoing", words["ongoing"]),
                                                      ("none", words["no_deadline"])],
        script=urls.asset(here, lang, "assets/javascripts/obligations.js", root=corpus.languages.default)))


def _sort_value(obligation: Obligation) -> str:
    rank, when = obligation.sort_key
    return f"{rank}-{when or '9999'}"
