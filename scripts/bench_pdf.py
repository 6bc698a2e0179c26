"""Benchmark of the printed editions: the time to build each PDF (making its Typst source with pandoc,
then compiling it), one at a time, and its size. Target: under 3 s each on this machine.

    .venv/bin/python scripts/bench_pdf.py [--runs 3] [--all-sheets] [--warm]

Without the build cache (trafiklex.core.cache), so that every run makes each PDF; with --warm, each
run after the first takes from a cache the first run filled (what a build after an edit elsewhere pays).

Prints one line per PDF (the best of the runs; a handbook's runs each on freshly loaded data, so that
none reuses the pages' HTML that another made, as the real build does) and exits
non-zero if one is over the target. The institution sheets are summed up (slowest, total), or
listed one by one with --all-sheets.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pypdf  # noqa: E402

from trafiklex.core import cache  # noqa: E402
from trafiklex.data import corpus as corpus_module  # noqa: E402
from trafiklex.pdf.build import build_one, targets  # noqa: E402
from trafiklex.pdf.edition import Edition  # noqa: E402
from trafiklex.core.print_paths import FOLDER  # noqa: E402

TARGET_SECONDS = 3.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="builds of each PDF; the best time counts (default 3)")
    parser.add_argument("--all-sheets", action="store_true", help="one line per institution sheet")
    parser.add_argument("--warm", action="store_true", help="with a build cache, filled by the first run")
    args = parser.parse_args()
    warm = tempfile.TemporaryDirectory()
    os.environ[cache.VARIABLE] = warm.name if args.warm else cache.OFF
    edition = Edition.from_environment()
    results, pages = [], {}
    start = time.perf_counter()
    corpus = corpus_module.load(ROOT)
    with tempfile.TemporaryDirectory() as scratch:
        for index, target in enumerate(targets(corpus, edition)):
            runs = []
            for run in range(args.runs + (1 if args.warm else 0)):
                if target.path.startswith(f"{FOLDER}/handbook"):  # fresh data: no page HTML cached by another
                    target = targets(corpus_module.load(ROOT), edition)[index]
                built = build_one(target, Path(scratch), edition)
                if run or not args.warm:  # (the first run of --warm fills the cache)
                    runs.append(built)
            results.append(min(runs, key=lambda built: built.seconds))
            pages[target.path] = len(pypdf.PdfReader(Path(scratch) / target.path).pages)
    wall = time.perf_counter() - start
    print(f"{'PDF':<46} {'seconds':>8} {'size':>10} {'pages':>6}")
    sheets = [r for r in results if "/institutions/" in r.path]
    for built in results:
        if built in sheets and not args.all_sheets:
            continue
        print(f"{built.path:<46} {built.seconds:>8.2f} {built.size / 1024:>8.0f} kB {pages[built.path]:>6}")
    if sheets and not args.all_sheets:
        slowest = max(sheets, key=lambda built: built.seconds)
        print(f"{'institution sheets (' + str(len(sheets)) + ')':<46} {'':>8} {sum(b.size for b in sheets) / 1024:>8.0f} kB "
              f"{sum(pages[b.path] for b in sheets):>6}")
        print(f"{'  slowest: ' + slowest.path.rsplit('/', 1)[-1]:<46} {slowest.seconds:>8.2f} {slowest.size / 1024:>8.0f} kB")
        print(f"{'  all, one after the other':<46} {sum(b.seconds for b in sheets):>8.2f}")
    print(f"best of {args.runs} runs each{', with a warm build cache' if args.warm else ''}; whole benchmark {wall:.1f} s")
    over = [b for b in results if b.seconds > TARGET_SECONDS]
    for built in over:
        print(f"over the {TARGET_SECONDS:.0f} s target: {built.path} ({built.seconds:.2f} s)", file=sys.stderr)
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
