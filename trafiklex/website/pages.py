"""Every page of the site, in every language, each rendered once.

A document's page is the edition's text of it (trafiklex.views.document_page: its running text,
converted once by the model, with its tables and notes laid out). Every other page — written ones
(docs/<lang>/*.md) and those made from the data (an institution's obligations, a document side by
side, a topic) — is its Markdown with the site's macros expanded in a sandbox (trafiklex.website.
site_macros: views that receive the edition), converted once. The hooks hand MkDocs what is made here;
the search index, the checks of the pages and the reading aids read it."""
from __future__ import annotations

import re
import threading
from collections import Counter
from dataclasses import dataclass

from trafiklex.core import reads
from trafiklex.core.errors import DataError, Problem
from trafiklex.data import generated_pages
from trafiklex.model.edition import DOCS, Edition, edition_of
from trafiklex.model.page_source import expand_text
from trafiklex.model.pagecheck import front_matter
from trafiklex.queries import topics
from trafiklex.views import document_page
from trafiklex.views.render_translations import parallel_title
from trafiklex.website import page_cache
from trafiklex.website.site_macros import functions

# pages made from the data, not written by hand: front matter key → (macro, folder)
GENERATED, GENERATED_FOLDERS = generated_pages.KINDS, generated_pages.FOLDERS


@dataclass
class Page:
    """One page of the site in one language, rendered once."""
    path: str                   # '<page>', 'institutions/<institution>', 'parallel/<page>'
    lang: str
    source: str                 # the file it is made from, for messages ('docs/en/<page>.md')
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


class SitePages:
    def __init__(self, edition: Edition):
        self.edition = edition
        self.corpus = edition.corpus
        self.root = edition.root
        self._pages: dict[tuple[str, str], tuple[Page, list[str]]] = {}  # (path, lang) → the page, what its render read
        self._lock = threading.RLock()
        self.renders: Counter = edition.renders  # (path, lang) → times the page was made (converted, or from the cache): once

    def generated(self) -> dict[str, tuple[str, str]]:
        """The pages made from the data (institutions, side-by-side views, topics): path → (macro, argument)."""
        def compute():
            out = {f"institutions/{institution}": ("institution", institution) for institution in self.corpus.institutions.by_id}
            out.update({f"parallel/{d['page']}": ("parallel", d["id"]) for d in self.corpus.documents})
            out.update({f"topics/{t['id']}": ("topic", t["id"]) for t in topics.vocabulary(self.corpus)})
            return out
        return self.corpus.memo("generated-pages", compute)

    def generated_sources(self) -> dict[str, str]:
        """The generated pages as Markdown sources (what would render them: MkDocs needs the files)."""
        return {path: generated_pages.source(next(key for key, (name, _) in GENERATED.items() if name == macro), argument)
                for path, (macro, argument) in self.generated().items()}

    def write_generated(self) -> list[Problem]:
        """Write the generated pages into docs/<lang>/<folder>/, removing those the data no longer makes
        (trafiklex.data.generated_pages.sync); an editor's file there is a problem."""
        return generated_pages.sync(self.root / DOCS, self.corpus.languages.codes, self.generated_sources())

    def page_paths(self, lang: str) -> list[str]:
        """Every page of the site in `lang`: the written ones, then the generated ones."""
        folder = self.root / DOCS / lang
        written = [p.relative_to(folder).with_suffix("").as_posix() for p in generated_pages.written(self.root / DOCS)
                   if p.is_relative_to(folder)]
        return written + sorted(self.generated())

    def page(self, path: str, lang: str) -> Page:
        """The page, rendered once, or taken from the build cache if what its render read is unchanged
        (trafiklex.website.page_cache); what it read is recorded (trafiklex.core.reads) each time it is
        used. The edition's texts are read first (a page's macros may read the documents' clauses)."""
        key = (path, lang)
        with self._lock:
            if key not in self._pages:
                self.edition.read_all()
                page, names, rendered = page_cache.kept(self, path, lang, lambda: self._render(path, lang),
                                                          lambda fields: Page(path=path, lang=lang, **fields))
                if not rendered and self.edition.document_of_page(path) is None:
                    self.renders[key] += 1  # (made once: its Markdown converted in a build before, as it would be now)
                self._pages[key] = (page, names)
            page, names = self._pages[key]
            reads.record(names)
            return page

    def _render(self, path: str, lang: str) -> Page:
        corpus = self.corpus
        document = self.edition.document_of_page(path)
        if document is not None:
            text = self.edition.text(document, lang)
            html = document_page.html(self.edition, document, lang)
            return Page(path, lang, text.source, text.meta, corpus.document(document)["short_title"][lang], html,
                        document_page.toc(html), text.links)
        if path in self.generated():
            macro, argument = self.generated()[path]
            key = next(key for key, (name, _) in GENERATED.items() if name == macro)
            name, meta = f"{DOCS}/{lang}/{path}.md", {key: argument}
            markdown_text = functions(self.edition, lang, path)[macro](argument)
        else:
            file = self.root / DOCS / lang / f"{path}.md"
            name = f"{DOCS}/{lang}/{path}.md"
            if not file.is_file():
                raise DataError([Problem(name, "the page is missing", expected=f"the page '{path}' in {DOCS}/{lang}/")])
            source = file.read_text(encoding="utf-8")
            meta = front_matter(source)
            markdown_text = expand_text(source, name, functions(self.edition, lang, path))
        rendered = self.edition.converter(lang).convert_kept(markdown_text)
        self.renders[(path, lang)] += 1
        return Page(path=path, lang=lang, source=name, meta=meta, title=self._title(path, lang, meta, rendered.toc),
                    html=rendered.html, toc=rendered.toc, links=rendered.links)

    def _title(self, path: str, lang: str, meta: dict, toc: list[dict]) -> str:
        corpus = self.corpus
        if meta.get("institution_id"):
            return corpus.institutions.get(meta["institution_id"])["name"][lang]
        if meta.get("parallel_of"):
            return parallel_title(corpus, meta["parallel_of"], lang)
        if meta.get("topic_id"):
            return corpus.words(lang, "topics.page_title").format(name=topics.full_name(corpus, meta["topic_id"], lang))
        if isinstance(meta.get("title"), str):
            return meta["title"]
        first = next((t for t in toc if t["level"] == 1), None)
        return first["name"] if first else path.rsplit("/", 1)[-1].replace("-", " ").capitalize()

    def check(self) -> list[Problem]:
        """What only the site's pages can tell (trafiklex.website.checks)."""
        from trafiklex.website.checks import check  # (the checks read the pages)
        return check(self)


def site_pages(edition: Edition) -> SitePages:
    """The pages of this edition's site (made once per edition)."""
    return edition.corpus.memo("site-pages", lambda: SitePages(edition))


def pages_of(corpus) -> SitePages:
    return site_pages(edition_of(corpus))
