"""The Typst source of the handbook in one language, and what it shares with the parallel editions
(trafiklex.pdf.bilingual): the template call with the title page, the start of each document, and
the way through pandoc. Each takes the languages it prints: one for a handbook, the authoritative
language and a translation for a parallel edition.

Every document's page goes the same way: Markdown with macros → HTML (pages) → pandoc's tree
(pandoc_ast) → changed for print (transform) → Typst, inside the handbook template
(templates/handbook.typ) with a title page, contents, running headers and page numbers.
"""
from __future__ import annotations


from trafiklex.queries import edition_meta
from trafiklex.views import render
from trafiklex.data.corpus import Corpus
from trafiklex.pdf import pages, parts, permalinks, typst_values
from trafiklex.pdf.edition import Edition
from trafiklex.pdf.html_prepare import prepare
from trafiklex.pdf.pandoc_ast import raw_block, read_html_parts, write_typst_parts
from trafiklex.pdf.transform import Printer


def details(corpus: Corpus, document: dict, languages: tuple[str, ...]) -> str:
    """The document's legal form and date, as the home page of the site gives them (in each of
    `languages`, one after the other)."""
    return " / ".join(" · ".join(part for part in (document["form"][lang], render.document_date(corpus, document, lang))
                                 if part) for lang in languages)


def template_call(corpus: Corpus, languages: tuple[str, ...], edition: Edition) -> str:
    """The first lines of a handbook's source: the template and its title page (the first language's
    words, and the title, notice and contents in each language)."""
    lang = languages[0]
    title = [corpus.words(each, "print.title") for each in languages]
    if len(languages) > 1:
        kicker = " · ".join(corpus.words(each, "print.parallel_kicker") for each in languages)
        names = corpus.words(lang, "labels.language_name")
        subtitle = corpus.words(lang, "print.parallel_subtitle").format(first=names[languages[0]], second=names[languages[1]])
        subtitle = subtitle[:1].upper() + subtitle[1:]
    else:
        kicker = corpus.words(lang, "print.kicker")
        subtitle = corpus.counted(lang, "print.subtitle", len(corpus.documents), years=edition_meta.adoption_years(corpus, lang))
    documents = [{"title": [d["title"][each] for each in languages], "details": details(corpus, d, languages)}
                 for d in corpus.documents]
    authoritative = corpus.languages.authoritative
    notice = [p.format(language=corpus.words(each, "labels.language_name")[authoritative], years=edition_meta.adoption_years(corpus, each))
              for each in languages for p in corpus.words(each, "print.notice")]
    # the texts' status: as adopted, the edition's date, nothing followed after it (trafiklex.queries.edition_meta)
    status = [edition_meta.handbook_status(corpus, each, edition.date) for each in languages]
    edition_line = " · ".join(filter(None, (edition.line(corpus, each) for each in languages)))
    keywords = [d["short_title"][each] for d in corpus.documents for each in languages]
    arguments = typst_values.arguments(
        title=title, subtitle=[kicker, subtitle], lang=lang, date=edition.typst_date(), keywords=keywords,
        documents=documents, edition=edition_line, notice=notice, status=status,
        permalinks=permalinks.heading_links(edition.site_url, corpus, languages),
        contents=" / ".join(corpus.words(each, "print.contents") for each in languages))
    return f'#import "handbook.typ": *\n#show: handbook.with({arguments})\n\n'


def document_start(corpus: Corpus, number: int, document: dict, languages: tuple[str, ...], edition: Edition) -> dict:
    """Where a document begins: its heading, its form and date, and its permalink in each language
    with a QR code of the first (trafiklex.pdf.permalinks)."""
    online = permalinks.document_links(edition.site_url, corpus, document["id"], languages)
    return raw_block(typst_values.call(
        "document-start", number=number, title=" / ".join(document["title"][each] for each in languages),
        short=" / ".join(document["short_title"][each] for each in languages),
        details=details(corpus, document, languages), key=document["id"], links=online["links"], qr=online["qr"],
        caption=online["caption"], alt=online["alt"]))


def institutions_appendix(corpus: Corpus, languages: tuple[str, ...]) -> list[dict]:
    """The appendix after the documents: every institution, its acronyms and its number of obligations."""
    start = typst_values.call("appendix-start", title=" / ".join(corpus.words(each, "print.institutions_title") for each in languages),
                              intro=[{"lang": each, "text": corpus.words(each, "print.institutions_intro")} for each in languages],
                              key="appendix:institutions")
    table = parts.parallel_call("institutions", corpus, None, languages) if len(languages) > 1 \
        else parts.call("institutions", corpus, None, languages[0])
    return [raw_block(start), raw_block(table)]


def read(corpus: Corpus, html_of) -> tuple[dict, list[tuple[dict, list]]]:
    """Every document's HTML through pandoc, in one pass: the tree (for its API version), and each
    document with its blocks."""
    tree, parts = read_html_parts([html_of(document) for document in corpus.documents])
    return tree, list(zip(corpus.documents, parts))


def write(per_document: list[list], template: dict) -> str:
    """The Typst of every document's blocks, one after the other, through pandoc (the clause labels
    name their document, so they are unique across the edition); each document's kept in the build
    cache."""
    return write_typst_parts(per_document, template)


# --- one language ------------------------------------------------------------------------------------

def single_language(corpus: Corpus, lang: str, edition: Edition) -> str:
    template, documents = read(corpus, lambda d: prepare(pages.page_html(corpus, d["page"], lang)))
    per_document = [[document_start(corpus, number, document, (lang,), edition), *Printer(corpus, document["id"], lang).blocks(content)]
                    for number, (document, content) in enumerate(documents, start=1)]
    per_document.append(institutions_appendix(corpus, (lang,)))
    return template_call(corpus, (lang,), edition) + write(per_document, template)
