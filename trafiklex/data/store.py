"""The data of the edition, loaded: the Corpus (each file's data with the line of every value, and
the queries that read it) — what trafiklex.data.corpus.load() returns once everything checks out."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Iterator

from trafiklex.core import cache, reads, references
from trafiklex.core.languages import Languages
from trafiklex.data import tables, yamlio
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
    "sources.yml": "sources",
    "instruments.yml": "instruments",
    "changes.yml": "changes",
}
DOCUMENTS_DIR = tables.FOLDER  # data/documents/<document>/<kind>.yml


@dataclass
class Corpus:
    root: Path
    files: dict[str, yamlio.Located]  # by file name relative to data/ ('documents.yml', 'documents/<id>/notes.yml')
    notes: dict[str, dict] = field(default_factory=dict)  # note id → note (with its document, file and line)
    catalog: Catalog | None = None  # the interface words of every language (locales/)
    _memo: dict = field(default_factory=dict, repr=False)  # results derived from the data, computed once: key → (result, reads)

    def memo(self, key, compute):
        """A result derived from the (unchanging) data, computed on first use; what its computation read
        of the pages (trafiklex.core.reads) is recorded each time it is used."""
        if key not in self._memo:
            with reads.recording() as found:
                result = compute()
            self._memo[key] = (result, frozenset(found))
        result, found = self._memo[key]
        reads.record(found)
        return result

    def forget(self) -> None:
        """Drop every result derived so far (a page has changed: trafiklex.data.corpus.cached)."""
        self._memo.clear()

    @property
    def digest(self) -> str:
        """A hash of everything loaded (each data file's content, the interface words): part of the key of
        a product of the build cache (trafiklex.core.cache) that reads the data."""
        return self.memo("digest", lambda: cache.digest(
            *(part for name in sorted(self.files) for part in (name, cache.json_input(self.files[name].data, ordered=True))),
            cache.json_input(self.catalog.words if self.catalog else None, ordered=True)))

    def file_digest(self, name: str) -> str:
        """A hash of one data file's content (a key's part for a product that reads that file alone)."""
        return self.memo(("digest", name), lambda: cache.digest(name, cache.json_input(self.data(name), ordered=True)))

    # --- the edition's files ------------------------------------------------------------------------
    def data(self, name: str) -> dict:
        return self.files[name].data

    @cached_property
    def languages(self) -> Languages:
        return Languages.from_data(self.data("languages.yml"))

    def words(self, lang: str, key: str):
        """Interface words of `lang` (locales/<lang>.yml), by dotted key."""
        return self.catalog.word(lang, key)

    def counted(self, lang: str, key: str, count: float, **values) -> str:
        """Interface words of `lang` said of the number `count` (their form for it; `{n}` the number)."""
        return self.catalog.counted(lang, key, count, **values)

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
        """The bodies, as the whole edition names them."""
        return Directory(self.data("institutions.yml")["institutions"], self.languages)

    def bodies(self, document_id: str | None) -> Directory:
        """The bodies as a document's text names them: the edition's, but for the acronyms and spellings
        its acronyms.yml gives to another body (a later plan's "MSH")."""
        table = self.table(document_id, "acronyms") if document_id else None
        if not table:
            return self.institutions
        return self.memo(("bodies", document_id), lambda: Directory(
            self.data("institutions.yml")["institutions"], self.languages, table["acronyms"]))

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

    def tables(self, kind: str, document_id: str | None = None) -> list[tuple[str, dict]]:
        """Every document's table of `kind` (or `document_id`'s alone), in the order of the documents:
        (document id, table)."""
        ids = [d["id"] for d in self.documents] if document_id is None else [document_id]
        return [(each, table) for each in ids if (table := self.table(each, kind)) is not None]

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

    def activities(self, document_id: str | None = None) -> Iterator[tuple[str, dict, dict | None, dict]]:
        """Every activity of every action plan (or of `document_id`'s alone): (document, section, objective
        or None, activity), in printed order."""
        for document, plan in self.tables("activities", document_id):
            for section in plan["sections"]:
                for objective in section.get("objectives", []):
                    for activity in objective["activities"]:
                        yield document, section, objective, activity
                for activity in section.get("activities", []):
                    yield document, section, None, activity

    def assignments(self, document_id: str | None = None) -> Iterator[tuple[str, int, dict]]:
        """Every duty the running texts assign (or `document_id`'s alone): (document, its index in the
        file, assignment)."""
        for document, table in self.tables("assignments", document_id):
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
