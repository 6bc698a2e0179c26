"""The offline copy, opened from the file system in Chromium, makes no request to another host and
runs no script that was not built into it: every page carries a Content-Security-Policy that works
from file:// (search still works), and a script planted in a page after the build — which the
build's own policy would have refused — is blocked when the page runs."""
from __future__ import annotations

import http.server
import re
import threading
import zipfile
from pathlib import Path

import pytest

from conftest import report
from trafiklex.website.offline import ZIP_PATH

pytestmark = pytest.mark.browser

META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


class _Counting(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self):  # noqa: N802
        _Counting.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(b"window.__fetched = 1;")

    def log_message(self, *args):
        pass


@pytest.fixture
def other_host():
    """A web server on another host (from file://, any http address is another host), counting hits."""
    _Counting.hits = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Counting)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", _Counting.hits
    httpd.shutdown()


def _unzip(site: Path, tmp_path: Path) -> Path:
    with zipfile.ZipFile(site / ZIP_PATH) as archive:
        archive.extractall(tmp_path)
    return tmp_path / "korniza-antitrafik-2005"


def test_every_page_of_the_offline_copy_carries_the_offline_policy(site):
    with zipfile.ZipFile(site / ZIP_PATH) as archive:
        pages = [n for n in archive.namelist() if n.endswith(".html")]
        policies = [META.findall(archive.read(n).decode("utf-8")) for n in pages]
    assert pages and all(len(p) == 1 for p in policies)
    for (policy,) in policies:
        assert "default-src 'self' file:" in policy and "script-src 'self' file: 'sha256-" in policy
        assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy and "http" not in policy
    report("offline copy", f"{len(pages)} pages, each with the offline Content-Security-Policy")


PLANTED = """
<script>window.__planted = 1; fetch("{host}/fetched-by-inline-script");</script>
<img src="x.png" onerror="window.__planted_handler = 1">
<img src="{host}/image.png">
<link rel="stylesheet" href="{host}/style.css">
<script src="{host}/script.js"></script>
<iframe src="{host}/frame.html"></iframe>
<a id="planted-link" href="javascript:window.__planted_link = 1">x</a>
<div style="background-image: url({host}/background.png)">x</div>
"""


def test_offline_copy_from_file_makes_no_request_elsewhere_and_runs_no_planted_script(site, browser, tmp_path,
                                                                                      other_host):
    host, hits = other_host
    root = _unzip(site, tmp_path)
    page = root / "en" / "nrm-agreement.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("</article>", PLANTED.format(host=host) + "</article>", 1), encoding="utf-8")
    context = browser.new_context()
    tab = context.new_page()
    violations, finished = [], []
    tab.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    tab.on("requestfinished", lambda r: finished.append(r.url))
    try:
        tab.goto(page.as_uri())
        tab.wait_for_load_state("load")
        tab.locator("#planted-link").click()
        tab.wait_for_timeout(500)
        ran = tab.evaluate("() => [window.__planted, window.__planted_handler, window.__planted_link, window.__fetched]")
        # the page works as it should under its policy: search, from file://, through the worker's frame
        tab.locator("input.md-search__input").click()
        tab.keyboard.type("temporary residence", delay=20)
        tab.wait_for_selector(".md-search-result__item a")
        first = tab.locator(".md-search-result__item a").first.get_attribute("href")
        for other in ("index.html", "checklist.html", "en/obligations.html"):
            tab.goto((root / other).as_uri())
            tab.wait_for_load_state("load")
    finally:
        context.close()
    assert ran == [None, None, None, None], "a planted script ran"
    assert hits == [], f"requests reached another host: {hits}"
    assert [u for u in finished if not u.startswith(("file:", "data:", "about:"))] == []
    assert first.startswith(root.as_uri() + "/en/nrm-agreement.html")
    blocked = sum(1 for v in violations if "violates" in v or "blocked" in v.lower())
    assert blocked >= 5, violations
    report("offline copy in Chromium", f"from file://: search works, 0 requests to another host, planted script "
                                       f"not run ({blocked} violations of the policy reported by Chromium)")
