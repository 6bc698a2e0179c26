"""The edition model: the edition → its documents → per language, the ordered clauses; and every page
of the site, each rendered from its Markdown once.

Built once per build (and again only when a data file or a page changes: `edition_of`). Every
output is a projection of it: the site's pages (hooks hand MkDocs the HTML made here), the search
index, citations, the side-by-side views and the translators' reports (joins on clause ids), the
printed editions and the open data. Plain Python: no MkDocs here.
"""
from __future__ import annotations

import re
import threading
from collections import Counter
from dataclasses import dataclass, field

from trafiklex.data.corpus import Corpus
from trafiklex.core.errors import DataError, Problem
from trafiklex.model.page_source import expand_text
from trafiklex.model.pagecheck import front_matter
from trafiklex.model.clauses import Clause, cut
from trafiklex.core.ids import ClauseId
from trafiklex.model.markdown_render import Converter

DOCS = "docs"
# pages made from the data, not written by hand: front matter key → (macro, folder)
GENERATED = {"institution_id": ("institution", "institutions"), "parallel_of": ("parallel", "parallel"),
             "topic_id": ("topic", "topics")}
GENERATED_FOLDERS = tuple(folder for _, folder in GENERATED.values())

@dataclass
class Page:
    """One page of the site in one language, rendered from its Markdown once."""
    path: str                   # 'nrm-agreement', 'institutions/molsa', 'parallel/nrm-agreement'
    lang: str
    source: str                 # the file it is made from, for messages ('docs/en/nrm-agreement.md')
    meta: dict                  # its front matter
    title: str                  # plain text
    html: str                   # its content (before the site's reading aids)
    toc: list[dict]             # level, id, name, children
    links: tuple[str, ...]      # every link it makes, as written

    @property
    def document(self) -> str | None:
        return self.meta.get("document")

    def ids(self) -> list[str]:
        return re.findall(r"<[a-zA-Z][^>]*?\sid=\"([^\"]+)\"", self.html)


@dataclass
class Text:
    """A document in one language: its page and its clauses in printed order."""
    document: str
    lang: str
    page: Page
    preamble: str               # the HTML before the first clause (a letterhead)
    clauses: list[Clause]
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


