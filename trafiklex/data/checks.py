"""Cross-checks: what a schema cannot say about the data, across files.

Every reference from one file to another — a document, a body, a clause, a question, a topic, a
note's clause — is checked where it is written, and a problem names that file, the line, the field
and what was expected. (What only the pages can tell — a note's or a tag's clause exists, a table
is shown on its document's page — is checked by the edition model: trafiklex.model.checks.)
"""
from __future__ import annotations

import datetime
import re

import regex

from trafiklex.core import identifiers, relations
from trafiklex.core.errors import Problem
from trafiklex.core.ids import ClauseId
from trafiklex.core import deadlines
from trafiklex.core.text import fold
from trafiklex.data import tables, terms, topics_check
from trafiklex.data.store import DOCUMENTS_DIR, Corpus
from trafiklex.data.institutions import UnresolvedName


def check_language_list(corpus: Corpus) -> list[Problem]:
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


def cross_check(corpus: Corpus) -> list[Problem]:
    problems: list[Problem] = []

    def report(file: str, path: tuple, message: str, expected: str | None = None):
        located = corpus.files[file]
        problems.append(Problem(located.file, message, line=located.line(path),
                                field=".".join(map(str, path)), expected=expected))

    _check_documents(corpus, report)
    _check_folders(corpus, report, problems)
    _check_institutions(corpus, report)
    for document in (d["id"] for d in corpus.documents):
        _check_clause_ids(corpus, document, report)
        _check_activities(corpus, document, report)
        _check_commitments(corpus, document, report)
        _check_assignments(corpus, document, report)
        _check_acronyms(corpus, document, report)
        _check_glossaries(corpus, document, report)
        _check_penalties(corpus, document, report)
        _check_questionnaire(corpus, document, report)
        _check_notes(corpus, document, report)
        _check_status(corpus, document, report)
    _check_later_framework(corpus, report)
    _check_changes(corpus, report)
    problems.extend(topics_check.check(corpus))
    terms.check(corpus, report)
    return problems


def _check_folders(corpus: Corpus, report, problems: list[Problem]) -> None:
    """Each folder of data/documents/ is a document's (its name a document id of data/documents.yml)."""
    known = {d["id"] for d in corpus.documents}
    for name in sorted({name.split("/")[1] for name in corpus.files if name.startswith(DOCUMENTS_DIR + "/")}):
        if name not in known:
            problems.append(Problem(f"data/{DOCUMENTS_DIR}/{name}/", f"a folder for an unknown document '{name}'",
                                    expected=f"the id of a document of data/documents.yml as the folder's name "
                                             f"(one of {', '.join(sorted(known))})"))


def _check_clause_ids(corpus: Corpus, document: str, report) -> None:
    """A document's data clauses: each id once in the document, an Akoma Ntoso eId, with a text in
    every language of the edition unless the item is printed in one only."""
    seen: dict[str, tuple] = {}
    for clause_id, item, path, file in corpus.data_clauses()[document]:
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
        if "only_in" in item or not {"entries", "footnote"} & set(path):
            _check_languages(item, path, file, report, item.get("only_in"), corpus.languages.codes)


def _printed_cell(corpus: Corpus, document: str, value: dict, where: tuple, file: str, lang: str, report) -> None:
    """A printed cell of bodies (as printed) resolves to the bodies the data names for it, as the
    document's text names them (its acronyms.yml)."""
    directory = corpus.bodies(document)
    _check_bodies(directory, value["bodies"], where + ("bodies",), file, report)
    try:
        resolved = directory.resolve(value["printed"], lang)
    except UnresolvedName as unknown:
        report(file, where + ("printed",), f"'{unknown}' in the printed cell names no known body",
               "an acronym, name or variant listed in data/institutions.yml (or in the document's acronyms.yml)")
        return
    if resolved != value["bodies"]:
        report(file, where + ("bodies",), f"bodies {value['bodies']} do not match the printed cell {value['printed']!r}",
               f"{resolved} (the bodies the printed text names, in order; where this document means another body by "
               f"an acronym, its acronyms.yml says so)")


def _check_activities(corpus: Corpus, document: str, report) -> None:
    plan = corpus.table(document, "activities")
    if plan is None:
        return
    file = corpus.file_name(document, "activities")
    for item in tables.KINDS["activities"].items(plan):
        if item.kind != "activity":
            continue
        for cell in ("responsible", "partners"):
            for lang, value in item.data.get(cell, {}).items():
                _printed_cell(corpus, document, value, item.path + (cell, lang), file, lang, report)
        _check_deadline(item.data, item.path, file, report, corpus.document(document).get("date"),
                        corpus.languages.authoritative)


