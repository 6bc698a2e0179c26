"""Rendering obligations: an institution's page, the directory of institutions, and the table of
everything that is due (filtered and sorted in the browser)."""
from __future__ import annotations

from . import LANGUAGES, OTHER, in_language, urls
from .corpus import Corpus
from .labels import label, only_in
from .model.edition import edition_of
from .pdf import paths
from .obligations import Obligation, all_obligations, counts, for_institution, read_differently
from .render import block, body_link, esc, heading, institution_page


def due_phrase(due: dict | None, lang: str) -> str:
    """The parsed deadline in words ("deri në 2005-12, në vazhdimësi")."""
    if not due:
        return label(lang, "no_deadline")
    parts = []
    if "by" in due:
        parts.append(f"{label(lang, 'by')} {due['by']}")
    if "from" in due:
        parts.append(f"{label(lang, 'from')} {due['from']}")
    if due.get("every_months"):
        parts.append(label(lang, "every_months").format(n=due["every_months"]))
    if due.get("ongoing"):
        parts.append(label(lang, "ongoing"))
    if due.get("case_by_case"):
        parts.append(label(lang, "case_by_case"))
    return ", ".join(parts)


def due_filter_value(due: dict | None) -> str:
    """The value of the deadline filter: the month, or a kind of deadline without a month."""
    if not due:
        return "none"
    when = due.get("by") or due.get("from")
    if when:
        return when
    return "recurring" if due.get("every_months") else "ongoing"


def clause_cell(corpus: Corpus, obligation: Obligation, lang: str, here: str) -> str:
    document = corpus.document(obligation.document)
    href = urls.relative(here, lang, document["page"], lang, obligation.id)
    words = edition_of(corpus).label(obligation.document, obligation.id, lang, heading=True)
    return (f'<a href="{esc(href)}">{esc(words)}</a><br>'
            f'<span class="document-name">{esc(document["short_title"][lang])}</span>')


def text_cell(obligation: Obligation, lang: str) -> str:
    text, text_lang = in_language(obligation.text, lang)
    if text_lang != lang:
        return f'<span lang="{text_lang}">{esc(text)}</span> <em class="only-in">({esc(only_in(lang, text_lang))})</em>'
    return esc(text)


def bodies_cell(corpus: Corpus, obligation: Obligation, lang: str, here: str, which: str = "bodies") -> str:
    """The bodies of one role, as links; a body that one language's text names and the other's does
    not is marked so (Obligation.role_in)."""
    mapping = getattr(obligation, which)
    out = []
    seen: list[str] = []
    for each in (lang, OTHER[lang]):
        for body in mapping.get(each, ()):
            if body not in seen:
                seen.append(body)
    for body in seen:
        link = body_link(corpus, body, lang, here)
        _, only = obligation.role_in(body, lang)
        if only:
            link += f' <em class="only-in">({esc(only_in(lang, only))})</em>'
        out.append(link)
    return ", ".join(out)


def due_text(corpus: Corpus, obligation: Obligation, lang: str) -> str:
    """The parsed deadline in words, and where the text in `lang` says otherwise, that it is read
    from the Albanian text."""
    parsed = due_phrase(obligation.due, lang)
    if read_differently(corpus, obligation, lang):
        parsed += f" ({label(lang, 'as_read_in_albanian')})"
    return parsed


def deadline_cell(corpus: Corpus, obligation: Obligation, lang: str) -> str:
    printed, printed_lang = in_language(obligation.deadline, lang)
    parsed = due_text(corpus, obligation, lang)
    if not printed:
        return f'<span class="due">{esc(parsed)}</span>'
    text = esc(printed) if printed_lang == lang else f'<span lang="{printed_lang}">{esc(printed)}</span>'
    return f'{text}<br><span class="due">{esc(parsed)}</span>'


def section_key(obligation: Obligation) -> str:
    return f"{obligation.document}:{obligation.section}" if obligation.section else obligation.document


def section_name(corpus: Corpus, key: str, lang: str) -> str:
    document, _, section = key.partition(":")
    title = corpus.document(document)["short_title"][lang]
    if not section:
        return title
    if document == corpus.action_plan["document"]:
        for item in corpus.action_plan["sections"]:
            if item["num"] == section:
                return f"{title} – {section}. {item['title'][lang]}"
    return f"{title} – {label(lang, 'section').split(' / ')[-1]} {section}"


# --- an institution's page ---------------------------------------------------------------------------

