"""A clause in its context (issue 18): what refers to it ("referred to by"), its topics (the 4 Ps and
the treaty articles, data/topics.yml), the topic pages and filters, and the topics in the search
results — from the edition model, in every language; in Chromium, the topic filters of the "what is
due" page and of an institution's page, without JavaScript too, and a search result's topics."""
from __future__ import annotations

from collections import Counter

import pytest

from conftest import DOCUMENTS_2005, page, report
from trafiklex.views import referred_by
from trafiklex.website import site_page
from trafiklex.website import search_index
from trafiklex.queries import topics
from trafiklex.core.htmltext import parse
from trafiklex.model.edition import edition_of
from trafiklex.queries.obligations import all_obligations, for_institution
from trafiklex.core.relations import relations as _relations


@pytest.fixture(scope="module")
def edition(corpus):
    return edition_of(corpus)


def corpus_relations(corpus):
    return _relations(corpus.documents)


# --- topics ----------------------------------------------------------------------------------------

def test_every_clause_of_every_language_has_a_topic_and_the_counts_are_reported(corpus, edition):
    tagged = Counter()
    for lang in corpus.languages:
        for document in corpus.documents:
            clauses = [c for c in edition.text(document["id"], lang).clauses if not c.gap]
            assert all(c.topics for c in clauses), [c.id for c in clauses if not c.topics]
            for clause in clauses:
                tagged.update((lang, document["id"], t) for t in clause.topics)
    lang = corpus.languages.authoritative
    for item in topics.vocabulary(corpus):
        per_document = ", ".join(f"{d['id']} {tagged[(lang, d['id'], item['id'])]}" for d in corpus.documents
                                 if tagged[(lang, d["id"], item["id"])])
        report("topics: tagged clauses per topic per document (Albanian text)", f"{item['id']:<12} {per_document}")
    used = {t for (_, _, t) in tagged}
    assert used == {t["id"] for t in topics.vocabulary(corpus)}  # every topic of the vocabulary is used


def test_tags_follow_the_text_read_clause_by_clause(edition):
    def of(document, clause):
        return set(edition.clause(document, clause, "en").topics)
    # temporary residence permits for reflection (NRM 5.A.9): Palermo 7, CoE 13 and 14
    assert {"protection", "palermo-7", "coe-13", "coe-14"} <= of("nrm-agreement", "art_5__A__9")
    assert {"palermo-3", "coe-4"} <= of("nrm-agreement", "art_2__a")          # the definition of trafficking
    assert of("nrm-agreement", "art_2__f") == {"partnership", "coe-35"}        # 'Centres': its own tags
    assert {"coe-24"} <= of("child-trafficking-strategy", "cc_128-b__5")       # abuse of a state function
    assert {"palermo-3", "coe-10"} <= of("nrm-annex-1", "q_8")                 # a question on the means, under §V
    assert of("nrm-annex-1", "sec_III__item_1") == {"protection", "coe-10"}    # the document's own tags
    assert of("child-trafficking-action-plan", "sec_4__obj_1__act_6") == {"protection", "palermo-8", "coe-16"}
    assert of("nrm-agreement", "art_8") == {"partnership"}  # not the title's: a title's tags are its own


def test_a_topic_page_lists_its_clauses_across_the_documents_in_every_language(corpus, edition):
    for lang in corpus.languages:
        html = site_page.content(edition, "topics/coe-13", lang)
        links = [a.attrs["href"] for a in parse(html).find_all("a") if "#art_" in a.attrs.get("href", "")]
        seven = [f"../{corpus.document(d)['page']}.html" for d in DOCUMENTS_2005]
        assert [link for link in links if link.split("#")[0] in seven] == ["../nrm-agreement.html#art_5__A__9", "../nrm-agreement.html#art_5__A__10"]
        html = site_page.content(edition, "topics/prevention", lang)
        documents = [h.attrs["id"] for h in parse(html).find_all("h2")]
        assert [d for d in documents if d.removeprefix("in-") in DOCUMENTS_2005] == [
            "in-national-action-plan-2005-2007", "in-child-trafficking-strategy", "in-child-trafficking-action-plan", "in-nrm-agreement"]
        # every other document likewise: a section where any of its clauses has the topic, in the edition's order
        assert documents == [f"in-{d['id']}" for d in corpus.documents
                             if any("prevention" in c.topics for c in edition.text(d["id"], lang).clauses)]
    index = site_page.content(edition, "topics", "en")
    assert 'id="how"' in index and "editorial judgement of this edition" in index


