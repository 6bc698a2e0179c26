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
from lxml import etree

from conftest import copy_project, report
from trafiklex import validate
from trafiklex.core.errors import DataError
from trafiklex.model.edition import edition_of
from trafiklex.queries.obligations import all_obligations, for_institution
from trafiklex.views import referred_by
from trafiklex.website.pages import site_pages

OLDER = "national-action-plan-2005-2007"

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
    _insert_after(root / "data" / "instruments.yml", "\ninstruments:\n", (FIXTURE / "instruments.yml").read_text(encoding="utf-8"))


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
    # the body's page gives the acronyms the plan alone gives it, with the plan they hold in
    plan_title = edition.corpus.document(PLAN)["short_title"]
    names = health[health.index('<table class="names'):health.index("</table>")]
    assert f'<td lang="en" data-label="Acronyms">MoH (in {plan_title["en"]})</td>' in names, names
    assert f'<td lang="sq" data-label="Acronyms">MSH (në dokumentin “{plan_title["sq"]}”)</td>' in names, names
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


def test_the_older_plans_status_says_what_the_later_plan_does_to_it_with_the_clause_that_says_so(corpus, edition):
    """No "no later information was found" above "Replaced by": the relation the later plan declares is an
    effect on the older one, whose source is the later plan's clause, linked, wherever the status is said."""
    import json
    import re

    from trafiklex.formats import akn, exports, jsonld
    from trafiklex.queries import citations, edition_meta, status
    from trafiklex.views import status as status_view
    replaced = [e for e in status.effects(corpus, OLDER) if e.in_edition]
    assert [(e.type, e.by_document, e.source, e.since) for e in replaced] == [
        ("replaced", PLAN, {"document": PLAN, "clause": "preamble"}, "2007-12-20")]
    notice = {lang: str(status_view.document_notice(edition, OLDER, lang, "2026-12-06")) for lang in ("sq", "en")}
    assert ("Documents of this edition say what became of it: replaced by National Action Plan 2008–2010. Beyond that, no later "
            "information was found about this text in public sources (as of 6 December 2026).") in notice["en"]
    assert ("Dokumente të këtij botimi thonë se çfarë u bë me të: zëvendësuar nga Plani Kombëtar i Veprimit 2008–2010. Përveç "
            "kësaj, në burimet publike nuk u gjet asnjë informacion i mëvonshëm për këtë tekst (deri më 6 dhjetor 2026).") in notice["sq"]
    for lang, html in notice.items():
        assert "No later information was found" not in html and "Nuk u gjet asnjë" not in html
        assert f'<a href="{PLAN}.html#preamble" data-source="edition">' in html and 'data-effect="replaced"' in html
    assert "Replaced, since 20 December 2007" in notice["en"]
    assert edition_meta.document_status(corpus, OLDER, "en", None).endswith(
        "Documents of this edition say what became of it: replaced by National Action Plan 2008–2010. Beyond that, no later "
        "information was found about this text in public sources (as of 6 December 2026).")
    assert edition_meta.later_words(corpus, "nrm-annex-1", "en") == "No later information was found about this text (as of 6 December 2026)."
    # the handbooks' title page: the years as a range, in Albanian "në vitet", and what the edition's documents say
    assert edition_meta.handbook_status(corpus, "sq", None).startswith("Tekstet botohen ashtu siç u miratuan, në vitet 2005–2009.")
    assert ("Documents of this edition say what became of others: National Action Plan 2005–2007: replaced by National Action "
            "Plan 2008–2010; National Action Plan 2008–2010: implemented by Child Protection Agreement.") in edition_meta.handbook_status(corpus, "en", None)
    # a citation of any of its clauses
    assert citations.citation(corpus, OLDER, "area_II__aim_1__obj_b", "en").endswith("[later effect: replaced, National Action Plan 2008–2010]")
    # Akoma Ntoso: a repeal in its lifecycle and an end of enactment, by the later plan, which it references
    xml = etree.fromstring(akn.document_xml(edition, OLDER, "en", "2026-12-06"))
    ns = {"a": akn.NS}
    assert [(e.get("date"), e.get("source"), e.get("type")) for e in xml.iterfind(".//a:lifecycle/a:eventRef", ns)][1:] == [
        ("2007-12-20", f"#{PLAN}", "repeal")]
    mod = xml.find(".//a:passiveModifications/a:forceMod", ns)
    assert (mod.get("type"), mod.find("a:source", ns).get("href")) == ("endOfEnactment", f"#{PLAN}")
    assert xml.find(f".//a:references/a:passiveRef[@eId='{PLAN}']", ns).get("href").startswith("/akn/al/doc/action-plan/2007-12-20/")
    # JSON-LD: each way
    older = jsonld.legislation(corpus, OLDER, "en", "https://example.org/", None)
    assert [n["legislationIdentifier"] for n in older["@reverse"]["legislationChanges"]] == ["/akn/al/doc/action-plan/2007-12-20/" + PLAN]
    assert [n["url"] for n in jsonld.legislation(corpus, PLAN, "en", "https://example.org/", None)["legislationChanges"]] == \
        [f"https://example.org/en/{OLDER}.html"]
    assert jsonld.legislation(corpus, AGREEMENT, "sq", "https://example.org/", None)["legislationApplies"][0]["url"] == f"https://example.org/{PLAN}.html"
    # the open data: the effect, with the clause of the edition as its source
    record = next(r for r in exports.effect_records(corpus) if r["document"] == OLDER)
    assert (record["type"], record["by_document"], record["source_clause"], record["source"], record["url"]) == ("replaced", PLAN, "preamble", None, None)
    assert record["where"]["en"] == "National Action Plan 2008–2010, Preamble" and "zëvendëson Planin Kombëtar" in record["quote"]
    # the later framework: the instrument that is a document of the edition links its page, and lists its effect
    later = site_pages(edition).page("later-framework", "en").html
    item = re.search(r'<li id="trial-plan-2008-2010">.*?</li>\s*<li id=', later, re.S).group(0)
    assert f'Its text in this edition: <a href="{PLAN}.html">National Action Plan 2008–2010</a>' in item
    assert f'<a href="{OLDER}.html">National Action Plan 2005–2007</a>' in item
    json.dumps(older)  # (serialisable)


