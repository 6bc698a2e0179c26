"""The victim identification checklist page: Annex 1 as a form an interviewer fills in, in one language.

Rendered from data/screening.yml: the printed questions, options and hints as a real HTML form, the
editorial controls and steps (marked as such), and the rules (trafiklex.queries.screening_rules) embedded as
JSON for docs/assets/javascripts/checklist.js, which evaluates them as answers are ticked. The form
never submits (method="dialog", and the script cancels submission), its text fields have no name,
and nothing is stored: see the script.
"""
from __future__ import annotations

import json

from markupsafe import Markup

from trafiklex.core import urls
from trafiklex.data.corpus import Corpus
from trafiklex.views.render import note, render
from trafiklex.queries.screening_rules import AGE_GROUPS, rules

PAGE = "checklist"
ANNEX_PAGE = "nrm-annex-1"
CHILD_RULE_NOTE = "annex1-child-rule-sections"


def page_data(corpus: Corpus, lang: str) -> dict:
    """What the script needs: the rules, and the words to report them in this language."""
    data = corpus.screening
    nums = {q["id"]: q["num"] for q in data["questions"]}
    routing_questions = {r["after"]: _span([nums[q] for q in r["rule"]["if_any_of"]]) for r in data["routing"]}
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


def checklist(corpus: Corpus, lang: str, here: str = PAGE) -> str:
    """The whole checklist tool of the page, as one HTML block."""
    data = corpus.screening
    questions = {part["letter"]: [q for q in data["questions"] if q["part"] == part["letter"]] for part in data["parts"]}
    routing = {q["id"]: [r for r in data["routing"] if r["after"] == q["id"]] for q in data["questions"]}
    tool = render(corpus, lang, "checklist.html", data=data, questions=questions, routing=routing,
                  determination=data["determination"], age_groups=AGE_GROUPS,
                  annex=urls.relative(here, lang, ANNEX_PAGE, lang, "sec_V", root=corpus.languages.default),
                  stylesheet=urls.asset(here, lang, "assets/stylesheets/checklist.css", root=corpus.languages.default),
                  script=urls.asset(here, lang, "assets/javascripts/checklist.js", root=corpus.languages.default),
                  child_note=note(corpus, CHILD_RULE_NOTE, lang), rules=json_data(page_data(corpus, lang)))
    return "\n\n" + tool + "\n\n"
