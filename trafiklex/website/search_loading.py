"""The search index of a language is loaded when the reader opens the search, not with every page.

Material for MkDocs loads the language's index on every page view: its search worker gets it at
once when the page is served over http(s) (opened from file://, it waits until the reader opens the
search), and the highlighting of the words searched for (`search.highlight`, on a page opened from a
result, `?h=…`) asks for it on every page, to read the index's word separator. In the built site's
copy of the theme's script, two conditions are changed so that the index is loaded (fetched over
http, or loaded as the script search/search_index.js from file://) only when the reader opens the
search (focuses or clicks the search box, or presses its keyboard shortcut) or opens a page from a
result. The theme's script must hold each exactly once, or the build stops: a new release of the
theme is to be looked at again.
"""
from __future__ import annotations

import re
from pathlib import Path

from trafiklex.core.errors import Problem

THEME_SCRIPT = "assets/javascripts/bundle.*.min.js"
NAME = r"[\w$]+"
# (what Material's source says, its minified form, the form it is changed to, the changed form)
CHANGES = [
    ('setupSearchWorker: merge(of(location.protocol !== "file:"), watchToggle("search")): at once unless '
     "on file://, or when the search opens",
     re.compile(rf'({NAME}\()location\.protocol!=="file:"(\),{NAME}\("search"\)\))'), r"\g<1>!1\g<2>",
     re.compile(rf'{NAME}\(!1\),{NAME}\("search"\)\)')),
    ('feature("search.highlight") ? mountSearchHiglight(el, {index$, location$}) : EMPTY: on every page',
     re.compile(rf'({NAME}\("search\.highlight"\))(\?{NAME}\({NAME},\{{index\$:)'),
     r'\g<1>&&new URLSearchParams(location.search).get("h")\g<2>',
     re.compile(rf'{NAME}\("search\.highlight"\)&&new URLSearchParams\(location\.search\)\.get\("h"\)\?')),
]


def load_index_on_open(site: Path) -> list[Problem]:
    """Makes the theme's script in the built `site` load the index only when the reader searches."""
    scripts = sorted(site.glob(THEME_SCRIPT))
    if len(scripts) != 1:
        return [Problem("mkdocs.yml", f"the theme's script is not one file: {[p.name for p in scripts] or 'none found'}",
                        expected=f"one {THEME_SCRIPT} in the built site (mkdocs-material)")]
    text, problems = scripts[0].read_text(encoding="utf-8"), []
    for source, found, changed, done in CHANGES:
        text, count = found.subn(changed, text)
        if count != 1 and not (count == 0 and len(done.findall(text)) == 1):  # (or a copy changed already)
            problems.append(Problem(f"{THEME_SCRIPT} (mkdocs-material)",
                                    f"the code that loads the search index with every page is found {count} times",
                                    expected=f"once: {source} (a new release of the theme? see "
                                             "trafiklex/website/search_loading.py)"))
    if not problems:
        scripts[0].write_text(text, encoding="utf-8")
    return problems
