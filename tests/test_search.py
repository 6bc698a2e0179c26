"""Officials, NGOs and trainers find things by typing, in Albanian or in English."""
from __future__ import annotations

import gzip
import json
import shutil
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, report
from trafiklex.website.offline import ZIP_PATH

sys.path.insert(0, str(ROOT / "scripts"))
import search_eval  # noqa: E402

LIMIT_GZIP = 400 * 1024


def _index(site: Path, lang: str) -> dict:
    path = site / ("search" if lang == "sq" else "en/search") / "search_index.json"
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", ["sq", "en"])
def test_each_language_searches_its_own_pages(site, lang):
    index = _index(site, lang)
    entries = {doc["location"]: doc for doc in index["docs"]}
    assert index["config"]["lang"] == [lang]
    clause = entries["nrm-agreement.html#art_5__A__4"]
    assert clause["text"].startswith("4) Do te sigurohet" if lang == "sq" else "4) Ensure that all Albanian deportees")
    root = site if lang == "sq" else site / "en"
    for location in entries:  # every result lands on a page of this language's site
        assert (root / location.split("#")[0]).exists(), location
    raw = json.dumps(index, ensure_ascii=False, separators=(",", ":")).encode()
    size = (site / ("search" if lang == "sq" else "en/search") / "search_index.json").stat().st_size
    zipped = len(gzip.compress(raw, 9))
    assert zipped <= LIMIT_GZIP
    report("search index size per language", f"{lang}: {len(index['docs'])} entries, {size / 1024:.0f} KB raw, "
                                               f"{zipped / 1024:.0f} KB gzipped")


def test_clause_entries_carry_numbering_and_bodies_in_both_languages(site):
    entries = {doc["location"]: doc for doc in _index(site, "sq")["docs"]}
    commitment = entries["nrm-agreement.html#art_5__C__2"]
    assert commitment["title"] == "Neni 5, C.2"
    assert "5.C.2" in commitment["numbering"].split()
    assert {"MPCS", "MPÇS", "MoLSA"} <= set(commitment["bodies"].split())
    assert "128/b" in entries["child-trafficking-strategy.html#cc_128-b__4"]["numbering"].split()


def test_search_evaluation_reaches_recall_target(site, browser):
    figures = search_eval.evaluate(site, browser)
    for lang, result in figures.items():
        report("search evaluation (real search worker in Chromium)",
               f"{lang}: {result['queries']} queries, recall@5 {result['recall@5']:.3f}, MRR {result['mrr']:.3f}")
        for case, position, top in result["misses"]:
            report("search evaluation (real search worker in Chromium)",
                   f"  miss {case['query']!r}: {'rank ' + str(position) if position else 'not found'}; top: {top[:3]}")
    assert all(result["queries"] >= 40 for result in figures.values())
    assert all(result["recall@5"] >= 0.95 for result in figures.values())


def _search(tab, base: str, lang: str, query: str) -> list[str]:
    """The reader opens the home page of `lang` at `base` (the server's address, or the offline
    copy's folder as a file:// address), types `query` into the search box and reads the results:
    their addresses from `base`."""
    tab.goto(f"{base}/{'index.html' if lang == 'sq' else 'en/index.html'}")
    tab.locator("input.md-search__input").click()
    tab.keyboard.type(query, delay=20)
    tab.wait_for_selector(".md-search-result__item a.md-search-result__link")
    tab.wait_for_timeout(300)
    hrefs = tab.eval_on_selector_all(".md-search-result__item a.md-search-result__link",
                                     "links => links.map(a => a.getAttribute('href'))")
    return [href.removeprefix(base + "/").replace("?h=", "?").split("?")[0] + ("#" + href.split("#")[1] if "#" in href else "")
            for href in hrefs]


@pytest.mark.search
@pytest.mark.parametrize("lang,query,first", [
    ("sq", "MoLSA", "institutions/molsa.html"),                    # an English acronym on the Albanian site
    ("en", "MPÇS", "en/institutions/molsa.html"),                  # an Albanian acronym on the English site
    ("sq", "qëllimi i marrëveshjes", "nrm-agreement.html#art_3"),  # typed with diacritics, printed without
    ("sq", "5.C.2", "nrm-agreement.html#art_5__C__2"),
    ("en", "128/b", "en/child-trafficking-strategy.html#cc_128-b__1"),
    ("en", "Natasha Hodaj", "en/nrm-agreement.html#art_1__item_1"),
])
def test_reader_types_into_the_search_box_and_finds_the_clause(server, tab, lang, query, first):
    results = _search(tab, server, lang, query)
    wanted = [r for r in results if "#" in r] if "#" in first else results
    assert wanted[0] == first, results[:5]
    assert all(r.startswith("en/") == (lang == "en") for r in results)  # never the other language's pages


