"""The edition model: the edition → its documents → per language, the ordered clauses.

A document's text in a language is read from two sources, and nothing else:
- its page (docs/<lang>/<page>.md): the running text, converted from Markdown once and cut into
  clauses at every clause anchor; the page's macros mark where a data table stands and where an
  editorial note is shown (no view renders anything here);
- its data tables (data/documents/<document>/): each item a clause made from the data
  (trafiklex.model.data_clauses), put where the page shows its table.
What the data says about each clause is joined on its id: the bodies it obliges, its editorial notes,
the references its text makes, its topics, the languages that print it.

Built once per build (and again only when a data file or a page changes: `edition_of`). Every output
is a projection of it; the site's views, the printed editions and the formats receive it. Plain
Python: no MkDocs, no renderer.
"""
from __future__ import annotations

import re
import secrets
import threading
from collections import Counter
from dataclasses import dataclass, field

from trafiklex.core import reads
from trafiklex.core.errors import DataError, Problem
from trafiklex.core.ids import ClauseId
from trafiklex.data import tables
from trafiklex.data.corpus import Corpus
from trafiklex.model import data_clauses, topics
from trafiklex.model.clauses import Clause, cut, plain_text, structure
from trafiklex.model.markdown_render import Converter, raw
from trafiklex.model.page_source import expand_text
from trafiklex.model.pagecheck import front_matter

DOCS = "docs"


@dataclass(frozen=True)
class Part:
    """Where a data table stands in a document's text: its kind, the table it names (a glossary's id)
    and its clauses in this language."""
    kind: str
    argument: str | None
    clauses: tuple[Clause, ...]


@dataclass
class Text:
    """A document in one language: its blocks (running HTML, and the data tables where the page
    shows them) and its clauses in printed order."""
    document: str
    lang: str
    source: str                 # the page it is read from, for messages ('docs/en/<page>.md')
    meta: dict                  # the page's front matter
    blocks: list                # str (HTML of the running text, with note marks) | Part, in order
    preamble: str               # the HTML before the first clause (a letterhead)
    clauses: list[Clause]
    links: tuple[str, ...] = ()  # every link the running text makes, as written
    unplaced: tuple[str, ...] = ()  # running text after a table that no clause holds (model.checks says so)
    by_id: dict[str, Clause] = field(default_factory=dict)

    def __post_init__(self):
        self.by_id = {}
        for clause in self.clauses:
            self.by_id.setdefault(clause.id, clause)

    def get(self, clause_id: str) -> Clause | None:
        return self.by_id.get(clause_id)

    def printed_ids(self) -> set[str]:
        return {c.id for c in self.clauses if not c.gap}

    def ids(self) -> set[str]:
        return set(self.by_id)

    def parts(self) -> list[Part]:
        return [block for block in self.blocks if isinstance(block, Part)]

    def notes_placed(self) -> list[str]:
        """The editorial notes the page shows in its running text, in order."""
        return [m.group(2) for block in self.blocks if isinstance(block, str) for m in NOTE_MARK.finditer(block)]


# Where the running text shows an editorial note: a mark the views replace with the note. The mark
# carries the edition's own token, which no page can know (a page cannot make a note appear).
NOTE_MARK = re.compile(r'<div data-note="([0-9a-f]+):([a-z0-9][a-z0-9-]*)"></div>')
PART_MARK = re.compile(r'<div data-part="([0-9a-f]+):([a-z_]+):([a-z0-9_-]*)"></div>')


