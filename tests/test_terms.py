"""The termbase (data/terms.yml): its size, its forms tested against the texts, its checks, and its
TBX export read back by a TBX reader (the Translate Toolkit's translate.storage.tbx)."""
from __future__ import annotations

import re
from collections import Counter

import pytest
from translate.storage.tbx import tbxfile

from trafiklex.translators.parallel import all_pairs
from trafiklex.translators.tbx import entries, tbx
from trafiklex.data.terms import folded, pattern, termbase

# concepts that one language's text never names (its term is declared for the glossary and the TBX):
# the differences the meaning checks exist for
NAMED_IN_ONE_LANGUAGE_ONLY = {("egyptians", "en"), ("psychiatrist", "sq"), ("secondary_education", "en"),
                              ("middle_school", "sq"), ("retaliation", "sq"), ("nationwide", "sq"),
                              ("legislative_body", "sq"), ("legal_person", "en"), ("sheltering", "sq"),
                              ("accompanying", "sq"), ("non_exploitative", "sq"), ("justice_bodies", "en")}


@pytest.fixture(scope="module")
def texts(corpus):
    pairs = all_pairs(corpus)
    return {lang: "\n".join(folded(p.side(lang) or "") for p in pairs) for lang in corpus.languages.codes}


def test_the_termbase_holds_the_concepts_that_carry_legal_meaning(corpus):
    concepts = termbase(corpus).concepts
    assert len(concepts) >= 150
    domains = Counter(c.domain for c in concepts)
    assert domains["body"] == len(corpus.data("institutions.yml")["institutions"])
    for domain in ("offence", "means", "purpose", "victim", "procedure", "measure", "qualifier", "role", "instrument"):
        assert domains[domain] >= 3, domain
    by_id = termbase(corpus).by_id
    for concept in ("identification", "referral", "reintegration", "guardianship", "foster_care",
                    "temporary_residence_permit", "main", "all", "nationwide", "in_advance", "only"):
        assert concept in by_id
    assert "foster_care" in by_id["guardianship"].not_ and by_id["guardianship"].note


def test_every_form_occurs_in_its_language(corpus, texts):
    """Each declared form (or stem rule) of a concept that is not a body is found in the texts of its
    language, except where the concept is named in one language only."""
    missing = set()
    for concept in termbase(corpus).concepts:
        if concept.domain == "body":
            continue
        for lang, forms in concept.forms.items():
            absent = [f for f in forms if not re.search(pattern(f), texts[lang])]
            if len(absent) == len(forms):
                missing.add((concept.id, lang))
            else:
                assert not absent, (concept.id, lang, absent)
    assert missing == NAMED_IN_ONE_LANGUAGE_ONLY


def test_a_stem_rule_finds_the_inflected_forms(corpus):
    base = termbase(corpus)
    found = {m.text for m in base.find("kujdestaria, kujdestarisë, kujdestarinë dhe familjet kujdestare", "sq")}
    assert found == {"kujdestaria", "kujdestarisë", "kujdestarinë", "familjet kujdestare"}
    assert [m.concept for m in base.find("familjet kujdestare", "sq")] == ["foster_care"]  # the longer match
    assert {m.concept for m in base.find("at all main border crossing points", "en")} == {"all", "main", "border_crossing_point"}


def test_every_body_is_a_concept_found_in_the_texts(corpus, texts):
    base = termbase(corpus)
    bodies = [c for c in base.concepts if c.domain == "body"]
    assert {c.institution for c in bodies} == {i["id"] for i in corpus.data("institutions.yml")["institutions"]}
    unfound = [c.id for c in bodies if not any(re.search(pattern(f), texts[lang])
                                                for lang, forms in c.forms.items() for f in forms)]
    assert len(unfound) <= 3, unfound


