"""Relations between the documents of the edition, as data: what a document does to another — approves,
implements, replaces, amends it, or is an annex to it — declared on the document that does it
(data/documents.yml `relations`: type, document, and the clause whose words say it), and read in
both directions: "approves" one way, "approved by" the other."""
from __future__ import annotations

from dataclasses import dataclass

# each type, and the name of its other direction
TYPES = {"approves": "approved_by", "implements": "implemented_by", "replaces": "replaced_by", "amends": "amended_by",
         "annex_to": "has_annex"}
INVERSE = {inverse: active for active, inverse in TYPES.items()}


@dataclass(frozen=True)
class Relation:
    source: str          # the document that does it
    type: str            # approves | implements | replaces | amends | annex_to
    target: str          # the document it is done to
    clause: str | None   # the clause of the source whose words say it

    def seen_from(self, document: str) -> tuple[str, str] | None:
        """(the name of the relation as seen from `document`, the other document): ('approves', X) from
        the source, ('approved_by', Y) from the target."""
        if document == self.source:
            return self.type, self.target
        if document == self.target:
            return TYPES[self.type], self.source
        return None


def relations(documents: list[dict]) -> list[Relation]:
    """Every relation the documents declare, in the order of the documents."""
    return [Relation(document["id"], item["type"], item["document"], item.get("clause"))
            for document in documents for item in document.get("relations", [])]


def of(documents: list[dict], document_id: str) -> list[tuple[str, str]]:
    """The relations of one document, each as it is seen from it: (name, other document), in order."""
    return [seen for relation in relations(documents) if (seen := relation.seen_from(document_id))]


def related(documents: list[dict], document_id: str, name: str) -> list[str]:
    """The documents related to one by a relation of that name, as seen from it ('approved_by' → the
    acts that approve it)."""
    return [other for seen, other in of(documents, document_id) if seen == name]


def dated_by(documents: list[dict], document: dict) -> dict:
    """The document whose date dates it: its own if it has one, else (in turn) the act approving it or
    the document it is an annex to."""
    by_id, seen = {d["id"]: d for d in documents}, set()
    while "date" not in document and document["id"] not in seen:
        seen.add(document["id"])
        others = related(documents, document["id"], "approved_by") + related(documents, document["id"], "annex_to")
        if not others:
            break
        document = by_id[others[0]]
    return document
