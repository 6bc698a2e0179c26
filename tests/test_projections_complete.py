"""No clause of the data can disappear silently: every clause that a document's tables print in a
language (trafiklex.model.data_clauses: definitions, activities, commitments, penalties, the
framework, glossaries, the questionnaire) is in every projection of the built site — the document's
page (its anchor), its Akoma Ntoso expression (its eId), the open data (clauses.csv and clauses.json),
the language's search index (its location) and the language's printed handbook (its first words)."""
from __future__ import annotations

import csv
import html
import json
import re
import subprocess
import unicodedata
from collections import Counter

from conftest import report
from trafiklex.core import print_paths, urls
from trafiklex.data import tables
from trafiklex.model import data_clauses


def printed_data_clauses(corpus) -> list[tuple[dict, str, object]]:
    """(document, language, clause) for every clause of the data printed in that language."""
    found = []
    for document in corpus.documents:
        for kind in tables.TABLES.values():
            table = corpus.table(document["id"], kind.name)
            if table is None:
                continue
            arguments = [t["id"] for t in table[kind.name]] if kind.argument else [None]
            for lang in corpus.languages.codes:
                for argument in arguments:
                    found += [(document, lang, clause) for clause in
                              data_clauses.clauses(corpus, document["id"], kind.name, argument, lang)
                              if not clause.gap and clause.text]
    return found


def _folded(text: str) -> str:
    """A text as compared with a PDF's: no spaces, hyphens (a word broken at a line's end) or soft hyphens."""
    return re.sub(r"[\s\-\u00ad\u2010\u2011\u2013]+", "", unicodedata.normalize("NFC", text)).lower()


def missing(site, corpus, clauses) -> dict[str, list[str]]:
    """Per projection, the clauses (document/language#id) it lacks."""
    rows = list(csv.DictReader((site / "data" / "clauses.csv").open(encoding="utf-8")))
    in_csv = {(r["document"], r["language"], r["id"]): r["uri"] for r in rows}
    in_json = {(r["document"], r["language"], r["id"])
               for r in json.loads((site / "data" / "clauses.json").read_text(encoding="utf-8"))["clauses"]}
    index, printed = {}, {}
    for lang in corpus.languages.codes:
        base = site if lang == corpus.languages.default else site / lang
        index[lang] = {e["location"] for e in json.loads((base / "search" / "search_index.json").read_text())["docs"]}
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(site / print_paths.handbook(lang)), "-"],
                              capture_output=True, text=True, check=True).stdout
        printed[lang] = _folded(text)
    lacking: dict[str, list[str]] = {name: [] for name in ("page", "akn", "clauses.csv", "clauses.json", "search", "pdf")}
    pages, expressions = {}, {}
    for document, lang, clause in clauses:
        key, name = (document["id"], lang, clause.id), f"{document['id']}/{lang}#{clause.id}"
        page = urls.page_path(document["page"], lang, corpus.languages.default)
        if page not in pages:
            pages[page] = (site / page).read_text(encoding="utf-8")
        if f'id="{clause.id}"' not in pages[page]:
            lacking["page"].append(name)
        if key not in in_csv:
            lacking["clauses.csv"].append(name)
        else:
            expression, eid = in_csv[key].split("/~")
            if expression not in expressions:
                expressions[expression] = (site / f"{expression.lstrip('/')}.xml").read_text(encoding="utf-8")
            if f'eId="{eid}"' not in expressions[expression]:
                lacking["akn"].append(name)
        if key not in in_json:
            lacking["clauses.json"].append(name)
        if f"{document['page']}.html#{clause.id}" not in index[lang]:
            lacking["search"].append(name)
        first = html.unescape(re.sub(r"<[^>]+>", "", re.search(r"<(p|h\d)>(.*?)</\1>", clause.html, re.S).group(2)))
        if _folded(first)[:25] not in printed[lang]:
            lacking["pdf"].append(name)
    return lacking


def test_every_data_clause_is_in_every_projection(site, corpus):
    clauses = printed_data_clauses(corpus)
    kinds = Counter(clause.kind for _, _, clause in clauses)
    assert len(clauses) > 400 and {"definition", "activity", "commitment", "penalty_row", "glossary_entry"} <= set(kinds)
    lacking = missing(site, corpus, clauses)
    assert lacking == {name: [] for name in lacking}, {k: v[:10] for k, v in lacking.items() if v}
    report("projections", f"{len(clauses)} clauses of the data (by language) in all of page, Akoma Ntoso, clauses.csv, "
                          f"clauses.json, search index and handbook PDF")


def test_a_clause_missing_from_a_projection_is_found(site, corpus, tmp_path):
    """(The check itself: a clause dropped from clauses.json is reported, and only there.)"""
    clauses = [c for c in printed_data_clauses(corpus) if c[2].kind == "definition"][:3]
    copy = tmp_path / "site"
    for name in ("data/clauses.csv", "data/clauses.json"):
        (copy / name).parent.mkdir(parents=True, exist_ok=True)
        (copy / name).write_bytes((site / name).read_bytes())
    data = json.loads((copy / "data" / "clauses.json").read_text(encoding="utf-8"))
    document, lang, clause = clauses[0]
    data["clauses"] = [r for r in data["clauses"] if (r["document"], r["language"], r["id"]) != (document["id"], lang, clause.id)]
    (copy / "data" / "clauses.json").write_text(json.dumps(data), encoding="utf-8")
    for path in site.rglob("*"):
        target = copy / path.relative_to(site)
        if path.is_file() and not target.exists() and (path.suffix in (".html", ".xml", ".json", ".pdf")):
            target.parent.mkdir(parents=True, exist_ok=True)
            target.symlink_to(path)
    lacking = missing(copy, corpus, clauses)
    assert lacking["clauses.json"] == [f"{document['id']}/{lang}#{clause.id}"]
    assert all(not v for k, v in lacking.items() if k != "clauses.json")
