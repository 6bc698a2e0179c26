"""Build the PDFs (handbooks, bilingual edition, screening forms, institution sheets) into
<site-dir>/pdf. scripts/build.py runs this in a process of its own while MkDocs writes the pages (the
PDFs are made from the pages and the data, not from the built site); it can also be run alone.

Exits non-zero with a message naming the PDF and the problem (no traceback) when a PDF cannot be
made. The edition date and the fixed time come from EDITION_DATE and SOURCE_DATE_EPOCH (set by
scripts/build.py).
"""
from __future__ import annotations

import argparse
import fnmatch
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from trafiklex.data import corpus as corpus_module
from trafiklex.model import pagecheck  # noqa: E402
from trafiklex.core.errors import DataError, shown  # noqa: E402
from trafiklex.pdf.build import Built, build  # noqa: E402
from trafiklex.pdf.edition import Edition  # noqa: E402
from trafiklex.pdf.typst_compile import PdfError  # noqa: E402


def build_pdfs(site_dir: Path, only: str = "*", sources_dir: Path | None = None,
               edition: Edition | None = None, root: Path = ROOT, workers: int | None = None) -> list[Built]:
    """Build the PDFs whose site path matches `only` (a glob: "pdf/handbook-*") from the project at
    `root` (its data and pages). Raises DataError or PdfError."""
    corpus = corpus_module.load(root)
    docs = root / "docs"
    problems = pagecheck.page_pairs(docs, corpus.languages.codes) or pagecheck.all_pages(docs, corpus)
    if problems:  # the same checks as the site build's, before any page is rendered
        raise DataError(problems)
    return build(corpus, site_dir, edition or Edition.from_environment(),
                 only=lambda path: fnmatch.fnmatch(path, only), sources_dir=sources_dir, workers=workers)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site", help="the built site (default: site/)")
    parser.add_argument("--only", default="*", help='build only the PDFs whose path matches this glob, e.g. "pdf/handbook-*"')
    parser.add_argument("--root", type=Path, default=ROOT, help="the project whose PDFs to build (default: this one)")
    parser.add_argument("--keep-sources", type=Path, metavar="DIR",
                        help="also write the Typst sources there (compile them with trafiklex/pdf/templates as root)")
    args = parser.parse_args()
    start = time.perf_counter()
    try:
        built = build_pdfs(args.site_dir, args.only, args.keep_sources, root=args.root.resolve())
    except (DataError, PdfError) as error:
        print(f"PDF build failed:\n{error}", file=sys.stderr)
        return 1
    except OSError as error:  # a full disk, a folder that cannot be written to, …
        where = f" ({shown(error.filename)})" if error.filename else ""
        print(f"PDF build failed: {error.strerror or shown(error)}{where}", file=sys.stderr)
        return 1
    except Exception as error:  # (a defect of this code: said in one line, not as a traceback)
        print(f"PDF build failed: {type(error).__name__}: {shown(error)}", file=sys.stderr)
        return 1
    if not built:
        print(f"no PDF's path matches --only {args.only!r} (the paths look like pdf/handbook-sq.pdf, "
              f"pdf/institutions/molsa-en.pdf)", file=sys.stderr)
        return 2
    print(f"built {len(built)} PDFs into {args.site_dir / 'pdf'} in {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
