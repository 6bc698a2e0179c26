"""Command line for translators (scripts/translations):

  divergences [--json] [--strict] [--min-severity S]  where a translation differs from the authoritative text
                                                      (trafiklex.translators.divergence)
  references  [--json] [--strict]                     internal references that point nowhere, to themselves,
                                                      to a missing part or to a clause about something else
  stale       [--json] [--strict]                     clauses whose counterpart changed since it was reviewed
  review      (--all | DOCUMENT#CLAUSE ...)           mark clauses reviewed (translations/reviews.yml)
  tmx         [--output FILE]                         the aligned clauses as TMX 1.4 (the authoritative
                                                      language ↔ each translation)
  tbx         [--output FILE]                         the termbase (data/terms.yml) as TBX-Basic

--strict: exit 1 when anything is reported (for a check in CI); for divergences, when a finding is
reported that translations/accepted.yml does not accept. Bad data exits 2 with its problems.
"""
from __future__ import annotations

import argparse
import json
import signal
import sys
from collections import Counter
from datetime import date
from pathlib import Path

from trafiklex.translators import accepted, divergence, refcheck, staleness
from trafiklex.data.corpus import ROOT, load
from trafiklex.core import xmlcheck
from trafiklex.core.errors import DataError
from trafiklex.translators.parallel import all_pairs
from trafiklex.translators.tbx import entries, tbx
from trafiklex.translators.tmx import segments, tmx


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/translations", description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="the project folder (default: this one)")
    commands = parser.add_subparsers(dest="command", required=True)
    for name in ("divergences", "references", "stale"):
        command = commands.add_parser(name)
        command.add_argument("--json", action="store_true", help="machine-readable output")
        command.add_argument("--strict", action="store_true", help="exit 1 when anything is reported")
        if name == "divergences":
            command.add_argument("--min-severity", choices=divergence.SEVERITIES, default="low")
    review = commands.add_parser("review")
    review.add_argument("--all", action="store_true", help="mark every clause reviewed as it is now")
    review.add_argument("clauses", nargs="*", metavar="DOCUMENT#CLAUSE")
    for name in ("tmx", "tbx"):
        export = commands.add_parser(name)
        export.add_argument("--output", type=Path, help="file to write (default: standard output)")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `… | head` ends quietly
    try:
        corpus = load(args.root.resolve())
        return COMMANDS[args.command](corpus, args)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 2
    except OSError as error:
        print(f"{args.command}: {error.strerror}: {error.filename}", file=sys.stderr)
        return 2


def _divergences(corpus, args) -> int:
    limit = divergence.SEVERITIES.index(args.min_severity)
    findings = [f for f in divergence.report(corpus) if divergence.SEVERITIES.index(f.severity) <= limit]
    if args.json:
        print(json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=1))
    else:
        for f in findings:
            touches = f", {f.touches}" if f.touches else ""
            print(f"{f.document}#{f.clause or '(head)'}  [{f.kind}, {f.severity}{touches}]  {f.detail}")
            if f.accepted:
                print(f"    accepted: {f.accepted}")
            for lang, text in f.texts:
                if text:
                    print(f"    {lang}: {text}")
        kinds = Counter(f.kind for f in findings)
        new = sum(1 for f in findings if not f.accepted)
        print(f"{len(findings)} findings ({new} new, {len(findings) - new} accepted): "
              + ", ".join(f"{k} {kinds[k]}" for k in divergence.KINDS), file=sys.stderr)
        lengths = divergence.measure_lengths(corpus)
        if "n" in lengths:
            print(f"length ratio (translation/authoritative, characters) over {lengths['n']} clauses of "
                  f"{divergence.LENGTH_MINIMUM}+ characters: median {lengths['median']:.2f}, 5–95% {lengths['p05']:.2f}–"
                  f"{lengths['p95']:.2f}, 1–99% {lengths['p01']:.2f}–{lengths['p99']:.2f}; reported outside "
                  f"{lengths['low']:.2f}–{lengths['high']:.2f} ({divergence.LENGTH_DEVIATIONS:g} robust deviations)", file=sys.stderr)
        for document, clause, kind in accepted.stale(accepted.load(corpus.root), divergence.report(corpus)):
            print(f"accepted but no longer reported: {document}#{clause} ({kind}) in {accepted.ACCEPTED}", file=sys.stderr)
    return 1 if args.strict and any(not f.accepted for f in findings) else 0


def _references(corpus, args) -> int:
    problems = refcheck.check(corpus)
    if args.json:
        print(json.dumps([p.as_dict() for p in problems], ensure_ascii=False, indent=1))
    else:
        for p in problems:
            print(f"{p.document}#{p.clause}  [{p.problem}, {p.languages}]  “{p.printed}” → {p.target}: {p.detail}")
        print(f"{len(problems)} reference problems", file=sys.stderr)
    return 1 if args.strict and problems else 0


def _stale(corpus, args) -> int:
    found = staleness.stale(corpus, all_pairs(corpus), staleness.load(corpus.root))
    if args.json:
        print(json.dumps([{"document": s.document, "clause": s.clause, "status": s.status, "detail": s.detail}
                          for s in found], ensure_ascii=False, indent=1))
    else:
        for s in found:
            print(f"{s.key}  [{s.status}]  {s.detail}")
        print(f"{len(found)} clauses need review", file=sys.stderr)
    return 1 if args.strict and found else 0


def _review(corpus, args) -> int:
    if args.all == bool(args.clauses):
        print("review: name the clauses to mark reviewed (DOCUMENT#CLAUSE ...), or give --all: one or the other",
              file=sys.stderr)
        return 2
    reviews, problems = staleness.review(all_pairs(corpus), staleness.load(corpus.root),
                                         None if args.all else args.clauses, date.today())
    if problems:
        raise DataError(problems)
    staleness.save(corpus.root, reviews)
    print(f"{sum(len(c) for c in reviews.values())} clauses reviewed in {staleness.REVIEWS}", file=sys.stderr)
    return 0


def _tmx(corpus, args) -> int:
    pairs = all_pairs(corpus)
    return _write(tmx(corpus, pairs, date.today().strftime("%Y%m%dT000000Z")), args.output,
                  lambda: f"{len(segments(corpus, pairs))} translation units in {args.output}")


def _tbx(corpus, args) -> int:
    return _write(tbx(corpus), args.output, lambda: f"{len(entries(corpus))} concepts in {args.output}")


def _write(data: bytes, output, summary) -> int:
    """An exchange file to `output` (and what it holds, on standard error), or to standard output;
    read back first: what is not well-formed XML is not written."""
    xmlcheck.check(data, str(output) if output else "(standard output)")
    if output:
        output.write_bytes(data)
        print(summary(), file=sys.stderr)
    else:
        sys.stdout.buffer.write(data)
    return 0


COMMANDS = {"divergences": _divergences, "references": _references, "stale": _stale, "review": _review, "tmx": _tmx,
            "tbx": _tbx}

if __name__ == "__main__":
    sys.exit(main())
