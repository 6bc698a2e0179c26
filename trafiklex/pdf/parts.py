"""The structured parts that print differently from the site, read from the data for one language:
the action plan's activity tables, the Criminal Code penalties table, the glossaries of
abbreviations and the Annex 1 questionnaire. Each function returns plain values (dicts, lists,
strings) that the Typst templates lay out (templates/parts.typ); `call()` writes the call.

Every clause keeps its id as a Typst label ("<document>:<clause id>"); the texts are the data's,
as printed; the words around them (editorial notes, "printed only in…") are the site's.
"""
from __future__ import annotations

from ..corpus import Corpus
from ..render import present
from ..render_obligations import directory_rows
from . import typst_values
from .typst_values import label


def words(corpus: Corpus, lang: str, key: str):
    """The interface words of the site's labels (the catalog's `labels` section)."""
    return corpus.words(lang, f"labels.{key}")


def notes(corpus: Corpus, document: str, anchor: str, lang: str) -> list[dict]:
    return [{"label": label(document, f"note-{n['id']}"), "title": words(corpus, lang, "editorial_note"),
             "text": n["text"][lang]} for n in corpus.notes_at(anchor, document)]


def gap(corpus: Corpus, item: dict, lang: str) -> str | None:
    """Where this language does not print a clause: the sentence saying which language does."""
    if present(item, lang):
        return None
    return words(corpus, lang, "only_in").format(text=words(corpus, lang, "text_of")[item["only_in"]])


# --- Action Plan against Child Trafficking -------------------------------------------------------

def activities(corpus: Corpus, lang: str) -> dict:
    plan = corpus.action_plan
    document = plan["document"]
    sections = []
    for section in plan["sections"]:
        groups = [(o, o["activities"]) for o in section.get("objectives", [])] or [(None, section["activities"])]
        sections.append({
            "label": label(document, section["id"]),
            "title": f"{section['num']}. {section['title'][lang]}",
            "notes": notes(corpus, document, section["id"], lang),
            "groups": [{
                "objective": None if objective is None else {
                    "label": label(document, objective["id"]), "text": objective["text"][lang],
                    "notes": notes(corpus, document, objective["id"], lang)},
                "rows": [_activity(corpus, document, activity, lang) for activity in items],
            } for objective, items in groups],
        })
    columns = plan["columns"][lang]
    return {"columns": [columns[c] for c in ("activity", "responsible", "deadline")], "sections": sections}


def _activity(corpus: Corpus, document: str, activity: dict, lang: str) -> dict:
    row = {"label": label(document, activity["id"]), "gap": gap(corpus, activity, lang),
           "notes": notes(corpus, document, activity["id"], lang)}
    if present(activity, lang):
        partners = activity.get("partners", {}).get(lang)
        row.update(text=activity["text"][lang], responsible=activity["responsible"][lang]["printed"],
                   partners=partners["printed"] if partners else None, deadline=activity["deadline"][lang])
    return row


# --- Criminal Code penalties table ---------------------------------------------------------------

def penalties(corpus: Corpus, lang: str) -> dict:
    table = corpus.penalties
    document = table["document"]
    columns = table["columns"][lang]
    articles = []
    for article in table["articles"]:
        rows = []
        for row in article["rows"]:
            item = {"label": label(document, row["id"]), "gap": gap(corpus, row, lang)}
            if present(row, lang):
                item.update(offence=row["offence"][lang], sanction=row["sanction"][lang]["printed"])
            rows.append(item)
        articles.append({"label": label(document, article["id"]), "article": article["article"], "rows": rows})
    anchors = [a for article in table["articles"] for a in [article["id"]] + [r["id"] for r in article["rows"]]]
    return {"columns": [columns[c] for c in ("article", "offence", "sanction")], "articles": articles,
            "notes": [n for anchor in anchors for n in notes(corpus, document, anchor, lang)]}


# --- Glossaries of abbreviations ---------------------------------------------------------------------

