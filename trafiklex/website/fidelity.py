"""How faithfully a published text reproduces its source: word tokens of the source, found in order.

The source files are the extraction of the printed edition. Before comparing, the extraction's own
artifacts are removed from the source: lines listed as artifacts (page numbers, rotated-text
fragments), letter spacing (``V E N D I M``) and template blanks (``Nr._171_``).
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

WORD = re.compile(r"\w+", re.UNICODE)
# five or more single letters separated by single spaces: letter-spaced print (``K R Y E M I N I S T R I``)
LETTER_SPACED = re.compile(r"(?<!\w)(?:\w ){4,}\w(?!\w)")


def collapse_letter_spacing(text: str) -> str:
    return LETTER_SPACED.sub(lambda m: m.group(0).replace(" ", ""), text)


def tokens(text: str) -> list[str]:
    """Word tokens, case kept; underscores (template blanks) are not part of words."""
    return WORD.findall(text.replace("_", " "))


def source_tokens(text: str, artifact_lines: set[int] = frozenset()) -> list[str]:
    """Tokens of a source text, without the lines (1-based) listed as extraction artifacts."""
    kept = [line for number, line in enumerate(text.splitlines(), start=1) if number not in artifact_lines]
    return tokens(collapse_letter_spacing("\n".join(kept)))


@dataclass
class Coverage:
    total: int
    found: int
    missing: list[tuple[int, list[str]]]  # (index in source tokens, run of missing tokens)

    @property
    def ratio(self) -> float:
        return self.found / self.total if self.total else 1.0


def coverage(source: list[str], published: list[str]) -> Coverage:
    """Share of the source tokens that appear, in order, in the published tokens."""
    matcher = difflib.SequenceMatcher(None, source, published, autojunk=False)
    found, missing, position = 0, [], 0
    for block in matcher.get_matching_blocks():
        if block.a > position:
            missing.append((position, source[position:block.a]))
        found += block.size
        position = block.a + block.size
    return Coverage(total=len(source), found=found, missing=missing)
