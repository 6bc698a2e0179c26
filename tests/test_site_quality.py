"""Reliability of the published site: no request to any other host and a Content-Security-Policy
the browser never has to enforce; no serious accessibility problem on any page template."""
from __future__ import annotations

import html
import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import NO_SEARCH_WORKER, ROOT, report

CSP_LISTENER = """window.__violations = [];
document.addEventListener("securitypolicyviolation",
  e => window.__violations.push(e.violatedDirective + " " + e.blockedURI));"""


def _pages(site):
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if not p.relative_to(site).as_posix().startswith(("offline/", "pdf/")))


# The search worker does the same on every page (it loads its language's index and builds it when the
# reader opens the search); it runs in full on each language's home page, where the search is opened,
# and is left out on the others, which it would only slow.
HOME_PAGES = ("index.html", "en/index.html")


def test_no_request_leaves_the_site_and_the_policy_holds(site, server, browser):
    requests, violations, failed = [], [], []
    pages = _pages(site)
    for scripts, chosen in (([CSP_LISTENER], [p for p in pages if p in HOME_PAGES]),
                            ([CSP_LISTENER, NO_SEARCH_WORKER], [p for p in pages if p not in HOME_PAGES])):
        context = browser.new_context()
        for script in scripts:
            context.add_init_script(script)
        tab = context.new_page()
        tab.on("request", lambda request: requests.append(request.url))
        tab.on("response", lambda response: response.status >= 400 and failed.append(f"{response.status} {response.url}"))
        for path in chosen:
            tab.goto(f"{server}/{path}", wait_until="load")
            if path in HOME_PAGES:  # the reader opens the search: the index is loaded and built
                with tab.expect_request(lambda request: request.url.endswith("search/search_index.json")):
                    tab.locator("input.md-search__input").click()
                tab.wait_for_load_state("networkidle")
            violations += [f"{path}: {v}" for v in tab.evaluate("window.__violations")]
            policy = tab.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
            assert "default-src 'self'" in policy, path
        context.close()
    assert any(url.endswith("/en/search/search_index.json") for url in requests)  # the worker ran in full
    elsewhere = sorted({url for url in requests if not url.startswith(server + "/")})
    assert len(pages) > 150
    assert elsewhere == []
    assert violations == []
    assert failed == []  # every file a page asks for exists (sitemaps of nested folders included)
    report("requests and Content-Security-Policy",
           f"{len(pages)} pages loaded, {len(requests)} requests, all to the site itself; 0 policy violations")


TEMPLATES = {  # a page of each kind
    "home": "index.html", "document": "nrm-agreement.html", "action plan": "child-trafficking-action-plan.html",
    "penalties": "sanctions.html", "institution": "institutions/molsa.html", "what is due": "obligations.html",
    "directory": "institutions.html", "open data": "open-data.html",
    "side by side": "parallel/nrm-agreement.html", "translators": "translations.html", "checklist": "checklist.html",
}


@pytest.mark.parametrize("lang", ["sq", "en"])
@pytest.mark.parametrize("kind", list(TEMPLATES) + [pytest.param("search results", marks=pytest.mark.search)])
def test_every_page_template_has_no_serious_accessibility_problem(server, tab, lang, kind):
    prefix = "" if lang == "sq" else "en/"
    if kind == "search results":
        tab.goto(f"{server}/{prefix}index.html")
        tab.locator("input.md-search__input").click()
        tab.keyboard.type("MoLSA" if lang == "sq" else "MPÇS")
        tab.wait_for_selector(".md-search-result__item")
        tab.wait_for_timeout(500)  # let the results' fade-in finish: axe measures colours as shown
    else:
        tab.goto(f"{server}/{prefix}{TEMPLATES[kind]}")
    assert tab.locator("html").get_attribute("lang") == lang
    violations = Axe().run(tab).response["violations"]
    serious = [(v["id"], v["impact"], [n["target"] for n in v["nodes"][:3]]) for v in violations
               if v["impact"] in ("serious", "critical")]
    assert serious == []
    report("accessibility (axe: serious or critical violations)", f"{lang} {kind:<15} 0 ({len(violations)} minor)")


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
