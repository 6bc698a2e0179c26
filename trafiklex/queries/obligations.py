"""Who must do what, by when: every obligation of every body, across all the documents.

Three sources, in every document that has them: the activities of an action plan (responsible bodies
and partners), the commitments of the parties to an agreement, and the duties that the running text
assigns to a named body (data/documents/<document>/assignments.yml). Bodies can differ between the two languages;
an obligation records each language's list, and a body's obligations are those that either
language assigns to it (with the languages that do).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from trafiklex.core import deadlines
from trafiklex.data.corpus import Corpus

KINDS = ("activity", "commitment", "assignment")


@dataclass(frozen=True)
class Obligation:
    id: str                                   # the clause id (anchor on the document's page)
    document: str                             # document id
    kind: str                                 # activity | commitment | assignment
    section: str                              # action plan section ("1"–"5"), NRM party ("A"–"D"), or ""
    text: dict[str, str]                      # plain text per language (absent where not printed)
    bodies: dict[str, tuple[str, ...]]        # responsible bodies per language
    partners: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "in cooperation with" per language
    deadline: dict[str, str] = field(default_factory=dict)              # printed deadline per language
    due: dict | None = None                   # parsed deadline (from the authoritative text)
    languages: tuple[str, ...] = ()           # the edition's languages, the authoritative first

    def role(self, institution: str, lang: str) -> str | None:
        if institution in self.bodies.get(lang, ()):
            return "responsible"
        if institution in self.partners.get(lang, ()):
            return "partner"
        return None

    def role_in(self, institution: str, lang: str) -> tuple[str | None, str | None]:
        """The institution's role as read in `lang` (or else in another text), and the one language
        whose text gives it this obligation where the texts differ on that (else None)."""
        role = self.role(institution, lang) or next(
            (found for other in self.languages if (found := self.role(institution, other))), None)
        languages = self.languages_for(institution)
        only = languages[0] if len(languages) == 1 and all(self.text.get(each) for each in self.languages) else None
        return role, only

    def languages_for(self, institution: str) -> tuple[str, ...]:
        """The languages whose text gives this obligation to `institution`."""
        return tuple(lang for lang in self.languages if self.role(institution, lang))

    def institutions(self) -> list[str]:
        seen: list[str] = []
        for lang in self.languages:
            for body in self.bodies.get(lang, ()) + self.partners.get(lang, ()):
                if body not in seen:
                    seen.append(body)
        return seen

    @property
    def sort_key(self) -> tuple:
        return deadlines.sort_key(self.due)


def read_differently(corpus: Corpus, obligation: Obligation, lang: str) -> bool:
    """The deadline printed in `lang` reads otherwise than the parsed one, which follows the
    authentic Albanian text ("Up to Sept 2005, and ongoing" against "nga Shtator 2005 e ne
    vazhdim", from September 2005)."""
    printed = obligation.deadline.get(lang)
    if lang == corpus.languages.authoritative or not printed or not obligation.due:
        return False
    parsed = deadlines.try_parse(printed, corpus.document(obligation.document).get("date"))
    return parsed is not None and parsed != obligation.due   # (a form the grammar does not know: not said)


def _bodies(cell: dict) -> dict[str, tuple[str, ...]]:
    return {lang: tuple(value["bodies"]) for lang, value in cell.items()}


def all_obligations(corpus: Corpus) -> list[Obligation]:
    """Every obligation, in the printed order of the documents."""
    return corpus.memo("obligations", lambda: [o for d in corpus.documents for o in obligations_in(corpus, d["id"])])


def obligations_in(corpus: Corpus, document: str) -> list[Obligation]:
    """A document's obligations, in its printed order (an assignment's text is its clause's: a read of
    that document's text alone)."""
    return corpus.memo(("obligations", document), lambda: _collect(corpus, document))


def dates(corpus: Corpus) -> list[str]:
    """Every obligation's date (its parsed deadline's `by`, else its `from`), read from the data alone: a
    view that shows no obligation's text reads no document's text."""
    return corpus.memo("obligation-dates", lambda: [
        o.due.get("by") or o.due.get("from") for d in corpus.documents for o in _collect(corpus, d["id"], texts=False)
        if o.due and (o.due.get("by") or o.due.get("from"))])


def _collect(corpus: Corpus, document: str, texts: bool = True) -> list[Obligation]:
    """The document's obligations; without `texts`, an assignment's text (its clause's) is left out."""
    found: list[Obligation] = []
    codes = corpus.languages.codes
    for _, section, _, activity in corpus.activities(document):
        found.append(Obligation(
            id=activity["id"], document=document, kind="activity", section=section["num"],
            text=dict(activity["text"]), bodies=_bodies(activity["responsible"]),
            partners=_bodies(activity.get("partners", {})), deadline=dict(activity.get("deadline", {})), due=activity.get("due"),
            languages=codes))
    for _, table in corpus.tables("commitments", document):
        for party in table["parties"]:
            for commitment in party["commitments"]:
                bodies = tuple(commitment.get("bodies", party["bodies"]))
                languages = [commitment["only_in"]] if "only_in" in commitment else list(codes)
                found.append(Obligation(
                    id=commitment["id"], document=document, kind="commitment", section=party["letter"],
                    text=dict(commitment["text"]), bodies={lang: bodies for lang in languages},
                    partners={lang: tuple(commitment["partners"]) for lang in languages} if "partners" in commitment else {},
                    deadline=dict(commitment.get("deadline", {})), due=commitment.get("due"), languages=codes))
    from trafiklex.model.edition import edition_of
    edition = edition_of(corpus)
    for _, _, assignment in corpus.assignments(document):
        clauses = {lang: edition.clause(document, assignment["id"], lang) if texts else None for lang in codes}
        text = {lang: (c.body_text if c.heading else c.text) if c else None for lang, c in clauses.items()}
        found.append(Obligation(
            id=assignment["id"], document=document, kind="assignment", section="",
            text={lang: t for lang, t in text.items() if t}, bodies={k: tuple(v) for k, v in assignment["bodies"].items()},
            deadline=dict(assignment.get("deadline", {})), due=assignment.get("due"), languages=codes))
    return found


def for_institution(corpus: Corpus, institution: str) -> list[Obligation]:
    """The obligations that either language gives to `institution`, as responsible body or partner: of
    the documents whose data give it a duty (read from the data alone), so that its page reads those
    documents' texts, not the others'."""
    from trafiklex.model.edition import duties

    def compute() -> dict[str, set[str]]:
        held: dict[str, set[str]] = {}
        for (document, _), bodies in duties(corpus).items():
            for body in bodies:
                held.setdefault(body, set()).add(document)
        return held
    held = corpus.memo("documents-of-bodies", compute).get(institution, set())
    return [o for d in corpus.documents if d["id"] in held for o in obligations_in(corpus, d["id"]) if o.languages_for(institution)]


def counts(corpus: Corpus) -> dict[str, dict[str, int]]:
    """Number of obligations per institution and per document."""
    table: dict[str, dict[str, int]] = {}
    for obligation in all_obligations(corpus):
        for institution in obligation.institutions():
            row = table.setdefault(institution, {})
            row[obligation.document] = row.get(obligation.document, 0) + 1
    return table
