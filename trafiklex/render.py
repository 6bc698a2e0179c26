"""Rendering the structured parts of the documents from the data, in one language.

Each function returns Markdown for a page: headings as Markdown (so that they reach the table of
contents and the search index) and everything else as HTML blocks. Every text from the data is
escaped, so markup typed into a data file shows as text.
"""
from __future__ import annotations

import html

from . import templating, urls
from .corpus import Corpus
from .model.markdown_render import raw
from .labels import label


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def md_text(text: str) -> str:
    """Text made safe for a Markdown heading: markup is escaped, Markdown syntax disabled."""
    escaped = html.escape(text, quote=False)
    return "".join("\\" + c if c in "\\`*_[]{}#!|" else c for c in escaped)


def heading(level: int, text: str, anchor: str) -> str:
    return f"\n{'#' * level} {md_text(text)} {{ #{anchor} }}\n"


def block(html_text: str) -> str:
    """An HTML block, taken into the page as it is (not parsed again as Markdown)."""
    return raw(html_text)


# The parts that the printed editions lay out from the data themselves (trafiklex.pdf.parts): on the
# page, each is marked where it begins and ends, so that print can put its own in its place.
PARTS = ("activities", "penalties", "screening", "glossary")


def part(name: str, markdown_text: str, argument: str | None = None) -> str:
    """A part rendered from the data, marked (HTML comments) where it begins and ends."""
    key = name + (f":{argument}" if argument else "")
    return f"\n\n<!-- part:{key} -->\n\n{markdown_text}\n\n<!-- /part:{name} -->\n\n"


def present(item: dict, lang: str) -> bool:
    return item.get("only_in", lang) == lang


# --- editorial notes and gaps --------------------------------------------------------------------

def note(corpus: Corpus, note_id: str, lang: str) -> str:
    item = corpus.notes[note_id]
    return templating.render("note.html", note=item, title=corpus.words(lang, "labels.editorial_note"),
                             text=item["text"][lang])


def notes_at(corpus: Corpus, document: str, anchor: str, lang: str) -> str:
    return "".join(note(corpus, n["id"], lang) for n in corpus.notes_at(anchor, document))


def gap_text(corpus: Corpus, document: str, item: dict, lang: str) -> str:
    """The placeholder shown where the other language prints a clause that this one lacks."""
    there = item["only_in"]
    link = urls.relative(corpus.document(document)["page"], lang, corpus.document(document)["page"], there, item["id"])
    return (f'<em>{esc(label(lang, "only_in").format(text=label(lang, "text_of")[there]))}</em> '
            f'<a href="{esc(link)}" hreflang="{there}" lang="{lang}">{esc(label(lang, "see_other"))}</a>')


def institution_page(institution: str) -> str:
    """The page of an institution (its obligations), the same path in both languages."""
    return f"institutions/{institution}"


def body_link(corpus: Corpus, institution: str, lang: str, here: str, text: str | None = None) -> str:
    """A link to an institution's page; the text is its acronym in this language (or `text`)."""
    item = corpus.institutions.get(institution)
    label = text or corpus.institutions.acronym(institution, lang) or item["name"][lang]
    href = urls.relative(here, lang, institution_page(institution), lang)
    if label == item["name"][lang]:
        return f'<a class="body" href="{esc(href)}">{esc(label)}</a>'
    # the title on the link: Material shows it as a tooltip on hover and on keyboard focus
    return f'<a class="body" href="{esc(href)}" title="{esc(item["name"][lang])}"><abbr>{esc(label)}</abbr></a>'


def printed_bodies(corpus: Corpus, printed: str, lang: str, here: str) -> str:
    """A printed responsible-bodies cell, as printed, with each named body linked to its page."""
    out, position = [], 0
    for start, end, institution in corpus.institutions.spans(printed, lang):
        out.append(esc(printed[position:start]))
        out.append(body_link(corpus, institution, lang, here, printed[start:end]))
        position = end
    out.append(esc(printed[position:]))
    return "".join(out)


def clause(tag: str, item: dict, number: str | None, body_html: str, css: str = "clause") -> str:
    num = f'<span class="num">{esc(number)}</span> ' if number else ""
    return f'<{tag} class="{css}" id="{esc(item["id"])}">{num}{body_html}</{tag}>'


# --- Action Plan against Child Trafficking -------------------------------------------------------