def _check_commitments(corpus: Corpus, document: str, report) -> None:
    table = corpus.table(document, "commitments")
    if table is None:
        return
    file, directory = corpus.file_name(document, "commitments"), corpus.institutions
    date = corpus.document(document).get("date")
    for p, party in enumerate(table["parties"]):
        _check_bodies(directory, party["bodies"], ("parties", p, "bodies"), file, report)
        if party["id"].rpartition("__")[2] != party["letter"]:
            report(file, ("parties", p, "letter"), f"the letter '{party['letter']}' is not the one the party's id "
                   f"'{party['id']}' ends in", "the party's printed letter, the same as the end of its id "
                   "(art_<n>__<letter>)")
        for c, commitment in enumerate(party["commitments"]):
            path = ("parties", p, "commitments", c)
            if not commitment["id"].startswith(party["id"] + "__"):
                report(file, path + ("id",), f"the commitment '{commitment['id']}' is not under its party '{party['id']}'",
                       f"'{party['id']}__<number>'")
            for role in ("bodies", "partners"):
                _check_bodies(directory, commitment.get(role, []), path + (role,), file, report)
            if "deadline" in commitment:
                _check_deadline(commitment, path, file, report, date, corpus.languages.authoritative)
                for lang, words in commitment["deadline"].items():
                    if words not in commitment["text"].get(lang, ""):
                        report(file, path + ("deadline", lang), f"{words!r} is not in the {lang} text",
                               "the words of the text that set the time limit, exactly as printed")


def _check_assignments(corpus: Corpus, document: str, report) -> None:
    table = corpus.table(document, "assignments")
    if table is None:
        return
    file = corpus.file_name(document, "assignments")
    for a, assignment in enumerate(table["assignments"]):
        path = ("assignments", a)
        if not ClauseId.is_valid(assignment["id"]):
            report(file, path + ("id",), f"'{assignment['id']}' is not a clause id", "the id of a clause of the document's page")
        for lang, bodies in assignment["bodies"].items():
            _check_bodies(corpus.institutions, bodies, path + ("bodies", lang), file, report)
        if "deadline" in assignment:
            _check_deadline(assignment, path, file, report, corpus.document(document).get("date"),
                            corpus.languages.authoritative)


def _check_glossaries(corpus: Corpus, document: str, report) -> None:
    table = corpus.table(document, "glossaries")
    if table is None:
        return
    file, directory = corpus.file_name(document, "glossaries"), corpus.institutions
    ids = [g["id"] for g in table["glossaries"]]
    for g, glossary in enumerate(table["glossaries"]):
        if ids.index(glossary["id"]) != g:
            report(file, ("glossaries", g, "id"), f"the glossary id '{glossary['id']}' is used twice", "each glossary id once")
        for lang in corpus.languages:
            if lang not in glossary["entries"]:
                report(file, ("glossaries", g, "entries"), f"the glossary '{glossary['id']}' has no '{lang}' list",
                       "the entries as printed in each language of the edition")
        for lang in sorted(set(glossary["entries"]) - set(corpus.languages.codes)):
            report(file, ("glossaries", g, "entries", lang), f"'{lang}' is not a language of the edition",
                   f"lists in {', '.join(corpus.languages.codes)} (data/languages.yml)")
        for lang in corpus.languages:
            for e, entry in enumerate(glossary["entries"].get(lang, [])):
                path = ("glossaries", g, "entries", lang, e)
                if entry["institution"] not in directory:
                    report(file, path + ("institution",), f"unknown institution id '{entry['institution']}'",
                           "an id from data/institutions.yml")
                elif corpus.bodies(document).lookup(entry["abbr"], lang) != entry["institution"]:
                    report(file, path + ("abbr",),
                           f"'{entry['abbr']}' is not a {lang} acronym of '{entry['institution']}' in data/institutions.yml",
                           f"an acronym listed for '{entry['institution']}' in that language")


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
        for r, relation in enumerate(document.get("relations", [])):
            path = ("documents", d, "relations", r, "document")
            if relation["document"] not in ids:
                report("documents.yml", path, f"unknown document '{relation['document']}'",
                       "the id of another document of data/documents.yml")
            elif relation["document"] == document["id"]:
                report("documents.yml", path, f"the document '{document['id']}' {relation['type']} itself",
                       "the id of another document of data/documents.yml")
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
    """A real day (2005-02-22), month (2004-11) or year: the schema checks only the shape."""
    try:
        datetime.date.fromisoformat(text if len(text) == 10 else f"{text}-01" if len(text) == 7 else f"{text}-01-01")
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
                           "an acronym that names one body per language in the whole edition; where a document's "
                           "text means another body by it, that document's acronyms.yml says so")
                acronyms[key] = item["id"]


