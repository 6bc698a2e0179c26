"""The corpus: every data file loaded, checked against its schema and cross-checked.

`load()` either returns a Corpus whose data can be trusted, or raises DataError listing every
problem with its file, line, field and what was expected.
"""
from __future__ import annotations

import datetime
import os
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import regex

from trafiklex.core import deadlines, identifiers, references
from trafiklex.data import inputs, pagefiles, schemas, yamlio
from trafiklex.core.errors import DataError, Problem
from trafiklex.data.institutions import Directory, UnresolvedName
from trafiklex.data.catalog import Catalog
from trafiklex.core.ids import ClauseId
from trafiklex.core.languages import Languages

ROOT = Path(__file__).resolve().parents[2]

# data file (under data/) → schema name (under schemas/)
DATA_FILES = {
    "languages.yml": "languages",
    "documents.yml": "documents",
    "institutions.yml": "institutions",
    "activities.yml": "activities",
    "penalties.yml": "penalties",
    "nrm_commitments.yml": "nrm_commitments",
    "strategic_framework.yml": "strategic_framework",
    "definitions.yml": "definitions",
    "glossaries.yml": "glossaries",
    "screening.yml": "screening",
    "assignments.yml": "assignments",
    "edition.yml": "edition",
    "topics.yml": "topics",
    "terms.yml": "terms",
}
NOTES_DIR = "notes"


