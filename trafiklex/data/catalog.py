"""Interface words (not the documents'): one catalog per language, locales/<code>.yml, read by the
Python code, the site's templates (as `t("key")`) and its scripts (the words a script needs are
written into the page). Keys are dotted paths: `t("labels.editorial_note")`.

Every catalog has the keys of the authoritative language's catalog; one that lacks a key, or has
one the authoritative lacks, stops the build with the file and the key."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from trafiklex.data import yamlio
from trafiklex.core.errors import DataError, Problem

FOLDER = "locales"


def _leaves(value: Any, prefix: str = "") -> set[str]:
    """The dotted keys of a catalog's words (a list of words is one word)."""
    if isinstance(value, dict):
        return {leaf for key, inner in value.items() for leaf in _leaves(inner, f"{prefix}{key}.")}
    return {prefix.rstrip(".")}


class Catalog:
    def __init__(self, words: dict[str, dict], lines: dict[str, yamlio.Located]):
        self.words = words            # language → its catalog (nested mappings)
        self._leaves = {lang: _leaves(w) for lang, w in words.items()}
        self._located = lines

    @classmethod
    def load(cls, root: Path, codes: tuple[str, ...], authoritative: str) -> "Catalog":
        words, located, problems = {}, {}, []
        for code in codes:
            path = root / FOLDER / f"{code}.yml"
            if not path.is_file():
                problems.append(Problem(f"{FOLDER}/{code}.yml", f"no interface words for the language '{code}'",
                                        expected=f"a copy of {FOLDER}/{authoritative}.yml with the words in that language"))
                continue
            try:
                located[code] = yamlio.load(path, root)
            except DataError as error:
                problems += error.problems
                continue
            if not isinstance(located[code].data, dict):
                problems.append(Problem(f"{FOLDER}/{code}.yml", "the catalog is not a mapping", line=1,
                                        expected="key: words"))
                continue
            words[code] = located[code].data
        if problems:
            raise DataError(problems)
        catalog = cls(words, located)
        catalog._check(authoritative)
        return catalog

    def _check(self, authoritative: str) -> None:
        reference = self._leaves[authoritative]
        problems = []
        for code, flat in self._leaves.items():
            file = f"{FOLDER}/{code}.yml"
            for key in sorted(reference - set(flat)):
                problems.append(Problem(file, f"the word '{key}' is missing", field=key,
                                        expected=f"the key of {FOLDER}/{authoritative}.yml, in this language"))
            for key in sorted(set(flat) - reference):
                located = self._located[code]
                problems.append(Problem(file, f"the word '{key}' is not in {FOLDER}/{authoritative}.yml",
                                        line=located.line(tuple(key.split("."))), field=key,
                                        expected="the keys of the authoritative catalog only"))
        if problems:
            raise DataError(problems)

    def word(self, lang: str, key: str) -> Any:
        """The words at `key` ("labels.editorial_note") in `lang`."""
        value: Any = self.words[lang]
        for part in key.split("."):
            if not isinstance(value, dict) or part not in value:
                raise KeyError(f"no word '{key}' in {FOLDER}/{lang}.yml")
            value = value[part]
        return value

    def section(self, lang: str, key: str) -> dict:
        return self.word(lang, key)

    def translator(self, lang: str):
        """`t(key, **values)` for templates: the word, formatted with `values` if any."""
        def t(key: str, **values) -> Any:
            text = self.word(lang, key)
            return text.format(**values) if values and isinstance(text, str) else text
        return t
