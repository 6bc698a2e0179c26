"""Interface words live in the catalogs (locales/<lang>.yml), one per language: every key the code,
the templates and the theme read exists in every catalog, every key that the data chooses (a kind of
institution, a dataset, a language) too, and no script of the site holds words of its own. A word said
of a number takes the form of the number's plural category (CLDR), and every catalog has exactly its
language's forms."""
from __future__ import annotations

import re

import pytest

from conftest import ROOT
from trafiklex.core.errors import DataError
from trafiklex.data.catalog import Catalog
from trafiklex.formats.exports import datasets

# corpus.words(lang, "labels.x"), catalog.word(lang, f"labels.{key}"), corpus.counted(lang, "topics.clauses", n)
# in Python; t("labels.x"), t.form("labels.shown", n) in templates; and a section read once and then by key: `w = corpus.words(lang, "sanctions")` …
# `w["years"]`, `{% set columns = t("home.columns") %}` … `columns.number`
PYTHON = (re.compile(r"""\.(?:words?|counted)\(\s*[\w.\[\]"']+\s*,\s*f?(["'])([\w.{}]+)\1"""),
          re.compile(r"""(\w+) = \w+\.words\(\s*\w+\s*,\s*"([\w.]+)"\)"""), r"""\b{}\[(["'])(\w+)\1\]""")
TEMPLATES = (re.compile(r"""(?<![\w.])t(?:\.form)?\(\s*(["'])([\w.]+)\1"""),
             re.compile(r"""set (\w+) = t\("([\w.]+)"\)"""), r"""\b{}\.()(\w+)""")
SCRIPTS = sorted((ROOT / "docs" / "assets" / "javascripts").rglob("*.js"))
SOURCES = [(PYTHON, ["trafiklex/**/*.py", "hooks/*.py", "scripts/*.py"]),
           (TEMPLATES, ["trafiklex/views/templates/**/*.*", "overrides/**/*.html"])]


def _keys_used() -> dict[str, list[str]]:
    """Each key read by name → where ('trafiklex/views/render.py'); a key built with a {value} is
    read as the section before it ('labels.{role}' → 'labels')."""
    found: dict[str, list[str]] = {}
    for (key_pattern, section_pattern, use_pattern), globs in SOURCES:
        for glob in globs:
            for path in sorted(ROOT.glob(glob)):
                text, where = path.read_text(encoding="utf-8"), path.relative_to(ROOT).as_posix()
                keys = [match.group(2).split("{")[0].rstrip(".") for match in key_pattern.finditer(text)]
                for name, section in section_pattern.findall(text):
                    keys += [f"{section}.{match.group(2)}" for match in re.finditer(use_pattern.format(name), text)]
                for key in keys:
                    found.setdefault(key, []).append(where)
    return found


def _assert_in_every_catalog(corpus, used: dict[str, list[str]]) -> None:
    """Each key (→ the files that read it) has a word in every language's catalog."""
    for key, paths in used.items():
        for lang in corpus.languages:
            try:
                corpus.words(lang, key)
            except KeyError:
                pytest.fail(f"{paths[0]} reads '{key}', which locales/{lang}.yml does not have")


def test_every_word_the_code_and_the_templates_read_is_in_every_catalog(corpus):
    used = _keys_used()
    assert len(used) > 100, f"only {len(used)} keys found: has the way the code reads words changed?"
    _assert_in_every_catalog(corpus, used)


# The scripts read their words from the page, where the templates and the Python code wrote them
# from the catalog under a name: `"cite": t("cite")` (overrides/main.html's __words block),
# `"summary": corpus.words(lang, "screens.checklist_summary")` (the checklist's data). A script then
# reads `page.summary.full`, or names a part of the page's words (`var words = page.cite;`) and
# reads `words.link`.
WRITTEN = re.compile(r""""(\w+)":\s*(?:t\(|corpus\.words\(\s*lang\s*,\s*)"([\w.]+)"\)""")
WRITERS = ["overrides/main.html", "trafiklex/views/checklist_page.py"]
ALIAS = re.compile(r"var (\w+) = page\.(\w+);")


