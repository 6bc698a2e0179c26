"""What the divergence report (trafiklex.translators.divergence) reads in a clause's text: its dates, its numbers
(in figures and in words) and the people it names.

The vocabularies it reads them with (month names, number words, titles of people) are here, by
language: they are part of the analysis, tuned with its patterns and with the folded text they
match, not words of the interface (those are in locales/). A language without them is read by its
figures, its dates in figures and its names after a title alone.
"""
from __future__ import annotations

import re
from collections import Counter

from rapidfuzz import fuzz

from trafiklex.data.corpus import Corpus
from trafiklex.core.htmltext import parse
from trafiklex.core.ids import ClauseId
from trafiklex.core.text import fold

# --- numbers and dates ------------------------------------------------------------------------------

MONTHS = {**{m: i for i, m in enumerate(["janar", "shkurt", "mars", "prill", "maj", "qershor", "korrik", "gusht",
                                          "shtator", "tetor", "nentor", "dhjetor"], 1)},
          **{m: i for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july", "august",
                                          "september", "october", "november", "december"], 1)},
          "jan": 1, "feb": 2, "aug": 8, "sept": 9, "sep": 9, "oct": 10, "nov": 11, "dec": 12}
# Number words (not "një"/"one" and "dy"/"two", which are mostly articles and "both"); a quarter is
# "e katërta" / "fourth".
NUMBER_WORDS = {
    "sq": {"tre": 3, "kater": 4, "pese": 5, "gjashte": 6, "shtate": 7, "tete": 8, "nente": 9,
           "dhjete": 10, "dymbedhjete": 12, "tetembedhjete": 18, "njezet": 20, "tremujore": 3, "katert": 4,
           "katerten": 4},
    "en": {"three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
           "ten": 10, "twelve": 12, "eighteen": 18, "twenty": 20, "quarterly": 3, "fourth": 4},
}
_MONTH = "|".join(MONTHS)
DATE_NUMERIC = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
DATE_WORDS = re.compile(rf"\b(?:(\d{{1,2}})\s+)?({_MONTH})\.?\s+(\d{{4}})\b")
PERIOD = re.compile(r"\b((?:19|20)\d\d)\s*[-/–]\s*(\d{1,4})\b")
NUMBER = re.compile(r"\b\d+(?:[.,]\d+)?\b")
LABEL = re.compile(r"^\s*(?:[IVX]+|\d+|[a-zA-Z])[.)]\s")  # the clause's own printed number


def dates(text: str) -> tuple[set[str], str]:
    """The dates in a text, as YYYY-MM-DD or YYYY-MM, and the text without them."""
    found = set()
    folded = fold(text)

    def numeric(m):
        found.add(f"{m[3]}-{int(m[2]):02d}-{int(m[1]):02d}")
        return " "

    def words(m):
        found.add(f"{m[3]}-{MONTHS[m[2]]:02d}" + (f"-{int(m[1]):02d}" if m[1] else ""))
        return " "

    rest = DATE_WORDS.sub(words, DATE_NUMERIC.sub(numeric, folded))
    return found, rest


def numbers(text: str, lang: str) -> Counter:
    """The numbers of a text (dates and references removed first), figures and number words alike;
    a period "2005-7" or "2000/1" counts as its two years."""
    _, rest = dates(text)
    rest = LABEL.sub(" ", rest)
    found: Counter = Counter()

    def period(m):
        start, end = m[1], m[2]
        if len(end) < 4:
            end = start[: 4 - len(end)] + end
        found.update([int(start), int(end)])
        return " "

    rest = PERIOD.sub(period, rest)
    for value in NUMBER.findall(rest):
        found[float(value.replace(",", ".")) if "." in value or "," in value else int(value)] += 1
    for word in re.findall(r"[a-z]+", rest):
        if word in NUMBER_WORDS.get(lang, {}):
            found[NUMBER_WORDS[lang][word]] += 1
    return found


def without_references(corpus: Corpus, text: str, document: str, lang: str) -> str:
    spans = corpus.find_references(text, document, lang)
    for ref in reversed(spans):
        text = text[:ref.start] + " " + text[ref.end:]
    return text


# --- names of people ---------------------------------------------------------------------------------

TITLE = r"(?:Znj\.|Z\.|z\.|Ms\.|Mr\.|Drejtues|Leader)"
NAME = r"[A-ZÇË][a-zçë]+|[A-ZÇË]{2,}"
EDITORIAL_NOTE = re.compile(r'<div class="admonition note editorial-note".*?</p></div>', re.S)
PERSON = re.compile(rf"{TITLE}[ \t]*((?:{NAME})(?:[ \t]+(?:{NAME})){{1,2}})")


def people(unit_html: str, clause: str) -> set[str]:
    """Names of people: after a title (Znj., Mr., …); in a signature block, the line under the title."""
    unit_html = EDITORIAL_NOTE.sub(" ", unit_html)  # the site's notes quote names; they are not the text
    lines = [" ".join(parse(line).text().split()) for line in re.split(r"<br\s*/?>|</p>", unit_html)]
    names = {" ".join(m.split()) for line in lines for m in PERSON.findall(line)}
    if part_of(clause, "signatures", "transmission") and len(lines) > 1:
        names.add(re.sub(rf"^{TITLE}\s*", "", lines[1]).strip())
    return {n for n in names if n}


def same_person(a: str, b: str) -> float:
    return fuzz.ratio(fold(a), fold(b))


def part_of(clause: str, *heads: str) -> bool:
    """The clause is a part of a clause of one of these one-level ids ("signatures__1" of "signatures")."""
    parsed = ClauseId.parse(clause) if ClauseId.is_valid(clause) else None
    return bool(parsed and parsed.parent and parsed.head.text in heads)
