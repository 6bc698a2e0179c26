"""Annex 1's rules as code: which answers are indicative of trafficking, which question comes next
after questions 11–13, and whether the criteria for an actual, presumed or potential victim are met.

Everything comes from data/screening.yml. `rules()` reduces it to the plain structure that both this
module and the checklist page's JavaScript (docs/assets/javascripts/checklist.js, which receives it
as JSON) evaluate, so that the two cannot read the data differently; tests/screening_cases.yml is
run against both.

The reading of the text:
- an answer is indicative when the printed hint says it "may be", "is" or "is highly" indicative of
  trafficking; an answer that "may be an indication that this is NOT trafficking" (question 2, more
  than a week) is shown as a counter-indication and never counted;
- a free-text question (1 and 14) counts through the interviewer's assessment of the answer
  (editorial options in the data);
- "self" to any of questions 11–13 leads to question 14; when all three are answered and none is
  "self", question 14 is skipped and 15 follows (an answer left at 14 is then not counted); until
  then question 14 is pending: it counts among the questions of its part, its answer does not;
- an adult meets the criteria with at least one indicative answer in each of parts A, B and C; a
  child (under 18) with at least one in A and one in C (the editorial note
  `annex1-child-rule-sections` records why this reading);
- the criteria are "not met" once a required part without an indicative answer has all its
  questions answered, and "incomplete" (not enough answered yet) before that.
"""
from __future__ import annotations

AGE_GROUPS = ("adult", "child")
COUNTER = "may_not"  # the strength of an answer that may indicate it is NOT trafficking
MET, NOT_MET, INCOMPLETE = "met", "not_met", "incomplete"


def rules(data: dict) -> dict:
    """The rules of Annex 1 from the screening data: what each answer counts for, the routing and the
    parts each age group requires. Plain lists and strings (it is also the page's JSON)."""
    questions = []
    for question in data["questions"]:
        editorial = question.get("editorial", {})
        assessment = editorial.get("assessment")
        if assessment:
            values = [o["id"] for o in assessment["options"]]
            indicative = [o["id"] for o in assessment["options"] if o["indicative"]]
        else:
            values = [o["id"] for o in question.get("options", [])] + (["other"] if "other" in question else [])
            indicative = list(question["indicative"]["answers"])
        questions.append({"id": question["id"], "num": question["num"], "part": question["part"], "values": values,
                          "indicative": indicative, "strength": question["indicative"]["strength"],
                          "several": bool(editorial.get("several_answers"))})
    routing = [{"after": r["after"], "if_any_of": list(r["rule"]["if_any_of"]), "answer": r["rule"]["answer"],
                "goto": r["rule"]["goto"], "otherwise": r["rule"]["otherwise"]} for r in data["routing"]]
    determination = data["determination"]
    return {"parts": [p["letter"] for p in data["parts"]], "questions": questions, "routing": routing,
            "requires": {group: list(determination[group]["requires_parts"]) for group in AGE_GROUPS}}


def normalise(answers: dict, model: dict) -> dict[str, list[str]]:
    """The answers as question id → list of answer ids (a single answer may be given as a string);
    an unknown question or answer, or several answers to a one-answer question, is a ValueError."""
    questions = {q["id"]: q for q in model["questions"]}
    given = {}
    for question_id, value in (answers or {}).items():
        if question_id not in questions:
            raise ValueError(f"unknown question {question_id!r}; expected one of {sorted(questions)}")
        question = questions[question_id]
        values = [value] if isinstance(value, str) else list(value or [])
        for answer in values:
            if answer not in question["values"]:
                raise ValueError(f"{answer!r} is not an answer of {question_id}; expected one of {question['values']}")
        if len(values) > 1 and not question["several"]:
            raise ValueError(f"{question_id} takes one answer, not {values}")
        if values:
            given[question_id] = values
    return given


def routing(given: dict[str, list[str]], model: dict) -> tuple[list[dict], set[str], set[str]]:
    """Each routing rule's outcome (the next question, or None while it cannot be told yet), the
    questions it skips, and the questions it may skip but cannot tell yet (pending)."""
    order = [q["id"] for q in model["questions"]]
    outcomes, skipped, pending = [], set(), set()
    for rule in model["routing"]:
        hit = any(rule["answer"] in given.get(q, []) for q in rule["if_any_of"])
        all_answered = all(q in given for q in rule["if_any_of"])
        following = rule["goto"] if hit else rule["otherwise"] if all_answered else None
        between = set(order[order.index(rule["goto"]):order.index(rule["otherwise"])])
        if following == rule["otherwise"]:
            skipped |= between
        elif following is None:
            pending |= between
        outcomes.append({"after": rule["after"], "next": following})
    return outcomes, skipped, pending


def evaluate(answers: dict, age_group: str | None, data: dict) -> dict:
    """Evaluate Annex 1 for the answers given so far (question id → answer id or list of answer ids)
    and the interviewee's age group ('adult', 'child' or None if not yet chosen)."""
    if age_group not in AGE_GROUPS + (None,):
        raise ValueError(f"unknown age group {age_group!r}; expected one of {AGE_GROUPS} or None")
    model = rules(data)
    given = normalise(answers, model)
    outcomes, skipped, pending = routing(given, model)
    parts = {letter: {"indicative": [], "counter": [], "answered": 0, "applicable": 0} for letter in model["parts"]}
    for question in model["questions"]:
        if question["id"] in skipped or not question["values"]:
            continue
        part = parts[question["part"]]
        part["applicable"] += 1
        values = given.get(question["id"], [])
        if not values or question["id"] in pending:
            continue
        part["answered"] += 1
        hits = [v for v in values if v in question["indicative"]]
        if hits:
            kind = "counter" if question["strength"] == COUNTER else "indicative"
            part[kind].append({"question": question["id"], "answers": hits, "strength": question["strength"]})
    for part in parts.values():
        part["complete"] = part["answered"] == part["applicable"]
    return {"age_group": age_group, "parts": parts, "routing": outcomes, "skipped": sorted(skipped),
            "determination": determine(parts, age_group, model)}


def determine(parts: dict, age_group: str | None, model: dict) -> dict:
    if age_group is None:
        return {"status": INCOMPLETE, "requires": [], "missing": []}
    requires = model["requires"][age_group]
    missing = [letter for letter in requires if not parts[letter]["indicative"]]
    if not missing:
        status = MET
    elif any(parts[letter]["complete"] for letter in missing):
        status = NOT_MET
    else:
        status = INCOMPLETE
    return {"status": status, "requires": requires, "missing": missing}


def summary(result: dict) -> dict:
    """The result in the form the shared case table states it (and the page shows in data-* attributes)."""
    return {
        "status": result["determination"]["status"],
        "missing": result["determination"]["missing"],
        "indicative": {letter: [f"{i['question']}:{i['strength']}" for i in part["indicative"]]
                       for letter, part in result["parts"].items()},
        "counter": [f"{i['question']}:{i['strength']}" for part in result["parts"].values() for i in part["counter"]],
        "next": {r["after"]: r["next"] for r in result["routing"]},
    }
