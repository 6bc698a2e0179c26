"""Reader's tools: NGOs cite a clause, trainers print any page, officials in the field take the whole
site offline."""
from __future__ import annotations

import io
import re
from collections import Counter
import subprocess
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import new_context, page, report
from trafiklex.queries.citations import later_effects
from trafiklex.website.fidelity import coverage, tokens
from trafiklex.core.htmltext import page_text, parse
from trafiklex.website.offline import ZIP_PATH

CITATIONS = [  # (page, clause, Albanian citation, English citation): three kinds of clause
    ("nrm-agreement", "art_5__A__4",
     "Marrëveshja për Mekanizmin Kombëtar Referues (18 korrik 2005), neni 5, A.4",
     "National Referral Mechanism Cooperation Agreement (18 July 2005), Article 5, A.4"),
    ("child-trafficking-action-plan", "sec_2__obj_4__act_4",
     "Plani i Veprimit kundër Trafikimit të Fëmijëve (11 shkurt 2005), seksioni 2, objektivi 4, aktiviteti 4",
     "Child Trafficking Action Plan (11 February 2005), Section 2, objective 4, activity 4"),
    ("child-trafficking-strategy", "cc_128-b__4",
     # (an article the Criminal Code has amended since: the citation says so, with the laws that did it)
     "Strategjia kundër Trafikimit të Fëmijëve (11 shkurt 2005), Kodi Penal, neni 128/b, rreshti 4 "
     "[efekt i mëvonshëm: ndryshuar, Ligj nr. 9859 (21 janar 2008); ndryshuar, Ligj nr. 144 (2 maj 2013)]",
     "Child Trafficking Strategy (11 February 2005), Criminal Code, Article 128/b, row 4 "
     "[later effect: amended, Law No. 9859 (21 January 2008); amended, Law No. 144 (2 May 2013)]"),
]


def _url(server, page_name, lang, anchor=""):
    return f"{server}/{'' if lang == 'sq' else 'en/'}{page_name}.html" + (f"#{anchor}" if anchor else "")


@pytest.fixture
def clipboard_tab(browser, server, request):
    context = new_context(browser, request)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    yield context.new_page()
    context.close()


def _open_cite_menu(tab, anchor):
    clause = tab.locator(f"[id='{anchor}']")
    clause.hover()
    button = clause.locator(".cite-button").first
    button.focus()
    tab.keyboard.press("Enter")  # keyboard alone
    tab.wait_for_selector(".cite-menu:not([hidden])")
    return button


@pytest.mark.parametrize("lang", ["sq", "en"])
@pytest.mark.parametrize("page_name,anchor,sq,en", CITATIONS)
def test_ngo_copies_the_citation_of_a_clause(server, clipboard_tab, lang, page_name, anchor, sq, en):
    tab = clipboard_tab
    tab.goto(_url(server, page_name, lang, anchor))
    _open_cite_menu(tab, anchor)
    assert tab.evaluate("document.activeElement.dataset.action") == "link"
    tab.keyboard.press("ArrowDown")
    tab.keyboard.press("Enter")
    tab.wait_for_selector(".cite-status:not(:empty)", state="attached")
    assert tab.evaluate("navigator.clipboard.readText()") == (sq if lang == "sq" else en)
    assert tab.locator(".cite-status").inner_text() in ("Citimi u kopjua", "Citation copied")
    report("citations copied", f"{lang} {anchor}: {sq if lang == 'sq' else en}")


def test_tab_out_of_the_cite_menu_goes_on_from_its_clause(server, tab):
    """Keyboard alone: Tab in the open menu closes it and moves on from the clause's button, not
    back to the top of the page."""
    tab.goto(_url(server, "nrm-agreement", "en"))
    button = _open_cite_menu(tab, "art_5__A__4")
    tab.keyboard.press("Tab")
    assert tab.locator(".cite-menu").is_hidden()
    after = tab.evaluate("""button => !!(button.compareDocumentPosition(document.activeElement)
                                        & Node.DOCUMENT_POSITION_FOLLOWING)""", button.element_handle())
    assert after and tab.evaluate("() => document.activeElement.closest('article') !== null")


def test_every_clause_has_its_own_citation_and_an_other_language_link_that_lands(site, corpus):
    """On every document page in both languages: no two clauses share a citation (a paragraph is cited
    as one: "Section 1, paragraph 3"), no citation shows a raw id, and the link to the other language
    names a clause that that page has (or none)."""
    checked = 0
    for document in corpus.documents:
        for lang, other in (("sq", "en"), ("en", "sq")):
            root = parse(page(site, document["page"], lang))
            other_ids = {e.attrs["id"] for e in parse(page(site, document["page"], other)).iter() if "id" in e.attrs}
            marked = [e for e in root.iter() if "data-cite" in e.attrs]
            cites = Counter(e.attrs["data-cite"] for e in marked)
            shared = {c: [e.attrs["id"] for e in marked if e.attrs["data-cite"] == c] for c, n in cites.items() if n > 1}
            assert shared == {}, (document["id"], lang)
            assert [c for c in cites if "_" in c] == [], (document["id"], lang)
            landing = [e.attrs["data-other"].partition("#")[2] for e in marked]
            assert [a for a in landing if a and a not in other_ids] == [], (document["id"], lang)
            checked += len(marked)
    english = {e.attrs["id"]: e.attrs for e in parse(page(site, "child-trafficking-strategy", "en")).iter() if "id" in e.attrs}
    assert english["sec_VIII__part_2"]["data-cite"].endswith("), Section IX")  # as the English text numbers it
    assert english["sec_X__io"]["data-other"].endswith("child-trafficking-strategy.html#sec_X")  # no IO in Albanian
    english_nap = {e.attrs["id"]: e.attrs for e in parse(page(site, "national-action-plan-2005-2007", "en")).iter() if "id" in e.attrs}
    # (what later became of it, where a source or a later document of the edition says it: nothing in the 2005 edition)
    later = {c: later_effects(corpus, "national-action-plan-2005-2007", c, "en") for c in ("sec_1__p_3", "sec_1__p_5__item_2")}
    assert english_nap["sec_1__p_3"]["data-cite"].endswith("), Section 1, paragraph 3" + later["sec_1__p_3"])
    assert english_nap["sec_1__p_5__item_2"]["data-cite"].endswith("), Section 1, paragraph 5, item 2" + later["sec_1__p_5__item_2"])
    report("citations", f"{checked} clauses: each its own citation, each other-language link lands")


