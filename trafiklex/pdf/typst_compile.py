"""Compiling Typst to PDF with the `typst` package: the templates folder is the root (the generated
source imports the templates by name), only Typst's embedded fonts are used, and the date is fixed,
so that the same sources always give the same PDF. A warning is an error, as in the site's strict
build."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import typst

from trafiklex.core import cache
from trafiklex.pdf.edition import Edition

TEMPLATES = Path(__file__).resolve().parent / "templates"

# PDF/A-2a: archival (fonts embedded, colours device-independent, metadata in XMP), and tagged
# (structure and reading order, for reflow); PDF/UA-1: accessible (a title shown, headings in
# order, the language of the text, no content a screen reader cannot reach). Typst checks the
# rules of both as it writes, and stops with the rule broken.
STANDARD = ["a-2a", "ua-1"]


PDF_KIND = "typst-pdf"  # the build cache's entries of PDFs


class PdfError(Exception):
    """A PDF could not be made; the message says which and why."""


# Typst keeps what it has laid out in memory for the next compilation in the same process: a large
# edition (a handbook, a bilingual edition) is compiled in a process of its own, which gives it all back.
ISOLATED_FROM = 100_000  # characters of Typst source


def compile_pdf(source: str, output: Path, edition: Edition, name: str) -> None:
    """Write the PDF of the Typst `source` to `output`; `name` says which PDF in error messages. The
    same source (with the same templates, Typst and time stamp) gives the same PDF: it is kept in the
    build cache (trafiklex.core.cache) and compiled only when it changed."""
    pdf = cache.cached(PDF_KIND, (source, str(edition.epoch)), lambda: _pdf(source, edition.epoch, name))
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(pdf)


def _pdf(source: str, epoch: int, name: str) -> bytes:
    """A large source is compiled in a fresh process (the same function, there)."""
    if len(source) >= ISOLATED_FROM:
        run = subprocess.run([sys.executable, "-m", __name__, name, str(epoch)],
                             input=source.encode("utf-8"), capture_output=True)
        if run.returncode != 0:
            raise PdfError(run.stderr.decode("utf-8", "replace").strip() or f"{name}: the Typst process failed")
        return run.stdout
    return _compile(source, epoch, name)


def _compile(source: str, epoch: int, name: str) -> bytes:
    try:
        pdf, warnings = typst.compile_with_warnings(
            source.encode("utf-8"), root=str(TEMPLATES), font_paths=[], ignore_system_fonts=True,
            timestamp=epoch, pdf_standards=STANDARD)
    except typst.TypstError as error:
        raise PdfError(f"{name}: Typst could not compile it:\n{_diagnostic(error)}") from None
    if warnings:
        raise PdfError(f"{name}: Typst warns:\n" + "\n".join(_diagnostic(w) for w in warnings))
    return pdf


def _diagnostic(item) -> str:
    """Typst's message, with the lines it quotes from the (long) generated source shortened."""
    text = getattr(item, "diagnostic", None) or getattr(item, "message", None) or str(item)
    lines = [line if len(line) <= MAX_LINE else line[:MAX_LINE] + " …" for line in text.splitlines()]
    hints = getattr(item, "hints", None) or []
    return "\n".join(lines) + "".join(f"\n  hint: {hint}" for hint in hints)


MAX_LINE = 240


def main() -> int:
    """`python -m trafiklex.pdf.typst_compile NAME EPOCH < source.typ > output.pdf`: one compilation in
    a process of its own; a problem is the PdfError's message on stderr and exit status 1."""
    name, epoch = sys.argv[1:3]
    try:
        pdf = _compile(sys.stdin.buffer.read().decode("utf-8"), int(epoch), name)
    except PdfError as error:
        print(error, file=sys.stderr)
        return 1
    sys.stdout.buffer.write(pdf)
    return 0


if __name__ == "__main__":
    sys.exit(main())
