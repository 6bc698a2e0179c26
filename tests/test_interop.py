"""Interoperability (issue 17, without the Akoma Ntoso files): each document page's standard
identifiers, status and schema.org JSON-LD (read back from the built pages of every language, and
once in Chromium), the identifiers page, the sitemap's dates, the licence on the open-data page and
in the downloads, the status in the printed editions, and the site policy's rule for JSON data
blocks."""
from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import DOCUMENTS_2005, ROOT, page, report
from trafiklex.website import csp, sitepolicy
from trafiklex.queries import edition_meta
from trafiklex.queries import status as status_query
from trafiklex.core import identifiers
from trafiklex.formats import jsonld

# the work URIs, written out by hand (not computed): what the scheme must give for the seven documents
WORKS = {
    "order-25-2005": "/akn/al/act/order/2005-02-22/25",
    "national-action-plan-2005-2007": "/akn/al/doc/strategy/2005-02-22/national-action-plan-2005-2007",
    "decision-171-2005": "/akn/al/act/decision/2005-02-11/171",
    "child-trafficking-strategy": "/akn/al/doc/strategy/2005-02-11/child-trafficking-strategy",
    "child-trafficking-action-plan": "/akn/al/doc/action-plan/2005-02-11/child-trafficking-action-plan",
    "nrm-agreement": "/akn/al/doc/agreement/2005-07-18/nrm-agreement",
    "nrm-annex-1": "/akn/al/doc/annex/2005-07-18/nrm-annex-1",
}
assert tuple(WORKS) == DOCUMENTS_2005


def _work(corpus, document: dict) -> str:
    """A document's work URI: the one written out above for the seven of 2005, the scheme's for any other."""
    return WORKS.get(document["id"]) or str(identifiers.work_of(document, corpus.documents))


PASSED_BY = {"order-25-2005": {"sq": "Kryeministri", "en": "Prime Minister"},
             "decision-171-2005": {"sq": "Këshilli i Ministrave", "en": "Council of Ministers"}}


def _edition_date() -> str:
    """The date the session's build stamps (scripts/build.py: the commit's date, unless EDITION_DATE)."""
    import os
    if os.environ.get("EDITION_DATE", "").strip() not in ("", "—"):
        return os.environ["EDITION_DATE"].strip()
    return subprocess.run(["git", "log", "-1", "--format=%cs"], cwd=ROOT, capture_output=True, text=True).stdout.strip()


class _DataBlocks(HTMLParser):
    """The JSON-LD blocks of a page, read by a real HTML tokenizer."""

    def __init__(self):
        super().__init__()
        self.blocks, self._open = [], None

    def handle_starttag(self, tag, attrs):
        if tag == "script" and dict(attrs).get("type") == "application/ld+json":
            self._open = []

    def handle_data(self, data):
        if self._open is not None:
            self._open.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._open is not None:
            self.blocks.append("".join(self._open))
            self._open = None


def _jsonld(text: str) -> list[dict]:
    parser = _DataBlocks()
    parser.feed(text)
    return [json.loads(block) for block in parser.blocks]


def test_the_scheme_gives_the_expected_work_uri_of_each_document(corpus):
    assert {d: str(identifiers.work_of(corpus.document(d), corpus.documents)) for d in DOCUMENTS_2005} == WORKS
    works = [str(identifiers.work_of(d, corpus.documents)) for d in corpus.documents]  # every other document: one of its own
    assert len(set(works)) == len(works) and all(re.fullmatch(r"/akn/al/(act|doc)/[a-z-]+/\d{4}-\d\d-\d\d/[a-z0-9-]+", w) for w in works)


