"""The build cache (trafiklex.core.cache): an entry is used only when it is sound (its key, its content's
hash), a part not in the cache is made with the others missing in one pass, and — slow — builds are
deterministic and incremental: after a one-clause edit of a copy of the project, a build that takes what
it can from a copy of the shared build's cache gives the site a build gives whose every cache entry was
damaged (none is used: that build is made from nothing), and that site differs from the shared build of
this commit in the files the edit changes and, byte for byte, in no other; with nothing changed, the
output is left as it is. scripts/build.py's two processes (MkDocs, the PDFs): a failing one stops the
build with its message, and an input saved while they read the project stops it too."""
from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from conftest import ROOT, copy_project, report
from trafiklex.core import cache

# (the edit's words are new in every run, so that no cache, the project's included, holds its products)
EDIT = ("docs/en/nrm-agreement.md", "represented by the Executive Director, Ms. Vera Lesko;",
        f"represented by the Executive Director, Ms. Vera Lesko (edited {uuid.uuid4().hex[:12]});")


@pytest.fixture
def in_folder(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv(cache.VARIABLE, str(tmp_path / "cache"))
    return tmp_path / "cache"


def _entry(folder: Path, kind: str) -> Path:
    (path,) = [p for p in (folder / kind).rglob("*") if p.is_file()]
    return path


def test_an_entry_is_used_only_when_sound(in_folder):
    key = cache.key("test", "input")
    cache.put("test", key, b"the product")
    assert cache.get("test", key) == b"the product"
    path = _entry(in_folder, "test")
    whole = path.read_bytes()
    assert path.name == key and whole.endswith(b"the product")
    assert hashlib.sha256(b"the product").hexdigest().encode() not in whole  # (signed, not a bare hash)

    path.write_bytes(whole[:-1])  # truncated
    assert cache.get("test", key) is None
    path.write_bytes(whole[:-1] + b"X")  # the same length, another content
    assert cache.get("test", key) is None
    path.write_bytes(b"something else altogether")  # not an entry at all
    assert cache.get("test", key) is None
    other = cache.key("test", "another input")  # a sound entry, under another key's name
    path.write_bytes(whole)
    (path.parent.parent / other[:2]).mkdir(exist_ok=True)
    (path.parent.parent / other[:2] / other).write_bytes(whole)
    assert cache.get("test", other) is None
    assert cache.get("test", key) == b"the product"


def test_an_entry_written_with_another_key_is_foreign(in_folder, monkeypatch):
    """An entry another copy of the project (another key), or anyone without the key, wrote is not
    used, although its hash is right: some entries are code (compiled templates)."""
    key = cache.key("test", "input")
    monkeypatch.setitem(cache._keys, str(cache.PROJECT), b"another copy's key")
    cache.put("test", key, b"the product")
    assert cache.get("test", key) == b"the product"  # (sound for the copy that wrote it)
    path = _entry(in_folder, "test")
    monkeypatch.undo()
    monkeypatch.setenv(cache.VARIABLE, str(in_folder))
    assert cache.get("test", key) is None  # foreign here
    header, signature, content = path.read_bytes().split(b"\n", 3)[1:]
    path.write_bytes(cache.MAGIC + header + b"\n" + hashlib.sha256(content).hexdigest().encode() + b"\n" + content)
    assert cache.get("test", key) is None  # a bare hash of the content is no signature
    cache.put("test", key, b"the product")
    assert cache.get("test", key) == b"the product"


def test_a_key_changes_with_every_input_and_with_the_code(in_folder, monkeypatch):
    keys = {cache.key("kind", "a", "bc"), cache.key("kind", "ab", "c"), cache.key("other", "a", "bc"),
            cache.key("kind", "a", "bd")}
    assert len(keys) == 4
    monkeypatch.setitem(cache._code_versions, str(cache.PROJECT / "trafiklex"), "another version of the code")
    assert cache.key("kind", "a", "bc") not in keys


def test_the_cache_can_be_turned_off(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.VARIABLE, cache.OFF)
    made = []
    for _ in range(2):
        assert cache.cached("test", ("input",), lambda: made.append(1) or b"made") == b"made"
    assert made == [1, 1]
    assert not list(tmp_path.iterdir())


def test_only_the_missing_parts_are_made_and_together(in_folder):
    calls = []

    def make_all(parts):
        calls.append(parts)
        return [part.upper() for part in parts]

    assert cache.cached_each("parts", ["a", "b"], make_all) == ["A", "B"]
    assert cache.cached_each("parts", ["a", "c", "b", "d"], make_all) == ["A", "C", "B", "D"]
    assert calls == [["a", "b"], ["c", "d"]]


def test_prune_keeps_the_entries_used_last(in_folder):
    keys = [cache.key("test", str(n)) for n in range(4)]
    for n, entry_key in enumerate(keys):
        cache.put("test", entry_key, b"product")
        os.utime(in_folder / "test" / entry_key[:2] / entry_key, ns=(n * 10**9, n * 10**9))
    assert cache.get("test", keys[0]) == b"product"  # (used now)
    cache.prune("test", 2)
    assert [cache.get("test", entry_key) is not None for entry_key in keys] == [True, False, False, True]


def test_trim_keeps_the_whole_cache_under_its_limit_but_not_at_the_cost_of_the_build_under_way(in_folder):
    """Entries of every kind, 1 KB each, used an hour apart (the last two during the build under way):
    under a limit of 3.5 KB the two used first go; under a limit of 1 KB, every one the build did not
    use goes, and the build's own stay."""
    hour, now = 3600, time.time()
    entries = [("pandoc-html", "a"), ("typst-pdf", "b"), ("search-prebuilt", "c"), ("jinja-bytecode", "d"), ("typst-pdf", "e")]
    paths = []
    for n, (kind, name) in enumerate(entries):
        entry_key = cache.key(kind, name)
        cache.put(kind, entry_key, b"x" * 1000)
        paths.append(in_folder / kind / entry_key[:2] / entry_key)
        used = now - (len(entries) - 1 - n) * hour
        os.utime(paths[-1], (used, used))
    started = now - 1.5 * hour  # (the last two: used by the build under way)
    cache.trim(started, limit=3500)
    assert [p.exists() for p in paths] == [False, False, True, True, True]
    cache.trim(started, limit=1000)
    assert [p.exists() for p in paths] == [False, False, False, True, True]


def _build(project: Path, output: Path, cache_folder: Path) -> None:
    env = {**os.environ, cache.VARIABLE: str(cache_folder)}
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build.py"), "--quiet", "--output", str(output),
                             "--config-file", str(project / "mkdocs.yml")], cwd=project, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def _digests(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _entries(folder: Path, kind: str) -> set[str]:
    return {p.name for p in (folder / kind).rglob("*") if p.is_file()}


def _copy_unless_pruned(source: str, target: str) -> None:
    """An entry copied, unless a build running beside this test has just pruned it (cache.prune)."""
    with contextlib.suppress(FileNotFoundError):
        shutil.copy2(source, target)


# what the one-clause edit changes: where the clause is shown (its pages, the parallel text, the topics
# that cite it, the exports, the English search index and handbooks, the offline copy), the translators'
# review status (a counterpart to look at again: the translations page in both languages, the Albanian
# search index) and the site's list of files
CHANGED_BY_THE_EDIT = [
    ".trafiklex-site.json", "akn/al/doc/agreement/2005-07-18/nrm-agreement/eng@2005-07-18.xml", "data/clauses.csv",
    "data/clauses.json", "data/clauses.yml", "data/divergences.json", "data/translation-memory.tmx",
    "en/nrm-agreement.html", "en/parallel/nrm-agreement.html", "en/search/search_index.js", "en/search/search_index.json",
    "en/topics/coe-35.html", "en/topics/partnership.html", "en/translations.html", "offline/korniza-antitrafik-2005.zip",
    "parallel/nrm-agreement.html", "pdf/handbook-en.pdf", "pdf/handbook-sq-en.pdf", "search/search_index.js",
    "search/search_index.json", "translations.html"]


@pytest.mark.slow
def test_builds_are_deterministic_and_a_warm_build_after_an_edit_is_a_build_from_nothing(site, tmp_path):
    project, warm = copy_project(tmp_path / "project"), tmp_path / "warm-cache"
    # a copy of the cache the shared build used, which holds that build's products (made by it, or by an
    # earlier build of the same inputs); this test damages the copy's entries, not the cache's
    shared_cache = cache.folder()
    assert shared_cache is not None and shared_cache.is_dir(), f"the shared build kept nothing ({cache.VARIABLE})"
    shutil.copytree(shared_cache, warm, ignore=shutil.ignore_patterns(".tmp-*"), copy_function=_copy_unless_pruned)
    before = _digests(site)
    pdfs_before = _entries(warm, "typst-pdf")
    path, old, new = project / EDIT[0], EDIT[1], EDIT[2]
    assert path.read_text(encoding="utf-8").count(old) == 1
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    _build(project, tmp_path / "warm", warm)
    # the warm build compiled only the PDFs whose Typst changed (the English handbook, the bilingual edition)
    made_again = _entries(warm, "typst-pdf") - pdfs_before
    assert len(made_again) == 2, made_again
    # every entry damaged (one byte less): none is used, so this build is made from nothing; it gives
    # the warm build's site (an entry used although damaged would have changed it)
    entries = [p for p in warm.rglob("*") if p.is_file()]
    assert len(entries) > 100
    for entry in entries:
        entry.write_bytes(entry.read_bytes()[:-1])
    _build(project, tmp_path / "cold", warm)
    after_warm, after_cold = _digests(tmp_path / "warm"), _digests(tmp_path / "cold")
    assert after_warm == after_cold
    # builds are deterministic: this one, from nothing, of a copy of the project, and the shared build
    # of the project itself differ only in what the edit changes, every other file the same byte for
    # byte (timestamps fixed by SOURCE_DATE_EPOCH and the commit date, sorted output, a reproducible ZIP)
    assert sorted(before) == sorted(after_cold)
    changed = sorted(name for name in after_cold if before[name] != after_cold[name])
    assert changed == CHANGED_BY_THE_EDIT
    # a build with nothing changed: the output, that very site, is left as it is
    stamp = (tmp_path / "cold" / "index.html").stat().st_mtime_ns
    _build(project, tmp_path / "cold", warm)
    assert _digests(tmp_path / "cold") == after_cold
    assert (tmp_path / "cold" / "index.html").stat().st_mtime_ns == stamp
    report("deterministic build", f"{len(before)} files; a build from nothing of a copy and the shared build differ "
                                  f"in the {len(changed)} that a one-clause edit changes, and only there")
    report("build cache", f"warm after an edit = a build from damaged entries: {len(after_cold)} files, "
                          f"{len(changed)} changed by the edit, {len(made_again)} PDFs compiled again")


STOOD_IN = ("mkdocs_build.py", "build_pdf.py")  # scripts/build.py's two processes


@functools.cache
def _build_script():
    """scripts/build.py, imported once as a module."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import build

    return build


def _build_with_stand_ins(tmp_path: Path, monkeypatch, stand_ins: dict):
    """scripts/build.py's build() of a copy of the project, with each of its two processes stood in for:
    `stand_ins` gives, for each, a shell script run with the process's --site-dir as $0 (and the copy's
    root as $1), or an exception that starting it raises. Returns the build's result (or the exception
    it raised) and the processes started, by name."""
    build_script = _build_script()
    project = copy_project(tmp_path / "project")
    started, processes = subprocess.Popen, {}

    def stand_in(command, *args, **kwargs):
        name = Path(command[1]).name if len(command) > 1 else ""
        if name not in STOOD_IN:
            return started(command, *args, **kwargs)  # (git, …)
        if isinstance(stand_ins[name], BaseException):
            raise stand_ins[name]
        folder = command[command.index("--site-dir") + 1]
        processes[name] = started(["sh", "-c", stand_ins[name], folder, str(project)], *args, **kwargs)
        return processes[name]

    monkeypatch.setenv(cache.VARIABLE, str(tmp_path / "cache"))
    monkeypatch.setattr(build_script.subprocess, "Popen", stand_in)
    try:
        result = build_script.build(tmp_path / "site", config=project / "mkdocs.yml", quiet=True)
    except build_script.Interrupted as interrupt:
        result = interrupt
    return result, processes


def test_a_page_edited_while_the_site_is_built_stops_the_build_and_nothing_is_kept(tmp_path, monkeypatch, capsys):
    """The pages and the PDFs are made by two processes, each reading the inputs: an input saved while
    they read is a build of no one state of the project. It stops the build; no site is published, and
    none is kept in the cache under the inputs as they were before the edit. (scripts/build.py's own
    steps, with MkDocs and the PDF build stood in for by commands that make their folders: the page is
    saved once both have started.)"""
    result, processes = _build_with_stand_ins(tmp_path, monkeypatch, {
        "build_pdf.py": 'mkdir -p "$0/pdf"',
        "mkdocs_build.py": 'mkdir -p "$0"; printf "\nA line saved during the build.\n" >> "$1/docs/en/index.md"'})
    assert result == 1
    output = capsys.readouterr().err
    assert sorted(processes) == sorted(STOOD_IN)
    assert "A line saved during the build." in (tmp_path / "project" / "docs" / "en" / "index.md").read_text(encoding="utf-8")
    assert "a file the build reads changed while the site was being built" in output, output
    assert "Traceback" not in output and "build failed" in output
    assert not (tmp_path / "site").exists()
    assert [p for p in (tmp_path / "cache").glob("site/**/*") if p.is_file()] == []  # (no site kept)


def test_a_page_edited_and_saved_back_while_the_site_is_built_stops_the_build_too(tmp_path, monkeypatch, capsys):
    """An edit undone before the build ends (A, then B, then A again) leaves every input as it was when
    the build began, but the processes may have read B: the build stops all the same, and keeps nothing."""
    result, processes = _build_with_stand_ins(tmp_path, monkeypatch, {
        "build_pdf.py": 'mkdir -p "$0/pdf"',
        "mkdocs_build.py": 'mkdir -p "$0"; page="$1/docs/en/index.md"; cp "$page" "$1/../kept.md"; '
                           'printf "\nA line saved during the build.\n" >> "$page"; sleep 0.05; cp "$1/../kept.md" "$page"'})
    assert result == 1
    output = capsys.readouterr().err
    assert sorted(processes) == sorted(STOOD_IN)
    assert "A line saved during the build." not in (tmp_path / "project" / "docs" / "en" / "index.md").read_text(encoding="utf-8")
    assert "a file the build reads changed while the site was being built" in output, output
    assert not (tmp_path / "site").exists()
    assert [p for p in (tmp_path / "cache").glob("site/**/*") if p.is_file()] == []


FAILS = {  # the half that fails: what each stand-in does (its folder is $0)
    "the pages": {"mkdocs_build.py": "mkdir -p \"$0\"; echo 'ERROR - docs/en/index.md: the stand-in page failed' >&2; exit 1",
                  "build_pdf.py": 'mkdir -p "$0/pdf"; exec sleep 60'},
    "the PDFs": {"mkdocs_build.py": 'mkdir -p "$0"',
                 "build_pdf.py": "echo 'PDF build failed:'; echo 'pdf/handbook-en.pdf: the stand-in failed' >&2; exit 1"},
}


@pytest.mark.parametrize("failing", FAILS)
def test_a_failing_half_of_the_build_stops_the_other_and_names_its_problem(tmp_path, monkeypatch, capsys, failing):
    """The pages fail: the PDF process still under way is stopped, MkDocs' message is shown. The PDFs
    fail: their message is shown. Either way nothing is published. (Stand-ins for the two processes.)"""
    begun = time.monotonic()
    result, processes = _build_with_stand_ins(tmp_path, monkeypatch, FAILS[failing])
    assert result == 1
    output = capsys.readouterr().err
    expected = "docs/en/index.md: the stand-in page failed" if failing == "the pages" else "pdf/handbook-en.pdf: the stand-in failed"
    assert expected in output and "build failed" in output and "Traceback" not in output, output
    assert sorted(processes) == sorted(STOOD_IN)
    assert all(process.poll() is not None for process in processes.values())  # (none left running)
    assert time.monotonic() - begun < 30  # (the PDFs were stopped, not waited for)
    assert not (tmp_path / "site").exists()


def _running(pid: int) -> bool:
    """The process is there and not a zombie (one that has ended, waiting for its parent to reap it)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"


