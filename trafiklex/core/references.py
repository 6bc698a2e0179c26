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

from dataclasses import dataclass
from typing import Iterator

import regex

from trafiklex.core.errors import DataError, Problem

# The rules' expressions run with the `regex` engine, which resists the patterns that make Python's
# own backtrack for ever, and with a time limit on each text: a rule that still takes too long stops
# the build with its place in data/documents.yml.
SECONDS = 2.0


@dataclass(frozen=True)
class Reference:
    start: int
    end: int
    text: str
    document: str      # the document the reference points into
    target: str        # clause id ("" = the document itself)


@dataclass(frozen=True)
class Rule:
    pattern: regex.Pattern
    target: str
    document: str
    each: regex.Pattern | None = None
    values: tuple[tuple[str, str], ...] = ()
    where: str = ""                  # its field in data/documents.yml, for messages

    def matches(self, text: str):
        try:
            return list(self.pattern.finditer(text, timeout=SECONDS))
        except TimeoutError:
            raise DataError([Problem("data/documents.yml", f"a reference rule takes more than {SECONDS:g} s on a text",
                                     field=self.where, expected="a pattern that does not try the same text in "
                                     "ever more ways (no repetition inside a repetition)")]) from None

    def targets(self, match) -> list[tuple[int, int, str, str]]:
        """(start, end, document, clause id) of each link inside the reference."""
        if self.each is None:
            return [(match.start(), match.end(), self.document, self._fill(match))]
        base = match.start()
        return [(base + sub.start(), base + sub.end(), self.document, self._fill(sub))
                for sub in self.each.finditer(match.group(0), timeout=SECONDS)]

    def _fill(self, match) -> str:
        values = dict(self.values)
        groups = [match.group(0), *match.groups()]
        return self.target.format(*(values.get(g, g) if g is not None else "" for g in groups))


def rules_of(document: dict, position: int = 0) -> dict[str, list[Rule]]:
    """A document's reference rules (data/documents.yml, its `position`-th document), compiled, per
    language."""
    return {lang: [Rule(regex.compile(rule["pattern"]), rule["target"], rule.get("document", document["id"]),
                        regex.compile(rule["each"]) if "each" in rule else None, tuple(rule.get("values", {}).items()),
                        f"documents.{position}.references.{lang}.{r}")
                   for r, rule in enumerate(rules)]
            for lang, rules in document.get("references", {}).items()}


def find(rules: list[Rule], text: str) -> Iterator[Reference]:
    """The internal references in `text` by `rules` (a document's, in the text's language), in order,
    without overlaps."""
    spans = sorted(span for rule in rules for match in rule.matches(text) for span in rule.targets(match))
    end = -1
    for start, stop, target_document, target in spans:
        if start >= end:
            yield Reference(start, stop, text[start:stop], target_document, target)
            end = stop