def test_every_document_page_of_every_language_has_its_legislation_jsonld(site, corpus):
    counts, seven = {}, {}
    for document in corpus.documents:
        for lang in corpus.languages:
            blocks = _jsonld(page(site, document["page"], lang))
            assert len(blocks) == 1, (document["id"], lang)
            data = blocks[0]
            alpha3 = corpus.languages.get(lang).alpha3
            work = _work(corpus, document)
            assert data["@context"] == "https://schema.org" and data["@type"] == "Legislation"
            assert data["legislationIdentifier"] == work
            date = work.split("/")[5]
            assert data["identifier"] == f"{work}/{alpha3}@{date}"
            assert data["legislationDate"] == date
            assert data["inLanguage"] == corpus.languages.get(lang).locale
            assert data["name"] == document["title"][lang]
            assert data["legislationType"] == document["form"][lang]
            assert data["legislationJurisdiction"]["name"] == {"sq": "Shqipëria", "en": "Albania"}[lang]
            assert data["url"].endswith(("" if lang == "sq" else "en/") + f"{document['page']}.html")
            assert data["legislationLegalValue"] == "https://schema.org/UnofficialLegalValue"
            assert "legislationLegalForce" not in data and "legislationConsolidates" not in data
            assert date[:4] in data["creativeWorkStatus"] and data["sdDatePublished"] == _edition_date()
            assert data["license"] == "https://creativecommons.org/licenses/by/4.0/"
            if document["id"] in PASSED_BY:
                assert data["legislationPassedBy"]["name"] == PASSED_BY[document["id"]][lang]
            else:
                assert "legislationPassedBy" not in data
            if lang == corpus.languages.authoritative:  # the original names each translation
                assert [t["identifier"] for t in data["workTranslation"]] == [f"{work}/eng@{date}"]
                assert "translationOfWork" not in data
            else:  # a translation names the original
                assert data["translationOfWork"]["identifier"] == f"{work}/sqi@{date}"
                assert data["translationOfWork"]["inLanguage"] == "sq-AL"
            counts[lang] = counts.get(lang, 0) + 1
            seven[lang] = seven.get(lang, 0) + (document["id"] in DOCUMENTS_2005)
    assert seven == {"sq": 7, "en": 7} and counts == {lang: len(corpus.documents) for lang in corpus.languages}
    others = [p for p in site.rglob("*.html") if _jsonld(p.read_text(encoding="utf-8"))
              and p.stem not in {d["page"] for d in corpus.documents}]
    assert others == []  # no other page claims to be legislation (the side-by-side views neither)
    report("JSON-LD", f"schema.org Legislation on {counts['sq']} Albanian and {counts['en']} English document pages; "
                      f"0 on other pages")


def test_the_text_says_who_passed_the_act_where_the_jsonld_says_it(corpus, site):
    """legislationPassedBy is declared with the clause that says it: that clause, on both pages,
    names the body."""
    for document in corpus.documents:
        if "passed_by" not in document:
            continue
        body = corpus.institutions.get(document["passed_by"]["body"])
        for lang in corpus.languages:
            text = page(site, document["page"], lang)
            clause = re.search(rf'id="{document["passed_by"]["clause"]}"[^>]*>(.*?)</(?:p|div)>', text, re.S)
            assert clause, (document["id"], lang)
            assert body["name"][lang].upper() in re.sub(r"<[^>]+>", " ", clause.group(1)).upper()


