"""Open data: every dataset as YAML and JSON (the same structure, checked by the same JSON Schema) and,
for the tabular ones, as CSV (UTF-8, one row per activity, commitment, offence, obligation or body;
bodies by canonical id and name). The edition's own files are datasets of their own; each document's
tables are published as they are in data/ (documents/<document>/<kind>.yml and .json, with the schema
of their kind), and the tabular kinds also as one CSV across every document that has them. Every download carries the licence of this edition's data
(data/edition.yml): each YAML file names it in its first lines, edition.json holds it, and
datapackage.json (a Frictionless Data Package, https://specs.frictionlessdata.io/data-package/)
describes every file with it, the edition's date and the documents' standard identifiers."""
from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import yaml

from trafiklex.queries import edition_meta
from trafiklex.core import cache, relations, tree
from trafiklex.queries import status
from trafiklex.data import tables
from trafiklex.data.corpus import DATA_FILES, DOCUMENTS_DIR, Corpus
from trafiklex.formats.clause_data import clause_records, clause_rows
from trafiklex.model.edition import edition_of
from trafiklex.queries.obligations import all_obligations

DUE_KEYS = ("by", "from", "every_months", "ongoing", "case_by_case")
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's emitter when PyYAML has it (the same YAML, faster)
YAML_CACHED = "yaml-records"  # the kind of the build cache's entries: a derived dataset's YAML (_yaml)


def _names(corpus: Corpus, ids, lang: str) -> str:
    return "; ".join(corpus.institutions.get(i)["name"][lang] for i in ids)


def _due(due: dict | None) -> dict:
    due = due or {}
    return {f"due_{key}": due.get(key, "") for key in DUE_KEYS}


def _per_language(languages, prefix: str, value: dict | None) -> dict:
    """A column per language: `text_sq`, `text_en`…"""
    value = value or {}
    return {f"{prefix}_{lang}": value.get(lang, "") for lang in languages}


def institution_rows(corpus: Corpus) -> list[dict]:
    return [{"id": i["id"], "kind": i["kind"], "part_of": i.get("part_of", ""), **_per_language(corpus.languages, "name", i["name"]),
             **{f"acronyms_{l}": "; ".join(i.get("acronyms", {}).get(l, [])) for l in corpus.languages}}
            for i in corpus.data("institutions.yml")["institutions"]]


def activity_rows(corpus: Corpus) -> list[dict]:
    rows = []
    for document, section, objective, activity in corpus.activities():
        row = {"document": document, "id": activity["id"], "section": section["num"],
               **_per_language(corpus.languages, "section_title", section["title"]),
               "objective_id": objective["id"] if objective else "", **_per_language(corpus.languages, "text", activity["text"])}
        for cell in ("responsible", "partners"):
            value = activity.get(cell, {})
            for lang in corpus.languages:
                ids = value.get(lang, {}).get("bodies", [])
                row[f"{cell}_printed_{lang}"] = value.get(lang, {}).get("printed", "")
                row[f"{cell}_ids_{lang}"] = "; ".join(ids)
                row[f"{cell}_names_{lang}"] = _names(corpus, ids, lang)
        row.update(_per_language(corpus.languages, "deadline", activity.get("deadline")))
        row.update(_due(activity.get("due")))
        row["only_in"] = activity.get("only_in", "")
        rows.append(row)
    return rows


SANCTION_KEYS = ("prison_min", "prison_max", "life", "fine", "fine_min", "fine_max", "alternative", "increase")


def penalty_rows(corpus: Corpus) -> list[dict]:
    rows = []
    for document, table in corpus.tables("penalties"):
        for article in table["articles"]:
            for number, row in enumerate(article["rows"], start=1):
                out = {"document": document, "id": row["id"], "article": article["article"], "row": number,
                       **_per_language(corpus.languages, "offence", row["offence"])}
                for lang in corpus.languages:
                    sanction = row["sanction"].get(lang, {})
                    out[f"sanction_{lang}"] = sanction.get("printed", "")
                    out.update({f"{key}_{lang}": sanction.get(key, "") for key in SANCTION_KEYS})
                rows.append(out)
    return rows


def commitment_rows(corpus: Corpus) -> list[dict]:
    rows = []
    for document, table in corpus.tables("commitments"):
        for party in table["parties"]:
            for commitment in party["commitments"]:
                ids, partners = commitment.get("bodies", party["bodies"]), commitment.get("partners", [])
                rows.append({"document": document, "id": commitment["id"], "party": party["letter"], "point": commitment["num"],
                             "bodies_ids": "; ".join(ids), **{f"bodies_names_{l}": _names(corpus, ids, l) for l in corpus.languages},
                             "partners_ids": "; ".join(partners),
                             **{f"partners_names_{l}": _names(corpus, partners, l) for l in corpus.languages},
                             **_per_language(corpus.languages, "text", commitment["text"]),
                             **_per_language(corpus.languages, "deadline", commitment.get("deadline")),
                             **_due(commitment.get("due"))})
    return rows


