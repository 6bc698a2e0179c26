"""The divergence report's findings where translators read (Chromium): each row with a finding has a
badge, its differing words are marked (a hidden label says why to a screen reader; an underline, not
colour alone), the filter shows exactly the rows with findings, and axe finds no serious problem."""
from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import report
from trafiklex.translators import divergence
from trafiklex.views.render_translations import row_id  # noqa: F401  (the rows' anchors: clause ids)

DOCUMENTS = ("child-trafficking-action-plan", "nrm-agreement")


@pytest.mark.parametrize("lang", ["sq", "en"])
@pytest.mark.parametrize("document", DOCUMENTS)
def test_the_filter_shows_exactly_the_rows_with_findings(server, tab, corpus, document, lang):
    expected = {f.clause or "head" for f in divergence.report(corpus) if f.document == document and not f.accepted}
    prefix = "" if lang == "sq" else "en/"
    tab.goto(f"{server}/{prefix}parallel/{document}.html")
    rows = tab.locator("table.parallel > tbody > tr")
    total = rows.count()
    assert {r for r in rows.evaluate_all("rows => rows.filter(r => r.classList.contains('has-findings')).map(r => r.id)")} == expected
    tab.locator("#parallel-only-findings").check()
    shown = rows.evaluate_all("rows => rows.filter(r => r.offsetParent !== null).map(r => r.id)")
    assert set(shown) == expected and len(shown) == len(expected) < total
    tab.locator("#parallel-only-findings").uncheck()
    assert rows.evaluate_all("rows => rows.filter(r => r.offsetParent !== null).length") == total
    report("side by side: rows with findings", f"{lang} {document}: {len(expected)} of {total} rows")


@pytest.mark.parametrize("lang", ["sq", "en"])
def test_a_marked_word_is_announced_and_not_shown_by_colour_alone(server, tab, lang):
    prefix = "" if lang == "sq" else "en/"
    tab.goto(f"{server}/{prefix}parallel/child-trafficking-action-plan.html#sec_2__obj_1__act_10")
    row = tab.locator("#sec_2__obj_1__act_10")
    marks = row.locator("mark.finding-mark")
    texts = marks.all_text_contents()
    word = "difference" if lang == "en" else "ndryshim"
    assert any("kujdestarise" in t for t in texts) and any("foster" in t for t in texts)
    assert all(word in t for t in texts)  # the hidden label is read out with the word
    style = marks.first.evaluate("m => getComputedStyle(m).textDecorationLine")
    assert "underline" in style
    badge = row.locator(".finding-badge[data-kind='terms'] .finding-label").inner_text()
    assert ("Terms" if lang == "en" else "Termat") in badge
    # what the accessibility tree gives a screen reader for the marked word: the label with it
    assert word in row.locator("td").nth(0 if lang == "sq" else 0).aria_snapshot() or word in marks.first.aria_snapshot()


@pytest.mark.parametrize("lang", ["sq", "en"])
@pytest.mark.parametrize("filtered", [False, True])
def test_the_view_with_its_findings_has_no_serious_accessibility_problem(server, tab, lang, filtered):
    prefix = "" if lang == "sq" else "en/"
    tab.goto(f"{server}/{prefix}parallel/child-trafficking-action-plan.html")
    if filtered:
        tab.locator("#parallel-only-findings").check()
    violations = Axe().run(tab).response["violations"]
    serious = [(v["id"], v["impact"], [n["target"] for n in v["nodes"][:3]]) for v in violations
               if v["impact"] in ("serious", "critical")]
    assert serious == []
    report("accessibility (axe: serious or critical violations)", f"{lang} side by side, findings{' filtered' if filtered else ''} 0")
