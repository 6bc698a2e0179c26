"""The reference check: every internal reference of every language ("Article 5.C.2", "B.16 above",
"Annex 1", "section A and C"), resolved to a clause id by trafiklex.core.references, and reported when it

  nowhere     points to a clause the document does not have (in that language)
  self        points to the clause it stands in
  omitted     points to a part the source does not print (an editorial note of kind "omission" stands
              in its place)
  elsewhere   is a "see …" reference to a clause about something else: a sibling of the target shares
              clearly more words with the referring clause than the target does, in every language
              whose text makes the reference (two at least)

The source's defects are reported, never fixed: the pages link every reference where it points.
The words the check reads ("see", and the words too common to tell clauses apart) are part of the
analysis, by language, not words of the interface.
"""
from __future__ import annotations

import math
import re
from dataclasses import asdict, dataclass

from trafiklex.data.corpus import Corpus
from trafiklex.core.ids import ClauseId
from trafiklex.translators.parallel import Pair, all_pairs
from trafiklex.core.text import fold

PROBLEMS = ("nowhere", "self", "omitted", "elsewhere")
SEE = re.compile(r"\b(?:see|shih)\b", re.I)
# "elsewhere": the best sibling must share at least this much (cosine of the word-stem sets) with
# the referring clause, and the target less than this share of the sibling's score, in every language
# whose text makes the reference.
ELSEWHERE_MIN_SIMILARITY = 0.25
ELSEWHERE_MAX_RATIO = 0.6
STOPWORDS = {
    "en": set("this that with from have which their other shall will into upon such also been about above "
              "below within under agreement article articles parties party".split()),
    "sq": set("kete kesaj nese eshte jane dhe per nga tek mbi ose edhe duke sipas marreveshje "
              "marreveshjeje nenin nenet shih siper".split()),
}


@dataclass(frozen=True)
class ReferenceProblem:
    problem: str
    document: str
    clause: str          # where the reference stands
    languages: str       # the languages that print it, in their order: "sq", "en" or "sq en"
    printed: str         # the reference as printed in each of them, joined by " / "
    target: str          # document#clause it resolves to
    detail: str
    nearest: str = ""    # for "elsewhere": the clause nearest in content (document#clause)

    def as_dict(self) -> dict:
        return asdict(self)


def _stems(text: str, lang: str) -> set[str]:
    return {w[:5] for w in re.findall(r"[a-z]{4,}", fold(text)) if w not in STOPWORDS.get(lang, ())}


def _similarity(a: set[str], b: set[str]) -> float:
    return len(a & b) / math.sqrt(max(1, len(a) * len(b)))


def check(corpus: Corpus, pairs: list[Pair] | None = None) -> list[ReferenceProblem]:
    """The problems of the references in `pairs` (by default: all the corpus's documents); what they
    point to is looked up in all the documents."""
    if pairs is None:
        return corpus.memo("reference-check", lambda: _check(corpus, all_pairs(corpus)))
    return _check(corpus, pairs)


def _check(corpus: Corpus, pairs: list[Pair]) -> list[ReferenceProblem]:
    every = all_pairs(corpus)
    languages = corpus.languages.codes
    texts = {(p.document, p.id, lang): p.side(lang) for p in every for lang in p.languages}
    omitted = {(note["document"], note["anchor"]) for note in corpus.notes.values() if note["kind"] == "omission"}
    found: dict[tuple, dict] = {}   # (problem, document, clause, target) → {lang: printed}, detail

    def report(problem, pair, lang, ref, detail, nearest=""):
        key = (problem, pair.document, pair.id, f"{ref.document}#{ref.target}")
        entry = found.setdefault(key, {"printed": {}, "detail": detail, "nearest": nearest})
        entry["printed"][lang] = ref.text

    elsewhere: dict[tuple, dict[str, str]] = {}
    made: dict[tuple, set[str]] = {}  # (document, clause, target document, target) → the languages that make it
    for pair in pairs:
        for lang in pair.text:
            text = pair.side(lang)
            if not text:
                continue
            refs = corpus.find_references(text, pair.document, lang)
            context = text
            for ref in reversed(refs):
                context = context[:ref.start] + " " + context[ref.end:]
            for ref in refs:
                if not ref.target:
                    continue
                made.setdefault((pair.document, pair.id, ref.document, ref.target), set()).add(lang)
                if (ref.document, ref.target, lang) not in texts:
                    report("nowhere", pair, lang, ref, f"{ref.document} has no clause {ref.target} in this language")
                elif ref.document == pair.document and ref.target == pair.id:
                    report("self", pair, lang, ref, "points to the clause it stands in")
                elif (ref.document, ref.target) in omitted:
                    report("omitted", pair, lang, ref, "points to a part the source does not print")
                elif SEE.search(text[max(0, ref.start - 40):ref.end]):
                    better = _closest_sibling(texts, pair, ref, lang, _stems(context, lang))
                    if better and better[2] >= ELSEWHERE_MIN_SIMILARITY and better[1] < ELSEWHERE_MAX_RATIO * better[2]:
                        elsewhere.setdefault((pair.document, pair.id, ref.document, ref.target), {})[lang] = (ref, better)
    for key, by_lang in elsewhere.items():
        document, clause, _, _ = key
        suggestions = {better[0] for _, better in by_lang.values()}
        if set(by_lang) == made[key] and len(by_lang) > 1 and len(suggestions) == 1:  # the languages agree
            pair = next(p for p in pairs if p.document == document and p.id == clause)
            for lang, (ref, better) in by_lang.items():
                report("elsewhere", pair, lang, ref,
                       f"the clause is about something else; {better[0]} shares more of the referring clause's words",
                       nearest=f"{ref.document}#{better[0]}")
    return [ReferenceProblem(problem, document, clause, " ".join(lang for lang in languages if lang in entry["printed"]),
                             " / ".join(entry["printed"][lang] for lang in languages if lang in entry["printed"]),
                             target, entry["detail"], entry["nearest"])
            for (problem, document, clause, target), entry in found.items()]


def _closest_sibling(texts, pair: Pair, ref, lang: str, context: set[str]) -> tuple[str, float, float] | None:
    """The clause of the target's level and parent nearest in content to the referring clause (not
    the referring clause itself): (its id, the target's similarity, its similarity)."""
    parent = ClauseId.parse(ref.target).parent if ClauseId.is_valid(ref.target) else None
    siblings = {clause: _similarity(context, _stems(text, lang)) for (document, clause, language), text in texts.items()
                if document == ref.document and language == lang and clause and clause != pair.id and parent
                and ClauseId.parse(clause).parent == parent}
    if not siblings:
        return None
    best = max(siblings, key=siblings.get)
    if best == ref.target:
        return None
    return best, siblings.get(ref.target, 0.0), siblings[best]
