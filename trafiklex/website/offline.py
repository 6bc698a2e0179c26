"""The whole built site as one ZIP, for use without a connection (opened from the file system)."""
from __future__ import annotations

import os
import time
import zipfile
from pathlib import Path

from trafiklex.data import environment
from trafiklex.website.csp import to_offline

ZIP_PATH = "offline/korniza-antitrafik-2005.zip"  # inside the site; linked from both home pages
SHIM = "assets/javascripts/vendor/iframe-worker-shim.js"  # runs the search worker from file:// (trafiklex.website.csp)


def write_zip(site: Path, epoch: int | None = None) -> Path:
    """Zip every file of `site` (but the ZIP itself) under one folder, in a fixed order and with fixed
    timestamps, so that the same site always gives the same ZIP. Each page carries the offline
    Content-Security-Policy (trafiklex.website.csp) in place of the site's."""
    target = site / ZIP_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    epoch = environment.epoch(os.environ)[0] if epoch is None else epoch
    stamp = min(max(epoch, 315532800), environment.MAX_EPOCH)  # the ZIP format holds 1980 to 2107
    date_time = time.gmtime(stamp)[:6]
    shim = (site / SHIM).read_text(encoding="utf-8") if (site / SHIM).is_file() else ""
    files = sorted(p for p in site.rglob("*") if p.is_file() and not p.is_symlink() and p != target)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in files:
            info = zipfile.ZipInfo(f"korniza-antitrafik-2005/{path.relative_to(site).as_posix()}", date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            data = path.read_bytes()
            if path.suffix == ".html":
                data = to_offline(data.decode("utf-8"), shim).encode("utf-8")
            archive.writestr(info, data)
    return target
