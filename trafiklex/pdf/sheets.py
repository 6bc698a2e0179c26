"""An institution's obligation sheet (templates/sheet.typ): every obligation that the documents
give it (trafiklex.queries.obligations), grouped by document in printed order, with the clause's printed
numbering, the text, its role, and the deadline as printed and as parsed."""
from __future__ import annotations

from trafiklex.data.corpus import Corpus
from trafiklex.data.environment import DEFAULT_SITE_URL
from trafiklex.model.edition import edition_of
from trafiklex.queries.obligations import Obligation, for_institution
from trafiklex.views.render import only_in, text_in
from trafiklex.views.render_obligations import due_text
from trafiklex.pdf import permalinks, typst_values
from trafiklex.pdf.edition import Edition


def institutions_with_obligations(corpus: Corpus) -> list[str]:
    return [i for i in corpus.institutions.by_id if for_institution(corpus, i)]


def row(corpus: Corpus, obligation: Obligation, institution: str, lang: str, site_url: str) -> dict:
    text, text_lang = text_in(corpus, obligation.text, lang)
    role, only = obligation.role_in(institution, lang)
    role_text = corpus.words(lang, f"labels.{role}") + (f" ({only_in(corpus, lang, only)})" if only else "")
    deadline, _ = text_in(corpus, obligation.deadline, lang)
    return {
        "clause": edition_of(corpus).label(obligation.document, obligation.id, lang, heading=True),
        "text": text, "text-lang": text_lang,
        "text-note": "" if text_lang == lang else f"({only_in(corpus, lang, text_lang)})",
        "role": role_text, "deadline": deadline, "due": due_text(corpus, obligation, lang),
        "url": permalinks.clause_url(site_url, corpus, obligation.document, obligation.id, lang),
    }


def view(corpus: Corpus, institution: str, lang: str, site_url: str = DEFAULT_SITE_URL) -> dict:
    item = corpus.institutions.get(institution)
    obligations = for_institution(corpus, institution)
    documents = []
    for document in corpus.documents:
        mine = [o for o in obligations if o.document == document["id"]]
        if mine:
            documents.append({"title": document["short_title"][lang],
                              "url": permalinks.document_url(site_url, corpus, document["id"], lang),
                              "rows": [row(corpus, o, institution, lang, site_url) for o in mine]})
    return {"name": item["name"][lang], "acronyms": ", ".join(item.get("acronyms", {}).get(lang, [])),
            "kind": corpus.words(lang, "labels.kinds")[item["kind"]],
            "count": corpus.counted(lang, "print.sheet_count", len(obligations)),
            "documents": documents}


def source(corpus: Corpus, institution: str, lang: str, edition: Edition) -> str:
    """The sheet: its opening page carries the permalink of the institution's page, with a QR code
    of it; each document it lists, and each clause, its own permalink (trafiklex.pdf.permalinks)."""
    data = view(corpus, institution, lang, edition.site_url)
    page = permalinks.url(edition.site_url, corpus, f"institutions/{institution}", lang)
    columns = [corpus.words(lang, f"labels.{key}") for key in ("clause", "text", "role", "deadline")]
    footer = " · ".join(filter(None, (corpus.words(lang, "print.title"), edition.line(corpus, lang))))
    title = corpus.words(lang, "print.sheet_title")
    arguments = typst_values.arguments(
        title=f"{title}: {data['name']}", lang=lang, date=edition.typst_date(),
        name=data["name"], acronyms=data["acronyms"], kind=data["kind"], section=title,
        count=data["count"], intro=corpus.words(lang, "print.sheet_intro"), columns=columns, documents=data["documents"],
        footer=footer, permalink=page, qr=permalinks.qr_svg(page), caption=corpus.words(lang, "paper_to_web.page_online"),
        alt=corpus.words(lang, "paper_to_web.qr_alt").format(url=page))
    return f'#import "sheet.typ": *\n#obligation-sheet({arguments})\n'
