"""The open-data page's tables: every dataset with its files (YAML, JSON, CSV for the tabular ones, its
JSON Schema; each document's own files by document), and each document's Akoma Ntoso files."""
from __future__ import annotations

from trafiklex.core import urls
from trafiklex.core.identifiers import work_of
from trafiklex.data import tables
from trafiklex.data.corpus import Corpus
from trafiklex.formats import exports
from trafiklex.views.render import block, render


def _format(ext: str) -> str:
    return ext.upper().replace("YML", "YAML")


def downloads(corpus: Corpus, lang: str, here: str = "open-data") -> str:
    def asset(path: str) -> str:
        return urls.asset(here, lang, f"data/{path}", root=corpus.languages.default)

    rows = []
    for name in exports.datasets():
        formats = ["yml", "json"] + (["csv"] if name in exports.CSV_ROWS else [])
        rows.append({"name": name, "description": corpus.words(lang, f"open_data.datasets.{name}"),
                     "schema": asset(f"{name}.schema.json"),
                     "files": [{"href": asset(f"{name}.{ext}"), "format": _format(ext), "document": None} for ext in formats]})
    for kind, documents in exports.document_datasets(corpus).items():
        files = [{"href": asset(f"{kind}.csv"), "format": "CSV", "document": None}] if kind in exports.CSV_ROWS else []
        files += [{"href": asset(exports.document_file(document, kind, ext)), "format": _format(ext),
                   "document": corpus.document(document)["short_title"][lang]}
                  for document in documents for ext in ("yml", "json")]
        rows.append({"name": kind, "description": corpus.words(lang, f"open_data.datasets.{kind}"),
                     "schema": asset(f"{tables.KINDS[kind].schema}.schema.json"), "files": files})
    return block(render(corpus, lang, "downloads.html", rows=rows))


def akn_files(corpus: Corpus, lang: str, here: str = "open-data") -> str:
    """Each document's Akoma Ntoso XML in every language (trafiklex/formats/akn.py), with its identifiers."""
    rows = []
    for document in corpus.documents:
        work = work_of(document, corpus.documents)
        rows.append({"title": document["short_title"][lang], "work": str(work),
                     "files": [{"lang": code, "name": corpus.words(lang, f"labels.language_name.{code}"),
                                "expression": work.expression(corpus.languages.get(code).alpha3),
                                "href": urls.asset(here, lang, work.file(corpus.languages.get(code).alpha3),
                                                   root=corpus.languages.default)}
                               for code in corpus.languages]})
    return block(render(corpus, lang, "akn_files.html", rows=rows))