def institution(corpus: Corpus, institution_id: str, lang: str) -> str:
    here = institution_page(institution_id)
    item = corpus.institutions.get(institution_id)
    out = [heading(1, item["name"][lang], "title")]
    rows = []
    for each in (lang, OTHER[lang]):
        acronyms = ", ".join(item.get("acronyms", {}).get(each, [])) or "–"
        rows.append(f'<tr><th scope="row">{esc(label(lang, "language_name")[each].capitalize())}</th>'
                    f'<td lang="{each}">{esc(item["name"][each])}</td><td lang="{each}">{esc(acronyms)}</td></tr>')
    head = (f'<thead><tr><th scope="col"></th><th scope="col">{esc(label(lang, "names"))}</th>'
            f'<th scope="col">{esc(label(lang, "acronyms"))}</th></tr></thead>')
    facts = [f'<table class="names">{head}<tbody>{"".join(rows)}</tbody></table>']
    facts.append(f'<p class="kind">{esc(label(lang, "kind"))}: {esc(label(lang, "kinds")[item["kind"]])}</p>')
    if "part_of" in item:
        facts.append(f'<p class="part-of">{esc(label(lang, "part_of"))}: {body_link(corpus, item["part_of"], lang, here, corpus.institutions.get(item["part_of"])["name"][lang])}</p>')
    units = [u for u in corpus.institutions.by_id.values() if u.get("part_of") == institution_id]
    if units:
        links = ", ".join(body_link(corpus, u["id"], lang, here, u["name"][lang]) for u in units)
        facts.append(f'<p class="units">{esc(label(lang, "units"))}: {links}</p>')
    if "note" in item:
        facts.append(f'<div class="admonition note editorial-note" role="note"><p class="admonition-title">'
                     f'{esc(label(lang, "editorial_note"))}</p><p>{esc(item["note"][lang])}</p></div>')
    out.append(block("".join(facts)))

    obligations = for_institution(corpus, institution_id)
    out.append(heading(2, label(lang, "obligations"), "obligations"))
    if not obligations:
        out.append(block(f'<p class="none">{esc(label(lang, "no_obligations"))}</p>'))
    else:
        out.append(block(_per_document_counts(corpus, obligations, institution_id, lang)))
        out.append(block(f'<p class="sheet-link"><a href="{esc(paths.sheet_link(institution_id, lang))}" '
                         f'type="application/pdf" hreflang="{lang}">{esc(label(lang, "sheet_link"))}</a></p>'))
        for document in corpus.documents:
            mine = [o for o in obligations if o.document == document["id"]]
            if not mine:
                continue
            out.append(heading(3, document["short_title"][lang], f"obligations-{document['id']}"))
            out.append(block(_obligation_list(corpus, mine, institution_id, lang, here)))
    mentions = [g for g in corpus.glossaries for each in LANGUAGES for e in g["entries"].get(each, []) if e["institution"] == institution_id]
    if mentions:
        out.append(heading(2, label(lang, "in_glossaries"), "glossaries"))
        items = []
        for glossary in corpus.glossaries:
            entries = {each: [e for e in glossary["entries"].get(each, []) if e["institution"] == institution_id] for each in LANGUAGES}
            if not any(entries.values()):
                continue
            document = corpus.document(glossary["document"])
            anchor = f"{glossary['anchor']}__{institution_id}"
            printed = "; ".join(f'<span lang="{each}">{esc(e["abbr"])} – {esc(e["expansion"])}</span>'
                                for each in (lang, OTHER[lang]) for e in entries[each])
            href = urls.relative(here, lang, document["page"], lang, anchor if entries[lang] else glossary["anchor"])
            items.append(f'<li><a href="{esc(href)}">{esc(document["short_title"][lang])}</a>: {printed}</li>')
        out.append(block(f'<ul class="mentions">{"".join(items)}</ul>'))
    return "".join(out)


def _per_document_counts(corpus: Corpus, obligations: list[Obligation], institution_id: str, lang: str) -> str:
    head = (f'<thead><tr><th scope="col">{esc(label(lang, "document"))}</th>'
            f'<th scope="col">{esc(label(lang, "responsible").capitalize())}</th>'
            f'<th scope="col">{esc(label(lang, "partner").capitalize())}</th>'
            f'<th scope="col">{esc(label(lang, "total"))}</th></tr></thead>')
    rows = []
    for document in corpus.documents:
        mine = [o for o in obligations if o.document == document["id"]]
        if not mine:
            continue
        responsible = sum(1 for o in mine if any(o.role(institution_id, l) == "responsible" for l in LANGUAGES))
        rows.append(f'<tr><td><a href="#obligations-{esc(document["id"])}">{esc(document["short_title"][lang])}</a></td>'
                    f'<td>{responsible}</td><td>{len(mine) - responsible}</td><td>{len(mine)}</td></tr>')
    total = f'<tr class="total"><th scope="row">{esc(label(lang, "total"))}</th><td></td><td></td><td>{len(obligations)}</td></tr>'
    return f'<table class="counts">{head}<tbody>{"".join(rows)}{total}</tbody></table>'


def _obligation_list(corpus: Corpus, obligations: list[Obligation], institution_id: str, lang: str, here: str) -> str:
    head = "".join(f'<th scope="col">{esc(label(lang, key))}</th>' for key in ("clause", "text", "role", "deadline"))
    rows = []
    for obligation in obligations:
        role, only = obligation.role_in(institution_id, lang)
        role_text = esc(label(lang, role))
        if only:
            role_text += f' <em class="only-in">({esc(only_in(lang, only))})</em>'
        rows.append(f'<tr data-clause="{esc(obligation.document)}#{esc(obligation.id)}">'
                    f'<td>{clause_cell(corpus, obligation, lang, here)}</td><td>{text_cell(obligation, lang)}</td>'
                    f'<td>{role_text}</td><td>{deadline_cell(corpus, obligation, lang)}</td></tr>')
    return f'<table class="obligations"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


