"""What only the rendered pages can tell, checked before anything is built: no page uses an anchor
twice, each editorial note is shown once on its document's page, each assignment names a clause its
language prints, each clause that data/topics.yml tags exists and every clause has a topic, each document has the same clause ids in every language but for those the data
declares printed in one language only (so that a link survives a language switch), and every link
between the pages leads to a page and an anchor that exist."""
from __future__ import annotations

import posixpath
from collections import Counter

from trafiklex.core.errors import Problem
from trafiklex.queries.topics import check_tags
from trafiklex.model.edition import DOCS, Edition
from trafiklex.model.markdown_render import is_local


def check(edition: Edition) -> list[Problem]:
    """Every problem the rendered pages show (the module's list, in that order)."""
    problems = [p for lang in edition.languages for path in edition.page_paths(lang) for p in _check_page(edition, path, lang)]
    problems += _check_assignments(edition)
    problems += [p for d in edition.documents for p in _check_parity(edition, d["id"])]
    problems += check_tags(edition)
    return problems + [p for lang in edition.languages for p in check_links(edition, lang)]


def _check_page(edition: Edition, path: str, lang: str) -> list[Problem]:
    page = edition.page(path, lang)
    counts = Counter(page.ids())
    problems = [Problem(page.source, f"the anchor '#{anchor}' is used {count} times on the page",
                        expected="each id once per page") for anchor, count in sorted(counts.items()) if count > 1]
    if page.document:
        for note in edition.corpus.notes_for(page.document):
            count = counts.get(f"note-{note['id']}", 0)
            if count != 1:
                problems.append(Problem(note["file"], f"the editorial note '{note['id']}' is shown {count} times on "
                                        f"{page.source}", line=note["line"],
                                        expected='shown once: anchored to a data-rendered clause, or placed with '
                                                 '{{ note("' + note["id"] + '") }} in the page'))
    return problems


def _check_assignments(edition: Edition) -> list[Problem]:
    problems = []
    for document, a, assignment in edition.corpus.assignments():
        located = edition.corpus.located(document, "assignments")
        page = edition.corpus.document(document)["page"]
        for lang in assignment["bodies"]:
            if lang not in edition.languages:
                continue
            clause = edition.clause(document, assignment["id"], lang)
            if not clause or not (clause.body_text if clause.heading else clause.text):
                problems.append(Problem(located.file, f"no clause '{assignment['id']}' with text in {DOCS}/{lang}/{page}.md",
                                        line=located.line(("assignments", a, "id")), field=f"assignments.{a}.id",
                                        expected=f"the id of a clause that the {lang} page prints (its {{: #id }} or heading id)"))
    return problems


def _check_parity(edition: Edition, document_id: str) -> list[Problem]:
    page = edition.corpus.document(document_id)["page"]
    ids = {lang: edition.text(document_id, lang).ids() for lang in edition.languages}
    problems = []
    for lang in edition.languages:
        for other in edition.corpus.languages.others(lang):
            declared = edition.corpus.declared_only_in(document_id, lang, other)
            for anchor in sorted(ids[lang] - ids[other] - declared):
                problems.append(Problem(f"{DOCS}/{other}/{page}.md", f"no clause '{anchor}', which the {lang} page has",
                                        expected=f"the anchor {{: #{anchor} }} here too, or the clause listed under only_in: "
                                                 f"{lang} for {document_id} in data/documents.yml"))
    return problems


def check_links(edition: Edition, lang: str) -> list[Problem]:
    """Every link between the site's pages leads to a page, and to a clause or heading on it."""
    problems = []
    paths = set(edition.page_paths(lang))
    for path in paths:
        page = edition.page(path, lang)
        for href in page.links:
            if not is_local(href) or not href.split("#")[0].endswith(".html") and href.split("#")[0]:
                continue
            target_path, _, anchor = href.partition("#")
            target = path if not target_path else posixpath.normpath(
                posixpath.join(posixpath.dirname(path), target_path)).removesuffix(".html")
            if target not in paths:
                problems.append(Problem(page.source, f"the link '{href}' leads to no page of the site",
                                        expected="a link to a page of docs/ (other-page.md or other-page.md#clause-id)"))
            elif anchor and anchor not in set(edition.page(target, lang).ids()):
                problems.append(Problem(page.source, f"the link '{href}' leads to {target}.html, which does not contain "
                                        f"an anchor '#{anchor}'", expected="the id of a clause or heading of that page"))
    return problems
