"""Every case of the hostile-input corpus (tests/hostile_inputs.yml) is stopped with a message that
names the file (and the line where one is known) and what was expected — never a traceback, never
a control character echoed, never a file dumped — or comes out inert. The defences that live in
loading and validation are run through validation only; the cases that need a build (a page's
code, the page policy, faults while MkDocs writes) share as few builds as they can."""
from __future__ import annotations

import csv
import functools
import http.server
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import zipfile
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Error as PlaywrightError

from conftest import CSP_LISTENER, NO_SEARCH_WORKER, ROOT, assert_message_names_its_place, report
from forked import Forks
from trafiklex.data import corpus as corpus_module, inputs, pagefiles
from trafiklex.core.errors import DataError
from trafiklex.formats import exports
from trafiklex.core import limits
from trafiklex.website import publish
from trafiklex.website.offline import ZIP_PATH

CASES = yaml.safe_load((Path(__file__).parent / "hostile_inputs.yml").read_text(encoding="utf-8"))["cases"]
PROJECT = ["data", "docs", "sources", "schemas", "translations", "locales", "hooks", "overrides"]
# a full copy (the precheck runs the copy's own build command: its output checks guard the copy)
SKIP = shutil.ignore_patterns(".git", ".venv", ".cache", publish.KEY_FILE, "node_modules", "site", ".build-*", "__pycache__", ".pytest_cache",
                              ".hypothesis", "institutions", "parallel", "topics")
PLACEHOLDERS = {
    "long_text": "x " * 50_000,
    "long_word": "w" * 70,
    "long_path": "p/" * 1500,
    "deep_nesting": "[" * 40 + "]" * 40,
    "zeros": "0" * 49,
    "secret_paragraph": "PRIVATE-NOTE the shelter is at 12 Rruga e Kavajes, call 069 000 0000. " * 40,
}
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
MEMORY = 2 * 1024**3  # a run that needs more than this (a billion laughs) fails instead of taking the machine


def _fill(text: str, places: dict) -> str:
    for name, value in {**PLACEHOLDERS, **places}.items():
        text = text.replace("{" + name + "}", str(value))
    return text


def _copy(tmp: Path, full: bool = False) -> Path:
    root = tmp / "project"
    if full:
        shutil.copytree(ROOT, root, ignore=SKIP)
        (root / ".git").mkdir()
        (root / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    else:
        for name in PROJECT:
            shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("institutions", "parallel", "topics"))
        shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    (root / "node_modules").symlink_to(ROOT / "node_modules")
    return root


def _edit(root: Path, edit: dict, places: dict):
    (kind, spec), = edit.items()
    path = root / spec.get("file", spec.get("path", spec.get("link", "")))
    if kind == "replace":
        text = path.read_text(encoding="utf-8")
        assert spec["old"] in text, f"the case no longer matches {spec['file']}: {spec['old']!r}"
        path.write_text(text.replace(spec["old"], _fill(spec["new"], places), 1), encoding="utf-8")
    elif kind == "write":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_fill(spec["text"], places), encoding="utf-8")
    elif kind == "append":
        path.write_text(path.read_text(encoding="utf-8") + _fill(spec["text"], places), encoding="utf-8")
    elif kind == "latin1":
        raw = path.read_bytes()
        assert spec["old"].encode() in raw
        path.write_bytes(raw.replace(spec["old"].encode(), spec["new"].encode("latin-1"), 1))
    elif kind == "pad":
        have = path.stat().st_size if path.exists() else 0
        with path.open("ab") as file:
            file.write(b"\n" + b"x" * (spec["bytes"] - have - 1))
    elif kind == "folder":
        path.unlink()
        path.mkdir()
        (path / "inside.yml").write_text("a: 1\n")
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "symlink":
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        elif path.exists() or path.is_symlink():
            path.unlink()
        if "outside" in spec:
            outside = places["outside_dir"] / path.name
            if spec["outside"] == "folder":
                outside.mkdir(parents=True)
                (outside / "keep.md").write_text("a file outside the project that no build may delete\n")
            elif spec["outside"] == "folder-with-data":
                shutil.copytree(ROOT / "data", outside)
            else:
                outside.parent.mkdir(parents=True, exist_ok=True)
                outside.write_text(spec["outside"])
            path.symlink_to(outside)
        else:
            target = spec["to"]
            path.symlink_to(target if target.startswith("/") else root / target)
    elif kind == "outside_site":
        _outside_site(places["outside_dir"] / spec["path"], root, spec, places)
    else:
        raise AssertionError(f"unknown edit {kind}")