# --- the directory of institutions -----------------------------------------------------------------

def directory_rows(corpus: Corpus, lang: str) -> list[dict]:
    """Every institution, those with the most obligations first: its id, name, acronyms (this
    language's, then the other's: (language, "MPCS, MPÇS") pairs), kind and number of obligations
    (the site's directory and the handbook's appendix)."""
    table = counts(corpus)
    rows = []
    for item in corpus.institutions.by_id.values():
        acronyms = [(each, ", ".join(item["acronyms"][each])) for each in (lang, OTHER[lang])
                    if item.get("acronyms", {}).get(each)]
        rows.append({"id": item["id"], "name": item["name"][lang], "acronyms": acronyms,
                     "kind": label(lang, "kinds")[item["kind"]], "total": sum(table.get(item["id"], {}).values())})
    return sorted(rows, key=lambda row: (-row["total"], row["name"]))


def directory(corpus: Corpus, lang: str, here: str = "institutions") -> str:
    head = (f'<thead><tr><th scope="col">{esc(label(lang, "institution"))}</th><th scope="col">{esc(label(lang, "acronyms"))}</th>'
            f'<th scope="col">{esc(label(lang, "kind"))}</th><th scope="col">{esc(label(lang, "obligations"))}</th></tr></thead>')
    rows = [f'<tr id="{esc(row["id"])}"><td>{body_link(corpus, row["id"], lang, here, row["name"])}</td>'
            f'<td>{_acronyms_cell(row["acronyms"], lang)}</td><td>{esc(row["kind"])}</td><td>{row["total"]}</td></tr>'
            for row in directory_rows(corpus, lang)]
    return block(f'<table class="directory">{head}<tbody>{"".join(rows)}</tbody></table>')


def _acronyms_cell(acronyms: list[tuple[str, str]], lang: str) -> str:
    return " / ".join(esc(text) if each == lang else f'<span lang="{each}">{esc(text)}</span>' for each, text in acronyms)


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

    def options(pairs):
        return "".join(f'<option value="{esc(v)}">{esc(t)}</option>' for v, t in pairs)

    all_label = label(lang, "all")
    filters = (
        f'<form class="due-filters" hidden>'
        f'<label>{esc(label(lang, "filter_institution"))} <select name="institution">'
        f'{options([("", all_label)] + [(i, corpus.institutions.get(i)["name"][lang]) for i in institutions])}</select></label>'
        f'<label>{esc(label(lang, "filter_section"))} <select name="section">'
        f'{options([("", all_label)] + [(k, section_name(corpus, k, lang) if ":" in k else f"{section_name(corpus, k, lang)} – {all_label.lower()}") for k in sections])}</select></label>'
        f'<label>{esc(label(lang, "filter_deadline"))} <select name="deadline">'
        f'{options([("", all_label)] + [(m, m) for m in months] + [("recurring", label(lang, "recurring")), ("ongoing", label(lang, "ongoing")), ("none", label(lang, "no_deadline"))])}'
        f'</select></label>'
        f'<button type="button" class="md-button sort-deadline" aria-pressed="false">{esc(label(lang, "sort_deadline"))}</button>'
        f'<output class="shown" aria-live="polite" data-template="{esc(label(lang, "shown"))}"></output>'
        f'</form>')
    head = "".join(f'<th scope="col">{esc(label(lang, key))}</th>'
                   for key in ("deadline", "clause", "text", "responsible_bodies", "partners"))
    rows = []
    for order, obligation in enumerate(obligations):
        bodies = " ".join(obligation.institutions())
        rows.append(
            f'<tr data-order="{order}" data-clause="{esc(obligation.document)}#{esc(obligation.id)}" '
            f'data-institutions="{esc(bodies)}" data-section="{esc(section_key(obligation))}" '
            f'data-deadline="{esc(due_filter_value(obligation.due))}" data-sort="{esc(_sort_value(obligation))}">'
            f'<td>{deadline_cell(corpus, obligation, lang)}</td><td>{clause_cell(corpus, obligation, lang, here)}</td>'
            f'<td>{text_cell(obligation, lang)}</td><td>{bodies_cell(corpus, obligation, lang, here)}</td>'
            f'<td>{bodies_cell(corpus, obligation, lang, here, "partners")}</td></tr>')
    table = f'<table class="due"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
    script = f'<script src="{esc(urls.asset(here, lang, "assets/javascripts/obligations.js"))}"></script>'
    return block(filters + table + script)


def _sort_value(obligation: Obligation) -> str:
    rank, when = obligation.sort_key
    return f"{rank}-{when or '9999'}"
