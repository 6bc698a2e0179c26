"""The termbase as a page (the glossary of each language): every concept of data/terms.yml with its
term in the page's language, its equivalents in the others, the clauses where it occurs (each a link
to the clause on its document page; where the page's language never names it, to where the other
language does, and saying so) and the note where the terms are not equivalent."""
from __future__ import annotations

from trafiklex.core import cache, urls
from trafiklex.data.corpus import Corpus
from trafiklex.model.edition import edition_of
from trafiklex.translators.parallel import document_pairs
from trafiklex.views.render import block
from trafiklex.views.templating import render
from trafiklex.data.terms import termbase

SHOWN = 3  # links per term; the rest counted
CACHED = "term-occurrences"  # the kind of the build cache's entries: a document's (document_occurrences)


def occurrences(corpus: Corpus) -> dict[tuple[str, str], list[tuple[str, str]]]:
    """(concept, language) → the (document, clause) where the language's text names it, in order."""
    def compute():
        found: dict[tuple[str, str], list[tuple[str, str]]] = {}
        for document in corpus.documents:
            for concept, lang, clause in document_occurrences(corpus, document["id"]):
                found.setdefault((concept, lang), []).append((document["id"], clause))
        return found
    return corpus.memo("term-occurrences", compute)


def document_occurrences(corpus: Corpus, document: str) -> list[tuple[str, str, str]]:
    """(concept, language, clause) of each concept the document's clauses name in each language, in the
    order of the clauses; kept in the build cache (trafiklex.core.cache) under the termbase and the
    document's clauses' texts, so that an edit finds the occurrences of the edited document again, and
    only of it."""
    def compute():
        base = termbase(corpus)
        return [(concept, lang, pair.id) for pair in document_pairs(corpus, document) if pair.id
                for lang in corpus.languages.codes
                for concept in dict.fromkeys(m.concept for m in base.find(pair.side(lang) or "", lang))]
    texts = cache.json_input([(pair.id, pair.text) for pair in document_pairs(corpus, document)])
    inputs = (document, texts, corpus.file_digest("terms.yml"), cache.json_input(corpus.languages.codes))
    return [tuple(item) for item in cache.cached_json(CACHED, inputs, compute)]


def glossary_page(corpus: Corpus, lang: str, here: str) -> str:
    base, edition = termbase(corpus), edition_of(corpus)
    found = occurrences(corpus)
    names = corpus.words(lang, "labels.language_name")
    others = [code for code in corpus.languages.codes if code != lang]
    rows = []
    for concept in sorted(base.concepts, key=lambda c: (c.domain == "body", c.term.get(lang, c.id).casefold())):
        where_lang = lang if found.get((concept.id, lang)) else next((o for o in others if found.get((concept.id, o))), None)
        places = found.get((concept.id, where_lang), []) if where_lang else []
        links = [{"href": urls.relative(here, lang, corpus.document(document)["page"], where_lang, clause,
                                        root=corpus.languages.default),
                  "label": f'{corpus.document(document)["short_title"][lang]}, {edition.label(document, clause, lang)}'}
                 for document, clause in places[:SHOWN]]
        rows.append({
            "id": concept.id, "term": concept.term.get(lang, ""),
            "equivalents": [(other, concept.term.get(other, "")) for other in others],
            "links": links, "more": max(0, len(places) - SHOWN) and corpus.counted(lang, "termbase.more", len(places)),
            "only": corpus.words(lang, "termbase.only_in").format(language=names[where_lang])
            if where_lang and where_lang != lang else "",
            "note": concept.note.get(lang, ""), "body": concept.domain == "body"})
    columns = {"term": corpus.words(lang, "termbase.columns.term"),
               "equivalents": [names[o].capitalize() for o in others],
               "occurs": corpus.words(lang, "termbase.columns.occurs"), "note": corpus.words(lang, "termbase.columns.note")}
    return block(render("translators/termbase.html", rows=rows, columns=columns, lang=lang,
                        summary=corpus.counted(lang, "termbase.summary", len(rows),
                                               terms=sum(1 for r in rows if r["term"]))))
