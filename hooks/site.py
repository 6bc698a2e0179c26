"""MkDocs hooks: load and check the data before anything is built, generate the institution pages,
give pages their titles, add the reading aids (links for references, acronym expansions, defined
terms), check every built page, and write the open-data downloads. A problem stops the build with a
message, not a traceback."""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

import html
import json
import shutil

from trafiklex import LANGUAGES, OTHER, csp, exports, pagecheck, search_index, staleness, translator_files
from trafiklex import corpus as corpus_module
from trafiklex.annotate import Annotator
from trafiklex.citemarks import mark as mark_citations, retarget as retarget_citations
from trafiklex.errors import DataError, Problem
from trafiklex.pdf.edition import Edition
from trafiklex.render_translations import parallel_title
from trafiklex.urls import PARALLEL_FOLDER

_root: Path | None = None  # the project being built: the folder of its mkdocs.yml
_depth = 0  # mkdocs-static-i18n builds the other languages inside the default language's build


def _stop(problems: list[Problem]):
    if problems:
        raise PluginError("\n" + DataError(problems).report())


def _corpus():
    """The corpus of this build (loaded and checked in on_config)."""
    return corpus_module.current(_root)


@event_priority(100)
def on_config(config):
    global _root
    _root = Path(config.config_file_path).resolve().parent
    try:
        corpus_module.cached(_root)  # loads, or reloads if a data file changed (mkdocs serve)
        Edition.from_environment()  # EDITION_DATE and SOURCE_DATE_EPOCH, if set, are well formed
        staleness.load(_root)  # the translators' reviews (translations/reviews.yml)
    except DataError as error:
        raise PluginError("\n" + error.report()) from None
    _stop(pagecheck.page_pairs(Path(config["docs_dir"])))
    _stop(pagecheck.all_pages(Path(config["docs_dir"]), _corpus()))
    return config


@event_priority(50)  # before mkdocs-static-i18n sorts the files by language
def on_files(files, config):
    """Pages generated from the data into docs/<lang>/ (git-ignored folders; mkdocs-static-i18n only
    handles pages that exist in docs_dir): one per institution, and the side-by-side view of every
    document. A file is rewritten only when its content changes, so that `mkdocs serve` does not
    rebuild in a loop."""
    corpus = _corpus()
    generated = {
        "institutions": {
            institution: f"---\ninstitution_id: {institution}\n---\n\n{{{{ institution(\"{institution}\") }}}}\n"
            for institution in corpus.institutions.by_id},
        PARALLEL_FOLDER: {
            document["page"]: f"---\nparallel_of: {document['id']}\n---\n\n{{{{ parallel(\"{document['id']}\") }}}}\n"
            for document in corpus.documents},
    }
    docs = Path(config["docs_dir"])
    # the generated pages go last, in sorted order, whether or not they were on disk before this build
    # (a fresh checkout's first build must list them in the same order as any later build)
    folders = tuple(f"{lang}/{folder_name}/" for lang in LANGUAGES for folder_name in generated)
    for file in [f for f in files if f.src_uri.startswith(folders)]:
        files.remove(file)
    for lang in LANGUAGES:
        for folder_name, pages in generated.items():
            folder = docs / lang / folder_name
            folder.mkdir(parents=True, exist_ok=True)
            for stale in folder.glob("*.md"):
                if stale.stem not in pages:
                    stale.unlink()
            for name, content in sorted(pages.items()):
                path = folder / f"{name}.md"
                if not path.exists() or path.read_text(encoding="utf-8") != content:
                    path.write_text(content, encoding="utf-8")
                files.append(File(f"{lang}/{folder_name}/{name}.md", str(docs), config["site_dir"],
                                  config["use_directory_urls"]))
    return files


def on_pre_build(config):
    global _depth
    _depth += 1


def on_build_error(error):
    global _depth
    _depth = 0


VENDORED = {"node_modules/iframe-worker/shim/index.js": "assets/javascripts/vendor/iframe-worker-shim.js"}


def _vendor(site: Path):
    """Front-end files installed from npm (package-lock.json) and copied into the site."""
    for source, target in VENDORED.items():
        path = _root / source
        if not path.exists():
            _stop([Problem(source, "a vendored front-end file is missing", expected="run ./scripts/setup (npm ci)")])
        (site / target).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, site / target)


def _source_name(page) -> str:
    return f"docs/{page.file.src_uri}"


