"""The edition a PDF belongs to: its date (printed on the title page and in the PDF's metadata)
and the fixed time that everything else the PDF stamps uses, so that rebuilding the same commit
gives the same files. scripts/build.py sets both (EDITION_DATE, SOURCE_DATE_EPOCH)."""
from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass
from typing import Mapping

from ..render import format_date
from .typst_values import Code
from .words import word

DEFAULT_EPOCH = 1121644800  # 2005-07-18, the date of the NRM Agreement (as scripts/build.py)
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Edition:
    date: str | None  # YYYY-MM-DD, or None when unknown
    epoch: int

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] = os.environ) -> "Edition":
        date = environ.get("EDITION_DATE", "")
        return cls(date if ISO_DATE.fullmatch(date) else None, int(environ.get("SOURCE_DATE_EPOCH", DEFAULT_EPOCH)))

    def typst_date(self) -> Code:
        """The date as a Typst value for `set document(date: …)`."""
        if not self.date:
            return Code("auto")  # Typst takes the fixed time it is given
        year, month, day = (int(p) for p in self.date.split("-"))
        return Code(f"datetime(year: {year}, month: {month}, day: {day})")

    def stamp(self) -> str:
        """The edition's date (or else the fixed time's) as TMX and ISO basic formats write it:
        '20261128T000000Z'."""
        day = self.date.replace("-", "") if self.date else time.strftime("%Y%m%d", time.gmtime(self.epoch))
        return f"{day}T000000Z"

    def line(self, lang: str) -> str:
        """'Edition of 28 November 2026' ('' when the date is unknown)."""
        return word(lang, "edition").format(date=format_date(self.date, lang)) if self.date else ""
