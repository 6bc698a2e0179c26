"""Where pages live in the built site. The root language (the edition's first, authoritative one:
`corpus.languages.default`) is at the root, every other under its code (en/); a page has the same path
in each (`<page>.html`, `en/<page>.html`). Pages are files, not directories
(use_directory_urls: false), so that the site also works from file://.

Every function takes `root`, the root language's code: a link between two pages of one language does
not depend on it, but a link to another language or to a file at the site's root does."""
from __future__ import annotations

import posixpath

PARALLEL_FOLDER = "parallel"  # the side-by-side views: parallel/<document page>


def page_path(page: str, lang: str, root: str) -> str:
    """The path of a page from the site root."""
    name = "index.html" if page in ("", "index") else f"{page}.html"
    return name if lang == root else f"{lang}/{name}"


def _relpath(path: str, start: str) -> str:
    """posixpath.relpath for two paths of the site (from its root): the same result, without asking
    the operating system for the working directory each time."""
    target = [p for p in posixpath.normpath(path).split("/") if p not in ("", ".")]
    origin = [p for p in posixpath.normpath(start).split("/") if p not in ("", ".")]
    common = 0
    while common < min(len(target), len(origin)) and target[common] == origin[common]:
        common += 1
    return "/".join([".."] * (len(origin) - common) + target[common:]) or "."


def relative(from_page: str, from_lang: str, to_page: str, to_lang: str, anchor: str | None = None, *,
             root: str) -> str:
    """A link from one page to another (optionally to a clause on it), relative so it works offline."""
    here = posixpath.dirname(page_path(from_page, from_lang, root)) or "."
    target = _relpath(page_path(to_page, to_lang, root), here)
    return target + (f"#{anchor}" if anchor else "")


def asset(from_page: str, from_lang: str, path: str, *, root: str) -> str:
    """A relative link from a page to a file of the site (path from the site root, e.g. 'data/x.csv')."""
    here = posixpath.dirname(page_path(from_page, from_lang, root)) or "."
    return _relpath(path, here)


def rebase(href: str, from_page: str, from_lang: str, to_page: str, to_lang: str, *, root: str) -> str:
    """A link written on one page (relative to it: another page, a file of the site, a Markdown
    source `x.md` as MkDocs resolves it, or an anchor `#x` of that page), rewritten to lead to the same
    place from another page. Links with a scheme or from the root are left as they are."""
    if href.startswith("/") or ":" in href.split("#", 1)[0]:
        return href
    path, _, anchor = href.partition("#")
    source = page_path(from_page, from_lang, root)
    if not path:
        target = source
    else:
        if path.endswith(".md"):
            path = path[: -len(".md")] + ".html"
        target = posixpath.normpath(posixpath.join(posixpath.dirname(source), path))
    here = posixpath.dirname(page_path(to_page, to_lang, root)) or "."
    return _relpath(target, here) + (f"#{anchor}" if anchor else "")
