"""Counts read by hand from the printed source (sources/), checked against the published pages:
nothing was dropped or invented in either language."""
from __future__ import annotations

import re

import pytest

from conftest import page, report
from trafiklex.website.built_pages import clause_ids, gap_ids
from trafiklex.core.htmltext import parse

# (document, what, id pattern): {language: count in the source}
COUNTS = {
    ("order-25-2005", "numbered points", r"point_\d+"): {"sq": 2, "en": 2},
    ("decision-171-2005", "numbered points", r"point_\d+"): {"sq": 3, "en": 3},
    ("national-action-plan-2005-2007", "strategic areas", r"area_[IVX]+"): {"sq": 4, "en": 4},
    ("national-action-plan-2005-2007", "strategic aims", r"area_[IVX]+__aim_\d+"): {"sq": 6, "en": 6},
    ("national-action-plan-2005-2007", "specific objectives", r"area_[IVX]+__aim_\d+__obj(_[a-z])?"): {"sq": 14, "en": 14},
    ("national-action-plan-2005-2007", "glossary entries", r"sec_4__\w+"): {"sq": 24, "en": 22},
    ("child-trafficking-strategy", "Criminal Code articles", r"cc_[0-9a-z-]+"): {"sq": 7, "en": 7},
    ("child-trafficking-strategy", "graded penalty rows", r"cc_[0-9a-z-]+__\d+"): {"sq": 26, "en": 26},
    ("child-trafficking-strategy", "definitions", r"sec_VIII__def_\d+"): {"sq": 5, "en": 5},
    ("child-trafficking-strategy", "glossary entries", r"sec_X__\w+"): {"sq": 11, "en": 12},
    ("child-trafficking-action-plan", "sections", r"sec_\d"): {"sq": 5, "en": 5},
    ("child-trafficking-action-plan", "objectives", r"sec_\d__obj_\d+"): {"sq": 11, "en": 11},
    ("child-trafficking-action-plan", "activities, section 1", r"sec_1__(obj_\d+__)?act_\d+"): {"sq": 27, "en": 26},
    ("child-trafficking-action-plan", "activities, section 2", r"sec_2__(obj_\d+__)?act_\d+"): {"sq": 21, "en": 21},
    ("child-trafficking-action-plan", "activities, section 3", r"sec_3__(obj_\d+__)?act_\d+"): {"sq": 9, "en": 9},
    ("child-trafficking-action-plan", "activities, section 4", r"sec_4__(obj_\d+__)?act_\d+"): {"sq": 8, "en": 8},
    ("child-trafficking-action-plan", "activities, section 5", r"sec_5__(obj_\d+__)?act_\d+"): {"sq": 5, "en": 5},
    ("nrm-agreement", "articles", r"art_\d+"): {"sq": 9, "en": 9},
    ("nrm-agreement", "parties (Article 1)", r"art_1__item_\d+"): {"sq": 7, "en": 7},
    ("nrm-agreement", "definitions (Article 2)", r"art_2__[a-z]"): {"sq": 7, "en": 7},
    ("nrm-agreement", "principles (Article 4)", r"art_4__item_\d+"): {"sq": 8, "en": 8},
    ("nrm-agreement", "commitments of party A", r"art_5__A__\d+"): {"sq": 15, "en": 15},
    ("nrm-agreement", "commitments of party B", r"art_5__B__\d+"): {"sq": 16, "en": 16},
    ("nrm-agreement", "commitments of party C", r"art_5__C__\d+"): {"sq": 6, "en": 6},
    ("nrm-agreement", "commitments of party D", r"art_5__D__\d+"): {"sq": 6, "en": 6},
    ("nrm-agreement", "signatories", r"signatures__\d+"): {"sq": 7, "en": 7},
    ("nrm-annex-1", "principles", r"sec_II__[a-z]"): {"sq": 10, "en": 10},
    ("nrm-annex-1", "guidelines on children", r"sec_III__item_\d+"): {"sq": 5, "en": 5},
    ("nrm-annex-1", "interview rules", r"sec_IV__item_\d+"): {"sq": 7, "en": 7},
    ("nrm-annex-1", "questions", r"q_\d+"): {"sq": 15, "en": 15},
    ("nrm-annex-1", "child situations", r"sec_V__D__child__\d+"): {"sq": 4, "en": 4},
}


@pytest.mark.parametrize("document_id,what,pattern", list(COUNTS), ids=[f"{d}: {w}" for d, w, _ in COUNTS])
def test_published_counts_match_the_source(site, corpus, document_id, what, pattern):
    expected = COUNTS[(document_id, what, pattern)]
    found = {}
    for lang in ("sq", "en"):
        html = page(site, corpus.document(document_id)["page"], lang)
        printed = set(clause_ids(html)) - gap_ids(html)
        found[lang] = sum(1 for anchor in printed if re.fullmatch(pattern, anchor))
    report("counts from the source (sq / en)", f"{document_id:<32} {what:<28} {found['sq']:>3} / {found['en']:<3}")
    assert found == expected


def test_strategy_sections_are_numbered_as_printed(site, corpus):
    """The Albanian strategy prints ten roman-numbered sections, the English eleven."""
    for lang, count in (("sq", 10), ("en", 11)):
        article = parse(page(site, "child-trafficking-strategy", lang)).find("article")
        headings = [h for h in article.find_all("h2") if h.attrs.get("id", "").startswith("sec_")]
        assert len(headings) == count, [h.text().strip() for h in headings]


def test_annex_questions_per_part(corpus):
    parts = {}
    for question in corpus.table("nrm-annex-1", "questionnaire")["questions"]:
        parts[question["part"]] = parts.get(question["part"], 0) + 1
    assert parts == {"A": 7, "B": 3, "C": 5}
    assert [q["num"] for q in corpus.table("nrm-annex-1", "questionnaire")["questions"]] == list(range(1, 16))
