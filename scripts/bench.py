"""Benchmark of the build and of what a reader downloads. Prints a table and compares it with the
committed baseline (bench/baseline.json); --update writes the baseline.

  full build          the project's build (both languages, downloads, PDFs, ZIP), from an empty build
                      cache (trafiklex.core.cache), seconds (best of 3)
  warm after an edit  the same build after a one-clause edit, with the cache of the build before it (best of 3)
  no edit             the same build again, nothing changed (best of 3)
  site alone          the site without the PDFs and the ZIP (mkdocs build with the hooks), seconds (best of 3)
  plain mkdocs        the same Markdown built by MkDocs with neither macros nor hooks (best of 3), and the ratios
  markdown renders    how many times each page's Markdown is converted in one build (the edition model's count)
  synthetic ×10, ×50  the full site build on a copy with 10× and 50× the activities and pages:
                      seconds and peak memory (all the build's processes together, sampled), to show
                      that cost grows no faster than the content
  search index        per language, raw and gzipped
  largest page        the heaviest HTML page, raw and gzipped
  first visit         bytes (gzipped) a first visit to the home page downloads, all files
  search latency      median time from query to results in the real search worker (Chromium)
  typed → results     what a reader sees (Chromium, over http): a page view (which loads no search index),
                      the search box clicked and a query typed; from the last key to the first result
                      shown, on the site and on a synthetic ×20 corpus (the index loaded and built as the
                      search opens: the first search; and a second query)

Then the checks: each target of the table, and, against the baseline, the measures that do not
depend on the machine (the ratio to a plain MkDocs build, index sizes, page weights) within a
tolerance. Exits 1 when a check fails. Seconds themselves are shown beside the baseline's but not
checked: they are this machine's.

usage: .venv/bin/python scripts/bench.py [--update] [--quick] [--runs N]   (--quick: no ×50 corpus)
       .venv/bin/python scripts/bench.py --search   (the search's figures alone: index sizes and typed →
                                                      results on the site and on the ×20 corpus, no PDFs)
       .venv/bin/python scripts/bench.py --warm [--runs N]   (the editing figures alone: one cold build, then
       the warm build after a one-clause edit, the build with no edit and the plain build, with their ratios)
"""
from __future__ import annotations

import argparse
import copy
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import search_eval  # noqa: E402
sys.path.insert(0, str(ROOT))
from trafiklex.model.markdown_render import EXTENSIONS  # noqa: E402

BASELINE = ROOT / "bench" / "baseline.json"
LATENCY_QUERIES = ["MoLSA", "5.C.2", "trafikimit te femijeve", "kujdestaria", "128/b", "qëllimi i marrëveshjes",
                   "Natasha Hodaj", "borxh", "temporary residence", "foster care"]
PROJECT = ["data", "docs", "sources", "schemas", "translations", "hooks", "locales", "overrides", "mkdocs.yml"]
SEARCH_FACTOR = 20  # the corpus on which the first results must show within SEARCH_MS of typing
SEARCH_MS = 300
TOLERANCE = 1.25  # a machine-independent measure may grow by a quarter over the baseline before it fails


# Run in a fresh process of its own: the command, and the memory of all its processes together (the
# build's, MkDocs', the PDF process's, Typst's, Node's), sampled every SAMPLE seconds; or the largest
# process's own peak (the kernel's, not sampled), if that is more. Prints seconds and kilobytes. (Each
# process's resident set, so the pages they share count in each: on the ×50 corpus 2,257 MB, where their
# proportional set sizes, which count them once, gave 2,199 MB; but these are slow to read: the ×50 build
# took 119 s while they were sampled, 105 s otherwise.)
PROBE = """
import resource, subprocess, sys, time
import psutil
start = time.perf_counter()
process = subprocess.Popen(sys.argv[2:])
root, peak = psutil.Process(process.pid), 0
while process.poll() is None:
    total = 0
    try:
        for each in [root, *root.children(recursive=True)]:
            try:
                total += each.memory_info().rss
            except psutil.Error:
                pass
    except psutil.NoSuchProcess:
        pass
    peak = max(peak, total)
    time.sleep(float(sys.argv[1]))
code = process.wait()
largest = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(time.perf_counter() - start, max(peak // 1024, largest))
sys.exit(code)
"""
SAMPLE = 0.2  # seconds between two samples of the processes' memory