class Edition:
    def __init__(self, corpus: Corpus):
        self.corpus = corpus
        self.root = corpus.root
        self.token = secrets.token_hex(8)  # (the marks of this edition's texts)
        self._texts: dict[tuple[str, str], Text] | None = None
        self._converters: dict[str, Converter] = {}
        self._lock = threading.RLock()
        self.renders: Counter = Counter()  # (page path, lang) → times its Markdown was converted (once)
        self._labels: dict[tuple, str] = {}

    # --- the languages and documents --------------------------------------------------------------
    @property
    def languages(self) -> tuple[str, ...]:
        return self.corpus.languages.codes

    @property
    def documents(self) -> list[dict]:
        return self.corpus.documents

    def document_of_page(self, path: str) -> str | None:
        return next((d["id"] for d in self.documents if d["page"] == path), None)

    def converter(self, lang: str) -> Converter:
        """The Markdown converter of a language's pages (one each: its permalinks titled in it)."""
        with self._lock:
            if lang not in self._converters:
                self._converters[lang] = Converter(self.corpus.catalog.word(lang, "labels.permalink"))
            return self._converters[lang]

    # --- documents ----------------------------------------------------------------------------------
    def texts(self) -> dict[tuple[str, str], Text]:
        """Every document in every language, cut into clauses (a read of every document: trafiklex.core.reads)."""
        reads.record(d["id"] for d in self.documents)
        return self.read_all()

    def text(self, document_id: str, lang: str) -> Text:
        reads.record((document_id,))
        return self.read_all()[(document_id, lang)]

    def read_all(self) -> dict[tuple[str, str], Text]:
        """The texts, built once, all together (what the data says about a clause may come from another
        document), without recording a read: each use of a text records its own."""
        with self._lock:
            if self._texts is None:
                self._texts = {(d["id"], lang): self._read(d, lang) for d in self.documents for lang in self.languages}
                _enrich(self)
            return self._texts

    def clause(self, document_id: str, clause_id: str, lang: str) -> Clause | None:
        return self.text(document_id, lang).get(clause_id)

    def _read(self, document: dict, lang: str) -> Text:
        """A document's page in `lang`: its running text converted once, its tables' clauses from the
        data where the page shows them."""
        page = document["page"]
        name = f"{DOCS}/{lang}/{page}.md"
        path = self.root / DOCS / lang / f"{page}.md"
        if not path.is_file():
            raise DataError([Problem(name, "the page is missing", expected=f"the page '{page}' in {DOCS}/{lang}/")])
        source = path.read_text(encoding="utf-8")
        markdown_text = expand_text(source, name, self._marks(document["id"]))
        rendered = self.converter(lang).convert(markdown_text)
        self.renders[(page, lang)] += 1
        blocks, preamble, clauses, unplaced = [], "", [], []
        position = 0
        for match in PART_MARK.finditer(rendered.html):
            if match.group(1) != self.token:
                continue
            blocks.append(rendered.html[position:match.start()])
            kind, argument = match.group(2), match.group(3) or None
            blocks.append(Part(kind, argument, tuple(data_clauses.clauses(self.corpus, document["id"], kind, argument, lang))))
            position = match.end()
        blocks.append(rendered.html[position:])
        for block in blocks:
            if isinstance(block, Part):
                clauses.extend(block.clauses)
                continue
            leading, running = cut(block, document["id"], lang)
            if not clauses:
                preamble = leading
            elif plain_text(leading):
                unplaced.append(plain_text(leading))
            clauses.extend(running)
        structure(clauses)
        return Text(document["id"], lang, name, front_matter(source), blocks, preamble, clauses, rendered.links,
                    tuple(unplaced))

    def _marks(self, document_id: str) -> dict:
        """What a document's page macros stand for in the model: where a table is, where a note is."""
        token = self.token

        def part(kind: str):
            return lambda argument="": raw(f'<div data-part="{token}:{kind}:{argument}"></div>')

        marks = {kind.macro: part(kind.name) for kind in tables.TABLES.values()}
        marks["note"] = lambda note_id: raw(f'<div data-note="{token}:{note_id}"></div>')
        return marks

    # --- numbering and labels ---------------------------------------------------------------------------
    def printed_numbers(self, document_id: str, lang: str) -> dict[str, str]:
        """The numbers a language prints for the document's sections (its level-2 headings: the
        English Child Trafficking Strategy numbers its sections one higher from VIII's second part
        on), and the words that name its unnumbered clauses: a glossary entry by its abbreviation, a
        routing instruction by the question it follows."""
        def read() -> dict[str, str]:
            numbers = {c.id: c.number for c in self.text(document_id, lang).clauses if c.tag == "h2" and c.number}
            for glossary in self.corpus.glossaries:
                if glossary["document"] == document_id:
                    numbers.update({f"{glossary['anchor']}__{e['institution']}": e["abbr"]
                                    for e in glossary["entries"].get(lang, [])})
            questionnaire = self.corpus.table(document_id, "questionnaire") or {}
            numbers.update({r["id"]: r["after"].removeprefix("q_") for r in questionnaire.get("routing", [])})
            return numbers
        return self.corpus.memo(("printed-numbers", document_id, lang), read)

    def label(self, document_id: str, clause_id: str, lang: str, heading: bool = False) -> str:
        """The clause's printed numbering in words of `lang`: "neni 5, A.4" (heading: "Neni 5, A.4")."""
        key = (document_id, clause_id, lang, heading)
        reads.record((document_id,))  # (kept here once made: each use is a read of the document's text)
        if key not in self._labels:
            words = self.corpus.words(lang, "numbering")
            parsed = ClauseId.parse(clause_id)
            printed = self.printed_numbers(document_id, lang)
            self._labels[key] = parsed.heading_label(words, printed) if heading else parsed.label(words, printed)
        return self._labels[key]


