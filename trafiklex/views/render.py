"""Rendering the structured parts of the documents from the data, in one language.

Each function returns Markdown for a page: headings as Markdown (so that they reach the table of
contents and the search index) and everything else as HTML blocks, made by the templates
(trafiklex/views/templates/, autoescaped: markup typed into a data file shows as text).
"""
from __future__ import annotations

import html

from markupsafe import Markup

from trafiklex.core.dates import format_date  # noqa: F401 (the views' and templates' date)
from trafiklex.views import templating
from trafiklex.views.status import effects_at
from trafiklex.core import relations, urls
from trafiklex.data.corpus import Corpus
from trafiklex.model.markdown_render import raw


def esc(text: str) -> str:
    """HTML-escaped text, for the modules that still write HTML by hand (render_translations, pdf.pages)."""
    return html.escape(text, quote=True)


def md_text(text: str) -> str:
    """Text made safe for a Markdown heading: markup is escaped, Markdown syntax disabled."""
    escaped = html.escape(text, quote=False)
    return "".join("\\" + c if c in "\\`*_[]{}#!|" else c for c in escaped)


def heading(level: int, text: str, anchor: str) -> str:
    return f"\n{'#' * level} {md_text(text)} {{ #{anchor} }}\n"


def block(html_text: str) -> str:
    """An HTML block, taken into the page as it is (not parsed again as Markdown)."""
    return raw(html_text)


def render(corpus: Corpus, lang: str, template: str, **context) -> Markup:
    """A template (trafiklex/views/templates/) rendered with the words of `lang` (`t`) and `context`."""
    return templating.render(template, t=corpus.catalog.translator(lang), lang=lang, **context)


def present(item: dict, lang: str) -> bool:
    return item.get("only_in", lang) == lang


def this_first(corpus: Corpus, lang: str) -> tuple[str, ...]:
    """Every language of the edition, `lang` first (then the others in the edition's order)."""
    return (lang, *corpus.languages.others(lang))


def text_in(corpus: Corpus, texts: dict[str, str], lang: str) -> tuple[str, str]:
    """A text in `lang`, or else in the first language that has it (the authoritative first), and
    which language it is in."""
    languages = corpus.languages
    for each in (lang, languages.authoritative, *languages.codes):
        if texts.get(each):
            return texts[each], each
    return "", languages.authoritative


def only_in(corpus: Corpus, lang: str, text_lang: str) -> str:
    """'only in the Albanian text' (in `lang`): what one language's text has and another's lacks."""
    return corpus.words(lang, "labels.only_text").format(text=corpus.words(lang, "labels.text_of")[text_lang])


# --- editorial notes and gaps --------------------------------------------------------------------

def note(corpus: Corpus, note_id: str, lang: str) -> Markup:
    item = corpus.notes[note_id]
    return templating.render("note.html", note=item, title=corpus.words(lang, "labels.editorial_note"),
                             text=item["text"][lang])


def notes_at(corpus: Corpus, document: str, anchor: str, lang: str) -> Markup:
    """The editorial notes on a clause, and the notices of what public sources say became of it since."""
    return Markup("").join(note(corpus, n["id"], lang) for n in corpus.notes_at(anchor, document)) + \
        effects_at(corpus, document, anchor, lang)


def gap_text(corpus: Corpus, document: str, item: dict, lang: str) -> Markup:
    """The placeholder shown where another language prints a clause that this one lacks."""
    there, page = item["only_in"], corpus.document(document)["page"]
    return render(corpus, lang, "gap.html", there=there, href=urls.relative(page, lang, page, there, item["id"], root=corpus.languages.default))


def gap_or_none(corpus: Corpus, document: str, item: dict, lang: str) -> Markup | None:
    return None if present(item, lang) else gap_text(corpus, document, item, lang)


def institution_page(institution: str) -> str:
    """The page of an institution (its obligations), the same path in every language."""
    return f"institutions/{institution}"


def body_link(corpus: Corpus, institution: str, lang: str, here: str, text: str | None = None) -> Markup:
    """A link to an institution's page; the text is its acronym in this language (or `text`)."""
    item = corpus.institutions.get(institution)
    name = item["name"][lang]
    return templating.render("body_link.html", text=text or corpus.institutions.acronym(institution, lang) or name,
                             title=name, href=urls.relative(here, lang, institution_page(institution), lang, root=corpus.languages.default))


def printed_bodies(corpus: Corpus, document: str, printed: str, lang: str, here: str) -> Markup:
    """A printed responsible-bodies cell of a document, as printed, with each named body (as the
    document names it: Corpus.bodies) linked to its page."""
    out, position = [], 0
    for start, end, institution in corpus.bodies(document).spans(printed, lang):
        out.append(printed[position:start])
        out.append(body_link(corpus, institution, lang, here, printed[start:end]))
        position = end
    out.append(printed[position:])
    return Markup("").join(out)  # (the printed text escaped, the links as they are)


# --- Home page ------------------------------------------------------------------------------------

def document_date(corpus: Corpus, document: dict, lang: str) -> str:
    """A document's date, and the document that approves it or that it is annexed to:
    '18 July 2005', '(approved by …)'."""
    when = format_date(document.get("date"), corpus.words(lang, "months"))
    for name in ("approved_by", "annex_to"):
        for other in relations.related(corpus.documents, document["id"], name):
            text = corpus.words(lang, f"home.{name}").format(doc=corpus.document(other)["short_title"][lang])
            when = f"{when} ({text})" if when else text
    return when


def documents_table(corpus: Corpus, lang: str) -> str:
    rows = [{"href": urls.relative("index", lang, document["page"], lang, root=corpus.languages.default), "title": document["title"][lang],
             "form": document["form"][lang], "date": document_date(corpus, document, lang)}
            for document in corpus.documents]
    return block(render(corpus, lang, "documents_table.html", rows=rows))
