"""In Chromium: the 'what is due' table filters to exactly one institution's obligations, acronyms
show their expansion on focus, and an internal reference leads to its clause."""
from __future__ import annotations

from test_obligations import HAND_READ

TOOLTIP = "() => Array.from(document.querySelectorAll('.md-tooltip2--active')).map(e => e.innerText)"


def _visible_clauses(tab) -> set[str]:
    return set(tab.eval_on_selector_all("table.due tbody tr:not([hidden])", "rows => rows.map(r => r.dataset.clause)"))


def test_official_filters_what_is_due_to_their_institution(server, tab):
    tab.goto(f"{server}/en/obligations.html")
    assert len(_visible_clauses(tab)) == 119
    tab.select_option("form.due-filters select[name=institution]", "mfa")
    assert _visible_clauses(tab) == HAND_READ["mfa"]
    assert tab.locator("form.due-filters output").inner_text() == "Showing 14 of 119 obligations"
    tab.select_option("form.due-filters select[name=deadline]", "2005-09")
    # "Shtator 2005 dhe ne vazhdimesi" (activity 1) starts that month; 5, 6 and 7 are due by then
    assert _visible_clauses(tab) == {"child-trafficking-action-plan#sec_4__obj_1__act_1",
                                     "child-trafficking-action-plan#sec_4__obj_1__act_5",
                                     "child-trafficking-action-plan#sec_4__obj_1__act_6",
                                     "child-trafficking-action-plan#sec_4__obj_1__act_7"}


def test_official_filters_what_is_due_to_a_document_or_one_of_its_sections(server, tab, corpus):
    tab.goto(f"{server}/obligations.html")
    plan = [f"child-trafficking-action-plan#{a['id']}" for _, _, _, a in corpus.activities()]
    tab.select_option("form.due-filters select[name=section]", "child-trafficking-action-plan")
    assert _visible_clauses(tab) == set(plan) and len(plan) == 70
    tab.select_option("form.due-filters select[name=section]", "child-trafficking-action-plan:3")
    assert _visible_clauses(tab) == {c for c in plan if c.split("#")[1].startswith("sec_3__")}
    assert tab.locator("form.due-filters select[name=section] option[value='child-trafficking-action-plan']").inner_text() \
        == "Plani i Veprimit kundër Trafikimit të Fëmijëve – të gjitha"


def test_official_sorts_what_is_due_by_deadline(server, tab):
    tab.goto(f"{server}/obligations.html")
    tab.select_option("form.due-filters select[name=institution]", "moj")
    tab.click("form.due-filters button.sort-deadline")
    order = tab.eval_on_selector_all("table.due tbody tr:not([hidden])", "rows => rows.map(r => r.dataset.deadline)")
    assert order == ["2005-06", "2005-09", "2005-09", "2005-09", "2005-12", "2005-12", "ongoing", "ongoing"]
    assert tab.get_attribute("form.due-filters button.sort-deadline", "aria-pressed") == "true"


def test_reader_sees_acronym_expansion_on_keyboard_focus(server, tab):
    tab.goto(f"{server}/child-trafficking-action-plan.html")
    link = tab.locator("table.activities td a.body").first
    assert link.inner_text() == "MRP"
    link.focus()
    tab.wait_for_timeout(400)
    assert tab.evaluate(TOOLTIP) == ["Ministria e Rendit Publik"]


def test_ngo_follows_an_internal_reference_to_its_clause(server, tab):
    tab.goto(f"{server}/en/nrm-agreement.html#art_5__A__5")
    reference = tab.locator("[id='art_5__A__5'] a.ref")
    assert reference.inner_text() == "5.A.4"
    reference.click()
    assert tab.url.endswith("/en/nrm-agreement.html#art_5__A__4")
    assert tab.locator(":target").get_attribute("id") == "art_5__A__4"
    assert "interviewed in a timely" in tab.locator(":target").inner_text()
