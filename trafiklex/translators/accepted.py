"""Accepted findings (translations/accepted.yml): a translator marks the findings of one kind on one
clause as reviewed and acceptable, with a reason. The report shows them as accepted; the command
line's --strict fails only on the findings that are not. An entry that accepts nothing the report
finds (the text or the checks changed) is named by `stale`."""
from __future__ import annotations

from pathlib import Path

from trafiklex.data import schemas
from trafiklex.core.errors import DataError, Problem

ACCEPTED = Path("translations") / "accepted.yml"


def load(root: Path, clauses: set[tuple[str, str]] | None = None) -> dict[tuple[str, str, str], str]:
    """(document, clause, kind) → the reason; `clauses`: the (document, clause) that exist, checked."""
    path = root / ACCEPTED
    if not path.exists():
        return {}
    located = schemas.load_checked(path, root, "accepted")
    problems: list[Problem] = []
    out: dict[tuple[str, str, str], str] = {}
    for i, item in enumerate(located.data["accepted"]):
        key = (item["document"], item["clause"], item["kind"])
        if clauses is not None and key[:2] not in clauses:
            problems.append(Problem(located.file, f"no clause '{item['clause']}' in document '{item['document']}'",
                                    line=located.line(("accepted", i, "clause")), field=f"accepted.{i}.clause",
                                    expected="a clause id of the document, as the report names it"))
        if key in out:
            problems.append(Problem(located.file, f"{item['document']}#{item['clause']} ({item['kind']}) is accepted twice",
                                    line=located.line(("accepted", i)), field=f"accepted.{i}", expected="each once"))
        out[key] = item["reason"]
    if problems:
        raise DataError(problems)
    return out


def stale(accepted: dict[tuple[str, str, str], str], findings) -> list[tuple[str, str, str]]:
    reported = {(f.document, f.clause, f.kind) for f in findings}
    return sorted(key for key in accepted if key not in reported)
