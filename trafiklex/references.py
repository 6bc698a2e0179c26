"""Internal references in the running text ("shih Nenin 5.C.2", "see 5.A.4", "Annex 1", "B.16 above",
"go to 14", "section A and C") resolved to the clause they point to.

What a document's references look like is data: each document in data/documents.yml lists, per
language, its rules — a regular expression for the reference (`pattern`), the clause id it points to
(`target`, with `{1}`, `{2}`… for the groups of the match, `{0}` for the whole), optionally the document
it points into (`document`, else the document itself), a table of printed values to id values
(`values`: `{"II": "2"}`), and `each`: a regular expression whose every match inside the reference
becomes a link of its own ("Articles 2, 3 and 4" → three links; then `{0}`, `{1}`… name that match's
groups). Used to link references in the pages, to record the references each clause of the model
makes, and, by the translator tools, to report references that point nowhere or somewhere unexpected.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator


@dataclass(frozen=True)
class Reference:
    start: int
    end: int
    text: str
    document: str      # the document the reference points into
    target: str        # clause id ("" = the document itself)


@dataclass(frozen=True)
class Rule:
    pattern: re.Pattern
    target: str
    document: str
    each: re.Pattern | None = None
    values: tuple[tuple[str, str], ...] = ()

    def targets(self, match: re.Match) -> list[tuple[int, int, str, str]]:
        """(start, end, document, clause id) of each link inside the reference."""
        if self.each is None:
            return [(match.start(), match.end(), self.document, self._fill(match))]
        base = match.start()
        return [(base + sub.start(), base + sub.end(), self.document, self._fill(sub))
                for sub in self.each.finditer(match.group(0))]

    def _fill(self, match: re.Match) -> str:
        values = dict(self.values)
        groups = [match.group(0), *match.groups()]
        return self.target.format(*(values.get(g, g) if g is not None else "" for g in groups))


def rules_of(document: dict) -> dict[str, list[Rule]]:
    """A document's reference rules (data/documents.yml), compiled, per language."""
    return {lang: [Rule(re.compile(rule["pattern"]), rule["target"], rule.get("document", document["id"]),
                        re.compile(rule["each"]) if "each" in rule else None, tuple(rule.get("values", {}).items()))
                   for rule in rules]
            for lang, rules in document.get("references", {}).items()}


def find(rules: list[Rule], text: str) -> Iterator[Reference]:
    """The internal references in `text` by `rules` (a document's, in the text's language), in order,
    without overlaps."""
    spans = sorted(span for rule in rules for match in rule.pattern.finditer(text) for span in rule.targets(match))
    end = -1
    for start, stop, target_document, target in spans:
        if start >= end:
            yield Reference(start, stop, text[start:stop], target_document, target)
            end = stop