def _script_keys() -> dict[str, list[str]]:
    """Each key a script of the site reads by name → the scripts that read it."""
    sections = {name: key for path in WRITERS for name, key in WRITTEN.findall((ROOT / path).read_text(encoding="utf-8"))}
    found: dict[str, list[str]] = {}
    for script in SCRIPTS:
        text = script.read_text(encoding="utf-8")
        names = {alias: sections[name] for alias, name in ALIAS.findall(text) if name in sections}
        names.update({f"page.{name}": section for name, section in sections.items()})
        for name, section in names.items():
            for key in re.findall(rf"(?<![\w.]){re.escape(name)}((?:\.\w+)+)(?![\w(])", text):
                found.setdefault(section + key, []).append(script.name)
    return found


def test_every_word_the_scripts_read_is_in_every_catalog(corpus):
    used = _script_keys()
    assert {"cite.identifier", "checklist.status_met", "screens.checklist_summary.parts"} <= set(used), sorted(used)
    actions = re.findall(r'data-action="(\w+)"', (ROOT / "docs/assets/javascripts/cite.js").read_text(encoding="utf-8"))
    assert set(actions) >= {"link", "citation", "identifier"}
    for action in {"link", "citation", "identifier"}:  # cite.js announces a copy by its name: words["copied_" + action]
        used.setdefault(f"cite.copied_{action}", []).append("cite.js")
    _assert_in_every_catalog(corpus, used)


def test_the_words_the_data_chooses_are_in_every_catalog(corpus):
    """Keys made from the data: an institution's kind, a dataset's description, a language's name."""
    kinds = {item["kind"] for item in corpus.institutions.by_id.values()}
    for lang in corpus.languages:
        assert kinds <= set(corpus.words(lang, "labels.kinds")), lang
        assert set(datasets()) <= set(corpus.words(lang, "open_data.datasets")), lang
        for key in ("labels.language_name", "labels.text_of", "labels.the_text"):
            assert set(corpus.languages) <= set(corpus.words(lang, key)), (lang, key)


STRING = re.compile(r""""((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'""")


def _catalog_words(value) -> set[str]:
    if isinstance(value, dict):
        return {w for inner in value.values() for w in _catalog_words(inner)}
    if isinstance(value, list):
        return {w for inner in value for w in _catalog_words(inner)}
    return {str(value)}


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_script_of_the_site_holds_a_word_list(corpus, script):
    """The words a script shows come from the page (written there from the catalog), never from
    the script: no object keyed by language code with words in it, no word of a catalog."""
    text = script.read_text(encoding="utf-8")
    codes = "|".join(re.escape(code) for code in corpus.languages)
    keyed = re.findall(rf"""(?<![\w$.])["']?(?:{codes})["']?\s*:\s*[{{\["']""", text)
    assert not keyed, f"{script.name} has words keyed by language: {keyed}"
    words = {w for lang in corpus.languages for w in _catalog_words(corpus.catalog.words[lang]) if len(w) > 3}
    literals = {a or b for a, b in STRING.findall(text)}
    assert not literals & words, f"{script.name} spells words of the catalogs: {sorted(literals & words)}"


# --- words said of a number ------------------------------------------------------------------------

@pytest.mark.parametrize("lang, key, count, expected", [
    ("en", "topics.clauses", 1, "1 clause"), ("en", "topics.clauses", 2, "2 clauses"), ("en", "topics.clauses", 0, "0 clauses"),
    ("sq", "topics.clauses", 1, "1 dispozitë"), ("sq", "topics.clauses", 38, "38 dispozita"),
    ("en", "print.sheet_count", 1, "1 obligation"), ("sq", "print.sheet_count", 1, "1 detyrim"),
    ("sq", "print.sheet_count", 16, "16 detyrime"),
    ("en", "labels.every_months", 1, "every month"), ("en", "labels.every_months", 6, "every 6 months"),
    ("sq", "labels.every_months", 1, "çdo muaj"), ("sq", "labels.every_months", 3, "çdo 3 muaj"),
    ("en", "sanctions.at_least", 1, "at least 1 year’s imprisonment"), ("sq", "sanctions.up_to", 1, "deri në 1 vit burgim"),
    ("sq", "sanctions.up_to", 2.5, "deri në 2.5 vjet burgim")])
