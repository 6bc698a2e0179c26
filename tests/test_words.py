"""Interface words live in the catalogs (locales/<lang>.yml), one per language: every key the code,
the templates and the theme read exists in every catalog, every key that the data chooses (a kind of
institution, a dataset, a language) too, and no script of the site holds words of its own."""
from __future__ import annotations

import re

import pytest

from conftest import ROOT
from trafiklex.formats.exports import datasets

# corpus.words(lang, "labels.x"), catalog.word(lang, f"labels.{key}") in Python; t("labels.x") in
# templates; and a section read once and then by key: `w = corpus.words(lang, "sanctions")` …
# `w["years"]`, `{% set columns = t("home.columns") %}` … `columns.number`
PYTHON = (re.compile(r"""\.words?\(\s*[\w.\[\]"']+\s*,\s*f?(["'])([\w.{}]+)\1"""),
          re.compile(r"""(\w+) = \w+\.words\(\s*\w+\s*,\s*"([\w.]+)"\)"""), r"""\b{}\[(["'])(\w+)\1\]""")
TEMPLATES = (re.compile(r"""(?<![\w.])t\(\s*(["'])([\w.]+)\1"""),
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