def obligation_records(corpus: Corpus) -> list[dict]:
    """Every obligation, with its bodies per language (the export behind the 'what is due' table)."""
    records = []
    for o in all_obligations(corpus):
        records.append({"document": o.document, "id": o.id, "kind": o.kind, "section": o.section,
                        "text": dict(o.text), "responsible": {l: list(v) for l, v in o.bodies.items()},
                        "partners": {l: list(v) for l, v in o.partners.items()},
                        "deadline": dict(o.deadline), "due": dict(o.due or {})})
    return records


def obligation_rows(corpus: Corpus) -> list[dict]:
    rows = []
    for record in obligation_records(corpus):
        row = {"document": record["document"], "id": record["id"], "kind": record["kind"], "section": record["section"],
               **_per_language(corpus.languages, "text", record["text"])}
        for role in ("responsible", "partners"):
            for lang in corpus.languages:
                ids = record[role].get(lang, [])
                row[f"{role}_ids_{lang}"] = "; ".join(ids)
                row[f"{role}_names_{lang}"] = _names(corpus, ids, lang)
        row.update(_per_language(corpus.languages, "deadline", record["deadline"]))
        row.update(_due(record["due"]))
        rows.append(row)
    return rows


def relation_records(corpus: Corpus) -> list[dict]:
    """Every relation between two documents, as seen from each of them (data/documents.yml relations)."""
    out = []
    for document in corpus.documents:
        for relation in relations.relations(corpus.documents):
            if (seen := relation.seen_from(document["id"])) is not None:
                out.append({"document": document["id"], "relation": seen[0], "other": seen[1],
                            "declared_by": relation.source, "clause": relation.clause})
    return out


def relation_rows(corpus: Corpus) -> list[dict]:
    return [{**record, "clause": record["clause"] or ""} for record in relation_records(corpus)]


def effect_records(corpus: Corpus) -> list[dict]:
    """Every later effect on a document or a clause, with its source's words (trafiklex.queries.status): a
    public source (`source`, `url`), or a clause of a document of this edition (`by_document`,
    `source_clause`: where = the clause's label, quote = its text in the authoritative language)."""
    out = []
    for e in status.effects(corpus):
        record = {"document": e.document, "clause": e.clause, "type": e.type, "instrument": e.by, "since": e.since,
                  "recorded": e.recorded}
        if e.in_edition:
            record.update(source=None, url=None, **_edition_source(corpus, e))
        else:
            record.update(source=e.source["id"], url=status.source(corpus, e.source["id"])["url"], where=dict(e.source["where"]),
                          quote=e.source["quote"], by_document=None, source_clause=None)
        out.append({**record, "says": dict(e.says)})
    return out


def _edition_source(corpus: Corpus, effect: status.Effect) -> dict:
    edition = edition_of(corpus)
    document, clause = effect.source["document"], effect.source["clause"]
    title = corpus.document(document)["short_title"]
    where = {lang: title[lang] + (f", {edition.label(document, clause, lang, heading=True)}" if clause else "") for lang in corpus.languages}
    quote = edition.text(document, corpus.languages.authoritative).get(clause).text if clause else ""
    return {"where": where, "quote": quote, "by_document": document, "source_clause": clause}


def effect_rows(corpus: Corpus) -> list[dict]:
    return [{**{k: ("" if v is None else v) for k, v in record.items() if k not in ("where", "says")},
             **_per_language(corpus.languages, "where", record["where"]),
             **_per_language(corpus.languages, "says", record["says"])} for record in effect_records(corpus)]


def note_records(corpus: Corpus) -> list[dict]:
    """Every editorial note, in the order of the documents: its document, id, kind, the clause it
    concerns and its text in every language (what the site shows beside that clause)."""
    return [{"document": document["id"], "id": note["id"], "kind": note["kind"], "anchor": note["anchor"],
             "text": {lang: note["text"][lang] for lang in corpus.languages if lang in note["text"]}}
            for document in corpus.documents for note in corpus.notes_for(document["id"])]


def note_rows(corpus: Corpus) -> list[dict]:
    return [{"document": n["document"], "id": n["id"], "kind": n["kind"], "anchor": n["anchor"],
             **_per_language(corpus.languages, "text", n["text"])} for n in note_records(corpus)]


