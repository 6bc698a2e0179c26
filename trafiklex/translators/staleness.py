"""Which translations need review: when a clause changes in one language, its counterpart is flagged
until a translator marks the clause reviewed (like a translation memory's fuzzy flag).

translations/reviews.yml keeps, for every aligned clause, a fingerprint of each language's text as it
was when a translator last reviewed them together. The authoritative text is compared with each
translation: a clause whose authoritative text no longer matches its fingerprint flags each
translation for review; one whose translation changed flags the authoritative text (check that the
two still agree); a clause with no entry has never been reviewed; an entry whose clause is gone is
reported as removed.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from trafiklex.data import schemas
from trafiklex.data.corpus import Corpus
from trafiklex.core.errors import DataError, Problem
from trafiklex.translators.parallel import Pair, comparisons, language_name

REVIEWS = Path("translations") / "reviews.yml"
HEADER = """\
# yaml-language-server: $schema=../schemas/reviews.schema.json
# Translator reviews (written by scripts/translations review; do not edit by hand).
# For every aligned clause, document → clause id → the fingerprint of each language's text when a
# translator last reviewed the two together, and the date. A clause whose text no longer matches its
# fingerprint flags its counterpart as needing review: scripts/translations stale lists them.
"""


def fingerprint(text: str | None) -> str | None:
    """A short hash of a clause's text, blind to spacing."""
    if not text:
        return None
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Stale:
    document: str
    clause: str
    status: str          # review-<language> (review-en, review-sq) | review-both | unreviewed | removed
    detail: str
    language: str = ""   # for review-<language>: the language to review

    @property
    def key(self) -> str:
        return f"{self.document}#{self.clause}"


def load(root: Path, documents: set[str] | None = None) -> dict:
    """document → clause → {<language>: fingerprint, …, reviewed}; {} when nothing was reviewed yet.
    With `documents` (the edition's document ids), a review of any other document is refused."""
    path = root / REVIEWS
    if not path.exists():
        return {}
    located = schemas.load_checked(path, root, "reviews")
    unknown = [d for d in located.data if documents is not None and d not in documents]
    if unknown:
        raise DataError([Problem(located.file, f"reviews of an unknown document '{d}'", line=located.line((d,)), field=d,
                                 expected="the id of a document of data/documents.yml") for d in unknown])
    return located.data


def save(root: Path, reviews: dict) -> None:
    path = root / REVIEWS
    path.parent.mkdir(parents=True, exist_ok=True)
    ordered = {document: dict(sorted(clauses.items())) for document, clauses in sorted(reviews.items())}
    body = yaml.safe_dump(ordered, allow_unicode=True, sort_keys=False, default_flow_style=None, width=120)
    path.write_text(HEADER + body, encoding="utf-8")


def _clauses(pairs: list[Pair]) -> dict[tuple[str, str], dict[str, str | None]]:
    """(document, clause) → each language's text (a clause printed in another place in each language
    is two one-sided pairs: one clause here)."""
    found: dict[tuple[str, str], dict[str, str | None]] = {}
    for pair in pairs:
        if pair.id:
            texts = found.setdefault((pair.document, pair.id), dict.fromkeys(pair.text))
            for lang in pair.text:
                texts[lang] = texts.get(lang) or pair.side(lang)
    return found


def stale(corpus: Corpus, pairs: list[Pair], reviews: dict) -> list[Stale]:
    out = []
    clauses = _clauses(pairs)
    compared = comparisons(corpus)
    for (document, clause), texts in clauses.items():
        stored = reviews.get(document, {}).get(clause)
        if stored is None:
            out.append(Stale(document, clause, "unreviewed", "never reviewed"))
            continue
        since = f"since the review of {stored['reviewed']}"
        for languages in compared:
            changed = [lang for lang in languages if stored.get(lang) != fingerprint(texts.get(lang))]
            if len(changed) == 2:
                which = "both texts" if len(compared) == 1 else \
                    "the " + " and the ".join(language_name(corpus, lang) for lang in languages)
                out.append(Stale(document, clause, "review-both", f"{which} changed {since}"))
            elif changed:
                other = next(lang for lang in languages if lang not in changed)
                out.append(Stale(document, clause, f"review-{other}",
                                 f"the {language_name(corpus, changed[0])} changed {since}: "
                                 f"check the {language_name(corpus, other)}", other))
    for document, reviewed in reviews.items():
        for clause in reviewed:
            if (document, clause) not in clauses:
                out.append(Stale(document, clause, "removed", "reviewed once, no longer in the text"))
    return out


def review(pairs: list[Pair], reviews: dict, keys: list[str] | None, today: date) -> tuple[dict, list[Problem]]:
    """Mark clauses reviewed (`keys` as "document#clause"; None: every clause): store the fingerprints
    of every language's text as it is now. Entries of removed clauses named in `keys` (or all, with None)
    are dropped."""
    clauses = {f"{document}#{clause}": texts for (document, clause), texts in _clauses(pairs).items()}
    updated = {document: dict(reviewed) for document, reviewed in reviews.items()}
    problems = []
    if keys is None:  # every clause: those removed from the text go too
        keys = list(clauses) + [f"{document}#{clause}" for document, reviewed in reviews.items()
                                for clause in reviewed if f"{document}#{clause}" not in clauses]
    for key in keys:
        document, _, clause = key.partition("#")
        texts = clauses.get(key)
        if texts is None:
            if clause in updated.get(document, {}):
                del updated[document][clause]
            else:
                problems.append(Problem(str(REVIEWS), f"no clause {key!r} to mark reviewed",
                                        expected="document#clause, as listed by scripts/translations stale"))
            continue
        updated.setdefault(document, {})[clause] = {
            **{lang: fingerprint(text) for lang, text in texts.items()}, "reviewed": today.isoformat()}
    return {d: c for d, c in updated.items() if c}, problems