def test_a_failing_half_stops_what_the_other_half_started(tmp_path, monkeypatch):
    """The PDF process compiles in processes of its own (Typst): when the pages fail, those are stopped
    with it, not left compiling for a build that is over. (A stand-in whose child is such a process.)"""
    result, processes = _build_with_stand_ins(tmp_path, monkeypatch, {
        "build_pdf.py": 'mkdir -p "$0/pdf"; sleep 60 & echo $! > "$1/compiling.pid"; exec sleep 60',
        "mkdocs_build.py": "mkdir -p \"$0\"; until [ -s \"$1/compiling.pid\" ]; do sleep 0.05; done; "  # (once it compiles)
                           "echo 'ERROR - the stand-in page failed' >&2; exit 1"})
    assert result == 1
    compiling = int((tmp_path / "project" / "compiling.pid").read_text())
    deadline = time.monotonic() + 10
    while _running(compiling) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _running(compiling)
    assert all(process.poll() is not None for process in processes.values())


def test_an_interrupt_as_mkdocs_starts_stops_the_pdf_process_and_leaves_no_scratch(tmp_path, monkeypatch):
    """Ctrl-C (or a request to stop) just as MkDocs is being started, the PDF process already under
    way: it is stopped too, before the scratch folder is deleted (else it would write it anew)."""
    interrupted = _build_script().Interrupted
    result, processes = _build_with_stand_ins(tmp_path, monkeypatch, {
        "build_pdf.py": 'mkdir -p "$0/pdf"; exec sleep 60', "mkdocs_build.py": interrupted()})
    assert isinstance(result, interrupted)
    assert processes["build_pdf.py"].poll() is not None  # (stopped, not left writing)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".build-")] == []
    assert not (tmp_path / "site").exists()