def measured(command: list[str], cwd: Path, env: dict | None = None) -> tuple[float, float]:
    """Seconds and peak memory (MB: all the command's processes together, child processes included) of a
    command, measured in a fresh process of its own."""
    result = subprocess.run([sys.executable, "-c", PROBE, str(SAMPLE), *command], cwd=cwd, capture_output=True,
                            text=True, env=env)
    if result.returncode != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{result.stderr[-3000:]}")
    seconds, kilobytes = result.stdout.split()[-2:]
    return float(seconds), int(kilobytes) / 1024


def copy_project(target: Path) -> Path:
    for name in PROJECT:
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, target / name)
    (target / "node_modules").symlink_to(ROOT / "node_modules")
    return target


def full_build(project: Path, out: Path, cache: Path) -> tuple[float, float]:
    """The project's build with the build cache in `cache` (an empty folder: a cold build)."""
    return measured([sys.executable, str(ROOT / "scripts" / "build.py"), "--quiet", "--output", str(out),
                     "--config-file", str(project / "mkdocs.yml")], project, {**os.environ, "TRAFIKLEX_CACHE": str(cache)})


EDITED_PAGE, EDITED_CLAUSE = "docs/en/nrm-agreement.md", "represented by the Executive Director, Ms. Vera Lesko;"


def edit_one_clause(project: Path, round_: int):
    """One clause's words changed (a different change each round)."""
    path = project / EDITED_PAGE
    text = path.read_text(encoding="utf-8")
    previous = f"{EDITED_CLAUSE[:-1]} (edit {round_ - 1});" if round_ else EDITED_CLAUSE
    assert text.count(previous) == 1, f"{EDITED_PAGE}: the clause to edit is not there once"
    path.write_text(text.replace(previous, f"{EDITED_CLAUSE[:-1]} (edit {round_});"), encoding="utf-8")


class _EnvLoader(yaml.SafeLoader):
    """mkdocs.yml's `!ENV [NAME, default]` (or `!ENV NAME`) read as MkDocs reads it."""


def _env(loader: yaml.SafeLoader, node: yaml.Node):
    names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    *variables, default = names if len(names) > 1 else (*names, None)
    return next((os.environ[v] for v in variables if v in os.environ), default)


_EnvLoader.add_constructor("!ENV", _env)


def site_build(project: Path, out: Path) -> float:
    """The site alone: MkDocs with the hooks (the edition model), no PDFs, no offline copy."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1121644800", "EDITION_DATE": "2026-01-01"}
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", "mkdocs.yml", "-d", str(out)],
                            cwd=project, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"failed: the site build\n{result.stderr[-3000:]}")
    return time.perf_counter() - start


def markdown_renders(project: Path) -> dict:
    """Each page's conversions from Markdown when the site, the search index, the side-by-side views,
    the translators' reports and the printed editions' HTML are all made (in this process)."""
    from trafiklex.data import corpus as corpus_module
    from trafiklex.projections import make_all
    from trafiklex.website.pages import site_pages

    corpus = corpus_module.load(project)
    edition = make_all(corpus)
    pages = site_pages(edition)
    counts = [edition.renders[(path, lang)] for lang in corpus.languages for path in pages.page_paths(lang)]
    return {"pages": len(counts), "max": max(counts), "min": min(counts)}


def plain_build(project: Path, out: Path) -> float:
    """The same pages with MkDocs and its theme alone, converted with the same Markdown extensions as
    the edition model's: no hooks, so no model (macro calls stay as text), and no theme overrides."""
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_EnvLoader)
    config.pop("hooks", None)
    config["theme"].pop("custom_dir", None)  # the site's theme overrides read what the hooks give them
    config["markdown_extensions"] = [e for e in EXTENSIONS if e != "toc"] + [{"toc": {"permalink": True}}]
    config["validation"] = {"links": {"anchors": "info"}}
    config["extra"]["edition"] = "—"
    (project / "plain.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    seconds, _ = measured([sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", "plain.yml", "-d", str(out)], project)
    return seconds