def activities(corpus: Corpus, lang: str, here: str = "child-trafficking-action-plan") -> str:
    plan = corpus.action_plan
    document = plan["document"]
    columns = plan["columns"][lang]
    out = []
    for section in plan["sections"]:
        out.append(heading(2, f"{section['num']}. {section['title'][lang]}", section["id"]))
        out.append(block(notes_at(corpus, document, section["id"], lang)) if corpus.notes_at(section["id"], document) else "")
        groups = [(o, o["activities"]) for o in section.get("objectives", [])] or [(None, section["activities"])]
        for objective, items in groups:
            parts = []
            if objective:
                parts.append(clause("p", objective, None, esc(objective["text"][lang]), "objective"))
                parts.append(notes_at(corpus, document, objective["id"], lang))
            rows = []
            for activity in items:
                if present(activity, lang):
                    responsible = printed_bodies(corpus, activity["responsible"][lang]["printed"], lang, here)
                    partners = activity.get("partners", {}).get(lang)
                    if partners:
                        responsible += (f'<br><span class="partners">'
                                        f'{printed_bodies(corpus, partners["printed"], lang, here)}</span>')
                    rows.append(f'<tr id="{esc(activity["id"])}"><td>{esc(activity["text"][lang])}</td>'
                                f'<td>{responsible}</td><td>{esc(activity["deadline"][lang])}</td></tr>')
                else:
                    rows.append(f'<tr id="{esc(activity["id"])}" class="gap"><td colspan="3">'
                                f'{gap_text(corpus, document, activity, lang)}</td></tr>')
                notes = notes_at(corpus, document, activity["id"], lang)
                if notes:
                    rows.append(f'<tr class="note-row"><td colspan="3">{notes}</td></tr>')
            head = "".join(f'<th scope="col">{esc(columns[c])}</th>' for c in ("activity", "responsible", "deadline"))
            parts.append(f'<table class="activities"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>')
            out.append(block("".join(parts)))
    return "".join(out)


# --- Criminal Code penalties table ---------------------------------------------------------------

def penalties(corpus: Corpus, lang: str) -> str:
    table = corpus.penalties
    document = table["document"]
    table_page = corpus.document(document)["page"]
    columns = table["columns"][lang]
    head = "".join(f'<th scope="col">{esc(columns[c])}</th>' for c in ("article", "offence", "sanction"))
    groups = []
    for article in table["articles"]:
        rows = []
        for k, row in enumerate(article["rows"]):
            sanctions_link = urls.relative(table_page, lang, "sanctions", lang, article["id"])
            first = (f'<th scope="rowgroup" rowspan="{len(article["rows"])}"><a href="{esc(sanctions_link)}" '
                     f'title="{esc(label(lang, "at_a_glance"))}">{esc(article["article"])}</a></th>' if k == 0 else "")
            if present(row, lang):
                cells = f'<td>{esc(row["offence"][lang])}</td><td>{esc(row["sanction"][lang]["printed"])}</td>'
            else:
                cells = f'<td colspan="2">{gap_text(corpus, document, row, lang)}</td>'
            gap = "" if present(row, lang) else ' class="gap"'
            rows.append(f'<tr id="{esc(row["id"])}"{gap}>{first}{cells}</tr>')
        groups.append(f'<tbody id="{esc(article["id"])}">{"".join(rows)}</tbody>')
    notes = "".join(notes_at(corpus, document, anchor, lang)
                    for article in table["articles"] for anchor in [article["id"]] + [r["id"] for r in article["rows"]])
    return block(f'<table class="penalties"><thead><tr>{head}</tr></thead>{"".join(groups)}</table>{notes}')


# --- NRM Agreement, Article 5 ---------------------------------------------------------------------

def commitments(corpus: Corpus, lang: str, here: str = "nrm-agreement") -> str:
    data = corpus.commitments
    document = data["document"]
    out = []
    for party in data["parties"]:
        out.append(heading(3, f"{party['letter']}. {party['heading'][lang]}", party["id"]))
        links = ", ".join(body_link(corpus, body, lang, here) for body in party["bodies"])
        items = [f'<p class="party-bodies">{esc(label(lang, "party_bodies"))}: {links}</p>']
        for item in party["commitments"]:
            if present(item, lang):
                items.append(clause("p", item, f"{item['num']})", esc(item["text"][lang])))
            else:
                items.append(clause("p", item, f"{item['num']})", gap_text(corpus, document, item, lang), "clause gap"))
            items.append(notes_at(corpus, document, item["id"], lang))
        out.append(block(notes_at(corpus, document, party["id"], lang) + "".join(items)))
    return "".join(out)


# --- National Action Plan: strategic framework -----------------------------------------------------

