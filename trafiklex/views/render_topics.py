"""The topic pages: one per topic (topics/<id>), listing the clauses tagged with it across all the
documents, and the index of topics (the `topics` page), which says how the tags were assigned.
Built from the edition model (`Clause.topics`, trafiklex.queries.topics)."""
from __future__ import annotations

from trafiklex.queries import topics
from trafiklex.core import urls
from trafiklex.data.corpus import Corpus
from trafiklex.model.edition import edition_of
from trafiklex.views.render import block, heading, render

EXCERPT = 160


def _excerpt(text: str) -> str:
    return text if len(text) <= EXCERPT else text[:EXCERPT].rsplit(" ", 1)[0] + "…"


def page_of(topic_id: str) -> str:
    return f"topics/{topic_id}"


def _counts(corpus: Corpus, lang: str) -> dict[str, dict[str, int]]:
    """topic → document → number of its clauses (printed in `lang`) tagged with it."""
    found: dict[str, dict[str, int]] = {t["id"]: {} for t in topics.vocabulary(corpus)}
    for topic_id, clauses in topics.clauses_by_topic(edition_of(corpus), lang).items():
        for clause in clauses:
            found[topic_id][clause.document] = found[topic_id].get(clause.document, 0) + 1
    return found


def topic_page(corpus: Corpus, topic_id: str, lang: str) -> str:
    edition = edition_of(corpus)
    here = page_of(topic_id)
    root = corpus.languages.default
    item = topics.topic(corpus, topic_id)
    tagged = topics.tagged_with(edition, topic_id, lang)
    documents = []
    for document in edition.documents:
        mine = [c for c in tagged if c.document == document["id"]]
        if mine:
            documents.append({"id": document["id"], "title": document["short_title"][lang], "clauses": [
                {"label": edition.label(document["id"], c.id, lang, heading=True), "text": _excerpt(c.text),
                 "href": urls.relative(here, lang, document["page"], lang, c.id, root=root)} for c in mine]})
    out = [heading(1, topics.full_name(corpus, topic_id, lang), "title"),
           block(render(corpus, lang, "topic.html", frame=topics.frame(corpus, item["frame"]), count=len(tagged),
                        index=urls.relative(here, lang, "topics", lang, root=root),
                        how=urls.relative(here, lang, "topics", lang, "how", root=root)))]
    for document in documents:
        out.append(heading(2, document["title"], f"in-{document['id']}"))
        out.append(block(render(corpus, lang, "topic_clauses.html", clauses=document["clauses"])))
    return "".join(out)


def index_page(corpus: Corpus, lang: str, here: str = "topics") -> str:
    root = corpus.languages.default
    counts = _counts(corpus, lang)
    short = {d["id"]: d["short_title"][lang] for d in corpus.documents}
    frames = []
    for frame in topics.frames(corpus):
        rows = []
        for item in topics.vocabulary(corpus):
            if item["frame"] != frame["id"]:
                continue
            per_document = [{"title": short[d], "n": n,
                             "href": urls.relative(here, lang, page_of(item["id"]), lang, f"in-{d}", root=root)}
                            for d, n in counts[item["id"]].items()]
            rows.append({"id": item["id"], "name": topics.name(corpus, item["id"], lang), "title": item["title"][lang],
                         "article": item.get("article"), "total": sum(counts[item["id"]].values()),
                         "href": urls.relative(here, lang, page_of(item["id"]), lang, root=root), "documents": per_document})
        frames.append({"id": frame["id"], "title": frame["title"][lang], "description": frame["description"][lang],
                       "rows": rows})
    out = [block(render(corpus, lang, "topics_intro.html")), heading(2, corpus.words(lang, "topics.how"), "how"),
           block(render(corpus, lang, "topics_method.html"))]
    for frame in frames:
        out.append(heading(2, frame["title"], f"frame-{frame['id']}"))
        out.append(block(render(corpus, lang, "topics_table.html", frame=frame)))
    return "".join(out)
