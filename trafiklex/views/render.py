"""Rendering the structured parts of the documents from the data, in one language.

Each function returns Markdown for a page: headings as Markdown (so that they reach the table of
contents and the search index) and everything else as HTML blocks, made by the templates
(trafiklex/views/templates/, autoescaped: markup typed into a data file shows as text).
"""
from __future__ import annotations

import html
from typing import Sequence

from markupsafe import Markup

from trafiklex.views import templating
from trafiklex.core import urls
from trafiklex.data.corpus import Corpus
from trafiklex.model.markdown_render import raw


def esc(text: str) -> str:
    """HTML-escaped text, for the modules that still write HTML by hand (render_translations, pdf.pages)."""
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


def render(corpus: Corpus, lang: str, template: str, **context) -> Markup:
    """A template (trafiklex/views/templates/) rendered with the words of `lang` (`t`) and `context`."""
    return templating.render(template, t=corpus.catalog.translator(lang), lang=lang, **context)


# The parts that the printed editions lay out from the data themselves (trafiklex.pdf.parts): on the
# page, each is marked where it begins and ends, so that print can put its own in its place.
PARTS = ("activities", "penalties", "screening", "glossary")


def part(name: str, markdown_text: str, argument: str | None = None) -> str:
    """A part rendered from the data, marked (HTML comments) where it begins and ends."""
    key = name + (f":{argument}" if argument else "")
    return f"\n\n<!-- part:{key} -->\n\n{markdown_text}\n\n<!-- /part:{name} -->\n\n"


def present(item: dict, lang: str) -> bool:
    return item.get("only_in", lang) == lang


def this_first(corpus: Corpus, lang: str) -> tuple[str, ...]:
    """Every language of the edition, `lang` first (then the others in the edition's order)."""
    return (lang, *corpus.languages.others(lang))


def text_in(corpus: Corpus, texts: dict[str, str], lang: str) -> tuple[str, str]:
    """A text in `lang`, or else in the first language that has it (the authoritative first), and
    which language it is in."""
    languages = corpus.languages
    for each in (lang, languages.authoritative, *languages.codes):
        if texts.get(each):
            return texts[each], each
    return "", languages.authoritative


def only_in(corpus: Corpus, lang: str, text_lang: str) -> str:
    """'only in the Albanian text' (in `lang`): what one language's text has and another's lacks."""
    return corpus.words(lang, "labels.only_text").format(text=corpus.words(lang, "labels.text_of")[text_lang])


# --- editorial notes and gaps --------------------------------------------------------------------

def note(corpus: Corpus, note_id: str, lang: str) -> Markup:
    item = corpus.notes[note_id]
    return templating.render("note.html", note=item, title=corpus.words(lang, "labels.editorial_note"),
                             text=item["text"][lang])


def notes_at(corpus: Corpus, document: str, anchor: str, lang: str) -> Markup:
    return Markup("").join(note(corpus, n["id"], lang) for n in corpus.notes_at(anchor, document))


def gap_text(corpus: Corpus, document: str, item: dict, lang: str) -> Markup:
    """The placeholder shown where another language prints a clause that this one lacks."""
    there, page = item["only_in"], corpus.document(document)["page"]
    return render(corpus, lang, "gap.html", there=there, href=urls.relative(page, lang, page, there, item["id"], root=corpus.languages.default))


def gap_or_none(corpus: Corpus, document: str, item: dict, lang: str) -> Markup | None:
    return None if present(item, lang) else gap_text(corpus, document, item, lang)


def institution_page(institution: str) -> str:
    """The page of an institution (its obligations), the same path in every language."""
    return f"institutions/{institution}"


def body_link(corpus: Corpus, institution: str, lang: str, here: str, text: str | None = None) -> Markup:
    """A link to an institution's page; the text is its acronym in this language (or `text`)."""
    item = corpus.institutions.get(institution)
    name = item["name"][lang]
    return templating.render("body_link.html", text=text or corpus.institutions.acronym(institution, lang) or name,
                             title=name, href=urls.relative(here, lang, institution_page(institution), lang, root=corpus.languages.default))


def printed_bodies(corpus: Corpus, printed: str, lang: str, here: str) -> Markup:
    """A printed responsible-bodies cell, as printed, with each named body linked to its page."""
    out, position = [], 0
    for start, end, institution in corpus.institutions.spans(printed, lang):
        out.append(printed[position:start])
        out.append(body_link(corpus, institution, lang, here, printed[start:end]))
        position = end
    out.append(printed[position:])
    return Markup("").join(out)  # (the printed text escaped, the links as they are)


# --- Action Plan against Child Trafficking -------------------------------------------------------