def duties(corpus: Corpus) -> dict[tuple[str, str], list[str]]:
    """(document, clause id) → the bodies its data gives a duty to, in either language: an activity's
    responsible bodies and partners, a commitment's (or its party's), a duty its running text
    assigns, a glossary entry's body."""
    found: dict[tuple[str, str], list[str]] = {}

    def add(key, bodies):
        seen = found.setdefault(key, [])
        seen.extend(b for b in bodies if b not in seen)

    languages = corpus.languages.codes
    for document, _, _, activity in corpus.activities():
        for lang in languages:
            for cell in ("responsible", "partners"):
                add((document, activity["id"]), activity.get(cell, {}).get(lang, {}).get("bodies", []))
    for document, table in corpus.tables("commitments"):
        for party in table["parties"]:
            for commitment in party["commitments"]:
                add((document, commitment["id"]), commitment.get("bodies", party["bodies"]) + commitment.get("partners", []))
    for document, _, assignment in corpus.assignments():
        for lang in languages:
            add((document, assignment["id"]), assignment["bodies"].get(lang, []))
    for glossary in corpus.glossaries:
        for entries in glossary["entries"].values():
            for entry in entries:
                add((glossary["document"], tables.glossary_entry_id(glossary, entry)), [entry["institution"]])
    return found


def _enrich(edition: Edition) -> None:
    """What the data says about each clause, joined on its id: the bodies it obliges, its editorial
    notes, the references it makes, its topics and the languages that print it."""
    corpus = edition.corpus
    printed_in: dict[tuple, list[str]] = {}
    for (document, lang), text in edition._texts.items():
        for clause in text.clauses:
            if not clause.gap:
                printed_in.setdefault((document, clause.id), []).append(lang)
    parents: dict[str, dict[str, str | None]] = {}  # document → clause id → its parent (the authoritative text's first)
    for lang in edition.languages:
        for document in edition.documents:
            for clause in edition._texts[(document["id"], lang)].clauses:
                parents.setdefault(document["id"], {}).setdefault(clause.id, clause.parent)
    bodies = duties(corpus)
    for (document, lang), text in edition._texts.items():
        for clause in text.clauses:
            key = (document, clause.id)
            clause.bodies = tuple(bodies.get(key, ()))
            clause.notes = tuple(n["id"] for n in corpus.notes_at(clause.id, document))
            clause.printed_in = tuple(printed_in.get(key, ()))
            clause.references = tuple((r.document, r.target) for r in corpus.find_references(clause.text, document, lang))
            clause.topics = topics.resolve(corpus, document, clause.id, parents[document])


def edition_of(corpus: Corpus) -> Edition:
    """The edition of this corpus (made once; a changed data file or page makes a new corpus or
    clears what was derived from it)."""
    return corpus.memo("edition", lambda: Edition(corpus))
