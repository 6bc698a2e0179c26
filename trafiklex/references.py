"""Internal references in the running text ("shih Nenin 5.C.2", "see 5.A.4", "Annex 1", "B.16 above",
"go to 14", "section A and C") resolved to the clause they point to.

Each rule names the document whose text it applies to, the language, a regular expression for the
reference, and how to turn it into targets: every number inside a reference becomes its own link
("Articles 2, 3 and 4" → three links). Used to link references in the pages and, by the translator
tools, to report references that point nowhere, to themselves, or somewhere unexpected.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterator


@dataclass(frozen=True)
class Reference:
    start: int
    end: int
    text: str
    document: str      # the document the reference points into
    target: str        # clause id ("" = the document itself)


@dataclass(frozen=True)
class Rule:
    document: str
    lang: str
    pattern: re.Pattern
    targets: Callable[[re.Match], list[tuple[int, int, str, str]]]  # (start, end, document, id) inside the text


def _spans(match: re.Match, inner: str, build: Callable[[re.Match], tuple[str, str]]):
    """Every `inner` match inside the reference, as its own link."""
    base = match.start()
    out = []
    for sub in re.finditer(inner, match.group(0)):
        document, target = build(sub)
        out.append((base + sub.start(), base + sub.end(), document, target))
    return out


def _whole(document: str, target: Callable[[re.Match], str]):
    return lambda m: [(m.start(), m.end(), document, target(m))]


NRM, ANNEX, NAP = "nrm-agreement", "nrm-annex-1", "national-action-plan-2005-2007"
_PARTY_POINT = r"(?:5\.\s?)?([A-D])\.\s?(\d+)"


def _party_points(m: re.Match):
    return _spans(m, _PARTY_POINT, lambda s: (NRM, f"art_5__{s.group(1)}__{s.group(2)}"))


RULES: list[Rule] = [
    # NRM Agreement: Article 5 points, with or without "Article 5" ("Nenin 5.C.2", "Article C. 1.", "5.A.4", "B.16")
    Rule(NRM, "sq", re.compile(r"(?:Nenin|Nenet|shih)\s+" + _PARTY_POINT + r"(?:\s+dhe\s+" + _PARTY_POINT + ")?"), _party_points),
    Rule(NRM, "en", re.compile(r"(?:Article|Articles|see)\s+" + _PARTY_POINT + r"(?:\s+and\s+" + _PARTY_POINT + ")?"),
         _party_points),
    Rule(NRM, "sq", re.compile(r"\b[A-D]\.\d+\s+me\s+siper"), lambda m: _spans(m, r"([A-D])\.(\d+)",
                                                                               lambda s: (NRM, f"art_5__{s.group(1)}__{s.group(2)}"))),
    Rule(NRM, "en", re.compile(r"\b[A-D]\.\d+\s+above"), lambda m: _spans(m, r"([A-D])\.(\d+)",
                                                                         lambda s: (NRM, f"art_5__{s.group(1)}__{s.group(2)}"))),
    # whole articles ("Nenet 2, 3 dhe 4", "Articles 2, 3 and 4"), lettered items ("Nenin 2/g", "Article 2 g")
    Rule(NRM, "sq", re.compile(r"Nenet\s+\d(?:,\s*\d)*\s+dhe\s+\d\b"), lambda m: _spans(m, r"\d", lambda s: (NRM, f"art_{s.group(0)}"))),
    Rule(NRM, "en", re.compile(r"Articles\s+\d(?:,\s*\d)*\s+and\s+\d\b"), lambda m: _spans(m, r"\d", lambda s: (NRM, f"art_{s.group(0)}"))),
    Rule(NRM, "sq", re.compile(r"Nenin\s+(\d)/([a-g])\b"), _whole(NRM, lambda m: f"art_{m.group(1)}__{m.group(2)}")),
    Rule(NRM, "en", re.compile(r"Article\s+(\d)\s([a-g])\b"), _whole(NRM, lambda m: f"art_{m.group(1)}__{m.group(2)}")),
    Rule(NRM, "sq", re.compile(r"(?:nen-piken|nenparagrafin)\s+\(a\)"), _whole(NRM, lambda m: "art_2__a")),
    Rule(NRM, "en", re.compile(r"subparagraph\s+\(a\)"), _whole(NRM, lambda m: "art_2__a")),
    # the Annex
    Rule(NRM, "sq", re.compile(r"Shtojca 1\b"), _whole(ANNEX, lambda m: "")),
    Rule(NRM, "en", re.compile(r"Annex 1\b"), _whole(ANNEX, lambda m: "")),
    # National Action Plan: its own sections
    Rule(NAP, "sq", re.compile(r"Seksionin\s+(II|3)\b"), _whole(NAP, lambda m: "sec_2" if m.group(1) == "II" else "sec_3")),
    Rule(NAP, "en", re.compile(r"Section\s+([23])\b"), _whole(NAP, lambda m: f"sec_{m.group(1)}")),
    # Annex 1: questions, child situations, parts of the questionnaire
    Rule(ANNEX, "sq", re.compile(r"pyetja\s+(\d+)"), _whole(ANNEX, lambda m: f"q_{m.group(1)}")),
    Rule(ANNEX, "en", re.compile(r"go to (\d+)"), lambda m: [(m.start(1), m.end(1), ANNEX, f"q_{m.group(1)}")]),
    Rule(ANNEX, "sq", re.compile(r"pyetjet\s+(\d+)-(\d+)"), lambda m: [(m.start(1), m.end(1), ANNEX, f"q_{m.group(1)}"),
                                                                      (m.start(2), m.end(2), ANNEX, f"q_{m.group(2)}")]),
    Rule(ANNEX, "en", re.compile(r"(\d+) – (\d+) above"), lambda m: [(m.start(1), m.end(1), ANNEX, f"q_{m.group(1)}"),
                                                                     (m.start(2), m.end(2), ANNEX, f"q_{m.group(2)}")]),
    Rule(ANNEX, "sq", re.compile(r"pikat e mesiperme, (\d) dhe (\d)"),
         lambda m: [(m.start(i), m.end(i), ANNEX, f"sec_V__D__child__{m.group(i)}") for i in (1, 2)]),
    Rule(ANNEX, "en", re.compile(r"In both (\d) and (\d) above"),
         lambda m: [(m.start(i), m.end(i), ANNEX, f"sec_V__D__child__{m.group(i)}") for i in (1, 2)]),
    Rule(ANNEX, "sq", re.compile(r"seksione(?:ve|t)\s+[A-C](?:,\s*[A-C])*,?\s+dhe\s+[A-C]\b"),
         lambda m: _spans(m, r"\b[A-C]\b", lambda s: (ANNEX, f"sec_V__{s.group(0)}"))),
    Rule(ANNEX, "en", re.compile(r"section(?:s)?\s+(?:– )?[A-C](?:,\s*[A-C])*,?\s+and\s+[A-C]\b"),
         lambda m: _spans(m, r"\b[A-C]\b", lambda s: (ANNEX, f"sec_V__{s.group(0)}"))),
]


def find(text: str, document: str, lang: str) -> Iterator[Reference]:
    """The internal references in `text` (running text of `document` in `lang`), in order, without overlaps."""
    spans = []
    for rule in RULES:
        if rule.document != document or rule.lang != lang:
            continue
        for match in rule.pattern.finditer(text):
            spans.extend(rule.targets(match))
    spans.sort()
    end = -1
    for start, stop, target_document, target in spans:
        if start >= end:
            yield Reference(start, stop, text[start:stop], target_document, target)
            end = stop
