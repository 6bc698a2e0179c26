"""Editors make mistakes: bad data stops the build with the file, the line, the field and what was
expected — never a traceback, never a half-built site."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from trafiklex.data import corpus as corpus_module
from trafiklex.core.errors import DataError
from trafiklex.pdf.edition import Edition


def _copy_project(tmp_path: Path, with_site_files: bool = False) -> Path:
    root = tmp_path / "project"
    for name in ["data", "sources", "locales"] + (["docs", "hooks", "overrides"] if with_site_files else []):
        shutil.copytree(ROOT / name, root / name)
    if with_site_files:
        shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    return root


def _rewrite(root: Path, name: str, mutate) -> Path:
    path = root / "data" / name
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    mutate(data)
    hint = text.split("\n", 1)[0]  # an editor keeps the schema hint line
    path.write_text(hint + "\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")
    return path


def _first_activity(data):
    return data["sections"][0]["objectives"][0]["activities"][0]


def _problem(root: Path):
    with pytest.raises(DataError) as caught:
        corpus_module.load(root)
    return caught.value.problems[0], caught.value.report()


def _line_of(path: Path, line: int) -> str:
    return path.read_text(encoding="utf-8").splitlines()[line - 1]


def test_editor_sees_unknown_institution_with_file_line_and_field(tmp_path):
    root = _copy_project(tmp_path)
    path = _rewrite(root, "documents/child-trafficking-action-plan/activities.yml",
                    lambda d: _first_activity(d)["responsible"]["sq"].__setitem__("bodies", ["mopo", "ministry_of_magic"]))
    problem, text = _problem(root)
    assert problem.file == "data/documents/child-trafficking-action-plan/activities.yml"
    assert "ministry_of_magic" in text and "data/institutions.yml" in text
    assert "ministry_of_magic" in _line_of(path, problem.line)
    assert problem.field.endswith("responsible.sq.bodies.1")


def test_editor_sees_unknown_deadline_form(tmp_path):
    root = _copy_project(tmp_path)
    path = _rewrite(root, "documents/child-trafficking-action-plan/activities.yml", lambda d: _first_activity(d)["deadline"].__setitem__("sq", "kur te mundet"))
    problem, text = _problem(root)
    assert "unknown deadline form: 'kur te mundet'" in text
    assert "kur te mundet" in _line_of(path, problem.line)
    assert "deri ne Shtator 2005" in problem.expected


def test_editor_sees_duplicate_clause_id(tmp_path):
    root = _copy_project(tmp_path)

    def duplicate(data):
        activities = data["sections"][0]["objectives"][0]["activities"]
        activities[1]["id"] = activities[0]["id"]

    _rewrite(root, "documents/child-trafficking-action-plan/activities.yml", duplicate)
    problem, text = _problem(root)
    assert "duplicate clause id 'sec_1__obj_1__act_1'" in text
    assert problem.line


def test_editor_sees_missing_translation(tmp_path):
    root = _copy_project(tmp_path)
    _rewrite(root, "documents/nrm-agreement/commitments.yml", lambda d: d["parties"][0]["commitments"][2]["text"].pop("en"))
    problem, text = _problem(root)
    assert problem.file == "data/documents/nrm-agreement/commitments.yml"
    assert "has no 'en' text" in text and "only_in" in problem.expected


def test_editor_sees_typo_in_a_field_name(tmp_path):
    root = _copy_project(tmp_path)
    path = _rewrite(root, "documents/child-trafficking-action-plan/activities.yml",
                    lambda d: _first_activity(d).__setitem__("deadlnie", dict(_first_activity(d)["deadline"])))
    problem, _ = _problem(root)
    assert "unknown: deadlnie" in problem.expected
    assert "deadlnie" in _line_of(path, problem.line)


def test_editor_sees_missing_schema_hint(tmp_path):
    root = _copy_project(tmp_path)
    path = root / "data" / "documents" / "nrm-agreement" / "definitions.yml"
    path.write_text(path.read_text(encoding="utf-8").split("\n", 1)[1], encoding="utf-8")
    problem, _ = _problem(root)
    assert (problem.file, problem.line) == ("data/documents/nrm-agreement/definitions.yml", 1)
    assert problem.expected == "# yaml-language-server: $schema=../../../schemas/definitions.schema.json"


def test_editor_sees_yaml_syntax_error_line(tmp_path):
    root = _copy_project(tmp_path)
    path = root / "data" / "documents" / "child-trafficking-strategy" / "penalties.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    target = next(i for i, l in enumerate(lines) if "article:" in l)
    lines[target] = lines[target].replace("article:", "article: [unclosed")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    problem, text = _problem(root)
    assert problem.file == "data/documents/child-trafficking-strategy/penalties.yml" and "YAML syntax error" in text
    assert abs(problem.line - (target + 1)) <= 1


def test_bad_data_stops_the_build_without_traceback_or_half_built_site(tmp_path):
    root = _copy_project(tmp_path, with_site_files=True)
    _rewrite(root, "documents/child-trafficking-strategy/penalties.yml", lambda d: d["articles"][0]["rows"][0]["sanction"]["sq"].update(prison_min=20, prison_max=15))
    site = tmp_path / "site"
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build.py"), "--output", str(site), "--quiet",
                             "--config-file", str(root / "mkdocs.yml")], capture_output=True, text=True)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "data/documents/child-trafficking-strategy/penalties.yml:" in output and "exceeds the maximum" in output
    assert "Traceback" not in output
    assert not site.exists()


def test_malformed_edition_date_or_fixed_time_stops_the_build_naming_the_variable(tmp_path):
    """EDITION_DATE and SOURCE_DATE_EPOCH stamp every PDF, the sitemap and the ZIP: a malformed one
    stops the build before anything is built, naming the variable and the form expected."""
    site = tmp_path / "site"
    env = {**os.environ, "EDITION_DATE": "2026-13-40", "SOURCE_DATE_EPOCH": "yesterday"}
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build.py"), "--output", str(site), "--quiet"],
                            capture_output=True, text=True, env=env)
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in output
    assert "EDITION_DATE is '2026-13-40'" in output and "expected: a date as YYYY-MM-DD" in output
    assert "SOURCE_DATE_EPOCH is 'yesterday'" in output and "expected: a whole number of seconds" in output
    assert not site.exists()
    assert Edition.from_environment({"EDITION_DATE": "—", "SOURCE_DATE_EPOCH": "0"}) == Edition(None, 0)


def test_a_reference_rule_cannot_hold_the_build_up(tmp_path, monkeypatch):
    """A reference pattern that makes Python's own regular expressions backtrack for ever (here 2^n
    ways to split a run of words) runs on the `regex` engine, which does not; and any rule that
    still takes too long on a text stops the build with its place in data/documents.yml."""
    import time

    from conftest import copy_project
    from trafiklex.core import references
    from trafiklex import validate

    root = copy_project(tmp_path / "project")
    documents = root / "data" / "documents.yml"
    hostile = "        - {pattern: '(?:(?:\\w+\\s?)+)+Q!', target: \"art_{0}\"}\n"
    text = documents.read_text(encoding="utf-8")
    documents.write_text(text.replace("      en:\n        - {pattern: '(?:Article|Articles|see)",
                                      "      en:\n" + hostile + "        - {pattern: '(?:Article|Articles|see)", 1),
                         encoding="utf-8")
    start = time.perf_counter()
    validate.check(root)  # every clause of every language read with it
    assert time.perf_counter() - start < 60
    monkeypatch.setattr(references, "SECONDS", 1e-9)
    with pytest.raises(DataError) as error:
        validate.check(copy_project(tmp_path / "again"))
    problem = error.value.problems[0]
    assert problem.file == "data/documents.yml" and problem.field.startswith("documents.")
    assert "takes more than" in problem.message