@dataclass
class Corpus:
    root: Path
    files: dict[str, yamlio.Located]  # by file name relative to data/
    notes: dict[str, dict] = field(default_factory=dict)  # note id → note (with its document)
    catalog: Catalog | None = None  # the interface words of every language (locales/)
    _memo: dict = field(default_factory=dict, repr=False)  # results derived from the data, computed once

    def memo(self, key, compute):
        """A result derived from the (unchanging) data, computed on first use."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    # --- the data, by part -------------------------------------------------------------------------
    def data(self, name: str) -> dict:
        return self.files[name].data

    @cached_property
    def languages(self) -> Languages:
        return Languages.from_data(self.data("languages.yml"))

    def words(self, lang: str, key: str):
        """Interface words of `lang` (locales/<lang>.yml), by dotted key."""
        return self.catalog.word(lang, key)

    @property
    def documents(self) -> list[dict]:
        return self.data("documents.yml")["documents"]

    def document(self, document_id: str) -> dict:
        return next(d for d in self.documents if d["id"] == document_id)

    def reference_rules(self, document_id: str, lang: str) -> list:
        """How the document's text in `lang` refers to its own clauses and to other documents
        (trafiklex.core.references; declared in data/documents.yml)."""
        rules = self.memo("reference-rules", lambda: {d["id"]: references.rules_of(d, n) for n, d in enumerate(self.documents)})
        return rules.get(document_id, {}).get(lang, [])

    def find_references(self, text: str, document_id: str, lang: str) -> list:
        """The internal references in a text of the document in `lang`."""
        return list(references.find(self.reference_rules(document_id, lang), text))

    @cached_property
    def institutions(self) -> Directory:
        return Directory(self.data("institutions.yml")["institutions"], self.languages)

    @property
    def action_plan(self) -> dict:
        return self.data("activities.yml")

    @property
    def penalties(self) -> dict:
        return self.data("penalties.yml")

    @property
    def commitments(self) -> dict:
        return self.data("nrm_commitments.yml")

    @property
    def framework(self) -> dict:
        return self.data("strategic_framework.yml")

    @property
    def definitions(self) -> list[dict]:
        return self.data("definitions.yml")["definitions"]

    @property
    def glossaries(self) -> list[dict]:
        return self.data("glossaries.yml")["glossaries"]

    def glossary(self, glossary_id: str) -> dict:
        return next(g for g in self.glossaries if g["id"] == glossary_id)

    @property
    def screening(self) -> dict:
        return self.data("screening.yml")

    # --- queries -------------------------------------------------------------------------------------
    def activities(self):
        """Every activity of the action plan: (section, objective or None, activity), in printed order."""
        for section in self.action_plan["sections"]:
            for objective in section.get("objectives", []):
                for activity in objective["activities"]:
                    yield section, objective, activity
            for activity in section.get("activities", []):
                yield section, None, activity

    def notes_for(self, document_id: str) -> list[dict]:
        return [n for n in self.notes.values() if n["document"] == document_id]

    def notes_at(self, anchor: str, document_id: str) -> list[dict]:
        return [n for n in self.notes_for(document_id) if n["anchor"] == anchor]

    def data_clauses(self) -> dict[str, list[tuple[str, dict, tuple, str]]]:
        """Clause ids defined in the data files, per document: (id, item, path, file)."""
        found: dict[str, list] = {}

        def add(document, item, path, file):
            found.setdefault(document, []).append((item["id"], item, path, file))

        plan = self.action_plan
        for s, section in enumerate(plan["sections"]):
            add(plan["document"], section, ("sections", s), "activities.yml")
            for o, objective in enumerate(section.get("objectives", [])):
                add(plan["document"], objective, ("sections", s, "objectives", o), "activities.yml")
                for a, activity in enumerate(objective["activities"]):
                    add(plan["document"], activity, ("sections", s, "objectives", o, "activities", a), "activities.yml")
            for a, activity in enumerate(section.get("activities", [])):
                add(plan["document"], activity, ("sections", s, "activities", a), "activities.yml")
        pen = self.penalties
        for a, article in enumerate(pen["articles"]):
            add(pen["document"], article, ("articles", a), "penalties.yml")
            for r, row in enumerate(article["rows"]):
                add(pen["document"], row, ("articles", a, "rows", r), "penalties.yml")
        com = self.commitments
        for p, party in enumerate(com["parties"]):
            add(com["document"], party, ("parties", p), "nrm_commitments.yml")
            for c, commitment in enumerate(party["commitments"]):
                add(com["document"], commitment, ("parties", p, "commitments", c), "nrm_commitments.yml")
        fw = self.framework
        for a, area in enumerate(fw["areas"]):
            add(fw["document"], area, ("areas", a), "strategic_framework.yml")
            for b, aim in enumerate(area["aims"]):
                add(fw["document"], aim, ("areas", a, "aims", b), "strategic_framework.yml")
                for o, objective in enumerate(aim["objectives"]):
                    add(fw["document"], objective, ("areas", a, "aims", b, "objectives", o), "strategic_framework.yml")
        for d, definition in enumerate(self.definitions):
            add(definition["document"], definition, ("definitions", d), "definitions.yml")
        scr = self.screening
        for p, part in enumerate(scr["parts"]):
            add(scr["document"], part, ("parts", p), "screening.yml")
        for q, question in enumerate(scr["questions"]):
            add(scr["document"], question, ("questions", q), "screening.yml")
        for r, routing in enumerate(scr["routing"]):
            add(scr["document"], routing, ("routing", r), "screening.yml")
        det = scr["determination"]
        add(scr["document"], det, ("determination",), "screening.yml")
        for rule in ("adult", "child"):
            add(scr["document"], det[rule], ("determination", rule), "screening.yml")
        for s, situation in enumerate(det["child"]["situations"]):
            add(scr["document"], situation, ("determination", "child", "situations", s), "screening.yml")
        return found

    def glossary_entry_ids(self, glossary: dict, lang: str) -> list[str]:
        return [f"{glossary['anchor']}__{entry['institution']}" for entry in glossary["entries"].get(lang, [])]

    def declared_only_in(self, document_id: str, lang: str, other: str) -> set[str]:
        """Clause ids that the data says `lang` prints and `other` does not: prose (documents.yml) and
        glossary entries."""
        ids = set(self.document(document_id).get("only_in", {}).get(lang, []))
        for glossary in self.glossaries:
            if glossary["document"] == document_id:
                ids |= set(self.glossary_entry_ids(glossary, lang)) - set(self.glossary_entry_ids(glossary, other))
        return ids


def load(root: Path = ROOT) -> Corpus:
    # first what is on disk: links and special files refused before anything is read; then the pages
    # (the cross-checks read them), each readable and within its limits
    inputs.check_tree(root)
    pagefiles.check_pages(root)
    data_dir = root / "data"
    files, problems = {}, []
    for name, schema in DATA_FILES.items():
        path = data_dir / name
        if not os.path.lexists(path):
            problems.append(Problem(f"data/{name}", "the data file is missing", expected=f"a file checked by schemas/{schema}.schema.json"))
            continue
        try:
            located = yamlio.load(path, root)
        except DataError as error:
            problems.extend(error.problems)
            continue
        files[name] = located
        problems.extend(schemas.check(located, schema))
        problems.extend(_schema_hint(located, f"../schemas/{schema}.schema.json"))
    notes_files = sorted((data_dir / NOTES_DIR).glob("*.yml")) if (data_dir / NOTES_DIR).is_dir() else []
    for path in notes_files:
        try:
            located = yamlio.load(path, root)
        except DataError as error:
            problems.extend(error.problems)
            continue
        files[f"{NOTES_DIR}/{path.name}"] = located
        problems.extend(schemas.check(located, "notes"))
        problems.extend(_schema_hint(located, "../../schemas/notes.schema.json"))
    if problems:
        raise DataError(problems)
    corpus = Corpus(root=root, files=files)
    problems = _check_language_list(corpus)
    if problems:
        raise DataError(problems)
    corpus.catalog = Catalog.load(root, corpus.languages.codes, corpus.languages.authoritative)
    problems = cross_check(corpus)
    if problems:
        raise DataError(problems)
    return corpus


def _check_language_list(corpus: Corpus) -> list[Problem]:
    items = corpus.data("languages.yml")["languages"]
    located = corpus.files["languages.yml"]
    problems = []
    if sum(1 for item in items if item.get("authoritative")) != 1:
        problems.append(Problem(located.file, "not exactly one language is authoritative", line=located.line(("languages",)),
                                field="languages", expected="authoritative: true on one language"))
    codes = [item["code"] for item in items]
    for i, code in enumerate(codes):
        if codes.index(code) != i:
            problems.append(Problem(located.file, f"the language '{code}' is listed twice", line=located.line(("languages", i)),
                                    field=f"languages.{i}.code", expected="each language once"))
    alpha3 = [item["alpha3"] for item in items]
    for i, code in enumerate(alpha3):
        if alpha3.index(code) != i:
            problems.append(Problem(located.file, f"two languages have the code '{code}'", line=located.line(("languages", i, "alpha3")),
                                    field=f"languages.{i}.alpha3", expected="each language's own ISO 639-2/T code "
                                    "(qaa–qtz for a language the standard has no code for)"))
    return problems


def _schema_hint(located: yamlio.Located, schema: str) -> list[Problem]:
    """Data files start with the hint that lets editors (yaml-language-server) check them as they type."""
    hint = f"# yaml-language-server: $schema={schema}"
    if located.first_line != hint:
        return [Problem(located.file, "the first line is not the schema hint for editors", line=1, expected=hint)]
    return []


# --- cross-checks: what a schema cannot say ---------------------------------------------------------

def cross_check(corpus: Corpus) -> list[Problem]:
    problems: list[Problem] = []

    def report(file: str, path: tuple, message: str, expected: str | None = None):
        located = corpus.files[file]
        problems.append(Problem(located.file, message, line=located.line(path),
                                field=".".join(map(str, path)), expected=expected))

    _check_documents(corpus, report)
    _check_institutions(corpus, report)
    directory = corpus.institutions
    document_ids = {d["id"] for d in corpus.documents}

    # clause ids: unique per document; both languages present unless only_in
    for document, clauses in corpus.data_clauses().items():
        if document not in document_ids:
            continue
        seen: dict[str, tuple] = {}
        for clause_id, item, path, file in clauses:
            if clause_id in seen:
                other_file, other_path = seen[clause_id]
                other_line = corpus.files[other_file].line(other_path)
                report(file, path + ("id",), f"duplicate clause id '{clause_id}' in document {document} "
                       f"(also at data/{other_file}:{other_line})", "each clause id once per document")
            seen[clause_id] = (file, path)
            if not ClauseId.is_valid(clause_id):  # it would be no clause: no anchor, no eId, no citation
                report(file, path + ("id",), f"'{clause_id}' is not a clause id (an Akoma Ntoso eId)",
                       "levels of letters, digits and '-', each an element name and its number (sec_1, act_2) or a "
                       "number, joined by '__': sec_1__obj_1__act_1")
            _check_languages(item, path, file, report, item.get("only_in"), corpus.languages.codes)

    # bodies named in the data exist, and printed cells resolve to them
    plan_file = "activities.yml"
    for s, section in enumerate(corpus.action_plan["sections"]):
        groups = [(("sections", s, "objectives", o), obj["activities"]) for o, obj in enumerate(section.get("objectives", []))]
        groups.append((("sections", s), section.get("activities", [])))
        for base, activities in groups:
            for a, activity in enumerate(activities):
                path = base + ("activities", a)
                for cell in ("responsible", "partners"):
                    for lang, value in activity.get(cell, {}).items():
                        where = path + (cell, lang)
                        _check_bodies(directory, value["bodies"], where + ("bodies",), plan_file, report)
                        try:
                            resolved = directory.resolve(value["printed"], lang)
                        except UnresolvedName as unknown:
                            report(plan_file, where + ("printed",), f"'{unknown}' in the printed cell names no known body",
                                   "an acronym, name or variant listed in data/institutions.yml")
                            continue
                        if resolved != value["bodies"]:
                            report(plan_file, where + ("bodies",),
                                   f"bodies {value['bodies']} do not match the printed cell {value['printed']!r}",
                                   f"{resolved} (the bodies the printed text names, in order)")
                _check_deadline(activity, path, plan_file, report, None, corpus.languages.authoritative)
    nrm_date = corpus.document(corpus.commitments["document"]).get("date")
    for p, party in enumerate(corpus.commitments["parties"]):
        _check_bodies(directory, party["bodies"], ("parties", p, "bodies"), "nrm_commitments.yml", report)
        for c, commitment in enumerate(party["commitments"]):
            path = ("parties", p, "commitments", c)
            for role in ("bodies", "partners"):
                _check_bodies(directory, commitment.get(role, []), path + (role,), "nrm_commitments.yml", report)
            if "deadline" in commitment:
                _check_deadline(commitment, path, "nrm_commitments.yml", report, nrm_date, corpus.languages.authoritative)
                for lang, words in commitment["deadline"].items():
                    if words not in commitment["text"].get(lang, ""):
                        report("nrm_commitments.yml", path + ("deadline", lang), f"{words!r} is not in the {lang} text",
                               "the words of the text that set the time limit, exactly as printed")
    for a, assignment in enumerate(corpus.data("assignments.yml")["assignments"]):
        path = ("assignments", a)
        for lang, bodies in assignment["bodies"].items():
            _check_bodies(directory, bodies, path + ("bodies", lang), "assignments.yml", report)
        if assignment["document"] not in document_ids:
            continue
        if "deadline" in assignment:
            _check_deadline(assignment, path, "assignments.yml", report, corpus.document(assignment["document"]).get("date"),
                            corpus.languages.authoritative)
    for g, glossary in enumerate(corpus.glossaries):
        for lang in corpus.languages:
            if lang not in glossary["entries"]:
                report("glossaries.yml", ("glossaries", g, "entries"), f"the glossary '{glossary['id']}' has no '{lang}' list",
                       "the entries as printed in each language of the edition")
            for e, entry in enumerate(glossary["entries"].get(lang, [])):
                path = ("glossaries", g, "entries", lang, e)
                if entry["institution"] not in directory:
                    report("glossaries.yml", path + ("institution",), f"unknown institution id '{entry['institution']}'",
                           "an id from data/institutions.yml")
                elif directory.lookup(entry["abbr"], lang) != entry["institution"]:
                    report("glossaries.yml", path + ("abbr",),
                           f"'{entry['abbr']}' is not a {lang} acronym of '{entry['institution']}' in data/institutions.yml",
                           f"an acronym listed for '{entry['institution']}' in that language")
    _check_penalties(corpus, report)
    _check_screening(corpus, report)
    _check_notes(corpus, report, document_ids)
    from trafiklex.queries.topics import check_data as check_topics  # (trafiklex.queries.topics reads the corpus)
    problems.extend(check_topics(corpus))
    from trafiklex.data.terms import check as check_terms  # (the termbase reads the corpus's languages and bodies)
    check_terms(corpus, report)
    return problems


def _check_documents(corpus, report):
    seen = set()
    for d, document in enumerate(corpus.documents):
        if document["id"] in seen:
            report("documents.yml", ("documents", d, "id"), f"duplicate document id '{document['id']}'", "each document once")
        seen.add(document["id"])
        authoritative = corpus.languages.authoritative
        source = corpus.root / "sources" / authoritative / f"{document['source']}.txt"
        if not source.exists():
            report("documents.yml", ("documents", d, "source"),
                   f"no source text sources/{authoritative}/{document['source']}.txt",
                   f"the name of a file in sources/{authoritative}/ (the printed text it is transcribed from)")
        _check_languages(document, ("documents", d), "documents.yml", report, None, corpus.languages.codes)
        if "date" in document and not _is_calendar_date(document["date"]):
            report("documents.yml", ("documents", d, "date"), f"'{document['date']}' is not a date of the calendar",
                   "a real date as YYYY-MM-DD, or a month as YYYY-MM")
    for path, message, expected in identifiers.problems(corpus.documents):
        report("documents.yml", path, message, expected)
    institution_ids = {item["id"] for item in corpus.data("institutions.yml")["institutions"]}
    for d, document in enumerate(corpus.documents):
        body = document.get("passed_by", {}).get("body")
        if body is not None and body not in institution_ids:
            report("documents.yml", ("documents", d, "passed_by", "body"), f"unknown institution '{body}'",
                   "the id of an institution of data/institutions.yml (the body the text says made the document)")
    licences = corpus.data("edition.yml")["licences"]
    for i, licence in enumerate(licences):
        if [item["id"] for item in licences].index(licence["id"]) != i:
            report("edition.yml", ("licences", i, "id"), f"the licence of '{licence['id']}' is given twice",
                   "one licence for the content, one for the code")
    for i, licence in enumerate(licences):
        _check_languages(licence, ("licences", i), "edition.yml", report, None, corpus.languages.codes)
    _check_languages(corpus.data("edition.yml"), (), "edition.yml", report, None, corpus.languages.codes)
    for missing in sorted({"content", "code"} - {item["id"] for item in licences}):
        report("edition.yml", ("licences",), f"no licence for the {missing}", f"an entry with id: {missing}")
    ids = {document["id"] for document in corpus.documents}
    for d, document in enumerate(corpus.documents):
        for key in ("approved_by", "annex_to"):
            if key in document and document[key] not in ids:
                report("documents.yml", ("documents", d, key), f"unknown document '{document[key]}'",
                       "the id of a document of data/documents.yml")
        for lang, rules in document.get("references", {}).items():
            for r, rule in enumerate(rules):
                _check_reference_rule(rule, ("documents", d, "references", lang, r), ids, report)


def _check_reference_rule(rule: dict, path: tuple, documents: set[str], report):
    """A reference rule's expressions compile, and its target names only groups they have."""
    compiled = {}
    for key in ("pattern", "each"):
        if key in rule:
            try:
                compiled[key] = regex.compile(rule[key])
            except regex.error as error:
                report("documents.yml", path + (key,), f"'{rule[key]}' is not a regular expression: {error}",
                       "a Python regular expression")
    if rule.get("document", next(iter(documents))) not in documents:
        report("documents.yml", path + ("document",), f"unknown document '{rule['document']}'",
               "the id of a document of data/documents.yml")
    source = compiled.get("each") or compiled.get("pattern")
    if source is None:
        return
    try:
        rule["target"].format(*(["x"] * (source.groups + 1)))
    except (IndexError, KeyError, ValueError):
        report("documents.yml", path + ("target",), f"the target '{rule['target']}' names a group its expression lacks",
               f"{{0}} (the whole match) or {{1}}…{{{source.groups}}} (the groups of "
               f"{'each' if 'each' in rule else 'pattern'})")


