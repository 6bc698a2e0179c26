"""A document written by a new editor from EDITING.md alone — tests/fixtures/editor_trial: a later
national action plan (a preamble, running text with a list, definitions, objectives and an activities
table with responsible bodies, partners and deadlines as later texts print them, "çdo 6 muaj" assigned
in the text, an editorial note in the running text and one on an activity, a glossary, a new body, a
status, a relation to a document of the edition) and a short agreement with the commitments of two
parties — passes every check the build makes first, and lands where EDITING.md says it does. The
plan prints its deadlines as later texts do ("By December 2009", "Tremujori IV 2009" / "Q4 2009",
"2008–2010", "çdo vit" / "Annually", a half-year the editor read into `due` by hand, an activity with
no deadline) and "MSH" for the Ministry of Health, which the 2005 texts use for the Minister of State
(its acronyms.yml)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import copy_project, report
from trafiklex import validate
from trafiklex.core.errors import DataError
from trafiklex.model.edition import edition_of
from trafiklex.queries.obligations import all_obligations, for_institution
from trafiklex.views import referred_by
from trafiklex.website.pages import site_pages

FIXTURE = Path(__file__).parent / "fixtures" / "editor_trial"
PLAN, AGREEMENT, AGENCY = "trial-nap-2008-2010", "trial-agreement-2009", "trial_child_rights_agency"


def _insert_after(path: Path, line: str, text: str) -> None:
    content = path.read_text(encoding="utf-8")
    assert content.count(line) == 1, (path, line)
    path.write_text(content.replace(line, line + text, 1), encoding="utf-8")


def add_trial(root: Path) -> None:
    """What the editor did: the document's files copied in, its entries added to the edition's lists."""
    for folder in ("data", "docs", "sources"):
        shutil.copytree(FIXTURE / folder, root / folder, dirs_exist_ok=True)
    for name, into in (("documents.yml", "data/documents.yml"), ("changes.yml", "data/changes.yml")):
        target = root / into
        target.write_text(target.read_text(encoding="utf-8").rstrip("\n") + "\n"
                          + (FIXTURE / name).read_text(encoding="utf-8"), encoding="utf-8")
    _insert_after(root / "data" / "institutions.yml", "\ninstitutions:\n", (FIXTURE / "institutions.yml").read_text(encoding="utf-8"))
    _insert_after(root / "data" / "terms.yml", "\nconcepts:\n", (FIXTURE / "terms.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("trial") / "project")
    add_trial(root)
    return validate.check(root)  # everything the build checks first: stops on any problem


@pytest.fixture(scope="module")
def edition(corpus):
    return edition_of(corpus)


def test_the_trial_plan_is_a_text_of_the_edition_with_its_tables_glossary_and_definitions(edition):
    for lang in ("sq", "en"):
        plan = edition.text(PLAN, lang)
        ids = [c.id for c in plan.clauses]
        assert ids[:4] == ["title", "preamble", "sec_I", "sec_I__p_1"]
        assert {"sec_I__p_2__item_3", "sec_II__def_2", "sec_III", "sec_1__obj_2__act_1", "sec_2__act_3",
                "sec_IV__p_1", f"sec_V__{AGENCY}"} <= set(ids)
        assert ids.index("sec_III__p_1") < ids.index("sec_1") < ids.index("sec_2__act_3") < ids.index("sec_IV")
        assert plan.get("sec_I__p_3").references == ((PLAN, "sec_III"),)   # "Kreun III" / "Chapter III"
        assert plan.get("sec_1__obj_1__act_2").notes == ("nap08-campaign-partners",)
        assert plan.get("sec_2__act_3").topics == ("prosecution", "coe-18")
    assert edition.text(PLAN, "sq").get("sec_2__act_2").text.startswith("Të hartohet një program riintegrimi")


def test_its_activities_commitments_and_assignment_are_obligations_of_the_bodies_they_name(corpus):
    plan = {o.id: o for o in all_obligations(corpus) if o.document == PLAN}
    assert sorted(plan) == ["sec_1__obj_1__act_1", "sec_1__obj_1__act_2", "sec_1__obj_1__act_3", "sec_1__obj_2__act_1",
                            "sec_1__obj_2__act_2", "sec_2__act_1", "sec_2__act_2", "sec_2__act_3", "sec_2__act_4",
                            "sec_2__act_5", "sec_2__act_6", "sec_IV__p_1"]
    assert plan["sec_1__obj_1__act_1"].due == {"by": "2009-12"}    # "deri në dhjetor 2009" / "By December 2009"
    assert plan["sec_1__obj_1__act_1"].deadline["en"] == "By December 2009"
    assert plan["sec_1__obj_2__act_1"].due == {"from": "2008-06", "ongoing": True}
    assert plan["sec_2__act_3"].due == {"ongoing": True, "case_by_case": True}
    assert plan["sec_IV__p_1"].due == {"every_months": 6}   # "çdo 6 muaj": the Albanian, not the English "three"
    assert plan["sec_1__obj_2__act_2"].due == {"from": "2009-10", "by": "2009-12"}   # "Tremujori IV 2009" / "Q4 2009"
    assert plan["sec_2__act_4"].due == {"from": "2008", "by": "2010"}                # "2008–2010"
    assert plan["sec_2__act_5"].due == {"every_months": 12}                           # "çdo vit" / "Annually"
    assert plan["sec_1__obj_1__act_3"].due == {"from": "2010-01", "by": "2010-06"}   # written by the editor
    assert plan["sec_2__act_6"].due is None and plan["sec_2__act_6"].deadline == {}  # no deadline printed
    # "MSH, MPÇS": in this plan, the Ministry of Health (its acronyms.yml); in 2005, the Minister of State
    health = {(o.document, o.id): o.role_in("ministry_of_health", "sq")[0] for o in for_institution(corpus, "ministry_of_health")}
    assert health == {(PLAN, "sec_2__act_4"): "responsible"}
    assert (PLAN, "sec_2__act_4") not in {(o.document, o.id) for o in for_institution(corpus, "mos")}
    assert {"child-trafficking-action-plan"} <= {o.document for o in for_institution(corpus, "mos")}
    agency = {(o.document, o.id): o.role_in(AGENCY, "en")[0] for o in for_institution(corpus, AGENCY)}
    assert agency == {(PLAN, "sec_1__obj_1__act_2"): "responsible", (PLAN, "sec_2__act_2"): "responsible",
                      (PLAN, "sec_2__act_6"): "responsible", (AGREEMENT, "art_3__A__2"): "partner"}
    assert plan["sec_2__act_1"].role_in("iom", "sq")[0] == "partner"
    report("editor trial (fixture)", f"{len(plan)} obligations of the plan; the new body has {len(agency)}")


def test_the_relations_show_both_ways_and_the_pages_take_the_documents_in(edition):
    pages = site_pages(edition)
    older = pages.page("national-action-plan-2005-2007", "en").html
    assert f'Replaced by: <a href="{PLAN}.html#preamble">' in \
        referred_by.add_to_page(edition, older, "national-action-plan-2005-2007", "national-action-plan-2005-2007", "en")
    assert f"{PLAN}.html#sec_2__act_2" in pages.page(f"institutions/{AGENCY}", "sq").html
    assert f"{AGREEMENT}.html#art_3__B__2" in pages.page("obligations", "en").html
    assert pages.page(f"parallel/{AGREEMENT}", "en").html.count('id="art_3__') >= 6


def test_the_new_deadlines_and_the_scoped_acronym_show_where_a_reader_looks(edition):
    pages = site_pages(edition)
    plan = pages.page(PLAN, "sq").html
    row = plan[plan.index('id="sec_2__act_4"'):]
    row = row[:row.index("</tr>")]
    assert 'href="institutions/ministry_of_health.html"' in row and "2008–2010" in row   # MSH links to its page here
    assert 'href="institutions/mos.html"' not in row
    health = pages.page("institutions/ministry_of_health", "en").html
    assert f"{PLAN}.html#sec_2__act_4" in health and "from 2008, by 2010" in health
    due = pages.page("obligations", "en").html
    rows = {part.split('"', 1)[0]: part for part in due.split('data-clause="')[1:]}
    assert "no deadline stated" in rows[f"{PLAN}#sec_2__act_6"]
    assert "every 12 months" in rows[f"{PLAN}#sec_2__act_5"]
    assert "from 2009-10, by 2009-12" in rows[f"{PLAN}#sec_1__obj_2__act_2"]


def test_without_its_acronyms_file_the_plan_stops_the_build_at_the_cell(tmp_path):
    """The scoping is what lets "MSH" mean the Ministry of Health here: without it the printed cell
    resolves to the Minister of State, and the build says so at the cell."""
    root = copy_project(tmp_path / "project")
    add_trial(root)
    (root / "data" / "documents" / PLAN / "acronyms.yml").unlink()
    with pytest.raises(DataError) as stopped:
        validate.check(root)
    text = stopped.value.report()
    assert f"data/documents/{PLAN}/activities.yml" in text
    assert "bodies ['ministry_of_health', 'molsa'] do not match the printed cell 'MSH, MPÇS'" in text
    assert "['mos', 'molsa']" in text and "acronyms.yml" in text
