"""Accessibility on every page, not a sample: axe on every built page of every language, in the light
and in the dark colour scheme (and, in the same page views, every request stays on the site, the
Content-Security-Policy is never violated, no file asked for is missing and the page says its language);
and on a phone's width, the tables that were too wide read down the screen, the checklist keeps its
result in view and the cite control opens by touch."""
from __future__ import annotations

import functools
import re
import time

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import CSP_LISTENER, NO_SEARCH_WORKER, report
from trafiklex.core.htmltext import parse

SERIOUS = ("serious", "critical")
# The dark scheme changes colours only (Material's palette sets CSS variables on the same page), so in
# it axe runs the rules that read colours; in the light scheme, every rule.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
SCHEME = {"light": "default", "dark": "slate"}


# Material eases colours in (transitions): axe would measure them half-way. The page's own style sheet
# is told to skip them (through the CSSOM, which the page's policy allows).
STILL = """() => {
    const sheet = [...document.styleSheets].find(s => s.href && s.href.startsWith(location.origin));
    sheet.insertRule("*, *::before, *::after { transition: none !important; animation: none !important; }", sheet.cssRules.length);
}"""

# axe's colour rules read the same few computed colours thousands of times on a long page, and parse
# each reading anew (colorjs: new objects, gamut mapping): about a third of an axe run here. Each
# distinct text is parsed once, by axe's own parser; a later reading of the same text is given the very
# values that parse gave, set through the same fields, so the rules' results are axe's own
# (test_the_faster_axe_gives_axe_s_own_results). A failed parse is not remembered (axe's own error).
# If axe no longer has the parser where this looks for it, nothing is remembered: the shards then fail
# (window.__coloursRemembered unset), so that a newer axe is looked at, not run slower unnoticed.
AXE_COLOURS_READ_ONCE = """(() => {
    const Color = axe.commons.color.Color, parse = Color.prototype.parseString, read = new Map();
    if (typeof parse !== "function") throw new Error("axe's colour parser is not where it was");
    Color.prototype.parseString = function (text) {
        const known = read.get(text);
        if (!known) {
            parse.call(this, text);
            read.set(text, {r: this.r, g: this.g, b: this.b, alpha: this.alpha});
            window.__coloursRemembered = read.size;
            return this;
        }
        this.r = known.r; this.g = known.g; this.b = known.b; this.alpha = known.alpha;
        return this;
    };
})();"""


# axe's colours (its class Color) keep their values in private fields, which axe's published build
# emulates with a WeakMap per field: each colour made costs seven WeakMap writes, and the colour rules make
# hundreds of thousands of colours on a long page (with the collector's work on the WeakMaps, about 40 %
# of an axe run here). The same fields are kept on each colour under a symbol of its own, not enumerable
# (a private field is not copied with the object), through the very has/get/set/add that the emulation
# calls; nothing else of axe is touched (test_the_faster_axe_gives_axe_s_own_results). If axe's build no
# longer makes the fields as it did, the shards fail (_axe_script), so that a newer axe is looked at,
# not run slower unnoticed.
AXE_COLOUR_FIELDS = ("Se=new WeakMap,_e=new WeakMap,Me=new WeakMap,Pe=new WeakMap,Ie=new WeakMap,Be=new WeakMap,"
                     "je=new WeakSet")
FIELD_ON_THE_OBJECT = """(() => {
    const key = Symbol(), own = Object.prototype.hasOwnProperty;
    return {
        has: object => own.call(object, key),
        get: object => object[key],
        set(object, value) {
            if (own.call(object, key)) object[key] = value;
            else Object.defineProperty(object, key, {value, writable: true});
            return this;
        },
        add(object) { return this.set(object, true); },
    };
})()"""


@functools.cache
def _axe_script() -> str:
    """axe, its colours' fields kept on the colours (AXE_COLOUR_FIELDS)."""
    script = Axe().axe_script
    if script.count(AXE_COLOUR_FIELDS) != 1:
        raise ValueError("axe's colours no longer make their fields as AXE_COLOUR_FIELDS says: look at the new axe")
    fields = ",".join(f"{name.split('=')[0]}={FIELD_ON_THE_OBJECT}" for name in AXE_COLOUR_FIELDS.split(","))
    return script.replace(AXE_COLOUR_FIELDS, fields)