def _is_calendar_date(text: str) -> bool:
    """A real day (2005-02-22) or month (2004-11): the schema checks only the shape."""
    try:
        datetime.date.fromisoformat(text if len(text) == 10 else f"{text}-01")
    except ValueError:
        return False
    return True


def _check_institutions(corpus, report):
    items = corpus.data("institutions.yml")["institutions"]
    ids = [item["id"] for item in items]
    acronyms: dict[tuple, str] = {}
    for i, item in enumerate(items):
        path = ("institutions", i)
        if ids.count(item["id"]) > 1:
            report("institutions.yml", path + ("id",), f"duplicate institution id '{item['id']}'", "each id once")
        if "part_of" in item and item["part_of"] not in ids:
            report("institutions.yml", path + ("part_of",), f"unknown institution id '{item['part_of']}'",
                   "an id from data/institutions.yml")
        for lang in corpus.languages:
            if lang not in item["name"]:
                report("institutions.yml", path + ("name",), f"the name has no '{lang}' translation",
                       "a name in each language of the edition")
            for k, acronym in enumerate(item.get("acronyms", {}).get(lang, [])):
                key = (lang, acronym.casefold())
                if key in acronyms and acronyms[key] != item["id"]:
                    report("institutions.yml", path + ("acronyms", lang, k),
                           f"the {lang} acronym '{acronym}' is also used for '{acronyms[key]}'",
                           "an acronym that names one body per language")
                acronyms[key] = item["id"]


