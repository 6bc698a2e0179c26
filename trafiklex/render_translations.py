"""The translator's workbench on the site: a document's two languages side by side, clause by clause;
the divergence report; the reference check; which clauses need review. HTML blocks for the pages,
in the page's language (the findings' details are generated in English and marked so)."""
from __future__ import annotations

import html
import re
from collections import Counter

from . import urls
from .urls import PARALLEL_FOLDER
from .annotate import Annotator
from .corpus import Corpus
from .divergence import KINDS, SEVERITIES, Finding
from .model.edition import edition_of
from .model.ids import ClauseId
from .parallel import Pair, document_pairs
from .refcheck import PROBLEMS, ReferenceProblem
from .render import block, esc
from .staleness import Stale
from .translator_files import FILES

WORDS = {
    "sq": {
        "language": {"sq": "Shqip (teksti autentik)", "en": "Anglisht"},
        "clause": "Dispozita", "head": "Kreu i dokumentit",
        "gap": {"sq": "Nuk është në tekstin shqip.", "en": "Nuk është në tekstin anglisht."},
        "moved": "e shtypur në një vend tjetër në {text}",
        "text_of": {"sq": "tekstin shqip", "en": "tekstin anglisht"},
        "summary": "{n} dispozita: {both} në të dy gjuhët (nga to {moved} të shtypura në një vend tjetër), {sq} vetëm në "
                   "shqip, {en} vetëm në anglisht.",
        "kind": {"structure": "Struktura", "numbers": "Numrat", "dates": "Datat", "names": "Emrat",
                 "bodies": "Institucionet", "references": "Referencat"},
        "severity": {"high": "e lartë", "medium": "mesatare", "low": "e ulët"},
        "problem": {"nowhere": "nuk të çon askund", "self": "të çon te vetja", "omitted": "të çon te një pjesë që mungon në burim",
                    "elsewhere": "të çon te një dispozitë për tjetër gjë"},
        "status": {"review-en": "rishikoni anglishten", "review-sq": "rishikoni shqipen", "review-both": "rishikoni të dyja",
                   "unreviewed": "e parishikuar", "removed": "e hequr"},
        "columns": {"clause": "Dispozita", "kind": "Lloji", "severity": "Rëndësia", "what": "Çfarë ndryshon",
                    "sq": "Shqip", "en": "Anglisht", "count": "Gjetje", "total": "Gjithsej", "document": "Dokumenti",
                    "reference": "Referenca", "target": "Të çon te", "problem": "Problemi", "status": "Gjendja",
                    "languages": "Gjuha"},
        "nearest": "më afër në përmbajtje", "none": "Asnjë.", "side_by_side": "Shqip | anglisht krah për krah",
        "all_reviewed": "Të gjitha dispozitat janë rishikuar që kur kanë ndryshuar për herë të fundit.",
    },
    "en": {
        "language": {"sq": "Albanian (authentic text)", "en": "English"},
        "clause": "Clause", "head": "Head of the document",
        "gap": {"sq": "Not in the Albanian text.", "en": "Not in the English text."},
        "moved": "printed in another place in the {text}",
        "text_of": {"sq": "Albanian text", "en": "English text"},
        "summary": "{n} clauses: {both} in both languages (of which {moved} printed in another place), {sq} in Albanian "
                   "only, {en} in English only.",
        "kind": {"structure": "Structure", "numbers": "Numbers", "dates": "Dates", "names": "Names",
                 "bodies": "Bodies", "references": "References"},
        "severity": {"high": "high", "medium": "medium", "low": "low"},
        "problem": {"nowhere": "points nowhere", "self": "points to itself", "omitted": "points to a part missing from the source",
                    "elsewhere": "points to a clause about something else"},
        "status": {"review-en": "review the English", "review-sq": "review the Albanian", "review-both": "review both",
                   "unreviewed": "never reviewed", "removed": "removed"},
        "columns": {"clause": "Clause", "kind": "Kind", "severity": "Severity", "what": "What differs",
                    "sq": "Albanian", "en": "English", "count": "Findings", "total": "Total", "document": "Document",
                    "reference": "Reference", "target": "Points to", "problem": "Problem", "status": "Status",
                    "languages": "Language"},
        "nearest": "nearest in content", "none": "None.", "side_by_side": "Albanian | English side by side",
        "all_reviewed": "Every clause has been reviewed since it last changed.",
    },
}
ID_ATTRIBUTE = re.compile(r'\s(?:id|aria-labelledby|aria-describedby)="[^"]*"')
HEADING = re.compile(r"<(/?)h[1-6]\b([^>]*)>")
HREF = re.compile(r'href="([^"]*)"')