def _requested(tab) -> list[str]:
    """The addresses the tab asks for from now on (its page's, and its workers')."""
    urls: list[str] = []
    tab.context.on("request", lambda request: urls.append(request.url))
    return urls


def _index_requests(urls: list[str]) -> list[str]:
    return [url for url in urls if "/search/search_index." in url]


@pytest.mark.search
@pytest.mark.parametrize("lang,query,first", [
    ("en", "Natasha Hodaj", "en/nrm-agreement.html#art_1__item_1"),
    ("sq", "5.C.2", "nrm-agreement.html#art_5__C__2"),
])
def test_a_page_view_loads_no_search_index_until_the_reader_searches(server, tab, lang, query, first):
    """The index of a language (hundreds of KB, built by the worker) is loaded when the reader opens
    the search, not with every page (trafiklex/website/search_loading.py)."""
    urls = _requested(tab)
    page = f"{server}/{'' if lang == 'sq' else 'en/'}nrm-agreement.html"
    tab.goto(page, wait_until="networkidle")
    tab.wait_for_timeout(500)
    assert tab.evaluate("typeof Worker") == "function" and urls, urls  # the page ran, with its search worker
    assert _index_requests(urls) == [], "a plain page view requested the search index"
    results = _search(tab, server, lang, query)
    wanted = [r for r in results if "#" in r]
    assert wanted[0] == first, results[:5]
    index = f"{server}/{'' if lang == 'sq' else 'en/'}search/search_index.json"
    assert _index_requests(urls) == [index], urls  # the language's own index, once, when the reader searched
    report("search index loaded on demand", f"{lang}: a page view requests no index; “{query}” → {first} "
                                            f"after loading {index.removeprefix(server + '/')}")


@pytest.mark.search
def test_search_from_the_offline_copy_loads_the_index_when_the_reader_searches(site, tab, tmp_path):
    """From file:// (the offline copy) the index is a script (search/search_index.js), loaded when the
    reader opens the search; the results are the same."""
    with zipfile.ZipFile(site / ZIP_PATH) as archive:
        archive.extractall(tmp_path)
    (root,) = tmp_path.iterdir()
    base = root.as_uri()
    urls = _requested(tab)
    tab.goto(f"{base}/en/nrm-agreement.html", wait_until="load")
    tab.wait_for_timeout(500)
    assert urls and _index_requests(urls) == [], urls
    results = _search(tab, base, "en", "Natasha Hodaj")
    assert [r for r in results if "#" in r][0] == "en/nrm-agreement.html#art_1__item_1", results[:5]
    assert all(r.startswith("en/") for r in results), results
    assert _index_requests(urls) == [f"{base}/en/search/search_index.js"], urls
    report("search index loaded on demand", "file:// (offline copy): no index with a page view; “Natasha Hodaj” → "
                                            "en/nrm-agreement.html#art_1__item_1 after loading en/search/search_index.js")


def test_the_theme_script_is_changed_once_and_a_theme_without_the_code_stops_the_build(tmp_path):
    """The two changes of search_loading apply to the installed theme's script, once (a copy already
    changed is left as it is); a theme whose script no longer holds them stops the build, naming
    what was looked for."""
    import material

    from trafiklex.website import search_loading

    (theme,) = (Path(material.__file__).parent / "templates").glob(search_loading.THEME_SCRIPT)
    scripts = tmp_path / "assets" / "javascripts"
    scripts.mkdir(parents=True)
    shutil.copy(theme, scripts / theme.name)
    assert search_loading.load_index_on_open(tmp_path) == []
    changed = (scripts / theme.name).read_text(encoding="utf-8")
    assert 'location.protocol!=="file:"' not in changed and changed.count('&&new URLSearchParams(location.search).get("h")?') == 1
    assert search_loading.load_index_on_open(tmp_path) == [] and (scripts / theme.name).read_text(encoding="utf-8") == changed
    (scripts / theme.name).write_text(theme.read_text(encoding="utf-8").replace('("search.highlight")?', '("search.highlight") ?'),
                                      encoding="utf-8")
    (problem,) = search_loading.load_index_on_open(tmp_path)
    assert problem.file == "assets/javascripts/bundle.*.min.js (mkdocs-material)" and "found 0 times" in problem.message
    assert "mountSearchHiglight" in problem.expected
    (scripts / theme.name).unlink()
    (problem,) = search_loading.load_index_on_open(tmp_path)
    assert "none found" in problem.message
