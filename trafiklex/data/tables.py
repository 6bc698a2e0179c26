"""The kinds of table a document may carry, in files of its own folder (data/documents/<document>/).

Every document may have any of them: an action plan (sections → objectives → activities), the
commitments of the parties to an agreement, a table of Criminal Code penalties, a strategic
framework (areas → aims → objectives), definitions, glossaries of abbreviations, a screening
questionnaire; and, beside its tables, its editorial notes, the duties its running text assigns
(assignments), its topics and its status (what public sources say became of it). Each kind says which file holds it, which schema checks it, which
macro shows it on the document's page, and how its items are clauses: their ids, their kinds, the
clause each stands in, and their printed order in a language. Nothing here names a document.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterator

FOLDER = "documents"  # under data/: one folder per document


@dataclass(frozen=True)
class Item:
    """One clause of a data table: its id, its data, where it is in the file, its kind, the data
    clause it stands in (None: where its table stands on the page), and its heading level when the
    page shows it as a heading."""
    id: str
    data: dict
    path: tuple
    kind: str
    parent: str | None = None
    heading: int | None = None
    number: str | None = None


# --- the walks: every item of a table, in printed order (a language's, where the order differs) ---

def _activities(table: dict, lang: str | None) -> Iterator[Item]:
    for s, section in enumerate(table["sections"]):
        yield Item(section["id"], section, ("sections", s), "section", None, 2, section["num"])
        for o, objective in enumerate(section.get("objectives", [])):
            yield Item(objective["id"], objective, ("sections", s, "objectives", o), "objective", section["id"])
            for a, activity in enumerate(objective["activities"]):
                yield Item(activity["id"], activity, ("sections", s, "objectives", o, "activities", a), "activity", objective["id"])
        for a, activity in enumerate(section.get("activities", [])):
            yield Item(activity["id"], activity, ("sections", s, "activities", a), "activity", section["id"])


def _penalties(table: dict, lang: str | None) -> Iterator[Item]:
    for a, article in enumerate(table["articles"]):
        yield Item(article["id"], article, ("articles", a), "code_article", None, None, article["article"])
        for r, row in enumerate(article["rows"]):
            yield Item(row["id"], row, ("articles", a, "rows", r), "penalty_row", article["id"])


def _commitments(table: dict, lang: str | None) -> Iterator[Item]:
    for p, party in enumerate(table["parties"]):
        yield Item(party["id"], party, ("parties", p), "party", None, 3, party["letter"])
        for c, commitment in enumerate(party["commitments"]):
            yield Item(commitment["id"], commitment, ("parties", p, "commitments", c), "commitment", party["id"],
                       None, str(commitment["num"]))


def _framework(table: dict, lang: str | None) -> Iterator[Item]:
    for a, area in enumerate(table["areas"]):
        yield Item(area["id"], area, ("areas", a), "area", None, 3, area["num"])
        for b, aim in enumerate(area["aims"]):
            yield Item(aim["id"], aim, ("areas", a, "aims", b), "aim", area["id"], None, str(aim["num"]))
            for o, objective in enumerate(aim["objectives"]):
                yield Item(objective["id"], objective, ("areas", a, "aims", b, "objectives", o), "objective", aim["id"])


def _definitions(table: dict, lang: str | None) -> Iterator[Item]:
    """The definitions, then the footnotes the printed text puts under them (each a clause:
    `<definition id>__footnote`), in the languages that print one."""
    for d, definition in enumerate(table["definitions"]):
        yield Item(definition["id"], definition, ("definitions", d), "definition", None, None, definition.get("label"))
    for d, definition in enumerate(table["definitions"]):
        footnote = definition.get("footnote", {})
        if footnote and (lang is None or lang in footnote):
            yield Item(f"{definition['id']}__footnote", definition, ("definitions", d, "footnote"), "footnote", definition["id"])


def glossary_entry_id(glossary: dict, entry: dict) -> str:
    return f"{glossary['anchor']}__{entry['institution']}"


def _glossaries(table: dict, lang: str | None) -> Iterator[Item]:
    """A glossary's entries: each language's list as printed (the lists differ); every language's,
    the authoritative first, when no language is asked for."""
    for g, glossary in enumerate(table["glossaries"]):
        seen = set()
        for each, entries in glossary["entries"].items():
            if lang is not None and each != lang:
                continue
            for e, entry in enumerate(entries):
                entry_id = glossary_entry_id(glossary, entry)
                if entry_id in seen:
                    continue
                seen.add(entry_id)
                yield Item(entry_id, entry, ("glossaries", g, "entries", each, e), "glossary_entry", None, None, entry["abbr"])


def _questionnaire(table: dict, lang: str | None) -> Iterator[Item]:
    """The parts, each with its questions (each followed by the routing that follows it), then the
    determination with its rules and situations."""
    questions = list(enumerate(table["questions"]))
    routing = list(enumerate(table.get("routing", [])))
    placed = set()
    for p, part in enumerate(table["parts"]):
        yield Item(part["id"], part, ("parts", p), "questionnaire_part", None, 3, part["letter"])
        for q, question in questions:
            if question["part"] != part["letter"]:
                continue
            placed.add(q)
            yield Item(question["id"], question, ("questions", q), "question", part["id"], None, str(question["num"]))
            for r, rule in routing:
                if rule["after"] == question["id"]:
                    yield Item(rule["id"], rule, ("routing", r), "routing", part["id"])
    if lang is None:  # (for the checks: every item, even one whose part or question is unknown)
        for q, question in questions:
            if q not in placed:
                yield Item(question["id"], question, ("questions", q), "question")
        for r, rule in routing:
            if rule["after"] not in {question["id"] for _, question in questions}:
                yield Item(rule["id"], rule, ("routing", r), "routing")
    determination = table.get("determination")
    if determination:
        yield Item(determination["id"], determination, ("determination",), "determination", None, 3,
                   determination.get("letter"))
        for rule in ("adult", "child"):
            if rule in determination:
                yield Item(determination[rule]["id"], determination[rule], ("determination", rule), "determination_rule",
                           determination["id"])
        for s, situation in enumerate(determination.get("child", {}).get("situations", [])):
            yield Item(situation["id"], situation, ("determination", "child", "situations", s), "situation",
                       determination["child"]["id"], None, str(situation["num"]))


@dataclass(frozen=True)
class Kind:
    """A kind of file a document's folder may hold."""
    name: str                     # the file's name without .yml; its macro's name where it is shown
    schema: str                   # schemas/<schema>.schema.json
    walk: Callable[[dict, str | None], Iterator[Item]] | None = None  # its clauses (None: it has none)
    macro: str | None = None      # the page macro that shows it ({{ activities() }})
    argument: str | None = None   # what the macro's argument names within the table (a glossary's id)
    description: str = ""

    @property
    def file(self) -> str:
        return f"{self.name}.yml"

    def items(self, table: dict, lang: str | None = None) -> list[Item]:
        return list(self.walk(table, lang)) if self.walk else []


