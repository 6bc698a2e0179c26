"""A site published under a sub-path (the README's own example, SITE_URL=https://example.org/trafiklex/):
built with the project's build command, every address it writes — the sitemap, the 404 page (whose
addresses start at the host's root), the canonical links, each language's feed link and the feeds'
own links, the permalinks and QR codes of the PDFs, the offline copy — names a file the site has,
under the sub-path."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from lxml import etree

from conftest import ROOT, report
from test_paper_to_web import link_uris, opening_pages, qr_codes
from trafiklex.core import print_paths as paths
from trafiklex.pdf import permalinks
from trafiklex.website.offline import ZIP_PATH

BASE = "https://example.org/trafiklex/"
PATH = "/trafiklex/"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("subpath") / "site"
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build.py"), "--quiet", "--output", str(out)],
                            cwd=ROOT, capture_output=True, text=True, env={**os.environ, "SITE_URL": BASE})
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return out


def _file(site: Path, url: str) -> Path:
    """The file of the site an absolute address (BASE…) or a path from the host's root (/trafiklex/…) names."""
    path = urlsplit(url).path
    assert path.startswith(PATH), url
    return site / (path[len(PATH):] or "index.html")


def _exists(site: Path, url: str) -> bool:
    return _file(site, url).is_file()


def test_the_sitemap_lists_pages_under_the_sub_path(built):
    tree = etree.parse(str(built / "sitemap.xml"))
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = tree.xpath("//s:loc/text()", namespaces=ns) + tree.xpath("//x:link/@href", namespaces=ns)
    assert len(urls) > 50
    assert [u for u in urls if not u.startswith(BASE) or not _exists(built, u)] == []
    report("sub-path site", f"sitemap: {len(urls)} addresses, all under {BASE} and all files of the site")


def test_the_404_page_loads_everything_from_under_the_sub_path(built):
    text = (built / "404.html").read_text(encoding="utf-8")
    rooted = re.findall(r'(?:href|src)="(/[^"]*)"', text)
    assert len(rooted) > 10
    assert [u for u in rooted if u.startswith("//") or not u.startswith(PATH) or not _exists(built, u)] == []
    report("sub-path site", f"404 page: {len(rooted)} addresses from the host's root, all files under {PATH}")


def test_each_page_links_its_own_language_feed_and_the_feeds_link_the_site(built):
    lang_404 = re.search(r'<html lang="([^"]+)"', (built / "404.html").read_text(encoding="utf-8")).group(1)
    for page, feed in (("index.html", "feed.xml"), ("en/index.html", "en/feed.xml"),
                       ("en/parallel/nrm-agreement.html", "en/feed.xml"),
                       ("404.html", "feed.xml" if lang_404 == "sq" else f"{lang_404}/feed.xml")):
        text = (built / page).read_text(encoding="utf-8")
        href = re.search(r'<link rel="alternate" type="application/atom\+xml"[^>]*href="([^"]+)"', text).group(1)
        target = (built / page).parent / href if not href.startswith("/") else _file(built, href)
        assert target.resolve() == (built / feed).resolve(), (page, href)
    for feed in ("feed.xml", "en/feed.xml"):
        links = etree.parse(str(built / feed)).xpath("//*[local-name()='link']/@href")
        assert links and [u for u in links if not u.startswith(BASE) or not _exists(built, u)] == []


def test_canonical_links_and_json_ld_name_pages_under_the_sub_path(built):
    for page in ("index.html", "en/index.html", "nrm-agreement.html", "en/nrm-agreement.html"):
        text = (built / page).read_text(encoding="utf-8")
        canonical = re.search(r'<link rel="canonical" href="([^"]+)"', text).group(1)
        assert canonical == BASE + page
    text = (built / "en/nrm-agreement.html").read_text(encoding="utf-8")
    urls = re.findall(r'"url": ?"([^"]+)"', text)
    assert urls and all(u.startswith(BASE) and _exists(built, u) for u in urls), urls


def test_the_pdfs_permalinks_and_qr_codes_are_under_the_sub_path(built, corpus):
    path = built / paths.handbook("en")
    uris = [u for u in link_uris(path) if u.startswith("https://example.org")]
    assert len(uris) > 30
    assert [u for u in uris if not u.startswith(BASE) or not _exists(built, u)] == []
    pages = opening_pages(path, corpus.words("en", "paper_to_web.online"))
    decoded = qr_codes(path, pages[:1])
    assert decoded[pages[0]] == [permalinks.document_url(BASE, corpus, corpus.documents[0]["id"], "en")]
    assert decoded[pages[0]][0].startswith(BASE)
    report("sub-path site", f"handbook (en): {len(uris)} permalinks under {BASE}, its first QR code {decoded[pages[0]][0]}")


def test_the_offline_copy_holds_the_site_built_for_the_sub_path(built):
    with zipfile.ZipFile(built / ZIP_PATH) as archive:
        names = set(archive.namelist())
        assert {"korniza-antitrafik-2005/404.html", "korniza-antitrafik-2005/index.html",
                "korniza-antitrafik-2005/en/index.html", "korniza-antitrafik-2005/sitemap.xml"} <= names
        page = archive.read("korniza-antitrafik-2005/en/index.html").decode("utf-8")
    assert 'href="../feed.xml"' not in page and 'href="../en/feed.xml"' in page
    assert "localhost" not in page
