"""Where the PDFs live in the built site (paths from the site root), and links to them from a page."""
from __future__ import annotations

from trafiklex.core import urls

FOLDER = "pdf"


def handbook(lang: str) -> str:
    """The handbook in one language: 'pdf/handbook-sq.pdf'."""
    return f"{FOLDER}/handbook-{lang}.pdf"


def bilingual(authoritative: str, translation: str) -> str:
    """The parallel edition of the authoritative text and a translation: 'pdf/handbook-sq-en.pdf'."""
    return f"{FOLDER}/handbook-{authoritative}-{translation}.pdf"


def screening_form(lang: str, document: str | None = None) -> str:
    """The blank screening form of a questionnaire: 'pdf/screening-form-en.pdf' for the edition's first
    questionnaire, 'pdf/screening-form-<document>-en.pdf' for another document's."""
    return f"{FOLDER}/screening-form-{document + '-' if document else ''}{lang}.pdf"


def sheet(institution: str, lang: str) -> str:
    """An institution's obligation sheet: 'pdf/institutions/molsa-en.pdf'."""
    return f"{FOLDER}/institutions/{institution}-{lang}.pdf"


def sheet_link(institution: str, lang: str, root: str, from_page: str | None = None) -> str:
    """The relative link to an institution's sheet in `lang`, from a page of the site in `lang`
    (default: the institution's own page, 'institutions/<id>')."""
    return urls.asset(from_page or f"institutions/{institution}", lang, sheet(institution, lang), root=root)


def link(path: str, from_page: str, lang: str, root: str) -> str:
    """The relative link to any PDF (a path from the site root) from a page of the site."""
    return urls.asset(from_page, lang, path, root=root)