def term_rows(corpus: Corpus) -> list[dict]:
    """The termbase, one row per concept: its terms in every language, its domain, what it touches,
    the concepts that are not its equivalents, its note."""
    return [{"id": c["id"], "domain": c["domain"], "touches": c["touches"], **_per_language(corpus.languages, "term", c["term"]),
             "not": "; ".join(c.get("not", ())), **_per_language(corpus.languages, "note", c.get("note", {}))}
            for c in corpus.data("terms.yml")["concepts"]]


CSV_ROWS = {"institutions": institution_rows, "editorial_notes": note_rows, "terms": term_rows, "activities": activity_rows,
            "penalties": penalty_rows, "commitments": commitment_rows, "obligations": obligation_rows, "clauses": clause_rows,
            "relations": relation_rows, "effects": effect_rows}
# datasets derived from the data and the pages (not files of data/): name → its records
DERIVED = {"obligations": lambda corpus: obligation_records(corpus), "clauses": clause_records,
           "editorial_notes": note_records, "relations": relation_records, "effects": effect_records}
# each document's own files that are published (its editorial notes are in editorial_notes, its topics in clauses)
DOCUMENT_KINDS = tuple(name for name in tables.KINDS if name not in ("notes", "topics"))


# A cell that begins with one of these is read by a spreadsheet as a formula (OWASP, "CSV Injection"),
# which could run commands or send the sheet's data elsewhere when the file is opened. As OWASP
# recommends, such a cell starts with a single quote (the spreadsheet then shows it as text), and
# every cell is quoted (so that a ; or , inside it cannot start a new cell where the locale splits on it).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def cell(value):
    """A value as a spreadsheet cell: text that a spreadsheet would read as a formula made inert."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def to_csv(rows: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writeheader()
    writer.writerows({key: cell(value) for key, value in row.items()} for row in rows)
    return buffer.getvalue()


def datasets() -> list[str]:
    """The edition's own files, then those derived from the data and the pages."""
    return [name.removesuffix(".yml") for name in DATA_FILES] + list(DERIVED)


def document_datasets(corpus: Corpus) -> dict[str, list[str]]:
    """Each kind of document file (trafiklex.data.tables) → the documents that have one, in order."""
    return {kind: [d for d, _ in corpus.tables(kind)] for kind in DOCUMENT_KINDS if corpus.tables(kind)}


def document_file(document: str, kind: str, ext: str) -> str:
    """Where a document's file is published under the site's data/ folder."""
    return f"{DOCUMENTS_DIR}/{document}/{kind}.{ext}"


PACKAGE = "datapackage.json"
MEDIA_TYPES = {"yml": "application/yaml", "json": "application/json", "csv": "text/csv"}


def licence_lines(corpus: Corpus) -> str:
    """The comment lines under a YAML file's first line: the licence of the data, and where the
    statement about the official texts is."""
    content = edition_meta.licence(corpus, "content")
    return (f"# Licence: {content.spdx} ({content.name}, {content.url}): this edition's data, notes and identifiers.\n"
            f"# The official texts quoted are reproduced without a licence of this edition: see edition.yml ({PACKAGE}).\n")


def _with_licence(corpus: Corpus, text: str) -> str:
    first, _, rest = text.partition("\n")
    return first + "\n" + licence_lines(corpus) + rest


def package(corpus: Corpus, files: list[Path], edition_date: str | None, out_dir: Path | None = None) -> dict:
    """The Frictionless Data Package descriptor of the downloads: the licence, the edition's date,
    every file (with its JSON Schema), and, as this edition's own property, the statement about the
    official texts and each document's work and expression URIs."""
    content = edition_meta.licence(corpus, "content")
    authoritative = corpus.languages.authoritative
    resources = []
    for path in sorted(files, key=lambda p: (len(p.relative_to(out_dir).parts) if out_dir else 0, str(p))):
        relative = path.relative_to(out_dir).as_posix() if out_dir else path.name
        stem, ext = path.name.split(".", 1)
        if ext == "schema.json" or ext not in MEDIA_TYPES:
            continue
        folder = relative.rsplit("/", 1)[0] if "/" in relative else ""
        schema = tables.KINDS[stem].schema if stem in tables.KINDS else stem
        name = f"{folder.rsplit('/', 1)[-1]}-{stem}-{ext}" if folder else f"{stem}-{ext}"
        resources.append({"name": name.replace("_", "-"), "path": relative, "format": ext,
                          "mediatype": MEDIA_TYPES[ext], "encoding": "utf-8", "jsonSchema": f"{schema}.schema.json",
                          "licenses": [{"name": content.spdx, "path": content.url, "title": content.name}]})
    documents = []
    for document in corpus.documents:
        ids = edition_meta.document_identifiers(corpus, document["id"])
        documents.append({"id": document["id"], "work": ids.work, "date": ids.date, "expressions": ids.expressions})
    descriptor = {
        "profile": "data-package", "name": "trafiklex-2005",
        "title": corpus.words(authoritative, "print.title"),
        "licenses": [{"name": content.spdx, "path": content.url, "title": content.name}],
        "languages": [corpus.languages.get(lang).locale for lang in corpus.languages],
        "rights": edition_meta.rights(corpus),
        "documents": documents,
        "resources": resources,
    }
    if edition_date:
        descriptor["version"] = edition_date
        descriptor["created"] = f"{edition_date}T00:00:00Z"
    return descriptor