def synthesize(project: Path, factor: int):
    """factor× the activities (each objective's activities repeated) and factor× the document pages."""
    for path in sorted((project / "data" / "documents").glob("*/activities.yml")):  # (every action plan's)
        hint, body = path.read_text(encoding="utf-8").split("\n", 1)
        data = yaml.safe_load(body)
        for section in data["sections"]:
            for group in section.get("objectives", []) or [section]:
                originals, copies = group["activities"], []
                for round_ in range(factor):
                    for k, activity in enumerate(originals):
                        clone = copy.deepcopy(activity)  # (shared values would be written as YAML aliases)
                        base = activity["id"].rsplit("_", 1)[0]
                        clone["id"] = f"{base}_{round_ * len(originals) + k + 1}"
                        copies.append(clone)
                group["activities"] = copies
        path.write_text(hint + "\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for lang in ("sq", "en"):
        pages = [p for p in (project / "docs" / lang).glob("*.md")]
        for round_ in range(1, factor):
            for page in pages:
                text = page.read_text(encoding="utf-8")
                if "document:" not in text:
                    continue
                # (no macro: a table or a note belongs to its document's page alone)
                text = "\n".join(line for line in text.splitlines() if "{{" not in line)
                text = text.replace("document:", "synthetic_of:")
                (project / "docs" / lang / f"synthetic-{round_}-{page.name}").write_text(text, encoding="utf-8")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config.replace("not_in_nav: |\n", "not_in_nav: |\n  synthetic-*.md\n"),
                                        encoding="utf-8")


def html_bytes(site: Path) -> int:
    """The size of the content built: all HTML pages (the activities multiply inside pages, not only
    the number of pages)."""
    return sum(p.stat().st_size for p in site.rglob("*.html"))


def _sizes(path: Path) -> tuple[int, int]:
    raw = path.read_bytes()
    return len(raw), len(gzip.compress(raw, 9))


def index_sizes(site: Path) -> dict:
    return {lang: _sizes(site / ("search" if lang == "sq" else "en/search") / "search_index.json") for lang in ("sq", "en")}


def weights(site: Path) -> dict:
    pages = {p: _sizes(p) for p in site.rglob("*.html")}
    largest = max(pages, key=lambda p: pages[p][0])
    return {"index": index_sizes(site), "largest": (largest.relative_to(site).as_posix(), *pages[largest])}


def browser_figures(site: Path) -> dict:
    from playwright.sync_api import sync_playwright

    with search_eval.serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=search_eval.FLAGS)
        page = browser.new_page()
        loaded = []
        page.on("requestfinished", lambda request: loaded.append(request.url))
        page.goto(f"{base}/index.html", wait_until="networkidle")
        first_visit = 0
        for url in dict.fromkeys(loaded):
            path = site / url.removeprefix(base + "/").split("?")[0].split("#")[0]
            if path.is_file():
                first_visit += len(gzip.compress(path.read_bytes(), 9))
        timings = page.evaluate("""async (queries) => {
          const config = JSON.parse(document.getElementById("__config").textContent);
          const index = await (await fetch(new URL("search/search_index.json", new URL(config.base, location.href)))).json();
          const worker = new Worker(new URL(config.search, location.href));
          const next = () => new Promise(r => worker.addEventListener("message", e => r(e.data), {once: true}));
          worker.postMessage({type: 0, data: {config: index.config, docs: index.docs, options: {suggest: false}}});
          await next();
          const times = [];
          for (const q of queries) { const t = performance.now(); worker.postMessage({type: 2, data: q}); await next();
                                     times.push(performance.now() - t); }
          return times;
        }""", LATENCY_QUERIES)
        browser.close()
    return {"first_visit_gz": first_visit, "first_visit_files": len(set(loaded)), "latency_ms": statistics.median(timings)}


# Runs in the page before the reader opens the search or types: the times of the search box's focus
# (the search opens), of the last key pressed in it, and of the first result shown.
WATCH_RESULTS = """() => {
  const input = document.querySelector("input.md-search__input");
  const list = document.querySelector(".md-search-result__list");
  window.__opened = window.__typed = window.__shown = null;
  input.addEventListener("focus", () => { window.__opened = window.__opened || performance.now(); });
  input.addEventListener("keydown", () => { window.__typed = performance.now(); });
  new MutationObserver(() => {
    if (window.__shown === null && list.querySelector(".md-search-result__item")) window.__shown = performance.now();
  }).observe(list, {childList: true, subtree: true});
}"""
TYPED_QUERIES = ["Natasha Hodaj", "5.C.2", "temporary residence", "MoLSA", "kujdestaria"]


