"""Every case of the hostile-input corpus (tests/hostile_inputs.yml) is stopped with a message that
names the file (and the line where one is known) and what was expected — never a traceback, never
a control character echoed, never a file dumped — or comes out inert. The defences that live in
loading and validation are run through validation only; the cases that need a build (a page's
code, the page policy, faults while MkDocs writes) share as few builds as they can."""
from __future__ import annotations

import csv
import io
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, assert_message_names_its_place, report
from trafiklex.data import corpus as corpus_module
from trafiklex.formats import exports
from trafiklex.core import limits
from trafiklex.website import publish
from trafiklex.website.offline import ZIP_PATH

CASES = yaml.safe_load((Path(__file__).parent / "hostile_inputs.yml").read_text(encoding="utf-8"))["cases"]
PROJECT = ["data", "docs", "sources", "schemas", "translations", "locales", "hooks", "overrides"]
# a full copy (the precheck runs the copy's own build command: its output checks guard the copy)
SKIP = shutil.ignore_patterns(".git", ".venv", ".cache", "node_modules", "site", ".build-*", "__pycache__", ".pytest_cache",
                              ".hypothesis", "institutions", "parallel", "topics")
PLACEHOLDERS = {
    "long_text": "x " * 50_000,
    "long_word": "w" * 70,
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
    else:
        raise AssertionError(f"unknown edit {kind}")


def _limits():
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def _run_command(command, cwd=None, env=None, timeout=600) -> tuple[int, str]:
    result = subprocess.run(command, cwd=cwd, env={**os.environ, **(env or {})}, capture_output=True, text=True,
                            timeout=timeout, preexec_fn=_limits, errors="backslashreplace")
    return result.returncode, result.stdout + result.stderr


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


def run_validate(case, tmp):
    root, places = _prepare(case, tmp)
    code, output = _run_command([sys.executable, "-m", "trafiklex.validate", "--root", str(root)], cwd=tmp, timeout=120)
    return _outcome(code, output, root, places)


def run_precheck(case, tmp):
    root, places = _prepare(case, tmp, full=True)
    args = [_fill(a, places) for a in case.get("args", ["--output", str(tmp / "site")])]
    code, output = _run_command([sys.executable, str(root / "scripts" / "build.py"), "--quiet", *args], cwd=tmp,
                                env={k: v for k, v in case.get("env", {}).items()}, timeout=600)
    return _outcome(code, output, root, places)


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


def _previous_site(folder: Path) -> Path:
    """A site from an earlier build, to find again, unchanged, after a failed one."""
    (folder / ZIP_PATH).parent.mkdir(parents=True)
    (folder / ZIP_PATH).write_bytes(b"PK\x05\x06" + b"\0" * 18)
    (folder / "index.html").write_text("the previous site\n")
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
          "disk-full": fault_disk_full, "interrupt": fault_interrupt, "kill-during-swap": fault_kill_during_swap}
RUNS = {"validate": run_validate, "precheck": run_precheck, "export": run_export}


FAST = [c for c in CASES if c["run"] in RUNS or (c["run"] == "fault" and not c.get("slow"))]
SLOW = [c for c in CASES if c["run"] == "build" or (c["run"] == "fault" and c.get("slow"))]


def _groups() -> dict[str, list[dict]]:
    groups: dict[str, list[dict]] = {}
    for case in CASES:
        if case["run"] == "build":
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
    if stop.get("not_created"):
        assert not Path(outcome["places"]["marker"]).exists(), "the page's command ran"
    if stop.get("outside_kept"):
        outside = Path(outcome["places"]["outside_dir"])
        assert [p.name for p in outside.rglob("*") if p.is_file()], "the files outside the project are gone"
        assert all(p.read_text() for p in outside.rglob("*") if p.is_file())
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
    assert set(classes) == {"page code", "page policy", "symlinks", "output path", "environment", "csv", "yaml",
                            "size", "messages", "faults"}
    assert min(classes.values()) >= 2, classes
    report("hostile-input corpus", "cases per class: " + ", ".join(f"{k} {v}" for k, v in sorted(classes.items())))


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
