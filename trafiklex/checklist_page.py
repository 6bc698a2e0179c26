"""The victim identification checklist page: Annex 1 as a form an interviewer fills in, in one language.

Rendered from data/screening.yml: the printed questions, options and hints as a real HTML form, the
editorial controls and steps (marked as such), and the rules (trafiklex.screening_rules) embedded as
JSON for docs/assets/javascripts/checklist.js, which evaluates them as answers are ticked. The form
never submits (method="dialog", and the script cancels submission), its text fields have no name,
and nothing is stored: see the script.
"""
from __future__ import annotations

import json

from . import urls
from .corpus import Corpus
from .render import esc, note
from .screening_rules import AGE_GROUPS, rules

PAGE = "checklist"
ANNEX_PAGE = "nrm-annex-1"
CHILD_RULE_NOTE = "annex1-child-rule-sections"

# Words of the page's interface; {placeholders} are filled in here or by the script.
WORDS = {
    "sq": {
        "form": "Lista e kontrollit për identifikimin e viktimave",
        "judgement": "Kjo listë kontrolli e mbështet gjykimin e intervistuesit; nuk e zëvendëson atë.",
        "judgement_more": "Ajo zbaton rregullat e Shtojcës 1 mbi përgjigjet e shënuara; çfarë thotë personi, dhe si e "
                          "thotë, mbetet për t’u vlerësuar nga intervistuesi, sipas parimeve të Shtojcës.",
        "privacy": "Privatësia: asgjë nga sa shënoni ose shkruani nuk largohet nga kjo faqe dhe nuk ruhet — asnjë "
                   "kërkesë në rrjet, asnjë cookie, asnjë ruajtje në shfletues, asgjë në adresë. Butoni “Pastro”, "
                   "largimi nga faqja ose ringarkimi i saj i fshijnë të gjitha.",
        "printed_editorial": "Pyetjet, opsionet, shënimet, rregulli i kalimit te pyetjet dhe përcaktimi janë teksti i "
                             "shtypur i Shtojcës 1. Pjesët e shënuara “tekst editorial” janë shkruar nga ky botim.",
        "noscript": "Kjo listë kontrolli ka nevojë për JavaScript, që punon vetëm brenda shfletuesit tuaj. "
                    "Pyetësori i shtypur është te Shtojca 1.",
        "annex_link": "Shtojca 1, seksioni V",
        "new_tab": "(hapet në një skedë të re, që përgjigjet këtu të mbeten)",
        "age_group": "I intervistuari është",
        "editorial": "tekst editorial",
        "free_text": "Përgjigjja e të intervistuarit (mbetet vetëm në këtë faqe)",
        "other_text": "Të tjerë: kush",
        "result": "Rezultati",
        "what_follows": "Çfarë vijon",
        "in_short": "Shkurtimisht",
        "printed_text": "Teksti i shtypur",
        "situations": "Situatat e mundshme",
        "child_reading": "Pse seksionet A dhe C: shënimi editorial",
        "clear": "Pastro",
        "cleared": "Të gjitha përgjigjet u fshinë.",
        # filled in by the script
        "group": {"adult": "një të rritur", "child": "një fëmijë"},
        "and": "dhe",
        "in_sections": {"one": "seksionin {x}", "many": "seksionet {x}"},
        "sections": {"one": "seksioni {x}", "many": "seksionet {x}"},
        "each_of": {"one": "seksionin {x}", "many": "secilin nga seksionet {x}"},
        "status_age": "Zgjidhni nëse i intervistuari është i rritur apo fëmijë.",
        "status_incomplete": "Ende nuk ka përgjigje të mjaftueshme: deri tani asnjë përgjigje treguese në {sections}.",
        "status_not_met": "Kriteret nuk plotësohen për {group}: {sections} pa asnjë përgjigje treguese, ndonëse çdo "
                          "pyetje ka marrë përgjigje.",
        "status_met": "Kriteret plotësohen për {group}: të paktën një përgjigje treguese në {sections}. Sipas Shtojcës 1, "
                      "i intervistuari duhet të klasifikohet si viktimë aktuale, e supozuar ose e mundshme e trafikimit.",
        "question": "pyetja {n}",
        "part_indicative": "Përgjigje treguese: {list}.",
        "part_none": "Ende asnjë përgjigje treguese.",
        "part_none_complete": "Asnjë përgjigje treguese.",
        "part_counter": "Tregues i kundërt (nuk numërohet): {list}.",
        "part_answered": "Me përgjigje: {n} nga {total}.",
        "part_not_required": "Nuk kërkohet për {group}.",
        "mark_indicative": "Numërohet te seksioni {part}: {strength}.",
        "mark_counter": "Nuk numërohet: {strength}.",
        "mark_skipped": "Kapërcehet: asnjë “vete” te pyetjet {questions}.",
        "next": "Pyetja në vijim: {n}.",
        "next_skipping": "Pyetja në vijim: {n} (pyetja {skipped} kapërcehet).",
    },
    "en": {
        "form": "Victim identification checklist",
        "judgement": "This checklist supports the interviewer’s judgement; it does not replace it.",
        "judgement_more": "It applies the rules of Annex 1 to the answers ticked; what the person says, and how, remains "
                          "for the interviewer to weigh, under the principles of the Annex.",
        "privacy": "Private: nothing you tick or type leaves this page or is kept — no network request, no cookie, no "
                   "browser storage, nothing in the address. “Clear”, leaving the page or reloading it erases it all.",
        "printed_editorial": "The questions, options, hints, routing and determination are the printed text of Annex 1. "
                             "The parts marked “editorial text” are this edition’s.",
        "noscript": "This checklist needs JavaScript, which runs only in your browser. The printed questionnaire is in "
                    "Annex 1.",
        "annex_link": "Annex 1, section V",
        "new_tab": "(opens in a new tab, so that the answers here stay)",
        "age_group": "The interviewee is",
        "editorial": "editorial text",
        "free_text": "The interviewee’s answer (stays on this page only)",
        "other_text": "Other: who",
        "result": "Result",
        "what_follows": "What follows",
        "in_short": "In short",
        "printed_text": "The printed text",
        "situations": "The situations that may result",
        "child_reading": "Why sections A and C: the editorial note",
        "clear": "Clear",
        "cleared": "All answers cleared.",
        "group": {"adult": "an adult", "child": "a child"},
        "and": "and",
        "in_sections": {"one": "section {x}", "many": "sections {x}"},
        "sections": {"one": "section {x}", "many": "sections {x}"},
        "each_of": {"one": "section {x}", "many": "each of sections {x}"},
        "status_age": "Choose whether the interviewee is an adult or a child.",
        "status_incomplete": "Not enough answered yet: no indicative answer so far in {sections}.",
        "status_not_met": "Criteria not met for {group}: {sections} answered in full with no indicative answer.",
        "status_met": "Criteria met for {group}: at least one indicative answer in {sections}. Under Annex 1 the "
                      "interviewee must be classified as an actual, presumed or potential victim of trafficking.",
        "question": "question {n}",
        "part_indicative": "Indicative answers: {list}.",
        "part_none": "No indicative answer yet.",
        "part_none_complete": "No indicative answer.",
        "part_counter": "Counter-indication (not counted): {list}.",
        "part_answered": "Answered: {n} of {total}.",
        "part_not_required": "Not required for {group}.",
        "mark_indicative": "Counts towards section {part}: {strength}.",
        "mark_counter": "Not counted: {strength}.",
        "mark_skipped": "Skipped: no “self” to questions {questions}.",
        "next": "Next: question {n}.",
        "next_skipping": "Next: question {n} (question {skipped} is skipped).",
    },
}