def test_document_pages_show_their_identifiers_status_and_akoma_ntoso_links(site, corpus):
    date = _edition_date()
    for document in corpus.documents:
        for lang in corpus.languages:
            text = page(site, document["page"], lang)
            work = _work(corpus, document)
            panel = re.search(r'<aside class="edition-identifiers".*?</aside>', text, re.S).group(0)
            assert f'data-uri="work">{work}</code>' in panel
            assert f'data-uri="expression">{work}/{corpus.languages.get(lang).alpha3}@{work.split("/")[5]}</code>' in panel
            links = re.findall(r'href="([^"]+)"[^>]*data-akn="(\w+)"', panel)
            prefix = "" if lang == corpus.languages.default else "../"
            assert links == [(prefix + identifiers.work_of(document, corpus.documents).file(corpus.languages.get(other).alpha3), other)
                             for other in corpus.languages]
            status = re.search(r'<aside class="edition-status".*?</aside>', text, re.S).group(0)
            months = corpus.words(lang, "months")
            y, m, d = (int(x) for x in date.split("-"))
            assert f"{d} {months[m - 1]} {y}" in status  # the edition's date
            if document["id"] in ("child-trafficking-strategy", "nrm-agreement"):  # what public sources say became of them
                assert {"sq": "Çfarë thonë burimet publike për fatin e tij (kërkuar më 6 dhjetor 2026):",
                        "en": "What public sources say became of it (searched on 6 December 2026):"}[lang] in status
                assert 'class="admonition info editorial-note later-effect"' in status
            elif [e for e in status_query.effects(corpus, document["id"]) if e.in_edition]:
                # what a later document of this edition says, then that public sources said nothing more
                assert {"sq": "Dokumente të këtij botimi thonë se çfarë u bë me të: ",
                        "en": "Documents of this edition say what became of it: "}[lang] in status
                assert {"sq": "Nuk u gjet asnjë", "en": "No later information was found"}[lang] not in status
            elif document["id"] in DOCUMENTS_2005:  # nothing found, said with the date of the search
                assert {"sq": "Nuk u gjet asnjë informacion i mëvonshëm për këtë tekst (deri më 6 dhjetor 2026).",
                        "en": "No later information was found about this text (as of 6 December 2026)."}[lang] in status
            else:  # every other document: what its status data says, with the date of its own search
                assert edition_meta.later_words(corpus, document["id"], lang) in status
            assert 'href="later-framework.html"' in status or 'href="../en/later-framework.html"' in status \
                or 'later-framework.html"' in status
    order = page(site, "order-25-2005", "en")
    assert "published as it was adopted, on 22 February 2005" in order


def test_the_identifiers_page_lists_every_document_with_its_uris_from_the_data(site, corpus):
    for lang in corpus.languages:
        text = page(site, "links", lang)
        rows = re.findall(r'<tr id="uri-([a-z0-9-]+)">(.*?)</tr>', text, re.S)
        assert [row[0] for row in rows if row[0] in WORKS] == list(WORKS)  # the seven of 2005, in their order
        assert [row[0] for row in rows] == [d["id"] for d in corpus.documents]  # and every other document
        for document_id, row in rows:
            work = _work(corpus, corpus.document(document_id))
            assert f"<code class=\"uri\">{work}</code>" in row
            assert row.count(work + "/") == 2  # one expression per language
        nap = dict(rows)["national-action-plan-2005-2007"]
        assert {"sq": "Urdhri nr. 25", "en": "Order No. 25"}[lang] in nap  # its date is the Order's
        assert 'id="uris"' in text


def test_the_sitemap_dates_are_the_editions(site):
    date = _edition_date()
    text = (site / "sitemap.xml").read_text(encoding="utf-8")
    dates = re.findall(r"<lastmod>([^<]*)</lastmod>", text)
    assert len(dates) >= 16 and set(dates) == {date}
    assert "2005-07-18" not in text
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()).decode("utf-8") == text
    assert (site / "en" / "sitemap.xml").read_text(encoding="utf-8") == text
    report("sitemap", f"{len(dates)} entries, every <lastmod> {date}")


def test_the_licence_is_on_the_open_data_and_licence_pages_of_every_language(site, corpus):
    for lang in corpus.languages:
        for name in ("open-data", "licence"):
            text = page(site, name, lang)
            assert re.search(r'<a href="https://creativecommons.org/licenses/by/4.0/" rel="license">'
                             r'Creative Commons Attribution 4.0 International</a> \(<code>CC-BY-4.0</code>\)', text), (name, lang)
            assert '<a href="https://opensource.org/license/mit" rel="license">MIT License</a>' in text
            assert edition_meta.official_texts(corpus, lang)[:60] in text
        assert re.search(r'<a [^>]*href="licence.html"', page(site, "index", lang))  # in the navigation


