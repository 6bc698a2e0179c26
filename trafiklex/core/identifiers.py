"""The edition's standard identifiers: FRBR URIs in the Akoma Ntoso naming convention (the form that
Laws.Africa, legislation.gov.uk and the EU's publication systems read).

  work           /akn/al/<type>/<subtype>/<date>/<number>            the document, in any language
  expression     <work>/<language>@<date>                            its text in one language, as adopted
  manifestation  <expression>.xml                                    this edition's Akoma Ntoso file of it
  portion        <expression>/~<clause id>                           one clause of that text

<type> and <subtype> are declared per document in data/documents.yml (`akn`); <language> is the ISO
639-2/T code of data/languages.yml (`alpha3`); <number> is the printed number, or the document's id
when it has none; <date> is the work's date (`work_date`). The expression date is the work's date in
every language: this edition publishes each text as adopted and tracks no later version.
"""
from __future__ import annotations

from trafiklex.core import relations

import re
from dataclasses import dataclass

COUNTRY = "al"
_FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Work:
    doctype: str    # act, doc, statement
    subtype: str    # order, decision, strategy, …
    date: str       # YYYY-MM-DD
    number: str

    def __str__(self) -> str:
        return f"/akn/{COUNTRY}/{self.doctype}/{self.subtype}/{self.date}/{self.number}"

    def expression(self, alpha3: str) -> str:
        return f"{self}/{alpha3}@{self.date}"

    def manifestation(self, alpha3: str) -> str:
        return f"{self.expression(alpha3)}.xml"

    def portion(self, alpha3: str, clause_id: str) -> str:
        return f"{self.expression(alpha3)}/~{clause_id}"

    def file(self, alpha3: str) -> str:
        """Where the site publishes the Akoma Ntoso file (relative to the site root): the
        manifestation URI as a path, `akn/al/act/order/2005-02-22/25/sqi@2005-02-22.xml`."""
        return self.manifestation(alpha3).lstrip("/")


def work_date(document: dict, documents: list[dict]) -> str | None:
    """The date of the work: its own date when the print gives the day; else the date of the act that
    approves it (a strategy takes effect as the Decision or Order approving it); else none."""
    by_id = {d["id"]: d for d in documents}
    seen = set()
    while document and document["id"] not in seen:
        seen.add(document["id"])
        if _FULL_DATE.fullmatch(document.get("date", "")):
            return document["date"]
        approvers = relations.related(documents, document["id"], "approved_by")
        document = by_id.get(approvers[0]) if approvers else None
    return None


def work_of(document: dict, documents: list[dict]) -> Work:
    """The work identifier of a document of data/documents.yml (checked by `problems` beforehand)."""
    return Work(document["akn"]["type"], document["akn"]["subtype"], work_date(document, documents) or "",
                document.get("number") or document["id"])


def problems(documents: list[dict]) -> list[tuple[tuple, str, str]]:
    """What stops a document from having an identifier: (path in documents.yml, what is wrong, what is
    expected)."""
    found, seen = [], {}
    for d, document in enumerate(documents):
        if "akn" not in document:
            continue  # the schema says so
        if work_date(document, documents) is None:
            found.append((("documents", d, "date"), f"the document '{document['id']}' has no full date of its own and is "
                          "approved by no document that has one: its identifier needs a day",
                          "a date as YYYY-MM-DD, or a document that approves it (relations: - {type: approves, …} on it)"))
            continue
        number = document.get("number") or document["id"]
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", number):
            found.append((("documents", d, "number"), f"the number '{number}' cannot stand in an identifier",
                          "letters, digits and . _ - (no / or spaces)"))
            continue
        uri = str(work_of(document, documents))
        if uri in seen:
            found.append((("documents", d, "akn"), f"the document '{document['id']}' has the same identifier as "
                          f"'{seen[uri]}': {uri}", "a type, subtype, date and number that no other document has"))
        seen[uri] = document["id"]
    return found
