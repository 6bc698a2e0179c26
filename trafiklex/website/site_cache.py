"""The whole built site as one product of the build cache (trafiklex.core.cache): when nothing the
build reads has changed since a site was built — the project's inputs and hooks, the build's own
scripts, the front-end files installed, the environment variables that change what is stamped, and
(through the cache's code version) the package, the pinned requirements and Python — the site built
then (checked and packed) is taken from the cache instead of being built again. The entry is a tar of
the site, verified against its hash before a file of it is written out; when the output already holds
that site, file for file, nothing is written at all."""
from __future__ import annotations

import hashlib
import io
import json
import tarfile
from pathlib import Path
from typing import Mapping

from trafiklex.core import cache
from trafiklex.core.errors import DataError, Problem
from trafiklex.data.inputs import INPUT_FILES, INPUT_FOLDERS
from trafiklex.website.pages import GENERATED_FOLDERS

KIND = "site"
MANIFEST = "site-files"
KEPT = 3
# what the build reads besides its inputs (INPUT_FOLDERS, INPUT_FILES): the project's hooks and the
# front-end files installed from npm (package-lock.json pins them); and the build's own scripts
CODE = ("hooks", "package-lock.json")
SCRIPTS = ("scripts/build.py", "scripts/mkdocs_build.py")
ENVIRONMENT = ("SITE_URL", "EDITION_DATE", "SOURCE_DATE_EPOCH")  # what MkDocs and the build stamp


def _files(root: Path) -> list[Path]:
    out = []
    for name in (*INPUT_FOLDERS, *INPUT_FILES, *CODE):
        top = root / name
        if top.is_file():
            out.append(top)
        elif top.is_dir():
            for path in top.rglob("*"):
                parts = path.relative_to(root).parts
                if "__pycache__" in parts or (parts[0] == "docs" and len(parts) > 3 and parts[2] in GENERATED_FOLDERS):
                    continue  # (the pages the build writes into docs/<lang>/ from the data)
                if path.is_file():
                    out.append(path)
    return out


def key(root: Path, environ: Mapping[str, str]) -> str:
    """The key of the site that the project at `root` builds in this environment."""
    return cache.key(KIND, cache.files_digest(_files(root), root),
                     cache.files_digest([cache.PROJECT / name for name in SCRIPTS], cache.PROJECT),
                     *(f"{name}={environ.get(name, '')}" for name in ENVIRONMENT))


def _manifest(site: Path) -> bytes:
    """Every file of a site, by its path, with the hash of its content."""
    files = sorted((path.relative_to(site).as_posix(), path) for path in site.rglob("*") if path.is_file() or path.is_symlink())
    return json.dumps({name: hashlib.sha256(path.read_bytes()).hexdigest() if not path.is_symlink() else "link"
                       for name, path in files}, sort_keys=True).encode("utf-8")


def up_to_date(site_key: str, output: Path) -> bool:
    """The output already is the site of this key, file for file (nothing to build, nothing to write)."""
    wanted = cache.get(MANIFEST, site_key)
    if wanted is None or output.is_symlink() or not output.is_dir():
        return False
    try:
        return _manifest(output) == wanted
    except OSError:
        return False


def restore(site_key: str, staging: Path) -> bool:
    """Write the cached site into `staging` (a new folder); False when there is none, or it is unsound."""
    content = cache.get(KIND, site_key)
    if content is None:
        return False
    try:
        with tarfile.open(fileobj=io.BytesIO(content), mode="r:") as archive:
            archive.extractall(staging, filter="data")
    except (tarfile.TarError, OSError, ValueError):
        return False
    return True


def keep(site_key: str, site: Path) -> None:
    """Keep the built site under its key (its files in their order, with no owner or time: the same
    site gives the same entry)."""
    if cache.folder() is None:
        return
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:", format=tarfile.PAX_FORMAT) as archive:
        for path in sorted(site.rglob("*")):
            info = archive.gettarinfo(str(path), path.relative_to(site).as_posix())
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            info.mtime = 0
            if path.is_file():
                with path.open("rb") as handle:
                    archive.addfile(info, handle)
            else:
                archive.addfile(info)
    cache.put(KIND, site_key, buffer.getvalue())
    cache.put(MANIFEST, site_key, _manifest(site))
    cache.prune(KIND, KEPT)  # (a site is tens of megabytes: the last few are enough)
    cache.prune(MANIFEST, KEPT)


def checked_key(root: Path, output: Path, environ: Mapping[str, str]) -> str:
    """The site's key, once the cache is known to be neither inside the site it builds (it would be
    published, or swapped away) nor to hold it; raises DataError otherwise."""
    where = cache.folder(environ)
    target = output.resolve()
    if where is not None and (where.is_relative_to(target) or target.is_relative_to(where)):
        raise DataError([Problem("(environment)", f"the build cache ({where}) and the output ({target}) overlap",
                                 field=cache.VARIABLE, expected="a cache folder outside the site (default: .cache/trafiklex/)")])
    return key(root, environ)
