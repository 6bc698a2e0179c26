"""The translator's workbench on the site: a document's languages side by side, clause by clause; the
divergence report; the reference check; which clauses need review. HTML blocks for the pages, from
templates (trafiklex/views/templates/translators/), in the page's language (the findings' details are
written in the tools' own language and marked so)."""
from __future__ import annotations

import html
import re
from collections import Counter

from trafiklex.core import urls
from trafiklex.views.annotate import Annotator
from trafiklex.views.document_page import with_notes
from trafiklex.views.status import effects_at
from trafiklex.data.corpus import Corpus
from trafiklex.translators.divergence import KINDS, SEVERITIES, Finding
from trafiklex.translators.divergence import report as divergence_report
from trafiklex.model.edition import edition_of
from trafiklex.core.ids import ClauseId
from trafiklex.translators.parallel import TOOLS_LANGUAGE, Pair, document_pairs
from trafiklex.translators.refcheck import PROBLEMS, ReferenceProblem
from trafiklex.views.render import block, esc
from trafiklex.translators.staleness import Stale
from trafiklex.views.templating import Markup, render
from trafiklex.translators.translator_files import FILES
from trafiklex.core.urls import PARALLEL_FOLDER

ID_ATTRIBUTE = re.compile(r'\s(?:id|aria-labelledby|aria-describedby)="[^"]*"')
HEADING = re.compile(r"<(/?)h[1-6]\b([^>]*)>")
HREF = re.compile(r'href="([^"]*)"')
HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>[^<]*</a>')  # a heading's ¶ link, titled in its page's language


def parallel_page(document_page: str) -> str:
    return f"{PARALLEL_FOLDER}/{document_page}"


def row_id(pair: Pair) -> str:
    return pair.id or "head"


def _template(corpus: Corpus, name: str, lang: str, **context) -> str:
    """A template of translators/, with the words of `lang`, as an HTML block of the page."""
    return block(render(f"translators/{name}", t=corpus.catalog.translator(lang), lang=lang, details=TOOLS_LANGUAGE,
                        **context))


def _capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def _language_names(corpus: Corpus, lang: str) -> dict[str, str]:
    """Each language's name in `lang`, as inside a sentence ("shqip", "Albanian")."""
    return corpus.words(lang, "labels.language_name")


def _text_of(corpus: Corpus, lang: str, side: str) -> str:
    """'the English text', in `lang`."""
    return corpus.words(lang, "translators.text_of").format(language=_language_names(corpus, lang)[side])


def _label(corpus: Corpus, document: str, clause: str, lang: str) -> str:
    """The clause's numbering in words; where the numbering does not tell it from the clause it is
    part of (a glossary entry, a signature), with the last part of its id."""
    if not clause:
        return corpus.words(lang, "translators.head")
    edition, parsed = edition_of(corpus), ClauseId.parse(clause)
    label = edition.label(document, clause, lang, heading=True)
    if parsed.parent and edition.label(document, str(parsed.parent), lang, heading=True) == label:
        label += f" · {parsed.last.text}"
    return label


# --- the side-by-side view ------------------------------------------------------------------------------

MARKABLE = re.compile(r"(<[^>]*>)")
SKIP_INSIDE = ("a", "script", "style", "mark")


def highlight(fragment: str, words, label: str) -> str:
    """The fragment with each of `words` marked where it stands in the text (not in a tag, an
    attribute or a link): <mark> with an underline and, for screen readers and without colour, a
    hidden label saying why ("Terms difference: ")."""
    words = sorted({w for w in words if w and len(w.strip()) > 1}, key=len, reverse=True)
    if not words:
        return fragment
    pattern = re.compile("|".join(rf"(?<!\w){re.escape(esc(w))}(?!\w)" for w in words), re.IGNORECASE)
    out, inside = [], []
    for part in MARKABLE.split(fragment):
        if part.startswith("<"):
            tag = re.match(r"<(/?)([a-zA-Z0-9]+)", part)
            if tag and tag.group(2).lower() in SKIP_INSIDE and not part.endswith("/>"):
                if tag.group(1):
                    if inside:
                        inside.pop()
                else:
                    inside.append(tag.group(2).lower())
            out.append(part)
        elif inside or not part.strip():
            out.append(part)
        else:
            out.append(pattern.sub(lambda m: f'<mark class="finding-mark"><span class="visually-hidden">{esc(label)}</span>'
                                             f'{m.group(0)}</mark>', part))
    return "".join(out)


def _row_findings(corpus: Corpus, findings: list[Finding], lang: str) -> dict[str, list[dict]]:
    """The findings of each clause, for its row: the badge's words and each language's words to mark."""
    out: dict[str, list[dict]] = {}
    for f in findings:
        kind = corpus.words(lang, f"translators.kind.{f.kind}")
        severity = corpus.words(lang, f"translators.severity.{f.severity}")
        out.setdefault(f.clause or "head", []).append({
            "kind": f.kind, "severity": f.severity, "detail": f.detail, "accepted": f.accepted,
            "badge": corpus.words(lang, "findings.badge").format(kind=kind, severity=severity),
            "mark": corpus.words(lang, "findings.marked").format(kind=kind), "words": dict(f.words)})
    return out