def test_a_word_said_of_a_number_takes_its_form_for_that_number(corpus, lang, key, count, expected):
    assert corpus.counted(lang, key, count) == expected


def test_a_template_gets_the_form_for_a_number_to_fill_in_later(corpus):
    t = corpus.catalog.translator("en")
    assert t("topics.clauses", n=1) == "1 clause"
    assert t.form("labels.shown", 1) == "Showing {n} of {total} obligation"  # (the script fills in n and total)
    assert t.form("labels.shown", 31) == "Showing {n} of {total} obligations"
    with pytest.raises(KeyError, match="said of a number"):
        t("topics.clauses")


def _catalogs(tmp_path, **catalogs: str) -> None:
    (tmp_path / "locales").mkdir(parents=True)
    for code, text in catalogs.items():
        (tmp_path / "locales" / f"{code}.yml").write_text(text, encoding="utf-8")
    Catalog.load(tmp_path, tuple(catalogs), next(iter(catalogs)))


SOUND = "labels:\n  title: Dispozitat\n  clauses:\n    one: '{n} dispozitë'\n    other: '{n} dispozita'\n"


def test_every_catalog_has_exactly_its_language_s_plural_forms(tmp_path):
    english = "labels:\n  title: Clauses\n  clauses:\n    one: '{n} clause'\n    other: '{n} clauses'\n"
    _catalogs(tmp_path / "sound", sq=SOUND, en=english)
    _catalogs(tmp_path / "russian", sq=SOUND, ru=english.replace("    other:", "    few: '{n} a'\n    many: '{n} b'\n    other:"))
    cases = {
        "a form missing": (english.replace("    one: '{n} clause'\n", ""), "en", 3, "one, other"),
        "a form the language has not": (english.replace("    other:", "    few: '{n} clauses'\n    other:"), "en", 3, "one, other"),
        "no forms where the authoritative has them": ("labels:\n  title: Clauses\n  clauses: '{n} clauses'\n", "en", 3, "one, other"),
        "forms where the authoritative has none": (english, "en", 3, "one word, as in locales/sq.yml"),
        "a form that is not text": (english.replace("'{n} clause'", "[1, 2]"), "en", 3, "each form a string"),
    }
    for name, (text, code, line, expected) in cases.items():
        sq = "labels:\n  title: Dispozitat\n  clauses: '{n} dispozita'\n" if "has none" in name else SOUND
        with pytest.raises(DataError) as raised:
            _catalogs(tmp_path / name, sq=sq, en=text)
        (problem,) = raised.value.problems
        assert (problem.file, problem.field) == (f"locales/{code}.yml", "labels.clauses"), name
        assert expected in problem.expected and (line is None or problem.line == line), (name, problem)


def test_a_language_code_with_a_region_or_script_has_its_plural_rule(tmp_path):
    """Codes as data/languages.yml takes them (BCP 47, with a hyphen): Brazilian Portuguese has `many`."""
    forms = "labels:\n  title: Cláusulas\n  clauses:\n    one: '{n} cláusula'\n    many: '{n} de cláusulas'\n    other: '{n} cláusulas'\n"
    _catalogs(tmp_path, sq=SOUND, **{"pt-BR": forms})


def test_a_language_cldr_does_not_know_cannot_have_words_said_of_a_number(tmp_path):
    with pytest.raises(DataError) as raised:
        _catalogs(tmp_path, sq=SOUND, qx=SOUND)
    (problem,) = raised.value.problems
    assert problem.file == "locales/qx.yml" and "no plural rules for the language 'qx'" in problem.message
