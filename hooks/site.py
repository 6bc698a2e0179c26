"""MkDocs hooks: thin glue between MkDocs and the edition (trafiklex.model) and its site
(trafiklex.website.pages: every page rendered once, a document's from the model's text of it). These
hooks check everything before anything is built, hand MkDocs each page's content, title and table of
contents, check and protect each built page, and write what the edition produces beside the pages
(search indexes, open data, translators' files, Akoma Ntoso). A problem stops the build with a
message, not a traceback."""
from __future__ import annotations

import html
import json
import logging
import os
import shutil
import time
from copy import deepcopy
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.structure.toc import get_toc
from watchdog.observers.polling import PollingObserverVFS

from trafiklex.formats import akn, feed, exports, jsonld, sitemap
from trafiklex.website import csp, search_index, search_loading, search_prebuilt, sitepolicy
from trafiklex.views import render_interop
from trafiklex.views.templating import CompiledTemplates
from trafiklex.website import site_cache, site_page
from trafiklex.translators import translator_files
from trafiklex import validate
from trafiklex.data import corpus as corpus_module
from trafiklex.data.inputs import INPUT_FOLDERS
from trafiklex.core import cache, tree
from trafiklex.core.errors import DataError, Problem
from trafiklex.data.environment import DEFAULT_SITE_URL
from trafiklex.model.edition import Edition, edition_of
from trafiklex.website.pages import GENERATED_FOLDERS, site_pages
from trafiklex.core import print_paths as pdf_paths
from trafiklex.pdf.edition import Edition as PrintEdition

VENDORED = {"node_modules/iframe-worker/shim/index.js": "assets/javascripts/vendor/iframe-worker-shim.js"}
_command: list[str] = []  # MkDocs' command: "build", "serve", …
_started: list[float] = []  # when this build began (each of `mkdocs serve`'s rebuilds too): on_config
log = logging.getLogger("mkdocs.hooks.site")


def _stop(problems: list[Problem]):
    if problems:
        raise PluginError("\n" + DataError(problems).report())


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def _edition(config) -> Edition:
    """The edition of this build (loaded and checked in on_config; reloaded by `mkdocs serve` after
    an edit)."""
    return edition_of(corpus_module.current(_root(config)))


def _page(page) -> tuple[str, str]:
    """The page's path in the edition and its language: ('institutions/molsa', 'en')."""
    return page.file.src_uri.split("/", 1)[1].removesuffix(".md"), page.file.locale


NOT_FOUND = "404.html"  # the page for an address that leads nowhere: one for the whole site, in every language
# the inputs that `mkdocs serve` watches besides those it watches itself (the pages, the theme's overrides)
WATCHED = tuple(name for name in INPUT_FOLDERS if name not in ("docs", "overrides"))


def on_startup(command, dirty):
    _command[:] = [command]


# How often `mkdocs serve` looks for edits (MkDocs' own: every 0.5 s). One look at every watched file
# takes about 2 ms here (some 400 files): looking five times as often costs about 2 % of a core, and an
# edit is seen about 0.2 s sooner on average (at most 0.1 s after it is saved, not 0.5 s).
POLL_SECONDS = 0.1


def on_serve(server, config, builder):
    """`mkdocs serve` rebuilds after an edit of the data, the schemas, the source texts, the interface words or
    the translators' files too (it watches the pages and the theme itself), and looks for edits every
    POLL_SECONDS; a hidden file (an editor's swap file, written as one types) is not an edit, but in
    the theme's templates (trafiklex.core.tree)."""
    _poll_every(server, POLL_SECONDS, os.path.realpath(_root(config) / tree.TEMPLATES))
    for name in WATCHED:
        if (_root(config) / name).is_dir():
            server.watch(str(_root(config) / name))
    return server