def parallel(corpus: Corpus, document: str, lang: str, here: str) -> str:
    """The document's languages side by side, one row per clause, each row an anchor (the clause
    id, as on the document page); a clause a language does not print has an empty cell there. A row
    with findings of the divergence report carries a badge for each (kind and severity) and its
    differing words marked in each column; a filter shows only those rows."""
    languages = corpus.languages
    pairs = document_pairs(corpus, document)
    by_row = _row_findings(corpus, [f for f in divergence_report(corpus) if f.document == document], lang)
    page = corpus.document(document)["page"]
    seen: set[str] = set()
    anchored = []
    for pair in pairs:
        anchor = row_id(pair)
        if anchor in seen:  # the second place of a clause printed in another place in each language
            anchor = f"{anchor}-{next(side for side, fragment in pair.html.items() if fragment is not None)}"
        seen.add(anchor)
        anchored.append((anchor, pair))
    anchors = {anchor for anchor, _ in anchored}
    # each column is annotated as on its own document page, then every link is rebased to this page
    annotators = {side: Annotator(corpus, side, page, document) for side in languages.codes}
    rows = []
    for anchor, pair in anchored:
        cells = []
        for side in languages.codes:
            fragment = pair.html[side]
            effects = str(effects_at(corpus, document, pair.id, side)) if pair.id else ""
            if (fragment is None or not pair.side(side)) and effects:  # a clause of no text of its own (a table's article)
                cells.append({"gap": None, "lang": side, "html": Markup(annotators[side].annotate(_cell_html(effects)))})
                continue
            if fragment is None or not pair.side(side):
                moved = pair.id and any(p.id == pair.id and p.side(side) for p in pairs if p is not pair)
                gap = corpus.words(lang, "translators.moved" if moved else "translators.gap")
                cells.append({"gap": gap.format(text=_text_of(corpus, lang, side))})
                continue
            cell = annotators[side].annotate(_cell_html(with_notes(edition_of(corpus), fragment, side) + effects))
            cell = HREF.sub(lambda m: _href(m.group(1), anchors, (page, side), (here, lang), languages.default), cell)
            for found in by_row.get(anchor, []) if anchor == row_id(pair) else []:
                cell = highlight(cell, found["words"].get(side, ()), found["mark"])
            cells.append({"gap": None, "lang": side, "html": Markup(cell)})
        found = by_row.get(anchor, []) if anchor == row_id(pair) else []
        rows.append({"anchor": anchor, "label": _label(corpus, document, pair.id, lang), "cells": cells,
                     "findings": [f for f in found if not f["accepted"]], "accepted": [f for f in found if f["accepted"]]})
    names = _language_names(corpus, lang)
    columns = [_capitalized(corpus.words(lang, "translators.authentic").format(language=names[side])
                            if side == languages.authoritative else names[side]) for side in languages.codes]
    with_findings = sum(1 for row in rows if row["findings"])
    return _template(corpus, "parallel.html", lang, summary=_summary(corpus, pairs, lang), columns=columns,
                     rows=rows, only=corpus.words(lang, "findings.only_rows").format(n=with_findings),
                     accepted_word=corpus.words(lang, "findings.accepted"))


def _summary(corpus: Corpus, pairs: list[Pair], lang: str) -> str:
    """Clauses (by id) in every language, of which printed in another place in each; in one only."""
    languages = corpus.languages.codes
    printed = {side: {p.id for p in pairs if p.side(side)} for side in languages}
    together = {p.id for p in pairs if p.has(*languages)}
    every = set.intersection(*printed.values())
    names = _language_names(corpus, lang)
    only = ", ".join(corpus.words(lang, "translators.summary_only").format(
        n=len(printed[side] - set().union(*(printed[other] for other in languages if other != side))),
        language=names[side]) for side in languages)
    return corpus.counted(lang, "translators.summary", len(set().union(*printed.values())),
                          every=len(every), moved=len(every - together), only=only)


def _cell_html(fragment: str) -> str:
    """A clause's HTML made fit for a cell: no ids (the row has the clause's), headings as bold
    paragraphs (they are not headings of this page), without their ¶ permalinks (the row's header
    is the link to the row; theirs were titled in the column's language, not the page's)."""
    fragment = HEADERLINK.sub("", ID_ATTRIBUTE.sub("", fragment))
    return HEADING.sub(lambda m: "</p>" if m.group(1) else f'<p class="parallel-heading"{m.group(2)}>', fragment)


def _href(written: str, rows: set[str], source: tuple[str, str], here: tuple[str, str], root: str) -> str:
    """A link inside a cell, written for the clause's own page (`source`: page, language): to a row of
    this page where it names one of its clauses, else to the same place as on the source page."""
    href = html.unescape(written)
    if href.startswith("#") and href[1:] in rows:
        return f'href="{esc(href)}"'
    return f'href="{esc(urls.rebase(href, *source, *here, root=root))}"'


