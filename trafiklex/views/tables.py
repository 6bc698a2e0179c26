"""A document's data tables as HTML, in one language: each kind of table (trafiklex.data.tables) laid
out by its template (trafiklex/views/templates/), with the editorial notes on its items and, for an
item another language prints alone, a placeholder that links to it there. The headings a table has
(an action plan's sections, an agreement's parties…) are made as Markdown would make them, with their
permalink, so that the page reads as one."""
from __future__ import annotations

from html import escape

from markupsafe import Markup

from trafiklex.core import urls
from trafiklex.queries import status
from trafiklex.data.corpus import Corpus
from trafiklex.views.render import body_link, gap_or_none, notes_at, present, printed_bodies, render


def _heading(corpus: Corpus, lang: str, level: int, text: str, anchor: str) -> str:
    """A heading of a table, as the page's Markdown makes one (its permalink titled in `lang`)."""
    title = escape(corpus.words(lang, "labels.permalink"))
    return (f'<h{level} id="{escape(anchor)}">{escape(text, quote=False)}<a class="headerlink" href="#{escape(anchor)}" '
            f'title="{title}">&para;</a></h{level}>')


# --- an action plan: sections, objectives, activities --------------------------------------------

def activities(corpus: Corpus, document: str, lang: str, here: str) -> str:
    plan = corpus.table(document, "activities")
    columns = [plan["columns"][lang][c] for c in ("activity", "responsible", "deadline")]
    out = []
    for section in plan["sections"]:
        out.append(_heading(corpus, lang, 2, f"{section['num']}. {section['title'][lang]}", section["id"]))
        out.append(notes_at(corpus, document, section["id"], lang))
        groups = [(o, o["activities"]) for o in section.get("objectives", [])] or [(None, section["activities"])]
        for objective, items in groups:
            if objective:
                objective = {"id": objective["id"], "text": objective["text"][lang],
                             "notes": notes_at(corpus, document, objective["id"], lang)}
            rows = [_activity_row(corpus, document, activity, lang, here) for activity in items]
            out.append((render(corpus, lang, "activities.html", objective=objective, columns=columns, rows=rows)))
    return "\n".join(filter(None, out))


def _activity_row(corpus: Corpus, document: str, activity: dict, lang: str, here: str) -> dict:
    row = {"id": activity["id"], "gap": gap_or_none(corpus, document, activity, lang),
           "notes": notes_at(corpus, document, activity["id"], lang)}
    if present(activity, lang):
        partners = activity.get("partners", {}).get(lang)
        row.update(text=activity["text"][lang], deadline=activity.get("deadline", {}).get(lang, ""),
                   responsible=printed_bodies(corpus, document, activity["responsible"][lang]["printed"], lang, here),
                   partners=printed_bodies(corpus, document, partners["printed"], lang, here) if partners else None)
    return row


# --- a table of Criminal Code penalties ----------------------------------------------------------

def penalties(corpus: Corpus, document: str, lang: str) -> str:
    table = corpus.table(document, "penalties")
    table_page = corpus.document(document)["page"]
    articles = [{"id": article["id"], "article": article["article"],
                 "link": urls.relative(table_page, lang, "sanctions", lang, article["id"], root=corpus.languages.default),
                 "rows": [{"id": row["id"], "gap": gap_or_none(corpus, document, row, lang),
                           "offence": row["offence"].get(lang), "sanction": row["sanction"].get(lang, {}).get("printed")}
                          for row in article["rows"]],
                 "effects": [{"anchor": f"effect-{document}-{effect.index + 1}",
                              "label": corpus.words(lang, "status.types")[effect.type]}
                             for effect in status.effects_at(corpus, document, article["id"])]}
                for article in table["articles"]]
    notes = Markup("").join(notes_at(corpus, document, anchor, lang) for article in table["articles"]
                            for anchor in [article["id"]] + [r["id"] for r in article["rows"]])
    columns = [table["columns"][lang][c] for c in ("article", "offence", "sanction")]
    return (render(corpus, lang, "penalties.html", columns=columns, articles=articles, notes=notes))