def strategic_framework(corpus: Corpus, lang: str) -> str:
    data = corpus.framework
    document = data["document"]
    out = []
    for area in data["areas"]:
        out.append(heading(3, f"{area['num']}. {area['title'][lang]}", area["id"]))
        parts = [notes_at(corpus, document, area["id"], lang)]
        for aim in area["aims"]:
            parts.append(clause("p", aim, None, f'<strong>{esc(label(lang, "aim"))} {esc(aim["num"])}:</strong> '
                                                 f'{esc(aim["text"][lang])}', "aim"))
            parts.append(notes_at(corpus, document, aim["id"], lang))
            objectives = []
            for objective in aim["objectives"]:
                name = label(lang, "objective") + (f" ({objective['letter']})" if "letter" in objective else "")
                body = (f'<strong>{esc(name)}:</strong> {esc(objective["text"][lang])}' if present(objective, lang)
                        else gap_text(corpus, document, objective, lang))
                objectives.append(clause("li", objective, None, body + notes_at(corpus, document, objective["id"], lang),
                                         "objective" if present(objective, lang) else "objective gap"))
            parts.append(f'<ul class="objectives">{"".join(objectives)}</ul>')
        out.append(block("".join(parts)))
    return "".join(out)


# --- Definitions ------------------------------------------------------------------------------------

def definitions(corpus: Corpus, document: str, lang: str) -> str:
    items = [d for d in corpus.definitions if d["document"] == document]
    footnotes, parts = [], []
    for item in items:
        body = esc(item["text"][lang]) if present(item, lang) else gap_text(corpus, document, item, lang)
        if present(item, lang) and item.get("footnote", {}).get(lang):
            footnotes.append((item, item["footnote"][lang]))
            n = len(footnotes)
            body += (f'<sup class="footnote-ref" id="fnref-{esc(item["id"])}">'
                     f'<a href="#{esc(item["id"])}__footnote">{n}</a></sup>')
        body += notes_at(corpus, document, item["id"], lang)
        css = "clause" if present(item, lang) else "clause gap"
        if "label" in item:
            parts.append(clause("p", item, f"{item['label']})", body, css))
        else:
            parts.append(clause("li", item, None, body, css + " definition"))
    html_out = "".join(parts) if all("label" in i for i in items) else f'<ul class="definitions">{"".join(parts)}</ul>'
    if footnotes:
        notes = "".join(f'<li id="{esc(item["id"])}__footnote">{esc(text)} '
                        f'<a href="#fnref-{esc(item["id"])}" class="footnote-backref" aria-label="↩">↩</a></li>'
                        for item, text in footnotes)
        html_out += (f'<div class="footnote definitions-footnotes" aria-label="{esc(label(lang, "footnotes"))}">'
                     f'<ol>{notes}</ol></div>')
    return block(html_out)


# --- Glossaries -------------------------------------------------------------------------------------

def glossary(corpus: Corpus, glossary_id: str, lang: str) -> str:
    data = corpus.glossary(glossary_id)
    rows = []
    for entry, anchor in zip(data["entries"][lang], corpus.glossary_entry_ids(data, lang)):
        rows.append(f'<dt id="{esc(anchor)}"><abbr title="{esc(entry["expansion"])}">{esc(entry["abbr"])}</abbr></dt>'
                    f'<dd>{esc(entry["expansion"])}'
                    f'{notes_at(corpus, data["document"], anchor, lang)}</dd>')
    return block(f'<dl class="glossary">{"".join(rows)}</dl>')


# --- Annex 1: screening questionnaire --------------------------------------------------------------

def screening(corpus: Corpus, lang: str) -> str:
    data = corpus.screening
    document = data["document"]
    out = []
    for part in data["parts"]:
        out.append(heading(3, f"{part['letter']}. {part['title'][lang]}", part["id"]))
        parts = [notes_at(corpus, document, part["id"], lang)]
        for question in (q for q in data["questions"] if q["part"] == part["letter"]):
            parts.append(_question(corpus, document, question, lang))
            for routing in (r for r in data["routing"] if r["after"] == question["id"]):
                parts.append(clause("p", routing, None, esc(routing["text"][lang]), "routing"))
                parts.append(notes_at(corpus, document, routing["id"], lang))
        out.append(block("".join(parts)))
    det = data["determination"]
    out.append(heading(3, det["title"][lang], det["id"]))
    parts = [notes_at(corpus, document, det["id"], lang)]
    for rule in ("adult", "child"):
        parts.append(clause("p", det[rule], None, esc(det[rule]["text"][lang]), "rule"))
        parts.append(notes_at(corpus, document, det[rule]["id"], lang))
    for situation in det["child"]["situations"]:
        paragraphs = situation["text"][lang]
        title = f'<strong>{esc(situation["title"][lang])}</strong> ' if "title" in situation else ""
        first = f'<p><span class="num">{situation["num"]}.</span> {title}{esc(paragraphs[0])}</p>'
        rest = "".join(f"<p>{esc(p)}</p>" for p in paragraphs[1:])
        parts.append(f'<div class="clause situation" id="{esc(situation["id"])}">{first}{rest}</div>')
        parts.append(notes_at(corpus, document, situation["id"], lang))
    out.append(block("".join(parts)))
    return "".join(out)


