"""The edition a PDF belongs to: its date (printed on the title page and in the PDF's metadata)
and the fixed time that everything else the PDF stamps uses, so that rebuilding the same commit
gives the same files. scripts/build.py sets both (EDITION_DATE, SOURCE_DATE_EPOCH); the site's
address (SITE_URL) is the start of the permalinks the PDFs print."""
from __future__ import annotations

import os
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Mapping

from trafiklex.data import environment
from trafiklex.core.errors import DataError
from trafiklex.pdf.typst_values import Code

if TYPE_CHECKING:  # (the build's first checks read the edition's date without loading the corpus)
    from trafiklex.data.corpus import Corpus

# the fixed time when none is given (scripts/build.py passes it to MkDocs too)
DEFAULT_EPOCH = environment.DEFAULT_EPOCH


@dataclass(frozen=True)
class Edition:
    date: str | None  # YYYY-MM-DD, or None when unknown
    epoch: int
    site_url: str = environment.DEFAULT_SITE_URL  # where the site is published: the permalinks the PDFs print

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] = os.environ) -> "Edition":
        """From EDITION_DATE (a date YYYY-MM-DD; empty or '—' when unknown) and SOURCE_DATE_EPOCH
        (seconds since 1970), and the site's address from SITE_URL. Raises DataError naming the
        variable when one is malformed."""
        date, problems = environment.edition_date(environ)
        epoch, more = environment.epoch(environ)
        problems += more + environment.site_url_problems(environ)
        if problems:
            raise DataError(problems)
        return cls(date, epoch, environ.get("SITE_URL") or environment.DEFAULT_SITE_URL)

    def typst_date(self) -> Code:
        """The date as a Typst value for `set document(date: …)`."""
        if not self.date:
            return Code("auto")  # Typst takes the fixed time it is given
        year, month, day = (int(p) for p in self.date.split("-"))
        return Code(f"datetime(year: {year}, month: {month}, day: {day})")

    def day(self) -> str:
        """The edition's date, or else the fixed time's: '2026-11-28'."""
        return self.date or time.strftime("%Y-%m-%d", time.gmtime(self.epoch))

    def stamp(self) -> str:
        """The edition's date (or else the fixed time's) as TMX and ISO basic formats write it:
        '20261128T000000Z'."""
        return f"{self.day().replace('-', '')}T000000Z"

    def line(self, corpus: Corpus, lang: str) -> str:
        """'Edition of 28 November 2026' ('' when the date is unknown)."""
        from trafiklex.views.render import format_date  # (here: the build's first checks need no view)
        return corpus.words(lang, "print.edition").format(date=format_date(self.date, corpus.words(lang, "months"))) if self.date else ""