def parallel_page(document_page: str) -> str:
    return f"{PARALLEL_FOLDER}/{document_page}"


def row_id(pair: Pair) -> str:
    return pair.id or "head"


def _label(corpus: Corpus, document: str, clause: str, lang: str) -> str:
    """The clause's numbering in words; where the numbering does not tell it from the clause it is
    part of (a glossary entry, a signature), with the last part of its id."""
    if not clause:
        return WORDS[lang]["head"]
    edition, parsed = edition_of(corpus), ClauseId.parse(clause)
    label = edition.label(document, clause, lang, heading=True)
    if parsed.parent and edition.label(document, str(parsed.parent), lang, heading=True) == label:
        label += f" · {parsed.last.text}"
    return label


def parallel(corpus: Corpus, document: str, lang: str, here: str) -> str:
    """The document's two languages side by side, one row per clause, each row an anchor (the clause
    id, as on the document page); a clause printed in one language only has an empty cell."""
    words = WORDS[lang]
    pairs = document_pairs(corpus, document)
    page = corpus.document(document)["page"]
    seen: set[str] = set()
    rows = []
    for pair in pairs:
        anchor = row_id(pair)
        if anchor in seen:  # the second place of a clause printed in another place in each language
            anchor = f"{anchor}-{next(lang for lang, fragment in pair.html.items() if fragment is not None)}"
        seen.add(anchor)
        rows.append((anchor, pair))
    anchors = {anchor for anchor, _ in rows}
    # each column is annotated as on its own document page, then every link is rebased to this page
    languages = corpus.languages.codes
    annotators = {side: Annotator(corpus, side, page, document) for side in languages}
    body = []
    for anchor, pair in rows:
        cells = []
        for side in languages:
            fragment = pair.html[side]
            if fragment is None or not pair.side(side):
                moved = pair.id and any(p.id == pair.id and p.side(side) for p in pairs if p is not pair)
                text = words["moved"].format(text=words["text_of"][side]) if moved else words["gap"][side]
                cells.append(f'<td class="parallel-gap"><em>{esc(text)}</em></td>')
                continue
            cell = annotators[side].annotate(_cell_html(fragment))
            cell = HREF.sub(lambda m: _href(m.group(1), anchors, (page, side), (here, lang)), cell)
            cells.append(f'<td lang="{side}">{cell}</td>')
        label = _label(corpus, document, pair.id, lang)
        body.append(f'<tr id="{esc(anchor)}"><th scope="row"><a href="#{esc(anchor)}">{esc(label)}</a></th>{"".join(cells)}</tr>')
    summary = words["summary"].format(**_counts(pairs, languages))
    head = (f'<thead><tr><th scope="col">{esc(words["clause"])}</th>'
            + "".join(f'<th scope="col" lang="{lang}">{esc(words["language"][side])}</th>' for side in languages)
            + "</tr></thead>")
    return block(f'<p class="parallel-summary">{esc(summary)}</p>'
                 f'<div class="parallel-wrap"><table class="parallel">{head}<tbody>{"".join(body)}</tbody></table></div>')


