"""Checks on the pages (Markdown sources and the HTML built from them) that stop a bad build."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import jinja2
import jinja2.meta
import yaml

from .clauses import clause_ids
from .corpus import Corpus
from .errors import Problem
from .macro_names import ARGUMENTS

LANGUAGES_DIRS = ("sq", "en")
MACRO_CALL = re.compile(r"\{\{\s*(\w+)\s*\((.*?)\)\s*\}\}")
MACROS = ARGUMENTS  # macro name → what its argument must name
TEMPLATES = jinja2.Environment()  # mkdocs-macros' default syntax


def page_pairs(docs_dir: Path) -> list[Problem]:
    """Every page exists in both languages, at the same path."""
    problems = []
    pages = {lang: {p.relative_to(docs_dir / lang) for p in (docs_dir / lang).rglob("*.md")} for lang in LANGUAGES_DIRS}
    for lang, other in (("sq", "en"), ("en", "sq")):
        for page in sorted(pages[lang] - pages[other]):
            problems.append(Problem(f"docs/{lang}/{page}", "this page exists in one language only",
                                    expected=f"the same page in docs/{other}/{page}"))
    return problems


def macro_calls(source: str, file: str, corpus: Corpus, document: str | None) -> list[Problem]:
    """Macro calls name known macros, and their arguments name known notes, glossaries, documents."""
    problems = []
    known = {
        "document": {d["id"] for d in corpus.documents},
        "glossary": {g["id"] for g in corpus.glossaries},
        "note": {n["id"] for n in corpus.notes_for(document)} if document else set(),
        "institution": set(corpus.institutions.by_id),
    }
    for match in MACRO_CALL.finditer(source):
        line = source[: match.start()].count("\n") + 1
        name, argument = match.group(1), match.group(2).strip().strip("\"'")
        if name not in MACROS:
            problems.append(Problem(file, f"unknown macro '{name}'", line=line, expected="one of " + ", ".join(sorted(MACROS))))
        elif MACROS[name] and argument not in known[MACROS[name]]:
            where = f" of document {document}" if name == "note" else ""
            problems.append(Problem(file, f"{name}(\"{argument}\") names no known {MACROS[name]}{where}", line=line,
                                    expected=f"one of: {', '.join(sorted(known[MACROS[name]])) or '(none defined)'}"))
    return problems


FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)


def front_matter(source: str) -> dict:
    """The YAML front matter of a page's Markdown ({} if it has none)."""
    match = FRONT_MATTER.match(source)
    try:
        meta = yaml.load(match.group(1), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) if match else {}
    except yaml.YAMLError:
        return {}  # MkDocs reports the broken front matter when it reads the page
    return meta if isinstance(meta, dict) else {}


def front_matter_document(document: str | None, file: str, corpus: Corpus) -> list[Problem]:
    """The document a page's front matter names (if any) is a known one."""
    ids = {d["id"] for d in corpus.documents}
    if document is None or document in ids:
        return []
    return [Problem(file, f"unknown document '{document}' in the front matter", line=2, field="document",
                    expected="one of " + ", ".join(sorted(ids)))]


def template_names(source: str, file: str) -> list[Problem]:
    """The page is a well-formed template (no unclosed {{ … }} or {% … %}) that names only the
    site's macros: what the macros plugin would otherwise stop on with a traceback."""
    try:
        tree = TEMPLATES.parse(source)
    except jinja2.TemplateSyntaxError as error:
        return [Problem(file, f"template syntax error: {error.message}", line=error.lineno,
                        expected='complete macro calls, e.g. {{ note("note-id") }}')]
    problems = []
    for name in sorted(jinja2.meta.find_undeclared_variables(tree) - set(MACROS)):
        line = next((n for n, text in enumerate(source.splitlines(), start=1)
                     if re.search(r"\{[{%][^}]*\b" + re.escape(name) + r"\b", text)), None)
        problems.append(Problem(file, f"unknown macro '{name}'", line=line,
                                expected="one of " + ", ".join(sorted(MACROS))))
    return problems


def all_pages(docs_dir: Path, corpus: Corpus) -> list[Problem]:
    """template_names(), front_matter_document() and macro_calls() on every page, before any is
    rendered (a page's macros may render other pages: the side-by-side views and the divergence
    report render the documents)."""
    problems = []
    for path in sorted(docs_dir.rglob("*.md")):
        source = path.read_text(encoding="utf-8")
        name = f"docs/{path.relative_to(docs_dir).as_posix()}"
        document = front_matter(source).get("document")
        problems += (template_names(source, name) or front_matter_document(document, name, corpus)
                     or macro_calls(source, name, corpus, document))
    return problems


def clause_parity(corpus: Corpus, document_id: str, html_by_lang: dict[str, str]) -> list[Problem]:
    """Once both languages of a document are built: the same clause ids in both, but for the clauses
    the data declares printed in one language only (so that a link survives a language switch)."""
    page = corpus.document(document_id)["page"]
    ids = {lang: set(clause_ids(html)) for lang, html in html_by_lang.items()}
    problems = []
    for lang, other in (("sq", "en"), ("en", "sq")):
        declared = corpus.declared_only_in(document_id, lang)
        for anchor in sorted(ids[lang] - ids[other] - declared):
            problems.append(Problem(f"docs/{other}/{page}.md", f"no clause '{anchor}', which the {lang} page has",
                                    expected=f"the anchor {{: #{anchor} }} here too, or the clause listed under only_in: "
                                             f"{lang} for {document_id} in data/documents.yml"))
    return problems


ID_ATTRIBUTE = re.compile(r"<[a-zA-Z][^>]*?\sid=\"([^\"]+)\"")


def element_ids(html_text: str) -> list[str]:
    """The id attributes of a page's elements (the pages are MkDocs' own well-formed output)."""
    return ID_ATTRIBUTE.findall(html_text)


def built_page(html_text: str, file: str, corpus: Corpus, document: str | None) -> list[Problem]:
    """The built page has no duplicate anchor, and shows each editorial note of its document once."""
    problems = []
    ids = Counter(element_ids(html_text))
    for anchor, count in sorted(ids.items()):
        if count > 1:
            problems.append(Problem(file, f"the anchor '#{anchor}' is used {count} times on the page",
                                    expected="each id once per page"))
    if document:
        for note in corpus.notes_for(document):
            count = ids.get(f"note-{note['id']}", 0)
            if count != 1:
                problems.append(Problem(note["file"], f"the editorial note '{note['id']}' is shown {count} times on {file}",
                                        line=note["line"], expected='shown once: anchored to a data-rendered clause, '
                                        'or placed with {{ note("' + note["id"] + '") }} in the page'))
    return problems