def glossary(corpus: Corpus, glossary_id: str, lang: str) -> dict:
    data = corpus.glossary(glossary_id)
    document = data["document"]
    entries = [{"label": label(document, anchor), "abbr": entry["abbr"], "expansion": entry["expansion"],
                "notes": notes(corpus, document, anchor, lang)}
               for entry, anchor in zip(data["entries"][lang], corpus.glossary_entry_ids(data, lang))]
    return {"columns": [words(corpus, lang, "abbreviation"), words(corpus, lang, "meaning")], "entries": entries}


# --- Annex 1: screening questionnaire --------------------------------------------------------------

def screening(corpus: Corpus, lang: str) -> dict:
    data = corpus.screening
    document = data["document"]
    parts = []
    for part in data["parts"]:
        questions = []
        for question in (q for q in data["questions"] if q["part"] == part["letter"]):
            questions.append({
                "label": label(document, question["id"]), "num": str(question["num"]), "text": question["text"][lang],
                "options": [o["label"][lang] for o in question.get("options", [])],
                "other": question["other"][lang] if question.get("other") else None,
                "line": question["answer"] == "text" and not question.get("other"),
                "hint": question["hint"][lang] if question.get("hint") else None,
                "notes": notes(corpus, document, question["id"], lang),
                "routing": [{"label": label(document, r["id"]), "text": r["text"][lang],
                             "notes": notes(corpus, document, r["id"], lang)}
                            for r in data["routing"] if r["after"] == question["id"]],
            })
        parts.append({"label": label(document, part["id"]), "title": f"{part['letter']}. {part['title'][lang]}",
                      "notes": notes(corpus, document, part["id"], lang), "questions": questions})
    det = data["determination"]
    determination = {
        "label": label(document, det["id"]), "title": det["title"][lang], "notes": notes(corpus, document, det["id"], lang),
        "rules": [{"label": label(document, det[rule]["id"]), "text": det[rule]["text"][lang],
                   "notes": notes(corpus, document, det[rule]["id"], lang)} for rule in ("adult", "child")],
        "situations": [{"label": label(document, s["id"]), "num": str(s["num"]),
                        "title": s["title"][lang] if "title" in s else None, "paragraphs": s["text"][lang],
                        "notes": notes(corpus, document, s["id"], lang)} for s in det["child"]["situations"]],
    }
    return {"parts": parts, "determination": determination, "tick": words(corpus, lang, "tick")}


# --- Appendix: the institutions and how many obligations each has ------------------------------------

def institutions(corpus: Corpus, lang: str) -> dict:
    """The site's directory of institutions (render_obligations.directory_rows), for print."""
    rows = [{"label": f"institution:{row['id']}", "name": row["name"], "acronyms": " / ".join(text for _, text in row["acronyms"]),
             "kind": row["kind"], "total": str(row["total"])} for row in directory_rows(corpus, lang)]
    return {"columns": [words(corpus, lang, key) for key in ("institution", "acronyms", "kind", "obligations")], "rows": rows}


# --- the Typst calls -------------------------------------------------------------------------------

PARTS = {"activities": activities, "penalties": penalties, "screening": screening, "institutions": institutions}


def view(part: str, corpus: Corpus, lang: str, argument: str | None = None) -> dict:
    if part == "glossary":
        return glossary(corpus, argument, lang)
    return PARTS[part](corpus, lang)


def call(part: str, corpus: Corpus, lang: str, argument: str | None = None) -> str:
    """The Typst that prints a part in one language: `#print-activities((…))`."""
    return typst_values.call(f"print-{part}", view(part, corpus, lang, argument))


def parallel_call(part: str, corpus: Corpus, languages: tuple[str, str], argument: str | None = None) -> str:
    """The Typst that prints a part in two languages side by side: `#parallel-activities((…), (…))`,
    each view with its language (`lang`). The clause labels are the first language's; the second's
    get a suffix with its code (':en': a label names one place)."""
    first, second = languages
    return typst_values.call(f"parallel-{part}", {**view(part, corpus, first, argument), "lang": first},
                             _relabelled({**view(part, corpus, second, argument), "lang": second}, f":{second}"))


def _relabelled(item, suffix: str):
    if isinstance(item, dict):
        return {k: (v + suffix if k == "label" else _relabelled(v, suffix)) for k, v in item.items()}
    if isinstance(item, list):
        return [_relabelled(v, suffix) for v in item]
    return item
