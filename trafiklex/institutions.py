"""Institutions: looking bodies up by id, and resolving printed names and acronyms to canonical ids."""
from __future__ import annotations

import re

from .text import fold

# Words that join or introduce the bodies named in a printed responsible-bodies cell.
CONNECTORS = {
    "sq": ["ne bashkepunim me", "në bashkëpunim me", "kryejne", "dhe", "me"],
    "en": ["in cooperation with", "and", "with"],
}


class UnresolvedName(ValueError):
    pass


class Directory:
    """All institutions, with per-language lookup of their acronyms, names and printed variants."""

    def __init__(self, institutions: list[dict]):
        self.by_id = {item["id"]: item for item in institutions}
        self._names: dict[str, dict[str, str]] = {"sq": {}, "en": {}}
        for item in institutions:
            for lang in ("sq", "en"):
                spellings = [item["name"].get(lang)] + item.get("acronyms", {}).get(lang, []) + \
                            item.get("variants", {}).get(lang, [])
                for spelling in filter(None, spellings):
                    self._names[lang].setdefault(fold(spelling), item["id"])
        self._patterns = {
            lang: re.compile("|".join(
                rf"(?<![\w]){re.escape(name)}(?![\w])" for name in sorted(names, key=len, reverse=True)))
            for lang, names in self._names.items()
        }

    def __contains__(self, institution_id: str) -> bool:
        return institution_id in self.by_id

    def get(self, institution_id: str) -> dict:
        return self.by_id[institution_id]

    def acronym(self, institution_id: str, lang: str) -> str | None:
        acronyms = self.by_id[institution_id].get("acronyms", {}).get(lang)
        return acronyms[0] if acronyms else None

    def lookup(self, spelling: str, lang: str) -> str | None:
        """The id of the body printed as `spelling` (an acronym, its name or a known variant)."""
        return self._names[lang].get(fold(spelling))

    def spans(self, printed: str, lang: str) -> list[tuple[int, int, str]]:
        """Where each body is named in a printed cell: (start, end, id), in printed order. Text inside
        parentheses ("(me program te veçante)") is not searched."""
        masked = re.sub(r"\([^)]*\)", lambda m: " " * len(m.group(0)), printed)
        folded = "".join(fold(c) or " " for c in masked)  # same length as the printed text
        return [(m.start(), m.end(), self._names[lang][m.group(0)]) for m in self._patterns[lang].finditer(folded)]

    def resolve(self, printed: str, lang: str) -> list[str]:
        """The ids of the bodies named in a printed cell, in printed order.

        Parentheses and connecting words are skipped; any other word that names no known body
        raises UnresolvedName.
        """
        found = self.spans(printed, lang)
        masked = re.sub(r"\([^)]*\)", lambda m: " " * len(m.group(0)), printed)
        text = "".join(fold(c) or " " for c in masked)
        ids, leftover, position = [], [], 0
        for start, end, body in found:
            leftover.append(text[position:start])
            ids.append(body)
            position = end
        leftover.append(text[position:])
        rest = " ".join(leftover)
        for connector in CONNECTORS[lang]:
            rest = re.sub(rf"(?<!\w){re.escape(fold(connector))}(?!\w)", " ", rest)
        rest = re.sub(r"[\s,.;:/&-]+", " ", rest).strip()
        if rest:
            raise UnresolvedName(rest)
        return ids
