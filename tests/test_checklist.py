"""Officials and trainers identify victims with Annex 1 as an interactive checklist: the same rules in
Python and in the page (one shared case table), nothing typed or ticked leaves the page or is kept,
and the form works with the keyboard alone and with a screen reader."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe

from conftest import ROOT, new_context, page, report
from trafiklex.data import corpus as corpus_module
from trafiklex.core.errors import DataError
from trafiklex.core.htmltext import parse
from trafiklex.queries.screening_rules import evaluate, rules, summary

CASES = yaml.safe_load((ROOT / "tests" / "screening_cases.yml").read_text(encoding="utf-8"))["cases"]
FORM = "form.checklist"
READ_RESULT = """() => {
  const words = s => s ? s.split(" ") : [];
  const status = document.querySelector(".checklist-determination");
  const items = Array.from(document.querySelectorAll(".checklist-part-result"));
  const visible = Array.from(document.querySelectorAll(".checklist-steps")).filter(e => !e.hidden);
  return {
    status: status.dataset.status,
    missing: words(status.dataset.missing),
    indicative: Object.fromEntries(items.map(li => [li.dataset.part, words(li.dataset.indicative)])),
    counter: items.flatMap(li => words(li.dataset.counter)),
    next: Object.fromEntries(words(status.dataset.next).map(p => p.split("=")).map(([a, b]) => [a, b || null])),
    steps: visible.map(e => e.dataset.ageGroup),
  };
}"""


def _url(server, lang):
    return f"{server}/{'' if lang == 'sq' else 'en/'}checklist.html"


def _answers(case) -> dict:
    return {**case["answers"], **case.get("then", {})}


def _values(value) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def _tick(tab, answers: dict, replace: bool = False):
    """Tick the answers as an interviewer would (clicks); with `replace`, boxes not listed are unticked."""
    for question, value in answers.items():
        wanted = _values(value)
        if replace:
            ticked = tab.eval_on_selector_all(f'{FORM} input[type=checkbox][name="{question}"]:checked',
                                              "boxes => boxes.map(b => b.value)")
            for answer in (a for a in ticked if a not in wanted):
                tab.uncheck(f'{FORM} input[name="{question}"][value="{answer}"]')
        for answer in wanted:
            tab.check(f'{FORM} input[name="{question}"][value="{answer}"]')


def _fill(tab, case):
    if case["age_group"]:
        tab.check(f'{FORM} input[name="age_group"][value="{case["age_group"]}"]')
    _tick(tab, case["answers"])
    _tick(tab, case.get("then", {}), replace=True)


def _page_result(tab) -> tuple[dict, list[str]]:
    result = tab.evaluate(READ_RESULT)
    return result, result.pop("steps")


def _python_result(corpus, case) -> dict:
    return summary(evaluate(_answers(case), case["age_group"], corpus.table("nrm-annex-1", "questionnaire")))


def _short(result: dict) -> str:
    parts = " ".join(f"{k}[{','.join(v)}]" for k, v in result["indicative"].items())
    counter = f" counter[{','.join(result['counter'])}]" if result["counter"] else ""
    return f"{result['status']}: {parts}{counter} next {result['next']['q_13'] or '?'}"


# --- the shared case table ------------------------------------------------------------------------

def test_case_table_covers_the_edges_the_issue_lists():
    ids = [case["id"] for case in CASES]
    assert len(ids) == len(set(ids)) and len(ids) >= 12
    expected = [case["expected"] for case in CASES]
    assert {e["status"] for e in expected} == {"met", "not_met", "incomplete"}
    assert {case["age_group"] for case in CASES} == {"adult", "child", None}
    # an adult with A and C but not B; a child with A and C only
    assert any(c["age_group"] == "adult" and c["expected"]["missing"] == ["B"] and c["expected"]["status"] == "not_met"
               for c in CASES)
    assert any(c["age_group"] == "child" and c["expected"]["status"] == "met" and not c["expected"]["indicative"]["B"]
               for c in CASES)
    # "may be" answers only, the counter-indication, unanswered questions, routing after "self"
    assert any(all(i.endswith(":may") for v in e["indicative"].values() for i in v) and e["status"] == "met"
               for e in expected)
    assert any(e["counter"] == ["q_2:may_not"] for e in expected)
    assert any(c["answers"] == {} for c in CASES)
    assert {e["next"]["q_13"] for e in expected} == {"q_14", "q_15", None}
    assert any("then" in c for c in CASES)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_rules_in_python_give_the_expected_result(corpus, case):
    assert _python_result(corpus, case) == case["expected"]


def test_rules_and_page_agree_on_every_case_in_both_languages(corpus, server, browser, request):
    """Every case of the table, ticked in the page in Chromium (Albanian and English), gives the
    expected result, the same as the Python rules; the steps shown are those of the age group. Not one
    request is made between the loaded page and the last Clear."""
    context = new_context(browser, request)
    tab = context.new_page()
    seen, requests, recording = {}, [], [False]
    tab.on("request", lambda request: recording[0] and requests.append(request.url))
    for lang in ("sq", "en"):
        recording[0] = False
        tab.goto(_url(server, lang), wait_until="networkidle")
        recording[0] = True
        for case in CASES:
            _fill(tab, case)
            seen[(case["id"], lang)] = _page_result(tab)
            tab.click(f"{FORM} button.checklist-clear")
            assert tab.locator(f"{FORM} input:checked").count() == 0
            assert tab.get_attribute(".checklist-determination", "data-status") == "incomplete"
        assert tab.url == _url(server, lang)
    context.close()
    assert requests == []
    mismatches = []
    for case in CASES:
        python = _python_result(corpus, case)
        steps = [case["age_group"]] if case["expected"]["status"] == "met" else []
        row = [case["id"], _short(case["expected"]), "python " + ("=" if python == case["expected"] else _short(python))]
        for lang in ("sq", "en"):
            shown, shown_steps = seen[(case["id"], lang)]
            agrees = shown == case["expected"] and shown_steps == steps
            row.append(f"chromium {lang} " + ("=" if agrees else f"{_short(shown)} steps {shown_steps}"))
            if not agrees:
                mismatches.append((case["id"], lang, shown, shown_steps))
        if python != case["expected"]:
            mismatches.append((case["id"], "python", python))
        report("checklist: shared case table (expected | Python | Chromium sq | Chromium en; = agrees)", " | ".join(row))
    assert mismatches == []


def test_page_embeds_the_rules_made_from_the_data(site, corpus):
    """One set of rules: the page evaluates exactly what trafiklex.queries.screening_rules makes of the data."""
    for lang in ("sq", "en"):
        script = parse(page(site, "checklist", lang)).find("script", cls="checklist-rules")
        embedded = json.loads(script.text())
        assert embedded["rules"] == rules(corpus.table("nrm-annex-1", "questionnaire"))
        assert embedded["rules"]["requires"] == {"adult": ["A", "B", "C"], "child": ["A", "C"]}
        assert [q["id"] for q in embedded["rules"]["questions"] if q["several"]] == ["q_11", "q_12", "q_13", "q_15"]


def test_rules_refuse_answers_the_questionnaire_does_not_have(corpus):
    with pytest.raises(ValueError, match="'maybe' is not an answer of q_4"):
        evaluate({"q_4": "maybe"}, "adult", corpus.table("nrm-annex-1", "questionnaire"))
    with pytest.raises(ValueError, match="q_4 takes one answer"):
        evaluate({"q_4": ["yes", "no"]}, "adult", corpus.table("nrm-annex-1", "questionnaire"))
    with pytest.raises(ValueError, match="unknown age group 'elderly'"):
        evaluate({}, "elderly", corpus.table("nrm-annex-1", "questionnaire"))


# --- the page -------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["sq", "en"])
def test_interviewer_sees_the_printed_questionnaire_as_a_form(site, corpus, lang):
    html = page(site, "checklist", lang)
    root = parse(html)
    form = root.find("form", cls="checklist")
    assert form.attrs["method"] == "dialog" and form.attrs["autocomplete"] == "off"
    fieldsets = list(form.find_all("fieldset", cls="checklist-question"))
    assert [f.attrs["data-question"] for f in fieldsets] == [f"q_{n}" for n in range(1, 16)]
    for question, fieldset in zip(corpus.table("nrm-annex-1", "questionnaire")["questions"], fieldsets):
        legend = " ".join(fieldset.find("legend").text().split())
        assert legend == f"{question['num']}. {' '.join(question['text'][lang].split())}"  # the printed words
        assert " ".join(question["hint"][lang].split()) in " ".join(fieldset.text().split())
        inputs = [i for i in fieldset.find_all("input") if i.attrs.get("type") in ("radio", "checkbox")]
        labels = [o["label"][lang] for o in question.get("options", [])] + \
                 [o["label"][lang] for o in question.get("editorial", {}).get("assessment", {}).get("options", [])]
        assert len(inputs) == len(labels) + (1 if "other" in question else 0)
    # the free-text fields: not named (never part of a submission), no autocomplete, no spellcheck service
    free = list(form.find_all("textarea")) + [i for i in form.find_all("input") if i.attrs.get("type") == "text"]
    assert len(free) == 2 + 4  # questions 1 and 14; "Other" of 11, 12, 13 and 15
    assert all("name" not in f.attrs and f.attrs["autocomplete"] == "off" and f.attrs["spellcheck"] == "false"
               for f in free)
    # editorial words are marked; the statement on judgement is there
    marked = "tekst editorial" if lang == "sq" else "editorial text"
    assessments = list(form.find_all("fieldset", cls="checklist-assessment"))
    assert len(assessments) == 2 and all(marked in a.find("legend").text() for a in assessments)
    judgement = ("Kjo listë kontrolli e mbështet gjykimin e intervistuesit; nuk e zëvendëson atë." if lang == "sq"
                 else "This checklist supports the interviewer’s judgement; it does not replace it.")
    shown = root.find("article").text(lambda e: e.tag == "script")
    assert shown.count(judgement) == 2  # above the form and beside the result
    assert len(list(root.find_all("script", cls="checklist-rules"))) == 1
    assert html.count('src="' + ("" if lang == "sq" else "../") + 'assets/javascripts/checklist.js"') == 1


def test_checklist_is_only_loaded_by_its_own_page(site):
    pages = [p for p in site.rglob("*.html") if "checklist.js" in p.read_text(encoding="utf-8")]
    assert sorted(p.relative_to(site).as_posix() for p in pages) == ["checklist.html", "en/checklist.html"]


@pytest.mark.parametrize("lang,text", [("sq", "Lista e kontrollit për identifikimin e viktimave"),
                                       ("en", "Victim identification checklist")])
def test_annex_1_page_leads_to_the_checklist(site, lang, text):
    article = parse(page(site, "nrm-annex-1", lang)).find("article")
    links = [a for a in article.find_all("a") if a.attrs.get("href") == "checklist.html"]
    assert [a.text() for a in links] == [text]
    html = page(site, "nrm-annex-1", lang)
    section_v = html.index('id="sec_V"')
    assert section_v < html.index('href="checklist.html"', section_v) < html.index('id="sec_V__A"')


@pytest.mark.parametrize("lang", ["sq", "en"])
def test_adult_case_shows_the_steps_that_follow(server, tab, corpus, lang):
    tab.goto(_url(server, lang))
    _fill(tab, next(c for c in CASES if c["id"] == "adult_indicative_in_a_b_and_c"))
    status = tab.locator(".checklist-determination").inner_text()
    assert status.startswith("Kriteret plotësohen për një të rritur" if lang == "sq" else "Criteria met for an adult")
    steps = tab.locator('.checklist-steps[data-age-group="adult"] ol li').all_inner_texts()
    assert steps == [s[lang] for s in corpus.table("nrm-annex-1", "questionnaire")["determination"]["adult"]["editorial"]["steps"]]
    assert tab.locator('.checklist-steps[data-age-group="child"]').is_hidden()
    marks = tab.locator("fieldset[data-question=q_4] .checklist-mark").inner_text()
    assert marks == ("Numërohet te seksioni A: tregues." if lang == "sq" else "Counts towards section A: indicative.")
    assert tab.locator(".checklist-next").inner_text() == (
        "Pyetja në vijim: 15 (pyetja 14 kapërcehet)." if lang == "sq" else "Next: question 15 (question 14 is skipped).")
    assert tab.locator("fieldset[data-question=q_14] input[value=clear]").is_disabled()
    assert tab.locator("fieldset[data-question=q_14] textarea").is_disabled()


@pytest.mark.parametrize("lang", ["sq", "en"])
def test_child_case_shows_each_situation_and_what_it_requires(server, tab, corpus, lang):
    tab.goto(_url(server, lang))
    _fill(tab, next(c for c in CASES if c["id"] == "child_a_and_c_only"))
    child = corpus.table("nrm-annex-1", "questionnaire")["determination"]["child"]
    steps = tab.locator('.checklist-steps[data-age-group="child"]')
    assert steps.is_visible()
    assert steps.locator(":scope > ol li").all_inner_texts() == [s[lang] for s in child["editorial"]["steps"]]
    situations = steps.locator(".checklist-situation")
    assert situations.count() == len(child["situations"]) == 4
    for k, situation in enumerate(child["situations"]):
        shown = situations.nth(k)
        assert shown.locator("ol li").all_inner_texts() == [s[lang] for s in situation["editorial"]["steps"]]
        shown.locator("details summary").click()
        assert shown.locator("details p").all_inner_texts() == situation["text"][lang]  # the printed text
    # B is not required for a child, and the page says so
    part_b = tab.locator('.checklist-part-result[data-part="B"]').inner_text()
    assert ("Nuk kërkohet për një fëmijë." if lang == "sq" else "Not required for a child.") in part_b


# --- private by design ----------------------------------------------------------------------------

STORAGE = """async () => ({
  cookie: document.cookie,
  local: Object.keys(localStorage),
  session: Object.keys(sessionStorage),
  indexedDB: (await indexedDB.databases()).map(d => d.name),
  caches: await caches.keys(),
  serviceWorkers: (await navigator.serviceWorker.getRegistrations()).length,
  history: history.length,
  url: location.href,
})"""
SECRET = "Arta Kryeziu, Rruga e Durrësit 12"


def test_interviewer_leaves_no_trace_while_filling_the_checklist(server, browser, request):
    context = new_context(browser, request)
    tab = context.new_page()
    requests = {"load": [], "filling": [], "leaving": []}
    phase = ["load"]
    tab.on("request", lambda request: requests[phase[0]].append(request.url))
    url = _url(server, "en")
    tab.goto(url, wait_until="networkidle")
    before = tab.evaluate(STORAGE)

    phase[0] = "filling"
    tab.check(f'{FORM} input[name="age_group"][value="child"]')
    tab.fill("fieldset[data-question=q_1] textarea", SECRET)
    tab.check(f'{FORM} input[name="q_1"][value="named_activity"]')
    tab.check(f'{FORM} input[name="q_5"][value="yes"]')
    other = tab.locator("fieldset[data-question=q_12] input.checklist-other")
    other.fill(SECRET)
    assert tab.is_checked(f'{FORM} input[name="q_12"][value="other"]')  # typing who ticks "Other"
    other.press("Enter")  # an attempt at submitting the form
    # and a submission itself: the page cancels it
    assert tab.evaluate("""() => { const submit = new SubmitEvent("submit", {cancelable: true});
                                   document.querySelector("form.checklist").dispatchEvent(submit);
                                   return submit.defaultPrevented; }""")
    tab.wait_for_timeout(300)
    assert tab.get_attribute(".checklist-determination", "data-status") == "met"
    during = tab.evaluate(STORAGE)
    cookies = context.cookies()
    tab.click(f"{FORM} button.checklist-clear")
    after_clear = tab.evaluate(STORAGE)
    assert tab.input_value("fieldset[data-question=q_1] textarea") == "" and other.input_value() == ""
    assert tab.locator(f"{FORM} input:checked").count() == 0

    # leaving the page empties the form (should the browser keep the page to go back to) ...
    tab.fill("fieldset[data-question=q_1] textarea", SECRET)
    tab.check(f'{FORM} input[name="q_4"][value="yes"]')
    tab.evaluate("window.dispatchEvent(new PageTransitionEvent('pagehide', {persisted: true}))")
    assert tab.input_value("fieldset[data-question=q_1] textarea") == ""
    assert tab.locator(f"{FORM} input:checked").count() == 0
    # ... and coming back shows nothing typed or ticked
    tab.fill("fieldset[data-question=q_1] textarea", SECRET)
    tab.check(f'{FORM} input[name="q_4"][value="yes"]')
    phase[0] = "leaving"
    tab.goto(f"{server}/en/nrm-annex-1.html")
    tab.go_back()
    assert tab.input_value("fieldset[data-question=q_1] textarea") == ""
    assert tab.locator(f"{FORM} input:checked").count() == 0
    back = tab.evaluate(STORAGE)
    context.close()

    own = f"{server}/"
    assert requests["load"] and all(r.startswith(own) for r in requests["load"])
    assert requests["filling"] == []
    assert set(requests["leaving"]) - set(requests["load"]) == {f"{own}en/nrm-annex-1.html"}
    assert not [r for r in requests["load"] + requests["leaving"] if "Arta" in r or "Durr" in r]
    empty = {"cookie": "", "local": [], "session": [], "indexedDB": [], "caches": [], "serviceWorkers": 0}
    for state in (before, during, after_clear, back):
        assert {k: state[k] for k in empty} == empty
    for state in (during, after_clear):
        assert state["url"] == url and state["history"] == before["history"]
    assert back["url"] == url
    assert cookies == []
    title = "checklist: privacy (requests recorded; storage while filling and after Clear)"
    report(title, f"page load: {len(requests['load'])} requests, all to the site's own static files: "
           + ", ".join(sorted({r.removeprefix(own) for r in requests["load"]})))
    report(title, f"filling, typing, Enter in a text field, a forced submission, Clear: {len(requests['filling'])} requests; "
           "URL and history length unchanged")
    report(title, f"leaving for the Annex 1 page and going back: {len(requests['leaving'])} requests, all to the site "
           "itself (the Annex page, then the checklist's own files again); the form came back empty")
    report(title, f"storage while filling: {json.dumps({k: during[k] for k in empty})}; after Clear and after "
           "coming back: the same; cookies: []")


# --- keyboard and screen readers ------------------------------------------------------------------

def _active(tab) -> dict:
    return tab.evaluate("""() => { const e = document.activeElement;
      return {tag: e.tagName, name: e.name || "", value: e.value || "", type: e.type || "",
              cls: e.className || "", outline: getComputedStyle(e).outlineStyle}; }""")


def _tab_to(tab, test, limit=80) -> dict:
    for _ in range(limit):
        tab.keyboard.press("Tab")
        active = _active(tab)
        if test(active):
            return active
    raise AssertionError(f"Tab never reached the control; last: {_active(tab)}")


def _choose(tab, name: str, value: str):
    """Tab into the group of `name`, then pick `value` with the arrow keys (radio) or Space."""
    active = _tab_to(tab, lambda a: a["name"] == name)
    if active["type"] == "checkbox":
        while _active(tab)["value"] != value:
            tab.keyboard.press("Tab")
        tab.keyboard.press("Space")
        return
    if active["value"] == value:
        tab.keyboard.press("Space")
    while _active(tab)["value"] != value:
        tab.keyboard.press("ArrowDown")


def test_interviewer_fills_a_child_case_with_the_keyboard_alone(server, tab):
    tab.goto(_url(server, "en"))
    _choose(tab, "age_group", "child")
    active = _active(tab)
    assert active["outline"] != "none"  # the focused control is visibly marked
    textarea = _tab_to(tab, lambda a: a["tag"] == "TEXTAREA")
    assert textarea["tag"] == "TEXTAREA"
    tab.keyboard.type("kitchen work in a bar")
    _choose(tab, "q_1", "named_activity")
    _choose(tab, "q_2", "more_than_week")
    _choose(tab, "q_11", "family")
    _choose(tab, "q_15", "friend")
    result, steps = _page_result(tab)
    assert result["status"] == "met" and steps == ["child"]
    assert result["indicative"] == {"A": ["q_1:may"], "B": [], "C": ["q_11:may", "q_15:may"]}
    assert result["counter"] == ["q_2:may_not"]
    assert tab.input_value("fieldset[data-question=q_1] textarea") == "kitchen work in a bar"
    # on to the result: the editorial note on the child rule, then the printed text, open with the
    # keyboard; then Clear
    _tab_to(tab, lambda a: a["tag"] == "SUMMARY")
    tab.keyboard.press("Enter")
    assert tab.locator(".checklist-child-reading details[open]").count() == 1
    tab.keyboard.press("Tab")  # (into the open note, on to the next summary)
    _tab_to(tab, lambda a: a["tag"] == "SUMMARY")
    tab.keyboard.press("Enter")
    assert tab.locator('.checklist-steps[data-age-group="child"] details[open]').count() == 1
    _tab_to(tab, lambda a: "checklist-clear" in a["cls"])
    tab.keyboard.press("Enter")
    assert tab.locator(f"{FORM} input:checked").count() == 0
    assert _active(tab)["name"] == "age_group"  # back at the start, ready for the next person
    assert tab.locator(".checklist-announce").inner_text() == "All answers cleared."


@pytest.mark.parametrize("lang", ["sq", "en"])
def test_every_control_is_labelled_and_results_are_announced(server, tab, lang):
    tab.goto(_url(server, lang))
    unnamed = tab.evaluate("""() => Array.from(document.querySelectorAll(
        "form.checklist input, form.checklist textarea, form.checklist button")).filter(e =>
        !(e.labels && e.labels.length && e.labels[0].innerText.trim()) && !(e.getAttribute("aria-label") || "").trim()
        && !(e.tagName === "BUTTON" && e.innerText.trim())).map(e => e.outerHTML)""")
    assert unnamed == []
    legends = tab.evaluate("""() => Array.from(document.querySelectorAll("form.checklist fieldset")).map(f =>
        f.querySelector(":scope > legend") ? f.querySelector(":scope > legend").innerText.trim() : "")""")
    assert len(legends) == 1 + 15 + 2 and all(legends)
    live = tab.locator("[aria-live]")
    assert live.count() == 1 and live.get_attribute("aria-live") == "polite"
    assert live.get_attribute("aria-atomic") == "true"
    tab.check(f'{FORM} input[name="age_group"][value="adult"]')
    tab.check(f'{FORM} input[name="q_4"][value="yes"]')
    said = live.inner_text()
    if lang == "sq":
        assert said == ("A. Shfrytezimi: Përgjigje treguese: pyetja 4 (tregues). Me përgjigje: 1 nga 7. "
                        "Ende nuk ka përgjigje të mjaftueshme: deri tani asnjë përgjigje treguese në seksionet B dhe C.")
    else:
        assert said == ("A. Exploitation: Indicative answers: question 4 (indicative). Answered: 1 of 7. "
                        "Not enough answered yet: no indicative answer so far in sections B and C.")
    _tick(tab, {"q_8": "yes", "q_13": ["family"]})
    assert live.inner_text().endswith(
        "të paktën një përgjigje treguese në secilin nga seksionet A, B dhe C. Sipas Shtojcës 1, i intervistuari duhet "
        "të klasifikohet si viktimë aktuale, e supozuar ose e mundshme e trafikimit." if lang == "sq" else
        "at least one indicative answer in each of sections A, B and C. Under Annex 1 the interviewee must be "
        "classified as an actual, presumed or potential victim of trafficking.")
    violations = Axe().run(tab).response["violations"]
    serious = [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in violations if v["impact"] in ("serious", "critical")]
    assert serious == []
    report("accessibility (axe: serious or critical violations)", f"{lang} checklist (filled) 0 ({len(violations)} minor)")


# --- bad data -------------------------------------------------------------------------------------

def _project_with(tmp_path: Path, edit) -> Path:
    root = tmp_path / "project"
    for name in ("data", "sources", "locales"):
        shutil.copytree(ROOT / name, root / name)
    path = root / "data" / "documents" / "nrm-annex-1" / "questionnaire.yml"
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    return root


def test_editor_who_drops_the_assessment_of_a_free_text_question_is_told_where(tmp_path):
    def drop_q14_assessment(text):
        start = text.index("    editorial:\n      assessment:", text.index("  - id: q_14"))
        end = text.index("  - id: q_15")
        return text[:start] + text[end:]

    root = _project_with(tmp_path, drop_q14_assessment)
    with pytest.raises(DataError) as caught:
        corpus_module.load(root)
    problem = caught.value.problems[0]
    assert problem.file == "data/documents/nrm-annex-1/questionnaire.yml" and problem.field == "questions.13"
    assert "editorial" in caught.value.report()
    line = (root / "data" / "documents" / "nrm-annex-1" / "questionnaire.yml").read_text(encoding="utf-8").splitlines()[problem.line - 1]
    assert re.search(r"id: q_14", line)


def test_editor_who_leaves_a_situation_without_steps_is_told_where(tmp_path):
    root = _project_with(tmp_path, lambda text: text[:text.index("        editorial:\n          title:")])
    with pytest.raises(DataError) as caught:
        corpus_module.load(root)
    problem = caught.value.problems[0]
    assert problem.file == "data/documents/nrm-annex-1/questionnaire.yml" and problem.field == "determination.child.situations.3"
    assert "a field 'editorial'" in caught.value.report()


def test_only_what_an_answer_changes_is_announced(server, tab):
    """A screen reader hears the section's indicative answers and the result when they change, the
    routing when a question is skipped, and nothing for an answer that changes none of these."""
    tab.goto(_url(server, "en"))
    announced = lambda: tab.inner_text(".checklist-announce")
    tab.check(f'{FORM} input[name="age_group"][value="adult"]')
    tab.evaluate("document.querySelector('.checklist-announce').textContent = ''")
    tab.check(f'{FORM} input[name="q_3"][value="no"]')  # not indicative: nothing changes
    assert announced() == ""
    tab.check(f'{FORM} input[name="q_3"][value="yes"]')
    assert "A. Exploitation: Indicative answers: question 3 (may be indicative)" in announced()
    for question in ("q_11", "q_12", "q_13"):
        tab.check(f'{FORM} input[name="{question}"][value="family"]')
    assert "Next: question 15 (question 14 is skipped)." in announced()
    assert tab.get_attribute("fieldset[data-question=q_11]", "aria-describedby") == "checklist-q_11-hint checklist-q_11-mark"
    assert "If the interviewee did not make arrangements personally" in tab.inner_text("#checklist-q_11-hint")


def test_the_reading_of_the_child_rule_is_shown_when_a_child_does_not_meet_it(server, tab):
    """The editorial note on the child rule ("A and C", or "A or C"?) matters most when the criteria
    are not met: it is offered for a child whatever the result, and never for an adult."""
    tab.goto(_url(server, "en"))
    reading = tab.locator(".checklist-child-reading")
    tab.check(f'{FORM} input[name="age_group"][value="adult"]')
    assert not reading.is_visible()
    tab.check(f'{FORM} input[name="age_group"][value="child"]')
    tab.check(f'{FORM} input[name="q_4"][value="yes"]')
    for question in ("q_11", "q_12", "q_13"):
        tab.check(f'{FORM} input[name="{question}"][value="self"]')
    tab.check(f'{FORM} input[name="q_14"][value="clear"]')
    tab.check(f'{FORM} input[name="q_15"][value="self"]')
    assert tab.get_attribute(".checklist-determination", "data-status") == "not_met"
    assert reading.is_visible()
    reading.locator("summary").click()
    assert "in section A and C only" in reading.inner_text()


def test_the_other_line_and_its_tick_box_stay_in_step(server, tab):
    tab.goto(_url(server, "en"))
    box, line = f'{FORM} input[name="q_11"][value="other"]', "fieldset[data-question=q_11] input.checklist-other"
    tab.fill(line, "an uncle")
    assert tab.is_checked(box)
    tab.fill(line, "")
    assert not tab.is_checked(box)
    tab.fill(line, "an uncle")
    tab.uncheck(box)
    assert tab.input_value(line) == ""
