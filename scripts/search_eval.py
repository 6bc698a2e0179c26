"""Evaluate the site's search with the real thing: each language's built index, loaded by the site's
own search worker (Material's worker behind the site's query folding) in Chromium, asked the queries
of tests/search_queries.yml. Prints recall@5 and MRR per language and the queries that miss.

Ranking is the order of the worker's results by score (as Material computes it, title and term
boosts included), pages and clauses alike. A query is found at rank r when one of its expected
locations ("page.html" or "page.html#clause") is the r-th result.

usage: .venv/bin/python scripts/search_eval.py [--site site/] [--min-recall 0.95]
"""
from __future__ import annotations

import argparse
import functools
import http.server
import json
import shutil
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ROOT / "tests" / "search_queries.yml"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--no-first-run", "--disable-sync"]

# Runs in the page: the site's search worker given the language's index as Material gives it (mode
# "prebuilt": with the lunr index built at build time; "built": without it, so that the worker builds
# it; "damaged": with it damaged), asked each query; every result message, whole (locations, scores,
# highlighted text), as JSON.
RUN_WORKER = """async ([queries, mode]) => {
  const config = JSON.parse(document.getElementById("__config").textContent);
  const index = await (await fetch(new URL("search/search_index.json", new URL(config.base, location.href)))).json();
  if (mode === "built") delete index.config.prebuilt;
  if (mode === "damaged") index.config.prebuilt.vectors[0] = index.config.prebuilt.vectors[0].replace(/;[^;]*$/, "");
  const worker = new Worker(new URL(config.search, location.href));
  const next = () => new Promise(resolve => worker.addEventListener("message", e => resolve(e.data), {once: true}));
  worker.postMessage({type: 0, data: {config: index.config, docs: index.docs, options: {suggest: false}}});
  await next();
  const results = [];
  for (const query of queries) {
    worker.postMessage({type: 2, data: query});
    results.push(await next());
  }
  worker.terminate();
  return JSON.stringify(results);
}"""


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextmanager
def serve(site: Path):
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()


def worker_messages(page, queries: list[str], mode: str = "prebuilt") -> list[dict]:
    """The search worker's answer to each query, whole, on the page open in `page` (RUN_WORKER)."""
    return json.loads(page.evaluate(RUN_WORKER, [queries, mode]))


def run_queries(browser, base_url: str, lang: str, queries: list[str]) -> list[list[str]]:
    """Each query's results, best first (those scored above 0): their locations."""
    page = browser.new_page()
    page.goto(f"{base_url}/{'index.html' if lang == 'sq' else 'en/index.html'}")
    messages = worker_messages(page, queries)
    page.close()
    found = [[item for group in message["data"]["items"] for item in group if item["score"] > 0] for message in messages]
    return [[item["location"] for item in sorted(items, key=lambda item: -item["score"])] for items in found]


def rank(results: list[str], expected: list[str]) -> int | None:
    for position, location in enumerate(results, start=1):
        if location in expected:
            return position
    return None


def evaluate(site: Path, browser=None) -> dict[str, dict]:
    """Recall@5, MRR and misses per language; uses `browser` (a Playwright Chromium) if given."""
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            own = playwright.chromium.launch(executable_path=shutil.which("chromium"), headless=True, args=FLAGS)
            try:
                return evaluate(site, own)
            finally:
                own.close()
    cases = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))
    report = {}
    with serve(site) as base_url:
        for lang in ("sq", "en"):
            items = cases[lang]
            results = run_queries(browser, base_url, lang, [c["query"] for c in items])
            ranks = [rank(found, c["expect"]) for found, c in zip(results, items)]
            found = [r for r in ranks if r and r <= 5]
            report[lang] = {
                "queries": len(items),
                "recall@5": len(found) / len(items),
                "mrr": sum(1 / r for r in ranks if r) / len(items),
                "misses": [(c, r, res[:5]) for c, r, res in zip(items, ranks, results) if not r or r > 5],
            }
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--min-recall", type=float, default=0.95)
    args = parser.parse_args()
    if not (args.site / "search" / "search_index.json").exists():
        print(f"no built site in {args.site}: run ./scripts/build first", file=sys.stderr)
        return 2
    report = evaluate(args.site)
    print(f"{'language':<10}{'queries':>8}{'recall@5':>10}{'MRR':>8}")
    for lang, figures in report.items():
        print(f"{lang:<10}{figures['queries']:>8}{figures['recall@5']:>10.3f}{figures['mrr']:>8.3f}")
    for lang, figures in report.items():
        for case, position, top in figures["misses"]:  # noqa: B007
            where = f"rank {position}" if position else "not found"
            print(f"  miss [{lang}] {case['query']!r} ({case['task']}): {where}; top 5: {top}")
    return 0 if all(f["recall@5"] >= args.min_recall for f in report.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
