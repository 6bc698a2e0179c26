"""Shared fixtures: the data, one real build of the site, a local web server and a real browser."""
from __future__ import annotations

import contextlib
import fcntl
import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from trafiklex.data import corpus as corpus_module  # noqa: E402

CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


PROJECT = ["data", "docs", "sources", "schemas", "translations", "hooks", "locales", "overrides"]

# --- the documents of 2005: the figures the tests pin ----------------------------------------------
# The tests pin this edition's figures for the documents they are about: the seven documents of 2005,
# in their order, and the bodies they name. A document an editor adds (EDITING.md, "Adding a document")
# is checked by the rules that hold for every document and changes none of these figures, so that the
# fast lane stays green; a test that counts across the edition counts these, and checks every other
# document by the same rule.
DOCUMENTS_2005 = ("order-25-2005", "national-action-plan-2005-2007", "decision-171-2005", "child-trafficking-strategy",
                  "child-trafficking-action-plan", "nrm-agreement", "nrm-annex-1")
# the bodies of data/institutions.yml when the edition held the seven documents (each has its page)
INSTITUTIONS_2005 = (
    "adoption_committee", "asp", "asp_anti_trafficking_sector", "asp_it_directorate", "bktf", "caaht", "cards", "centres",
    "child_trafficking_working_group", "civil_status_offices", "council_of_ministers", "customs",
    "equal_opportunities_committee", "eu", "focal_points", "gpo", "icitap", "icmc", "icmpd", "ilo",
    "inter_ministerial_committee", "io", "iom", "iss", "italian_social_service", "labour_inspectorate", "mfa",
    "mfa_consular_directorate", "ministry_of_health", "mod", "moe", "moes", "mof", "moj", "molg", "molsa",
    "molsa_social_services_directorate", "mopo", "mos", "national_coordinator", "ngo", "nrcvt", "nrm_working_group",
    "official_publications_centre", "oic", "organizations", "organized_crime_task_force", "osce", "pameca", "parliament",
    "presidents_office", "prime_minister", "responsible_authority", "seci", "serious_crimes_court", "sptf",
    "state_committee", "state_social_services", "terre_des_hommes", "tims", "tjeter_vizion", "un", "unicef", "vatc",
    "vatra", "witness_protection_sector")


def copy_project(root: Path) -> Path:
    """A copy of the project (what a build reads: its data, pages, words, theme and configuration) at
    `root`, to change and build without touching this one."""
    for name in PROJECT:
        shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("institutions", "parallel", "topics"))
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    (root / "node_modules").symlink_to(ROOT / "node_modules")
    return root


def add_documents(root: Path, fixture: Path) -> None:
    """A fixture's documents added to the project copy at `root` as an editor adds them: its data, pages
    and source texts copied in, its entries appended to data/documents.yml; no code is touched."""
    for folder in ("data", "docs", "sources"):
        shutil.copytree(fixture / folder, root / folder, dirs_exist_ok=True)
    target = root / "data" / "documents.yml"
    target.write_text(target.read_text(encoding="utf-8").rstrip("\n") + "\n" + (fixture / "documents.yml").read_text(encoding="utf-8"),
                      encoding="utf-8")


@pytest.fixture(scope="session")
def corpus():
    return corpus_module.load(ROOT)


@pytest.fixture(scope="session")
def edition(corpus):
    """The edition model of the project's corpus (made once)."""
    from trafiklex.model.edition import edition_of
    return edition_of(corpus)