def _poll_every(server, seconds: float, templates: str):
    """The server's watcher (MkDocs' polling observer) made again to look every `seconds`, past hidden
    files but in `templates`, with what MkDocs already watches (the pages, mkdocs.yml, the theme with
    --watch-theme). If MkDocs no longer keeps the watched paths where this looks for them, its own
    watcher is left as it is."""
    watched = getattr(server, "_watched_paths", None)
    if not isinstance(watched, dict):
        return
    watched = dict(watched)
    for path, times in watched.items():
        for _ in range(times):
            server.unwatch(path)

    def entries(folder):
        found = list(os.scandir(folder))
        inside = os.path.realpath(folder)  # (the folder as MkDocs was given it: a link to the project is followed)
        if inside == templates or inside.startswith(templates + os.sep):
            return found
        return [entry for entry in found if not tree.hidden_name(entry.name)]

    server.observer = PollingObserverVFS(os.stat, entries, polling_interval=seconds)
    for path, times in watched.items():
        for _ in range(times):
            server.watch(path)


@event_priority(100)
def on_config(config):
    if not config.plugins["i18n"].building:  # (the authoritative language's build, which builds the others)
        _started[:] = [time.time()]
    try:
        corpus = validate.check(_root(config))  # the data, the words, the pages: all that `scripts/validate` checks
        _stop(_languages_agree(config, corpus))
        _documents_in_nav(config, corpus)
        edition_of(corpus)  # (the edition of this build, made once: the pages are rendered from it)
    except DataError as error:
        raise PluginError("\n" + error.report()) from None
    if _command == ["serve"] and not config.plugins["i18n"].building:
        log.info("trafiklex: `mkdocs serve` builds and checks the pages; the PDFs and the offline ZIP are not "
                 "built (nor rebuilt after an edit) under serve: ./scripts/build makes them")
    return config


def _languages_agree(config, corpus) -> list[Problem]:
    """mkdocs.yml's i18n languages are the edition's (data/languages.yml), the authoritative first."""
    configured = [item.locale for item in config.plugins["i18n"].config.languages]
    wanted = list(corpus.languages.codes)
    if configured != wanted:
        return [Problem("mkdocs.yml", f"the i18n plugin builds the languages {configured}",
                        expected=f"the languages of data/languages.yml, in its order: {wanted}")]
    return []


def _documents_in_nav(config, corpus):
    """The navigation lists the documents of data/documents.yml, in its order, where mkdocs.yml's
    navigation lists documents (a document added as data appears there without an edit)."""
    pages = [f"{document['page']}.md" for document in corpus.documents]
    for entry in config["nav"] or []:
        if isinstance(entry, dict):
            for title, items in entry.items():
                if isinstance(items, list) and set(items) & set(pages):
                    entry[title] = pages + [item for item in items if item not in pages]
                    return


def on_env(env, config, files):
    """The theme's templates in the language being built (mkdocs-static-i18n builds each language on
    its own, with its own environment): its interface words as `t("section.key")` (locales/), the
    edition's languages (`edition_languages`), their names in this language in the edition's order
    (`language_names`), any language's words as `words_in(lang, "section.key")` (the 404 page, in every
    language), where the printed editions are (`pdf_paths`, trafiklex.core.print_paths) and its
    feed (`feed_path`, from the site's root)."""
    env.bytecode_cache = CompiledTemplates(env)  # (the theme's templates compiled once, not in every build)
    languages = _edition(config).corpus.languages
    t = _edition(config).corpus.catalog.translator(config.theme["language"])
    env.globals.update(t=t, words_in=_edition(config).corpus.catalog.word, edition_languages=languages, pdf_paths=pdf_paths,
                       language_names=[t("labels.language_name")[code] for code in languages],
                       feed_path=feed.path(_edition(config).corpus, config.theme["language"]),
                       material_search_worker=_material_search_worker(config),
                       document_status=lambda page: _about_document(config, page, "status"),
                       document_identifiers=lambda page: _about_document(config, page, "identifiers"),
                       document_jsonld=lambda page: _about_document(config, page, "jsonld"))
    return env