def typing_latency(site: Path) -> dict:
    """What a reader sees (Chromium, the site served over http): a page view, then the search box
    clicked and a query typed. The theme searches at each key released; the query is typed whole but
    its last key, which is then pressed. Measured: the time from that last key to the first result
    shown, for the first search of the page view ("cold": the index is loaded and built as the search
    opens, while the query is typed) and for a second query on the same page ("warm"); the time from
    the search's opening to the first result (cold); and the requests for an index that the page view
    made before the reader searched (none: trafiklex/website/search_loading.py)."""
    from playwright.sync_api import sync_playwright

    cold, opened, warm, before = [], [], [], 0
    with search_eval.serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=search_eval.FLAGS)
        for k, query in enumerate(TYPED_QUERIES):
            page = browser.new_page()
            urls = []
            page.on("request", lambda request: urls.append(request.url))
            page.goto(f"{base}/{'en/' if k % 2 == 0 else ''}index.html", wait_until="networkidle")
            before += sum("search_index" in url for url in urls)
            box = page.locator("input.md-search__input")
            for first in (True, False):
                if not first:  # the first query cleared, its results gone
                    box.press("Control+a")
                    box.press("Backspace")
                    page.wait_for_function("() => !document.querySelector('.md-search-result__list .md-search-result__item')")
                page.evaluate(WATCH_RESULTS)
                box.click()
                box.fill(query[:-1])
                page.keyboard.press(query[-1])
                page.wait_for_function("() => window.__shown !== null", timeout=120_000)
                (cold if first else warm).append(page.evaluate("window.__shown - window.__typed"))
                if first:
                    opened.append(page.evaluate("window.__shown - window.__opened"))
            page.close()
        browser.close()
    return {"typed_cold_ms": statistics.median(cold), "typed_cold_max_ms": max(cold),
            "opened_cold_ms": statistics.median(opened), "typed_warm_ms": statistics.median(warm),
            "index_requests_before_search": before}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="write the figures as the new baseline")
    parser.add_argument("--quick", action="store_true", help="leave out the ×50 corpus (several minutes)")
    parser.add_argument("--runs", type=int, default=3, help="runs of each ×1 build; the best counts (default 3)")
    parser.add_argument("--search", action="store_true", help="the search's figures alone (the site and the ×20 corpus, no PDFs)")
    parser.add_argument("--warm", action="store_true", help="only the warm, no-edit and plain builds (no baseline check)")
    args = parser.parse_args()
    if args.search:
        return search_only()
    if args.warm:
        return warm_only(args.runs)
    figures = _Figures()
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        project = copy_project(scratch / "project")
        # the ×1 builds: the best of three (a 2-core machine's timings vary by a second or more)
        figures["full_build_s"], figures["full_build_mb"] = min(full_build(project, scratch / "site", scratch / f"cold-{n}")
                                                                for n in range(args.runs))
        warm = scratch / "cold-0"  # (the cache of a build of these very pages)
        edits = []
        for round_ in range(args.runs):
            edit_one_clause(project, round_)
            edits.append(full_build(project, scratch / "site-warm", warm)[0])
        figures["warm_edit_s"] = min(edits)
        figures["no_edit_s"] = min(full_build(project, scratch / "site-warm", warm)[0] for _ in range(args.runs))
        figures["plain_build_s"] = min(plain_build(project, scratch / "plain") for _ in range(args.runs))
        figures["site_build_s"] = min(site_build(project, scratch / "site-alone") for _ in range(args.runs))
        figures["renders"] = markdown_renders(project)
        for factor in (10,) if args.quick else (10, 50):
            synthetic = copy_project(scratch / f"x{factor}")
            synthesize(synthetic, factor)
            seconds, megabytes = full_build(synthetic, scratch / f"site-x{factor}", scratch / f"cache-x{factor}")
            figures[f"x{factor}_s"], figures[f"x{factor}_mb"] = seconds, megabytes
            figures[f"x{factor}_pages"] = len(list((scratch / f"site-x{factor}").rglob("*.html")))
            figures[f"x{factor}_html"] = html_bytes(scratch / f"site-x{factor}")
        # search as a reader meets it, on the site and on a ×20 corpus (the site alone: no PDFs needed)
        figures.update(typing_latency(scratch / "site"))
        synthetic = copy_project(scratch / f"x{SEARCH_FACTOR}")
        synthesize(synthetic, SEARCH_FACTOR)
        site_build(synthetic, scratch / f"site-x{SEARCH_FACTOR}")
        figures[f"x{SEARCH_FACTOR}_index"] = index_sizes(scratch / f"site-x{SEARCH_FACTOR}")
        figures.update({f"x{SEARCH_FACTOR}_{key}": value for key, value in typing_latency(scratch / f"site-x{SEARCH_FACTOR}").items()})
        figures["pages"] = len(list((scratch / "site").rglob("*.html")))
        figures["html"] = html_bytes(scratch / "site")
        figures.update(weights(scratch / "site"))
        figures.update(browser_figures(scratch / "site"))
    baseline = json.loads(BASELINE.read_text()) if BASELINE.exists() else None
    print_table(figures, baseline)
    failed = [name for name, ok, detail in checks(figures, baseline) if not ok]
    if args.update:
        BASELINE.parent.mkdir(exist_ok=True)
        BASELINE.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
        print(f"baseline written: {BASELINE.relative_to(ROOT)}")
    return 1 if failed else 0


