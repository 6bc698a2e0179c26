"""The whole built site as one ZIP, for use without a connection (opened from the file system)."""
from __future__ import annotations

import os
import time
import zlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Iterator

from trafiklex.core import cache, ziparchive
from trafiklex.data import environment
from trafiklex.website.csp import to_offline

ZIP_PATH = "offline/korniza-antitrafik-2005.zip"  # inside the site; linked from both home pages
FOLDER = "korniza-antitrafik-2005"  # the one folder the ZIP holds the site in
MEMBER = "zip-member"  # the kind of the build cache's entries: a file of the ZIP, deflated
KEPT = 3  # the last few builds' members are kept
BATCH = 32  # files read (and compressed together) at a time
SHIM = "assets/javascripts/vendor/iframe-worker-shim.js"  # runs the search worker from file:// (trafiklex.website.csp)


def write_zip(site: Path, epoch: int | None = None) -> Path:
    """Zip every file of `site` (but the ZIP itself) under one folder, in a fixed order and with fixed
    timestamps, so that the same site always gives the same ZIP. Each page carries the offline
    Content-Security-Policy (trafiklex.website.csp) in place of the site's. A file the same as one of
    the last builds' is not compressed again: its deflated bytes are kept in the build cache."""
    target = site / ZIP_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    epoch = environment.epoch(os.environ)[0] if epoch is None else epoch
    stamp = min(max(epoch, 315532800), environment.MAX_EPOCH)  # the ZIP format holds 1980 to 2107
    shim = (site / SHIM).read_text(encoding="utf-8") if (site / SHIM).is_file() else ""
    files = sorted(p for p in site.rglob("*") if p.is_file() and not p.is_symlink() and p != target)
    ziparchive.write(target, _members(site, files, shim), time.gmtime(stamp)[:6])
    cache.prune(MEMBER, KEPT * len(files))
    return target


def _members(site: Path, files: list[Path], shim: str) -> Iterator[ziparchive.Member]:
    """The ZIP's members, a few files at a time (a large site is never all in memory)."""
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        for start in range(0, len(files), BATCH):
            batch = files[start:start + BATCH]
            contents = [_offline(path, shim) for path in batch]
            # (from the build cache, or compressed, those missing at once on every core: zlib compresses
            # outside Python's lock; another zlib may give other bytes)
            deflated = cache.cached_each_bytes(MEMBER, contents, lambda missing: list(pool.map(ziparchive.deflate, missing)),
                                               zlib.ZLIB_RUNTIME_VERSION)
            for path, data, packed in zip(batch, contents, deflated):
                yield ziparchive.Member(f"{FOLDER}/{path.relative_to(site).as_posix()}", data, packed)


def _offline(path: Path, shim: str) -> bytes:
    data = path.read_bytes()
    return to_offline(data.decode("utf-8"), shim).encode("utf-8") if path.suffix == ".html" else data

