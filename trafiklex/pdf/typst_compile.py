"""Compiling Typst to PDF with the `typst` package: the templates folder is the root (the generated
source imports the templates by name), only Typst's embedded fonts are used, and the date is fixed,
so that the same sources always give the same PDF. A warning is an error, as in the site's strict
build."""
from __future__ import annotations

from pathlib import Path

import typst

from .edition import Edition

TEMPLATES = Path(__file__).resolve().parent / "templates"

# PDF/A-2a: archival (fonts embedded, colours device-independent, metadata in XMP), and tagged
# (structure and reading order, for reflow); PDF/UA-1: accessible (a title shown, headings in
# order, the language of the text, no content a screen reader cannot reach). Typst checks the
# rules of both as it writes, and stops with the rule broken.
STANDARD = ["a-2a", "ua-1"]


class PdfError(Exception):
    """A PDF could not be made; the message says which and why."""


def compile_pdf(source: str, output: Path, edition: Edition, name: str) -> None:
    """Write the PDF of the Typst `source` to `output`; `name` says which PDF in error messages."""
    try:
        pdf, warnings = typst.compile_with_warnings(
            source.encode("utf-8"), root=str(TEMPLATES), font_paths=[], ignore_system_fonts=True,
            timestamp=edition.epoch, pdf_standards=STANDARD)
    except typst.TypstError as error:
        raise PdfError(f"{name}: Typst could not compile it:\n{_diagnostic(error)}") from None
    if warnings:
        raise PdfError(f"{name}: Typst warns:\n" + "\n".join(_diagnostic(w) for w in warnings))
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(pdf)


def _diagnostic(item) -> str:
    """Typst's message, with the lines it quotes from the (long) generated source shortened."""
    text = getattr(item, "diagnostic", None) or getattr(item, "message", None) or str(item)
    lines = [line if len(line) <= MAX_LINE else line[:MAX_LINE] + " …" for line in text.splitlines()]
    hints = getattr(item, "hints", None) or []
    return "\n".join(lines) + "".join(f"\n  hint: {hint}" for hint in hints)


MAX_LINE = 240
