"""The corpus: every data file loaded, checked against its schema and cross-checked.

The edition's own files are in data/ (languages, documents, institutions, the edition, topics, the
termbase); each document's tables, notes, assignments and topics are files of its own folder,
data/documents/<document>/ (trafiklex.data.tables lists the kinds). `load()` either returns a Corpus
whose data can be trusted, or raises DataError listing every problem with its file, line, field and
what was expected.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Iterator

from trafiklex.core import references
from trafiklex.core.errors import DataError, Problem
from trafiklex.core.languages import Languages
from trafiklex.data import inputs, pagefiles, schemas, tables, yamlio
from trafiklex.data.catalog import Catalog
from trafiklex.data.institutions import Directory

ROOT = Path(__file__).resolve().parents[2]

# the edition's own files (under data/) → schema name (under schemas/)
DATA_FILES = {
    "languages.yml": "languages",
    "documents.yml": "documents",
    "institutions.yml": "institutions",
    "edition.yml": "edition",
    "topics.yml": "topics",
    "terms.yml": "terms",
}
DOCUMENTS_DIR = tables.FOLDER  # data/documents/<document>/<kind>.yml


@dataclass
class Corpus:
    root: Path
    files: dict[str, yamlio.Located]  # by file name relative to data/ ('documents.yml', 'documents/<id>/notes.yml')
    notes: dict[str, dict] = field(default_factory=dict)  # note id → note (with its document, file and line)
    catalog: Catalog | None = None  # the interface words of every language (locales/)
    _memo: dict = field(default_factory=dict, repr=False)  # results derived from the data, computed once

    def memo(self, key, compute):
        """A result derived from the (unchanging) data, computed on first use."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    # --- the edition's files ------------------------------------------------------------------------
    def data(self, name: str) -> dict:
        return self.files[name].data

    @cached_property
    def languages(self) -> Languages:
        return Languages.from_data(self.data("languages.yml"))

    def words(self, lang: str, key: str):
        """Interface words of `lang` (locales/<lang>.yml), by dotted key."""
        return self.catalog.word(lang, key)

    @property
    def documents(self) -> list[dict]:
        return self.data("documents.yml")["documents"]

    def document(self, document_id: str) -> dict:
        return next(d for d in self.documents if d["id"] == document_id)

    def has_document(self, document_id: str) -> bool:
        return any(d["id"] == document_id for d in self.documents)

    def reference_rules(self, document_id: str, lang: str) -> list:
        """How the document's text in `lang` refers to its own clauses and to other documents
        (trafiklex.core.references; declared in data/documents.yml)."""
        rules = self.memo("reference-rules", lambda: {d["id"]: references.rules_of(d, n) for n, d in enumerate(self.documents)})
        return rules.get(document_id, {}).get(lang, [])

    def find_references(self, text: str, document_id: str, lang: str) -> list:
        """The internal references in a text of the document in `lang`."""
        return list(references.find(self.reference_rules(document_id, lang), text))

    @cached_property
    def institutions(self) -> Directory:
        return Directory(self.data("institutions.yml")["institutions"], self.languages)

    # --- each document's own files ------------------------------------------------------------------
    @staticmethod
    def file_name(document_id: str, kind: str) -> str:
        """The file under data/ that holds a document's table of `kind` ('documents/<id>/<kind>.yml')."""
        return f"{DOCUMENTS_DIR}/{document_id}/{tables.KINDS[kind].file}"

    def located(self, document_id: str, kind: str) -> yamlio.Located | None:
        return self.files.get(self.file_name(document_id, kind))

    def table(self, document_id: str, kind: str) -> dict | None:
        """The document's table of `kind` (trafiklex.data.tables), or None if it has none."""
        located = self.located(document_id, kind)
        return located.data if located else None

    def tables(self, kind: str) -> list[tuple[str, dict]]:
        """Every document's table of `kind`, in the order of the documents: (document id, table)."""
        return [(d["id"], table) for d in self.documents if (table := self.table(d["id"], kind)) is not None]

    def items(self, document_id: str, lang: str | None = None) -> list[tuple[tables.Kind, tables.Item]]:
        """Every clause of the document's tables (in a language's printed order, or every one)."""
        return [(kind, item) for kind in tables.TABLES.values()
                if (table := self.table(document_id, kind.name)) is not None for item in kind.items(table, lang)]

    def data_clauses(self) -> dict[str, list[tuple[str, dict, tuple, str]]]:
        """Clause ids defined in the data files, per document: (id, item, path, file)."""
        return {d["id"]: [(item.id, item.data, item.path, self.file_name(d["id"], kind.name))
                          for kind, item in self.items(d["id"])] for d in self.documents}

    @property
    def glossaries(self) -> list[dict]:
        """Every glossary of every document, each with its document."""
        return self.memo("glossaries", lambda: [{**glossary, "document": document}
                                                for document, table in self.tables("glossaries")
                                                for glossary in table["glossaries"]])

    def glossary(self, document_id: str, glossary_id: str) -> dict:
        return next(g for g in self.glossaries if g["document"] == document_id and g["id"] == glossary_id)

    def glossary_entry_ids(self, glossary: dict, lang: str) -> list[str]:
        return [tables.glossary_entry_id(glossary, entry) for entry in glossary["entries"].get(lang, [])]

    @property
    def definitions(self) -> list[dict]:
        """Every definition of every document, each with its document."""
        return self.memo("definitions", lambda: [{**definition, "document": document}
                                                 for document, table in self.tables("definitions")
                                                 for definition in table["definitions"]])

    def activities(self) -> Iterator[tuple[str, dict, dict | None, dict]]:
        """Every activity of every action plan: (document, section, objective or None, activity), in
        printed order."""
        for document, plan in self.tables("activities"):
            for section in plan["sections"]:
                for objective in section.get("objectives", []):
                    for activity in objective["activities"]:
                        yield document, section, objective, activity
                for activity in section.get("activities", []):
                    yield document, section, None, activity

    def assignments(self) -> Iterator[tuple[str, int, dict]]:
        """Every duty the running texts assign: (document, its index in the file, assignment)."""
        for document, table in self.tables("assignments"):
            for a, assignment in enumerate(table["assignments"]):
                yield document, a, assignment

    def topic_tags(self, document_id: str) -> dict | None:
        """The document's topics (data/documents/<id>/topics.yml), or None."""
        return self.table(document_id, "topics")

    def notes_for(self, document_id: str) -> list[dict]:
        return [n for n in self.notes.values() if n["document"] == document_id]

    def notes_at(self, anchor: str, document_id: str) -> list[dict]:
        return [n for n in self.notes_for(document_id) if n["anchor"] == anchor]

    def declared_only_in(self, document_id: str, lang: str, other: str) -> set[str]:
        """Clause ids that the data says `lang` prints and `other` does not: prose (documents.yml) and
        glossary entries."""
        ids = set(self.document(document_id).get("only_in", {}).get(lang, []))
        for glossary in self.glossaries:
            if glossary["document"] == document_id:
                ids |= set(self.glossary_entry_ids(glossary, lang)) - set(self.glossary_entry_ids(glossary, other))
        return ids


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
    from trafiklex.data.checks import check_language_list, cross_check  # (the checks read the Corpus)
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
    for entry in sorted(folder.iterdir()):
        name = f"data/{DOCUMENTS_DIR}/{entry.name}"
        if not entry.is_dir():
            problems.append(Problem(name, "a file where a document's folder is expected",
                                    expected=f"a folder data/{DOCUMENTS_DIR}/<document id>/ holding {expected}"))
            continue
        for path in sorted(entry.iterdir()):
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
    files = sorted((root / "data").rglob("*.yml")) + sorted((root / "schemas").glob("*.json")) + \
        sorted((root / "locales").glob("*.yml"))
    return tuple(_stamp(f) for f in files)


def current(root: Path = ROOT) -> Corpus:
    """The corpus loaded last for `root` (by cached()), without checking the files again."""
    hit = _cache.get(root)
    return hit[1] if hit else cached(root)


def _pages_fingerprint(root: Path) -> tuple:
    """The documents' pages (docs/<lang>/*.md; not the pages generated into subfolders)."""
    return tuple(_stamp(f) for f in sorted((root / "docs").glob("*/*.md")))


def cached(root: Path = ROOT) -> Corpus:
    """The loaded corpus, reloaded only when a data or schema file has changed (one build loads it once
    for both languages; `mkdocs serve` reloads it after an edit). What was derived from it is dropped
    when a page changes too (the side-by-side views and the translators' reports read the pages)."""
    stamp, pages = _fingerprint(root), _pages_fingerprint(root)
    hit = _cache.get(root)
    if hit and hit[0] == stamp:
        if hit[2] != pages:
            hit[1]._memo.clear()
            _cache[root] = (stamp, hit[1], pages)
        return hit[1]
    corpus = load(root)
    _cache[root] = (stamp, corpus, pages)
    return corpus