# --- the commitments of the parties to an agreement --------------------------------------------

def commitments(corpus: Corpus, document: str, lang: str, here: str) -> str:
    data = corpus.table(document, "commitments")
    out = []
    for party in data["parties"]:
        out.append(_heading(corpus, lang, 3, f"{party['letter']}. {party['heading'][lang]}", party["id"]))
        items = [{"id": item["id"], "num": item["num"], "text": item["text"].get(lang),
                  "gap": gap_or_none(corpus, document, item, lang), "notes": notes_at(corpus, document, item["id"], lang)}
                 for item in party["commitments"]]
        bodies = Markup(", ").join(body_link(corpus, body, lang, here) for body in party["bodies"])
        out.append((render(corpus, lang, "commitments.html", notes=notes_at(corpus, document, party["id"], lang),
                                bodies=bodies, commitments=items)))
    return "\n".join(filter(None, out))


# --- a strategic framework: areas, aims, objectives ---------------------------------------------

def strategic_framework(corpus: Corpus, document: str, lang: str) -> str:
    data = corpus.table(document, "strategic_framework")
    name = corpus.words(lang, "labels.objective")
    out = []
    for area in data["areas"]:
        out.append(_heading(corpus, lang, 3, f"{area['num']}. {area['title'][lang]}", area["id"]))
        aims = [{"id": aim["id"], "num": aim["num"], "text": aim["text"][lang],
                 "notes": notes_at(corpus, document, aim["id"], lang),
                 "objectives": [{"id": objective["id"], "text": objective["text"].get(lang),
                                 "name": name + (f" ({objective['letter']})" if "letter" in objective else ""),
                                 "gap": gap_or_none(corpus, document, objective, lang),
                                 "notes": notes_at(corpus, document, objective["id"], lang)}
                                for objective in aim["objectives"]]}
                for aim in area["aims"]]
        out.append((render(corpus, lang, "strategic_framework.html",
                                notes=notes_at(corpus, document, area["id"], lang), aims=aims)))
    return "\n".join(filter(None, out))


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
    return (render(corpus, lang, "definitions.html", items=items, listed=listed, footnotes=footnotes))


# --- Glossaries -------------------------------------------------------------------------------------

def glossary(corpus: Corpus, document: str, glossary_id: str, lang: str) -> str:
    data = corpus.glossary(document, glossary_id)
    entries = [{"id": anchor, "abbr": entry["abbr"], "expansion": entry["expansion"],
                "notes": notes_at(corpus, data["document"], anchor, lang)}
               for entry, anchor in zip(data["entries"][lang], corpus.glossary_entry_ids(data, lang))]
    return (render(corpus, lang, "glossary.html", entries=entries))


# --- a screening questionnaire --------------------------------------------------------------------

def screening(corpus: Corpus, document: str, lang: str) -> str:
    data = corpus.table(document, "questionnaire")
    out = []
    for part in data["parts"]:
        out.append(_heading(corpus, lang, 3, f"{part['letter']}. {part['title'][lang]}", part["id"]))
        questions = [_question(corpus, document, question, lang)
                     for question in data["questions"] if question["part"] == part["letter"]]
        out.append((render(corpus, lang, "screening.html", notes=notes_at(corpus, document, part["id"], lang),
                                questions=questions)))
    det = data["determination"]
    out.append(_heading(corpus, lang, 3, det["title"][lang], det["id"]))
    rules = [{"id": det[rule]["id"], "text": det[rule]["text"][lang], "notes": notes_at(corpus, document, det[rule]["id"], lang)}
             for rule in ("adult", "child")]
    situations = [{"id": s["id"], "num": s["num"], "title": s["title"][lang] if "title" in s else None,
                   "paragraphs": s["text"][lang], "notes": notes_at(corpus, document, s["id"], lang)}
                  for s in det["child"]["situations"]]
    out.append((render(corpus, lang, "determination.html", notes=notes_at(corpus, document, det["id"], lang),
                            rules=rules, situations=situations)))
    return "\n".join(filter(None, out))


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
