"""Everything the build checks before it builds anything, without building: the data files (schemas
and cross-references), the interface words, the translators' reviews, the pages as templates, and
what only the texts (trafiklex.model.checks) and the site's pages (trafiklex.website.checks) can tell. The site build runs
this same check first (hooks/site.py); the command line runs it alone.

Command line: exit 0 if everything is sound, 1 with the list of problems (file, line, field, what was
expected) otherwise."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from trafiklex.data import corpus as corpus_module, environment
from trafiklex.model import pagecheck
from trafiklex.translators import staleness
from trafiklex.data.corpus import ROOT, Corpus
from trafiklex.core.errors import DataError
from trafiklex.model import checks as model_checks
from trafiklex.model.edition import edition_of
from trafiklex.website.pages import site_pages


def check(root: Path = ROOT) -> Corpus:
    """The project's corpus, once everything checks out; raises DataError listing every problem."""
    corpus = corpus_module.cached(root)  # (loaded once per build; reloaded after an edit under `mkdocs serve`)
    environment.check(os.environ)  # SITE_URL, EDITION_DATE, SOURCE_DATE_EPOCH (also under `mkdocs serve`)
    problems = corpus.memo("checked", lambda: _problems(corpus))  # (once per build: the pages as they are)
    if problems:
        raise DataError(problems)
    return corpus


def _problems(corpus: Corpus) -> list:
    try:
        staleness.load(corpus.root, {d["id"] for d in corpus.documents})  # the translators' reviews (translations/reviews.yml)
    except DataError as error:
        return error.problems
    docs = corpus.root / "docs"
    written = site_pages(edition_of(corpus)).write_generated()  # (the pages made from the data, anew: none left of a removed document)
    if written:
        return written
    return (pagecheck.page_pairs(docs, corpus.languages.codes) or pagecheck.all_pages(docs, corpus)
            or model_checks.check(edition_of(corpus)) or site_pages(edition_of(corpus)).check())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="the project to check (default: this one)")
    args = parser.parse_args()
    try:
        corpus = check(args.root.resolve())
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    clauses = sum(len(text.clauses) for text in edition_of(corpus).texts().values())
    print(f"data and pages are valid: {len(corpus.documents)} documents in {len(corpus.languages)} languages, "
          f"{len(corpus.institutions.by_id)} institutions, {clauses} clauses, {len(corpus.notes)} editorial notes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
