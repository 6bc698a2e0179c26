""""Referred to by": for every clause, what in the corpus points to it — a reverse index built from
the edition model, in each language:

- `reference`: the internal references of the documents' texts (`Clause.references`) that point to it
  (a reference to a whole document counts for its title);
- `obligations` and `institution`: the "what is due" page and the institution pages that cite it (its
  obligations; a glossary entry is cited by its institution's page);
- `note`: the editorial notes about it (`Clause.notes`);
- `question`: the questions of the checklist built on it (Annex 1's questions, data/screening.yml);
- `relation`: the documents that approve, implement, replace or amend its document, or to which it is
  an annex (data/documents.yml `relations`), on its title — at the clause that says so;
- `finding`: translators' findings on it — none yet: a module that has them (trafiklex.translators.divergence,
  for one) adds a function to FINDINGS (see `Finding`), and the index takes them in with no other
  change.

Each entry names the page and anchor it leads to; `html_for` renders a clause's entries and its topics
(trafiklex.queries.topics) as a disclosure (templates/referred_by.html) that the site places next to the
clause (`place`), and that a cite control may take into its panel instead (it carries the clause's id
in data-clause).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterable

from markupsafe import Markup

from trafiklex.views import templating
from trafiklex.queries import topics
from trafiklex.core import relations, urls
from trafiklex.model.edition import Edition
from trafiklex.queries.obligations import all_obligations
from trafiklex.views.checklist_page import checklists

KINDS = ("reference", "relation", "obligations", "institution", "question", "note", "finding")
OBLIGATIONS_PAGE = "obligations"
TOPICS_FOLDER = "topics"


@dataclass(frozen=True)
class Entry:
    kind: str                 # one of KINDS
    page: str                 # the page of the site it is on ('<page>', 'institutions/<institution>')
    anchor: str | None        # where on that page (None: the page itself)
    label: str                # what it is, in the index's language

    def href(self, here: str, lang: str, root: str) -> str:
        return urls.relative(here, lang, self.page, lang, self.anchor, root=root)


Key = tuple[str, str]  # (document id, clause id)
# A source of translators' findings: (edition, language) → ((document, clause id), entry) pairs, each
# entry of kind "finding" leading to where the finding is shown (the translators' page).
Finding = Callable[[Edition, str], Iterable[tuple[Key, Entry]]]
FINDINGS: list[Finding] = []


def index(edition: Edition, lang: str) -> dict[Key, list[Entry]]:
    """(document, clause id) → what refers to it in `lang`, by kind in the order of KINDS."""
    return edition.corpus.memo(("referred-by", lang), lambda: _index(edition, lang))


def _index(edition: Edition, lang: str) -> dict[Key, list[Entry]]:
    corpus = edition.corpus
    found: dict[Key, list[Entry]] = {}

    def add(key: Key, entry: Entry):
        if entry not in found.setdefault(key, []):
            found[key].append(entry)

    pages = {d["id"]: d["page"] for d in edition.documents}
    short = {d["id"]: d["short_title"][lang] for d in edition.documents}
    words = corpus.words(lang, "referred_by")
    for document in edition.documents:
        for clause in edition.text(document["id"], lang).clauses:
            for target_document, target in clause.references:
                target = target or "title"
                if (target_document, target) == (document["id"], clause.id):
                    continue
                label = edition.label(document["id"], clause.id, lang, heading=True)
                if target_document != document["id"]:
                    label = f"{short[document['id']]}, {label}"
                add((target_document, target), Entry("reference", document["page"], clause.id, label))
            for note_id in clause.notes:
                note = corpus.notes[note_id]
                add((document["id"], clause.id), Entry("note", document["page"], f"note-{note_id}", _short(note["text"][lang])))
    for relation in relations.relations(corpus.documents):
        add((relation.target, "title"), Entry("relation", pages[relation.source], relation.clause,
                                              f"{short[relation.source]} ({words['relations'][relation.type].lower()})"))
    for obligation in all_obligations(corpus):
        key = (obligation.document, obligation.id)
        add(key, Entry("obligations", OBLIGATIONS_PAGE, None, words["due_page"]))
        for institution in obligation.institutions():
            add(key, Entry("institution", f"institutions/{institution}", f"obligations-{obligation.document}",
                           corpus.institutions.get(institution)["name"][lang]))
    for glossary in corpus.glossaries:
        for entry in glossary["entries"].get(lang, []):
            add((glossary["document"], f"{glossary['anchor']}__{entry['institution']}"),
                Entry("institution", f"institutions/{entry['institution']}", "glossaries",
                      corpus.institutions.get(entry["institution"])["name"][lang]))
    for document_id, page in checklists(corpus).items():
        for question in corpus.table(document_id, "questionnaire")["questions"]:
            add((document_id, question["id"]),
                Entry("question", page, f"checklist-{question['id']}", words["question"].format(n=question["num"])))
    for source in FINDINGS:
        for key, entry in source(edition, lang):
            add(key, entry)
    order = {kind: i for i, kind in enumerate(KINDS)}
    return {key: sorted(entries, key=lambda e: order[e.kind]) for key, entries in found.items()}


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


def approvals(edition: Edition, document_id: str, lang: str, here: str) -> Markup:
    """The document's relations to the others (data/documents.yml `relations`), both ways — "Approved
    by: Order No. 25", "Approves: …", "Annex to: …" — as links (to the clause that says it, where the
    data names one): shown under its title."""
    corpus = edition.corpus
    root = corpus.languages.default
    groups: dict[str, list[dict]] = {}
    for relation in relations.relations(corpus.documents):
        seen = relation.seen_from(document_id)
        if seen is None:
            continue
        name, other = seen
        anchor = relation.clause if relation.source == other else None
        target = corpus.document(other)
        groups.setdefault(name, []).append({"title": target["short_title"][lang],
                                            "href": urls.relative(here, lang, target["page"], lang, anchor, root=root)})
    if not groups:
        return Markup("")
    names = corpus.words(lang, "referred_by.relations")
    return templating.render("approvals.html", groups=[{"name": names[name], "documents": documents}
                                                       for name, documents in groups.items()])


def html_for(edition: Edition, document_id: str, clause, lang: str, here: str) -> Markup:
    """The clause's disclosure: what refers to it, grouped by kind, and its topics (links to their pages)."""
    corpus = edition.corpus
    root = corpus.languages.default
    entries = index(edition, lang).get((document_id, clause.id), [])
    groups = []
    for kind in KINDS:
        mine = [{"label": e.label, "href": e.href(here, lang, root)} for e in entries if e.kind == kind]
        if mine:
            groups.append({"kind": kind, "entries": mine})
    tags = [{"name": topics.name(corpus, t, lang), "title": topics.full_name(corpus, t, lang),
             "href": urls.relative(here, lang, f"{TOPICS_FOLDER}/{t}", lang, root=root)} for t in clause.topics]
    if not groups and not tags:
        return Markup("")
    return templating.render("referred_by.html", t=corpus.catalog.translator(lang), clause=clause.id,
                             count=len(entries), groups=groups, topics=tags)


