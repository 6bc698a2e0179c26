"""The victim identification checklist page: Annex 1 as a form an interviewer fills in, in one language.

Rendered from a document's questionnaire (data/documents/<document>/questionnaire.yml): the printed questions, options and hints as a real HTML form, the
editorial controls and steps (marked as such), and the rules (trafiklex.queries.screening_rules) embedded as
JSON for docs/assets/javascripts/checklist.js, which evaluates them as answers are ticked. The form
never submits (method="dialog", and the script cancels submission), its text fields have no name,
and nothing is stored: see the script.
"""
from __future__ import annotations

import json

from markupsafe import Markup

from trafiklex.core import reads, tree, urls
from trafiklex.data.corpus import Corpus
from trafiklex.model.pagecheck import MACRO_CALL
from trafiklex.views.render import notes_at, render
from trafiklex.queries.screening_rules import AGE_GROUPS, rules

def page_data(corpus: Corpus, document: str, lang: str) -> dict:
    """What the script needs: the rules, and the words to report them in this language."""
    data = corpus.table(document, "questionnaire")
    nums = {q["id"]: q["num"] for q in data["questions"]}
    routing_questions = {r["after"]: _span([nums[q] for q in r["rule"]["if_any_of"]]) for r in data.get("routing", [])}
    return {
        "rules": rules(data),
        "words": corpus.words(lang, "checklist"),
        "summary": corpus.words(lang, "screens.checklist_summary"),
        "strengths": {k: v[lang] for k, v in data["editorial"]["strengths"].items()},
        "parts": {p["letter"]: f"{p['letter']}. {p['title'][lang].rstrip(':')}" for p in data["parts"]},
        "routing_questions": routing_questions,
    }


def _span(numbers: list[int]) -> str:
    """11–13 for 11, 12, 13; 4, 7 otherwise."""
    if len(numbers) > 2 and numbers == list(range(numbers[0], numbers[-1] + 1)):
        return f"{numbers[0]}–{numbers[-1]}"
    return ", ".join(map(str, numbers))


def json_data(value: dict) -> Markup:
    """Data for the script, as JSON that cannot close its element early (the template writes it into
    an inert element: <script type="application/json">)."""
    return Markup(json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True).replace("</", "<\\/"))


def checklist(corpus: Corpus, document: str, lang: str, here: str) -> str:
    """The whole checklist tool of the page (the questionnaire of `document`), as one HTML block."""
    data = corpus.table(document, "questionnaire")
    questions = {part["letter"]: [q for q in data["questions"] if q["part"] == part["letter"]] for part in data["parts"]}
    routing = {q["id"]: [r for r in data.get("routing", []) if r["after"] == q["id"]] for q in data["questions"]}
    page = corpus.document(document)["page"]
    determination = data["determination"]
    tool = render(corpus, lang, "checklist.html", data=data, questions=questions, routing=routing,
                  determination=determination, age_groups=AGE_GROUPS,
                  annex=urls.relative(here, lang, page, lang, _first_part_parent(corpus, document), root=corpus.languages.default),
                  stylesheet=urls.asset(here, lang, "assets/stylesheets/checklist.css", root=corpus.languages.default),
                  script=urls.asset(here, lang, "assets/javascripts/checklist.js", root=corpus.languages.default),
                  child_note=notes_at(corpus, document, determination["child"]["id"], lang),
                  rules=json_data(page_data(corpus, document, lang)))
    return "\n\n" + tool + "\n\n"


def checklists(corpus: Corpus) -> dict[str, str]:
    """The pages that show a questionnaire as a checklist: document id → page path (read from the
    authoritative language's pages: each calls {{ checklist("<document>") }})."""
    def read() -> dict[str, str]:
        reads.record((reads.PAGES,))  # (the pages read as files: whatever uses this reads them all)
        folder = corpus.root / "docs" / corpus.languages.authoritative
        found = {}
        for path in tree.listed(folder, "*.md", recursive=False):
            for match in MACRO_CALL.finditer(path.read_text(encoding="utf-8")):
                if match.group(1) == "checklist":
                    found.setdefault(match.group(2).strip().strip("\"'"), path.stem)
        return found
    return corpus.memo("checklist-pages", read)


def _first_part_parent(corpus: Corpus, document: str) -> str:
    """Where the questionnaire begins on its document's page: the clause its first part is in (by id:
    sec_V for sec_V__A), else the first part itself."""
    first = corpus.table(document, "questionnaire")["parts"][0]["id"]
    return first.rsplit("__", 1)[0] if "__" in first else first