def _counts(pairs: list[Pair], languages: tuple[str, ...]) -> dict[str, int]:
    """Clauses (by id) in every language, of which printed in another place in each; in one only."""
    printed = {side: {p.id for p in pairs if p.side(side)} for side in languages}
    together = {p.id for p in pairs if p.has(*languages)}
    clauses = set().union(*printed.values())
    every = set.intersection(*printed.values())
    only = {side: len(printed[side] - set().union(*(printed[o] for o in languages if o != side))) for side in languages}
    return {"n": len(clauses), "both": len(every), "moved": len(every - together), **only}


def _cell_html(fragment: str) -> str:
    """A clause's HTML made fit for a cell: no ids (the row has the clause's), headings as bold
    paragraphs (they are not headings of this page)."""
    fragment = ID_ATTRIBUTE.sub("", fragment)
    return HEADING.sub(lambda m: "</p>" if m.group(1) else f'<p class="parallel-heading"{m.group(2)}>', fragment)


def _href(written: str, rows: set[str], source: tuple[str, str], here: tuple[str, str]) -> str:
    """A link inside a cell, written for the clause's own page (`source`: page, language): to a row of
    this page where it names one of its clauses, else to the same place as on the source page."""
    href = html.unescape(written)
    if href.startswith("#") and href[1:] in rows:
        return f'href="{esc(href)}"'
    return f'href="{esc(urls.rebase(href, *source, *here))}"'


# --- the report ---------------------------------------------------------------------------------------

def _clause_link(corpus: Corpus, document: str, clause: str, lang: str, here: str) -> str:
    page = corpus.document(document)["page"]
    href = urls.relative(here, lang, parallel_page(page), lang, clause or "head")
    return f'<a href="{esc(href)}">{esc(_label(corpus, document, clause, lang))}</a>'


def divergence_summary(corpus: Corpus, findings: list[Finding], lang: str) -> str:
    words = WORDS[lang]
    columns = words["columns"]
    documents = [d["id"] for d in corpus.documents]
    counts = Counter((f.document, f.kind) for f in findings)
    head = f'<th scope="col">{esc(columns["document"])}</th>' + "".join(
        f'<th scope="col">{esc(words["kind"][k])}</th>' for k in KINDS) + f'<th scope="col">{esc(columns["total"])}</th>'
    rows = []
    for document in documents:
        cells = "".join(f"<td>{counts[(document, k)]}</td>" for k in KINDS)
        total = sum(counts[(document, k)] for k in KINDS)
        title = corpus.document(document)["short_title"][lang]
        rows.append(f'<tr><th scope="row"><a href="#div-{esc(document)}">{esc(title)}</a></th>{cells}<td>{total}</td></tr>')
    totals = "".join(f"<td>{sum(counts[(d, k)] for d in documents)}</td>" for k in KINDS)
    rows.append(f'<tr class="total"><th scope="row">{esc(columns["total"])}</th>{totals}<td>{len(findings)}</td></tr>')
    return block(f'<table class="divergence-summary" data-search-exclude><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>')


def divergences(corpus: Corpus, findings: list[Finding], lang: str, here: str) -> str:
    """The findings, document by document, most severe first within each kind."""
    words, columns = WORDS[lang], WORDS[lang]["columns"]
    out = []
    for document in corpus.documents:
        mine = [f for f in findings if f.document == document["id"]]
        out.append(f'\n## {esc(document["short_title"][lang])} {{ #div-{document["id"]} }}\n')
        if not mine:
            out.append(block(f"<p>{esc(words['none'])}</p>"))
            continue
        mine.sort(key=lambda f: (KINDS.index(f.kind), SEVERITIES.index(f.severity)))
        rows = []
        for f in mine:
            rows.append(
                f'<tr class="severity-{f.severity}"><td>{_clause_link(corpus, f.document, f.clause, lang, here)}</td>'
                f'<td>{esc(words["kind"][f.kind])}</td><td>{esc(words["severity"][f.severity])}</td>'
                f'<td lang="en">{esc(f.detail)}</td><td lang="sq">{esc(f.text("sq"))}</td><td lang="en">{esc(f.text("en"))}</td></tr>')
        head = "".join(f'<th scope="col">{esc(columns[c])}</th>' for c in ("clause", "kind", "severity", "what", "sq", "en"))
        out.append(block(f'<div class="divergence-wrap"><table class="divergences" data-search-exclude><thead><tr>{head}</tr></thead>'
                         f'<tbody>{"".join(rows)}</tbody></table></div>'))
    return "".join(out)