def _outside_site(folder: Path, root: Path, spec: dict, places: dict):
    """A folder outside the copy where --output may point: the files of `files` and the folders of
    `folders` and the links of `links` (name: target) in it; with `marker: signed`, first a previous
    site of the copy's build (its marker signed with the copy's key) to which they are added; with
    `marker: forged`, a marker that lists them all, signed with another key."""
    if spec.get("marker"):
        _previous_site(folder, publish.build_key(root))
    for name, text in spec.get("files", {}).items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text)
    for name in spec.get("folders", []):
        (folder / name).mkdir(parents=True, exist_ok=True)
    for name, target in spec.get("links", {}).items():
        (folder / name).symlink_to(_fill(target, places))
    if spec.get("marker") == "forged":
        publish.write_marker(folder, b"a key that is not the project's")


def _limits():
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def _run_command(command, cwd=None, env=None, timeout=600) -> tuple[int, str]:
    result = subprocess.run(command, cwd=cwd, env={**os.environ, **(env or {})}, capture_output=True, text=True,
                            timeout=timeout, preexec_fn=_limits, errors="backslashreplace")
    return result.returncode, result.stdout + result.stderr


# The validations and the translators' command (the cases' `run`: its module, where it runs, its time)
# run in children forked from a process that imported the package once (tests/forked.py): the same
# command, without importing the package again each time.
FORKED = {"validate": ("trafiklex.validate", "case", 120),
          "translations": ("trafiklex.translators.translations_cli", "project", 300)}
FORKS = Forks([module for module, _, _ in FORKED.values()])


def _run_module(module: str, args: list[str], cwd: Path, timeout: int) -> tuple[int, str]:
    """`python -m module *args`, as _run_command runs a command (this environment, the memory limit)."""
    return FORKS.run(module, args, cwd=cwd, env=dict(os.environ), timeout=timeout, memory=MEMORY)


@pytest.fixture(scope="module", autouse=True)
def _forks_stopped():
    yield
    FORKS.close()


def _prepare(case: dict, tmp: Path, full: bool = False) -> tuple[Path, dict]:
    root = _copy(tmp, full)
    places = {"root": str(root), "marker": str(tmp / "MARKER-created-by-the-page"), "outside_dir": tmp / "outside",
              "outside": str(tmp / "outside" / "documents")}
    (tmp / "outside" / "documents").mkdir(parents=True)
    (tmp / "outside" / "documents" / "letter.txt").write_text("someone's letter\n")
    for edit in case.get("edit", []):
        _edit(root, edit, places)
    return root, places


def _outcome(code: int, output: str, root: Path, places: dict, **more) -> dict:
    return {"code": code, "output": output, "root": root, "places": places, **more}


def _forked_command(case: dict, root: Path, places: dict, tmp: Path) -> tuple[str, list[str], Path]:
    """The module a validation or translators' case runs, its arguments (on the copy at `root`) and
    the folder it runs in (the case's own, or the project's)."""
    module, where, _ = FORKED[case["run"]]
    return module, ["--root", str(root), *(_fill(a, places) for a in case.get("args", []))], tmp if where == "case" else ROOT


def run_forked(case, tmp):
    """A validation, or the translators' command line (trafiklex.translators.translations_cli), on a copy."""
    root, places = _prepare(case, tmp)
    code, output = _run_module(*_forked_command(case, root, places, tmp), timeout=FORKED[case["run"]][2])
    return _outcome(code, output, root, places)


def run_precheck(case, tmp):
    root, places = _prepare(case, tmp, full=True)
    args = [_fill(a, places) for a in case.get("args", ["--output", str(tmp / "site")])]
    code, output = _run_command([sys.executable, str(root / "scripts" / "build.py"), "--quiet", *args], cwd=tmp,
                                env={k: _fill(v, places) for k, v in case.get("env", {}).items()}, timeout=600)
    return _outcome(code, output, root, places)


def run_pages(case, tmp):
    """The first checks of the build (the inputs' kinds of file, the pages' sources), in this process,
    on a copy of the folders they read: what `validate` would say first, in milliseconds."""
    root = tmp / "project"
    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("institutions", "parallel", "topics"))
    places = {"root": str(root), "marker": str(tmp / "MARKER-created-by-the-page"), "outside_dir": tmp / "outside"}
    for edit in case.get("edit", []):
        _edit(root, edit, places)
    problems = inputs.tree_problems(root) + pagefiles.page_problems(root)
    return _outcome(1 if problems else 0, DataError(problems).report() if problems else "", root, places)


def run_export(case, tmp):
    root, places = _prepare(case, tmp)
    corpus = corpus_module.load(root)
    out = tmp / "data-out"
    exports.write(corpus, out)
    return _outcome(0, "", root, places, export=out)


