"""The structured parts that print differently from the site — the action plan's activity tables,
the Criminal Code penalties table, the glossaries of abbreviations and the Annex 1 questionnaire —
read from the edition model for one language: the clauses of the document's text (each with the
data item it was rendered from, its editorial notes and whether this language prints it), in their
printed order. Each function returns plain values (dicts, lists, strings) that the Typst templates
lay out (templates/parts.typ); `call()` writes the call.

Every clause keeps its id as a Typst label ("<document>:<clause id>"); the texts are the data's,
as printed; the words around them (editorial notes, "printed only in…") are the site's.
"""
from __future__ import annotations

from trafiklex.data.corpus import Corpus
from trafiklex.model.clauses import Clause
from trafiklex.model.edition import edition_of
from trafiklex.queries import status
from trafiklex.views.status import effect_text
from trafiklex.views.render_obligations import directory_rows
from trafiklex.pdf import typst_values
from trafiklex.pdf.typst_values import label


def words(corpus: Corpus, lang: str, key: str):
    """The interface words of the site's labels (the catalog's `labels` section)."""
    return corpus.words(lang, f"labels.{key}")


class Text:
    """The clauses of one of a document's tables in one language, by kind and by the clause they belong
    to (`table`: the kind of table, trafiklex.data.tables; `argument`: which one, a glossary's id)."""

    def __init__(self, corpus: Corpus, document: str, lang: str, table: str, argument: str | None = None):
        self.corpus, self.document, self.lang = corpus, document, lang
        self.clauses = [c for part in edition_of(corpus).text(document, lang).parts()
                        if part.kind == table and (argument is None or part.argument == argument) for c in part.clauses]

    def of_kind(self, kind: str, parent: str | None = None) -> list[Clause]:
        return [c for c in self.clauses if c.kind == kind and (parent is None or c.parent == parent)]

    def notes(self, clause: Clause) -> list[dict]:
        """Its editorial notes, and what public sources say became of it since (trafiklex.views.status)."""
        return [{"label": label(self.document, f"note-{note}"), "title": words(self.corpus, self.lang, "editorial_note"),
                 "text": self.corpus.notes[note]["text"][self.lang]} for note in clause.notes] + \
            [{"label": label(self.document, f"effect-{self.document}-{effect.index + 1}"),
              "title": self.corpus.words(self.lang, "status.of_clause"), "text": effect_text(self.corpus, effect, self.lang)}
             for effect in status.effects_at(self.corpus, self.document, clause.id)]

    def gap(self, clause: Clause) -> str | None:
        """Where this language does not print a clause: the sentence saying which language does."""
        if not clause.gap:
            return None
        return words(self.corpus, self.lang, "only_in").format(
            text=words(self.corpus, self.lang, "text_of")[clause.printed_in[0]])

    def label(self, clause: Clause) -> str:
        return label(self.document, clause.id)


# --- an action plan ------------------------------------------------------------------------------

def activities(corpus: Corpus, document: str, lang: str) -> dict:
    plan = corpus.table(document, "activities")
    text = Text(corpus, document, lang, "activities")
    sections = []
    for section in text.of_kind("section"):
        objectives = text.of_kind("objective", section.id)
        groups = [(o, text.of_kind("activity", o.id)) for o in objectives] or [(None, text.of_kind("activity", section.id))]
        sections.append({
            "label": text.label(section),
            "title": f"{section.data['num']}. {section.data['title'][lang]}",
            "notes": text.notes(section),
            "groups": [{
                "objective": None if objective is None else {
                    "label": text.label(objective), "text": objective.data["text"][lang], "notes": text.notes(objective)},
                "rows": [_activity(text, activity) for activity in items],
            } for objective, items in groups],
        })
    columns = plan["columns"][lang]
    return {"columns": [columns[c] for c in ("activity", "responsible", "deadline")], "sections": sections}


def _activity(text: Text, activity: Clause) -> dict:
    row = {"label": text.label(activity), "gap": text.gap(activity), "notes": text.notes(activity)}
    if not activity.gap:
        data, lang = activity.data, text.lang
        partners = data.get("partners", {}).get(lang)
        row.update(text=data["text"][lang], responsible=data["responsible"][lang]["printed"],
                   partners=partners["printed"] if partners else None, deadline=data.get("deadline", {}).get(lang, ""))
    return row


# --- a table of Criminal Code penalties ----------------------------------------------------------

def penalties(corpus: Corpus, document: str, lang: str) -> dict:
    table = corpus.table(document, "penalties")
    text = Text(corpus, document, lang, "penalties")
    articles, notes = [], []
    for article in text.of_kind("code_article"):
        rows = []
        notes += text.notes(article)
        for row in text.of_kind("penalty_row", article.id):
            item = {"label": text.label(row), "gap": text.gap(row)}
            if not row.gap:
                item.update(offence=row.data["offence"][lang], sanction=row.data["sanction"][lang]["printed"])
            rows.append(item)
            notes += text.notes(row)
        articles.append({"label": text.label(article), "article": article.data["article"], "rows": rows})
    columns = table["columns"][lang]
    return {"columns": [columns[c] for c in ("article", "offence", "sanction")], "articles": articles, "notes": notes}


