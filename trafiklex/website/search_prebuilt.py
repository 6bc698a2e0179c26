"""The lunr index of a language's search, built at build time, so that the reader's browser does not
build it at the first search (Material's worker builds lunr's index from the documents when the
search opens: seconds on a large corpus).

It is built by the very code the browser runs: Node.js runs the built site's search worker
(assets/javascripts/workers/search-folding.js, Material's worker, lunr.sq) on the language's index
(search_prebuilt.js), and its compact form goes into the index's config (`config.prebuilt`), which
Material hands to the worker with the documents; search-folding.js makes lunr's index from it
instead of building it. Being part of search_index.json (and of search_index.js, for file://), it is
always the one of the documents published beside it. Node.js is needed to build the site; a
failure of the step stops the build. The result is kept in the build cache (trafiklex.core.cache),
under the index and the worker's files.
"""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from trafiklex.core import cache
from trafiklex.core.errors import DataError, Problem

SCRIPT = Path(__file__).with_name("search_prebuilt.js")
WORKER = ("assets/javascripts/workers", "assets/javascripts/lunr/min")  # what the worker runs, in the built site
KIND = "search-prebuilt"
NODE = "node"


def _problem(message: str, expected: str) -> DataError:
    return DataError([Problem(f"{SCRIPT.name} (the search index built at build time)", message, expected=expected)])


def _node() -> str:
    found = shutil.which(NODE)
    if not found:
        raise _problem("Node.js (node) is not installed: the search index cannot be built at build time",
                       "Node.js on the PATH (./scripts/setup installs it)")
    return found


def _run(node: str, site: Path, index_json: bytes) -> bytes:
    try:
        run = subprocess.run([node, str(SCRIPT), str(site / WORKER[0])], input=index_json, capture_output=True, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise _problem(f"Node.js could not build the search index: {error}", "node to run the site's search worker") from None
    if run.returncode != 0:
        lines = run.stderr.decode("utf-8", "replace").strip().splitlines() or [f"exit status {run.returncode}"]
        raise _problem(f"Node.js could not build the search index: {lines[0]}",
                       "the built site's search worker (assets/javascripts/workers/search-folding.js and the "
                       "theme's worker) to build the index it is given")
    return run.stdout


def _prebuilt(node: str, version: str, site: Path, index: dict) -> dict:
    index_json = json.dumps({"config": index["config"], "docs": index["docs"]}, ensure_ascii=False,
                            separators=(",", ":")).encode("utf-8")
    worker = [path for folder in WORKER for path in sorted((site / folder).glob("*.js"))]
    made = cache.cached(KIND, (index_json, cache.files_digest(worker, site), version), lambda: _run(node, site, index_json))
    try:
        prebuilt = json.loads(made)
        if not (isinstance(prebuilt, dict) and prebuilt.get("fields") == list(index["config"]["fields"])
                and all(vectors.count(";") + 1 == len(index["docs"]) for vectors in prebuilt["vectors"])):
            raise ValueError("not the index of these documents and fields")
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise _problem(f"the search index built by Node.js is damaged: {error}",
                       "one vector per document for each field of the index's config") from None
    return prebuilt


def add(site: Path, indexes: dict[str, dict]) -> dict[str, dict]:
    """Each language's index (trafiklex.website.search_index.build) with its lunr index in its config,
    built by the search worker of the built `site`. (One language after the other: Node's memory
    grows with the corpus, about 110 MB for the site, 255 MB for twenty times its activities.)"""
    node = _node()
    version = subprocess.run([node, "--version"], capture_output=True, text=True).stdout.strip()
    return {lang: {**index, "config": {**index["config"], "prebuilt": _prebuilt(node, version, site, index)}}
            for lang, index in indexes.items()}