KINDS: dict[str, Kind] = {kind.name: kind for kind in (
    Kind("activities", "activities", _activities, "activities", description="an action plan: sections, objectives, activities"),
    Kind("commitments", "commitments", _commitments, "commitments", description="the commitments of the parties to an agreement"),
    Kind("penalties", "penalties", _penalties, "penalties", description="a table of Criminal Code penalties"),
    Kind("strategic_framework", "strategic_framework", _framework, "strategic_framework",
         description="a strategic framework: areas, aims, objectives"),
    Kind("definitions", "definitions", _definitions, "definitions", description="definitions"),
    Kind("glossaries", "glossaries", _glossaries, "glossary", "glossary", description="glossaries of abbreviations"),
    Kind("questionnaire", "questionnaire", _questionnaire, "screening", description="a screening questionnaire"),
    Kind("notes", "notes", description="editorial notes"),
    Kind("assignments", "assignments", description="duties the running text assigns to named bodies"),
    Kind("acronyms", "acronyms", description="acronyms and spellings of bodies that mean another body in this document"),
    Kind("topics", "document_topics", description="the topics of the document's clauses"),
    Kind("status", "status", description="what public sources say became of the document"),
)}
TABLES = {name: kind for name, kind in KINDS.items() if kind.walk}  # the kinds whose items are clauses
BY_MACRO = {kind.macro: kind for kind in TABLES.values()}


def kind_of_file(name: str) -> Kind | None:
    return next((kind for kind in KINDS.values() if kind.file == name), None)
