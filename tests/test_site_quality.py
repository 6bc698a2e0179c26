"""Reliability of the published site: no request to any other host and a Content-Security-Policy
the browser never has to enforce, where the reader opens the search (every other page is loaded and
checked so by tests/test_accessibility.py, in the same page views as axe); no serious accessibility
problem in the search's results."""
from __future__ import annotations

import html
import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import CSP_LISTENER, ROOT, report

# The search worker does the same on every page (it loads its language's index and builds it when the
# reader opens the search); it runs in full on each language's home page, where the search is opened.
HOME_PAGES = ("index.html", "en/index.html")


def test_no_request_leaves_the_site_and_the_policy_holds_when_the_reader_searches(server, browser):
    requests, violations, failed = [], [], []
    context = browser.new_context()
    context.add_init_script(CSP_LISTENER)
    tab = context.new_page()
    tab.on("request", lambda request: requests.append(request.url))
    tab.on("response", lambda response: response.status >= 400 and failed.append(f"{response.status} {response.url}"))
    for path in HOME_PAGES:
        tab.goto(f"{server}/{path}", wait_until="load")
        with tab.expect_request(lambda request: request.url.endswith("search/search_index.json")):
            tab.locator("input.md-search__input").click()  # the reader opens the search: the index is loaded and built
        tab.wait_for_load_state("networkidle")
        violations += [f"{path}: {v}" for v in tab.evaluate("window.__violations")]
        policy = tab.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
        assert "default-src 'self'" in policy, path
    context.close()
    assert any(url.endswith("/en/search/search_index.json") for url in requests)  # the worker ran in full
    assert any("/workers/" in url for url in requests)
    elsewhere = sorted({url for url in requests if not url.startswith(server + "/")})
    assert elsewhere == []
    assert violations == []
    assert failed == []
    report("requests and Content-Security-Policy",
           f"the search opened on {len(HOME_PAGES)} home pages: {len(requests)} requests, all to the site itself; 0 policy violations")


def test_the_404_page_is_in_the_root_language_and_its_selector_leads_to_each_home_page(site, corpus):
    """One 404 page serves the whole site: its chrome speaks the root language (the other languages'
    builds used to overwrite it, leaving an English page at the Albanian root) and its language selector
    leads to each language's home page (it used to lead to the last page built in the other language)."""
    text = (site / "404.html").read_text(encoding="utf-8")
    assert re.search(r'<html lang="([^"]+)"', text).group(1) == corpus.languages.default
    selector = re.findall(r'<a href="([^"]+)" hreflang="([^"]+)" class="md-select__link"', text)
    assert selector == [("/index.html", "sq"), ("/en/index.html", "en")]
    alternates = re.findall(r'<link rel="alternate" href="([^"]+)" hreflang="([^"]+)"', text)
    assert alternates == [("/index.html", "sq"), ("/en/index.html", "en")]


# Every page is checked by axe in both colour schemes (tests/test_accessibility.py); what no page shows
# when it loads is the search's results, checked here as the reader sees them.
@pytest.mark.search
@pytest.mark.parametrize("lang", ["sq", "en"])
def test_the_search_results_have_no_serious_accessibility_problem(server, tab, lang):
    prefix = "" if lang == "sq" else "en/"
    tab.goto(f"{server}/{prefix}index.html")
    tab.locator("input.md-search__input").click()
    tab.keyboard.type("MoLSA" if lang == "sq" else "MPÇS")
    tab.wait_for_selector(".md-search-result__item")
    tab.wait_for_timeout(500)  # let the results' fade-in finish: axe measures colours as shown
    assert tab.locator("html").get_attribute("lang") == lang
    violations = Axe().run(tab).response["violations"]
    serious = [(v["id"], v["impact"], [n["target"] for n in v["nodes"][:3]]) for v in violations
               if v["impact"] in ("serious", "critical")]
    assert serious == []
    report("accessibility (axe: serious or critical violations)", f"{lang} search results 0 ({len(violations)} minor)")


# the Akoma Ntoso projection (issue 17): the document pages link to its files (site/akn/…) already
AKN_PROJECTION = ROOT / "trafiklex" / "akn.py"


def test_every_link_between_pages_of_the_site_leads_to_a_page_and_clause_that_exist(site):
    """Every relative link of every built page (both languages, generated pages and side-by-side
    views included) leads to a file of the site, and its #anchor to an element of that page."""
    import posixpath
    from urllib.parse import unquote

    pages = {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("*.html")}
    ids = {name: set(re.findall(r"<[a-zA-Z][^>]*?\sid=\"([^\"]+)\"", text)) for name, text in pages.items()}
    broken, checked, pending = [], 0, []
    for name, text in pages.items():
        for href in re.findall(r'<a [^>]*?href="([^"]*)"', text):
            href = html.unescape(href)
            if not href or href.startswith(("/", "mailto:", "javascript:")) or "://" in href:
                continue
            path, _, anchor = href.partition("#")
            target = posixpath.normpath(posixpath.join(posixpath.dirname(name), unquote(path))) if path else name
            if target.startswith("akn/") and not AKN_PROJECTION.exists():
                pending.append(target)  # (the Akoma Ntoso files: made by trafiklex/formats/akn.py, on its own branch)
                continue
            checked += 1
            if not (site / target).is_file():
                broken.append((name, href, "no such file"))
            elif anchor and target.endswith(".html") and unquote(anchor) not in ids[target]:
                broken.append((name, href, "no such anchor"))
    report("internal links", f"{checked} relative links on {len(pages)} pages, {len(broken)} broken"
                             + (f"; {len(pending)} to the Akoma Ntoso files, not checked until trafiklex/formats/akn.py makes them"
                                if pending else ""))
    assert broken[:20] == []