def _about_document(config, page, part: str) -> str:
    """On a document's page (in any language): its status notice, its identifiers panel or its JSON-LD
    (trafiklex.views.render_interop, trafiklex.formats.jsonld); on any other page, nothing."""
    if not page or not page.meta or not page.meta.get("document") or page.meta.get("parallel_of"):
        return ""
    corpus = _edition(config).corpus
    document, lang = page.meta["document"], _page(page)[1]
    edition_date = PrintEdition.from_environment().date
    if part == "status":
        return render_interop.document_status(corpus, document, lang, edition_date)
    if part == "identifiers":
        return render_interop.document_identifiers(corpus, document, lang)
    return jsonld.script(jsonld.legislation(corpus, document, lang, config["site_url"] or "", edition_date))


def _material_search_worker(config) -> str:
    """The file name of the theme's search worker (it changes with every release of the theme):
    found in the theme's folders, so that an upgrade cannot leave the site's wrapper pointing nowhere."""
    found = sorted({path.name for folder in config.theme.dirs
                    for path in Path(folder).glob("assets/javascripts/workers/search.*.min.js")})
    if len(found) != 1:
        _stop([Problem("mkdocs.yml", f"the theme's search worker is not one file: {found or 'none found'}",
                       expected="one assets/javascripts/workers/search.*.min.js in the theme (mkdocs-material)")])
    return found[0]


@event_priority(50)  # before mkdocs-static-i18n sorts the files by language
def on_files(files, config):
    """The pages the model makes from the data (an institution's obligations, a document side by
    side) must exist in docs_dir for mkdocs-static-i18n to build them: they are written there (into
    git-ignored folders; a file only when its content changes, so that `mkdocs serve` does not
    rebuild in a loop). Their content comes from the model, not from these files."""
    edition = _edition(config)
    pages = site_pages(edition)
    _stop(pages.write_generated())  # (on_config's check wrote them already; again, after an edit under `mkdocs serve`)
    docs = Path(config["docs_dir"])
    folders = tuple(f"{lang}/{folder}/" for lang in edition.languages for folder in GENERATED_FOLDERS)
    for file in [f for f in files if f.src_uri.startswith(folders)]:
        files.remove(file)
    for lang in edition.languages:
        for path in sorted(pages.generated()):
            files.append(File(f"{lang}/{path}.md", str(docs), config["site_dir"], config["use_directory_urls"]))
    return files


@event_priority(100)
def on_page_markdown(markdown, page, config, files):
    """The model has rendered the page: MkDocs gets nothing to convert (its content, in
    on_page_content). The title is the model's, escaped: the theme writes it as it is."""
    path, lang = _page(page)
    try:
        model_page = site_pages(_edition(config)).page(path, lang)
    except DataError as error:
        raise PluginError("\n" + error.report()) from None
    page.meta["title"] = html.escape(model_page.title)
    page.meta["search"] = {"exclude": True}  # the site writes its own index, per language (on_post_build)
    return ""


def on_page_content(content, page, config, files):
    path, lang = _page(page)
    edition = _edition(config)
    page.toc = get_toc(site_pages(edition).page(path, lang).toc)
    return site_page.content(edition, path, lang)


SITE_WORKER = "search-folding.js?material="  # what overrides/main.html puts in the theme's settings


def on_post_page(output, page, config):
    source = f"docs/{page.file.src_uri}"
    if 'id="__config"' in output and SITE_WORKER not in output.split('id="__config"', 1)[1].split("</script>", 1)[0]:
        _stop([Problem("overrides/main.html", "the theme's settings on the page do not name the site's search worker",
                       expected="the theme's config block in the form overrides/main.html adapts (mkdocs-material changed?)")])
    _stop([Problem(source, f"the built page has an inline script that is not the theme's: {body[:60]!r}",
                   expected="no markup in the data or pages that makes a <script> (the policy allows only the theme's)")
           for body in csp.foreign_scripts(output)])
    return csp.add_policy(output)