def _page_name(page) -> str:
    return page.file.src_uri.split("/", 1)[1].removesuffix(".md")


@event_priority(100)  # before mkdocs-macros renders the page
def on_page_markdown(markdown, page, config, files):
    corpus = _corpus()
    document = page.meta.get("document")
    lang = page.file.locale
    _stop(pagecheck.front_matter_document(document, _source_name(page), corpus))
    # page titles from the data; the theme writes them into <title>, the header and the navigation as
    # they are, so they are escaped here (markup typed into a name shows as text)
    if document is not None:
        page.meta["title"] = html.escape(corpus.document(document)["short_title"][lang])
    if "institution_id" in page.meta:
        page.meta["title"] = html.escape(corpus.institutions.get(page.meta["institution_id"])["name"][lang])
    if "parallel_of" in page.meta:
        page.meta["title"] = html.escape(parallel_title(corpus, page.meta["parallel_of"], lang))
    _stop(pagecheck.macro_calls(page.file.content_string, _source_name(page), corpus, document))
    page.meta["search"] = {"exclude": True}  # the site writes its own index, per language (on_post_build)
    return markdown


def on_page_content(html, page, config, files):
    corpus, lang, name, document = _corpus(), page.file.locale, _page_name(page), page.meta.get("document")
    if "parallel_of" in page.meta:
        return html  # each column was annotated in its own language (trafiklex.render_translations)
    html = Annotator(corpus, lang, name, document).annotate(html)
    return mark_citations(html, corpus, document, name, lang) if document else html


def on_post_page(output, page, config):
    _stop(pagecheck.built_page(output, _source_name(page), _corpus(), page.meta.get("document")))
    _stop([Problem(_source_name(page), f"the built page has an inline script that is not the theme's: {body[:60]!r}",
                   expected="no markup in the data or pages that makes a <script> (the policy allows only the theme's)")
           for body in csp.foreign_scripts(output)])
    return csp.add_policy(output)


def on_post_template(output_content, template_name, config):
    """Static templates (the 404 page) get the same Content-Security-Policy as the pages."""
    return csp.add_policy(output_content) if template_name.endswith(".html") else output_content


def _pair_languages(site: Path):
    """Each document's two built pages, together: the same clause ids in both (but for the clauses
    the data declares in one language only), and the cite control's link to the same clause in the
    other language sent, where that language does not print the clause, to its nearest enclosing
    clause (trafiklex.citemarks.retarget)."""
    for document in _corpus().documents:
        paths = {lang: site / ("" if lang == "sq" else lang) / f"{document['page']}.html" for lang in LANGUAGES}
        built = {lang: path.read_text(encoding="utf-8") for lang, path in paths.items()}
        _stop(pagecheck.clause_parity(_corpus(), document["id"], built))
        ids = {lang: set(pagecheck.element_ids(html_text)) for lang, html_text in built.items()}
        for lang, path in paths.items():
            path.write_text(retarget_citations(built[lang], ids[OTHER[lang]]), encoding="utf-8")


@event_priority(-200)  # after mkdocs-static-i18n has built the other languages and merged their search
def on_post_build(config):
    """Once, at the end of the whole build (the Albanian build wraps the English one): the open-data
    downloads; one search index per language, replacing the merged one; and a sitemap in every
    folder of pages (Material's language selector fetches sitemap.xml next to the page it links to)."""
    global _depth
    _depth -= 1
    if _depth:
        return
    site = Path(config["site_dir"])
    _pair_languages(site)
    exports.write(_corpus(), site / "data")
    translator_files.write(_corpus(), site / "data", Edition.from_environment().stamp())
    _vendor(site)
    for lang in LANGUAGES:
        folder = site / ("search" if lang == "sq" else f"{lang}/search")
        folder.mkdir(parents=True, exist_ok=True)
        index = search_index.build(_corpus(), site, lang)
        data = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        (folder / "search_index.json").write_text(data, encoding="utf-8")
        (folder / "search_index.js").write_text(f"var __index = {data}", encoding="utf-8")  # for file://
    # Material's language selector reads sitemap.xml next to each page in the other language
    for folder in sorted({page.parent for page in site.rglob("*.html")} - {site}):
        if not (folder / "sitemap.xml").exists():
            shutil.copyfile(site / "sitemap.xml", folder / "sitemap.xml")
