"""The products of a build kept per document in the build cache (trafiklex.core.cache): the divergence
report and the term occurrences. Taken from the cache they are what a fresh computation gives; after
an edit to one clause, only the edited document's share is made again, and it shows the edit."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, copy_project
from trafiklex.core import cache
from trafiklex.data import corpus as corpus_module
from trafiklex.data.terms import termbase
from trafiklex.translators import divergence
from trafiklex.translators.parallel import all_pairs
from trafiklex.views import render_terms

PAGE, CLAUSE = "docs/en/nrm-agreement.md", "art_1__item_5"
OLD, NEW = "represented by the Executive Director, Ms. Vera Lesko;", "represented by the Executive Director, Ms. Vera Leskaj;"


def _fresh(root: Path, monkeypatch) -> tuple[list, dict]:
    """The report and the occurrences computed with no cache at all."""
    with monkeypatch.context() as patched:
        patched.setenv(cache.VARIABLE, cache.OFF)
        corpus = corpus_module.load(root)
        return divergence.report(corpus), render_terms.occurrences(corpus)


def _warm(root: Path) -> tuple[list, dict]:
    corpus = corpus_module.load(root)
    return divergence.report(corpus), render_terms.occurrences(corpus)


def _entries(folder: Path, kind: str) -> set[str]:
    return {p.name for p in (folder / kind).rglob("*") if p.is_file()}


def _names(report: list, clause: str) -> list[str]:
    return [f.detail for f in report if f.document == "nrm-agreement" and f.clause == clause and f.kind == "names"]


@pytest.fixture
def in_folder(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv(cache.VARIABLE, str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_the_cached_report_and_occurrences_are_the_fresh_ones(in_folder, monkeypatch):
    fresh_report, fresh_occurrences = _fresh(ROOT, monkeypatch)
    made = _warm(ROOT)  # (an empty cache: made, kept)
    assert len(_entries(in_folder, "divergences")) == len(_entries(in_folder, "term-occurrences")) == 7
    taken = _warm(ROOT)  # (from the cache)
    for report, occurrences in (made, taken):
        assert report == fresh_report
        assert occurrences == fresh_occurrences
    # the occurrences are those the termbase finds in every clause, read here the plain way
    corpus = corpus_module.load(ROOT)
    base, expected = termbase(corpus), {}
    for pair in (p for p in all_pairs(corpus) if p.id):
        for lang in corpus.languages.codes:
            for concept in dict.fromkeys(m.concept for m in base.find(pair.side(lang) or "", lang)):
                expected.setdefault((concept, lang), []).append((pair.document, pair.id))
    assert taken[1] == expected and len(expected) > 100
    assert _names(taken[0], CLAUSE) == ["“Vera Leskaj” (sq) / “Vera Lesko” (en): spelled differently"]


def test_an_edit_to_a_clause_redoes_its_document_and_shows(tmp_path, in_folder, monkeypatch):
    project = copy_project(tmp_path / "project")
    report, occurrences = _warm(project)
    before = {kind: _entries(in_folder, kind) for kind in ("divergences", "term-occurrences")}
    base = termbase(corpus_module.load(project))
    added = next(c for c in base.concepts if c.domain != "body" and c.term.get("en")
                 and (c.id, "en") not in occurrences and [m.concept for m in base.find(c.term["en"], "en")] == [c.id])

    page = project / PAGE
    assert page.read_text(encoding="utf-8").count(OLD) == 1
    page.write_text(page.read_text(encoding="utf-8").replace(OLD, NEW[:-1] + f", {added.term['en']};"), encoding="utf-8")
    edited_report, edited_occurrences = _warm(project)

    # one document compared again, one document's occurrences found again: the edited one
    for kind in before:
        assert len(_entries(in_folder, kind) - before[kind]) == 1, kind
    # the edit shows: the clause's two texts spell the name alike now (the signature block does not)
    spelled = "“Vera Leskaj” (sq) / “Vera Lesko” (en): spelled differently"
    assert _names(report, CLAUSE) == [spelled] and spelled not in _names(edited_report, CLAUSE)
    assert any("Vera Leskaj (en, art_1__item_5)" in detail for detail in _names(edited_report, CLAUSE))
    assert _names(edited_report, "art_1__item_7") == _names(report, "art_1__item_7") != []
    # and the term is found in the clause
    assert edited_occurrences[(added.id, "en")] == [("nrm-agreement", CLAUSE)]
    # and it is what a fresh computation of the edited project gives
    assert (edited_report, edited_occurrences) == _fresh(project, monkeypatch)


def test_records_as_yaml_from_the_cache_are_the_fresh_yaml(in_folder):
    """A dataset's YAML is written out in chunks, each kept in the cache: joined, they are the YAML of the
    whole, fresh or from the cache; an edit to one record writes out its chunk alone again."""
    import datetime

    import yaml

    from trafiklex.formats import exports

    shared = {"by": datetime.date(2005, 2, 22)}  # (one object in several records: written out in full each time)
    records = [{"id": f"r{n}", "due": shared, "values": ["2005-02-22", n, 1.0, True, None]} for n in range(150)]
    reordered = [{"values": r["values"], "id": r["id"], "due": r["due"]} for r in records]  # (another order: another YAML)
    for data in ({"clauses": records}, {"clauses": reordered}):
        fresh = yaml.dump(data, Dumper=exports._Dumper, allow_unicode=True, sort_keys=False, width=120)
        assert exports._yaml(data) == fresh  # (made and kept)
        assert exports._yaml(data) == fresh  # (from the cache)
        assert "&id" not in fresh and yaml.safe_load(fresh) == data
    assert exports._yaml({"clauses": records}) != exports._yaml({"clauses": reordered})
    chunks = -(-len(records) // exports.YAML_CHUNK)
    assert chunks == 3 and len(_entries(in_folder, exports.YAML_CACHED)) == 2 * chunks
    edited = [*records[:100], {**records[100], "id": "edited"}, *records[101:]]
    assert "- id: edited\n" in exports._yaml({"clauses": edited})
    assert len(_entries(in_folder, exports.YAML_CACHED)) == 2 * chunks + 1  # (the edited record's chunk alone)
    assert exports._yaml({"clauses": []}) == "clauses: []\n"


def test_the_termbase_is_kept_while_its_file_is_the_same(tmp_path):
    """Under `mkdocs serve`, a rebuild (a new corpus) takes the termbase made before, with what it has
    found, as long as data/terms.yml is the same; another terms.yml makes another one, which finds by
    its own forms."""
    project = copy_project(tmp_path / "project")
    base = termbase(corpus_module.load(project))
    text = "They are placed in foster care."
    assert [m.concept for m in base.find(text, "en")] == ["foster_care"]
    assert termbase(corpus_module.load(project)) is base
    assert base.find(text, "en") == base._find(text, "en", base.concepts)

    terms = project / "data" / "terms.yml"
    assert terms.read_text(encoding="utf-8").count("    en: [foster*]\n") == 1
    terms.write_text(terms.read_text(encoding="utf-8").replace("    en: [foster*]\n", "    en: [fostering]\n"), encoding="utf-8")
    other = termbase(corpus_module.load(project))
    assert other is not base
    assert "foster_care" not in [m.concept for m in other.find(text, "en")]
    assert [m.concept for m in other.find("fostering", "en")] == ["foster_care"]