def _pages(site) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if not p.relative_to(site).as_posix().startswith(("offline/", "pdf/")))


def _language(path: str, codes: list[str], default: str) -> str:
    first = path.split("/", 1)[0]
    return first if first in codes and first != default else default


# The pages are checked in shards, each a test class of its own, which pytest-xdist may give to either
# worker (--dist loadscope: each module's tests, or each class's, on one worker). The pages are dealt
# out largest first, each to the shard with the fewest bytes so far (axe's time grows with a page's
# size: the long pages are spread, and the shards end together).
SHARDS = 4


class AxeShard:
    shard: int

    def test_axe_finds_nothing_serious_on_any_page_in_either_scheme(self, site, server, browser, corpus):
        _check_every_page(site, server, browser, corpus, self.shard)


class TestAxeShard1(AxeShard):
    shard = 0


class TestAxeShard2(AxeShard):
    shard = 1


class TestAxeShard3(AxeShard):
    shard = 2


class TestAxeShard4(AxeShard):
    shard = 3


def test_the_faster_axe_gives_axe_s_own_results(server, browser):
    """axe as the shards run it (its colours' fields on the colours, each colour text parsed once) gives
    the results of axe as published, rule by rule and node by node, with every check's data (the
    colours and contrast ratios measured): on a long page with tables and links, every rule in the light
    scheme and the colour rules in the dark one."""
    run = """options => axe.run(document, options).then(r => JSON.stringify(
        ["violations", "incomplete", "passes", "inapplicable"].map(kind => r[kind].map(rule =>
            [rule.id, rule.nodes.map(n => [n.target, n.any, n.all, n.none])]))))"""
    results = {}
    for axe_as, scripts in (("published", [Axe().axe_script]), ("faster", [_axe_script(), AXE_COLOURS_READ_ONCE])):
        context = browser.new_context()
        for script in (NO_SEARCH_WORKER, *scripts):
            context.add_init_script(script)
        tab = context.new_page()
        for scheme in ("light", "dark"):
            tab.emulate_media(color_scheme=scheme)
            tab.goto(f"{server}/en/nrm-agreement.html", wait_until="load")
            tab.evaluate(STILL)
            tab.wait_for_function("s => document.body.dataset.mdColorScheme === s", arg=SCHEME[scheme])
            options = {"runOnly": {"type": "rule", "values": COLOUR_RULES}} if scheme == "dark" else {}
            results[axe_as, scheme] = (tab.evaluate(run, options), tab.evaluate("window.__coloursRemembered"),
                                       tab.evaluate("Object.getOwnPropertySymbols(new axe.commons.color.Color(1, 2, 3)).length"))
        context.close()
    for scheme in ("light", "dark"):
        published, _, no_fields = results["published", scheme]
        faster, distinct, fields = results["faster", scheme]
        assert '["color-contrast",[[' in published, scheme  # (the rule ran on the page's text)
        assert faster == published, scheme
        assert 5 < distinct < 200, (scheme, distinct)  # (a few dozen distinct colour texts on the page)
        assert (no_fields, fields) == (0, 7), scheme  # (six fields and the class's mark, on the colour itself)
    assert '["aria-valid-attr-value",' in results["published", "light"][0]  # (every rule in the light scheme)
    assert '["aria-valid-attr-value",' not in results["published", "dark"][0]


def _shards(site, pages: list[str]) -> list[list[str]]:
    """The pages of each shard, in the site's order."""
    size = {path: (site / path).stat().st_size for path in pages}
    shards, sizes = [[] for _ in range(SHARDS)], [0] * SHARDS
    for path in sorted(pages, key=lambda path: (-size[path], path)):
        lightest = sizes.index(min(sizes))
        shards[lightest].append(path)
        sizes[lightest] += size[path]
    return [sorted(shard) for shard in shards]


