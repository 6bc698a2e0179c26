"""NGOs' links survive a rebuild: every page and clause id this edition ever published still resolves,
to the same clause (its text begins with the words it began with), in every language."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conftest import page, report
from trafiklex.website.pages import site_pages

PUBLISHED = sorted((Path(__file__).parent / "published").glob("*.yml"))


def _published():
    for path in PUBLISHED:
        yield path.stem, yaml.safe_load(path.read_text(encoding="utf-8"))


def _begins(text, clause, first_words: str) -> bool:
    """The clause begins with the published words; or, where it has become shorter than them (a
    heading whose paragraphs are clauses of their own now), it is their beginning and the clauses
    that follow it on the page go on with the rest: the link lands on the same place in the text."""
    own = " ".join(clause.text.split())
    if own.startswith(first_words):
        return True
    following = text.clauses[text.clauses.index(clause):]
    running = " ".join(" ".join(c.text for c in following[:len(first_words.split())]).split())
    return bool(own) and first_words.startswith(own) and running.startswith(first_words)


@pytest.mark.parametrize("stamp,snapshot", list(_published()), ids=[p.stem for p in PUBLISHED])
def test_ngo_link_published_before_still_lands_on_its_clause(edition, site, stamp, snapshot):
    checked = 0
    for document_id, languages in snapshot["clauses"].items():
        page_name = edition.corpus.document(document_id)["page"]
        for lang, clauses in languages.items():
            anchors = set(re.findall(r'\sid="([^"]+)"', page(site, page_name, lang)))
            text = edition.text(document_id, lang)
            for clause_id, first_words in clauses.items():
                assert clause_id in anchors, f"{lang}/{page_name}#{clause_id} (published {stamp}) is no longer on the page"
                clause = text.get(clause_id)
                assert clause is not None, f"{document_id}#{clause_id} ({lang}) is no longer a clause"
                if first_words:
                    assert _begins(text, clause, first_words), \
                        f"{document_id}#{clause_id} ({lang}) now begins {clause.text[:60]!r}, not {first_words!r}"
                checked += 1
    for lang, paths in snapshot["pages"].items():
        for path in paths:
            assert path in site_pages(edition).page_paths(lang), f"the page {lang}/{path} (published {stamp}) is gone"
    assert checked == sum(len(c) for languages in snapshot["clauses"].values() for c in languages.values())
    report("published ids still resolving", f"{stamp}: {checked} clause ids, "
           f"{sum(len(p) for p in snapshot['pages'].values())} page paths")
