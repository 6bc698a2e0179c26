"""The sitemap's dates: the date of this edition (EDITION_DATE), not the fixed time MkDocs stamps
(SOURCE_DATE_EPOCH, which defaults to 18 July 2005 so that two builds are identical). Every page
of the site is this edition's, so every <lastmod> is the edition's date; the compressed copy is
written again from the same text (with the fixed time in its header, as before)."""
from __future__ import annotations

import gzip
import re
from pathlib import Path

LASTMOD = re.compile(r"<lastmod>[^<]*</lastmod>")


def restamp(site: Path, edition_date: str | None, epoch: int) -> int:
    """Sets every <lastmod> of site/sitemap.xml (and sitemap.xml.gz) to `edition_date`; returns how
    many. Nothing changes when the edition has no date (the fixed time stays)."""
    path = site / "sitemap.xml"
    if not edition_date or not path.is_file():
        return 0
    text, count = LASTMOD.subn(f"<lastmod>{edition_date}</lastmod>", path.read_text(encoding="utf-8"))
    path.write_text(text, encoding="utf-8")
    with open(site / "sitemap.xml.gz", "wb") as raw, gzip.GzipFile("sitemap.xml", "wb", fileobj=raw, mtime=epoch) as out:
        out.write(text.encode("utf-8"))
    return count