def test_every_page_is_in_one_axe_shard(site):
    """A shard class for every shard, and every page in exactly one shard, so that no page goes
    unchecked; the shards hold about as many bytes each."""
    assert sorted(shard.shard for shard in AxeShard.__subclasses__()) == list(range(SHARDS))
    every = _pages(site)
    shards = _shards(site, every)
    assert sorted(path for shard in shards for path in shard) == every
    sizes = [sum((site / path).stat().st_size for path in shard) for shard in shards]
    assert max(sizes) - min(sizes) <= max((site / path).stat().st_size for path in every), sizes


def _check_every_page(site, server, browser, corpus, shard: int):
    """Shard `shard` of the pages: axe in both schemes; and, in the same page views (the search worker
    left out: tests/test_site_quality.py runs it in full where the reader opens the search), requests,
    the page's policy and its language."""
    every = _pages(site)
    pages = _shards(site, every)[shard]
    codes = list(corpus.languages)
    context = browser.new_context()
    for script in (CSP_LISTENER, NO_SEARCH_WORKER, _axe_script(), AXE_COLOURS_READ_ONCE):  # (in each page as it starts: compiled once)
        context.add_init_script(script)
    tab = context.new_page()
    requests, failed, violations, wrong_language = [], [], [], []
    tab.on("request", lambda request: requests.append(request.url))
    tab.on("response", lambda response: response.status >= 400 and failed.append(f"{response.status} {response.url}"))
    found, checked = [], {}
    started = time.monotonic()
    for path in pages:
        lang = _language(path, codes, corpus.languages.default)
        tab.emulate_media(color_scheme="light")
        tab.goto(f"{server}/{path}", wait_until="load")
        assert tab.evaluate("typeof axe.run") == "function", path
        if tab.evaluate("document.documentElement.lang") != lang:
            wrong_language.append(path)
        policy = tab.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
        assert "default-src 'self'" in policy, path
        tab.evaluate(STILL)
        for scheme in ("light", "dark"):
            tab.emulate_media(color_scheme=scheme)  # the page follows the system setting as it changes
            tab.wait_for_function("s => document.body.dataset.mdColorScheme === s", arg=SCHEME[scheme])
            options = {"resultTypes": ["violations"]}
            if scheme == "dark":
                options["runOnly"] = {"type": "rule", "values": COLOUR_RULES}
            result = tab.evaluate("options => axe.run(document, options)", options)
            found += [(path, scheme, v["id"], v["impact"], [n["target"] for n in v["nodes"][:3]])
                      for v in result["violations"] if v["impact"] in SERIOUS]
            checked[(lang, scheme)] = checked.get((lang, scheme), 0) + 1
        violations += [f"{path}: {v}" for v in tab.evaluate("window.__violations")]
        assert tab.evaluate("window.__coloursRemembered || 0") > 0, f"{path}: axe's colours were not read once (AXE_COLOURS_READ_ONCE)"
    context.close()
    seconds = time.monotonic() - started
    assert len(every) > 150
    assert {lang for lang, _ in checked} == set(codes)
    assert found[:10] == []
    elsewhere = sorted({url for url in requests if not url.startswith(server + "/")})
    assert len(requests) > 10 * len(pages)  # each page and its style sheets, scripts and images (~18 a page)
    assert elsewhere == [] and failed == [] and violations == [] and wrong_language == []
    title = "accessibility on every page (axe: serious or critical)"
    for (lang, scheme), count in sorted(checked.items()):
        report(title, f"shard {shard + 1}/{SHARDS}: {lang} {scheme:<5} {count} pages, 0 violations"
                      + (" (colour rules)" if scheme == "dark" else " (all rules)"))
    report(title, f"shard {shard + 1}/{SHARDS}: {len(pages)} of {len(every)} pages × 2 schemes in {seconds:.0f} s, one browser tab")
    report("requests and Content-Security-Policy",
           f"shard {shard + 1}/{SHARDS}: {len(pages)} pages loaded, {len(requests)} requests, all to the site itself; "
           "0 policy violations, 0 missing files, each page in its language")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_colour_scheme_follows_the_system_setting_and_nothing_is_stored(server, browser, scheme):
    other = "dark" if scheme == "light" else "light"
    context = browser.new_context(color_scheme=scheme)
    context.add_init_script(NO_SEARCH_WORKER)
    tab = context.new_page()
    tab.goto(f"{server}/en/nrm-agreement.html")
    assert tab.evaluate("document.body.dataset.mdColorScheme") == SCHEME[scheme]  # from the first paint
    background = tab.evaluate("getComputedStyle(document.body).backgroundColor")
    assert (background == "rgb(255, 255, 255)") == (scheme == "light"), background
    tab.emulate_media(color_scheme=other)  # the system setting changes: the page follows
    tab.wait_for_function("s => document.body.dataset.mdColorScheme === s", arg=SCHEME[other])
    assert tab.evaluate("[localStorage.length, sessionStorage.length, document.cookie]") == [0, 0, ""]
    context.close()