# --- placing a clause's disclosure next to it on the page ------------------------------------------------

_START = re.compile(r'<(?P<tag>h[1-6]|p|li|div|tr|dt|dd|tbody)\b[^>]*?\sid="(?P<id>[^"]+)"[^>]*>')
_AFTER = {"h1", "h2", "h3", "h4", "h5", "h6", "p"}   # after the element (a heading or paragraph holds no block)
_CELL_START = re.compile(r"<t[dh]\b[^>]*>")
_CELL_END = re.compile(r"</t[dh]>")


def _closing(html: str, tag: str, start: int) -> int:
    """The position of the closing tag that matches the element opened just before `start`."""
    depth = 1
    for match in re.compile(rf"<(/?){tag}\b[^>]*>").finditer(html, start):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return match.start()
    return -1


def place(page_html: str, blocks: dict[str, Markup]) -> str:
    """Each clause's block (by clause id) put next to the element carrying its id: after a heading or
    a paragraph; inside a list item, a div or a definition term, at its end; in a table row, at the end
    of its first cell of its own (where a row has its text; a cell spanning the rows below belongs to
    the group of rows, which puts its block there)."""
    inserts: list[tuple[int, str]] = []
    for match in _START.finditer(page_html):
        block = blocks.get(match.group("id"))
        if not block:
            continue
        tag, end = match.group("tag"), match.end()
        closing = _closing(page_html, tag, end)
        if closing < 0:
            continue
        if tag in _AFTER:
            position = closing + len(f"</{tag}>")
        elif tag in ("tr", "tbody"):
            # a row's first cell of its own (not one it shares with the rows below: a rowspan)
            starts = [m for m in _CELL_START.finditer(page_html, end, closing)]
            own = next((m for m in starts if tag == "tbody" or "rowspan" not in m.group(0)), starts[0] if starts else None)
            cell = _CELL_END.search(page_html, own.end(), closing) if own else None
            position = cell.start() if cell else closing
        else:
            position = closing
        inserts.append((position, str(block)))
    out, last = [], 0
    for position, text in sorted(inserts, key=lambda item: item[0]):
        out.append(page_html[last:position])
        out.append(text)
        last = position
    out.append(page_html[last:])
    return "".join(out)


def add_to_page(edition: Edition, html: str, document_id: str, path: str, lang: str) -> str:
    """A document page's HTML with every printed clause's disclosure placed next to it, and the
    approvals under its title."""
    text = edition.text(document_id, lang)
    blocks = {c.id: html_for(edition, document_id, c, lang, path) for c in text.clauses if not c.gap}
    html = place(html, {k: v for k, v in blocks.items() if v})
    approved = approvals(edition, document_id, lang, path)
    if approved:
        heading = re.search(r'<h1\b[^>]*\sid="title"[^>]*>.*?</h1>', html, re.DOTALL)
        if heading:
            html = html[:heading.end()] + str(approved) + html[heading.end():]
    return html
