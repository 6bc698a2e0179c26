"""The translator tools' downloads, written into the built site's data/ folder: the translation
memory (TMX 1.4), and the divergence report and the reference check as JSON."""
from __future__ import annotations

import json
import time
from pathlib import Path

from . import divergence, refcheck
from .corpus import Corpus
from .parallel import all_pairs
from .tmx import tmx

FILES = {"tmx": "translation-memory.tmx", "divergences": "divergences.json", "references": "reference-check.json"}


def write(corpus: Corpus, folder: Path, epoch: int | None = None) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    created = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(epoch if epoch is not None else time.time()))
    (folder / FILES["tmx"]).write_bytes(tmx(all_pairs(corpus), created))
    _json(folder / FILES["divergences"], [f.as_dict() for f in divergence.report(corpus)])
    _json(folder / FILES["references"], [p.as_dict() for p in refcheck.check(corpus)])


def _json(path: Path, items: list[dict]) -> None:
    path.write_text(json.dumps(items, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
