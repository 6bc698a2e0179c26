"""How well the divergence report (trafiklex.translators.divergence) finds what a careful reader finds: its recall
and precision on translations/evaluation.yml, an evaluation set made by reading both languages of
every document (differences of meaning, scope and wording, and aligned clauses that read
differently but mean the same).

A difference is found when the report has a finding (not an accepted one excepted: the measure is
of the report) on its clause. Precision is measured two ways: on the labelled clauses (a finding on
a difference is right, on an equivalent wrong) and on every finding (a finding on a clause the set
does not label counts as wrong: the lower bound)."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from trafiklex.data import schemas
from trafiklex.data.corpus import Corpus
from trafiklex.core.errors import DataError, Problem
from trafiklex.translators.parallel import all_pairs

EVALUATION = Path("translations") / "evaluation.yml"


def load(corpus: Corpus) -> dict:
    path = corpus.root / EVALUATION
    located = schemas.load_checked(path, corpus.root, "evaluation")
    problems: list[Problem] = []
    clauses = {(p.document, p.id) for p in all_pairs(corpus)}
    labelled: dict[tuple[str, str], str] = {}
    for part in ("differences", "equivalents"):
        for i, item in enumerate(located.data[part]):
            key = (item["document"], item["clause"])
            if key not in clauses:
                problems.append(Problem(located.file, f"no clause {item['clause']} in document {item['document']}",
                                        line=located.line((part, i, "clause")), field=f"{part}.{i}.clause",
                                        expected="a clause id of the document (as on its page)"))
            elif key in labelled and labelled[key] != part:
                problems.append(Problem(located.file, f"{item['document']}#{item['clause']} is among the {labelled[key]} too",
                                        line=located.line((part, i, "clause")), field=f"{part}.{i}.clause",
                                        expected="a clause either differs or means the same"))
            labelled.setdefault(key, part)
    if problems:
        raise DataError(problems)
    return located.data


@dataclass
class Score:
    found: int = 0
    total: int = 0
    right: int = 0       # findings on a labelled difference
    wrong: int = 0       # findings on a labelled equivalent
    unlabelled: int = 0  # findings on a clause the set does not label

    @property
    def recall(self) -> float | None:
        return self.found / self.total if self.total else None

    @property
    def precision(self) -> float | None:
        """On the labelled clauses."""
        return self.right / (self.right + self.wrong) if self.right + self.wrong else None

    @property
    def strict_precision(self) -> float | None:
        """Every finding: an unlabelled one counts as wrong."""
        n = self.right + self.wrong + self.unlabelled
        return self.right / n if n else None


def measure(corpus: Corpus, findings, evaluation: dict) -> dict[str, dict[str, Score]]:
    """Scores: 'all' → {'': Score}, 'kind' → {kind: Score} (recall by the set's kinds, precision by
    the findings' kinds), 'document' → {document: Score}."""
    differences = {(d["document"], d["clause"]): d for d in evaluation["differences"]}
    equivalents = {(e["document"], e["clause"]) for e in evaluation["equivalents"]}
    flagged = Counter((f.document, f.clause) for f in findings)
    scores: dict[str, dict[str, Score]] = {"all": defaultdict(Score), "kind": defaultdict(Score), "document": defaultdict(Score)}
    for key, difference in differences.items():
        for group, name in (("all", ""), ("kind", difference["kind"]), ("document", key[0])):
            scores[group][name].total += 1
            scores[group][name].found += bool(flagged[key])
    for f in findings:
        key = (f.document, f.clause)
        field = "right" if key in differences else "wrong" if key in equivalents else "unlabelled"
        for group, name in (("all", ""), ("kind", f"finding:{f.kind}"), ("document", f.document)):
            setattr(scores[group][name], field, getattr(scores[group][name], field) + 1)
    return {group: dict(values) for group, values in scores.items()}


def table(scores: dict[str, dict[str, Score]]) -> str:
    def fmt(value):
        return "–" if value is None else f"{value:.2f}"

    lines = [f"{'':40} {'recall':>12} {'precision':>10} {'strict':>8} {'findings':>9}"]
    for group in ("all", "kind", "document"):
        for name, s in sorted(scores[group].items()):
            lines.append(f"{(group + ' ' + name).strip():40} {fmt(s.recall):>6} {s.found:>2}/{s.total:<3} "
                         f"{fmt(s.precision):>10} {fmt(s.strict_precision):>8} {s.right + s.wrong + s.unlabelled:>9}")
    return "\n".join(lines)
