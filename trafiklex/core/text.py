"""Small text helpers shared by the domain modules."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# the combining marks of the Basic Multilingual Plane (accents, cedillas…), removed by a table
_MARKS = {code: None for code in range(0x10000) if unicodedata.combining(chr(code))}
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=4096)
def fold_char(char: str) -> str:
    """One character folded, a space where it folds to nothing (so that a text folded character by
    character keeps its positions)."""
    return fold(char) or " "


def fold(text: str) -> str:
    """Case- and diacritic-insensitive form: 'Çështje' and 'ceshtje' fold alike."""
    decomposed = unicodedata.normalize("NFKD", text)
    if max(decomposed, default="\0") > "\uffff":  # beyond the BMP: look each character up
        stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    else:
        stripped = decomposed.translate(_MARKS)
    return _SPACES.sub(" ", stripped.casefold()).strip()