def test_search_results_carry_a_clauses_topics(corpus, edition):
    for lang in corpus.languages:
        entries = {e["location"]: e for e in search_index.build(edition, lang)["docs"]}  # (from the language's root)
        entry = entries["nrm-agreement.html#art_5__A__9"]
        assert entry["tags"] == [topics.name(corpus, t, lang) for t in ("protection", "palermo-7", "coe-13", "coe-14")]
    assert entries["nrm-agreement.html#art_5__A__9"]["tags"][2] == "CoE art. 13"


# --- referred to by ----------------------------------------------------------------------------------

def test_referred_to_by_counts_and_what_it_holds(corpus, edition):
    for lang in corpus.languages:
        index = referred_by.index(edition, lang)
        # the clauses of the seven documents of 2005 (the figures below are theirs)
        printed = [(d, c.id) for d in DOCUMENTS_2005 for c in edition.text(d, lang).clauses if not c.gap]
        with_entries = [key for key in printed if index.get(key)]
        kinds = Counter(e.kind for key in printed for e in index.get(key, []))
        report("referred to by", f"{lang}: {len(with_entries)} of {len(printed)} clauses have at least one entry; "
               + ", ".join(f"{kind} {kinds[kind]}" for kind in referred_by.KINDS))
        assert len(with_entries) >= 210
        assert kinds["obligations"] == sum(1 for o in all_obligations(corpus) if (o.document, o.id) in set(printed))
        assert kinds["obligations"] == {"sq": 119, "en": 118}[lang]  # an activity the English does not print
        seven = {corpus.document(d)["page"] for d in DOCUMENTS_2005}
        relations = [e for key in printed for e in index.get(key, []) if e.kind == "relation"]
        assert kinds["question"] == 15 and len([e for e in relations if e.page in seven]) == 4  # three approvals, one annex
        assert len(relations) == 4 + sum(1 for r in corpus_relations(corpus) if (r.source in DOCUMENTS_2005) != (r.target in DOCUMENTS_2005))
        assert kinds["note"] == sum(1 for key in printed for n in edition.clause(*key, lang).notes)
        # "Annex 1" in the Agreement's text points to the Annex itself; 5.A.5's "see 5.A.4" to A.4
        annex = [e for e in index[("nrm-annex-1", "title")] if e.kind == "reference"]
        assert {(e.page, e.anchor) for e in annex} == {("nrm-agreement", "art_5__A__7"), ("nrm-agreement", "art_5__B__16")}
        assert ("nrm-agreement", "art_5__A__5") in {(e.page, e.anchor) for e in index[("nrm-agreement", "art_5__A__4")]}
        assert [(e.kind, e.page, e.anchor) for e in index[("child-trafficking-strategy", "title")]] == \
            [("relation", "decision-171-2005", "point_1")]  # the point of the Decision that approves it
        assert ("relation", "nrm-annex-1", None) in {(e.kind, e.page, e.anchor) for e in index[("nrm-agreement", "title")]}
        assert [(e.kind, e.page, e.anchor) for e in index[("nrm-annex-1", "q_3")]] == [("question", "checklist", "checklist-q_3")]
        cited = {e.page for e in index[("nrm-agreement", "art_5__A__9")] if e.kind == "institution"}
        obligation = next(o for o in all_obligations(corpus) if (o.document, o.id) == ("nrm-agreement", "art_5__A__9"))
        assert cited == {f"institutions/{i}" for i in obligation.institutions()} == {"institutions/mopo", "institutions/asp"}


def test_findings_of_translators_join_the_index_through_the_hook(corpus, edition, monkeypatch):
    entry = referred_by.Entry("finding", "translations", "divergences", "A finding")
    monkeypatch.setattr(referred_by, "FINDINGS", [lambda ed, lang: [(("nrm-agreement", "art_9"), entry)]])
    found = referred_by._index(edition, "en")
    assert found[("nrm-agreement", "art_9")][-1] == entry


