"""A page of the site kept in the build cache (trafiklex.core.cache) under what its render read, so that
an edit renders again only the pages that read what it changed: a one-clause edit, the pages that read
that document's texts (its own pages, its side-by-side view, the reports and the pages that list its
clauses), not the others.

A page's render reads the data and the interface words (the corpus's digest), the translators' files
and the source texts, the list of the site's pages, what the build stamps (EDITION_DATE, SITE_URL,
SOURCE_DATE_EPOCH) and its own Markdown: every page is kept under all of these. What it reads of the
documents' texts, and of the written pages as files, is recorded as it renders (trafiklex.core.reads)
and kept with it; the page is then found under the digests of those documents' pages (each in every
language). A page is taken from the cache only when the same inputs give the same reads: a render is
the same for the same inputs, so the reads recorded for them are the ones it would make again."""
from __future__ import annotations

import json
import os
from typing import Callable

from trafiklex.core import cache, reads, tree
from trafiklex.data import generated_pages

CACHED = "site-page"  # a page's render: its fields, as JSON
READS = "site-page-reads"  # what a page's render read of the documents and pages: document ids, reads.PAGES
STAMPED = ("EDITION_DATE", "SITE_URL", "SOURCE_DATE_EPOCH")
FIELDS = ("source", "meta", "title", "html", "toc", "links")


def kept(pages, path: str, lang: str, render: Callable[[], object], page_of: Callable[[dict], object]) -> tuple[object, list[str], bool]:
    """The page of `pages` (trafiklex.website.pages.SitePages): from the cache (made by `page_of` from its
    FIELDS) if what its render read is unchanged, else rendered by `render` (and kept); with what it read
    and whether it was rendered. What it read is also recorded for whatever is being recorded
    (trafiklex.core.reads)."""
    base = _base(pages, path, lang)
    known = _names(cache.get(READS, base))  # (what its render read when these inputs were last rendered)
    if known is not None:
        fields = _fields(cache.get(CACHED, _key(pages, base, known)))
        if fields is not None:
            reads.record(known)
            return page_of(fields), known, False
    with reads.recording() as read:
        page = render()
    names = sorted(read)
    fields = {name: getattr(page, name) for name in FIELDS}
    try:
        content = json.dumps(fields, ensure_ascii=False)  # (in order: a mapping's order is kept)
    except (TypeError, ValueError):  # (a value JSON cannot hold, in its front matter: not kept)
        return page, names, True
    # kept only if read back it is this very page (a front matter's key that is not a text would come back
    # as one), and if it holds no mark of this process's texts (never published)
    if _fields(content.encode("utf-8")) == {**fields, "links": tuple(fields["links"])} and pages.edition.token not in content:
        if names != known:  # (the same reads are kept already)
            cache.put(READS, base, json.dumps(names).encode("utf-8"))
        cache.put(CACHED, _key(pages, base, names), content.encode("utf-8"))
    return page, names, True


def _base(pages, path: str, lang: str) -> str:
    """The key of what the page reads besides the documents' texts."""
    own = pages.root / "docs" / lang / f"{path}.md"
    source = own.read_bytes() if path not in pages.generated() and own.is_file() else b""
    return cache.key(READS, _inputs(pages), path, lang, source)


def _inputs(pages) -> str:
    """The digest of what every page may read (once per corpus: an edit under `mkdocs serve` makes it anew)."""
    corpus, root = pages.corpus, pages.root

    def compute() -> str:
        files = [p for name in ("translations", "sources") for p in tree.listed(root / name) if p.is_file()]
        listing = {lang: pages.page_paths(lang) for lang in corpus.languages.codes}
        return cache.digest(corpus.digest, cache.files_digest(files, root), json.dumps(listing),
                            *(f"{name}={os.environ.get(name, '')}" for name in STAMPED))
    return corpus.memo("page-inputs", compute)


def _key(pages, base: str, names: list[str]) -> str:
    """The key of the page's render: its base, and the digest of each document (its pages in every
    language) or of the written pages it read."""
    return cache.key(CACHED, base, *(f"{name}={_digest_of(pages, name)}" for name in names))


def _digest_of(pages, name: str) -> str:
    corpus, root, docs = pages.corpus, pages.root, pages.root / "docs"

    def compute() -> str:
        if name == reads.PAGES:
            files = generated_pages.written(docs)
        else:
            document = next((d for d in corpus.documents if d["id"] == name), None)
            if document is None:  # (a document removed since: no page of it is taken from the cache)
                return "gone"
            files = [docs / lang / f"{document['page']}.md" for lang in corpus.languages.codes]
        return cache.files_digest([f for f in files if f.is_file()], root) + "".join(
            "+" if f.is_file() else "-" for f in files)
    return corpus.memo(("page-reads-digest", name), compute)


def _names(content: bytes | None) -> list[str] | None:
    try:
        names = json.loads(content) if content is not None else None
    except ValueError:
        return None
    return names if isinstance(names, list) and all(isinstance(n, str) for n in names) else None


def _fields(content: bytes | None) -> dict | None:
    try:
        fields = json.loads(content) if content is not None else None
    except ValueError:
        return None
    if not isinstance(fields, dict) or set(fields) != set(FIELDS):
        return None
    fields["links"] = tuple(fields["links"])
    return fields
