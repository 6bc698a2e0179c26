"""Interface words (not the documents'): one catalog per language, locales/<code>.yml, read by the
Python code, the site's templates (as `t("key")`) and its scripts (the words a script needs are
written into the page). Keys are dotted paths: `t("labels.editorial_note")`.

Every catalog has the keys of the authoritative language's catalog; one that lacks a key, or has
one the authoritative lacks, stops the build with the file and the key.

A word said of a number ("{n} clauses") has a form for each plural category of its language (CLDR's
rules, through Babel: `one` and `other` in Albanian and English, more in other languages), e.g.

    clauses:
      one: '{n} clause'
      other: '{n} clauses'

and is read with the number: `t("topics.clauses", n=3)`, `corpus.counted(lang, "topics.clauses", 3)`.
Where the authoritative catalog has plural forms, every catalog has them, each with exactly its own
language's categories."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError

from trafiklex.data import yamlio
from trafiklex.core.errors import DataError, Problem

FOLDER = "locales"
CATEGORIES = ("zero", "one", "two", "few", "many", "other")  # CLDR's plural categories


def is_plural(value: Any) -> bool:
    """A word's forms by plural category (a mapping of categories only, `other` among them)."""
    return isinstance(value, dict) and "other" in value and set(value) <= set(CATEGORIES)


def _leaves(value: Any, prefix: str = "") -> dict[str, Any]:
    """The words of a catalog by dotted key (a list of words, or a word's plural forms, is one word)."""
    if isinstance(value, dict) and not is_plural(value):
        return {key: leaf for name, inner in value.items() for key, leaf in _leaves(inner, f"{prefix}{name}.").items()}
    return {prefix.rstrip("."): value}


def plural_rule(code: str):
    """The language's plural rule (CLDR, through Babel): a number → its category; None if CLDR does not
    know the language."""
    try:
        return Locale.parse(code, sep="-").plural_form  # (codes as data/languages.yml writes them: "pt-BR")
    except (UnknownLocaleError, ValueError):
        return None


class Catalog:
    def __init__(self, words: dict[str, dict], lines: dict[str, yamlio.Located]):
        self.words = words            # language → its catalog (nested mappings)
        self._leaves = {lang: _leaves(w) for lang, w in words.items()}
        self._located = lines
        self._rules = {lang: plural_rule(lang) for lang in words}

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
            for key in sorted(set(reference) - set(flat)):
                problems.append(Problem(file, f"the word '{key}' is missing", field=key,
                                        expected=f"the key of {FOLDER}/{authoritative}.yml, in this language"))
            for key in sorted(set(flat) - set(reference)):
                located = self._located[code]
                problems.append(Problem(file, f"the word '{key}' is not in {FOLDER}/{authoritative}.yml",
                                        line=located.line(tuple(key.split("."))), field=key,
                                        expected="the keys of the authoritative catalog only"))
            problems += self._plural_problems(code, authoritative)
        if problems:
            raise DataError(problems)

    def _plural_problems(self, code: str, authoritative: str) -> list[Problem]:
        """A word said of a number in the authoritative catalog is said of a number in every catalog,
        with exactly its language's plural forms (CLDR); a word that is not, is not in any."""
        file, flat, located = f"{FOLDER}/{code}.yml", self._leaves[code], self._located[code]
        reference = self._leaves[authoritative]
        keys = sorted(key for key in set(reference) & set(flat) if is_plural(reference[key]) or is_plural(flat[key]))
        if not keys:
            return []
        rule = self._rules[code]
        if rule is None:
            return [Problem(file, f"CLDR (Babel) has no plural rules for the language '{code}': the words said of a "
                            f"number ({', '.join(keys)}) cannot be chosen", line=1,
                            expected="a language code CLDR knows (ISO 639), as in data/languages.yml")]
        wanted = [category for category in CATEGORIES if category in rule.tags | {"other"}]
        problems = []
        for key in keys:
            value, line = flat[key], located.line(tuple(key.split(".")))
            if not is_plural(reference[key]):
                problems.append(Problem(file, f"the word '{key}' has plural forms here, not in {FOLDER}/{authoritative}.yml",
                                        line=line, field=key, expected=f"one word, as in {FOLDER}/{authoritative}.yml"))
            elif not is_plural(value) or [c for c in CATEGORIES if c in value] != wanted:
                problems.append(Problem(file, f"the word '{key}' is said of a number: it needs the plural forms of "
                                        f"'{code}'", line=line, field=key,
                                        expected=f"a form for each of {', '.join(wanted)} (CLDR), e.g. "
                                                 f"{{{', '.join(f'{c}: ...' for c in wanted)}}}"))
            elif not all(isinstance(form, str) for form in value.values()):
                problems.append(Problem(file, f"a plural form of the word '{key}' is not text", line=line, field=key,
                                        expected="each form a string"))
        return problems

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

    def form(self, lang: str, key: str, count: float) -> str:
        """The form of the word at `key` for the number `count` (its plural category in `lang`), as it is."""
        value = self.word(lang, key)
        if not is_plural(value):
            return value
        category = self._rules[lang](abs(count))
        return value.get(category, value["other"])

    def counted(self, lang: str, key: str, count: float, **values) -> str:
        """The word at `key` said of `count`: its form for that number, with `{n}` the number."""
        return self.form(lang, key, count).format(**{"n": count, **values})

    def translator(self, lang: str) -> "Translator":
        return Translator(self, lang)


class Translator:
    """`t(key, **values)` for templates: the word, formatted with `values` if any (a word said of a
    number takes the form for `n`); `t.form(key, count)`: a word's form for a number, unformatted (for
    a script to fill in)."""

    def __init__(self, catalog: Catalog, lang: str):
        self._catalog, self._lang = catalog, lang

    def __call__(self, key: str, **values) -> Any:
        text = self._catalog.word(self._lang, key)
        if is_plural(text):
            if "n" not in values:
                raise KeyError(f"the word '{key}' is said of a number: give it as n")
            return self._catalog.counted(self._lang, key, values["n"], **values)
        return text.format(**values) if values and isinstance(text, str) else text

    def form(self, key: str, count: float) -> str:
        return self._catalog.form(self._lang, key, count)
