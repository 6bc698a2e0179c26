"""The whole built site as one product of the build cache (trafiklex.core.cache): when nothing the
build reads has changed since a site was built — the project's inputs and hooks, the build's own
scripts, the front-end files installed, the environment variables that change what is stamped, and
(through the cache's code version) the package, the pinned requirements and Python — the site built
then (checked and packed) is taken from the cache instead of being built again: its list of files,
each file kept under the hash of its content and checked against it before it is written out. When the
output already holds that site, file for file, nothing is written at all."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Mapping

from trafiklex.core import cache, tree
from trafiklex.core.errors import DataError, Problem
from trafiklex.data import generated_pages
from trafiklex.data.inputs import INPUT_FILES, INPUT_FOLDERS

KIND = "site"
MANIFEST = "site-files"  # a site's list of files, each with its content's hash
FILE = "site-file"  # a file of a site, under its content's hash
KEPT = 3
# what the build reads besides its inputs (INPUT_FOLDERS, INPUT_FILES): the project's hooks and the
# front-end files installed from npm (package-lock.json pins them); and the build's own scripts
CODE = ("hooks", "package-lock.json")
SCRIPTS = ("scripts/build.py", "scripts/mkdocs_build.py", "scripts/build_pdf.py")
ENVIRONMENT = ("SITE_URL", "EDITION_DATE", "SOURCE_DATE_EPOCH")  # what MkDocs and the build stamp


def _files(root: Path) -> list[Path]:
    out = []
    for name in (*INPUT_FOLDERS, *INPUT_FILES, *CODE):
        top = root / name
        if top.is_file():
            out.append(top)
        elif name in CODE:
            out += tree.code_files(top)
        elif top.is_dir():
            for path in tree.input_entries(root, name):
                if name == "docs" and generated_pages.in_folders(top, path):
                    continue  # (the pages the build writes into docs/<lang>/ from the data)
                if path.is_file():
                    out.append(path)
    return out


def stamps(root: Path) -> dict[str, tuple[int, int]]:
    """When each file the build reads (its inputs, hooks and scripts, the package's code) was last
    written, and its size: an edit undone before the build ends (A, B, A again) leaves the key as it was,
    not these."""
    files = _files(root) + [cache.PROJECT / name for name in SCRIPTS] + \
        tree.code_files(cache.PROJECT / "trafiklex")
    out = {}
    for path in files:
        try:
            status = path.stat()
        except OSError:  # (gone meanwhile: the key says so)
            continue
        out[path.as_posix()] = (status.st_mtime_ns, status.st_size)
    return out


def key(root: Path, environ: Mapping[str, str]) -> str:
    """The key of the site that the project at `root` builds in this environment."""
    return cache.key(KIND, cache.files_digest(_files(root), root),
                     cache.files_digest([cache.PROJECT / name for name in SCRIPTS], cache.PROJECT),
                     *(f"{name}={environ.get(name, '')}" for name in ENVIRONMENT))


def _manifest(site: Path) -> dict:
    """The site's folders, and every file by its path with the SHA-256 of its content."""
    folders, files = [], {}
    for path in sorted(site.rglob("*")):
        name = path.relative_to(site).as_posix()
        if path.is_symlink() or not (path.is_dir() or path.is_file()):
            raise OSError(f"{name}: not a plain file or folder")  # (a build makes none)
        if path.is_dir():
            folders.append(name)
        else:
            files[name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return {"folders": folders, "files": files}


def _wanted(site_key: str) -> dict | None:
    content = cache.get(MANIFEST, site_key)
    try:
        manifest = json.loads(content) if content is not None else None
    except ValueError:
        return None
    return manifest if isinstance(manifest, dict) and set(manifest) == {"folders", "files"} else None


def up_to_date(site_key: str, output: Path) -> bool:
    """The output already is the site of this key, file for file (nothing to build, nothing to write)."""
    wanted = _wanted(site_key)
    if wanted is None or output.is_symlink() or not output.is_dir():
        return False
    try:
        return _manifest(output) == wanted
    except OSError:
        return False


def restore(site_key: str, staging: Path) -> bool:
    """Write the cached site into `staging` (a new folder), each file checked against its hash; False
    when there is none, or a part of it is missing or unsound."""
    wanted = _wanted(site_key)
    if wanted is None:
        return False
    try:
        staging.mkdir()
        for name in wanted["folders"]:
            _inside(staging, name).mkdir()
        for name, sha in wanted["files"].items():
            content = cache.get(FILE, sha)
            if content is None or hashlib.sha256(content).hexdigest() != sha:
                return False
            _inside(staging, name).write_bytes(content)
    except (OSError, ValueError, TypeError, AttributeError):
        return False
    return True


def _inside(site: Path, name: str) -> Path:
    path = site / name
    if not isinstance(name, str) or ".." in name.split("/") or name.startswith("/") or not path.resolve().is_relative_to(site.resolve()):
        raise ValueError(f"{name}: outside the site")
    return path


def keep(site_key: str, site: Path, started: float) -> None:
    """Keep the built site under its key: its list of files and folders, and each file under the
    hash of its content (a file the same from one build to the next is kept once); then the whole cache
    under its limit, what the build that `started` (a time) used kept whole."""
    if cache.folder() is None:
        return
    try:
        manifest = _manifest(site)
    except OSError:  # (what cannot be listed is not kept)
        return
    for name, sha in manifest["files"].items():
        if cache.get(FILE, sha) is None:  # (and one already there is used now: prune keeps it)
            cache.put(FILE, sha, (site / name).read_bytes())
    cache.put(MANIFEST, site_key, json.dumps(manifest, sort_keys=True).encode("utf-8"))
    cache.prune(MANIFEST, KEPT)  # (the last few sites are enough)
    cache.prune(FILE, KEPT * len(manifest["files"]))
    cache.trim(started)


def prune_per_page(pages: int) -> None:
    """A page's or a document's products: the last few builds' worth (pruned at the end of MkDocs'
    build, under `mkdocs serve` too, where the modules that make them are loaded)."""
    from trafiklex.formats import exports
    from trafiklex.model import markdown_render
    from trafiklex.translators import divergence
    from trafiklex.views import render_terms
    from trafiklex.website import page_cache, site_page, sitepolicy
    for kind in (markdown_render.CACHED, site_page.CACHED, sitepolicy.CACHED, divergence.CACHED, render_terms.CACHED,
                 exports.YAML_CACHED, page_cache.CACHED, page_cache.READS):
        cache.prune(kind, KEPT * pages)


def checked_key(root: Path, output: Path, environ: Mapping[str, str]) -> str:
    """The site's key, once the cache is known to be neither inside the site it builds (it would be
    published, or swapped away) nor to hold it; raises DataError otherwise."""
    where = cache.folder(environ)
    target = output.resolve()
    if where is not None and (where.is_relative_to(target) or target.is_relative_to(where)):
        raise DataError([Problem("(environment)", f"the build cache ({where}) and the output ({target}) overlap",
                                 field=cache.VARIABLE, expected="a cache folder outside the site (default: .cache/trafiklex/)")])
    return key(root, environ)
