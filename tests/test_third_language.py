"""Languages are a list: a third language goes through the whole build with configuration changes
only. The fixture is a pseudo-language made from the English text, under the code `eo` (a code that
Babel and the theme know; the text is English): its entry in data/languages.yml, its pages (a copy of
docs/en), its interface words (a copy of locales/en.yml), its texts in the data (a copy of each
English text), and its entry in mkdocs.yml's i18n languages. No code is touched."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, copy_project, report
from trafiklex.website import search_index
from trafiklex.website import site_page
from trafiklex import validate
from trafiklex.model.edition import edition_of

CODE, FROM = "eo", "en"
NAME = "Pseudo-English"


def _with_third(value, codes: set[str]):
    """Every per-language mapping of the data gets the third language, as a copy of the English."""
    if isinstance(value, dict):
        out = {key: _with_third(inner, codes) for key, inner in value.items()}
        keys = set(value) - {"printed", "bodies"}
        if FROM in value and keys <= codes and "only_in" not in value:
            out[CODE] = _with_third(value[FROM], codes)
        return out
    if isinstance(value, list):
        return [_with_third(item, codes) for item in value]
    return value


def _with_third_only_in(value):
    """Items printed in English only stay English only; prose ids the data says English prints
    alone are printed by the copy too."""
    if isinstance(value, dict):
        out = {key: _with_third_only_in(inner) for key, inner in value.items()}
        if isinstance(value.get("only_in"), dict) and FROM in value["only_in"]:
            out["only_in"] = {**value["only_in"], CODE: value["only_in"][FROM]}
        return out
    if isinstance(value, list):
        return [_with_third_only_in(item) for item in value]
    return value


class _NoAliases(yaml.SafeDumper):
    """Every value written out in full: the data files take no YAML anchors or aliases (and the
    pseudo-language's values are the English ones, the same objects)."""

    def ignore_aliases(self, data):
        return True


def _rewrite_yaml(path: Path, change):
    hint, _, body = path.read_text(encoding="utf-8").partition("\n")
    data = change(yaml.safe_load(body))
    path.write_text(hint + "\n" + yaml.dump(data, Dumper=_NoAliases, allow_unicode=True, sort_keys=False, width=200),
                    encoding="utf-8")


def add_third_language(root: Path) -> None:
    codes = {"sq", "en", CODE}
    def third(languages: list[dict]) -> dict:  # the English entry's word handling, under a new code and name
        english = next(item for item in languages if item["code"] == FROM)
        return {**english, "code": CODE, "name": NAME, "locale": "en-XA", "alpha3": "qaa"}  # qaa: ISO 639-2's own use
    _rewrite_yaml(root / "data" / "languages.yml", lambda d: {"languages": d["languages"] + [third(d["languages"])]})
    for path in sorted((root / "data").rglob("*.yml")):
        if path.name != "languages.yml":
            _rewrite_yaml(path, lambda d: _with_third_only_in(_with_third(d, codes)))
    shutil.copytree(root / "docs" / FROM, root / "docs" / CODE, ignore=shutil.ignore_patterns("institutions", "parallel", "topics"))
    for catalog in ("sq", "en"):  # each catalog names the new language (as the English does)
        _rewrite_yaml(root / "locales" / f"{catalog}.yml", lambda d: _with_third(d, codes))
    shutil.copy(root / "locales" / f"{FROM}.yml", root / "locales" / f"{CODE}.yml")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    end = config.index("\nhooks:")  # the i18n plugin's languages are the last lines before the hooks
    entry = (f"        - locale: {CODE}\n          name: {NAME}\n          build: true\n"
             f"          site_name: Albania’s 2005 anti-trafficking legal framework ({NAME})\n")
    (root / "mkdocs.yml").write_text(config[:end].rstrip("\n") + "\n" + entry + config[end:], encoding="utf-8")


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("third") / "project")
    add_third_language(root)
    return root


def test_a_third_language_is_checked_and_modelled_like_the_two(project):
    corpus = validate.check(project)
    edition = edition_of(corpus)
    assert corpus.languages.codes == ("sq", "en", CODE) and corpus.languages.authoritative == "sq"
    english, third = edition.text("nrm-agreement", "en"), edition.text("nrm-agreement", CODE)
    assert [c.id for c in third.clauses] == [c.id for c in english.clauses]
    assert third.get("art_5__A__4").text == english.get("art_5__A__4").text
    assert edition.label("nrm-agreement", "art_5__A__4", CODE) == "Article 5, A.4"
    marked = site_page.content(edition, "nrm-agreement", CODE)
    assert 'data-other-lang="sq en"' in marked  # the cite control offers both other languages
    assert search_index.build(edition, CODE)["config"]["lang"] == ["en"]


@pytest.mark.slow
def test_a_third_language_goes_through_the_whole_build(project, tmp_path):
    site = tmp_path / "site"
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build.py"), "--quiet", "--output", str(site),
                             "--config-file", str(project / "mkdocs.yml")], capture_output=True, text=True)
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    page = (site / CODE / "nrm-agreement.html").read_text(encoding="utf-8")
    assert f'<html lang="{CODE}"' in page and 'id="art_5__A__4"' in page
    assert 'hreflang="eo"' in (site / "nrm-agreement.html").read_text(encoding="utf-8")  # the language menu
    index = json.loads((site / CODE / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert any(entry["location"] == "nrm-agreement.html#art_5__A__4" for entry in index["docs"])
    assert (site / CODE / "parallel" / "nrm-agreement.html").is_file()
    assert (site / "pdf" / f"handbook-{CODE}.pdf").is_file()
    built = sorted(p.relative_to(site).as_posix() for p in (site / "pdf").glob("*.pdf"))
    report("third language (pseudo-English, fixture)", f"built; PDFs: {', '.join(built)}")