def test_every_heading_permalink_is_titled_in_its_page_language(site, corpus):
    """The ¶ link of every heading, on every page of every language, is titled in that language."""
    codes = list(corpus.languages)
    counted = {code: 0 for code in codes}
    wrong = []
    for path in _pages(site):
        lang = _language(path, codes, corpus.languages.default)
        expected = corpus.words(lang, "labels.permalink")
        for element in parse((site / path).read_text(encoding="utf-8")).iter():
            if "headerlink" in element.classes:
                counted[lang] += 1
                if element.attrs.get("title") != expected:
                    wrong.append((path, element.attrs.get("href"), element.attrs.get("title")))
    assert wrong[:10] == []
    assert all(count > 250 for count in counted.values()), counted  # 283 and 284 in this edition
    report("heading permalinks", ", ".join(f"{lang}: {n} titled “{corpus.words(lang, 'labels.permalink')}”"
                                           for lang, n in counted.items()))


# --- a phone's width --------------------------------------------------------------------------------

PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}
WIDE_TABLES = {  # page → a table that has more columns than a phone has room for
    "parallel/child-trafficking-action-plan.html": "table.parallel",
    "parallel/child-trafficking-strategy.html": "table.parallel",
    "obligations.html": "table.due",
    "institutions/molsa.html": "table.obligations",
    "institutions/mopo.html": "table.counts",
    "institutions.html": "table.directory",
}


@pytest.fixture
def phone(browser):
    context = browser.new_context(**PHONE)
    context.add_init_script(NO_SEARCH_WORKER)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("lang", ["sq", "en"])
@pytest.mark.parametrize("path", list(WIDE_TABLES))
def test_tables_read_down_a_phone_screen_with_each_cells_column_label(server, phone, corpus, lang, path):
    prefix = "" if lang == corpus.languages.default else f"{lang}/"
    phone.goto(f"{server}/{prefix}{path}")
    table = WIDE_TABLES[path]
    sizes = phone.evaluate("""table => {
        const t = document.querySelector(table), cells = [...t.querySelectorAll(':scope > tbody > tr > td')];
        return {page: document.documentElement.scrollWidth, screen: document.documentElement.clientWidth,
                table: t.scrollWidth, tableBox: t.clientWidth,
                narrowest: Math.min(...cells.filter(c => c.offsetParent).map(c => c.getBoundingClientRect().width)),
                labels: cells.slice(0, 12).map(c => getComputedStyle(c, '::before').content)}
    }""", table)
    assert sizes["page"] <= sizes["screen"] and sizes["table"] <= sizes["tableBox"] + 1, sizes
    assert sizes["narrowest"] > 0.8 * sizes["screen"] - 40, sizes  # each cell the card's full width
    headers = phone.eval_on_selector_all(f"{table} > thead th", "ths => ths.map(th => th.textContent.trim())")
    labels = [label.strip('"') for label in sizes["labels"] if label != "none"]  # none: a total, under its row's header
    assert labels and set(labels) <= set(headers), (labels, headers)  # the column's own label, from the catalog


@pytest.mark.parametrize("lang", ["sq", "en"])
def test_a_printed_table_keeps_its_columns(server, phone, corpus, lang):
    """Printing is unaffected by the cards: on paper the table is a table."""
    prefix = "" if lang == corpus.languages.default else f"{lang}/"
    phone.goto(f"{server}/{prefix}obligations.html")
    phone.emulate_media(media="print")
    assert phone.evaluate("getComputedStyle(document.querySelector('table.due tbody tr')).display") == "table-row"
    assert phone.evaluate("getComputedStyle(document.querySelector('table.due thead')).position") != "absolute"