def _question(corpus: Corpus, document: str, question: dict, lang: str) -> str:
    body = [f'<p><span class="num">{question["num"]}.</span> {esc(question["text"][lang])}</p>']
    if question.get("options"):
        boxes = "".join(f'<li><span class="box" aria-hidden="true">☐</span> {esc(o["label"][lang])}</li>'
                        for o in question["options"])
        body.append(f'<ul class="options" aria-label="{esc(label(lang, "tick"))}">{boxes}</ul>')
    if question.get("other"):
        body.append(f'<p class="other">{esc(question["other"][lang])} <span class="line" aria-hidden="true"></span></p>')
    elif question["answer"] == "text":
        body.append('<p class="answer-line"><span class="line" aria-hidden="true"></span></p>')
    if question.get("hint"):
        body.append(f'<p class="hint">{esc(question["hint"][lang])}</p>')
    body.append(notes_at(corpus, document, question["id"], lang))
    return f'<div class="clause question" id="{esc(question["id"])}">{"".join(body)}</div>'


# --- Home page ------------------------------------------------------------------------------------

def format_date(value: str | None, lang: str) -> str:
    if not value:
        return ""
    parts = [int(p) for p in value.split("-")]
    months = MONTH_NAMES[lang]
    if len(parts) == 3:
        return f"{parts[2]} {months[parts[1] - 1]} {parts[0]}"
    return f"{months[parts[1] - 1]} {parts[0]}"


MONTH_NAMES = {
    "sq": ["janar", "shkurt", "mars", "prill", "maj", "qershor", "korrik", "gusht", "shtator", "tetor", "nëntor", "dhjetor"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"],
}

HOME_COLUMNS = {"sq": ("Nr.", "Dokumenti", "Forma", "Data"), "en": ("No.", "Document", "Legal form", "Date")}
DATE_NOTES = {
    "sq": {"approved_by": "miratimi: {doc}", "annex_to": "shtojcë e dokumentit: {doc}"},
    "en": {"approved_by": "approved by {doc}", "annex_to": "annex to the {doc}"},
}


def document_date(corpus: Corpus, document: dict, lang: str) -> str:
    """A document's date, and the document that approves it or that it is annexed to:
    '18 July 2005', '(approved by …)'."""
    when = format_date(document.get("date"), lang)
    for key in ("approved_by", "annex_to"):
        if key in document:
            other = corpus.document(document[key])
            text = DATE_NOTES[lang][key].format(doc=other["short_title"][lang])
            when = f"{when} ({text})" if when else text
    return when


def documents_table(corpus: Corpus, lang: str) -> str:
    head = "".join(f'<th scope="col">{esc(c)}</th>' for c in HOME_COLUMNS[lang])
    rows = []
    for number, document in enumerate(corpus.documents, start=1):
        link = urls.relative("index", lang, document["page"], lang)
        when = document_date(corpus, document, lang)
        rows.append(f'<tr><td>{number}</td><td><a href="{esc(link)}">{esc(document["title"][lang])}</a></td>'
                    f'<td>{esc(document["form"][lang])}</td><td>{esc(when)}</td></tr>')
    return block(f'<table class="documents"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>')


# --- Open data page --------------------------------------------------------------------------------

DOWNLOAD_COLUMNS = {"sq": ("Të dhënat", "Përshkrimi", "Skedarët"), "en": ("Dataset", "Description", "Files")}


def downloads(corpus: Corpus, lang: str, here: str = "open-data") -> str:
    from .exports import CSV_ROWS, DESCRIPTIONS, datasets

    head = "".join(f'<th scope="col">{esc(c)}</th>' for c in DOWNLOAD_COLUMNS[lang])
    rows = []
    for name in datasets():
        formats = ["yml", "json"] + (["csv"] if name in CSV_ROWS else [])
        files = [f'<a href="{esc(urls.asset(here, lang, f"data/{name}.{ext}"))}" download>{ext.upper().replace("YML", "YAML")}</a>'
                 for ext in formats]
        files.append(f'<a href="{esc(urls.asset(here, lang, f"data/{name}.schema.json"))}">JSON Schema</a>')
        rows.append(f'<tr id="{esc(name)}"><td><code>{esc(name)}</code></td><td>{esc(DESCRIPTIONS[name][lang])}</td>'
                    f'<td>{" · ".join(files)}</td></tr>')
    return block(f'<table class="documents downloads"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>')