def test_the_check_says_what_an_instrument_or_a_new_body_lacks(tmp_path):
    """An instrument naming no document of the edition, a new body without its concept in the termbase
    (which the divergence report needs): the check names the file, the line and what is expected."""
    root = copy_project(tmp_path / "project")
    add_trial(root)
    path = root / "data" / "instruments.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("document: trial-nap-2008-2010", "document: trial-nap-2008-2011"), encoding="utf-8")
    path = root / "data" / "terms.yml"
    path.write_text(path.read_text(encoding="utf-8").replace((FIXTURE / "terms.yml").read_text(encoding="utf-8"), ""), encoding="utf-8")
    with pytest.raises(validate.DataError) as error:
        validate.check(root)
    found = {(p.file, p.message) for p in error.value.problems}
    assert ("data/instruments.yml", "'trial-nap-2008-2011' is no document of the edition") in found
    assert ("data/institutions.yml", f"the body '{AGENCY}' has no concept in data/terms.yml") in found
    assert f"a concept `id: body_{AGENCY}` in data/terms.yml with `domain: body`" in error.value.report()


def test_the_words_that_speak_of_the_whole_edition_count_and_date_its_documents(corpus):
    """The handbook's title page counts the documents and dates them from the data: with the trial's two,
    nine documents adopted in 2005–2009 ("në vitet", not "në vitin", in Albanian); the topics page and the
    due notice speak of the documents of this edition, not of "the seven"."""
    from trafiklex.pdf import handbook
    from trafiklex.pdf.edition import Edition
    title_page = handbook.template_call(corpus, ("sq", "en"), Edition(date="2026-12-06", epoch=0))
    assert "9 dokumente kundër trafikimit të qenieve njerëzore, të miratuara në vitet 2005–2009" in handbook.template_call(
        corpus, ("sq",), Edition(date="2026-12-06", epoch=0))
    assert "9 documents against trafficking in human beings, adopted in 2005–2009" in handbook.template_call(
        corpus, ("en",), Edition(date="2026-12-06", epoch=0))
    assert "Government of Albania, adopted in 2005–2009, reproduced as printed" in title_page
    assert "Qeverisë Shqiptare, të miratuara në vitet 2005–2009, të riprodhuara" in title_page
    assert corpus.words("en", "topics.intro").startswith("Every clause of the documents of this edition is tagged")
    assert corpus.words("sq", "topics.intro").startswith("Çdo dispozitë e dokumenteve të këtij botimi është shënuar")
    assert "What later plans that are not documents of this edition ask is not part of it" in corpus.words("en", "status.due_notice")