def test_the_tbx_is_read_back_by_a_tbx_reader_with_every_term(corpus, tmp_path):
    data = tbx(corpus)
    assert data.startswith(b'<?xml') and b'type="TBX-Basic"' in data
    store = tbxfile.parsestring(data)
    units = store.units
    expected = entries(corpus)
    assert len(units) == len(expected) >= 150
    counts = Counter()
    for unit in units:
        languages = [node.get("{http://www.w3.org/XML/1998/namespace}lang") for node in unit.getlanguageNodes()]
        assert languages == list(corpus.languages.codes)
        counts["sq"] += len(unit.get_source_terms())
        counts["en"] += len(unit.get_target_terms())
    assert counts == Counter({lang: sum(len(terms.get(lang, ())) for _, terms in expected) for lang in ("sq", "en")})
    guardianship = next(u for u in units if u.getid() == "c-guardianship")
    assert [t.text for t in guardianship.get_source_terms()] == ["kujdestaria"]
    assert [t.text for t in guardianship.get_target_terms()] == ["guardianship"]
    assert guardianship.get_source_terms()[0].administrative_status == "preferredTerm-admn-sts"


@pytest.mark.parametrize("lang", ["sq", "en"])
def test_every_term_of_the_glossary_page_links_to_a_clause_where_it_occurs(site, corpus, lang):
    from conftest import page
    text = page(site, "termbase", lang)
    rows = re.findall(r'<tr id="term-([a-z0-9_]+)"[^>]*>(.*?)</tr>', text, re.S)
    assert len(rows) == len(termbase(corpus).concepts) >= 150
    unlinked = [concept for concept, row in rows if not re.search(r'<a href="[^"#]+\.html#[A-Za-z0-9_-]+"', row)]
    assert unlinked == []
    # a concept its language never names links to where the other language does, and says so
    retaliation = dict(rows)["retaliation"]
    assert "sec_3__obj_1__act_4" in retaliation
    assert ("vetëm në tekstin" in retaliation) == (lang == "sq")


def _every_match(base, text: str, lang: str) -> list[tuple[str, int, int]]:
    """What find() must give, without its quick tests: every concept's expression run over the whole text,
    the longest kept where two overlap (a qualifier may sit inside another concept)."""
    flat, found = folded(text), []
    for concept in base.concepts:
        if concept.regex.get(lang) is not None:
            found += [(m.start(), m.end(), concept.id) for m in concept.regex[lang].finditer(flat) if m.end() > m.start()]
    kept = []
    for start, end, concept in sorted(found, key=lambda f: (f[0] - f[1], f[0])):
        qualifier = base.by_id[concept].domain == "qualifier"
        if all(end <= s or start >= e or qualifier != (base.by_id[c].domain == "qualifier") for s, e, c in kept):
            kept.append((start, end, concept))
    return [(concept, start, end) for start, end, concept in sorted(kept)]


def test_the_quick_tests_of_find_lose_no_occurrence(corpus):
    """find() runs a concept's expression only where one of its forms' first words begins a word: on
    every clause of two documents in both languages, and on words that begin after a hyphen, a bracket
    or the text's start, or that sit inside another word, it finds what every expression run over the
    whole text finds."""
    base = termbase(corpus)
    pairs = [p for p in all_pairs(corpus) if p.document in ("nrm-agreement", "child-trafficking-action-plan")]
    cases = [(lang, p.side(lang)) for p in pairs for lang in corpus.languages.codes if p.side(lang)]
    cases += [("en", "Victims of trafficking (foster care), anti-trafficking units; nontrafficking: temporary residence permit."),
              ("en", "trafficking in human beings"), ("sq", "Viktimat e trafikimit, kujdestaria (kujdestaria) e fëmijëve")]
    assert len(cases) > 300
    found = 0
    for lang, text in cases:
        expected = _every_match(base, text, lang)
        assert [(m.concept, m.start, m.end) for m in base.find(text, lang)] == expected, text
        found += len(expected)
    assert found > 1000


def test_a_form_of_no_word_makes_every_text_searched_for_its_concept():
    """A form that folds to no word (the schema allows "  ") matches nothing but an empty place; where it
    comes before a form that begins with a bracket, the whole text is searched for the concept (a match
    tried at one place would stop at the empty one and lose "(victim")."""
    from trafiklex.data.terms import Termbase

    base = Termbase({"concepts": [{"id": "victim", "domain": "victim", "touches": "meaning", "term": {"en": "victim"},
                                   "forms": {"en": ["  ", "(victim"]}}], "markers": {}})
    text = "a person (victim of trafficking) and (victim"
    assert base.by_id["victim"].first_words["en"] is None
    assert [(m.concept, m.start, m.end) for m in base.find(text, "en")] == _every_match(base, text, "en") == \
        [("victim", 9, 16), ("victim", 37, 44)]