def search_only() -> int:
    """The search's figures alone, on the site and on the ×20 corpus (each built without the PDFs), with
    the machine's load (the timings are this machine's, at this moment); exits 1 when a target is missed."""
    figures = _Figures()
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        for key, _ in SEARCHED:
            factor = SEARCH_FACTOR if key else 1
            project = copy_project(scratch / f"x{factor}")
            if key:
                synthesize(project, factor)
            site_build(project, scratch / f"site-x{factor}")
            figures[f"{key}index"] = index_sizes(scratch / f"site-x{factor}")
            figures[f"{key}load"] = os.getloadavg()[0]
            figures.update({f"{key}{name}": value for name, value in typing_latency(scratch / f"site-x{factor}").items()})
    out = []
    for key, name in SEARCHED:
        print(f"search{name or ' (the site)'}: index sq / en {' / '.join(f'{z / 1024:.0f}' for _, z in figures[f'{key}index'].values())} KB "
              f"gzipped; typed → first results {figures[f'{key}typed_cold_ms']:.0f} ms median, "
              f"{figures[f'{key}typed_cold_max_ms']:.0f} ms at most; opened → first results {figures[f'{key}opened_cold_ms']:.0f} ms; "
              f"a second query {figures[f'{key}typed_warm_ms']:.0f} ms (load {figures[f'{key}load']:.1f})")
        out += [(f"first results ≤ {SEARCH_MS} ms after typing{name}", figures[f"{key}typed_cold_ms"] <= SEARCH_MS),
                (f"no search index with a page view{name}", figures[f"{key}index_requests_before_search"] == 0)]
    out += [(f"search index {lang} gzipped ≤ 400 KB", zipped <= 400 * 1024) for lang, (_, zipped) in figures["index"].items()]
    for check, ok in out:
        print(f"{'ok  ' if ok else 'FAIL'} {check}")
    return 0 if all(ok for _, ok in out) else 1


def warm_only(runs: int) -> int:
    """The editing figures alone, in one run (so that their ratios share the machine's load)."""
    figures = _Figures()
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        project = copy_project(scratch / "project")
        full_build(project, scratch / "site", scratch / "cache")  # (cold: the cache of the pages before the edits)
        edits = []
        for round_ in range(runs):
            edit_one_clause(project, round_)
            edits.append(full_build(project, scratch / "site", scratch / "cache")[0])
        figures["warm_edit_s"] = min(edits)
        figures["no_edit_s"] = min(full_build(project, scratch / "site", scratch / "cache")[0] for _ in range(runs))
        figures["plain_build_s"] = min(plain_build(project, scratch / "plain") for _ in range(runs))
    for name, key, limit in (("warm build after a one-clause edit", "warm_edit_s", 1.2), ("build with no edit", "no_edit_s", 0.5)):
        ratio = figures[key] / figures["plain_build_s"]
        print(f"{'ok  ' if ratio <= limit else 'FAIL'} {name:<36}{figures[key]:6.2f} s  {ratio:.2f}× plain "
              f"({figures['plain_build_s']:.2f} s; target ≤ {limit}×; rounds: {', '.join(f'{e:.2f}' for e in edits) if key == 'warm_edit_s' else '-'})")
    return 0


