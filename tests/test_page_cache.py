"""The site's pages kept in the build cache under what their render read (trafiklex.website.page_cache):
after a one-clause edit, the pages that read the edited document are rendered again and the others are
taken from the cache; every page is then the page a render with no cache at all gives."""
from __future__ import annotations

import pytest

from conftest import copy_project
from trafiklex.core import cache, reads
from trafiklex.data import corpus as corpus_module
from trafiklex.model.edition import edition_of
from trafiklex.website.pages import SitePages, site_pages

PAGE, CLAUSE = "docs/en/nrm-agreement.md", "represented by the Executive Director, Ms. Vera Lesko;"


def _every_page(root, monkeypatch, cache_folder) -> tuple[dict, list]:
    """Every page of the project at `root`, with the build cache in `cache_folder` (or off), and those
    rendered (not taken from the cache)."""
    monkeypatch.setenv(cache.VARIABLE, str(cache_folder))
    corpus = corpus_module.load(root)
    pages, rendered = site_pages(edition_of(corpus)), []
    render = SitePages._render
    with monkeypatch.context() as patched:
        patched.setattr(SitePages, "_render", lambda self, path, lang: rendered.append((path, lang)) or render(self, path, lang))
        made = {(path, lang): pages.page(path, lang) for lang in corpus.languages.codes for path in pages.page_paths(lang)}
    return made, rendered


@pytest.mark.slow
def test_an_edit_renders_again_the_pages_that_read_it_and_every_page_is_a_fresh_render(tmp_path, monkeypatch):
    root = copy_project(tmp_path / "project")
    first, rendered = _every_page(root, monkeypatch, tmp_path / "cache")
    assert len(rendered) == len(first) > 200  # (an empty cache: every page rendered)
    again, rendered = _every_page(root, monkeypatch, tmp_path / "cache")
    assert again == first and rendered == []  # (nothing changed: every page from the cache)

    page = root / PAGE
    page.write_text(page.read_text(encoding="utf-8").replace(CLAUSE, CLAUSE[:-1] + " (edited);"), encoding="utf-8")
    edited, rendered = _every_page(root, monkeypatch, tmp_path / "cache")
    fresh, _ = _every_page(root, monkeypatch, cache.OFF)
    assert [key for key in fresh if edited[key] != fresh[key]] == []  # every page as a render with no cache gives it
    assert "Vera Lesko (edited)" in edited[("nrm-agreement", "en")].html
    # rendered again: the document's pages in both languages (a clause's languages are joined), its side-by-side
    # views, the translators' report, the page of a body it gives a duty to, a topic its clauses have; not another
    # document's page, nor a page that reads other documents alone, nor the page of a body it gives no duty to
    # (with duties elsewhere, or none), nor a topic none of its clauses has
    for key in [("nrm-agreement", "en"), ("nrm-agreement", "sq"), ("parallel/nrm-agreement", "en"),
                ("parallel/nrm-agreement", "sq"), ("translations", "en"), ("institutions/iom", "sq"), ("topics/coe-10", "en")]:
        assert key in rendered, key
    for key in [("child-trafficking-action-plan", "en"), ("nrm-annex-1", "sq"), ("sanctions", "en"), ("index", "sq"),
                ("institutions/bktf", "en"), ("institutions/customs", "sq"), ("topics/coe-18", "en")]:
        assert key not in rendered and key in edited, key
    assert len(rendered) < len(edited)


def test_what_a_memo_read_is_read_by_each_use_of_it(tmp_path, monkeypatch):
    """A result the corpus derives once (Corpus.memo) carries what its computation read of the texts: a
    page that uses the result another page computed reads those documents too."""
    monkeypatch.setenv(cache.VARIABLE, cache.OFF)
    corpus = corpus_module.current()
    edition = edition_of(corpus)
    computed = lambda: edition.text("decision-171-2005", "en").clauses[0].id  # noqa: E731
    with reads.recording() as first:
        corpus.memo(("test-reads", str(tmp_path)), computed)
    with reads.recording() as second:  # (taken from the memo: nothing is computed)
        corpus.memo(("test-reads", str(tmp_path)), lambda: pytest.fail("computed twice"))
    assert first == second == {"decision-171-2005"}
    with reads.recording() as every:
        edition.texts()
    assert every == {d["id"] for d in corpus.documents}


def test_the_order_of_a_mapping_in_the_data_is_part_of_what_a_page_is_kept_under(tmp_path):
    """A view may list a mapping in the order its file gives (a document's acronyms, each in turn): the
    corpus's digest, which every kept page's key holds, changes when two keys of the data trade places."""
    from conftest import copy_project

    root = copy_project(tmp_path)
    before = corpus_module.load(root).digest
    words = root / "locales" / "en.yml"
    text = words.read_text(encoding="utf-8")
    article, section = "  article: Article\n", "  section: Section\n"
    assert article + section in text
    words.write_text(text.replace(article + section, section + article), encoding="utf-8")
    reordered = corpus_module.load(root)
    assert reordered.words("en", "numbering.article") == "Article"  # (the same words)
    assert reordered.digest != before
    assert cache.json_input({"a": 1, "b": 2}) == cache.json_input({"b": 2, "a": 1})  # (a key's other inputs: sorted)