def test_the_downloads_carry_the_licence_and_the_identifiers(site, corpus):
    data = site / "data"
    package = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    assert package["licenses"] == [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
                                    "title": "Creative Commons Attribution 4.0 International"}]
    assert package["version"] == _edition_date()
    files = sorted(p.relative_to(data).as_posix() for p in data.rglob("*") if p.suffix in (".yml", ".json", ".csv")
                   and not p.name.endswith(".schema.json") and p.name not in ("datapackage.json", "divergences.json",
                                                                               "reference-check.json"))
    assert sorted(r["path"] for r in package["resources"]) == files
    assert "documents/child-trafficking-action-plan/activities.json" in files  # each document's own tables
    assert {"activities.csv", "penalties.csv", "commitments.csv"} <= set(files)  # each tabular kind across documents
    assert all(r["licenses"][0]["name"] == "CC-BY-4.0" for r in package["resources"])
    works = {d["id"]: d["work"] for d in package["documents"]}
    assert {d: works[d] for d in DOCUMENTS_2005} == WORKS  # the seven of 2005; every other document likewise
    assert works == {d["id"]: _work(corpus, d) for d in corpus.documents}
    assert package["documents"][0]["expressions"] == {"sq": WORKS["order-25-2005"] + "/sqi@2005-02-22",
                                                      "en": WORKS["order-25-2005"] + "/eng@2005-02-22"}
    assert package["rights"]["official_texts"]["en"].startswith("The texts of the documents of this edition")
    yamls = sorted(data.rglob("*.yml"))
    assert len(yamls) >= 22  # 6 of the edition, 3 derived, 13 of the documents
    for path in yamls:
        second = path.read_text(encoding="utf-8").split("\n")[1]
        assert second.startswith("# Licence: CC-BY-4.0 (Creative Commons Attribution 4.0 International"), path.name
    edition = json.loads((data / "edition.json").read_text(encoding="utf-8"))
    assert [item["spdx"] for item in edition["licences"]] == ["CC-BY-4.0", "MIT"]
    clauses = json.loads((data / "clauses.json").read_text(encoding="utf-8"))["clauses"]
    for record in clauses:
        alpha3 = corpus.languages.get(record["language"]).alpha3
        work = _work(corpus, corpus.document(record["document"]))  # (written out for the seven of 2005)
        assert record["uri"] == f"{work}/{alpha3}@{work.split('/')[5]}/~{record['id']}"
    art = next(r for r in clauses if r["document"] == "nrm-agreement" and r["language"] == "en" and r["id"] == "art_5__A__4")
    assert art["uri"] == "/akn/al/doc/agreement/2005-07-18/nrm-agreement/eng@2005-07-18/~art_5__A__4"
    header = (data / "clauses.csv").read_text(encoding="utf-8").split("\n")[0]
    assert header.startswith('"document","language","id","uri",')
    report("downloads", f"{len(package['resources'])} files in datapackage.json, {len(yamls)} YAML files with the "
                        f"licence, {len(clauses)} clause records with their portion URI")


def test_the_cite_control_carries_each_clause_s_portion_uri(site):
    text = page(site, "nrm-agreement", "sq")
    assert 'id="art_5__A__4"' in text
    assert re.search(r'id="art_5__A__4"[^>]*data-uri="/akn/al/doc/agreement/2005-07-18/nrm-agreement/sqi@2005-07-18/~art_5__A__4"', text)
    marks = re.findall(r'data-uri="(/akn/[^"]+)"', text)
    assert len(marks) > 50 and all(m.startswith(WORKS["nrm-agreement"] + "/sqi@2005-07-18/~") for m in marks)