def _check_bodies(directory, bodies, path, file, report):
    for b, body in enumerate(bodies):
        if body not in directory:
            report(file, path + (b,), f"unknown institution id '{body}'", "an id from data/institutions.yml")


def _check_deadline(activity, path, file, report, reference, authoritative):
    """The printed deadlines read as dates, and `due` is what the authoritative text (or else the one
    that prints it) says."""
    printed = activity["deadline"]
    lang = authoritative if authoritative in printed else next(iter(printed))
    for each in printed:
        try:
            parsed = deadlines.parse(printed[each], reference)
        except deadlines.DeadlineError as error:
            report(file, path + ("deadline", each), str(error), deadlines.EXPECTED)
            continue
        if each == lang and parsed != activity["due"]:
            report(file, path + ("due",), f"'due' {activity['due']} does not match the printed deadline {printed[lang]!r}",
                   f"{parsed} (parsed from the {lang} deadline)")


def _check_languages(item, path, file, report, only_in, languages):
    """Every text of an item is in every language of the edition, unless the item is printed in one
    only; and in no other language."""
    wanted = {only_in} if only_in else set(languages)
    for key, value in item.items():
        if key in ("id", "only_in") or not isinstance(value, dict):
            continue
        codes = {k for k in value if re.fullmatch(r"[a-z]{2,3}", k)}
        if codes & set(languages) and set(value) <= codes | {"printed", "bodies"}:
            for lang in sorted(codes - set(languages)):
                report(file, path + (key, lang), f"'{key}' has a text in '{lang}', which is not a language of the edition",
                       f"texts in {', '.join(languages)} (data/languages.yml)")
            have = codes & set(languages)
            for lang in sorted(wanted - have):
                report(file, path + (key,), f"'{key}' has no '{lang}' text",
                       f"a '{lang}' text, or 'only_in: {sorted(have)[0]}' on the item if the source prints it in one language only")
            for lang in sorted(have - wanted):
                report(file, path + (key, lang), f"'{key}' has a '{lang}' text but the item is marked only_in: {only_in}",
                       f"no '{lang}' text, or no only_in")