def test_ngo_copies_a_permalink_and_follows_the_other_language(server, clipboard_tab):
    tab = clipboard_tab
    tab.goto(_url(server, "nrm-agreement", "sq", "art_5__C__2"))
    _open_cite_menu(tab, "art_5__C__2")
    tab.keyboard.press("Enter")
    tab.wait_for_selector(".cite-status:not(:empty)", state="attached")
    assert tab.evaluate("navigator.clipboard.readText()") == _url(server, "nrm-agreement", "sq", "art_5__C__2")
    _open_cite_menu(tab, "art_5__C__2")
    other = tab.locator(".cite-menu a[data-action=other]")
    assert other.inner_text() == "Kjo dispozitë në anglisht"
    other.click()
    tab.wait_for_load_state()
    assert tab.url == _url(server, "nrm-agreement", "en", "art_5__C__2")
    assert tab.locator(":target").get_attribute("id") == "art_5__C__2"


def test_trainer_prints_a_document_page_without_site_chrome(server, tab, site, tmp_path):
    tab.goto(_url(server, "nrm-agreement", "en"))
    pdf = tab.pdf(format="A4", print_background=True)
    (tmp_path / "printed.pdf").write_bytes(pdf)
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    printed = tokens(text)
    result = coverage(tokens(page_text(page(site, "nrm-agreement", "en"))), printed)
    assert result.ratio >= 0.99, result.missing[:5]
    for chrome in ("Table of contents", "About the data", "Obligations", "Search", "Made with"):
        assert chrome not in text
    assert "Permalink: " + _url(server, "nrm-agreement", "en") in " ".join(text.split())
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "2", "-l", "2", str(tmp_path / "printed.pdf"),
                    str(tmp_path / "page")], check=True)
    assert list(tmp_path.glob("page*.png"))
    report("printed page", f"en/nrm-agreement: {len(PdfReader(io.BytesIO(pdf)).pages)} A4 pages, "
                           f"{result.ratio:.2%} of the page's words")


def _offline(site: Path, tmp_path: Path) -> str:
    with zipfile.ZipFile(site / ZIP_PATH) as archive:
        archive.extractall(tmp_path)
    return (tmp_path / "korniza-antitrafik-2005").as_uri()


@pytest.mark.search
def test_official_uses_the_offline_copy_from_the_file_system(site, tab, tmp_path):
    size = (site / ZIP_PATH).stat().st_size
    root = _offline(site, tmp_path)
    tab.goto(f"{root}/nrm-agreement.html#art_5__A__5")
    tab.locator("[id='art_5__A__5'] a.ref").click()  # a clause link
    assert tab.url == f"{root}/nrm-agreement.html#art_5__A__4"
    tab.hover(".md-select")
    tab.locator("a.md-select__link[hreflang=en]").click()  # the language switch
    tab.wait_for_load_state()
    assert tab.url == f"{root}/en/nrm-agreement.html#art_5__A__4"
    for start, query, expected in (("index.html", "MoLSA", "institutions/molsa.html"),
                                   ("en/index.html", "temporary residence", "en/nrm-agreement.html")):
        tab.goto(f"{root}/{start}")
        tab.locator("input.md-search__input").click()
        tab.keyboard.type(query, delay=20)
        tab.wait_for_selector(".md-search-result__item a")
        first = tab.locator(".md-search-result__item a").first.get_attribute("href")
        assert first.startswith(f"{root}/{expected}")
    # a permalink copied or printed from the offline copy is the published address, not a file path
    tab.goto(f"{root}/en/nrm-agreement.html")
    assert tab.evaluate("() => window.pageAddress()") == f"{root}/en/nrm-agreement.html"  # built for localhost
    tab.evaluate("() => document.querySelector('link[rel=canonical]').href = 'https://example.org/x/en/nrm-agreement.html'")
    assert tab.evaluate("() => window.pageAddress()") == "https://example.org/x/en/nrm-agreement.html"
    report("offline copy", f"{ZIP_PATH}: {size / 1024 / 1024:.1f} MB")


def test_researcher_copies_the_standard_identifier_of_a_clause(server, clipboard_tab):
    """The cite control's third item copies the clause's portion URI (trafiklex.queries.citations.identifier)."""
    tab = clipboard_tab
    tab.goto(_url(server, "nrm-agreement", "en", "art_5__A__4"))
    _open_cite_menu(tab, "art_5__A__4")
    tab.keyboard.press("ArrowDown")
    tab.keyboard.press("ArrowDown")
    assert tab.evaluate("document.activeElement.dataset.action") == "identifier"
    tab.keyboard.press("Enter")
    tab.wait_for_selector(".cite-status:not(:empty)", state="attached")
    assert tab.evaluate("navigator.clipboard.readText()") == \
        "/akn/al/doc/agreement/2005-07-18/nrm-agreement/eng@2005-07-18/~art_5__A__4"
    assert tab.locator(".cite-status").inner_text() == "Identifier copied"