@contextlib.contextmanager
def _locked(path: Path):
    """An exclusive lock on `path` (a file) between the processes of one run (pytest-xdist's workers)."""
    with open(path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _run_folder(tmp_path_factory) -> Path:
    """The folder this run's processes share: the run's own under pytest-xdist (each worker's is in
    it), else this process's."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@pytest.fixture(scope="session")
def build(tmp_path_factory):
    """The site, built once for the whole run with the project's own build command: the first
    worker to need it builds it while the others wait for it, then all read the same folder."""
    folder = _run_folder(tmp_path_factory) / "shared-build"
    with _locked(_run_folder(tmp_path_factory) / "shared-build.lock"):
        outcome = folder / "outcome.json"
        if not outcome.exists():
            folder.mkdir(exist_ok=True)
            result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build.py"), "--output", str(folder / "site")],
                                    cwd=ROOT, capture_output=True, text=True)
            outcome.write_text(json.dumps({"returncode": result.returncode, "log": result.stdout + result.stderr}))
    return {"dir": folder / "site", **json.loads(outcome.read_text())}


@pytest.fixture(scope="session")
def site(build) -> Path:
    assert build["returncode"] == 0, build["log"]
    return build["dir"]


def assert_message_names_its_place(output: str, expect: dict) -> None:
    """A stopped build's message names the file, the line (`line: true`: some line), the field and
    what `says` holds, as a bad-input or hostile-input case expects."""
    assert expect["file"] in output, output
    if expect.get("line") is True:
        assert re.search(re.escape(expect["file"]) + r":\d+", output), output
    elif expect.get("line"):
        assert f"{expect['file']}:{expect['line']}" in output, output
    if "field" in expect:
        assert re.search(r"field: \S*" + re.escape(expect["field"]), output), output
    assert expect["says"] in output, output


def page(site: Path, page_name: str, lang: str) -> str:
    path = site / (page_name + ".html" if lang == "sq" else f"en/{page_name}.html")
    return path.read_text(encoding="utf-8")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def server(site):
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium")
    assert executable, "Debian's chromium is not installed: run ./scripts/setup"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


# Every page starts the theme's search worker (which loads its language's index and builds it when the
# reader opens the search: trafiklex/website/search_loading.py). A test that does not search gets a
# page without it; one that does is marked `search`.
# Records each Content-Security-Policy violation of a page (window.__violations).
CSP_LISTENER = """window.__violations = [];
document.addEventListener("securitypolicyviolation",
  e => window.__violations.push(e.violatedDirective + " " + e.blockedURI));"""
NO_SEARCH_WORKER = "window.Worker = function () { return {postMessage() {}, addEventListener() {}, terminate() {}}; };"


def new_context(browser, request, **options):
    context = browser.new_context(**options)
    if not request.node.get_closest_marker("search"):
        context.add_init_script(NO_SEARCH_WORKER)
    return context


@pytest.fixture
def tab(browser, request):
    context = new_context(browser, request)
    yield context.new_page()
    context.close()


# --- where the run's scratch lives ------------------------------------------------------------------
# The tests copy the project and build sites by the hundred: on a tmpfs (memory) that is a fifth of the
# fast lane's time saved against this machine's disk. The scratch goes there when the reader has not
# chosen a place (TMPDIR, --basetemp) and the tmpfs has room to spare; a passed run's scratch is then
# removed (pyproject.toml: tmp_path_retention_policy), a failed one's kept to look at.
MEMORY_SCRATCH = Path("/dev/shm")
MEMORY_SCRATCH_ROOM = 6 * 2**30  # a full run's scratch peaks near 2 GB; Chromium shares this tmpfs


def _is_roomy_tmpfs(folder: Path) -> bool:
    try:
        mounts = Path("/proc/self/mounts").read_text().splitlines()
        usage = shutil.disk_usage(folder)
    except OSError:
        return False
    tmpfs = any(line.split()[1:3] == [str(folder), "tmpfs"] for line in mounts)
    return tmpfs and os.access(folder, os.W_OK) and usage.free >= MEMORY_SCRATCH_ROOM


def pytest_configure(config):
    chosen = os.environ.get("TMPDIR") or os.environ.get("PYTEST_DEBUG_TEMPROOT") or config.option.basetemp
    if not chosen and _is_roomy_tmpfs(MEMORY_SCRATCH):
        os.environ["TMPDIR"] = str(MEMORY_SCRATCH)  # for the builds the tests start, too
        tempfile.tempdir = None  # tempfile reads TMPDIR again


def pytest_collection_modifyitems(items):
    """Tests that use a browser are marked `browser` (the fast lane leaves them out); the long scopes
    are run first (_in_order_of_length)."""
    for item in items:
        if {"browser", "tab"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)
    items[:] = _in_order_of_length(items)


def _scope(item) -> str:
    """What pytest-xdist gives to one worker (--dist loadscope): a test class, or else a module."""
    return item.nodeid.split("::")[0] + ("::" + item.cls.__name__ if item.cls else "")


def _in_order_of_length(items: list) -> list:
    """The tests, each scope's kept together and in its order, the longest kinds of scope first: the
    accessibility shards, then the scopes that build copies of the project (slow), then those that
    drive Chromium, then the rest (short), so that the two workers end at about the same time rather
    than one waiting while the other runs a long scope that came last."""
    def kind(item) -> int:
        if item.cls and item.cls.__name__.startswith("TestAxeShard"):
            return 0
        return 1 if item.get_closest_marker("slow") else 2 if item.get_closest_marker("browser") else 3
    scope_kind = {}  # a scope's kind: its longest test's
    for item in items:
        scope = _scope(item)
        scope_kind[scope] = min(scope_kind.get(scope, 3), kind(item))
    return sorted(items, key=lambda item: scope_kind[_scope(item)])  # (stable: the collected order within a kind)


# --- figures that tests report at the end of the run (coverage, counts, ...) -----------------------
# A test's figures travel with its report (`user_properties`), so that they reach the summary from
# the workers that run the tests in parallel (pytest-xdist) as well as from this process.
REPORT: dict[str, list[str]] = {}
_PENDING: list[tuple[str, str]] = []


def report(title: str, line: str) -> None:
    _PENDING.append((title, line))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    if _PENDING:
        outcome.get_result().user_properties.extend(("figure", figure) for figure in _PENDING)
        _PENDING.clear()


def pytest_runtest_logreport(report):
    for _, (title, line) in (p for p in report.user_properties if p[0] == "figure"):
        REPORT.setdefault(title, []).append(line)


def pytest_terminal_summary(terminalreporter):
    for title, lines in REPORT.items():
        terminalreporter.write_sep("-", title)
        for line in lines:
            terminalreporter.write_line(line)