class _Figures(dict):
    """The figures, each also printed as soon as it is measured (on stderr)."""

    def __setitem__(self, name, value):
        print(f"  {name}: {value}", file=sys.stderr, flush=True)
        super().__setitem__(name, value)


SEARCHED = [("", ""), (f"x{SEARCH_FACTOR}_", f" (×{SEARCH_FACTOR})")]  # the figures' prefix, and the name shown


def checks(f: dict, baseline: dict | None) -> list[tuple[str, bool, str]]:
    """The targets, and the machine-independent measures against the baseline; printed, then returned."""
    def per_mb(factor: int) -> float:
        return (f[f"x{factor}_s"] / f[f"x{factor}_html"]) / (f["full_build_s"] / f["html"])

    out = [("full build under 10 s", f["full_build_s"] < 10, f"{f['full_build_s']:.2f} s"),
           ("full build ≤ 3× the plain MkDocs build (issue 24)", f["full_build_s"] <= 3 * f["plain_build_s"],
            f"{f['full_build_s'] / f['plain_build_s']:.2f}×"),
           *[(name, f[key] <= limit * f["plain_build_s"], f"{f[key] / f['plain_build_s']:.2f}×")
             for name, key, limit in (("warm build after a one-clause edit ≤ 1.2× plain", "warm_edit_s", 1.2),
                                      ("build with no edit ≤ 0.5× plain", "no_edit_s", 0.5)) if key in f],
           ("site alone ≤ 2× the plain MkDocs build", f["site_build_s"] <= 2 * f["plain_build_s"],
            f"{f['site_build_s'] / f['plain_build_s']:.2f}×"),
           ("each page's Markdown converted once", f["renders"]["max"] == 1 == f["renders"]["min"],
            f"{f['renders']['pages']} pages, {f['renders']['min']}–{f['renders']['max']} each"),
           *[(f"peak memory ×{k} ≤ 1 GB", f[f"x{k}_mb"] <= 1024, f"{f[f'x{k}_mb']:.0f} MB") for k in (50,) if f"x{k}_mb" in f],
           *[(f"cost grows no faster than the content (×{k})", per_mb(k) <= 1.1, f"{per_mb(k):.2f} s per MB of HTML vs ×1")
             for k in (10, 50) if f"x{k}_s" in f],
           *[(f"search index {lang} gzipped ≤ 400 KB", zipped <= 400 * 1024, f"{zipped / 1024:.0f} KB")
             for lang, (_, zipped) in f["index"].items()],
           ("first visit ≤ 300 KB gzipped", f["first_visit_gz"] <= 300 * 1024, f"{f['first_visit_gz'] / 1024:.0f} KB"),
           *[(f"no search index with a page view{name}", f[f"{key}index_requests_before_search"] == 0,
              f"{f[f'{key}index_requests_before_search']} requests") for key, name in SEARCHED if f"{key}typed_cold_ms" in f],
           *[(f"first results ≤ {SEARCH_MS} ms after typing{name}", f[f"{key}typed_cold_ms"] <= SEARCH_MS,
              f"{f[f'{key}typed_cold_ms']:.0f} ms median, {f[f'{key}typed_cold_max_ms']:.0f} ms at most")
             for key, name in SEARCHED if f"{key}typed_cold_ms" in f]]
    if baseline:
        ratio, was = f["full_build_s"] / f["plain_build_s"], baseline["full_build_s"] / baseline["plain_build_s"]
        out.append(("ratio full / plain, vs baseline", ratio <= was * TOLERANCE, f"{ratio:.2f}× (baseline {was:.2f}×)"))
        for lang, (_, zipped) in f["index"].items():
            was = baseline["index"][lang][1]
            out.append((f"search index {lang}, vs baseline", zipped <= was * TOLERANCE, f"{zipped} B (baseline {was} B)"))
        out.append(("first visit, vs baseline", f["first_visit_gz"] <= baseline["first_visit_gz"] * TOLERANCE,
                    f"{f['first_visit_gz']} B (baseline {baseline['first_visit_gz']} B)"))
    print()
    for name, ok, detail in out:
        print(f"{'ok  ' if ok else 'FAIL'} {name:<48}{detail}")
    return out