def _check_acronyms(corpus: Corpus, document: str, report) -> None:
    """A document's acronyms.yml: each spelling once per language (case and diacritics aside), given to
    a known body, and only where the edition gives it to another body or to none."""
    table = corpus.table(document, "acronyms")
    if table is None:
        return
    file, directory = corpus.file_name(document, "acronyms"), corpus.institutions
    for lang, spellings in table["acronyms"].items():
        if lang not in corpus.languages.codes:
            report(file, ("acronyms", lang), f"'{lang}' is not a language of the edition",
                   f"one of {', '.join(corpus.languages.codes)} (data/languages.yml)")
            continue
        seen: dict[str, str] = {}
        for spelling, body in spellings.items():
            path = ("acronyms", lang, spelling)
            if body not in directory:
                report(file, path, f"unknown institution id '{body}'", "an id from data/institutions.yml")
            elif directory.lookup(spelling, lang) == body:
                report(file, path, f"'{spelling}' names '{body}' in the whole edition already",
                       "only the acronyms this document gives to another body than data/institutions.yml does")
            if fold(spelling) in seen:
                report(file, path, f"'{spelling}' is listed twice (as '{seen[fold(spelling)]}' too)",
                       "each acronym once per language: it names one body in this document")
            seen[fold(spelling)] = spelling


def _check_bodies(directory, bodies, path, file, report):
    for b, body in enumerate(bodies):
        if body not in directory:
            report(file, path + (b,), f"unknown institution id '{body}'", "an id from data/institutions.yml")


