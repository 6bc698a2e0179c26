"""The whole built site as one ZIP, for use without a connection (opened from the file system)."""
from __future__ import annotations

import os
import time
import zipfile
from pathlib import Path

from .csp import remove_policy

ZIP_PATH = "offline/korniza-antitrafik-2005.zip"  # inside the site; linked from both home pages


def write_zip(site: Path, epoch: int | None = None) -> Path:
    """Zip every file of `site` (but the ZIP itself) under one folder, in a fixed order and with fixed
    timestamps, so that the same site always gives the same ZIP."""
    target = site / ZIP_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "315532800")) if epoch is None else epoch
    stamp = max(epoch, 315532800)  # the ZIP format starts in 1980
    date_time = time.gmtime(stamp)[:6]
    files = sorted(p for p in site.rglob("*") if p.is_file() and p != target)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in files:
            info = zipfile.ZipInfo(f"korniza-antitrafik-2005/{path.relative_to(site).as_posix()}", date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            data = path.read_bytes()
            if path.suffix == ".html":  # see trafiklex.csp: the policy cannot hold from file://
                data = remove_policy(data.decode("utf-8")).encode("utf-8")
            archive.writestr(info, data)
    return target