def activities(corpus: Corpus, document: str, lang: str, here: str) -> str:
    plan = corpus.table(document, "activities")
    columns = [plan["columns"][lang][c] for c in ("activity", "responsible", "deadline")]
    out = []
    for section in plan["sections"]:
        out.append(heading(2, f"{section['num']}. {section['title'][lang]}", section["id"]))
        out.append(block(notes_at(corpus, document, section["id"], lang)) if corpus.notes_at(section["id"], document) else "")
        groups = [(o, o["activities"]) for o in section.get("objectives", [])] or [(None, section["activities"])]
        for objective, items in groups:
            if objective:
                objective = {"id": objective["id"], "text": objective["text"][lang],
                             "notes": notes_at(corpus, document, objective["id"], lang)}
            rows = [_activity_row(corpus, document, activity, lang, here) for activity in items]
            out.append(block(render(corpus, lang, "activities.html", objective=objective, columns=columns, rows=rows)))
    return "".join(out)


def _activity_row(corpus: Corpus, document: str, activity: dict, lang: str, here: str) -> dict:
    row = {"id": activity["id"], "gap": gap_or_none(corpus, document, activity, lang),
           "notes": notes_at(corpus, document, activity["id"], lang)}
    if present(activity, lang):
        partners = activity.get("partners", {}).get(lang)
        row.update(text=activity["text"][lang], deadline=activity["deadline"][lang],
                   responsible=printed_bodies(corpus, activity["responsible"][lang]["printed"], lang, here),
                   partners=printed_bodies(corpus, partners["printed"], lang, here) if partners else None)
    return row


# --- Criminal Code penalties table ---------------------------------------------------------------

def penalties(corpus: Corpus, document: str, lang: str) -> str:
    table = corpus.table(document, "penalties")
    table_page = corpus.document(document)["page"]
    articles = [{"id": article["id"], "article": article["article"],
                 "link": urls.relative(table_page, lang, "sanctions", lang, article["id"], root=corpus.languages.default),
                 "rows": [{"id": row["id"], "gap": gap_or_none(corpus, document, row, lang),
                           "offence": row["offence"].get(lang), "sanction": row["sanction"].get(lang, {}).get("printed")}
                          for row in article["rows"]]}
                for article in table["articles"]]
    notes = Markup("").join(notes_at(corpus, document, anchor, lang) for article in table["articles"]
                            for anchor in [article["id"]] + [r["id"] for r in article["rows"]])
    columns = [table["columns"][lang][c] for c in ("article", "offence", "sanction")]
    return block(render(corpus, lang, "penalties.html", columns=columns, articles=articles, notes=notes))


# --- NRM Agreement, Article 5 ---------------------------------------------------------------------

def commitments(corpus: Corpus, document: str, lang: str, here: str) -> str:
    data = corpus.table(document, "commitments")
    out = []
    for party in data["parties"]:
        out.append(heading(3, f"{party['letter']}. {party['heading'][lang]}", party["id"]))
        items = [{"id": item["id"], "num": item["num"], "text": item["text"].get(lang),
                  "gap": gap_or_none(corpus, document, item, lang), "notes": notes_at(corpus, document, item["id"], lang)}
                 for item in party["commitments"]]
        bodies = Markup(", ").join(body_link(corpus, body, lang, here) for body in party["bodies"])
        out.append(block(render(corpus, lang, "commitments.html", notes=notes_at(corpus, document, party["id"], lang),
                                bodies=bodies, commitments=items)))
    return "".join(out)


# --- National Action Plan: strategic framework -----------------------------------------------------

def strategic_framework(corpus: Corpus, document: str, lang: str) -> str:
    data = corpus.table(document, "strategic_framework")
    name = corpus.words(lang, "labels.objective")
    out = []
    for area in data["areas"]:
        out.append(heading(3, f"{area['num']}. {area['title'][lang]}", area["id"]))
        aims = [{"id": aim["id"], "num": aim["num"], "text": aim["text"][lang],
                 "notes": notes_at(corpus, document, aim["id"], lang),
                 "objectives": [{"id": objective["id"], "text": objective["text"].get(lang),
                                 "name": name + (f" ({objective['letter']})" if "letter" in objective else ""),
                                 "gap": gap_or_none(corpus, document, objective, lang),
                                 "notes": notes_at(corpus, document, objective["id"], lang)}
                                for objective in aim["objectives"]]}
                for aim in area["aims"]]
        out.append(block(render(corpus, lang, "strategic_framework.html",
                                notes=notes_at(corpus, document, area["id"], lang), aims=aims)))
    return "".join(out)


# --- Definitions ------------------------------------------------------------------------------------