def _check_deadline(item, path, file, report, reference, authoritative):
    """The printed deadlines read as dates, and `due` is what the authoritative text (or else the one
    that prints it) says. Where the grammar does not know a printed form, the editor writes `due`
    and it is accepted if every year it names is printed in that cell."""
    printed, due = item.get("deadline"), item.get("due")
    if not printed:  # (the schema asks for both or neither)
        return
    for key in ("from", "by"):
        if key in due and not _is_calendar_date(due[key]):
            report(file, path + ("due", key), f"'{due[key]}' is not a date of the calendar", "YYYY, YYYY-MM or YYYY-MM-DD")
    if due.get("from", "") > due.get("by", "9999"):
        report(file, path + ("due",), f"'due' {due} ends before it starts", "'from' no later than 'by'")
    lang = authoritative if authoritative in printed else next(iter(printed))
    for each in printed:
        try:
            parsed = deadlines.parse(printed[each], reference)
        except deadlines.DeadlineError as error:
            if not deadlines.written_for(due, printed[each]):
                report(file, path + ("deadline", each),
                       f"{error}; or write `due:` yourself: it is accepted when it names a year and every year it "
                       f"names is printed in the cell ({due} names {sorted(deadlines.years(due)) or 'none'}, "
                       f"the cell {sorted(deadlines.printed_years(printed[each])) or 'none'})",
                       deadlines.EXPECTED)
            continue
        if each == lang and parsed != due:
            report(file, path + ("due",), f"'due' {due} does not match the printed deadline {printed[lang]!r}",
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


def _check_penalties(corpus: Corpus, document: str, report) -> None:
    table = corpus.table(document, "penalties")
    if table is None:
        return
    file = corpus.file_name(document, "penalties")
    for a, article in enumerate(table["articles"]):
        for r, row in enumerate(article["rows"]):
            for lang, sanction in row["sanction"].items():
                path = ("articles", a, "rows", r, "sanction", lang)
                for low, high, what in (("prison_min", "prison_max", "years of imprisonment"), ("fine_min", "fine_max", "fine")):
                    if low in sanction and high in sanction and sanction[low] > sanction[high]:
                        report(file, path + (low,), f"the minimum {what} ({sanction[low]}) exceeds the maximum ({sanction[high]})",
                               f"{low} ≤ {high}")


def _check_questionnaire(corpus: Corpus, document: str, report) -> None:
    screening = corpus.table(document, "questionnaire")
    if screening is None:
        return
    file = corpus.file_name(document, "questionnaire")
    parts = {p["letter"] for p in screening["parts"]}
    questions = {q["id"]: q for q in screening["questions"]}
    for q, question in enumerate(screening["questions"]):
        path = ("questions", q)
        if question["part"] not in parts:
            report(file, path + ("part",), f"unknown part '{question['part']}'", f"one of {sorted(parts)}")
        options = {o["id"] for o in question.get("options", [])} | ({"other"} if "other" in question else set())
        if question["answer"] == "options" and not question.get("options"):
            report(file, path + ("options",), "a question answered by options lists none", "a list of options")
        for k, answer in enumerate(question["indicative"]["answers"]):
            if answer not in options:
                report(file, path + ("indicative", "answers", k), f"'{answer}' is not an option of {question['id']}",
                       f"one of {sorted(options)}")
    for r, routing in enumerate(screening.get("routing", [])):
        if routing["after"] not in questions:
            report(file, ("routing", r, "after"), f"unknown question '{routing['after']}'", "the id of the question it follows")
        rule = routing["rule"]
        for key in ("goto", "otherwise"):
            if rule[key] not in questions:
                report(file, ("routing", r, "rule", key), f"unknown question '{rule[key]}'", "a question id")
        for k, asked in enumerate(rule["if_any_of"]):
            if asked not in questions:
                report(file, ("routing", r, "rule", "if_any_of", k), f"unknown question '{asked}'", "a question id")
            elif rule["answer"] not in (options := {o["id"] for o in questions[asked].get("options", [])}):
                report(file, ("routing", r, "rule", "answer"), f"'{rule['answer']}' is not an option of {asked}",
                       f"one of {sorted(options)}")
        order = list(questions)
        if rule["goto"] in questions and rule["otherwise"] in questions and \
                order.index(rule["goto"]) >= order.index(rule["otherwise"]):
            report(file, ("routing", r, "rule", "otherwise"),
                   f"'{rule['otherwise']}' comes before '{rule['goto']}'", "the question after the ones it skips")
    for rule in ("adult", "child"):
        for k, part in enumerate(screening["determination"][rule]["requires_parts"]):
            if part not in parts:
                report(file, ("determination", rule, "requires_parts", k), f"unknown part '{part}'", f"one of {sorted(parts)}")


def _check_notes(corpus: Corpus, document: str, report) -> None:
    """Each note's id once in the edition (a note's clause is checked with the pages: model.checks)."""
    located = corpus.located(document, "notes")
    if located is None:
        return
    name = corpus.file_name(document, "notes")
    for n, note in enumerate(located.data["notes"]):
        path = ("notes", n)
        if note["id"] in corpus.notes:
            report(name, path + ("id",), f"duplicate note id '{note['id']}'", "each note id once")
        _check_languages(note, path, name, report, None, corpus.languages.codes)
        corpus.notes[note["id"]] = {**note, "document": document, "file": f"data/{name}", "line": located.line(path)}


def _sources(corpus: Corpus) -> dict[str, dict]:
    return {s["id"]: s for s in corpus.data("sources.yml")["sources"]}


def _check_status(corpus: Corpus, document: str, report) -> None:
    """A document's effects: each names a source of data/sources.yml (the address an http(s) one), an
    instrument of data/instruments.yml where it names one, and no date before the document's own.
    (That its clause exists is for the edition model: trafiklex.model.checks.)"""
    table = corpus.table(document, "status")
    if table is None:
        return
    file = corpus.file_name(document, "status")
    sources = _sources(corpus)
    instruments = {i["id"]: i for i in corpus.data("instruments.yml")["instruments"]}
    adopted = relations.dated_by(corpus.documents, corpus.document(document)).get("date", "")
    for e, effect in enumerate(table["effects"]):
        path = ("effects", e)
        if effect["source"]["id"] not in sources:
            report(file, path + ("source", "id"), f"unknown source '{effect['source']['id']}'",
                   "the id of a source of data/sources.yml (every effect needs the public source that says it)")
        if "by" in effect and effect["by"] not in instruments:
            report(file, path + ("by",), f"unknown instrument '{effect['by']}'", "the id of an instrument of data/instruments.yml")
        for key in ("since",):
            if key in effect and adopted and effect[key][:len(adopted)] < adopted[:len(effect[key])]:
                report(file, path + (key,), f"'{effect[key]}' is before the document itself ({adopted})",
                       "a date on or after the document's own: an effect comes after what it affects")
        for key in ("since", "recorded"):
            if key in effect and not _is_calendar_date(effect[key]):
                report(file, path + (key,), f"'{effect[key]}' is not a date of the calendar", "a real date (YYYY, YYYY-MM or YYYY-MM-DD)")
        _check_languages(effect, path, file, report, None, corpus.languages.codes)
        _check_languages(effect["source"], path + ("source",), file, report, None, corpus.languages.codes)


def _check_later_framework(corpus: Corpus, report) -> None:
    """The sources: each once, each an http(s) address, each cited; the instruments: each once, each
    statement's source known, `follows` another instrument."""
    sources = corpus.data("sources.yml")["sources"]
    ids = [s["id"] for s in sources]
    instruments = corpus.data("instruments.yml")["instruments"]
    instrument_ids = [i["id"] for i in instruments]
    cited = {statement["source"] for i in instruments for statement in i["statements"]}
    cited |= {effect["source"]["id"] for d in corpus.documents for effect in (corpus.table(d["id"], "status") or {}).get("effects", [])}
    for n, source in enumerate(sources):
        if ids.index(source["id"]) != n:
            report("sources.yml", ("sources", n, "id"), f"the source '{source['id']}' is listed twice", "each source once")
        if not re.match(r"https?://", source["url"]):
            report("sources.yml", ("sources", n, "url"), f"'{source['url']}' is not an http(s) address", "https://… or http://…")
        if source["id"] not in cited:
            report("sources.yml", ("sources", n, "id"), f"the source '{source['id']}' is cited nowhere",
                   "a source cited by an effect (data/documents/<document>/status.yml) or by an instrument's statement")
        if "date" in source and not _is_calendar_date(source["date"]):
            report("sources.yml", ("sources", n, "date"), f"'{source['date']}' is not a date of the calendar", "YYYY, YYYY-MM or YYYY-MM-DD")
        if "note" in source:
            _check_languages(source, ("sources", n), "sources.yml", report, None, corpus.languages.codes)
    for n, item in enumerate(instruments):
        path = ("instruments", n)
        if instrument_ids.index(item["id"]) != n:
            report("instruments.yml", path + ("id",), f"the instrument '{item['id']}' is listed twice", "each instrument once")
        if "follows" in item and (item["follows"] not in instrument_ids or item["follows"] == item["id"]):
            report("instruments.yml", path + ("follows",), f"'{item['follows']}' is not another instrument",
                   "the id of another instrument of data/instruments.yml")
        if "date" in item and not _is_calendar_date(item["date"]):
            report("instruments.yml", path + ("date",), f"'{item['date']}' is not a date of the calendar", "YYYY, YYYY-MM or YYYY-MM-DD")
        if "document" in item and item["document"] not in {d["id"] for d in corpus.documents}:
            report("instruments.yml", path + ("document",), f"'{item['document']}' is no document of the edition",
                   "the id of a document of data/documents.yml: the instrument's text, where it is part of this edition")
        if "document" in item and [i["id"] for i in instruments if i.get("document") == item["document"]][0] != item["id"]:
            report("instruments.yml", path + ("document",), f"the document '{item['document']}' is named by another instrument too",
                   "one instrument per document of the edition")
        for k, statement in enumerate(item["statements"]):
            if statement["source"] not in ids:
                report("instruments.yml", path + ("statements", k, "source"), f"unknown source '{statement['source']}'",
                       "the id of a source of data/sources.yml")
            _check_languages(statement, path + ("statements", k), "instruments.yml", report, None, corpus.languages.codes)


def _check_changes(corpus: Corpus, report) -> None:
    """The feed's entries: a real date, a known document, a note of that document, a text in every
    language. (Their clause exists: trafiklex.model.checks.)"""
    known = {d["id"] for d in corpus.documents}
    for n, change in enumerate(corpus.data("changes.yml")["changes"]):
        path = ("changes", n)
        if not _is_calendar_date(change["date"]):
            report("changes.yml", path + ("date",), f"'{change['date']}' is not a date of the calendar", "YYYY-MM-DD")
        if "document" in change and change["document"] not in known:
            report("changes.yml", path + ("document",), f"unknown document '{change['document']}'", "a document of data/documents.yml")
        if change["kind"] in ("correction", "note", "document") and "document" not in change:
            report("changes.yml", path + ("document",), f"a '{change['kind']}' entry names no document", "document: <its id>")
        if "note" in change and (change["note"] not in corpus.notes or corpus.notes[change["note"]]["document"] != change.get("document")):
            report("changes.yml", path + ("note",), f"'{change['note']}' is no editorial note of {change.get('document')}",
                   "the id of a note of the document's notes.yml")
        _check_languages(change, path, "changes.yml", report, None, corpus.languages.codes)