def print_table(f: dict, baseline: dict | None):
    def row(name, value, unit, key=None, target=""):
        was = ""
        if baseline and key in baseline and isinstance(baseline[key], (int, float)):
            was = f"(baseline {baseline[key]:.2f})" if isinstance(baseline[key], float) else f"(baseline {baseline[key]})"
        print(f"{name:<34}{value:>14} {unit:<6}{target:<22}{was}")

    print(f"{'measure':<34}{'value':>14} {'unit':<6}{'target':<22}")
    row("full build (site, PDFs, ZIP)", f"{f['full_build_s']:.2f}", "s", "full_build_s", "< 10 s")
    row("  peak memory", f"{f['full_build_mb']:.0f}", "MB", "full_build_mb")
    row("plain mkdocs build, same pages", f"{f['plain_build_s']:.2f}", "s", "plain_build_s")
    row("  ratio full / plain", f"{f['full_build_s'] / f['plain_build_s']:.2f}", "×", None, "≤ 3")
    for name, key, target in (("warm, after a one-clause edit", "warm_edit_s", "≤ 1.2"), ("no edit", "no_edit_s", "≤ 0.5")):
        if key in f:
            row(name, f"{f[key]:.2f}", "s", key)
            row(f"  ratio {key.removesuffix('_s').replace('_', ' ')} / plain", f"{f[key] / f['plain_build_s']:.2f}", "×", None, target)
    row("site alone (no PDFs, no ZIP)", f"{f['site_build_s']:.2f}", "s", "site_build_s")
    row("  ratio site / plain", f"{f['site_build_s'] / f['plain_build_s']:.2f}", "×", None, "≤ 2")
    row("Markdown conversions per page", f"{f['renders']['max']}", "", None, "1")
    for factor in (k for k in (10, 50) if f"x{k}_s" in f):
        row(f"synthetic ×{factor} ({f[f'x{factor}_pages']} pages)", f"{f[f'x{factor}_s']:.2f}", "s", f"x{factor}_s")
        row(f"  peak memory ×{factor}", f"{f[f'x{factor}_mb']:.0f}", "MB", f"x{factor}_mb")
        row(f"  seconds per page ×{factor} / ×1", f"{(f[f'x{factor}_s'] / f[f'x{factor}_pages']) / (f['full_build_s'] / f['pages']):.2f}", "×")
        if "html" in f:
            row(f"  HTML built ×{factor} / ×1", f"{f[f'x{factor}_html'] / f['html']:.1f}", "×")
            row(f"  seconds per MB of HTML ×{factor} / ×1",
                f"{(f[f'x{factor}_s'] / f[f'x{factor}_html']) / (f['full_build_s'] / f['html']):.2f}", "×", None, "≤ 1 (linear)")
    for lang, (raw, zipped) in f["index"].items():
        row(f"search index {lang}", f"{raw / 1024:.0f} / {zipped / 1024:.0f}", "KB", None, "gz ≤ 400 KB")
    name, raw, zipped = f["largest"]
    row(f"largest page ({name})", f"{raw / 1024:.0f} / {zipped / 1024:.0f}", "KB")
    row(f"first visit ({f['first_visit_files']} files, gzipped)", f"{f['first_visit_gz'] / 1024:.0f}", "KB", None, "≤ 300 KB")
    row("search latency, median", f"{f['latency_ms']:.1f}", "ms", "latency_ms")
    for key, name in SEARCHED:
        if f"{key}typed_cold_ms" in f:
            if key and f"{key}index" in f:
                row(f"  search index{name} sq / en gz", " / ".join(f"{z / 1024:.0f}" for _, z in f[f"{key}index"].values()), "KB")
            row(f"typed → first results{name}", f"{f[f'{key}typed_cold_ms']:.0f}", "ms", f"{key}typed_cold_ms",
                f"≤ {SEARCH_MS} ms (first search)")
            row(f"  search opened → first results{name}", f"{f[f'{key}opened_cold_ms']:.0f}", "ms", f"{key}opened_cold_ms")
            row(f"  a second query{name}", f"{f[f'{key}typed_warm_ms']:.0f}", "ms", f"{key}typed_warm_ms")


if __name__ == "__main__":
    sys.exit(main())
