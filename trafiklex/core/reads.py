"""What a computation reads of the edition's pages, recorded as it runs: the documents whose texts it
reads (a document stands for its pages in every language: a text's clauses are joined across its
languages, trafiklex.model.edition) and, as PAGES, the written pages themselves when it reads them
as files. The data, the interface words and the translators' files are not recorded: a product that
is kept by what it reads (trafiklex.website.page_cache) is kept under all of them.

What the corpus derives once (Corpus.memo) records what its computation read and records it again
each time it is used, so that a page that uses a result another page computed reads what it read."""
from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from typing import Iterable, Iterator

PAGES = "*pages"  # the written pages, read as files (a document id is a slug: schemas/common.schema.json)
_recording: ContextVar[set | None] = ContextVar("reads", default=None)


def record(names: Iterable[str]) -> None:
    """Note that the computation under way (if one is being recorded) reads these."""
    found = _recording.get()
    if found is not None:
        found.update(names)


@contextmanager
def recording() -> Iterator[set[str]]:
    """Record what the block reads (in this thread), into the set it gives; what it read is then also
    recorded by the recording around it, if any."""
    found: set[str] = set()
    token = _recording.set(found)
    try:
        yield found
    finally:
        _recording.reset(token)
        record(found)
