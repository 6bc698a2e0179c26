"""The translator tools' downloads, written into the built site's data/ folder: the translation
memory (TMX 1.4), the termbase (TBX-Basic), and the divergence report and the reference check as JSON."""
from __future__ import annotations

import json
from pathlib import Path

from trafiklex.translators import divergence, refcheck
from trafiklex.data.corpus import Corpus
from trafiklex.translators.parallel import all_pairs
from trafiklex.translators.tbx import tbx
from trafiklex.translators.tmx import tmx

FILES = {"tmx": "translation-memory.tmx", "tbx": "termbase.tbx", "divergences": "divergences.json", "references": "reference-check.json"}


def write(corpus: Corpus, folder: Path, created: str) -> None:
    """`created`: the TMX's creation date ('20261128T000000Z'), the edition's, so that rebuilding
    the same commit gives the same file."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / FILES["tmx"]).write_bytes(tmx(corpus, all_pairs(corpus), created))
    (folder / FILES["tbx"]).write_bytes(tbx(corpus))
    _json(folder / FILES["divergences"], [f.as_dict() for f in divergence.report(corpus)])
    _json(folder / FILES["references"], [p.as_dict() for p in refcheck.check(corpus)])


def _json(path: Path, items: list[dict]) -> None:
    path.write_text(json.dumps(items, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
