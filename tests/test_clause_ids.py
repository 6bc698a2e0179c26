"""NGOs link to a precise clause: every clause has the same anchor in both languages, so a link
survives a language switch; the only differences are the ones the source itself has, recorded in
the data."""
from __future__ import annotations

import pytest
from lxml import html as lxml_html

from conftest import DOCUMENTS_2005, INSTITUTIONS_2005, page, report
from trafiklex.model.clauses import NOT_TEXT
from trafiklex.website.built_pages import clause_ids, gap_ids
from trafiklex.website.pages import site_pages

DOCUMENTS = list(DOCUMENTS_2005)


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
    # written pages: 12 of the site (the licence page, the termbase, the topics, the later framework…) and one per
    # document; an institution page per body; a side-by-side view per document; 32 topic pages. For the seven
    # documents of 2005 and their 66 bodies, 2 × (19 + 66 + 7 + 32); every other document and body likewise
    documents, bodies = {d["page"] for d in corpus.documents}, set(corpus.institutions.by_id)
    assert len(DOCUMENTS_2005) == 7 and {corpus.document(d)["page"] for d in DOCUMENTS_2005} <= documents
    assert len(INSTITUTIONS_2005) == 66 and set(INSTITUTIONS_2005) <= bodies
    for lang in corpus.languages:
        paths = site_pages(edition).page_paths(lang)
        assert len([p for p in paths if "/" not in p and p not in documents]) == 12
        assert sorted(p for p in paths if p in documents) == sorted(documents)
        assert sorted(p for p in paths if p.startswith("parallel/")) == sorted(f"parallel/{d}" for d in documents)
        assert sorted(p for p in paths if p.startswith("institutions/")) == sorted(f"institutions/{i}" for i in bodies)
        assert len([p for p in paths if p.startswith("topics/")]) == 32
    assert len(pages) == 2 * (12 + 2 * len(documents) + len(bodies) + 32)
    assert {edition.renders[page] for page in pages} == {1}
    assert set(edition.renders) == set(pages)
    report("Markdown renders per page", f"{len(pages)} pages, each converted {set(edition.renders.values())} time(s)")


# --- every paragraph and list item of the running text is a clause --------------------------------
# The running text is what a document's page says in its own words (docs/<lang>/<page>.md), not what
# a macro renders from the data (activities, penalties, definitions, glossaries, the questionnaire:
# their items are clauses of the data's own, out of this scope). Its title clause is the title page
# (the title, a subtitle, the parties the NRM Agreement's title names), not running text.

LONGEST = 1500  # characters of text: a clause of running text longer than this would be several paragraphs
# the site's own words on a document page, not the document's (Annex 1's link to the checklist)
SITE_OWN = {"checklist-link"}


def _running_text(edition, corpus):
    for document in corpus.documents:
        for lang in corpus.languages:
            for clause in edition.text(document["id"], lang).clauses:
                if not clause.data and not clause.gap and clause.kind != "title":
                    yield document["id"], lang, clause


def _paragraphs(fragment: str) -> list[str]:
    """The paragraphs and list items with text in a clause's HTML (not the site's own elements)."""
    root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    found = []

    def walk(element):
        if not isinstance(element.tag, str) or set((element.get("class") or "").split()) & (NOT_TEXT | SITE_OWN):
            return
        if element.tag in ("p", "li") and element.text_content().strip():
            found.append(" ".join(element.text_content().split())[:40])
        for child in element:
            walk(child)

    for child in root:
        walk(child)
    return found


def test_no_clause_of_running_text_is_longer_than_a_paragraph(edition, corpus):
    clauses = list(_running_text(edition, corpus))
    longest = max(clauses, key=lambda found: len(found[2].text))
    data = max(((d["id"], lang, c) for d in corpus.documents for lang in corpus.languages
                for c in edition.text(d["id"], lang).clauses if c.data), key=lambda found: len(found[2].text))
    report("longest clause", f"running text: {longest[0]}#{longest[2].id} ({longest[1]}), {len(longest[2].text)} characters "
           f"(at most {LONGEST}); rendered from the data: {data[0]}#{data[2].id} ({data[1]}), {len(data[2].text)}")
    assert [(d, lang, c.id, len(c.text)) for d, lang, c in clauses if len(c.text) > LONGEST] == []


def test_every_paragraph_and_list_item_of_running_text_is_a_clause(edition, corpus):
    """Each <p> and <li> of the running text carries a clause id of its own or is alone in the element
    that carries one: a clause of running text holds one paragraph or item at most, a heading none (its
    paragraphs and items are clauses of their own). Where the languages differ, the one id means the
    same text in both (EDITING.md, "Clause identifiers"):
    - a clause div may hold the two paragraphs into which its language splits what another language
      prints as one paragraph (that language's clause holds one);
    - a heading printed in one language only keeps the paragraph that another language prints as the
      clause itself (the English Strategy's "IX. Domestic Legislative Framework…", sec_VIII__part_2:
      the Albanian prints no heading, and its first paragraph carries the id)."""
    found, counted, allowed_by_counterpart = [], 0, []
    for document_id, lang, clause in _running_text(edition, corpus):
        paragraphs = _paragraphs(clause.html)
        counted += len(paragraphs)
        if len(paragraphs) <= (0 if clause.heading else 1):
            continue
        counterparts = [edition.clause(document_id, clause.id, other) for other in corpus.languages if other != lang]
        counterparts = [c for c in counterparts if c is not None and not c.gap]
        if clause.heading and len(paragraphs) == 1 and any(c.tag == "p" for c in counterparts):
            allowed_by_counterpart.append(f"{document_id}#{clause.id} ({lang}): a heading with its paragraph")
        elif clause.tag == "div" and "clause" in clause.html.split(">", 1)[0] \
                and any(len(_paragraphs(c.html)) == 1 for c in counterparts):
            allowed_by_counterpart.append(f"{document_id}#{clause.id} ({lang}): {len(paragraphs)} paragraphs for one")
        else:
            found.append((document_id, lang, clause.id, paragraphs))
    report("paragraphs of running text", f"{counted} paragraphs and list items, each a clause or alone in one, but "
           f"where the other language prints them otherwise: {'; '.join(allowed_by_counterpart) or '-'}")
    assert found == []
