"""Clause identifiers: the one place that parses, orders and prints them.

A clause id follows the printed numbering in the style of the Akoma Ntoso naming convention: levels
joined by `__`, each level an element name and its number (`art_5`, `sec_VIII`, `q_11`) or a bare
number or letter (`A`, `4`, `a`): `art_5__A__4` is the NRM Agreement's Article 5, party A, point 4.
The same id names the clause in every language, as the HTML anchor and as the key in the data.

`ClauseId.parse` accepts only well-formed ids; anchors that are not clause ids (`note-…`, `fn:1`,
`fnref:1`, `part-…`) fail to parse, which is how the pages' other anchors are told apart.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Mapping

SEGMENT = re.compile(r"[A-Za-z0-9]+(?:_[A-Za-z0-9-]+)*")
HEAD = re.compile(r"[a-z][a-z0-9]*(?:_[A-Za-z0-9-]+)*")
ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


class InvalidId(ValueError):
    """Not a clause id."""


def _roman(text: str) -> int | None:
    if not re.fullmatch(r"[IVXLC]+", text):
        return None
    total = 0
    for i, c in enumerate(text):
        value = ROMAN[c]
        total += -value if i + 1 < len(text) and ROMAN[text[i + 1]] > value else value
    return total


def _number_key(text: str) -> tuple:
    """Printed numbers in their natural order: 2 < 10, IV < IX, a < b; 128-b after 128."""
    if text.isdigit():
        return (0, int(text), "")
    if (value := _roman(text)) is not None:
        return (1, value, "")
    if m := re.fullmatch(r"(\d+)(.*)", text):
        return (0, int(m.group(1)), m.group(2))
    return (2, 0, text)


@dataclass(frozen=True)
class Level:
    """One level of an id: `art_5` → element 'art', number '5'; `A` → element '', number 'A';
    `molsa` (a glossary entry) → element '', number 'molsa'."""
    text: str

    @property
    def element(self) -> str:
        element, sep, _ = self.text.partition("_")
        return element if sep and element.islower() else ""

    @property
    def number(self) -> str:
        return self.text[len(self.element) + 1:] if self.element else self.text


@dataclass(frozen=True)
class ClauseId:
    levels: tuple[Level, ...]

    @classmethod
    def parse(cls, text: str) -> "ClauseId":
        if not isinstance(text, str) or not text:
            raise InvalidId(f"{text!r} is not a clause id")
        parts = text.split("__")
        if not HEAD.fullmatch(parts[0]) or not all(SEGMENT.fullmatch(p) for p in parts[1:]):
            raise InvalidId(f"{text!r} is not a clause id: levels of letters, digits, '_' and '-', "
                            f"joined by '__', the first starting with a small letter")
        return cls(tuple(Level(p) for p in parts))

    @classmethod
    def is_valid(cls, text: str) -> bool:
        try:
            cls.parse(text)
        except InvalidId:
            return False
        return True

    def __str__(self) -> str:
        return "__".join(level.text for level in self.levels)

    @property
    def head(self) -> Level:
        return self.levels[0]

    @property
    def last(self) -> Level:
        return self.levels[-1]

    @property
    def depth(self) -> int:
        return len(self.levels)

    @property
    def parent(self) -> "ClauseId | None":
        return ClauseId(self.levels[:-1]) if len(self.levels) > 1 else None

    def ancestors(self) -> list["ClauseId"]:
        """The enclosing ids, nearest first: art_5__A__4 → art_5__A, art_5."""
        out, current = [], self.parent
        while current:
            out.append(current)
            current = current.parent
        return out

    def within(self, other: "ClauseId") -> bool:
        """This id is `other` or one of its parts."""
        return self.levels[:other.depth] == other.levels

    @cached_property
    def sort_key(self) -> tuple:
        return tuple((level.element, _number_key(level.number)) for level in self.levels)

    # --- how people write and read it ------------------------------------------------------------------
    def numbering_forms(self) -> list[str]:
        """How people write the clause's number when they search for it: 5.A.4 and A.4 for
        art_5__A__4, 128/b for cc_128-b, 3 for point_3 (never the id itself)."""
        text = str(self)
        if m := re.fullmatch(r"(?:art|point|q)_(\d+)", text):
            return [m[1]]
        if m := re.fullmatch(r"art_(\d+)__([A-Z])__(\d+)", text):
            return [f"{m[1]}.{m[2]}.{m[3]}", f"{m[2]}.{m[3]}"]
        if m := re.fullmatch(r"art_(\d+)__([a-z])", text):
            return [f"{m[1]}/{m[2]}", f"{m[1]}.{m[2]}"]
        if m := re.fullmatch(r"cc_([0-9a-z-]+?)(?:__\d+)?", text):
            return [m[1].replace("-", "/")]
        if m := re.fullmatch(r"sec_(\d+)__obj_(\d+)__act_(\d+)", text):
            return [f"{m[1]}.{m[2]}.{m[3]}"]
        if m := re.fullmatch(r"sec_(\d+)__act_(\d+)", text):
            return [f"{m[1]}.{m[2]}"]
        return []

    def label(self, words: Mapping[str, str], printed: Mapping[str, str] | None = None) -> str:
        """The printed numbering in words, as inside a sentence ("neni 5, A.4", "Section X, paragraph 2").
        `words` are the numbering words of the language (the catalog's `numbering`); `printed` gives,
        by id, the number a language prints where it differs from the id (a renumbered section) and
        the words that name an unnumbered clause (a glossary entry's abbreviation)."""
        return _label(str(self), words, printed or {})

    def heading_label(self, words: Mapping[str, str], printed: Mapping[str, str] | None = None) -> str:
        """The label as a heading or a table cell: its first letter in capitals."""
        label = self.label(words, printed)
        return label[:1].upper() + label[1:]


def _label(clause_id: str, w: Mapping[str, str], printed: Mapping[str, str]) -> str:
    parts = clause_id.split("__")
    label, used = _head(parts, w, printed)
    for previous, part in zip(parts[used - 1:], parts[used:]):
        label = _level(label, part, previous, w)
    return label


# the numbered levels of an id (`p_3`, `act_4`…) and the word (locales/: numbering) that names each
NUMBERED_LEVELS = {"p": "paragraph", "item": "item", "part": "part", "heading": "heading", "obj": "objective",
                   "act": "activity", "def": "definition"}


def _level(label: str, part: str, previous: str, w: Mapping[str, str]) -> str:
    """A level below the ones the head names: a paragraph of running text, an item (of a list, or an
    unnumbered item that is a clause of its own), a subheading or part, a footnote, a signatory, a
    letter or a number."""
    if (m := re.fullmatch(r"([a-z]+)_(\d+)", part)) and m.group(1) in NUMBERED_LEVELS:
        return f"{label}, {w[NUMBERED_LEVELS[m.group(1)]]} {m.group(2)}"
    if part in ("footnote", "signatory"):
        return f"{label}, {w[part]}"
    if part in ("adult", "child"):
        return f"{label}, {w['annex_rule_' + part]}"
    if re.fullmatch(r"\d+", part):
        return f"{label}, {w['situation']} {part}" if previous == "child" else f"{label}, {part}"
    if re.fullmatch(r"[a-z]", part):
        return w['letter_item'].format(label=label, letter=part)
    if re.fullmatch(r"[A-Z]", part):
        return f"{label}, {part}"
    return f"{label}, {part}"


def _head(parts: list[str], w: Mapping[str, str], printed: Mapping[str, str]) -> tuple[str, int]:
    """The label of the id's first levels, and how many levels it names."""
    head = parts[0]
    if m := re.fullmatch(r"art_(\d+)", head):
        article = f"{w['article']} {m.group(1)}"
        rest = parts[1:]
        if rest and f"{head}__{rest[0]}" in printed:  # an unnumbered clause named by its words (a glossary entry)
            return f"{article}, {printed[f'{head}__{rest[0]}']}", 2
        if rest and re.fullmatch(r"[A-Z]", rest[0]):  # NRM Article 5, party and point
            if len(rest) > 1 and re.fullmatch(r"\d+", rest[1]):
                return f"{article}, {rest[0]}.{rest[1]}", 3
            return f"{article}, {rest[0]}", 2
        return article, 1
    if m := re.fullmatch(r"point_(\d+)", head):
        return f"{w['point']} {m.group(1)}", 1
    if m := re.fullmatch(r"cc_([0-9a-z-]+)", head):
        article = f"{w['code_article']} {m.group(1).replace('-', '/')}"
        return (article + f", {w['row']} {parts[1]}", 2) if len(parts) > 1 else (article, 1)
    if m := re.fullmatch(r"q_(\d+)", head):
        return f"{w['question']} {m.group(1)}", 1
    if m := re.fullmatch(r"area_([IVX]+)", head):
        label = f"{w['area']} {m.group(1)}"
        for part in parts[1:]:
            if m2 := re.fullmatch(r"aim_(\d+)", part):
                label += f", {w['aim']} {m2.group(1)}"
            elif m2 := re.fullmatch(r"obj(?:_([a-z]))?", part):
                label += f", {w['specific']}" + (f" ({m2.group(1)})" if m2.group(1) else "")
        return label, len(parts)
    if m := re.fullmatch(r"sec_([0-9IVX]+|[0-9]+)", head):
        label = f"{w['section']} {printed.get(head, m.group(1))}"
        if len(parts) > 1 and f"{head}__{parts[1]}" in printed:  # a part printed as a section of its own, or a glossary entry
            named = printed[f"{head}__{parts[1]}"]
            return (f"{w['section']} {named}" if re.fullmatch(r"part_\d+", parts[1]) else f"{label}, {named}"), 2
        return label, 1
    if head == "signatures":
        return w["signatures"] + (f", {parts[1]}" if len(parts) > 1 else ""), min(len(parts), 2)
    if head == "title":
        return w["title"], 1
    if head in ("preamble", "entry_into_force", "place_date", "transmission"):
        return w[head], 1
    if re.fullmatch(r"routing_\d+", head) and head in printed:
        return f"{w['routing']} {printed[head]}", 1
    return "__".join(parts), len(parts)
