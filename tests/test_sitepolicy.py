"""The policy for built pages (trafiklex.website.sitepolicy), on the tricks that fool a check by pattern:
letter case, entities, spaces and controls inside an address, attributes inside attributes, markup
that a browser reads otherwise than it is written. Fast: no build (the corpus builds the real thing)."""
from __future__ import annotations

import threading
import time
from pathlib import Path

import material
import pytest

from conftest import ROOT
from trafiklex.core import cache
from trafiklex.data import pagefiles
from trafiklex.website import sitepolicy

THEME = Path(material.__file__).parent / "templates"
SCRIPTS = {"assets/javascripts/cite.js"}
MD_SCOPE = ('__md_scope=new URL("..",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),'
            '__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t='
            'localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}')


def _check(body: str) -> list[str]:
    page = f"<!doctype html><html><head><title>t</title></head><body>\n{body}\n</body></html>"
    return [what for line, what in sitepolicy.check_page(page, "en/page.html", SCRIPTS, THEME)]


ALLOWED = [
    f"<script>{MD_SCOPE}</script>",
    '<script src="../assets/javascripts/cite.js"></script>',
    '<script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>',
    '<script id="__config" type="application/json">{"base": ".."}</script>',
    '<a href="https://example.org/law">x</a> <a href="mailto:office@example.org">m</a> <a href="#art_1">#</a>',
    '<a href="../nrm-agreement.html#art_5__A__4">x</a>',
    '<link rel="canonical" href="http://localhost:8000/en/page.html">',
    '<link rel="stylesheet" href="../assets/stylesheets/site.css">',
    '<svg viewBox="0 0 10 10"><rect fill="url(#g)" width="10" height="10"/></svg>',
    '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'">',
    '<input type="radio" name="q_1" value="yes"> <form name="search"><input name="query"></form>',
]

