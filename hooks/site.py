"""MkDocs hooks: load and check the data before anything is built, give document pages their
titles, and check every built page. A problem stops the build with a message, not a traceback."""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from trafiklex import corpus as corpus_module
from trafiklex import pagecheck
from trafiklex.errors import DataError, Problem

_root: Path | None = None  # the project being built: the folder of its mkdocs.yml


def _stop(problems: list[Problem]):
    if problems:
        raise PluginError("\n" + DataError(problems).report())


def _corpus():
    try:
        return corpus_module.cached(_root)
    except DataError as error:
        raise PluginError("\n" + error.report()) from None


@event_priority(100)
def on_config(config):
    global _root
    _root = Path(config.config_file_path).resolve().parent
    _corpus()
    _stop(pagecheck.page_pairs(Path(config["docs_dir"])))
    return config


def _source_name(page) -> str:
    return f"docs/{page.file.src_uri}"


@event_priority(100)  # before mkdocs-macros renders the page
def on_page_markdown(markdown, page, config, files):
    corpus = _corpus()
    document = page.meta.get("document")
    if document is not None:
        ids = {d["id"] for d in corpus.documents}
        if document not in ids:
            _stop([Problem(_source_name(page), f"unknown document '{document}' in the front matter", line=2,
                           field="document", expected="one of " + ", ".join(sorted(ids)))])
        page.meta["title"] = corpus.document(document)["short_title"][page.file.locale]
    source = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    _stop(pagecheck.macro_calls(source, _source_name(page), corpus, document))
    return markdown


def on_post_page(output, page, config):
    _stop(pagecheck.built_page(output, _source_name(page), _corpus(), page.meta.get("document")))
    return output
