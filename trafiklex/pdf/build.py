"""Building every PDF into a folder (the built site's pdf/): the handbook in each language, a parallel
(bilingual) edition of the authoritative text with each translation, the screening form in each
language, and an obligation sheet per institution and language. Each PDF is built from its Typst
source and timed."""
from __future__ import annotations

import os
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from trafiklex.data.corpus import Corpus
from trafiklex.pdf import bilingual, form, handbook, sheets
from trafiklex.core import print_paths as paths
from trafiklex.pdf.edition import Edition
from trafiklex.pdf.typst_compile import PDF_KIND, compile_pdf
from trafiklex.core import cache


KEPT_PDFS = 4  # builds' worth of PDFs kept in the build cache


@dataclass(frozen=True)
class Target:
    path: str                      # from the site root: "pdf/handbook-sq.pdf"
    source: Callable[[], str]      # makes the Typst source


@dataclass(frozen=True)
class Built:
    path: str
    seconds: float                 # making the source and compiling it
    size: int                      # bytes


def targets(corpus: Corpus, edition: Edition) -> list[Target]:
    languages = corpus.languages
    out = [Target(paths.handbook(lang), lambda lang=lang: handbook.single_language(corpus, lang, edition))
           for lang in languages.codes]
    out += [Target(paths.bilingual(languages.authoritative, other), lambda other=other: bilingual.source(corpus, edition, other))
            for other in languages.translations()]
    questionnaires = [document for document, _ in corpus.tables("questionnaire")]
    out += [Target(paths.screening_form(lang, document if n else None),
                   lambda lang=lang, document=document: form.source(corpus, document, lang, edition))
            for n, document in enumerate(questionnaires) for lang in languages.codes]
    out += [Target(paths.sheet(institution, lang), lambda i=institution, lang=lang: sheets.source(corpus, i, lang, edition))
            for institution in sheets.institutions_with_obligations(corpus) for lang in languages.codes]
    return out


def build(corpus: Corpus, site_dir: Path, edition: Edition, only: Callable[[str], bool] = lambda path: True,
          sources_dir: Path | None = None, workers: int | None = None) -> list[Built]:
    """Build the PDFs (those whose path `only` accepts) under `site_dir`, several at a time (pandoc
    and Typst do the work outside Python). Raises PdfError or DataError naming the PDF and the
    problem. With `sources_dir`, the Typst sources are kept there (to read, or to compile by hand
    with the templates folder as root)."""
    chosen = [t for t in targets(corpus, edition) if only(t.path)]
    with ThreadPoolExecutor(max_workers=workers or os.cpu_count() or 1) as pool:
        built = list(pool.map(lambda target: build_one(target, site_dir, edition, sources_dir), chosen))
    cache.prune(PDF_KIND, KEPT_PDFS * len(built))  # (the PDFs of the last few builds)
    return built


def build_one(target: Target, site_dir: Path, edition: Edition, sources_dir: Path | None = None) -> Built:
    start = time.perf_counter()
    source = target.source()
    if sources_dir:
        kept = sources_dir / Path(target.path).with_suffix(".typ")
        kept.parent.mkdir(parents=True, exist_ok=True)
        kept.write_text(source, encoding="utf-8")
    output = site_dir / target.path
    compile_pdf(source, output, edition, target.path)
    return Built(target.path, time.perf_counter() - start, output.stat().st_size)
