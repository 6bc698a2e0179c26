"""Aligning the languages of a document clause by clause, by the clause ids they share.

A document's HTML in one language is cut into segments, one per clause anchor: a segment is
everything from one element with a clause id up to the next one (the text before the first anchor
is a segment with the id ""). Elements left open at a cut are closed at the end of the segment and
opened again, without their id, at the start of the next, so that every segment is well-formed
HTML: `<ul><li id="a">A</li><li id="b">B</li></ul>` gives `<ul><li id="a">A</li></ul>` and
`<ul><li id="b">B</li></ul>`.

The segments of the languages are then joined by id, keeping the order of every text. A clause
that a language does not print is a unit with an empty side in that language; so is a clause that
two languages print in a different order (it cannot be side by side with itself in both places).

Used by the parallel editions (trafiklex.pdf.bilingual); the translator workbench reuses it.
"""
from __future__ import annotations

import difflib
import html
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Callable, Generic, Mapping, Sequence, TypeVar

from trafiklex.core.ids import ClauseId

is_clause_id = ClauseId.is_valid
from trafiklex.core.htmltext import VOID

T = TypeVar("T")


@dataclass(frozen=True)
class Unit(Generic[T]):
    """One aligned unit: the clause id where it starts, and its part in each language (None where
    that language does not print it), in the order of the languages aligned."""
    id: str
    parts: Mapping[str, T | None]

    def side(self, lang: str) -> T | None:
        return self.parts.get(lang)

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages that print it here."""
        return tuple(lang for lang, part in self.parts.items() if part is not None)

    @property
    def complete(self) -> bool:
        """Every language prints it here."""
        return all(part is not None for part in self.parts.values())


def align(parts: Mapping[str, Sequence[tuple[str, T]]]) -> list[Unit[T]]:
    """Join sequences of (clause id, part), one per language, by id, in the order of all of them.
    The first language's sequence gives the first units; each next language's is matched with the
    units so far: the longest sequence of ids common to both is matched, everything else becomes a
    unit of its own at its place (the units so far first, where both have unmatched parts at the
    same place). Give the authoritative language first: its order prevails."""
    languages = list(parts)
    units: list[tuple[str, dict[str, T]]] = []
    for lang in languages:
        sequence = parts[lang]
        matcher = difflib.SequenceMatcher(None, [i for i, _ in units], [i for i, _ in sequence], autojunk=False)
        joined: list[tuple[str, dict[str, T]]] = []
        for operation, i1, i2, j1, j2 in matcher.get_opcodes():
            if operation == "equal":
                joined += [(units[i][0], {**units[i][1], lang: sequence[j][1]}) for i, j in zip(range(i1, i2), range(j1, j2))]
                continue
            joined += units[i1:i2]
            joined += [(sequence[j][0], {lang: sequence[j][1]}) for j in range(j1, j2)]
        units = joined
    return [Unit(anchor, {lang: found.get(lang) for lang in languages}) for anchor, found in units]


# --- cutting HTML into segments ----------------------------------------------------------------------

@dataclass(frozen=True)
class Token:
    kind: str            # start | end | startend | text (text, entity and character references, comments)
    tag: str             # "" for text
    attrs: tuple         # ((name, value), …) as written
    raw: str             # the token as written in the source

    def attr(self, name: str) -> str | None:
        return next((value for key, value in self.attrs if key == name), None)


class _Tokenizer(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.tokens: list[Token] = []

    def handle_starttag(self, tag, attrs):
        self.tokens.append(Token("start", tag, tuple(attrs), self.get_starttag_text()))

    def handle_startendtag(self, tag, attrs):
        self.tokens.append(Token("startend", tag, tuple(attrs), self.get_starttag_text()))

    def handle_endtag(self, tag):
        self.tokens.append(Token("end", tag, (), f"</{tag}>"))

    def handle_data(self, data):
        self.tokens.append(Token("text", "", (), data))

    def handle_entityref(self, name):
        self.tokens.append(Token("text", "", (), f"&{name};"))

    def handle_charref(self, name):
        self.tokens.append(Token("text", "", (), f"&#{name};"))

    def handle_comment(self, data):
        self.tokens.append(Token("text", "", (), f"<!--{data}-->"))


def tokens(html_text: str) -> list[Token]:
    """The HTML as a flat list of tokens; joining their `raw` gives the HTML back."""
    tokenizer = _Tokenizer()
    tokenizer.feed(html_text)
    tokenizer.close()
    return tokenizer.tokens


def start_tag(tag: str, attrs: Sequence[tuple[str, str | None]]) -> str:
    written = "".join(f' {name}="{html.escape(value, quote=True)}"' if value is not None else f" {name}"
                      for name, value in attrs)
    return f"<{tag}{written}>"


def segments(html_text: str, is_anchor: Callable[[str], bool] = is_clause_id) -> list[tuple[str, str]]:
    """(clause id, HTML) for each clause anchor of `html_text`, in order; the HTML before the first
    anchor comes first with the id "" (left out if it holds no text)."""
    cut: list[tuple[str, list[str]]] = [("", [])]
    open_elements: list[tuple[str, str]] = []  # (tag, start tag without id)
    for token in tokens(html_text):
        anchor = token.attr("id") if token.kind in ("start", "startend") else None
        if anchor and is_anchor(anchor):
            cut[-1][1].extend(f"</{tag}>" for tag, _ in reversed(open_elements))
            cut.append((anchor, [opening for _, opening in open_elements]))
        cut[-1][1].append(token.raw)
        if token.kind == "start" and token.tag not in VOID:
            open_elements.append((token.tag, start_tag(token.tag, [a for a in token.attrs if a[0] != "id"])))
        elif token.kind == "end" and any(tag == token.tag for tag, _ in open_elements):
            while open_elements.pop()[0] != token.tag:
                pass
    out = [(anchor, "".join(parts)) for anchor, parts in cut]
    if out and out[0][0] == "" and not _has_text(out[0][1]):
        out.pop(0)
    return out


def _has_text(html_text: str) -> bool:
    return any(t.kind == "text" and t.raw.strip() and not t.raw.startswith("<!--") for t in tokens(html_text))


def document_units(html_by_lang: Mapping[str, str], is_anchor: Callable[[str], bool] = is_clause_id) -> list[Unit[str]]:
    """The aligned units of a document, given its HTML in each language (language → HTML, the
    authoritative language first)."""
    return align({lang: segments(html_text, is_anchor) for lang, html_text in html_by_lang.items()})