def _check_penalties(corpus, report):
    for a, article in enumerate(corpus.penalties["articles"]):
        for r, row in enumerate(article["rows"]):
            for lang, sanction in row["sanction"].items():
                path = ("articles", a, "rows", r, "sanction", lang)
                for low, high, what in (("prison_min", "prison_max", "years of imprisonment"), ("fine_min", "fine_max", "fine")):
                    if low in sanction and high in sanction and sanction[low] > sanction[high]:
                        report("penalties.yml", path + (low,), f"the minimum {what} ({sanction[low]}) exceeds the maximum ({sanction[high]})",
                               f"{low} ≤ {high}")


def _check_screening(corpus, report):
    screening = corpus.screening
    parts = {p["letter"] for p in screening["parts"]}
    questions = {q["id"]: q for q in screening["questions"]}
    for q, question in enumerate(screening["questions"]):
        path = ("questions", q)
        if question["part"] not in parts:
            report("screening.yml", path + ("part",), f"unknown part '{question['part']}'", f"one of {sorted(parts)}")
        options = {o["id"] for o in question.get("options", [])} | ({"other"} if "other" in question else set())
        if question["answer"] == "options" and not question.get("options"):
            report("screening.yml", path + ("options",), "a question answered by options lists none", "a list of options")
        for k, answer in enumerate(question["indicative"]["answers"]):
            if answer not in options:
                report("screening.yml", path + ("indicative", "answers", k), f"'{answer}' is not an option of {question['id']}",
                       f"one of {sorted(options)}")
    for r, routing in enumerate(screening["routing"]):
        rule = routing["rule"]
        for key in ("goto", "otherwise"):
            if rule[key] not in questions:
                report("screening.yml", ("routing", r, "rule", key), f"unknown question '{rule[key]}'", "a question id")
        for k, asked in enumerate(rule["if_any_of"]):
            if asked not in questions:
                report("screening.yml", ("routing", r, "rule", "if_any_of", k), f"unknown question '{asked}'", "a question id")
            elif rule["answer"] not in (options := {o["id"] for o in questions[asked].get("options", [])}):
                report("screening.yml", ("routing", r, "rule", "answer"), f"'{rule['answer']}' is not an option of {asked}",
                       f"one of {sorted(options)}")
        order = list(questions)
        if rule["goto"] in questions and rule["otherwise"] in questions and \
                order.index(rule["goto"]) >= order.index(rule["otherwise"]):
            report("screening.yml", ("routing", r, "rule", "otherwise"),
                   f"'{rule['otherwise']}' comes before '{rule['goto']}'", "the question after the ones it skips")
    for rule in ("adult", "child"):
        for k, part in enumerate(screening["determination"][rule]["requires_parts"]):
            if part not in parts:
                report("screening.yml", ("determination", rule, "requires_parts", k), f"unknown part '{part}'", f"one of {sorted(parts)}")


