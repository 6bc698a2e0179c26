"""NGOs link to a precise clause: every clause has the same anchor in both languages, so a link
survives a language switch; the only differences are the ones the source itself has, recorded in
the data."""
from __future__ import annotations

import pytest

from trafiklex.website.pages import site_pages

from conftest import page, report
from trafiklex.website.built_pages import clause_ids, gap_ids

DOCUMENTS = ["order-25-2005", "national-action-plan-2005-2007", "decision-171-2005", "child-trafficking-strategy",
             "child-trafficking-action-plan", "nrm-agreement", "nrm-annex-1"]


@pytest.mark.parametrize("document_id", DOCUMENTS)
def test_ngo_link_survives_language_switch(site, corpus, document_id):
    page_name = corpus.document(document_id)["page"]
    sq, en = (page(site, page_name, lang) for lang in ("sq", "en"))
    ids = {"sq": clause_ids(sq), "en": clause_ids(en)}
    for lang in ids:
        duplicates = {i for i in ids[lang] if ids[lang].count(i) > 1}
        assert not duplicates, f"{lang}: duplicate anchors {duplicates}"
    only_sq, only_en = set(ids["sq"]) - set(ids["en"]), set(ids["en"]) - set(ids["sq"])
    assert only_sq == corpus.declared_only_in(document_id, "sq", "en")
    assert only_en == corpus.declared_only_in(document_id, "en", "sq")
    report("clause ids per document (sq / en, ids in one language only)",
           f"{document_id:<34} {len(ids['sq']):>4} / {len(ids['en']):<4} only sq: {sorted(only_sq) or '-'}  only en: {sorted(only_en) or '-'}")


@pytest.mark.parametrize("document_id", DOCUMENTS)
def test_clause_printed_in_one_language_is_a_signposted_gap_in_the_other(site, corpus, document_id):
    page_name = corpus.document(document_id)["page"]
    data_only = {"sq": set(), "en": set()}
    for clause_id, item, _, _ in corpus.data_clauses().get(document_id, []):
        if "only_in" in item:
            data_only[item["only_in"]].add(clause_id)
    for lang, other in (("sq", "en"), ("en", "sq")):
        assert gap_ids(page(site, page_name, lang)) == data_only[other]


def test_every_page_goes_through_markdown_once(corpus):
    """The edition renders each page once, whatever asks for it: the site, the search index, the
    side-by-side views and the translators' reports, and the printed editions."""
    from trafiklex.projections import make_all

    edition = make_all(corpus)
    pages = [(path, lang) for lang in corpus.languages for path in site_pages(edition).page_paths(lang)]
    assert len(pages) == 2 * (18 + 66 + 7 + 32)  # written pages (the licence page, the termbase, the topics), institution pages, side-by-side views, topic pages
    assert {edition.renders[page] for page in pages} == {1}
    assert set(edition.renders) == set(pages)
    report("Markdown renders per page", f"{len(pages)} pages, each converted {set(edition.renders.values())} time(s)")