def test_each_clause_shows_its_context_next_to_it_and_the_relations_link_both_ways(site):
    html = page(site, "nrm-agreement", "en")
    after = html.split('id="art_5__A__9"', 1)[1]
    disclosure = after[after.index("<details"):after.index("</details>")]
    assert 'data-clause="art_5__A__9"' in disclosure and "Referred to by 3 · Topics: 4" in disclosure
    assert 'href="obligations.html"' in disclosure and 'href="institutions/mopo.html#obligations-nrm-agreement"' in disclosure
    assert 'href="topics/coe-14.html"' in disclosure
    assert after.index("<details") < after.index('id="art_5__A__10"')  # before the next clause
    order = page(site, "order-25-2005", "sq")
    assert 'class="approvals"' in order and 'href="national-action-plan-2005-2007.html"' in order
    plan = page(site, "national-action-plan-2005-2007", "en")
    assert 'Approved by: <a href="order-25-2005.html#point_1">Order No. 25</a>' in plan  # the point that approves it
    assert 'Annex to: <a href="nrm-agreement.html">National Referral Mechanism Cooperation Agreement</a>' in page(site, "nrm-annex-1", "en")
    assert 'Annexes: <a href="nrm-annex-1.html">Annex 1 – Victim identification</a>' in page(site, "nrm-agreement", "en")
    assert 'Miraton: <a href="child-trafficking-strategy.html">' in page(site, "decision-171-2005", "sq")
    built = sum(page(site, d, lang).count('<details class="referred-by"') for d in
                ("order-25-2005", "nrm-agreement", "nrm-annex-1") for lang in ("sq", "en"))
    assert built == 2 * (8 + 103 + 56)  # every printed clause of the three: its references or its topics


# --- in Chromium ---------------------------------------------------------------------------------------

def _visible(tab, table: str) -> set[str]:
    return set(tab.eval_on_selector_all(f"table.{table} tbody tr:not([hidden])", "rows => rows.map(r => r.dataset.clause)"))


def test_official_filters_what_is_due_and_an_institution_page_by_topic(server, tab, edition):
    tab.goto(f"{server}/en/obligations.html")
    tab.select_option("form.due-filters select[name=topic]", "coe-13")
    assert _visible(tab, "due") == {"nrm-agreement#art_5__A__9", "nrm-agreement#art_5__A__10"}
    tab.select_option("form.due-filters select[name=topic]", "coe-16")
    wanted = {f"{o.document}#{o.id}" for o in all_obligations(edition.corpus)
              if "coe-16" in topics.of_clause(edition, o.document, o.id)}
    assert _visible(tab, "due") == wanted
    assert len(wanted) == 18
    tab.goto(f"{server}/institutions/mfa.html")
    assert tab.locator("form.topic-filter").is_visible()
    tab.select_option("form.topic-filter select[name=topic]", "prevention")
    mine = {f"{o.document}#{o.id}" for o in for_institution(edition.corpus, "mfa")
            if "prevention" in topics.of_clause(edition, o.document, o.id)}
    assert _visible(tab, "obligations") == mine and 0 < len(mine) < 14
    assert tab.locator("form.topic-filter output").inner_text() == f"Shfaqen {len(mine)} nga 14 detyrime"


def test_without_javascript_every_obligation_is_shown_and_the_context_opens(server, browser):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(f"{server}/en/institutions/mfa.html")
    assert not tab.locator("form.topic-filter").is_visible()
    assert len(_visible(tab, "obligations")) == 14
    tab.goto(f"{server}/en/nrm-agreement.html")
    tab.click("details[data-clause=art_5__A__9] summary")
    assert tab.locator("details[data-clause=art_5__A__9] a[href='topics/coe-14.html']").is_visible()
    context.close()


@pytest.mark.search
def test_a_search_result_shows_the_clauses_topics(server, tab):
    tab.goto(f"{server}/en/index.html")
    tab.locator("input.md-search__input").click()
    tab.keyboard.type("Temporary Residence Permits", delay=20)
    tab.wait_for_selector(".md-search-result__item a.md-search-result__link")
    tab.wait_for_timeout(300)
    result = tab.locator("a.md-search-result__link[href*='nrm-agreement.html'][href$='#art_5__A__9']").first
    # (the result may be among "2 more on this page", folded: its text, not its rendered text)
    assert result.locator(".md-tag").all_text_contents() == ["Protection", "Palermo art. 7", "CoE art. 13", "CoE art. 14"]
