"""The clauses of a document's data tables, in one language, made from the data (not from a page).

Each item of a table (trafiklex.data.tables) is a clause: its id and kind, the text it prints in this
language (its cells read in the order the printed table gives them), a plain HTML form of that text
(escaped, one paragraph per cell; a heading for the items a page shows as headings) for the tools
that compare or show clauses side by side, and the data item itself for the views that lay the table
out. An item that this language does not print (`only_in` another) is a placeholder (`gap`).
"""
from __future__ import annotations

from html import escape

from trafiklex.data import tables
from trafiklex.model.clauses import Clause


def _present(item: tables.Item, lang: str) -> bool:
    if item.kind == "glossary_entry":
        return True  # (each language's list holds only the entries it prints)
    return item.data.get("only_in", lang) == lang


def _printed(cell: dict | None, lang: str) -> str:
    """A printed cell of bodies (`{printed, bodies}` per language), as printed."""
    value = (cell or {}).get(lang)
    return value["printed"] if value else ""


def cells(table_kind: str, item: tables.Item, lang: str, words, article: str | None = None) -> list[str]:
    """The texts an item prints in `lang`, in printed order (`words`: the language's interface words,
    for the labels the printed text puts before an aim or an objective of a strategic framework;
    `article`: the number a penalty row's article prints in its first row)."""
    data, kind = item.data, item.kind
    if kind == "glossary_entry":
        return [data["abbr"], data["expansion"]]
    if kind in ("section", "area"):
        return [f"{data['num']}. {data['title'][lang]}"]
    if kind in ("party", "questionnaire_part"):
        return [f"{data['letter']}. {(data.get('heading') or data.get('title'))[lang]}"]
    if kind == "determination":
        return [data["title"][lang]]
    if kind == "code_article":
        return []  # (its number is printed in its first row)
    if kind == "penalty_row":
        return ([article] if article else []) + [data["offence"][lang], data["sanction"][lang]["printed"]]
    if kind == "activity":
        return [data["text"][lang], _printed(data.get("responsible"), lang), _printed(data.get("partners"), lang),
                data.get("deadline", {}).get(lang, "")]
    if kind == "objective" and table_kind == "strategic_framework":
        name = words("labels.objective") + (f" ({data['letter']})" if "letter" in data else "")
        return [f"{name}: {data['text'][lang]}"]
    if kind == "aim":
        return [f"{words('labels.aim')} {data['num']}: {data['text'][lang]}"]
    if kind == "commitment":
        return [f"{data['num']}) {data['text'][lang]}"]
    if kind == "definition":
        label = f"{data['label']}) " if data.get("label") else ""
        return [label + data["text"][lang]]
    if kind == "question":
        return ([f"{data['num']}. {data['text'][lang]}"] + [o["label"][lang] for o in data.get("options") or []]
                + [data[key][lang] for key in ("other", "hint") if data.get(key)])
    if kind == "situation":
        title = f" {data['title'][lang]}" if data.get("title") else ""
        paragraphs = data["text"][lang]
        return [f"{data['num']}.{title} {paragraphs[0]}", *paragraphs[1:]]
    if kind == "footnote":
        return [data["footnote"][lang]]
    if kind == "routing":
        return [" ".join(data["text"][lang].split("\n"))]
    return [data["text"][lang]]  # an objective of an action plan, a rule of a determination


def clauses(corpus, document: str, table_kind: str, argument: str | None, lang: str) -> list[Clause]:
    """The clauses of the document's table of `table_kind` (a glossary: the one named `argument`), in
    the printed order of `lang`."""
    kind = tables.TABLES[table_kind]
    table = corpus.table(document, table_kind)
    if kind.argument:  # (a table of several: the one the page names)
        table = {**table, kind.name: [t for t in table[kind.name] if t["id"] == argument]}
    words = lambda key: corpus.words(lang, key)  # noqa: E731
    out, articles = [], {}
    for item in kind.items(table, lang):
        present = _present(item, lang)
        if item.kind == "code_article":
            articles[item.id] = item.number
        article = articles.pop(item.parent, None) if item.kind == "penalty_row" else None  # (its first row prints it)
        texts = [t for t in cells(table_kind, item, lang, words, article) if t] if present else []
        if item.heading and present:
            html = f"<h{item.heading}>{escape(texts[0], quote=False)}</h{item.heading}>"
        else:
            html = "".join(f"<p>{escape(t, quote=False)}</p>" for t in texts)
        out.append(Clause(id=item.id, document=document, lang=lang, kind=item.kind, html=html,
                          text=" ".join(" ".join(texts).split()), tag=f"h{item.heading}" if item.heading else "div",
                          gap=not present, data=item.data if item.kind != "glossary_entry" else {lang: item.data},
                          number=None))
    return out