def _build(root: Path, tmp: Path, env: dict | None = None) -> tuple[int, str]:
    return _run_command([sys.executable, str(ROOT / "scripts" / "build.py"), "--quiet", "--output", str(tmp / "site"),
                         "--config-file", str(root / "mkdocs.yml")], cwd=tmp, env=env)


def run_build(cases: list[dict], tmp: Path) -> dict:
    """One build of a copy with the edits of every case given (a group shares one build)."""
    root, places = _prepare({"edit": [e for case in cases for e in case.get("edit", [])]}, tmp)
    code, output = _build(root, tmp)
    return _outcome(code, output, root, places, site=tmp / "site")


# --- faults ----------------------------------------------------------------------------------------------

def _injected(errno_name: str, path_end: str) -> str:
    """A prelude that makes opening one file fail as the fault would (as root, no permission can)."""
    return (f"import errno, os, runpy, sys\n_open = os.open\n"
            f"def _failing(path, *args, **kwargs):\n"
            f"    if str(path).endswith({path_end!r}):\n"
            f"        raise OSError(errno.{errno_name}, os.strerror(errno.{errno_name}), str(path))\n"
            f"    return _open(path, *args, **kwargs)\n"
            f"os.open = _failing\nsys.argv = ['validate'] + sys.argv[1:]\n"
            f"runpy.run_module('trafiklex.validate', run_name='__main__')\n")


def _previous_site(folder: Path, key: bytes | None = None) -> Path:
    """A site from an earlier build (with its marker signed with `key`: this project's by default),
    to find again, unchanged, after a failed one."""
    (folder / ZIP_PATH).parent.mkdir(parents=True)
    (folder / ZIP_PATH).write_bytes(b"PK\x05\x06" + b"\0" * 18)
    (folder / "index.html").write_text("the previous site\n")
    (folder / "assets").mkdir()
    (folder / "assets" / "style.css").write_text("body {}\n")
    publish.write_marker(folder, publish.build_key(ROOT) if key is None else key)
    return folder


def _site_kept(folder: Path) -> bool:
    return (folder / "index.html").is_file() and (folder / "index.html").read_text() == "the previous site\n"


def _unshare_mount(size: str, read_only: bool, folder: Path, command: list[str]) -> tuple[int, str] | None:
    """Run `command` with a small disk (a tmpfs of `size`, read-only if asked) at `folder` holding the
    previous site (folder/site), in a mount namespace of its own; then say what is left on that disk.
    None where this system does not allow it."""
    if not shutil.which("unshare") or subprocess.run(["unshare", "-m", "true"], capture_output=True).returncode:
        return None
    script = (f"mount -t tmpfs -o size={size} none {folder} && mkdir {folder}/site && cp -r {folder}-previous/. "
              f"{folder}/site/ && {'mount -o remount,ro none ' + str(folder) + ' && ' if read_only else ''}"
              f"{{ \"$@\"; code=$?; echo \"left: $(ls -A {folder}) / $(cat {folder}/site/index.html)\"; exit $code; }}")
    return _run_command(["unshare", "-m", "sh", "-c", script, "sh", *command])


def fault_unreadable(case, tmp):
    root, places = _prepare(case, tmp)
    code, output = _run_command([sys.executable, "-c", _injected("EACCES", "data/documents/child-trafficking-strategy/penalties.yml"), "--root", str(root)],
                                cwd=tmp)
    return _outcome(code, output, root, places)


def fault_io_error(case, tmp):
    root, places = _prepare(case, tmp)
    code, output = _run_command([sys.executable, "-c", _injected("EIO", "docs/en/links.md"), "--root", str(root)],
                                cwd=tmp)
    return _outcome(code, output, root, places)


def _mounted_build(case, tmp, size: str, read_only: bool) -> dict:
    root, places = _prepare(case, tmp)
    folder = tmp / "disk"
    folder.mkdir()
    _previous_site(tmp / "disk-previous")
    command = [sys.executable, str(ROOT / "scripts" / "build.py"), "--quiet", "--output", str(folder / "site"),
               "--config-file", str(root / "mkdocs.yml")]
    result = _unshare_mount(size, read_only, folder, command)
    if result is None:
        return {"skip": "this system allows no mount namespace (unshare -m) for a small or read-only disk"}
    code, output = result
    # (the disk is gone with its namespace: what was left on it is the last line of the output)
    return _outcome(code, output, root, places, kept="left: site / the previous site" in output)


def fault_read_only(case, tmp):
    return _mounted_build(case, tmp, "4m", True)


def fault_disk_full(case, tmp):
    return _mounted_build(case, tmp, "3m", False)


