"""Officials, NGOs and trainers find things by typing, in Albanian or in English."""
from __future__ import annotations

import gzip
import json
import shutil
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

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
    return _typed(tab, base, query)


def _typed(tab, base: str, query: str) -> list[str]:
    """The reader types `query` into the search box of the page open in `tab`; the results' addresses."""
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


# --- the lunr index built at build time (trafiklex/website/search_prebuilt.py) -------------------------

# lunr's query syntax, which Material passes on: a term left out, one required, a field named
OPERATOR_QUERIES = ["-trafik", "traf* -femij*", "+molsa +detyr*", "heading:neni", "nen* 5*", "a"]


def _cases(lang: str) -> list[str]:
    return [case["query"] for case in yaml.safe_load(search_eval.QUERIES.read_text(encoding="utf-8"))[lang]] + OPERATOR_QUERIES


@pytest.mark.search
@pytest.mark.parametrize("lang", ["sq", "en"])
def test_the_prebuilt_index_gives_the_results_of_an_index_built_in_the_browser(server, browser, lang):
    """For every query of tests/search_queries.yml (and lunr's query syntax), the worker that makes its
    index from the one built at build time answers exactly what it answers when it builds the index
    itself, as Material's worker does: the same results, in the same order, with the same scores and
    the same words highlighted. A prebuilt index that does not fit the documents is not used."""
    page = browser.new_page()
    page.goto(f"{server}/{'index.html' if lang == 'sq' else 'en/index.html'}")
    queries = _cases(lang)
    prebuilt, built, damaged = (search_eval.worker_messages(page, queries, mode) for mode in ("prebuilt", "built", "damaged"))
    page.close()
    found = [sum(len(group) for group in message["data"]["items"]) for message in built]
    assert len(built) == len(queries) and sum(found) > 10 * len(queries)  # (queries that find things)
    assert sum("<mark>" in json.dumps(message) for message in built) > len(queries) / 2  # (and highlight them)
    for query, mine, theirs in zip(queries, prebuilt, built):
        assert mine == theirs, f"{lang}: {query!r}: the prebuilt index answers otherwise"
    assert damaged == built
    report("search index built at build time", f"{lang}: {len(queries)} queries, {sum(found)} results: the same as an "
                                               "index built in the browser (scores, order, highlighting)")


def _watch_builder(tab) -> None:
    """Counts, in the page's search worker, the documents lunr.Builder indexes (Material's Search adds
    each one when it builds its index): in `self.__added`."""
    worker = tab.wait_for_event("worker") if not tab.workers else tab.workers[0]
    worker.evaluate("""() => new Promise(resolve => {
      const watch = () => {
        if (!self.lunr) return setTimeout(watch, 5);
        const add = lunr.Builder.prototype.add;
        self.__added = 0;
        lunr.Builder.prototype.add = function () { self.__added++; return add.apply(this, arguments); };
        resolve();
      };
      watch();
    })""")


@pytest.mark.search
@pytest.mark.parametrize("lang,query,first", [
    ("en", "Natasha Hodaj", "en/nrm-agreement.html#art_1__item_1"),
    ("sq", "MoLSA", "institutions/molsa.html"),
])
def test_the_first_search_on_a_page_builds_no_index(server, tab, lang, query, first):
    """The reader's first search uses the index built at build time: the page's search worker indexes
    no document (lunr.Builder's add is never run), and the results are there, highlighted."""
    with tab.expect_event("worker"):
        tab.goto(f"{server}/{'' if lang == 'sq' else 'en/'}nrm-agreement.html")
    _watch_builder(tab)
    results = _typed(tab, server, query)
    assert ([r for r in results if "#" in r] if "#" in first else results)[0] == first, results[:5]
    assert tab.locator(".md-search-result__item mark").count() > 0  # (the words found, highlighted)
    assert tab.workers[0].evaluate("self.__added") == 0