# --- Glossaries of abbreviations ---------------------------------------------------------------------

def glossary(corpus: Corpus, document: str, glossary_id: str, lang: str) -> dict:
    data = corpus.glossary(document, glossary_id)
    text = Text(corpus, document, lang, "glossaries", glossary_id)
    entries = [{"label": text.label(entry), "abbr": entry.data[lang]["abbr"], "expansion": entry.data[lang]["expansion"],
                "notes": text.notes(entry)} for entry in text.of_kind("glossary_entry", data["anchor"])]
    return {"columns": [words(corpus, lang, "abbreviation"), words(corpus, lang, "meaning")], "entries": entries}


# --- a screening questionnaire --------------------------------------------------------------------

def screening(corpus: Corpus, document: str, lang: str) -> dict:
    text = Text(corpus, document, lang, "questionnaire")
    routings = text.of_kind("routing")
    parts = []
    for part in text.of_kind("questionnaire_part"):
        questions = []
        for question in text.of_kind("question", part.id):
            item = question.data
            questions.append({
                "label": text.label(question), "num": str(item["num"]), "text": item["text"][lang],
                "options": [o["label"][lang] for o in item.get("options", [])],
                "other": item["other"][lang] if item.get("other") else None,
                "line": item["answer"] == "text" and not item.get("other"),
                "hint": item["hint"][lang] if item.get("hint") else None,
                "notes": text.notes(question),
                "routing": [{"label": text.label(r), "text": r.data["text"][lang], "notes": text.notes(r)}
                            for r in routings if r.data["after"] == question.id],
            })
        parts.append({"label": text.label(part), "title": f"{part.data['letter']}. {part.data['title'][lang]}",
                      "notes": text.notes(part), "questions": questions})
    det, = text.of_kind("determination")
    rules = text.of_kind("determination_rule", det.id)
    determination = {
        "label": text.label(det), "title": det.data["title"][lang], "notes": text.notes(det),
        "rules": [{"label": text.label(rule), "text": rule.data["text"][lang], "notes": text.notes(rule)} for rule in rules],
        "situations": [{"label": text.label(s), "num": str(s.data["num"]),
                        "title": s.data["title"][lang] if "title" in s.data else None, "paragraphs": s.data["text"][lang],
                        "notes": text.notes(s)} for rule in rules for s in text.of_kind("situation", rule.id)],
    }
    return {"parts": parts, "determination": determination, "tick": words(corpus, lang, "tick")}


# --- Appendix: the institutions and how many obligations each has ------------------------------------

def institutions(corpus: Corpus, document: str | None, lang: str) -> dict:
    """The site's directory of institutions (render_obligations.directory_rows), for print."""
    rows = [{"label": f"institution:{row['id']}", "name": row["name"], "acronyms": " / ".join(text for _, text in row["acronyms"]),
             "kind": row["kind"], "total": str(row["total"])} for row in directory_rows(corpus, lang)]
    return {"columns": [words(corpus, lang, key) for key in ("institution", "acronyms", "kind", "obligations")], "rows": rows}


# --- the Typst calls -------------------------------------------------------------------------------

PARTS = {"activities": activities, "penalties": penalties, "screening": screening, "institutions": institutions}


def view(part: str, corpus: Corpus, document: str | None, lang: str, argument: str | None = None) -> dict:
    if part == "glossary":
        return glossary(corpus, document, argument, lang)
    return PARTS[part](corpus, document, lang)


def call(part: str, corpus: Corpus, document: str | None, lang: str, argument: str | None = None) -> str:
    """The Typst that prints a part of a document in one language: `#print-activities((…))`."""
    return typst_values.call(f"print-{part}", view(part, corpus, document, lang, argument))


def parallel_call(part: str, corpus: Corpus, document: str | None, languages: tuple[str, str], argument: str | None = None) -> str:
    """The Typst that prints a part in two languages side by side: `#parallel-activities((…), (…))`,
    each view with its language (`lang`). The clause labels are the first language's; the second's
    get a suffix with its code (':en': a label names one place)."""
    first, second = languages
    return typst_values.call(f"parallel-{part}", {**view(part, corpus, document, first, argument), "lang": first},
                             _relabelled({**view(part, corpus, document, second, argument), "lang": second}, f":{second}"))


def _relabelled(item, suffix: str):
    if isinstance(item, dict):
        return {k: (v + suffix if k == "label" else _relabelled(v, suffix)) for k, v in item.items()}
    if isinstance(item, list):
        return [_relabelled(v, suffix) for v in item]
    return item