def _check_notes(corpus, report, document_ids):
    for name, located in corpus.files.items():
        if not name.startswith(NOTES_DIR + "/"):
            continue
        document = name.removeprefix(NOTES_DIR + "/").removesuffix(".yml")
        if document not in document_ids:
            report(name, (), f"notes for an unknown document '{document}'", "data/notes/<document id>.yml")
            continue
        for n, note in enumerate(located.data["notes"]):
            path = ("notes", n)
            if note["id"] in corpus.notes:
                report(name, path + ("id",), f"duplicate note id '{note['id']}'", "each note id once")
            _check_languages(note, path, name, report, None, corpus.languages.codes)
            corpus.notes[note["id"]] = {**note, "document": document, "file": f"data/{name}", "line": located.line(path)}


_cache: dict[Path, tuple[tuple, Corpus, tuple]] = {}


def _stamp(path: Path) -> tuple:
    status = path.lstat()  # (a link is not followed: load() refuses it)
    return str(path), status.st_mtime_ns, status.st_size


def _fingerprint(root: Path) -> tuple:
    files = sorted((root / "data").rglob("*.yml")) + sorted((root / "schemas").glob("*.json")) + \
        sorted((root / "locales").glob("*.yml"))
    return tuple(_stamp(f) for f in files)


def current(root: Path = ROOT) -> Corpus:
    """The corpus loaded last for `root` (by cached()), without checking the files again."""
    hit = _cache.get(root)
    return hit[1] if hit else cached(root)


def _pages_fingerprint(root: Path) -> tuple:
    """The documents' pages (docs/<lang>/*.md; not the pages generated into subfolders)."""
    return tuple(_stamp(f) for f in sorted((root / "docs").glob("*/*.md")))


def cached(root: Path = ROOT) -> Corpus:
    """The loaded corpus, reloaded only when a data or schema file has changed (one build loads it once
    for both languages; `mkdocs serve` reloads it after an edit). What was derived from it is dropped
    when a page changes too (the side-by-side views and the translators' reports read the pages)."""
    stamp, pages = _fingerprint(root), _pages_fingerprint(root)
    hit = _cache.get(root)
    if hit and hit[0] == stamp:
        if hit[2] != pages:
            hit[1]._memo.clear()
            _cache[root] = (stamp, hit[1], pages)
        return hit[1]
    corpus = load(root)
    _cache[root] = (stamp, corpus, pages)
    return corpus