def _worker_site(root: Path) -> Path:
    """The files of a built site that its search worker runs (the site's own and the theme's)."""
    import material

    theme = Path(material.__file__).parent / "templates" / "assets" / "javascripts"
    (root / "assets" / "javascripts" / "workers").mkdir(parents=True)
    (root / "assets" / "javascripts" / "lunr" / "min").mkdir(parents=True)
    for path in [*theme.glob("workers/search.*.min.js"), theme / "lunr" / "min" / "lunr.stemmer.support.min.js"]:
        shutil.copy(path, root / "assets" / "javascripts" / path.relative_to(theme))
    shutil.copytree(ROOT / "docs" / "assets" / "javascripts", root / "assets" / "javascripts", dirs_exist_ok=True)
    return root


SMALL_INDEX = {"config": {"lang": ["sq"], "separator": r"[\s\-–—]+", "pipeline": ["trimmer", "stopWordFilter"],
                          "fields": {"heading": {"boost": 3}, "text": {"boost": 1}}},
               "docs": [{"location": "a.html", "title": "Marrëveshja", "heading": "Marrëveshja", "text": "Qëllimi i marrëveshjes"},
                        {"location": "a.html#art_1", "title": "Neni 1", "heading": "Neni 1", "text": "MPÇS dhe MoLSA", "boost": 2.5}]}


def test_the_index_is_built_at_build_time_and_a_failure_stops_the_build(tmp_path, monkeypatch):
    """The build step gives the index its lunr index, for each field a vector per document; without
    Node.js, with a search worker that fails, or with a damaged result, the build stops with a message
    that says what is wrong (never a traceback)."""
    from trafiklex.core.errors import DataError
    from trafiklex.website import search_prebuilt

    monkeypatch.setenv("TRAFIKLEX_CACHE", "off")
    site = _worker_site(tmp_path / "site")
    index = search_prebuilt.add(site, {"sq": SMALL_INDEX})["sq"]
    prebuilt = index["config"].pop("prebuilt")
    assert index == SMALL_INDEX and prebuilt["fields"] == ["heading", "text"]
    assert {"marreveshja", "qellimi", "mpcs", "molsa", "neni"} <= set(prebuilt["terms"])
    assert all(vectors.count(";") == 1 for vectors in prebuilt["vectors"])  # (two documents)

    monkeypatch.setattr(search_prebuilt, "NODE", "no-such-node")
    with pytest.raises(DataError) as stopped:
        search_prebuilt.add(site, {"sq": SMALL_INDEX})
    assert "Node.js (node) is not installed" in stopped.value.report() and "./scripts/setup" in stopped.value.report()
    monkeypatch.setattr(search_prebuilt, "NODE", "node")

    (site / "assets" / "javascripts" / "lunr" / "min" / "lunr.sq.min.js").write_text("throw new Error('broken lunr.sq');")
    with pytest.raises(DataError) as stopped:
        search_prebuilt.add(site, {"sq": SMALL_INDEX})
    assert "Node.js could not build the search index: " in stopped.value.report()
    assert "broken lunr.sq" in stopped.value.report() and "Traceback" not in stopped.value.report()
    shutil.copy(ROOT / "docs" / "assets" / "javascripts" / "lunr" / "min" / "lunr.sq.min.js", site / "assets" / "javascripts" / "lunr" / "min")

    twice = {**SMALL_INDEX, "docs": SMALL_INDEX["docs"] + SMALL_INDEX["docs"][:1]}
    with pytest.raises(DataError) as stopped:
        search_prebuilt.add(site, {"sq": SMALL_INDEX, "en": twice})
    assert "two documents with one location" in stopped.value.report()

    for damaged in (b'{"fields": ["heading", "text"], "vectors": ["1,1000", "1,1000"]}', b"{not json", b"[]"):
        monkeypatch.setattr(search_prebuilt, "_run", lambda *args, damaged=damaged: damaged)
        with pytest.raises(DataError) as stopped:
            search_prebuilt.add(site, {"sq": SMALL_INDEX})
        assert "the search index built by Node.js is damaged" in stopped.value.report()