def parallel_index(corpus: Corpus, lang: str, here: str) -> str:
    """Links to the side-by-side view of every document."""
    links = [{"href": urls.relative(here, lang, parallel_page(document["page"]), lang, root=corpus.languages.default),
              "label": document["short_title"][lang]} for document in corpus.documents]
    return _template(corpus, "parallel_index.html", lang, links=links)


def parallel_title(corpus: Corpus, document: str, lang: str) -> str:
    names = _language_names(corpus, lang)
    languages = " | ".join(names[side] for side in corpus.languages.codes)
    side_by_side = _capitalized(corpus.words(lang, "translators.side_by_side").format(languages=languages))
    return f'{corpus.document(document)["short_title"][lang]}: {side_by_side}'


# --- the reports -----------------------------------------------------------------------------------------

def _clause_link(corpus: Corpus, document: str, clause: str, lang: str, here: str) -> dict:
    page = corpus.document(document)["page"]
    return {"href": urls.relative(here, lang, parallel_page(page), lang, clause or "head", root=corpus.languages.default),
            "label": _label(corpus, document, clause, lang)}


def divergence_summary(corpus: Corpus, findings: list[Finding], lang: str) -> str:
    counts = Counter((f.document, f.kind) for f in findings)
    documents = [d["id"] for d in corpus.documents]
    rows = [{"id": document, "title": corpus.document(document)["short_title"][lang],
             "counts": [counts[(document, k)] for k in KINDS], "total": sum(counts[(document, k)] for k in KINDS)}
            for document in documents]
    totals = [sum(counts[(d, k)] for d in documents) for k in KINDS]
    return _template(corpus, "divergence_summary.html", lang, kinds=KINDS, rows=rows, totals=totals, total=len(findings))


def divergences(corpus: Corpus, findings: list[Finding], lang: str, here: str) -> str:
    """The findings, document by document, most severe first within each kind; each under a Markdown
    heading (in the page's table of contents)."""
    languages = corpus.languages.codes
    names = _language_names(corpus, lang)
    out = []
    for document in corpus.documents:
        mine = sorted((f for f in findings if f.document == document["id"]),
                      key=lambda f: (KINDS.index(f.kind), SEVERITIES.index(f.severity)))
        heading = render("translators/heading.md", level=2, text=document["short_title"][lang], id=f"div-{document['id']}")
        out.append(f"\n{heading}\n")
        if not mine:
            out.append(_template(corpus, "paragraph.html", lang, text=corpus.words(lang, "translators.none")))
            continue
        rows = [{"severity": f.severity, "kind": f.kind, "detail": f.detail, "accepted": f.accepted,
                 "link": _clause_link(corpus, f.document, f.clause, lang, here),
                 "texts": [(side, f.text(side)) for side in languages]} for f in mine]
        out.append(_template(corpus, "divergences.html", lang, findings=rows, accepted_word=corpus.words(lang, "findings.accepted"),
                             columns=[_capitalized(names[side]) for side in languages]))
    return "".join(out)


def reference_problems(corpus: Corpus, problems: list[ReferenceProblem], lang: str, here: str) -> str:
    if not problems:
        return _template(corpus, "paragraph.html", lang, text=corpus.words(lang, "translators.none"))
    rows = []
    for p in sorted(problems, key=lambda p: (PROBLEMS.index(p.problem), p.document, p.clause)):
        target_document, _, target = p.target.partition("#")
        nearest = _clause_link(corpus, *p.nearest.split("#"), lang, here) if p.nearest else None
        rows.append({"problem": p.problem, "printed": p.printed, "detail": p.detail, "nearest": nearest,
                     "link": _clause_link(corpus, p.document, p.clause, lang, here),
                     "target": _clause_link(corpus, target_document, target, lang, here)})
    return _template(corpus, "reference_problems.html", lang, problems=rows)


def review_status(corpus: Corpus, stale: list[Stale], lang: str, here: str) -> str:
    if not stale:
        return _template(corpus, "paragraph.html", lang, text=corpus.words(lang, "translators.all_reviewed"))
    documents = {d["id"] for d in corpus.documents}
    rows = [{"key": s.key, "detail": s.detail,
             "status": corpus.words(lang, f"translators.status.review.{s.language}" if s.language
                                    else f"translators.status.{s.status}"),
             "link": _clause_link(corpus, s.document, s.clause, lang, here)
             if s.document in documents and s.status != "removed" else None} for s in stale]
    return _template(corpus, "review_status.html", lang, stale=rows)


def translator_downloads(corpus: Corpus, lang: str, here: str) -> str:
    names = _language_names(corpus, lang)
    languages = " ↔ ".join(names[side] for side in (corpus.languages.authoritative, *corpus.languages.translations()))
    items = [{"href": urls.asset(here, lang, "data/" + FILES[key], root=corpus.languages.default), "file": FILES[key],
              "text": corpus.words(lang, f"translators.downloads.{key}").format(languages=languages)}
             for key in ("tmx", "tbx", "divergences", "references")]
    return _template(corpus, "downloads.html", lang, items=items)