REFUSED = [
    ("<script>alert(1)</script>", "inline script that is not the theme's"),
    (f"<script>{MD_SCOPE};alert(1)</script>", "inline script that is not the theme's"),
    (f"<SCRIPT>{MD_SCOPE}</SCRIPT><ScRiPt >alert(1)</sCrIpT>", "inline script that is not the theme's"),
    ("<script data-x='src=x.js'>alert(1)</script>", "inline script that is not the theme's"),
    ("<svg><script>alert(1)</script></svg>", "inline script that is not the theme's"),
    ('<svg><script href="../assets/javascripts/cite.js"></script></svg>', "a script loaded by href="),
    ("<!-- <script>alert(1)</script> -->", "'<script' written 1 times where the page has 0 scripts"),
    ('<script type="module">import("x")</script>', 'a <script type="module">'),
    ('<script type="importmap">{"imports": {}}</script>', 'a <script type="importmap">'),
    ('<script type="speculationrules">{"prefetch": []}</script>', 'a <script type="speculationrules">'),
    ('<script src="https://evil.example/x.js"></script>', "not the theme's or the site's own"),
    ('<script src="//evil.example/x.js"></script>', "not the theme's or the site's own"),
    ('<script src="../assets/javascripts/planted.js"></script>', "not the theme's or the site's own"),
    ('<script src="../../../etc/x.js"></script>', "not the theme's or the site's own"),
    ("<img src=x onerror=alert(1)//>", "an event-handler attribute onerror"),
    ('<body onload="alert(1)">', "an event-handler attribute onload"),
    ('<details open ONTOGGLE="alert(1)">', "an event-handler attribute ontoggle"),
    ('<a href="javascript:alert(1)">x</a>', "a link to a javascript: address"),
    ('<a HREF="JAVASCRIPT:alert(1)">x</a>', "a link to a javascript: address"),
    ('<a href="javascript:alert(1)" href="#safe">x</a>', "a link to a javascript: address"),
    ('<a href="&#106;avascript&#x3a;alert(1)">x</a>', "a link to a javascript: address"),
    ('<a href=" java\tscr\nipt:alert(1)">x</a>', "a link to a javascript: address"),
    ('<a href="\x01javascript:alert(1)">x</a>', "a link to a javascript: address"),
    ('<a href="vbscript:msgbox(1)">x</a>', "a link to a vbscript: address"),
    ('<a href="data:text/html,<script>alert(1)</script>">x</a>', "a link to a data: address"),
    ('<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>', "a link to a javascript: address"),
    ('<math href="javascript:alert(1)">x</math>', "loads from a javascript: address"),
    ('<form><button formaction="javascript:alert(1)">x</button></form>', "loads from a javascript: address"),
    ('<form action="https://evil.example/">x</form>', "loads from a https: address"),
    ('<img src="https://evil.example/pixel.gif">', "loads from a https: address"),
    ('<img src="\\\\evil.example/pixel.gif">', "loads from another host"),
    ('<img srcset="a.png 1x, //evil.example/b.png 2x">', "loads from another host"),
    ('<input type="image" src="//evil.example/x.png">', "loads from another host"),
    ('<video poster="https://evil.example/p.png"></video>', "loads from a https: address"),
    ('<audio src="data:audio/wav;base64,AAAA"></audio>', "loads from a data: address"),
    ('<svg><use href="//evil.example/sprite.svg#i"/></svg>', "loads from another host"),
    ('<a ping="https://evil.example/track" href="#x">x</a>', "loads from a https: address"),
    ('<img src="../../../../x.png">', "loads from outside the site"),
    ('<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>', "a <iframe> element"),
    ('<object data="x.swf"></object>', "a <object> element"),
    ('<embed src="x.swf">', "a <embed> element"),
    ('<base href="https://evil.example/">', "a <base> element"),
    ('<meta http-equiv="refresh" content="0;url=https://evil.example/">', '<meta http-equiv="refresh">'),
    ('<meta HTTP-EQUIV=" Refresh " content="0;javascript:alert(1)">', "(only the Content-Security-Policy"),
    ('<meta http-equiv="Set-Cookie" content="a=b">', '<meta http-equiv="Set-Cookie">'),
    ('<link rel="preload" href="//evil.example/x.js" as="script">', 'link rel="preload"'),
    ('<link rel="dns-prefetch" href="//evil.example">', 'link rel="dns-prefetch"'),
    ('<link rel="stylesheet" href="https://evil.example/x.css">', "loads from a https: address"),
    ('<link rel="ICON" href="//evil.example/x.ico">', "loads from another host"),
    ('<svg><set attributeName="href" to="javascript:alert(1)"/></svg>', "changes an address"),
    ('<svg><animate attributeName="xlink:href" values="javascript:alert(1)"/></svg>', "a <animate> element"),
    ('<p style="background:url(//evil.example/x.png)">x</p>', "a style attribute that loads or runs something"),
    ("<style>@import url(https://evil.example/x.css);</style>", "a <style> element that loads or runs something"),
    # markup that a reader other than a browser's parser sees as text (issue 25): read as Chromium does
    ('<!--> <meta http-equiv="refresh" content="3;url=https://evil.example/"> -->', '<meta http-equiv="refresh">'),
    ('<!--> <meta http-equiv="refresh" content="3;url=https://evil.example/"> -->', "a comment or declaration <!---->"),
    ("<!---> <img src=x onerror=alert(1)> -->", "an event-handler attribute onerror"),
    ("<!-- x --!> <img src=x onerror=alert(1)> -->", "an event-handler attribute onerror"),
    ('<!-- <!-- --> <iframe src="https://evil.example/"></iframe> -->', "a <iframe> element"),
    ("<p><![CDATA[ x > <img src=x onerror=alert(1)> ]]></p>", "an event-handler attribute onerror"),
    ("<?php x > <img src=x onerror=alert(1)> ?>", "an event-handler attribute onerror"),
    ("<! x > <img src=x onerror=alert(1)>", "an event-handler attribute onerror"),
    ("</ x > <img src=x onerror=alert(1)>", "an event-handler attribute onerror"),
    ("<p>x</p><!DOCTYPE html><p>y</p>", "a comment or declaration <!DOCTYPE html>"),
    ('<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>', "an event-handler attribute onerror"),
    ("<template><img src=x onerror=alert(1)></template>", "an event-handler attribute onerror"),
    ("<img/src=x/onerror=alert(1)>", "markup that a browser reads otherwise than it is written (Unexpected character after /"),
    ('<a href="#x" href="javascript:alert(1)">x</a>', "(Dropped duplicate attribute on tag.)"),
    ('<a title="x"onclick="alert(1)">x</a>', "an event-handler attribute onclick"),
    ("<a title=`x` onclick=alert(1)>x</a>", "an event-handler attribute onclick"),
    ("<svg><style><img src=x onerror=alert(1)></style></svg>", "an event-handler attribute onerror"),
    ("<math><style><img src=x onerror=alert(1)></style></math>", "an event-handler attribute onerror"),
    ("<svg><![CDATA[ x ]]><script>alert(1)</script></svg>", "inline script that is not the theme's"),
    ("<svg><foreignObject><iframe src=//evil.example/></iframe></foreignObject></svg>", "a <iframe> element"),
    ('<textarea><p title="</textarea><img src=x onerror=alert(1)>"></textarea>', "an event-handler attribute onerror"),
    ('<title><p title="</title><img src=x onerror=alert(1)>"></title>', "an event-handler attribute onerror"),
    ('<xmp><p title="</xmp><img src=x onerror=alert(1)>"></xmp>', "an event-handler attribute onerror"),
    # Chromium (156) keeps the elements inside a <select> that the 2020 algorithm drops: every tag is checked
    ("<select><details open ontoggle=alert(1)></details></select>", "an event-handler attribute ontoggle"),
    ("<select><script>alert(1)</script></select>", "inline script that is not the theme's"),
]