class Edition:
    def __init__(self, corpus: Corpus):
        self.corpus = corpus
        self.root = corpus.root
        self._pages: dict[tuple[str, str], Page] = {}
        self._texts: dict[tuple[str, str], Text] | None = None
        self._converters: dict[str, Converter] = {}
        self._lock = threading.RLock()
        self.renders: Counter = Counter()  # (path, lang) → times its Markdown was converted (once)
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

    # --- pages ------------------------------------------------------------------------------------
    def generated(self) -> dict[str, tuple[str, str]]:
        """The pages made from the data (institutions, side-by-side views): path → (macro, argument)."""
        def compute():
            out = {f"institutions/{institution}": ("institution", institution) for institution in self.corpus.institutions.by_id}
            out.update({f"parallel/{d['page']}": ("parallel", d["id"]) for d in self.documents})
            out.update({f"topics/{t['id']}": ("topic", t["id"]) for t in self.corpus.data("topics.yml")["topics"]})
            return out
        return self.corpus.memo("generated-pages", compute)

    def generated_sources(self) -> dict[str, str]:
        """The generated pages as Markdown sources (what would render them: MkDocs needs the files)."""
        out = {}
        for path, (macro, argument) in self.generated().items():
            key = next(key for key, (name, _) in GENERATED.items() if name == macro)
            out[path] = f"---\n{key}: {argument}\n---\n\n{{{{ {macro}(\"{argument}\") }}}}\n"
        return out

    def page_paths(self, lang: str) -> list[str]:
        """Every page of the site in `lang`: the written ones, then the generated ones."""
        folder = self.root / DOCS / lang
        written = sorted(p.relative_to(folder).with_suffix("").as_posix() for p in folder.rglob("*.md")
                         if p.relative_to(folder).parts[0] not in GENERATED_FOLDERS)
        return written + sorted(self.generated())

    def _source(self, path: str, lang: str) -> tuple[str, str]:
        file = self.root / DOCS / lang / f"{path}.md"
        name = f"{DOCS}/{lang}/{path}.md"
        if not file.is_file():
            raise DataError([Problem(name, "the page is missing", expected=f"the page '{path}' in {DOCS}/{lang}/")])
        return file.read_text(encoding="utf-8"), name

    def _converter(self, lang: str) -> Converter:
        if lang not in self._converters:
            self._converters[lang] = Converter(self.corpus.catalog.word(lang, "labels.permalink"))
        return self._converters[lang]

    def page(self, path: str, lang: str) -> Page:
        """The page, rendered once (a page's macros may read other pages' clauses: the documents are
        rendered first)."""
        key = (path, lang)
        with self._lock:
            if key not in self._pages:
                self._pages[key] = self._render(path, lang)
            return self._pages[key]

    def _render(self, path: str, lang: str) -> Page:
        from trafiklex.website.site_macros import functions  # the macros a page may call (they render from this model)

        if path in self.generated():
            macro, argument = self.generated()[path]
            key = next(key for key, (name, _) in GENERATED.items() if name == macro)
            name, meta = f"{DOCS}/{lang}/{path}.md", {key: argument}
            self.texts()
            markdown_text = functions(self.corpus, lang, path)[macro](argument)
        else:
            text, name = self._source(path, lang)
            meta = front_matter(text)
            macros = functions(self.corpus, lang, path, meta.get("document"))
            if meta.get("document") is None:
                self.texts()  # the documents first: other pages are built on their clauses
            markdown_text = expand_text(text, name, macros)
        rendered = self._converter(lang).convert(markdown_text)
        self.renders[(path, lang)] += 1
        return Page(path=path, lang=lang, source=name, meta=meta, title=self._title(path, lang, meta, rendered.toc),
                    html=rendered.html, toc=rendered.toc, links=rendered.links)

    def _title(self, path: str, lang: str, meta: dict, toc: list[dict]) -> str:
        corpus = self.corpus
        if meta.get("document"):
            return corpus.document(meta["document"])["short_title"][lang]
        if meta.get("institution_id"):
            return corpus.institutions.get(meta["institution_id"])["name"][lang]
        if meta.get("parallel_of"):
            from trafiklex.views.render_translations import parallel_title
            return parallel_title(corpus, meta["parallel_of"], lang)
        if meta.get("topic_id"):
            from trafiklex.queries.topics import full_name
            return corpus.words(lang, "topics.page_title").format(name=full_name(corpus, meta["topic_id"], lang))
        if isinstance(meta.get("title"), str):
            return meta["title"]
        first = next((t for t in toc if t["level"] == 1), None)
        return first["name"] if first else path.rsplit("/", 1)[-1].replace("-", " ").capitalize()

    # --- documents ----------------------------------------------------------------------------------
    def texts(self) -> dict[tuple[str, str], Text]:
        """Every document in every language, cut into clauses (built once, all together: what the
        data says about a clause may come from another document's page)."""
        with self._lock:
            if self._texts is None:
                texts = {}
                for document in self.documents:
                    for lang in self.languages:
                        page = self.page(document["page"], lang)
                        preamble, clauses = cut(page.html, document["id"], lang)
                        texts[(document["id"], lang)] = Text(document["id"], lang, page, preamble, clauses)
                self._texts = texts
                _enrich(self)
            return self._texts

    def text(self, document_id: str, lang: str) -> Text:
        return self.texts()[(document_id, lang)]

    def clause(self, document_id: str, clause_id: str, lang: str) -> Clause | None:
        return self.text(document_id, lang).get(clause_id)

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
        if key not in self._labels:
            words = self.corpus.words(lang, "numbering")
            parsed = ClauseId.parse(clause_id)
            printed = self.printed_numbers(document_id, lang)
            self._labels[key] = parsed.heading_label(words, printed) if heading else parsed.label(words, printed)
        return self._labels[key]

    # --- checks ---------------------------------------------------------------------------------------
    def check(self) -> list[Problem]:
        """What only the rendered pages can tell (trafiklex.model.checks)."""
        from trafiklex.model.checks import check
        return check(self)


def _enrich(edition: Edition) -> None:
    """What the data says about each clause, joined on its id: its kind (for the data's clauses), the
    bodies it obliges, its editorial notes, the references it makes and its topics."""
    from trafiklex.queries.obligations import all_obligations
    from trafiklex.queries.topics import resolve as topics_of

    corpus = edition.corpus
    kinds, items = {}, {}
    for document in edition.documents:
        for _, item in corpus.items(document["id"]):
            if item.kind != "glossary_entry":
                kinds[(document["id"], item.id)], items[(document["id"], item.id)] = item.kind, item.data
    for glossary in corpus.glossaries:
        for lang, entries in glossary["entries"].items():
            for entry in entries:
                key = (glossary["document"], f"{glossary['anchor']}__{entry['institution']}")
                kinds[key] = "glossary_entry"
                items.setdefault(key, {})[lang] = entry
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
    bodies: dict[tuple, list[str]] = {}
    for obligation in all_obligations(corpus):
        bodies[(obligation.document, obligation.id)] = obligation.institutions()
    for (document, lang), text in edition._texts.items():
        for clause in text.clauses:
            key = (document, clause.id)
            if key in kinds:
                clause.kind, clause.data = kinds[key], items[key]
            if kinds.get(key) == "glossary_entry":
                clause.bodies = (clause.id.rsplit("__", 1)[1],)
            else:
                clause.bodies = tuple(bodies.get(key, ()))
            clause.notes = tuple(n["id"] for n in corpus.notes_at(clause.id, document))
            clause.printed_in = tuple(printed_in.get((document, clause.id), ()))
            clause.references = tuple((r.document, r.target) for r in corpus.find_references(clause.text, document, lang))
            clause.topics = topics_of(corpus, document, clause.id, parents[document])


def edition_of(corpus: Corpus) -> Edition:
    """The edition of this corpus (made once; a changed data file or page makes a new corpus or
    clears what was derived from it)."""
    return corpus.memo("edition", lambda: Edition(corpus))
