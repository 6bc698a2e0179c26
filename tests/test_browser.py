"""In a real browser (Debian's Chromium driven by Playwright): every document opens in both languages,
and switching language on a clause link lands on the same clause."""
from __future__ import annotations

import pytest

TITLES = {  # words of each printed title, as the page must show them
    "order-25-2005": {"sq": "MIRATIMIN E PLANIT TE VEPRIMIT", "en": "THE APPROVAL OF THE PLAN OF ACTION"},
    "national-action-plan-2005-2007": {"sq": "STRATEGJIA KOMBETARE SHQIPTARE PER LUFTEN",
                                       "en": "ALBANIAN NATIONAL STRATEGY FOR COMBATING"},
    "decision-171-2005": {"sq": "MIRATIMIN E STRATEGJISË KOMBËTARE", "en": "THE APPROVAL OF THE NATIONAL STRATEGY AGAINST"},
    "child-trafficking-strategy": {"sq": "STRATEGJIA KOMBETARE KUNDER TRAFIKIMIT TE FEMIJEVE",
                                   "en": "NATIONAL STRATEGY FOR THE FIGHT AGAINST CHILD TRAFFICKING"},
    "child-trafficking-action-plan": {"sq": "PLANI I VEPRIMIT", "en": "ACTION PLAN"},
    "nrm-agreement": {"sq": "MARREVESHJE BASHKEPUNIMI", "en": "COOPERATION AGREEMENT TO ESTABLISH"},
    "nrm-annex-1": {"sq": "UDHEZIME PER PERCAKTIMIN E VIKTIMAVE", "en": "INSTRUCTIONS FOR THE DETERMINATION"},
}


def url(server: str, page_name: str, lang: str, anchor: str = "") -> str:
    path = f"{page_name}.html" if lang == "sq" else f"en/{page_name}.html"
    return f"{server}/{path}" + (f"#{anchor}" if anchor else "")


@pytest.mark.parametrize("lang", ["sq", "en"])
@pytest.mark.parametrize("document_id", list(TITLES))
def test_reader_opens_each_document_in_each_language(server, tab, corpus, document_id, lang):
    tab.goto(url(server, corpus.document(document_id)["page"], lang))
    assert tab.locator("html").get_attribute("lang") == lang
    heading = " ".join(tab.locator("article h1").inner_text().split())
    assert TITLES[document_id][lang] in heading
    assert tab.title().startswith(corpus.document(document_id)["short_title"][lang])


def _switch_language(tab, to: str) -> None:
    tab.hover(".md-select")
    tab.locator(f"a.md-select__link[hreflang='{to}']").click()
    tab.wait_for_load_state()


@pytest.mark.parametrize("page_name,anchor,sq_words,en_words", [
    ("nrm-agreement", "art_5__A__4", "intervistohen sa me", "interviewed in a timely"),
    ("child-trafficking-action-plan", "sec_2__obj_4__act_4", "Monitorimi dhe ndjekja", "Take steps to monitor adoption"),
    ("child-trafficking-strategy", "cc_128-b__4", "vdekjen e femijes", "Causing death of the child"),
    ("nrm-annex-1", "q_11", "Kush e organizoi transportimin", "Who arranged the interviewee"),
])
def test_ngo_link_lands_on_same_clause_after_language_switch(server, tab, page_name, anchor, sq_words, en_words):
    tab.goto(url(server, page_name, "sq", anchor))
    assert sq_words in tab.locator(f"[id='{anchor}']").inner_text()
    _switch_language(tab, "en")
    assert tab.url == url(server, page_name, "en", anchor)
    target = tab.locator(":target")
    assert target.get_attribute("id") == anchor
    assert en_words in target.inner_text()
    assert target.is_visible()
    _switch_language(tab, "sq")
    assert tab.url == url(server, page_name, "sq", anchor)
    assert tab.locator(":target").get_attribute("id") == anchor
