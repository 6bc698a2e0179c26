"""Command line: check all data files (schemas and cross-references). Exit 0 if the data is sound,
1 with the list of problems (file, line, field, what was expected) otherwise."""
from __future__ import annotations

import sys

from .corpus import load
from .errors import DataError


def main() -> int:
    try:
        corpus = load()
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    clauses = sum(len(v) for v in corpus.data_clauses().values())
    print(f"data is valid: {len(corpus.documents)} documents, {len(corpus.institutions.by_id)} institutions, "
          f"{clauses} data clauses, {len(corpus.notes)} editorial notes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