def test_the_licence_files_named_in_the_data_are_in_the_repository(corpus):
    for item in edition_meta.licences(corpus):
        assert (ROOT / item.file).is_file(), item.file
    assert "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "creativecommons.org/licenses/by/4.0" in (ROOT / "LICENSE-CONTENT.md").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "CC BY 4.0" in readme and "MIT License" in readme


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext (poppler-utils) is not installed")
def test_the_handbooks_state_the_status_and_the_edition_date(site, corpus):
    date = _edition_date()
    y, m, d = (int(x) for x in date.split("-"))
    for name, languages in (("handbook-sq", ["sq"]), ("handbook-en", ["en"]), ("handbook-sq-en", ["sq", "en"])):
        # the title page: the first page for the seven documents of 2005; a longer edition's may run on to a second
        last = "1" if [d["id"] for d in corpus.documents] == list(DOCUMENTS_2005) else "2"
        first = subprocess.run(["pdftotext", "-f", "1", "-l", last, str(site / "pdf" / f"{name}.pdf"), "-"],
                               capture_output=True, text=True).stdout
        first = " ".join(first.split())
        for lang in languages:
            years = edition_meta.adoption_years(corpus, lang)  # with the seven documents of 2005: "in 2005"
            assert years == {"sq": "në vitin 2005", "en": "in 2005"}[lang] or {d["id"] for d in corpus.documents} > set(DOCUMENTS_2005)
            assert {"sq": f"Tekstet botohen ashtu siç u miratuan, {years}.",
                    "en": f"The texts are published as they were adopted, {years}."}[lang] in first, name
            if len(languages) == 1:  # the subtitle counts the documents: 7 of 2005, and every other
                assert {"sq": f"{len(corpus.documents)} dokumente kundër trafikimit të qenieve njerëzore, të miratuara {years}",
                        "en": f"{len(corpus.documents)} documents against trafficking in human beings, adopted {years}"}[lang] in first, name
            months = corpus.words(lang, "months")
            assert corpus.words(lang, "status.edition").format(date=f"{d} {months[m - 1]} {y}") in first, name
            assert {"sq": "me burimin (kërkuar më 6 dhjetor 2026)", "en": "each with its source (searched on 6 December 2026)"}[lang] \
                in first, name


# --- the site policy's rule for JSON data blocks ---------------------------------------------------------

def test_json_ld_cannot_close_its_block_or_start_markup():
    hostile = {"name": "</script><script>alert(1)</script><!--", "x": "a & b > c \u2028"}
    text = jsonld.dumps(hostile)
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == hostile
    block = str(jsonld.script(hostile))
    assert block.count("<script") == 1 and block.count("</script>") == 1


@pytest.mark.parametrize("body, problem", [
    ('{"@type": "Legislation"}', None),
    ('{"@type": "Legislation", "name": "\\u003c/b>"}', None),
    ('{"name": "<b>x</b>"}', "with a '<' in it"),
    ('{"@type": "Legislation",}', "that is not JSON"),
    ('alert(1)', "that is not JSON"),
])
def test_the_site_policy_accepts_a_json_ld_block_only_as_json(body, problem):
    import material
    theme = Path(material.__file__).parent / "templates"
    found = sitepolicy.check_page(f'<html><head><script type="application/ld+json">{body}</script></head></html>',
                                  "order-25-2005.html", set(), theme)
    if problem is None:
        assert found == []
    else:
        assert len(found) == 1 and problem in found[0][1], found


def test_a_json_ld_block_is_not_an_inline_script_for_the_content_security_policy():
    page_html = '<head><script type="application/ld+json">{"a": 1}</script></head>'
    assert csp.inline_scripts(page_html) == [] and csp.foreign_scripts(page_html) == []
    assert csp.inline_scripts('<script type="text/javascript">alert(1)</script>') == ["alert(1)"]


# --- in a real browser ---------------------------------------------------------------------------------

def test_chromium_reads_the_legislation_metadata_of_a_translation(server, tab):
    tab.goto(f"{server}/en/decision-171-2005.html")
    data = tab.evaluate("""() => Array.from(document.querySelectorAll('script[type="application/ld+json"]'))
                                 .map(s => JSON.parse(s.textContent))""")
    assert len(data) == 1
    assert data[0]["legislationIdentifier"] == WORKS["decision-171-2005"]
    assert data[0]["identifier"] == WORKS["decision-171-2005"] + "/eng@2005-02-11"
    assert data[0]["legislationPassedBy"]["name"] == "Council of Ministers"
    assert data[0]["translationOfWork"]["url"].endswith("/decision-171-2005.html")
    assert tab.locator("#edition-status").inner_text().startswith("Status:")
    assert tab.locator("#edition-identifiers [data-uri=work]").inner_text() == WORKS["decision-171-2005"]
