"""Topics, checked before any page is read: the vocabulary (data/topics.yml: each frame and topic
once, each topic of a known frame, each text in every language) and each document's tags
(data/documents/<document>/topics.yml: every document has them, each tag a known topic, each listed
id a clause id). Whether a listed clause exists is for the edition model (trafiklex.model.checks)."""
from __future__ import annotations

from trafiklex.core.errors import Problem
from trafiklex.core.ids import ClauseId

FILE = "topics.yml"
KIND = "topics"  # a document's own file of tags (trafiklex.data.tables)


def check(corpus) -> list[Problem]:
    located = corpus.files[FILE]
    problems: list[Problem] = []

    def report(file, path: tuple, message: str, expected: str):
        where = corpus.files[file]
        problems.append(Problem(where.file, message, line=where.line(path), field=".".join(map(str, path)),
                                expected=expected))

    data = located.data
    frame_ids = [f["id"] for f in data["frames"]]
    topic_ids = [t["id"] for t in data["topics"]]
    for key, ids in (("frames", frame_ids), ("topics", topic_ids)):
        for i, each in enumerate(ids):
            if ids.index(each) != i:
                report(FILE, (key, i, "id"), f"'{each}' is listed twice", "each id once")
    for f, item in enumerate(data["frames"]):
        for field in ("title", "description"):
            for lang in corpus.languages:
                if lang not in item[field]:
                    report(FILE, ("frames", f, field), f"no '{lang}' text", "a text in each language of data/languages.yml")
    for t, item in enumerate(data["topics"]):
        if item["frame"] not in frame_ids:
            report(FILE, ("topics", t, "frame"), f"unknown frame '{item['frame']}'", f"one of {frame_ids}")
        for lang in corpus.languages:
            if lang not in item["title"]:
                report(FILE, ("topics", t, "title"), f"no '{lang}' text", "a text in each language of data/languages.yml")
    for document in corpus.documents:
        file = corpus.file_name(document["id"], KIND)
        tags = corpus.table(document["id"], KIND)
        if tags is None:
            problems.append(Problem(f"data/{file}", f"the document '{document['id']}' has no topics",
                                    expected="a file with its topics (`topics: [...]`), every clause needs one"))
            continue
        tagged = [(("topics", k), each) for k, each in enumerate(tags["topics"])]
        for clause_id, listed in tags.get("clauses", {}).items():
            if not ClauseId.is_valid(clause_id):
                report(file, ("clauses", clause_id), f"'{clause_id}' is not a clause id", "a clause id (EDITING.md)")
            tagged += [(("clauses", clause_id, k), each) for k, each in enumerate(listed)]
        for path, each in tagged:
            if each not in topic_ids:
                report(file, path, f"unknown topic '{each}'", "a topic listed under topics: in data/topics.yml")
    return problems