def definitions(corpus: Corpus, document: str, lang: str) -> str:
    items, footnotes = [], []
    for item in (d for d in corpus.definitions if d["document"] == document):
        footnote = item.get("footnote", {}).get(lang) if present(item, lang) else None
        if footnote:
            footnotes.append({"id": item["id"], "text": footnote})
        items.append({"id": item["id"], "label": item.get("label"), "text": item["text"].get(lang),
                      "gap": gap_or_none(corpus, document, item, lang), "footnote": len(footnotes) if footnote else None,
                      "notes": notes_at(corpus, document, item["id"], lang)})
    listed = not all(item["label"] for item in items)
    return block(render(corpus, lang, "definitions.html", items=items, listed=listed, footnotes=footnotes))


# --- Glossaries -------------------------------------------------------------------------------------

def glossary(corpus: Corpus, document: str, glossary_id: str, lang: str) -> str:
    data = corpus.glossary(document, glossary_id)
    entries = [{"id": anchor, "abbr": entry["abbr"], "expansion": entry["expansion"],
                "notes": notes_at(corpus, data["document"], anchor, lang)}
               for entry, anchor in zip(data["entries"][lang], corpus.glossary_entry_ids(data, lang))]
    return block(render(corpus, lang, "glossary.html", entries=entries))


# --- Annex 1: screening questionnaire --------------------------------------------------------------

def screening(corpus: Corpus, document: str, lang: str) -> str:
    data = corpus.table(document, "questionnaire")
    out = []
    for part in data["parts"]:
        out.append(heading(3, f"{part['letter']}. {part['title'][lang]}", part["id"]))
        questions = [_question(corpus, document, question, lang)
                     for question in data["questions"] if question["part"] == part["letter"]]
        out.append(block(render(corpus, lang, "screening.html", notes=notes_at(corpus, document, part["id"], lang),
                                questions=questions)))
    det = data["determination"]
    out.append(heading(3, det["title"][lang], det["id"]))
    rules = [{"id": det[rule]["id"], "text": det[rule]["text"][lang], "notes": notes_at(corpus, document, det[rule]["id"], lang)}
             for rule in ("adult", "child")]
    situations = [{"id": s["id"], "num": s["num"], "title": s["title"][lang] if "title" in s else None,
                   "paragraphs": s["text"][lang], "notes": notes_at(corpus, document, s["id"], lang)}
                  for s in det["child"]["situations"]]
    out.append(block(render(corpus, lang, "determination.html", notes=notes_at(corpus, document, det["id"], lang),
                            rules=rules, situations=situations)))
    return "".join(out)


def _question(corpus: Corpus, document: str, question: dict, lang: str) -> dict:
    data = corpus.table(document, "questionnaire")
    return {"id": question["id"], "num": question["num"], "text": question["text"][lang],
            "options": [o["label"][lang] for o in question.get("options") or []],
            "other": question["other"][lang] if question.get("other") else None,
            "line": question["answer"] == "text",
            "hint": question["hint"][lang] if question.get("hint") else None,
            "notes": notes_at(corpus, document, question["id"], lang),
            "routing": [{"id": r["id"], "text": r["text"][lang], "notes": notes_at(corpus, document, r["id"], lang)}
                        for r in data.get("routing", []) if r["after"] == question["id"]]}


# --- Home page ------------------------------------------------------------------------------------

def format_date(value: str | None, months: Sequence[str]) -> str:
    """'18 korrik 2005' from '2005-07-18' ('korrik 2005' from '2005-07'), with the catalog's `months`
    of a language (corpus.words(lang, "months"))."""
    if not value:
        return ""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return f"{parts[2]} {months[parts[1] - 1]} {parts[0]}"
    return f"{months[parts[1] - 1]} {parts[0]}"


def document_date(corpus: Corpus, document: dict, lang: str) -> str:
    """A document's date, and the document that approves it or that it is annexed to:
    '18 July 2005', '(approved by …)'."""
    when = format_date(document.get("date"), corpus.words(lang, "months"))
    for key in ("approved_by", "annex_to"):
        if key in document:
            other = corpus.document(document[key])
            text = corpus.words(lang, f"home.{key}").format(doc=other["short_title"][lang])
            when = f"{when} ({text})" if when else text
    return when


def documents_table(corpus: Corpus, lang: str) -> str:
    rows = [{"href": urls.relative("index", lang, document["page"], lang, root=corpus.languages.default), "title": document["title"][lang],
             "form": document["form"][lang], "date": document_date(corpus, document, lang)}
            for document in corpus.documents]
    return block(render(corpus, lang, "documents_table.html", rows=rows))