class _Dumper(DUMPER):
    """The records written out in full wherever they repeat (no YAML anchors): a chunk's YAML is then the
    same whether it is written alone or among the others."""

    def ignore_aliases(self, data) -> bool:
        return True


YAML_CHUNK = 64  # records written out (and kept in the cache) together


def _yaml(data: dict) -> str:
    """The records (one dataset: {name: [record, …]}) as YAML. Written out in chunks of YAML_CHUNK
    records, each kept in the build cache (trafiklex.core.cache) under its repr (every type and the order
    of every mapping: what the YAML shows), so that an edit writes out again the chunk it changed alone;
    the chunks joined are the YAML of the whole (a list's items are not indented under its key)."""
    def dump(value) -> str:
        return yaml.dump(value, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=120)

    (name, records), = data.items()  # (a name of DERIVED: a plain key)
    if not records:
        return dump(data)
    chunks = [records[n:n + YAML_CHUNK] for n in range(0, len(records), YAML_CHUNK)]
    by_repr = {repr(chunk): chunk for chunk in chunks}
    made = cache.cached_each(YAML_CACHED, [repr(chunk) for chunk in chunks],
                             lambda missing: [dump(by_repr[text]) for text in missing])
    return f"{name}:\n" + "".join(made)


def write(corpus: Corpus, out_dir: Path, edition_date: str | None = None) -> list[Path]:
    """Write every dataset's files (and the schemas, and the package descriptor) into `out_dir`;
    returns the files written. `edition_date`: the edition's date (EDITION_DATE), if known."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    schemas_dir = corpus.root / "schemas"
    for schema in tree.listed(schemas_dir, "*.schema.json", recursive=False):
        written.append(Path(shutil.copyfile(schema, out_dir / schema.name)))
    for name in datasets():
        if name in DERIVED:
            data = {name: DERIVED[name](corpus)}
            (out_dir / f"{name}.yml").write_text(
                f"# yaml-language-server: $schema={name}.schema.json\n" + licence_lines(corpus) + _yaml(data), encoding="utf-8")
        else:
            text = (corpus.root / "data" / f"{name}.yml").read_text(encoding="utf-8")
            (out_dir / f"{name}.yml").write_text(_with_licence(corpus, text.replace("$schema=../schemas/", "$schema=", 1)),
                                                 encoding="utf-8")
            data = corpus.data(f"{name}.yml")
        written.append(out_dir / f"{name}.yml")
        (out_dir / f"{name}.json").write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        written.append(out_dir / f"{name}.json")
        if name in CSV_ROWS:
            (out_dir / f"{name}.csv").write_text(to_csv(CSV_ROWS[name](corpus)), encoding="utf-8")
            written.append(out_dir / f"{name}.csv")
    for kind, documents in document_datasets(corpus).items():
        for document in documents:
            folder = out_dir / DOCUMENTS_DIR / document
            folder.mkdir(parents=True, exist_ok=True)
            text = (corpus.root / "data" / corpus.file_name(document, kind)).read_text(encoding="utf-8")
            (folder / f"{kind}.yml").write_text(
                _with_licence(corpus, text.replace("$schema=../../../schemas/", "$schema=../../", 1)), encoding="utf-8")
            (folder / f"{kind}.json").write_text(json.dumps(corpus.table(document, kind), ensure_ascii=False, indent=1) + "\n",
                                                 encoding="utf-8")
            written += [folder / f"{kind}.yml", folder / f"{kind}.json"]
        if kind in CSV_ROWS:
            (out_dir / f"{kind}.csv").write_text(to_csv(CSV_ROWS[kind](corpus)), encoding="utf-8")
            written.append(out_dir / f"{kind}.csv")
    (out_dir / PACKAGE).write_text(json.dumps(package(corpus, written, edition_date, out_dir), ensure_ascii=False, indent=1) + "\n",
                                   encoding="utf-8")
    written.append(out_dir / PACKAGE)
    return written
