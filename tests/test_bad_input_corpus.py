"""Every case of the bad-input corpus (tests/bad_inputs.yml) is stopped with a message that names the
file, the line where one is known, the field and what was expected — never a traceback; markup typed
into a text field shows as inert text.

The build checks everything first with trafiklex.validate.check (hooks/site.py, on_config), so the
cases that check stops run through it directly, on a copy of the project (fast); a sample of them
and the cases that must build (inert markup) run through the real build command."""
from __future__ import annotations

import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, assert_message_names_its_place, copy_project, report
from trafiklex import validate
from trafiklex.core.errors import DataError

CASES = yaml.safe_load((Path(__file__).parent / "bad_inputs.yml").read_text(encoding="utf-8"))["cases"]
BUILT = [c for c in CASES if "inert" in c["expect"]]      # only a build can show the markup inert
CHECKED = [c for c in CASES if "inert" not in c["expect"]]
THROUGH_THE_BUILD_TOO = ["YAML syntax error", "broken internal link"]  # one in the data, one in the pages


def _edit(root: Path, edit: dict):
    (kind, spec), = edit.items()
    path = root / spec["file"]
    if kind == "replace":
        text = path.read_text(encoding="utf-8")
        assert spec["old"] in text, f"the case no longer matches {spec['file']}: {spec['old']!r}"
        path.write_text(text.replace(spec["old"], spec["new"], 1), encoding="utf-8")
    elif kind == "latin1":
        raw = path.read_bytes()
        assert spec["old"].encode() in raw
        path.write_bytes(raw.replace(spec["old"].encode(), spec["new"].encode("latin-1"), 1))
    elif kind == "write":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(spec["text"], encoding="utf-8")
    elif kind == "prepend":
        path.write_text(spec["text"] + path.read_text(encoding="utf-8"), encoding="utf-8")
    elif kind == "delete":
        path.unlink()


def _project(case: dict, tmp: Path) -> Path:
    root = copy_project(tmp / "project")
    for edit in case.get("edits", [case.get("edit")]):
        _edit(root, edit)
    return root


def _expected(case: dict, root: Path) -> dict:
    """What the case expects, its line found in the edited file where it gives the line's text
    (`line_of`): a body or a document added above it does not move the case."""
    expect = dict(case.get("expect", {}))
    if "line_of" in expect:
        lines = (root / expect["file"]).read_text(encoding="utf-8").split("\n")
        assert lines.count(expect["line_of"]) == 1, f"the case's line_of is not one line of {expect['file']}"
        expect["line"] = lines.index(expect.pop("line_of")) + 1
    return expect


def _checked(case: dict, tmp: Path) -> dict:
    """The build's first step, in this process: a DataError is the only way it may fail."""
    root = _project(case, tmp)
    try:
        validate.check(root)
    except DataError as error:
        return {"code": 1, "output": error.report(), "expect": _expected(case, root)}
    return {"code": 0, "output": "", "expect": _expected(case, root)}


def _built(case: dict, tmp: Path) -> dict:
    root = _project(case, tmp)
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build.py"), "--quiet", "--output", str(tmp / "site"),
                             "--config-file", str(root / "mkdocs.yml")], capture_output=True, text=True)
    return {"code": result.returncode, "output": result.stdout + result.stderr, "site": tmp / "site",
            "expect": _expected(case, root)}


def _stopped_clearly(outcome: dict, case: dict):
    output, expect = outcome["output"], outcome.get("expect", case["expect"])
    assert "Traceback" not in output, output
    assert outcome["code"] != 0
    assert_message_names_its_place(output, expect)
    if "docs/" not in expect["file"] and "links.md" not in expect["file"]:
        assert "expected:" in output, output


def test_corpus_has_at_least_25_cases():
    assert len(CASES) >= 25


def _lane(case: dict):
    """A case in the data stops at loading (fast); one in the pages renders them all first (slow lane)."""
    marks = [pytest.mark.slow] if not case["expect"]["file"].startswith(("data/", "translations/")) else []
    return pytest.param(case, id=case["name"], marks=marks)


@pytest.mark.parametrize("case", [_lane(c) for c in CHECKED])
def test_editor_gets_a_clear_message_for_bad_input(case, tmp_path):
    _stopped_clearly(_checked(case, tmp_path), case)
    report("bad-input corpus", f"{'stopped':<12} {case['name']}")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The cases that run through the real build command, two at a time (each build is its own
    process); the inert cases, which change different files, all in one build."""
    chosen = [c for c in CHECKED if c["name"] in THROUGH_THE_BUILD_TOO]
    inert = {"name": "inert", "edits": [c["edit"] for c in BUILT]}
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {c["name"]: pool.submit(_built, c, tmp_path_factory.mktemp("bad")) for c in chosen + [inert]}
    outcomes = {name: future.result() for name, future in futures.items()}
    return {**outcomes, **{c["name"]: outcomes["inert"] for c in BUILT}}


@pytest.mark.slow
@pytest.mark.parametrize("name", THROUGH_THE_BUILD_TOO)
def test_the_build_stops_on_bad_input_with_the_same_message(built, name):
    _stopped_clearly(built[name], next(c for c in CASES if c["name"] == name))
    assert "build failed: " in built[name]["output"]


@pytest.mark.slow
@pytest.mark.parametrize("case", BUILT, ids=[c["name"] for c in BUILT])
def test_markup_typed_into_the_data_shows_as_text(built, case):
    outcome, expect = built[case["name"]], case["expect"]
    assert "Traceback" not in outcome["output"], outcome["output"]
    assert outcome["code"] == 0, outcome["output"]
    page = (outcome["site"] / expect["inert"]["page"]).read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in page
    assert expect["inert"]["shows"].replace("<", "&lt;").replace(">", "&gt;") in page
    report("bad-input corpus", f"{'inert text':<12} {case['name']}")
