"""Small text helpers shared by the domain modules."""
from __future__ import annotations

import re
import unicodedata


def fold(text: str) -> str:
    """Case- and diacritic-insensitive form: 'Çështje' and 'ceshtje' fold alike."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", stripped.casefold()).strip()
