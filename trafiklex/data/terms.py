"""The termbase (data/terms.yml): the concepts that carry legal meaning in the documents, their terms
in every language and the forms in which they occur; and where each occurs in an aligned clause.

A form is a phrase matched on the folded text (no case, no diacritics): its words as written, a word
ending in * matching any ending (the stem rule of an inflected language), "…" up to six words
between. Where forms of two concepts overlap, the longer match wins ("familje kujdestarie", foster
care, over "kujdestar*", guardianship); a qualifier of scope is found inside another concept's
words too ("main" in "the main border crossing points")."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from trafiklex.data.store import Corpus
from trafiklex.core.text import fold_char

GAP = "…"
FOUND_KEPT = 50_000  # texts whose concepts a termbase remembers (Termbase.find), at most
_kept: dict[str, "Termbase"] = {}  # the termbase made last, by the hash of data/terms.yml (termbase)
WORD = r"[\w-]*"
WORD_START = re.compile(r"(?<!\w)\S")  # where a form's match may begin (pattern: no word character before it)


@lru_cache(maxsize=16384)  # (the same clause texts are read by several checks)
def folded(text: str) -> str:
    """The text folded character by character: the same length, so that a match's place is its
    place in the text as printed."""
    out = []
    for char in text:
        f = fold_char(char)
        out.append(f if len(f) == 1 else (f[0] if f.strip() else " "))
    return "".join(out)


def pattern(form: str, strict: bool = False) -> str:
    """The regular expression of a form; `strict`: not inside a hyphenated word either (a marker:
    "jo" is not the "jo" of "jo-qeveritare")."""
    parts = []
    for word in fold_form(form).split():
        if word == GAP:
            parts.append(r"(?:\S+\s+){0,6}?")
            continue
        stem = word.endswith("*")
        parts.append(re.escape(word.rstrip("*")) + (WORD if stem else "") + r"\s+")
    before, after = (r"(?<![\w-])", r"(?![\w-])(?!\.?\s*\d)") if strict else (r"(?<!\w)", r"(?!\w)")
    return before + "".join(parts)[: -len(r"\s+")] + after


def fold_form(form: str) -> str:
    """A form folded as the texts are, its gaps kept."""
    return f" {GAP} ".join(" ".join(folded(part).split()) for part in form.split(GAP)).strip()


@dataclass(frozen=True)
class Concept:
    id: str
    domain: str
    touches: str
    term: dict
    forms: dict
    not_: tuple = ()
    check: bool = True
    note: dict = field(default_factory=dict)
    institution: str = ""

    @cached_property
    def regex(self) -> dict[str, re.Pattern]:
        return {lang: re.compile("|".join(f"(?:{pattern(f)})" for f in forms)) for lang, forms in self.forms.items()}

    @cached_property
    def first_words(self) -> dict[str, tuple[str, ...] | None]:
        """Per language, the letters every match begins with (each form's first word, without its
        ending): a text that holds none of them cannot match, and is not searched. None: a form
        begins with a gap (or has no word), and every text is searched."""
        out: dict[str, tuple[str, ...] | None] = {}
        for lang, forms in self.forms.items():
            words = [(fold_form(form).split() or [""])[0].rstrip("*") for form in forms]  # ("": a form of no word)
            out[lang] = None if any(not w or w == GAP for w in words) else tuple(words)
        return out


def _matches_at(regex: re.Pattern, text: str, starts: list[int]):
    """regex.finditer(text) when a match can begin at `starts` alone (in order), and is never empty: the
    same matches, the regex tried at those places only."""
    end = 0
    for at in starts:
        if at >= end and (match := regex.match(text, at)):
            yield match
            end = match.end()


@dataclass(frozen=True)
class Match:
    concept: str
    start: int
    end: int
    text: str   # as printed


class Termbase:
    def __init__(self, data: dict):
        self.concepts = [Concept(c["id"], c["domain"], c["touches"], c["term"], c["forms"], tuple(c.get("not", ())),
                                 c.get("check", True), c.get("note", {}), c.get("institution", ""))
                         for c in data["concepts"]]
        self.by_id = {c.id: c for c in self.concepts}
        self._found: dict[tuple[str, str, str], list[Match]] = {}  # (find)
        self._by_start: dict[str, dict] = {}  # (_first_words_by_start)
        self.markers = {kind: {lang: re.compile("|".join(f"(?:{pattern(f, strict=True)})" for f in forms))
                               for lang, forms in by_lang.items()} for kind, by_lang in data["markers"].items()}

    @cached_property
    def meaning(self) -> list[Concept]:
        """The concepts the meaning checks find in a clause: not the bodies (the bodies check reads
        them, by institution)."""
        return [c for c in self.concepts if c.domain != "body"]

    def find(self, text: str, lang: str, concepts=None) -> list[Match]:
        """The concepts' occurrences in `text`, the longest where two overlap, in the order of the text
        (all the concepts' or the meaning checks': remembered by text, for the life of this termbase)."""
        if not text:
            return []
        which = "all" if concepts is None else "meaning" if concepts is self.meaning else None
        if which is None:
            return self._find(text, lang, concepts)
        key = (which, lang, text)
        if key not in self._found:
            if len(self._found) >= FOUND_KEPT:
                self._found.clear()
            self._found[key] = self._find(text, lang, concepts)
        return list(self._found[key])

    def _find(self, text: str, lang: str, concepts) -> list[Match]:
        flat = folded(text)
        found = []
        starts = self._starts(flat, lang)
        for concept in concepts if concepts is not None else self.concepts:
            regex = concept.regex.get(lang)
            if regex is None:
                continue
            if concept.first_words.get(lang) is None:  # (a form begins with a gap: the whole text is searched)
                matches = regex.finditer(flat)
            elif concept.id in starts:  # (most concepts are in few clauses)
                matches = _matches_at(regex, flat, starts[concept.id])
            else:
                continue
            found += [(m.start(), m.end(), concept.id) for m in matches if m.end() > m.start()]
        kept: list[tuple[int, int, str]] = []
        for start, end, concept in sorted(found, key=lambda f: (f[0] - f[1], f[0])):
            qualifier = self.by_id[concept].domain == "qualifier"  # ("main" inside "the main border crossing points")
            if all(end <= s or start >= e or qualifier != (self.by_id[c].domain == "qualifier") for s, e, c in kept):
                kept.append((start, end, concept))
        return [Match(concept, start, end, text[start:end]) for start, end, concept in sorted(kept)]

    def _starts(self, flat: str, lang: str) -> dict[str, list[int]]:
        """Where in `flat` (a folded text) each concept's match may begin, in order: where one of its forms'
        first words (Concept.first_words) begins — a form's match begins with its first word, with no
        word character (letter, digit, underscore) before it (pattern)."""
        by_start = self._first_words_by_start(lang)
        starts: dict[str, list[int]] = {}
        for start in WORD_START.finditer(flat):
            at = start.start()
            for prefix in {flat[at], flat[at:at + 2]}:
                for word, ids in by_start.get(prefix, ()):
                    if flat.startswith(word, at):
                        for concept in ids:
                            if not starts.get(concept) or starts[concept][-1] != at:
                                starts.setdefault(concept, []).append(at)
        return starts

    def _first_words_by_start(self, lang: str) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
        """Each first word of a form (Concept.first_words), with the concepts that have it, under its first
        two letters (or its one letter)."""
        if lang not in self._by_start:
            words: dict[str, list[str]] = {}
            for concept in self.concepts:
                for word in concept.first_words.get(lang) or ():
                    words.setdefault(word, []).append(concept.id)
            by_start: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
            for word, ids in words.items():
                by_start.setdefault(word[:2], []).append((word, tuple(ids)))
            self._by_start[lang] = by_start
        return self._by_start[lang]

    def markers_in(self, kind: str, text: str, lang: str) -> list[Match]:
        """The markers of a kind (negation, obligation, permission) in `text`; a negation word inside
        what does not negate (not_negation: "whether or not") is not one."""
        regex = self.markers[kind].get(lang)
        if not regex or not text:
            return []
        flat = folded(text)
        found = [Match(kind, m.start(), m.end(), text[m.start():m.end()]) for m in regex.finditer(flat)]
        if kind == "negation" and "not_negation" in self.markers and self.markers["not_negation"].get(lang):
            spans = [(m.start(), m.end()) for m in self.markers["not_negation"][lang].finditer(flat)]
            found = [m for m in found if not any(s <= m.start and m.end <= e for s, e in spans)]
        return found


def termbase(corpus: Corpus) -> Termbase:
    """The corpus's termbase. The one made last is kept for as long as data/terms.yml stays the same, with
    its compiled forms and what it has found: `mkdocs serve` rebuilds after an edit without making it
    again, and finds the concepts again only in the texts the edit changed."""
    def make() -> Termbase:
        digest = corpus.file_digest("terms.yml")
        if digest not in _kept:
            _kept.clear()  # (one termbase at a time)
            _kept[digest] = Termbase(corpus.data("terms.yml"))
        return _kept[digest]
    return corpus.memo("termbase", make)


def check(corpus: Corpus, report) -> None:
    """What the schema cannot say: ids once; `not` and `institution` name what exists; every body of
    data/institutions.yml is a concept (domain body: the divergence report compares the bodies the two
    languages name); every language of the edition has a term and forms; every form compiles."""
    file = "terms.yml"
    data = corpus.data(file)
    ids = [c["id"] for c in data["concepts"]]
    languages = corpus.languages.codes
    for i, concept in enumerate(data["concepts"]):
        path = ("concepts", i)
        if ids.index(concept["id"]) != i:
            report(file, path + ("id",), f"the concept id '{concept['id']}' is used twice", "each concept id once")
        for other in concept.get("not", ()):
            if other not in ids or other == concept["id"]:
                report(file, path + ("not",), f"'{other}' is not another concept of the termbase", "ids of other concepts")
        if "institution" in concept and concept["institution"] not in corpus.institutions:
            report(file, path + ("institution",), f"unknown institution id '{concept['institution']}'",
                   "an id from data/institutions.yml")
        for part in ("term", "forms"):
            for lang in languages:
                if lang not in concept[part]:
                    report(file, path + (part,), f"no {part} in '{lang}' for '{concept['id']}'",
                           f"a {part} in every language of data/languages.yml ({', '.join(languages)})")
            for lang in concept[part]:
                if lang not in languages:
                    report(file, path + (part, lang), f"'{lang}' is not a language of the edition",
                           f"one of {', '.join(languages)}")
        for lang, forms in concept["forms"].items():
            for f, form in enumerate(forms):
                if not fold_form(form).replace(GAP, "").replace("*", "").strip():
                    report(file, path + ("forms", lang, f), f"the form {form!r} has no word", "a word or a phrase")
    bodies = {c["institution"] for c in data["concepts"] if c.get("domain") == "body" and "institution" in c}
    for n, institution in enumerate(corpus.data("institutions.yml")["institutions"]):
        if institution["id"] not in bodies:
            report("institutions.yml", ("institutions", n, "id"), f"the body '{institution['id']}' has no concept in data/terms.yml",
                   f"a concept `id: body_{institution['id']}` in data/terms.yml with `domain: body`, `touches: duty`, "
                   f"`institution: {institution['id']}`, its `term` and `forms` in every language and `check: false` "
                   "(EDITING.md, Adding a document, step 5)")
