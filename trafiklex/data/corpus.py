"""The corpus: every data file loaded, checked against its schema and cross-checked.

The edition's own files are in data/ (languages, documents, institutions, the edition, topics, the
termbase); each document's tables, notes, assignments and topics are files of its own folder,
data/documents/<document>/ (trafiklex.data.tables lists the kinds). `load()` either returns a Corpus
whose data can be trusted, or raises DataError listing every problem with its file, line, field and
what was expected.
"""
from __future__ import annotations

import os
from pathlib import Path

from trafiklex.core import tree
from trafiklex.core.errors import DataError, Problem
from trafiklex.data import generated_pages, inputs, pagefiles, schemas, tables, yamlio
from trafiklex.data.catalog import Catalog
from trafiklex.data.checks import check_language_list, cross_check
from trafiklex.data.store import DATA_FILES, DOCUMENTS_DIR, ROOT, Corpus  # noqa: F401 (what callers import from here)


def load(root: Path = ROOT) -> Corpus:
    # first what is on disk: links and special files refused before anything is read; then the pages
    # (the cross-checks read them), each readable and within its limits
    inputs.check_tree(root)
    pagefiles.check_pages(root)
    data_dir = root / "data"
    files, problems = {}, []

    def read(path: Path, name: str, schema: str, hint: str):
        try:
            located = yamlio.load(path, root)
        except DataError as error:
            problems.extend(error.problems)
            return
        files[name] = located
        problems.extend(schemas.check(located, schema))
        problems.extend(_schema_hint(located, hint))

    for name, schema in DATA_FILES.items():
        path = data_dir / name
        if not os.path.lexists(path):
            problems.append(Problem(f"data/{name}", "the data file is missing", expected=f"a file checked by schemas/{schema}.schema.json"))
            continue
        read(path, name, schema, f"../schemas/{schema}.schema.json")
    for path, kind in _document_files(data_dir, problems):
        read(path, path.relative_to(data_dir).as_posix(), kind.schema, f"../../../schemas/{kind.schema}.schema.json")
    if problems:
        raise DataError(problems)
    corpus = Corpus(root=root, files=files)
    problems = check_language_list(corpus)
    if problems:
        raise DataError(problems)
    corpus.catalog = Catalog.load(root, corpus.languages.codes, corpus.languages.authoritative)
    problems = cross_check(corpus)
    if problems:
        raise DataError(problems)
    return corpus


def _document_files(data_dir: Path, problems: list[Problem]) -> list[tuple[Path, tables.Kind]]:
    """The files of each document's folder, each of a known kind (anything else there is refused)."""
    folder = data_dir / DOCUMENTS_DIR
    if not folder.is_dir():
        return []
    found = []
    expected = ", ".join(kind.file for kind in tables.KINDS.values())
    for entry in tree.listed(folder, recursive=False):
        name = f"data/{DOCUMENTS_DIR}/{entry.name}"
        if not entry.is_dir():
            problems.append(Problem(name, "a file where a document's folder is expected",
                                    expected=f"a folder data/{DOCUMENTS_DIR}/<document id>/ holding {expected}"))
            continue
        for path in tree.listed(entry, recursive=False):
            kind = tables.kind_of_file(path.name)
            if kind is None:
                problems.append(Problem(f"{name}/{path.name}", "not a kind of file a document's folder holds",
                                        expected=f"one of {expected}"))
                continue
            found.append((path, kind))
    return found


def _schema_hint(located: yamlio.Located, schema: str) -> list[Problem]:
    """Data files start with the hint that lets editors (yaml-language-server) check them as they type."""
    hint = f"# yaml-language-server: $schema={schema}"
    if located.first_line != hint:
        return [Problem(located.file, "the first line is not the schema hint for editors", line=1, expected=hint)]
    return []


_cache: dict[Path, tuple[tuple, Corpus, tuple]] = {}


def _stamp(path: Path) -> tuple:
    status = path.lstat()  # (a link is not followed: load() refuses it)
    return str(path), status.st_mtime_ns, status.st_size


def _fingerprint(root: Path) -> tuple:
    """What load() reads: the data, the schemas, the interface words, and the source texts (whose
    files the documents name)."""
    files = tree.listed(root / "data", "*.yml") + tree.listed(root / "schemas", "*.json", recursive=False) + \
        tree.listed(root / "locales", "*.yml", recursive=False) + [p for p in tree.listed(root / "sources") if p.is_file()]
    return tuple(_stamp(f) for f in files)


def current(root: Path = ROOT) -> Corpus:
    """The corpus loaded last for `root` (by cached()), without checking the files again."""
    hit = _cache.get(root)
    return hit[1] if hit else cached(root)


def _pages_fingerprint(root: Path) -> tuple:
    """What the results derived from the data read besides: the pages (docs/<lang>/…, not those the
    build writes from the data: generated_pages) and the translators' files (translations/: their
    reviews, the findings they accepted)."""
    return tuple(_stamp(f) for f in generated_pages.written(root / "docs") + tree.listed(root / "translations", "*.yml", recursive=False))


def cached(root: Path = ROOT) -> Corpus:
    """The loaded corpus, reloaded only when what load() reads has changed (one build loads it once
    for both languages; `mkdocs serve` reloads it after an edit). What was derived from it is dropped
    when a page or a translators' file changes too (the pages, the side-by-side views and the
    translators' reports read them)."""
    stamp, pages = _fingerprint(root), _pages_fingerprint(root)
    hit = _cache.get(root)
    if hit and hit[0] == stamp:
        if hit[2] != pages:
            hit[1].forget()
            _cache[root] = (stamp, hit[1], pages)
        return hit[1]
    corpus = load(root)
    _cache[root] = (stamp, corpus, pages)
    return corpus