def reference_problems(corpus: Corpus, problems: list[ReferenceProblem], lang: str, here: str) -> str:
    words, columns = WORDS[lang], WORDS[lang]["columns"]
    if not problems:
        return block(f"<p>{esc(words['none'])}</p>")
    rows = []
    for p in sorted(problems, key=lambda p: (PROBLEMS.index(p.problem), p.document, p.clause)):
        target_document, _, target = p.target.partition("#")
        rows.append(
            f'<tr><td>{_clause_link(corpus, p.document, p.clause, lang, here)}</td><td>{esc(p.printed)}</td>'
            f'<td>{_clause_link(corpus, target_document, target, lang, here)}</td>'
            f'<td>{esc(words["problem"][p.problem])}</td><td lang="en">{esc(p.detail)}'
            + (f' ({words["nearest"]}: {_clause_link(corpus, *p.nearest.split("#"), lang, here)})' if p.nearest else "")
            + '</td></tr>')
    head = "".join(f'<th scope="col">{esc(columns[c])}</th>' for c in ("clause", "reference", "target", "problem", "what"))
    return block(f'<table class="reference-problems" data-search-exclude><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>')


def review_status(corpus: Corpus, stale: list[Stale], lang: str, here: str) -> str:
    words, columns = WORDS[lang], WORDS[lang]["columns"]
    if not stale:
        return block(f"<p>{esc(words['all_reviewed'])}</p>")
    rows = []
    for s in stale:
        known = s.document in {d["id"] for d in corpus.documents} and s.status != "removed"
        where = _clause_link(corpus, s.document, s.clause, lang, here) if known else esc(s.key)
        rows.append(f'<tr><td>{where}</td><td>{esc(words["status"][s.status])}</td><td lang="en">{esc(s.detail)}</td></tr>')
    head = "".join(f'<th scope="col">{esc(columns[c])}</th>' for c in ("clause", "status", "what"))
    return block(f'<table class="review-status" data-search-exclude><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>')


def parallel_index(corpus: Corpus, lang: str, here: str) -> str:
    """Links to the side-by-side view of every document."""
    items = []
    for document in corpus.documents:
        href = urls.relative(here, lang, parallel_page(document["page"]), lang)
        items.append(f'<li><a href="{esc(href)}">{esc(document["short_title"][lang])}</a></li>')
    return block(f'<ul class="parallel-index">{"".join(items)}</ul>')




def parallel_title(corpus: Corpus, document: str, lang: str) -> str:
    return f'{corpus.document(document)["short_title"][lang]}: {WORDS[lang]["side_by_side"]}'


DOWNLOADS = {
    "sq": [("tmx", "Kujtesa e përkthimit (TMX 1.4, shqip ↔ anglisht), një njësi për çdo dispozitë në të dy gjuhët"),
           ("divergences", "Raporti i mospërputhjeve (JSON)"),
           ("references", "Kontrolli i referencave (JSON)")],
    "en": [("tmx", "Translation memory (TMX 1.4, Albanian ↔ English), one unit per clause printed in both languages"),
           ("divergences", "The divergence report (JSON)"),
           ("references", "The reference check (JSON)")],
}


def translator_downloads(lang: str, here: str) -> str:
    items = [f'<li><a href="{esc(urls.asset(here, lang, "data/" + FILES[key]))}" download>{esc(text)}</a> '
             f'<code>{esc(FILES[key])}</code></li>' for key, text in DOWNLOADS[lang]]
    return block(f'<ul class="translator-downloads">{"".join(items)}</ul>')