def on_template_context(context, template_name, config):
    """The 404 page's language selector leads to each language's home page (mkdocs-static-i18n would
    leave it leading to the versions of the page built last)."""
    if template_name == NOT_FOUND:
        config.extra["alternate"] = deepcopy(config.plugins["i18n"].extra_alternate)
    return context


def on_post_template(output_content, template_name, config):
    """Static templates (the 404 page) get the same Content-Security-Policy as the pages. The 404 page
    is one file at the site's root, made by the root language's build, whose words and `lang` are that
    language's: the other languages' builds (which mkdocs-static-i18n runs inside it) write the same
    file, and keep what the root language's wrote."""
    if template_name == NOT_FOUND and not config.plugins["i18n"].is_default_language_build:
        return (Path(config["site_dir"]) / NOT_FOUND).read_text(encoding="utf-8")
    return csp.add_policy(output_content) if template_name.endswith(".html") else output_content


@event_priority(-200)  # after mkdocs-static-i18n has built the other languages
def on_post_build(config):
    """Once, at the end of the whole build (mkdocs-static-i18n builds the other languages inside the
    authoritative language's build, and is `building` until it has done them all): the open-data
    downloads, the translators' files, the Akoma Ntoso files, one search index per language (replacing
    the merged one; with its lunr index, built at build time), the vendored scripts, and a sitemap in every folder of pages (Material's language selector fetches
    sitemap.xml next to the page it links to)."""
    if config.plugins["i18n"].building:
        return
    edition = _edition(config)
    site = Path(config["site_dir"])
    stamp = PrintEdition.from_environment()
    exports.write(edition.corpus, site / "data", stamp.date)
    translator_files.write(edition.corpus, site / "data", stamp.stamp())
    akn.write(edition, site, stamp.day())
    feed.write(edition.corpus, site, config["site_url"] or DEFAULT_SITE_URL)
    _vendor(_root(config), site)
    _stop(search_loading.load_index_on_open(site))  # not with every page: when the reader opens the search
    try:  # (each with its lunr index, built by the site's own search worker: trafiklex.website.search_prebuilt)
        indexes = search_prebuilt.add(site, {lang: search_index.build(edition, lang) for lang in edition.languages})
    except DataError as error:
        raise PluginError("\n" + error.report()) from None
    for lang, index in indexes.items():
        folder = site / ("search" if lang == edition.corpus.languages.default else f"{lang}/search")
        folder.mkdir(parents=True, exist_ok=True)
        data = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        (folder / "search_index.json").write_text(data, encoding="utf-8")
        (folder / "search_index.js").write_text(f"var __index = {data}", encoding="utf-8")  # for file://
    sitemap.restamp(site, stamp.date, stamp.epoch)  # the edition's date, not the fixed time
    for folder in sorted({page.parent for page in site.rglob("*.html")} - {site}):
        if not (folder / "sitemap.xml").exists():
            shutil.copyfile(site / "sitemap.xml", folder / "sitemap.xml")
    if _command == ["serve"]:  # (scripts/build.py checks the site it built itself, PDFs included)
        _stop(sitepolicy.check_site(site, _root(config)))
    site_cache.prune_per_page(sum(1 for _ in site.rglob("*.html")))
    if cache.BY_BUILD not in os.environ:  # (scripts/build.py trims the cache once its whole build is done)
        cache.trim(_started[0])


def _vendor(root: Path, site: Path):
    """Front-end files installed from npm (package-lock.json) and copied into the site."""
    for source, target in VENDORED.items():
        path = root / source
        if not path.exists():
            _stop([Problem(source, "a vendored front-end file is missing", expected="run ./scripts/setup (npm ci)")])
        (site / target).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, site / target)
