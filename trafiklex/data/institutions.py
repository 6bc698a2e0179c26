"""Institutions: looking bodies up by id, and resolving printed names and acronyms to canonical ids.

An acronym, name or variant names one body in the whole edition (data/institutions.yml); a document
may give some of them to another body in its own text (data/documents/<document>/acronyms.yml: the
later plans' "MSH" is the Ministry of Health, the 2005 texts' the Minister of State). Corpus.bodies(
document) is the directory as that document's text reads."""
from __future__ import annotations

import re

from trafiklex.core.text import fold, fold_char



class UnresolvedName(ValueError):
    pass


class Directory:
    """All institutions, with per-language lookup of their acronyms, names and printed variants."""

    def __init__(self, institutions: list[dict], languages, scoped: dict[str, dict[str, str]] | None = None):
        """`languages`: the edition's (trafiklex.core.languages.Languages); `scoped`: per language, the
        spellings one document gives to another body than the edition does (spelling → id)."""
        self.by_id = {item["id"]: item for item in institutions}
        self.languages = languages
        self.scoped = scoped or {}
        self._names: dict[str, dict[str, str]] = {lang: {} for lang in languages}
        for item in institutions:
            for lang in languages:
                spellings = [item["name"].get(lang)] + item.get("acronyms", {}).get(lang, []) + \
                            item.get("variants", {}).get(lang, [])
                for spelling in filter(None, spellings):
                    self._names[lang].setdefault(fold(spelling), item["id"])
        for lang, spellings in self.scoped.items():
            for spelling, institution in spellings.items():
                if lang in self._names:
                    self._names[lang][fold(spelling)] = institution
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
        folded = "".join(map(fold_char, masked))  # same length as the printed text
        return [(m.start(), m.end(), self._names[lang][m.group(0)]) for m in self._patterns[lang].finditer(folded)]

    def acronym_spans(self, text: str, lang: str) -> list[tuple[int, int, str]]:
        """Where the text names a body by one of its acronyms in `lang`, as printed (case counts)."""
        if not hasattr(self, "_acronym_patterns"):
            self._acronym_patterns = {}
        if lang not in self._acronym_patterns:
            scoped = self.scoped.get(lang, {})
            acronyms = {a: item["id"] for item in self.by_id.values() for a in item.get("acronyms", {}).get(lang, [])
                        if fold(a) not in {fold(s) for s in scoped}} | dict(scoped)
            alternatives = "|".join(re.escape(a) for a in sorted(acronyms, key=len, reverse=True))
            # (an Albanian acronym takes its endings after a hyphen: IOM-it, OJF-te)
            self._acronym_patterns[lang] = (re.compile(rf"(?<![\w/-])({alternatives})(?!\w)"), acronyms)
        pattern, acronyms = self._acronym_patterns[lang]
        return [(m.start(), m.end(), acronyms[m.group(1)]) for m in pattern.finditer(text)]

    def mentions(self, text: str, lang: str) -> list[str]:
        """The bodies a running text names by name or printed variant. Albanian inflects names
        (Ministria, Ministrine, Ministrise), so there each word may end differently."""
        if not hasattr(self, "_mention_patterns"):
            self._mention_patterns = {}
        if lang not in self._mention_patterns:
            patterns = []
            for spelling, institution in self._names[lang].items():
                words, kind = spelling.split(), self.by_id[institution]["kind"]
                if kind == "group" or (len(words) < 2 and kind != "government"):
                    continue  # a generic group, or one word ("Prokuroria", "Qendrat"): not a name
                    # (but a government office's one-word title is: "Kryeministri")
                stems = [w[: max(3, len(w) - 2)] if self.languages.get(lang).inflects and len(w) > 3 else w for w in words]
                if self.languages.get(lang).inflects:
                    words = [re.escape(w[: max(3, len(w) - 2)]) + r"\w{0,4}" if len(w) > 3 else re.escape(w) for w in words]
                else:
                    words = [re.escape(w) + "s?" for w in words]
                # (the longest stem must be in the text for the name to be: a quick test first)
                patterns.append((max(stems, key=len), re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)"), institution))
            self._mention_patterns[lang] = patterns
        folded = fold(text)
        return sorted({institution for stem, pattern, institution in self._mention_patterns[lang]
                       if stem in folded and pattern.search(folded)})

    def spellings(self, institution_id: str, lang: str) -> list[str]:
        """Every way `lang` prints the body (name, acronyms, variants), folded."""
        return [spelling for spelling, owner in self._names[lang].items() if owner == institution_id]

    def related(self, institution_id: str) -> set[str]:
        """The body, the bodies it is part of and the bodies that are part of it."""
        family, parent = {institution_id}, self.by_id[institution_id].get("part_of")
        while parent:
            family.add(parent)
            parent = self.by_id[parent].get("part_of")
        return family | {i for i, item in self.by_id.items() if item.get("part_of") == institution_id}

    def resolve(self, printed: str, lang: str) -> list[str]:
        """The ids of the bodies named in a printed cell, in printed order.

        Parentheses and connecting words are skipped; any other word that names no known body
        raises UnresolvedName.
        """
        found = self.spans(printed, lang)
        masked = re.sub(r"\([^)]*\)", lambda m: " " * len(m.group(0)), printed)
        text = "".join(map(fold_char, masked))
        ids, leftover, position = [], [], 0
        for start, end, body in found:
            leftover.append(text[position:start])
            ids.append(body)
            position = end
        leftover.append(text[position:])
        rest = " ".join(leftover)
        for connector in self.languages.get(lang).connectors:
            rest = re.sub(rf"(?<!\w){re.escape(fold(connector))}(?!\w)", " ", rest)
        rest = re.sub(r"[\s,.;:/&-]+", " ", rest).strip()
        if rest:
            raise UnresolvedName(rest)
        return ids