def test_the_checklist_keeps_a_summary_of_the_result_in_view_on_a_phone(server, phone):
    phone.goto(f"{server}/en/checklist.html")
    summary = phone.locator(".checklist-summary")
    phone.check('form.checklist input[name="age_group"][value="adult"]')
    phone.check('form.checklist input[name="q_4"][value="yes"]')
    phone.locator('fieldset[data-question="q_9"]').scroll_into_view_if_needed()
    box, screen = summary.bounding_box(), phone.viewport_size
    assert box["y"] + box["height"] <= screen["height"] + 1 and box["y"] > screen["height"] / 2  # at the bottom
    assert box["height"] < 0.12 * screen["height"]  # compact
    assert summary.locator(".checklist-summary-status").inner_text() == "Not determined yet"
    assert "A 1 · B 0 · C 0" in summary.inner_text()
    for question, answer in (("q_8", "yes"), ("q_13", "family")):
        phone.check(f'form.checklist input[name="{question}"][value="{answer}"]')
    assert summary.locator(".checklist-summary-status").inner_text() == "Criteria met"
    assert phone.locator("[aria-live]").count() == 1  # the result is said once, by the page's one polite region
    # a control reached from the keyboard is never hidden under it
    phone.locator('form.checklist input[name="q_10"]').first.focus()
    focused = phone.evaluate("document.activeElement.getBoundingClientRect().bottom")
    assert focused <= summary.bounding_box()["y"] + 1
    # the link goes to the full result, where the summary comes to rest above it
    summary.locator("a").click()
    assert phone.locator("#checklist-result").is_visible()
    # wide screens have the full result beside the questions, and no summary
    phone.set_viewport_size({"width": 1280, "height": 900})
    assert summary.is_hidden()


def test_the_cite_control_opens_by_touch_and_closes_by_escape_or_a_tap_outside(server, phone):
    phone.goto(f"{server}/en/nrm-agreement.html#art_5__A__4")
    button = phone.locator("[id='art_5__A__4'] > .cite-button").first
    assert phone.evaluate("b => getComputedStyle(b).opacity", button.element_handle()) == "1"  # shown without hover
    box = button.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24  # large enough to tap
    button.tap()
    menu = phone.locator(".cite-menu")
    assert menu.is_visible() and button.get_attribute("aria-expanded") == "true"
    menu_box, width = menu.bounding_box(), phone.viewport_size["width"]
    assert menu_box["x"] >= 0 and menu_box["x"] + menu_box["width"] <= width  # on the screen
    phone.locator("[id='art_5__A__4']").tap(position={"x": 5, "y": 5})  # a tap outside the menu
    assert menu.is_hidden() and button.get_attribute("aria-expanded") == "false"
    button.tap()
    assert menu.is_visible()
    phone.keyboard.press("Escape")
    assert menu.is_hidden()
    assert phone.evaluate("document.activeElement.classList.contains('cite-button')")
    phone.keyboard.press("Space")  # the keyboard opens it again
    assert menu.is_visible() and phone.evaluate("document.activeElement.getAttribute('role')") == "menuitem"
    phone.keyboard.press("Escape")
    assert menu.is_hidden() and button.get_attribute("aria-controls") == "cite-menu"


def test_the_english_routing_line_of_annex_1_is_laid_out_on_two_lines_as_printed(site, corpus):
    """The printed English routing instruction is two lines with no full stop between them; the text
    keeps its words, the layout its two lines (on the annex page and in the checklist)."""
    printed = corpus.table("nrm-annex-1", "questionnaire")["routing"][0]["text"]["en"]
    assert printed.split("\n") == ["If self to any of 11 – 13 above, go to 14", "All other answers, go to 15"]
    for name in ("en/nrm-annex-1.html", "en/checklist.html"):
        routing = next(e for e in parse((site / name).read_text(encoding="utf-8")).iter() if "routing" in e.classes)
        lines = [" ".join(e.text().split()) for e in routing.iter() if "routing-line" in e.classes]
        assert lines == ["If self to any of 11 – 13 above, go to 14", "All other answers, go to 15"], name
