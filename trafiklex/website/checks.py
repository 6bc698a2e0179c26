"""What only the site's pages can tell, checked before anything is built: no page uses an anchor twice,
and every link between the pages leads to a page and an anchor that exist."""
from __future__ import annotations

import posixpath
from collections import Counter

from trafiklex.core.errors import Problem
from trafiklex.model.markdown_render import is_local


def check(pages) -> list[Problem]:
    languages = pages.edition.languages
    problems = [p for lang in languages for path in pages.page_paths(lang) for p in _anchors(pages.page(path, lang))]
    return problems + [p for lang in languages for p in check_links(pages, lang)]


def _anchors(page) -> list[Problem]:
    counts = Counter(page.ids())
    return [Problem(page.source, f"the anchor '#{anchor}' is used {count} times on the page", expected="each id once per page")
            for anchor, count in sorted(counts.items()) if count > 1]


def check_links(pages, lang: str) -> list[Problem]:
    """Every link between the site's pages leads to a page, and to a clause or heading on it."""
    problems = []
    paths = set(pages.page_paths(lang))
    for path in sorted(paths):
        page = pages.page(path, lang)
        for href in dict.fromkeys(page.links):
            if not is_local(href) or not href.split("#")[0].endswith(".html") and href.split("#")[0]:
                continue
            target_path, _, anchor = href.partition("#")
            target = path if not target_path else posixpath.normpath(
                posixpath.join(posixpath.dirname(path), target_path)).removesuffix(".html")
            if target not in paths:
                problems.append(Problem(page.source, f"the link '{href}' leads to no page of the site",
                                        expected="a link to a page of docs/ (other-page.md or other-page.md#clause-id)"))
            elif anchor and anchor not in set(pages.page(target, lang).ids()):
                problems.append(Problem(page.source, f"the link '{href}' leads to {target}.html, which does not contain "
                                        f"an anchor '#{anchor}'", expected="the id of a clause or heading of that page"))
    return problems
