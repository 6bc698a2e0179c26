"""Checks on the pages (Markdown sources and the HTML built from them) that stop a bad build."""
from __future__ import annotations

import re
from pathlib import Path

import jinja2
import jinja2.nodes
import yaml

from trafiklex.model import page_sandbox
from trafiklex.data import generated_pages, tables
from trafiklex.data.corpus import Corpus
from trafiklex.core import tree
from trafiklex.core.errors import Problem
from trafiklex.model.macro_names import ARGUMENTS

MACRO_CALL = re.compile(r"\{\{\s*(\w+)\s*\((.*?)\)\s*\}\}")
MACROS = ARGUMENTS  # macro name → what its argument must name
TEMPLATES = jinja2.Environment()  # mkdocs-macros' default syntax
# a stand-in for each macro, taking the arguments it takes (for page_sandbox.outside)
_STAND_INS = {name: (lambda: None) if kind is None else (lambda argument: None) for name, kind in MACROS.items()}


def written(docs_dir: Path, folder: Path) -> list[Path]:
    """The pages under `folder` but those the build made from the data (trafiklex.data.generated_pages:
    what they call is the data's, and one left of a removed document is not a problem of the pages)."""
    return [path for path in tree.listed(folder, "*.md")
            if not (generated_pages.in_folders(docs_dir, path) and generated_pages.is_generated(path))]


def page_pairs(docs_dir: Path, languages: tuple[str, ...]) -> list[Problem]:
    """Every page exists in every language, at the same path."""
    problems = []
    pages = {lang: {p.relative_to(docs_dir / lang) for p in written(docs_dir, docs_dir / lang)} for lang in languages}
    for lang in languages:
        for other in languages:
            for page in sorted(pages[lang] - pages[other]):
                problems.append(Problem(f"docs/{lang}/{page}", f"this page is in docs/{lang}/ but not in docs/{other}/",
                                        expected=f"the same page in docs/{other}/{page}"))
    return problems


def macro_calls(source: str, file: str, corpus: Corpus, document: str | None) -> list[Problem]:
    """Macro calls name known macros, and their arguments name known notes, glossaries, documents."""
    problems = []
    known = {
        "document": {d["id"] for d in corpus.documents},
        "glossary": {g["id"] for g in corpus.glossaries if g["document"] == document},
        "questionnaire": {d for d, _ in corpus.tables("questionnaire")},
        "note": {n["id"] for n in corpus.notes_for(document)} if document else set(),
        "institution": set(corpus.institutions.by_id),
        "topic": {t["id"] for t in corpus.data("topics.yml")["topics"]},
    }
    for match in MACRO_CALL.finditer(source):
        line = source[: match.start()].count("\n") + 1
        name, argument = match.group(1), match.group(2).strip().strip("\"'")
        if name not in MACROS:
            problems.append(Problem(file, f"unknown macro '{name}'", line=line, expected="one of " + ", ".join(sorted(MACROS))))
        elif name in tables.BY_MACRO and (document is None or corpus.table(document, tables.BY_MACRO[name].name) is None):
            kind = tables.BY_MACRO[name]
            problems.append(Problem(file, f"{name}() shows {kind.description} of the page's document, and "
                                          + (f"the document {document} has none" if document else "the page is no document's"),
                                    line=line, expected=f"the table in data/documents/{document or '<document>'}/{kind.file}, "
                                                        "on the page of its document (front matter `document:`)"))
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
    site's macros and only calls them, with quoted arguments (trafiklex.model.page_sandbox): what the
    macros plugin would otherwise stop on with a traceback, or run."""
    try:
        tree = TEMPLATES.parse(source)
    except jinja2.TemplateSyntaxError as error:
        return [Problem(file, f"template syntax error: {error.message}", line=error.lineno,
                        expected='complete macro calls, e.g. {{ note("note-id") }}')]
    problems = []
    # the names the page uses, read from the parsed page (not jinja2.meta, which compiles the page and
    # would work out whatever constant arithmetic it holds: {{ 'x' * 1000000000 }})
    first_line: dict[str, int] = {}
    for node in tree.find_all(jinja2.nodes.Name):
        first_line[node.name] = min(first_line.get(node.name, node.lineno), node.lineno)
    for name in sorted(set(first_line) - set(MACROS)):
        problems.append(Problem(file, f"unknown macro '{name}'", line=first_line[name],
                                expected="one of " + ", ".join(sorted(MACROS))))
    problems += [Problem(file, f"the page may only call macros, not use {what}", line=line, expected=page_sandbox.EXPECTED)
                 for line, what in page_sandbox.outside(tree, _STAND_INS)]
    return problems


def tables_shown(docs_dir: Path, corpus: Corpus) -> list[Problem]:
    """Each table of a document is shown on the document's page in every language (a table no page
    shows would be clauses that exist nowhere): its macro is called there (a glossary's with its id)."""
    problems = []
    for document in corpus.documents:
        for lang in corpus.languages:
            path = docs_dir / lang / f"{document['page']}.md"
            if not path.is_file():
                continue
            calls = {(m.group(1), m.group(2).strip().strip("\"'")) for m in MACRO_CALL.finditer(path.read_text(encoding="utf-8"))}
            for kind in tables.TABLES.values():
                table = corpus.table(document["id"], kind.name)
                if table is None:
                    continue
                wanted = [(kind.macro, g["id"]) for g in table["glossaries"]] if kind.argument else [(kind.macro, "")]
                located = corpus.located(document["id"], kind.name)
                for macro, argument in wanted:
                    if (macro, argument) not in calls:
                        call = f'{{{{ {macro}("{argument}") }}}}' if argument else f"{{{{ {macro}() }}}}"
                        problems.append(Problem(located.file, f"the table is not shown on docs/{lang}/{document['page']}.md",
                                                line=1, expected=f"{call} where it stands on that page"))
    return problems


def all_pages(docs_dir: Path, corpus: Corpus) -> list[Problem]:
    """template_names(), front_matter_document() and macro_calls() on every page, before any is
    rendered (a page's macros may render other pages: the side-by-side views and the divergence
    report render the documents)."""
    problems = []
    for path in written(docs_dir, docs_dir):
        source = path.read_text(encoding="utf-8")
        name = f"docs/{path.relative_to(docs_dir).as_posix()}"
        document = front_matter(source).get("document")
        problems += (template_names(source, name) or front_matter_document(document, name, corpus)
                     or macro_calls(source, name, corpus, document))
    return problems or tables_shown(docs_dir, corpus)