@pytest.mark.parametrize("body", ALLOWED)
def test_what_the_site_itself_uses_is_allowed(body):
    assert _check(body) == []


@pytest.mark.parametrize("body,says", REFUSED, ids=[b for b, _ in REFUSED])
def test_what_could_run_a_script_or_reach_another_host_is_refused(body, says):
    found = _check(body)
    assert any(says in what for what in found), found


def test_a_style_sheet_that_loads_from_another_host_is_refused():
    found = sitepolicy.check_stylesheet('a{background:url("data:image/svg+xml;x")}\n'
                                        "b{background:url(https://evil.example/x.png)}\n@import '//evil.example/y.css';")
    assert [line for line, _ in found] == [2, 3]


AKN = '<?xml version="1.0" encoding="UTF-8"?>\n<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act/></akomaNtoso>\n'
SITEMAP = ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
           'xmlns:xhtml="http://www.w3.org/1999/xhtml"><url><loc>http://localhost:8000/</loc><xhtml:link rel="alternate" '
           'hreflang="en" href="http://localhost:8000/en/"/></url></urlset>\n')
XHTML = '<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body><script>alert(1)</script></body></html>\n'
PUBLISHED = {  # what the built site holds, by kind (read from a built site)
    "index.html": "<!doctype html><title>x</title>",
    "assets/stylesheets/site.css": "body{}", "assets/javascripts/cite.js": "x()", "search/search_index.json": "{}",
    "data/terms.yml": "# licence\nterms: []\n", "data/activities.csv": '"id"\n',
    "assets/javascripts/bundle.min.js.map": '{"version":3}', "pdf/handbook-en.pdf": "%PDF-1.7\n",
    "assets/images/favicon.png": b"\x89PNG\r\n\x1a\n\0\0", "sitemap.xml.gz": b"\x1f\x8b\x08\0",
    "akn/al/act/order/2005-02-22/25/eng@2005-02-22.xml": AKN, "sitemap.xml": SITEMAP, "en/parallel/sitemap.xml": SITEMAP,
    "feed.xml": '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"/>\n',
    "data/termbase.tbx": '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">\n<martif/>\n',
    "offline/korniza-antitrafik-2005.zip": b"PK\x05\x06",
}
NOT_PUBLISHED = [
    ("assets/report.xml", XHTML, "a .xml file where the project writes none"),
    ("akn/al/act/x/eng.xml", XHTML, "the XML file has <html> with markup of http://www.w3.org/1999/xhtml"),
    ("akn/al/act/y/eng.xml", AKN.replace("<act/>", '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
     "the XML file has <svg> with markup of http://www.w3.org/2000/svg"),
    ("feed.xml", '<?xml version="1.0"?>\n<?xml-stylesheet type="text/xsl" href="feed.xsl"?>\n<feed xmlns="http://www.w3.org/2005/Atom"/>\n',
     "the XML file has a processing instruction <?xml-stylesheet"),
    ("sitemap.xml", '<?xml version="1.0"?>\n<!DOCTYPE urlset [<!ENTITY a "b">]>\n<urlset>&a;</urlset>\n',
     "the XML file declares entities or elements of its own"),
    ("en/sitemap.xml", SITEMAP.replace('rel="alternate"', 'rel="alternate" onclick="alert(1)"'), "with markup of http://www.w3.org/1999/xhtml"),
    ("data/termbase.tbx", "<?xml version=\"1.0\"?>\\n<martif>", "the XML file is not well-formed"),
    ("assets/logo.svg", '<svg xmlns="http://www.w3.org/2000/svg"/>', "a file of a kind the site does not publish (.svg)"),
    ("assets/report.xhtml", XHTML, "a file of a kind the site does not publish (.xhtml)"),
    ("assets/report.htm", "<script>alert(1)</script>", "a file of a kind the site does not publish (.htm)"),
    ("assets/report", "<script>alert(1)</script>", "a file of a kind the site does not publish (no extension)"),
    ("assets/images/logo.png", "<html><script>alert(1)</script>", "a .png file that does not begin as one"),
    ("pdf/x.pdf", "<html>", "a .pdf file that does not begin as one"),
    ("data/x.json", "\n <html><script>alert(1)</script>", "a .json file that begins with '<'"),
    ("data/x.yml", "<script>alert(1)</script>", "a .yml file that begins with '<'"),
    ("assets/x.gz", b"\x1f\x8b\x08\0", "a .gz file where the project writes none"),
    ("offline/other.zip", b"PK\x05\x06", "a file of a kind the site does not publish (.zip)"),
]


def _file(tmp_path: Path, name: str, content) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def test_the_kinds_of_file_the_site_publishes_are_allowed(tmp_path):
    assert {name: sitepolicy.check_file(_file(tmp_path, name, content), name) for name, content in PUBLISHED.items()} == \
        {name: None for name in PUBLISHED}


@pytest.mark.parametrize("name,content,says", NOT_PUBLISHED, ids=[f"{n}: {s}" for n, _, s in NOT_PUBLISHED])
def test_a_file_that_a_browser_could_take_for_a_page_is_refused(tmp_path, name, content, says):
    problem = sitepolicy.check_file(_file(tmp_path, name, content), name)
    assert problem and says in problem, problem


PLAIN_SOURCES = [  # what the pages' sources hold, and text that only looks like markup
    '<p class="masthead">REPUBLIC OF ALBANIA<br>COUNCIL OF MINISTERS</p>',
    '<ul class="items">\n<li id="art_4__item_1">Human rights;</li>\n</ul>',
    "| Section | `sec_<number as printed>` | `art_5__<A–D>__<n>` |",
    "Write to <office@example.org> or see <https://example.org/law?a=1&b=2>.",
    "if age < 18 and a<b, R&D, &copy 2005, 3 > 2",
    '<a class="md-button" href="../offline/korniza-antitrafik-2005.zip" download>Download</a>',
]


@pytest.mark.parametrize("source", PLAIN_SOURCES)
def test_a_page_source_of_plain_markup_is_allowed(source):
    assert pagefiles._markup(f"---\ntitle: x\n---\n\n{source}\n", "docs/en/x.md") == []


def test_a_page_source_trick_is_named_with_its_line():
    found = pagefiles._markup("---\ntitle: x\n---\n\ntext\n\nmore <!--> <meta http-equiv=refresh> -->\n"
                              "<svg>\n<noscript>", "docs/en/x.md")
    assert [(p.file, p.line, p.message.split(":")[0]) for p in found] == [
        ("docs/en/x.md", 7, "a comment or declaration in the page"),
        ("docs/en/x.md", 8, "a <svg> element"), ("docs/en/x.md", 9, "a <noscript> element")]


def test_pages_checked_while_mkdocs_writes_are_found_checked_and_one_written_again_is_checked_again(tmp_path, monkeypatch):
    """scripts/build.py checks the pages MkDocs has written while it writes the others
    (sitepolicy.check_ahead); check_site, after MkDocs, finds those pages' findings in the build cache
    and checks itself only a page written again since (its content is another), so that nothing
    written is left unchecked."""
    monkeypatch.setenv(cache.VARIABLE, str(tmp_path / "cache"))
    site, done = tmp_path / "site", threading.Event()
    (site / "en").mkdir(parents=True)
    ahead = threading.Thread(target=sitepolicy.check_ahead, args=(site, ROOT, "/", done))
    ahead.start()
    clean = "<!DOCTYPE html><html lang=\"en\"><head><title>t</title></head><body><p>{}</p></body></html>"
    bad = clean.format('<img src="x" onerror="alert(1)">')
    try:
        for name, page in (("a", clean.format("first")), ("b", bad), ("c", clean.format("third"))):
            (site / "en" / f"{name}.html").write_text(page, encoding="utf-8")
        jobs = [sitepolicy._page_job(site, site / "en" / f"{name}.html", sitepolicy.allowed_scripts(ROOT), sitepolicy._theme(), "/")
                for name in "abc"]
        waited = time.monotonic()
        while any(sitepolicy._known(job) is None for job in jobs) and time.monotonic() - waited < 30:
            time.sleep(0.05)
        assert [sitepolicy._known(job) is not None for job in jobs] == [True, True, True]  # (checked ahead)
        monkeypatch.setattr(sitepolicy, "SETTLE_SECONDS", 3600)  # (a page written from now on is left to check_site)
        (site / "en" / "a.html").write_text(bad, encoding="utf-8")  # (written again)
    finally:
        done.set()
        ahead.join()
    checked_after = []
    check = sitepolicy._check_built_page
    monkeypatch.setattr(sitepolicy, "_check_built_page", lambda job: checked_after.append(job[1]) or check(job))
    problems = sitepolicy.check_site(site, ROOT)
    assert checked_after == ["en/a.html"]
    assert sorted(p.file for p in problems if "onerror" in p.message) == ["site/en/a.html", "site/en/b.html"]
