"""The macros a page may call, and what each one's argument must name: the one list that
trafiklex.website.site_macros implements and trafiklex.model.pagecheck checks the pages against."""
from __future__ import annotations

# macro name → what its argument must name (None: it takes none)
ARGUMENTS: dict[str, str | None] = {
    "activities": None, "penalties": None, "commitments": None, "strategic_framework": None, "screening": None,
    "documents_table": None, "definitions": None, "glossary": "glossary", "note": "note",
    "institutions_directory": None, "institution": "institution", "due_table": None, "timeline": None,
    "sanctions": None, "downloads": None, "checklist": "questionnaire", "parallel": "document", "parallel_index": None,
    "divergence_summary": None, "divergences": None, "reference_check": None, "review_status": None,
    "translator_downloads": None, "akn_files": None, "identifiers_table": None, "licences": None, "topic": "topic",
    "topics_index": None, "termbase": None, "later_framework": None,
}