def page_data(corpus: Corpus, lang: str) -> dict:
    """What the script needs: the rules, and the words to report them in this language."""
    data = corpus.screening
    nums = {q["id"]: q["num"] for q in data["questions"]}
    routing_questions = {r["after"]: _span([nums[q] for q in r["rule"]["if_any_of"]]) for r in data["routing"]}
    return {
        "rules": rules(data),
        "words": WORDS[lang],
        "strengths": {k: v[lang] for k, v in data["editorial"]["strengths"].items()},
        "parts": {p["letter"]: f"{p['letter']}. {p['title'][lang].rstrip(':')}" for p in data["parts"]},
        "routing_questions": routing_questions,
    }


def _span(numbers: list[int]) -> str:
    """11–13 for 11, 12, 13; 4, 7 otherwise."""
    if len(numbers) > 2 and numbers == list(range(numbers[0], numbers[-1] + 1)):
        return f"{numbers[0]}–{numbers[-1]}"
    return ", ".join(map(str, numbers))


def json_script(value: dict) -> str:
    """Data for the script, inert (type application/json) and unable to close its element early."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True).replace("</", "<\\/")
    return f'<script type="application/json" class="checklist-rules">{text}</script>'


def _tag(lang: str) -> str:
    return f' <span class="checklist-editorial">({esc(WORDS[lang]["editorial"])})</span>'


def _choice(kind: str, name: str, value: str, text: str) -> str:
    return (f'<label class="checklist-choice"><input type="{kind}" name="{esc(name)}" value="{esc(value)}">'
            f' <span>{text}</span></label>')


def _question(question: dict, lang: str) -> str:
    qid = question["id"]
    editorial = question.get("editorial", {})
    body = [f'<legend><span class="num">{question["num"]}.</span> {esc(question["text"][lang])}</legend>']
    if question["answer"] == "text":
        body.append(f'<label class="checklist-free">{esc(WORDS[lang]["free_text"])}'
                    f'<textarea rows="2" autocomplete="off" spellcheck="false" autocapitalize="off"></textarea></label>')
    if question.get("hint"):
        body.append(f'<p class="hint" id="checklist-{esc(qid)}-hint">{esc(question["hint"][lang])}</p>')
    assessment = editorial.get("assessment")
    if assessment:
        choices = "".join(_choice("radio", qid, o["id"], esc(o["label"][lang])) for o in assessment["options"])
        body.append(f'<fieldset class="checklist-assessment"><legend>{esc(assessment["label"][lang])}{_tag(lang)}</legend>'
                    f'<div class="checklist-options">{choices}</div></fieldset>')
    if question.get("options"):
        kind = "checkbox" if editorial.get("several_answers") else "radio"
        choices = [_choice(kind, qid, o["id"], esc(o["label"][lang])) for o in question["options"]]
        if question.get("other"):
            other = (f'<input type="text" class="checklist-other" autocomplete="off" spellcheck="false" '
                     f'aria-label="{esc(WORDS[lang]["other_text"])}">')
            choices.append(f'<span class="checklist-other-choice">{_choice(kind, qid, "other", esc(question["other"][lang]))}'
                           f'{other}</span>')
        body.insert(1, f'<div class="checklist-options">{"".join(choices)}</div>')
    body.append(f'<p class="checklist-mark" id="checklist-{esc(qid)}-mark" data-for="{esc(qid)}"></p>')
    described = " ".join(f"checklist-{qid}-{kind}" for kind in ("hint", "mark") if kind == "mark" or question.get("hint"))
    return (f'<fieldset class="checklist-question" data-question="{esc(qid)}" data-part="{esc(question["part"])}" '
            f'aria-describedby="{esc(described)}">{"".join(body)}</fieldset>')


def _steps(steps: list[dict], lang: str) -> str:
    items = "".join(f"<li>{esc(step[lang])}</li>" for step in steps)
    return (f'<p class="checklist-in-short">{esc(WORDS[lang]["in_short"])}{_tag(lang)}:</p>'
            f'<ol class="checklist-step-list">{items}</ol>')


def _printed(paragraphs: list[str], lang: str) -> str:
    text = "".join(f"<p>{esc(p)}</p>" for p in paragraphs)
    return f'<details class="checklist-printed"><summary>{esc(WORDS[lang]["printed_text"])}</summary>{text}</details>'


def _adult_steps(det: dict, lang: str) -> str:
    rule = det["adult"]
    return (f'<div class="checklist-steps" data-age-group="adult" hidden>'
            f'<h3>{esc(WORDS[lang]["what_follows"])}</h3>{_steps(rule["editorial"]["steps"], lang)}'
            f'{_printed([rule["text"][lang]], lang)}</div>')


def _child_steps(corpus: Corpus, det: dict, lang: str) -> str:
    rule = det["child"]
    out = ['<div class="checklist-steps" data-age-group="child" hidden>',
           f'<h3>{esc(WORDS[lang]["what_follows"])}</h3>{_steps(rule["editorial"]["steps"], lang)}',
           _printed([rule["text"][lang]], lang),
           f'<h3>{esc(WORDS[lang]["situations"])}</h3>']
    for situation in rule["situations"]:
        editorial = situation["editorial"]
        if "title" in situation:
            title = esc(situation["title"][lang])
        else:
            title = esc(editorial["title"][lang]) + _tag(lang)
        out.append(f'<section class="checklist-situation" data-situation="{situation["num"]}">'
                   f'<h4><span class="num">{situation["num"]}.</span> {title}</h4>'
                   f'{_steps(editorial["steps"], lang)}{_printed(situation["text"][lang], lang)}</section>')
    out.append("</div>")
    return "".join(out)


def _child_reading(corpus: Corpus, lang: str) -> str:
    """The editorial note on the child rule's reading: shown for a child whatever the result, since
    the doubt it records matters most when the criteria are not met."""
    return (f'<div class="checklist-child-reading" hidden><details class="checklist-printed">'
            f'<summary>{esc(WORDS[lang]["child_reading"])}</summary>{note(corpus, CHILD_RULE_NOTE, lang)}</details></div>')


def checklist(corpus: Corpus, lang: str, here: str = PAGE) -> str:
    """The whole checklist tool of the page, as one HTML block."""
    data = corpus.screening
    w = WORDS[lang]
    det = data["determination"]
    annex = urls.relative(here, lang, ANNEX_PAGE, lang, "sec_V")
    out = ['<div class="checklist-tool">',
           f'<link rel="stylesheet" href="{esc(urls.asset(here, lang, "assets/stylesheets/checklist.css"))}">',
           f'<div class="admonition info checklist-notice" role="note">'
           f'<p class="admonition-title">{esc(w["judgement"])}</p><p>{esc(w["judgement_more"])}</p>'
           f'<p>{esc(w["privacy"])}</p><p>{esc(w["printed_editorial"])} '
           f'<a href="{esc(annex)}" target="_blank" rel="noopener">{esc(w["annex_link"])}</a> {esc(w["new_tab"])}</p></div>',
           f'<noscript><p class="checklist-noscript">{esc(w["noscript"])}</p></noscript>',
           f'<form class="checklist" method="dialog" autocomplete="off" aria-label="{esc(w["form"])}" hidden>',
           '<div class="checklist-layout"><div class="checklist-questions">']
    ages = "".join(_choice("radio", "age_group", group, esc(det[group]["editorial"]["label"][lang]) + _tag(lang))
                   for group in AGE_GROUPS)
    out.append(f'<fieldset class="checklist-age"><legend>{esc(w["age_group"])}</legend>'
               f'<div class="checklist-options">{ages}</div></fieldset>')
    for part in data["parts"]:
        out.append(f'<section class="checklist-part" data-part="{esc(part["letter"])}">'
                   f'<h2>{esc(part["letter"])}. {esc(part["title"][lang])}</h2>')
        for question in (q for q in data["questions"] if q["part"] == part["letter"]):
            out.append(_question(question, lang))
            for routing in (r for r in data["routing"] if r["after"] == question["id"]):
                out.append(f'<p class="routing">{esc(routing["text"][lang])}</p>'
                           f'<p class="checklist-next" data-after="{esc(routing["after"])}"></p>')
        out.append("</section>")
    out.append('</div><div class="checklist-result">')
    out.append(f'<h2>{esc(w["result"])}</h2><ul class="checklist-parts">')
    for part in data["parts"]:
        out.append(f'<li class="checklist-part-result" data-part="{esc(part["letter"])}" data-indicative="" data-counter="">'
                   f'<strong>{esc(part["letter"])}. {esc(part["title"][lang].rstrip(":"))}</strong> '
                   f'<span class="checklist-part-text"></span></li>')
    out.append('</ul>')
    out.append('<p class="checklist-determination" data-status="incomplete" data-missing="" data-next=""></p>')
    out.append(_adult_steps(det, lang))
    out.append(_child_reading(corpus, lang))
    out.append(_child_steps(corpus, det, lang))
    out.append(f'<p class="checklist-judgement">{esc(w["judgement"])}</p>')
    out.append(f'<button type="button" class="md-button checklist-clear">{esc(w["clear"])}</button>')
    out.append('</div></div></form>')
    out.append('<p class="checklist-announce" aria-live="polite" aria-atomic="true"></p>')
    out.append(json_script(page_data(corpus, lang)))
    out.append(f'<script src="{esc(urls.asset(here, lang, "assets/javascripts/checklist.js"))}"></script>')
    out.append("</div>")
    return "\n\n" + "".join(out) + "\n\n"
