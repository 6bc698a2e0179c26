"""A reader can trust the text: every word of the printed source is on the published page, in order."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import ROOT, page, report
from trafiklex.website.fidelity import coverage, source_tokens, tokens
from trafiklex.core.htmltext import page_text

ARTIFACTS = yaml.safe_load((Path(__file__).parent / "fidelity_artifacts.yml").read_text(encoding="utf-8"))
THRESHOLD = 0.99
DOCUMENTS = [d["id"] for d in yaml.safe_load((ROOT / "data" / "documents.yml").read_text(encoding="utf-8"))["documents"]]


def _lines(spec) -> set[int]:
    out = set()
    for item in spec or []:
        out |= set(range(item[0], item[1] + 1)) if isinstance(item, list) else {item}
    return out


def _source(document_id: str, corpus, lang: str):
    name = corpus.document(document_id)["source"]
    spec = ARTIFACTS.get(f"{lang}/{name}", {})
    text = (ROOT / "sources" / lang / f"{name}.txt").read_text(encoding="utf-8")
    excluded, relocated = _lines(spec.get("exclude")), _lines(spec.get("relocated"))
    all_lines = set(range(1, text.count("\n") + 2))
    main = source_tokens(text, excluded | relocated)
    moved = [source_tokens(text, all_lines - {line}) for line in sorted(relocated)]
    return name, main, [tokens for tokens in moved if tokens]


@pytest.mark.parametrize("lang", ["sq", "en"])
@pytest.mark.parametrize("document_id", DOCUMENTS)
def test_reader_finds_every_source_word_in_order(site, corpus, document_id, lang):
    name, main, moved = _source(document_id, corpus, lang)
    published = tokens(page_text(page(site, corpus.document(document_id)["page"], lang)))
    result = coverage(main, published)
    line = f"{lang}/{name:<40} {result.found:>5}/{result.total:<5} = {result.ratio:.2%}"
    if moved:
        results = [coverage(unit, published) for unit in moved]
        found, total = sum(r.found for r in results), sum(r.total for r in results)
        line += f"   + {len(moved)} relocated lines checked apart: {found}/{total}"
        assert found == total, f"relocated lines missing: {[r.missing for r in results if r.missing]}"
    report("fidelity: source tokens found in order on the published page", line)
    missing = "; ".join(" ".join(run) for _, run in result.missing[:15])
    assert result.ratio >= THRESHOLD, f"{lang}/{name}: {result.ratio:.2%} < {THRESHOLD:.0%}; missing: {missing}"