def fault_interrupt(case, tmp):
    """Ctrl-C, as a terminal sends it (to the whole process group), while MkDocs is building."""
    root, places = _prepare(case, tmp)
    site = _previous_site(tmp / "site")
    process = subprocess.Popen([sys.executable, str(ROOT / "scripts" / "build.py"), "--quiet", "--output", str(site),
                                "--config-file", str(root / "mkdocs.yml")], cwd=tmp, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True, start_new_session=True)
    deadline = time.monotonic() + 60
    while not any(p.name.startswith(".build-") for p in tmp.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(2)  # MkDocs is under way
    os.killpg(process.pid, signal.SIGINT)
    output, _ = process.communicate(timeout=120)
    return _outcome(process.returncode, output, root, places, kept=_site_kept(site),
                    leftovers=[p.name for p in tmp.iterdir() if p.name.startswith(".build-")])


def fault_killed(case, tmp):
    """A build killed (SIGKILL: nothing tidies up) while MkDocs is building leaves its scratch folder;
    the next build, here one that stops at a bad data file, deletes it first."""
    root, places = _prepare(case, tmp)
    command = [sys.executable, str(ROOT / "scripts" / "build.py"), "--quiet", "--output", str(tmp / "site"),
               "--config-file", str(root / "mkdocs.yml")]
    process = subprocess.Popen(command, cwd=tmp, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    deadline = time.monotonic() + 60
    while not any(p.name.startswith(".build-") for p in tmp.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(3)  # MkDocs is under way
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    left = [p.name for p in tmp.iterdir() if p.name.startswith(".build-")]
    assert left, "the killed build left no scratch folder: the case tests nothing"
    for edit in case["then"]:
        _edit(root, edit, places)
    code, output = _build(root, tmp)
    return _outcome(code, output, root, places, leftovers=[p.name for p in tmp.iterdir() if p.name.startswith(".build-")])


def fault_xml_readback(case, tmp):
    """A built site whose XML files (the case's `written`: path → text; 'gzip:' before a text gzips it)
    are as a failing writer would leave them, read back as the build reads every XML file it wrote
    (trafiklex.core.xmlcheck.site_problems, in scripts/build.py before publishing and packing)."""
    import gzip

    from trafiklex.core import xmlcheck
    from trafiklex.core.errors import DataError

    site = tmp / "staging"
    (site / "index.html").parent.mkdir(parents=True)
    (site / "index.html").write_text("<!doctype html><title>x</title>\n")
    (site / "sitemap.xml").write_text('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>\n')
    for name, text in case["written"].items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8", "surrogatepass")
        (site / name).write_bytes(gzip.compress(data[5:]) if text.startswith("gzip:") else data)
    problems = xmlcheck.site_problems(site)
    assert len(problems) == len(case["written"]), problems  # (only the broken ones)
    return _outcome(1, DataError(problems).report() if problems else "", tmp, {})


class _Died(BaseException):
    """The process dies here (SIGKILL: nothing after it runs)."""


def _swap_with_death(tmp: Path, after: int, exchange: bool) -> list[str]:
    """publish.swap_in, dying after `after` of its file-system steps: what is at the output then."""
    output, new, old = tmp / "site", tmp / "new", tmp / "old"
    for folder, text in ((output, "old site"), (new, "new site")):
        folder.mkdir()
        (folder / "index.html").write_text(text)
    steps = [0]
    real_rename, real_exchange = Path.rename, publish._exchange

    def step(function):
        def wrapped(*args):
            if steps[0] == after:
                raise _Died()
            steps[0] += 1
            return function(*args)
        return wrapped

    try:
        Path.rename = step(real_rename)
        publish._exchange = step(real_exchange) if exchange else (lambda a, b: False)
        try:
            publish.swap_in(new, output, old)
        except _Died:
            pass
    finally:
        Path.rename, publish._exchange = real_rename, real_exchange
    return [(output / "index.html").read_text()] if (output / "index.html").is_file() else []


def fault_kill_during_swap(case, tmp):
    """At every step of the swap, a whole site (old or new) is at the output; with two renames (where
    the system cannot swap at once, and as the build did before) there is a step with none."""
    at_output = {}
    for exchange in (True, False):
        for after in range(3):
            folder = tmp / f"{'exchange' if exchange else 'renames'}-{after}"
            folder.mkdir()
            at_output[exchange, after] = _swap_with_death(folder, after, exchange)
    whole = all(len(at_output[True, after]) == 1 for after in range(3))
    assert [] in [at_output[False, after] for after in range(3)], "two renames were expected to leave a moment without a site"
    output = (f"swap: {'a whole site at every step' if whole else 'a step without a site'}: "
              f"{[at_output[True, after] for after in range(3)]} (with two renames: "
              f"{[at_output[False, after] for after in range(3)]})")
    return _outcome(1, output, tmp, {})


FAULTS = {"unreadable": fault_unreadable, "io-error": fault_io_error, "read-only": fault_read_only,
          "disk-full": fault_disk_full, "interrupt": fault_interrupt, "killed": fault_killed,
          "kill-during-swap": fault_kill_during_swap,
          "xml-readback": fault_xml_readback}
RUNS = {"validate": run_forked, "precheck": run_precheck, "export": run_export, "pages": run_pages,
        "translations": run_forked}


INERT = "inert"
FAST = [c for c in CASES if c["run"] in RUNS or (c["run"] == "fault" and not c.get("slow"))]
SLOW = [c for c in CASES if (c["run"] == "build" and c.get("group") != INERT) or (c["run"] == "fault" and c.get("slow"))]
INERT_CASES = [c for c in CASES if c.get("group") == INERT]  # one build, then opened in Chromium


def _groups() -> dict[str, list[dict]]:
    groups: dict[str, list[dict]] = {}
    for case in CASES:
        if case["run"] == "build" and case.get("group") != INERT:
            groups.setdefault(case.get("group", case["name"]), []).append(case)
    return groups


IN_PROCESS = {"export", "kill-during-swap"}  # (they patch or import in this process: run one at a time)


def _run(case: dict, tmp: Path) -> dict:
    return FAULTS[case["fault"]](case, tmp) if case["run"] == "fault" else RUNS[case["run"]](case, tmp)


def _pooled(jobs: dict) -> dict:
    """Each job (name → function of no argument) run two at a time (each runs its own processes)."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {name: pool.submit(job) for name, job in jobs.items()}
    return {name: future.result() for name, future in futures.items()}


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory):
    """The cases that run their own processes (validation, the build's checks, faults), two at a time."""
    chosen = [c for c in FAST if c["run"] not in IN_PROCESS and c.get("fault") not in IN_PROCESS]
    # (the folders are made here, one after the other: pytest numbers them, and two threads asking at
    # once can be given the same one)
    return _pooled({c["name"]: (lambda c=c, tmp=tmp_path_factory.mktemp("case"): _run(c, tmp)) for c in chosen})


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """The builds of the corpus (each group of cases one build) and the faults during a build."""
    jobs = {name: (lambda cases=cases, tmp=tmp_path_factory.mktemp("build"): run_build(cases, tmp))
            for name, cases in _groups().items()}
    jobs.update({c["name"]: (lambda c=c, tmp=tmp_path_factory.mktemp("fault"): _run(c, tmp))
                 for c in SLOW if c["run"] == "fault"})
    return _pooled(jobs)


def _check(case: dict, outcome: dict) -> str:
    """Asserts the case's expectation; returns how it ended: 'stopped cleanly' or 'inert'."""
    output, expect = outcome["output"], case["expect"]
    assert "Traceback" not in output, output[-3000:]
    assert not CONTROL.search(output), f"a raw control character in the output: {output[-2000:]!r}"
    assert len(output) < 20_000, f"the output is {len(output)} characters: a file dumped?"
    if "inert" in expect:
        inert = expect["inert"]
        assert outcome["code"] == 0, output
        if "page" in inert:  # (a page shows the markup as text; a file published as it is stays that file)
            text = (outcome["site"] / inert["page"]).read_text(encoding="utf-8")
            shown = inert["shows"] if inert.get("file") else inert["shows"].replace("<", "&lt;").replace(">", "&gt;")
            assert shown in text, f"{inert['page']} does not show {shown!r}"
            if not inert.get("file"):
                assert inert["shows"] not in text, f"{inert['page']} holds the markup itself"
        if "csv" in inert:
            text = (outcome["export"] / inert["csv"]).read_text(encoding="utf-8")
            assert inert["shows"] in text
            for row in csv.reader(io.StringIO(text)):
                assert not [c for c in row if c.startswith(exports.FORMULA_START)], row
        return "inert"
    stop = expect["stop"]
    assert outcome["code"] != 0, output
    assert_message_names_its_place(output, stop)
    if not stop["file"].startswith(("build ", "swap")):
        assert "expected:" in output, output
    for words in stop.get("not_says", []):
        assert words not in output, output
    if stop.get("not_created") is True:
        assert not Path(outcome["places"]["marker"]).exists(), "the page's command ran"
    elif stop.get("not_created"):
        assert not (outcome["root"] / stop["not_created"]).exists(), f"{stop['not_created']} was written"
    if stop.get("outside_kept"):
        outside = Path(outcome["places"]["outside_dir"])
        assert [p.name for p in outside.rglob("*") if p.is_file()], "the files outside the project are gone"
        assert all(p.read_text() for p in outside.rglob("*") if p.is_file() and not p.is_symlink() and p.suffix != ".zip")
        for name in stop.get("outside_files", []):
            assert (outside / name).exists() or (outside / name).is_symlink(), f"{name} was deleted"
    if stop.get("project_kept"):
        root = outcome["root"]
        for kept in ("mkdocs.yml", "data/documents.yml", "docs/en/index.md", ".git/HEAD", "scripts/build.py"):
            assert (root / kept).is_file(), f"{kept} was deleted"
    if "kept" in outcome:
        assert outcome["kept"], "the previous site is gone"
    if outcome.get("leftovers"):
        raise AssertionError(f"scratch folders left behind: {outcome['leftovers']}")
    return "stopped cleanly"


RESULTS: Counter = Counter()


def _record(case: dict, how: str):
    RESULTS[(case["class"], how)] += 1
    report("hostile-input corpus", f"{case['class']:<12} {how:<16} {case['name']}")


def test_the_corpus_has_more_than_one_case_of_every_class():
    classes = Counter(case["class"] for case in CASES)
    assert set(classes) == {"page code", "page policy", "parser", "file types", "symlinks", "output path", "environment",
                            "csv", "yaml", "size", "messages", "faults", "xml"}
    assert min(classes.values()) >= 2, classes
    report("hostile-input corpus", "cases per class: " + ", ".join(f"{k} {v}" for k, v in sorted(classes.items())))


SAME_BOTH_WAYS = ["a page reads a macro's Python globals", "a control character in a key is not echoed",
                  "the TBX command on a termbase note with U+FFFF"]


@pytest.mark.parametrize("name", SAME_BOTH_WAYS)
def test_a_forked_command_is_the_command_run_anew(name, tmp_path):
    """(The cases run forked, tests/forked.py:) a case gives the same exit code and the same output,
    byte for byte, forked and as a new process."""
    case = next(c for c in CASES if c["name"] == name)
    root, places = _prepare(case, tmp_path)
    module, args, cwd = _forked_command(case, root, places, tmp_path)
    anew = _run_command([sys.executable, "-m", module, *args], cwd=cwd, timeout=120)
    assert anew[0] != 0 and anew[1]
    assert _run_module(module, args, cwd, timeout=120) == anew


def test_a_forked_command_past_its_time_is_killed():
    with pytest.raises(subprocess.TimeoutExpired):
        FORKS.run("timeit", ["-n", "1", "import time; time.sleep(30)"], cwd=ROOT, env=dict(os.environ), timeout=0.5)
    assert FORKS.run("timeit", ["-n", "1", "pass"], cwd=ROOT, env=dict(os.environ), timeout=30)[0] == 0


@pytest.mark.parametrize("case", FAST, ids=[c["name"] for c in FAST])
def test_hostile_input_is_stopped_cleanly_or_inert(case, outcomes, tmp_path):
    outcome = outcomes[case["name"]] if case["name"] in outcomes else _run(case, tmp_path)
    if "skip" in outcome:
        pytest.skip(outcome["skip"])
    _record(case, _check(case, outcome))


@pytest.mark.slow
@pytest.mark.parametrize("case", SLOW, ids=[c["name"] for c in SLOW])
def test_hostile_input_that_needs_a_build_is_stopped_cleanly(case, builds):
    outcome = builds[case["name"]] if case["run"] == "fault" else builds[case.get("group", case["name"])]
    if "skip" in outcome:
        pytest.skip(outcome["skip"])
    if "site" in outcome:
        assert not outcome["site"].exists(), "a build that failed left a site"
    _record(case, _check(case, outcome))


@pytest.fixture(scope="module")
def inert_site(tmp_path_factory):
    """One build with every case of the group `inert` planted: it must succeed."""
    return run_build(INERT_CASES, tmp_path_factory.mktemp("inert"))


@pytest.mark.slow
@pytest.mark.parametrize("case", INERT_CASES, ids=[c["name"] for c in INERT_CASES])
def test_hostile_markup_where_it_is_text_comes_out_inert(case, inert_site):
    _record(case, _check(case, inert_site))


# every payload of the group `inert` would, if it ran, set window.__pwned, leave the page or ask
# evil.example for something; the policy's violations are listed too (CSP_LISTENER: a payload blocked is not inert)
LOCAL_SCHEMES = ("data:", "about:", "blob:")


def _evaluate(tab, script: str):
    """`script` run in the page, or in the page it went to if it navigated meanwhile (tried again for up
    to 10 s: the page that was left may still say it is loaded while the next one is on its way)."""
    for _ in range(50):
        try:
            return tab.evaluate(script)
        except PlaywrightError:
            tab.wait_for_timeout(200)
            tab.wait_for_load_state("load")
    return tab.evaluate(script)


def _watched_tab(browser, local: str):
    """A tab in a context of its own, and what it records: its requests (those elsewhere than `local`
    refused), the navigations of its page and its dialogs."""
    context = browser.new_context()
    context.add_init_script(NO_SEARCH_WORKER + CSP_LISTENER)
    seen = {"local": local, "requests": [], "navigations": [], "dialogs": []}

    def route(handled):
        seen["requests"].append(handled.request.url)
        handled.continue_() if handled.request.url.startswith((local, *LOCAL_SCHEMES)) else handled.abort()

    context.route("**/*", route)
    context.on("request", lambda request: seen["requests"].append(request.url))  # (file:// is not routed)
    tab = context.new_page()
    tab.on("framenavigated", lambda frame: seen["navigations"].append(frame.url) if frame == tab.main_frame else None)
    tab.on("dialog", lambda dialog: (seen["dialogs"].append(dialog.message), dialog.dismiss()))
    return context, tab, seen


def _open_in_chromium(browser, urls: list[tuple[str, str]]) -> list[dict]:
    """Each `url` (of `urls`: (url, local)) opened in a context of its own, all at once, every request
    routed and recorded (those elsewhere than `local` refused), every navigation of the page counted,
    its <details> opened (a toggle handler would run then); what each page did, 1.5 s after they are all
    open."""
    opened = [_watched_tab(browser, local) for _, local in urls]
    try:
        for (_, tab, _), (url, _) in zip(opened, urls):
            tab.goto(url)
            tab.wait_for_load_state("load")
            _evaluate(tab, "() => document.querySelectorAll('details').forEach(d => { d.open = true; })")
        opened[0][1].wait_for_timeout(1500)  # (a refresh after 0 s, a handler, a late request would have happened)
        states = [_evaluate(tab, "() => ({pwned: window.__pwned ?? null, violations: window.__violations ?? [], "
                                 "at: location.href})") for _, tab, _ in opened]
    finally:
        for context, _, _ in opened:
            context.close()
    return [{**state, "navigations": seen["navigations"], "dialogs": seen["dialogs"],
             "elsewhere": sorted({r for r in seen["requests"] if not r.startswith((seen["local"], *LOCAL_SCHEMES))})}
            for state, (_, _, seen) in zip(states, opened)]


@pytest.mark.slow  # (and browser: it builds a copy, then drives Chromium)
def test_inert_payloads_do_nothing_in_chromium_online_and_offline(inert_site, browser, tmp_path):
    """The built site with every inert payload, served over http and as its offline copy from
    file://: opening each page (and file) that holds one navigates nowhere, asks no other host for
    anything and runs no script."""
    assert inert_site["code"] == 0, inert_site["output"][-3000:]
    site = inert_site["site"]
    with zipfile.ZipFile(site / ZIP_PATH) as archive:
        archive.extractall(tmp_path / "offline")
    offline = next((tmp_path / "offline").iterdir())
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    online = f"http://127.0.0.1:{server.server_address[1]}/"
    pages = sorted({case["expect"]["inert"]["page"] for case in INERT_CASES})
    opened = [(where, page, base + page, local)
              for where, base, local in (("online", online, online), ("offline", offline.as_uri() + "/", "file:"))
              for page in pages]
    try:
        states = _open_in_chromium(browser, [(url, local) for _, _, url, local in opened])
        seen = {(where, page): state for (where, page, _, _), state in zip(opened, states)}
    finally:
        server.shutdown()
    for (where, page), state in seen.items():
        assert state["pwned"] is None and state["dialogs"] == [], (where, page, state)
        assert state["elsewhere"] == [], (where, page, state)
        assert len(state["navigations"]) == 1 and state["at"] == state["navigations"][0], (where, page, state)
        assert state["violations"] == [], (where, page, state)
    report("hostile-input corpus", f"Chromium: {len(pages)} pages and files with {len(INERT_CASES)} planted payloads, "
                                   f"online and offline: no navigation but its own load, 0 requests to another host, 0 scripts run, "
                                   f"0 violations of the policy")


def test_the_watch_in_chromium_sees_a_payload_that_is_live(browser, tmp_path):
    """(The check above can fail:) the same payloads, live in a page without the site's policy, are seen."""
    live = {"script": "<script>window.__pwned = 1</script>", "request": '<img src="https://evil.example/x.png" alt="">',
            "refresh": '<meta http-equiv="refresh" content="0;url=next.html">',
            "handler": '<details ontoggle="window.__pwned = 2"><summary>x</summary></details>'}
    (tmp_path / "next.html").write_text("<!doctype html><title>next</title>", encoding="utf-8")
    for name, payload in live.items():
        (tmp_path / f"{name}.html").write_text(f"<!doctype html><title>x</title>{payload}", encoding="utf-8")
    seen = dict(zip(live, _open_in_chromium(browser, [((tmp_path / f"{name}.html").as_uri(), "file:") for name in live])))
    assert seen["script"]["pwned"] == 1 and seen["handler"]["pwned"] == 2
    assert seen["request"]["elsewhere"] == ["https://evil.example/x.png"]
    assert len(seen["refresh"]["navigations"]) == 2 and seen["refresh"]["at"].endswith("/next.html")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def test_the_limits_are_those_documented():
    editing = (ROOT / "EDITING.md").read_text(encoding="utf-8")
    for figure in (limits.MAX_DATA_FILE_BYTES, limits.MAX_PAGE_BYTES, limits.MAX_FIELD_CHARS, limits.MAX_WORD_CHARS,
                   limits.MAX_DEPTH):
        assert f"{figure:,}" in editing, figure


def test_ignore_patterns_cover_links_in_place_of_generated_folders(tmp_path):
    """A link named like a folder the build makes (site/, a generated-page folder) is ignored too, so
    that none can be committed."""
    shutil.copy(ROOT / ".gitignore", tmp_path / ".gitignore")
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    names = ["site", "node_modules", ".build-x", "docs/sq/institutions", "docs/en/parallel"]
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).symlink_to("/etc")
    ignored = subprocess.run(["git", "check-ignore", *names], cwd=tmp_path, capture_output=True, text=True).stdout
    assert ignored.split() == names


def test_report_the_corpus_figures():
    """(Last: the figures of the run, by class.)"""
    if not RESULTS:
        pytest.skip("no case ran")
    total = sum(RESULTS.values())
    stopped = sum(v for (k, how), v in RESULTS.items() if how == "stopped cleanly")
    inert = sum(v for (k, how), v in RESULTS.items() if how == "inert")
    report("hostile-input corpus", f"{total} cases run: {stopped} stopped cleanly, {inert} inert, 0 tracebacks")


def test_a_previous_build_is_replaced_and_only_then(tmp_path):
    """A site this build made passes the output check and is swapped out; the same site with one
    file added (a CNAME) does not, and nothing in it is touched."""
    key = publish.build_key(ROOT)
    site = _previous_site(tmp_path / "site")
    assert publish.output_problems(site, [ROOT], key) == []
    new = tmp_path / "new"
    new.mkdir()
    (new / "index.html").write_text("the new site\n")
    publish.write_marker(new, key)
    publish.swap_in(new, site, tmp_path / "old")
    assert (site / "index.html").read_text() == "the new site\n"
    assert publish.output_problems(site, [ROOT], key) == []
    (site / "CNAME").write_text("example.org\n")
    problems = publish.output_problems(site, [ROOT], key)
    assert [p.message for p in problems] == [f"{site} is a folder that holds something other than a site this build "
                                             "made: it holds CNAME, which no build made; nothing in it was deleted"]
    assert publish.output_problems(tmp_path / "empty", [ROOT], key) == []  # (missing)
    (tmp_path / "empty").mkdir()
    assert publish.output_problems(tmp_path / "empty", [ROOT], key) == []


@pytest.mark.slow
def test_the_built_site_carries_a_marker_of_every_file(site):
    """The real build's marker lists every file it made, and the build takes its own site for one."""
    marker = json.loads((site / publish.MARKER).read_text(encoding="utf-8"))
    files = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()} - {publish.MARKER}
    assert set(marker["files"]) == files and ZIP_PATH in files and "index.html" in files
    assert publish.output_problems(site, [ROOT], publish.build_key(ROOT)) == []
    assert publish.MARKER not in zipfile.ZipFile(site / ZIP_PATH).namelist()


def test_stale_scratch_of_dead_builds_is_cleaned_and_only_that(tmp_path):
    """A build killed mid-way leaves its scratch folder (.build-*); the next build deletes it, but
    not the scratch of a build still running, nor a .build-* folder this tool did not make."""
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    folders = {name: tmp_path / name for name in (".build-dead", ".build-running", ".build-reused", ".build-someone",
                                                  "Documents")}
    for folder in folders.values():
        folder.mkdir()
        (folder / "keep.txt").write_text("x")
    claim = json.dumps({"host": os.uname().nodename, "pid": dead.pid, "started": "1"})
    (folders[".build-dead"] / publish.SCRATCH_OWNER).write_text(claim)
    publish.claim_scratch(folders[".build-running"])  # (this process: running)
    # (a process that has the number of a dead build since: another start time)
    (folders[".build-reused"] / publish.SCRATCH_OWNER).write_text(
        json.dumps({"host": os.uname().nodename, "pid": os.getpid(), "started": "0"}))
    assert publish.clean_stale_scratch(tmp_path) == [folders[".build-dead"], folders[".build-reused"]]
    assert sorted(p.name for p in tmp_path.iterdir()) == [".build-running", ".build-someone", "Documents"]
