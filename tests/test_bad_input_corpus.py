"""Every case of the bad-input corpus (tests/bad_inputs.yml) stops the real build with a message that
names the file, the line where one is known, the field and what was expected — never a traceback;
markup typed into a text field shows as inert text."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, report

CASES = yaml.safe_load((Path(__file__).parent / "bad_inputs.yml").read_text(encoding="utf-8"))["cases"]
PROJECT = ["data", "docs", "sources", "schemas", "translations", "hooks", "locales", "overrides"]


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
        path.write_text(spec["text"], encoding="utf-8")
    elif kind == "prepend":
        path.write_text(spec["text"] + path.read_text(encoding="utf-8"), encoding="utf-8")
    elif kind == "delete":
        path.unlink()


def _run(case: dict, tmp: Path) -> dict:
    root = tmp / "project"
    for name in PROJECT:
        shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("institutions"))
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    (root / "node_modules").symlink_to(ROOT / "node_modules")
    _edit(root, case["edit"])
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build.py"), "--quiet", "--output", str(tmp / "site"),
                             "--config-file", str(root / "mkdocs.yml")], capture_output=True, text=True)
    return {"code": result.returncode, "output": result.stdout + result.stderr, "site": tmp / "site"}


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory):
    """All cases, built two at a time (each build is its own process)."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {c["name"]: pool.submit(_run, c, tmp_path_factory.mktemp("bad")) for c in CASES}
    return {name: future.result() for name, future in futures.items()}


def test_corpus_has_at_least_25_cases():
    assert len(CASES) >= 25


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_editor_gets_a_clear_message_for_bad_input(outcomes, case):
    outcome, expect = outcomes[case["name"]], case["expect"]
    output = outcome["output"]
    assert "Traceback" not in output, output
    if "inert" in expect:
        assert outcome["code"] == 0, output
        page = (outcome["site"] / expect["inert"]["page"]).read_text(encoding="utf-8")
        assert "<script>alert(1)</script>" not in page
        assert expect["inert"]["shows"].replace("<", "&lt;").replace(">", "&gt;") in page
        report("bad-input corpus", f"{'inert text':<12} {case['name']}")
        return
    assert outcome["code"] != 0
    assert expect["file"] in output, output
    if expect.get("line") is True:
        assert re.search(re.escape(expect["file"]) + r":\d+", output), output
    elif expect.get("line"):
        assert f"{expect['file']}:{expect['line']}" in output, output
    if "field" in expect:
        assert re.search(r"field: \S*" + re.escape(expect["field"]), output), output
    assert expect["says"] in output, output
    if "docs/" not in expect["file"] and "links.md" not in expect["file"]:
        assert "expected:" in output, output
    report("bad-input corpus", f"{'stopped':<12} {case['name']}")
