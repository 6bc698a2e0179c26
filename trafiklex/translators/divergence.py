"""Where the authoritative text and each translation really differ: what a careful legal translator
would flag.

For every aligned clause (trafiklex.translators.parallel) and for the structured data, the authoritative language
is compared with each translation:
  structure   a clause printed in one language only, or in a different place; a section numbered
              differently
  numbers     numbers that differ (years, periods, amounts, counts, article numbers, durations),
              written in figures or in words; penalties with other numbers
  dates       dates that differ (written as 12.10.2004 or as 12 tetor 2004); deadlines read differently
  names       names of people that differ between the languages, or that one language spells in two
              ways (fuzzy matching with rapidfuzz)
  bodies      responsible bodies that differ (canonical institution ids, not acronyms)
  references  internal references that point to different clauses
and, reading meaning with the termbase (data/terms.yml, trafiklex.data.terms):
  concepts    a concept of the termbase in one language of a clause and not in the other
  terms       a term that is not the equivalent the termbase gives (guardianship for foster care)
  quantifiers a qualifier of scope in one language only ("main", "only", "in advance", "nationwide")
  negation    a clause negated in one language only
  modality    an obligation or a permission in one language only (shall/must ↔ duhet; may ↔ mund)
  lists       the acts, means or purposes of an offence (or the items of a list) counted differently
  length      a clause whose length ratio is far outside the corpus's distribution (measure_lengths)
Each finding: the document, the clause, the kind, a severity, what differs (in English, like every
word the translator tools write themselves) and a snippet of each of the two texts compared.
What the comparison reads in each text (dates, numbers, people): trafiklex.translators.text_facts.
"""
from __future__ import annotations

import math
import re
import statistics
from collections import Counter
from dataclasses import asdict, astuple, dataclass, replace

from rapidfuzz import fuzz

from trafiklex.translators import accepted
from trafiklex.core import cache, deadlines
from trafiklex.queries.citations import printed_numbers
from trafiklex.data.corpus import Corpus
from trafiklex.queries.obligations import all_obligations
from trafiklex.core.ids import ClauseId
from trafiklex.data import tables
from trafiklex.model.edition import edition_of
from trafiklex.translators.parallel import TOOLS_LANGUAGE, Pair, all_pairs, comparisons, document_pairs, language_name
from trafiklex.data.terms import termbase
from trafiklex.core.text import fold
from trafiklex.translators.text_facts import dates, numbers, part_of, people, same_person, without_references

KINDS = ("structure", "numbers", "dates", "names", "bodies", "references",
         "concepts", "terms", "quantifiers", "negation", "modality", "lists", "length")
MEANING_KINDS = KINDS[6:]
SEVERITIES = ("high", "medium", "low")
TOUCHES = ("offence", "duty", "right", "scope", "style")  # what a finding touches, gravest first
SEVERITY_OF = {"offence": "high", "duty": "high", "right": "high", "scope": "medium", "style": "low"}
LIST_DOMAINS = ("act", "means", "purpose")
WEAK_OBLIGATION = ("do te", "will")  # a commitment ("Do të raportojë" / "Report"): not an obligation against none  # the parts of an offence whose lists are counted
LONG_CLAUSE = 1000        # characters: a longer clause is a narrative, read for its length only
LENGTH_MINIMUM = 80       # characters in each language, below which a clause's length ratio is not read
LENGTH_DEVIATIONS = 4.0   # robust z-score (median, MAD) of the log ratio beyond which a clause is reported
CACHED = "divergences"  # the kind of the build cache's entries: a document's findings (compared)
BODY_NAME_SIMILARITY = 85  # rapidfuzz partial_ratio of a name with the other text, in %


@dataclass(frozen=True)
class Finding:
    kind: str
    severity: str
    document: str
    clause: str
    detail: str
    texts: tuple[tuple[str, str], ...] = ()  # (language, snippet) of the texts compared, the authoritative first
    words: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (language, the words that differ, as printed)
    touches: str = ""  # offence | duty | right | scope | style (the meaning checks)
    accepted: str = ""  # the reason a translator accepted it (translations/accepted.yml)

    def text(self, lang: str) -> str:
        return dict(self.texts).get(lang, "")

    def as_dict(self) -> dict:
        """The finding, with each compared text's snippet under its language's code ("sq", "en")."""
        fields = asdict(self)
        del fields["texts"]
        fields["words"] = {lang: list(words) for lang, words in self.words}
        return {**fields, **dict(self.texts)}

    @property
    def key(self) -> str:
        """What identifies a finding across editions (translations/accepted.yml): its document, clause,
        kind and detail."""
        return f"{self.document}#{self.clause}|{self.kind}|{self.detail}"


def _texts(languages: tuple[str, ...], *snippets: str) -> tuple[tuple[str, str], ...]:
    return tuple(zip(languages, snippets + ("",) * (len(languages) - len(snippets))))


def snippet(text: str | None, around: str | None = None, width: int = 160) -> str:
    if not text:
        return ""
    if around:
        at = fold(text).find(fold(around))
        if at > width // 2:
            text = "…" + text[at - width // 3:]
    return text if len(text) <= width else text[:width].rsplit(" ", 1)[0] + " …"


def _is_section(key: str) -> bool:
    """A numbered section ("sec_IX", "sec_2"), not a part of one."""
    parsed = ClauseId.parse(key) if ClauseId.is_valid(key) else None
    return bool(parsed and parsed.depth == 1 and parsed.head.element == "sec"
                and re.fullmatch(r"[0-9IVX]+", parsed.head.number))


# --- the report ---------------------------------------------------------------------------------------

def report(corpus: Corpus) -> list[Finding]:
    """Every finding on the corpus's documents, in the order of the documents and kinds."""
    return corpus.memo("divergences", lambda: _report(corpus))


def _report(corpus: Corpus) -> list[Finding]:
    pairs = all_pairs(corpus)
    findings = [finding for document in corpus.documents for finding in compared(corpus, document["id"])]
    for languages in comparisons(corpus):
        findings += _bodies_in_data(corpus, languages) + _penalties(corpus, languages) + _deadlines(corpus, languages)
    reasons = accepted.load(corpus.root, {(p.document, p.id) for p in pairs} | {(f.document, f.clause) for f in findings})
    return in_order([replace(f, accepted=reasons.get((f.document, f.clause, f.kind), "")) for f in set(findings)],
                    [d["id"] for d in corpus.documents])


def in_order(findings: list[Finding], documents: list[str]) -> list[Finding]:
    """The findings by document (in `documents`' order), kind, clause and what they say. Every field is
    in the key: the findings come from a set, and two that tied would be in the order of the process's
    string hashes."""
    return sorted(findings, key=lambda f: (documents.index(f.document), KINDS.index(f.kind), f.clause, f.detail, f.texts,
                                           *astuple(f)))


def compared(corpus: Corpus, document: str) -> list[Finding]:
    """compare() on one document's clause pairs: what each clause's texts alone tell is kept in the build
    cache (trafiklex.core.cache) under all that it reads — the document's pairs (each language's text
    and HTML of every clause), the numbers its sections print, which of its clauses are duties, the
    data and the interface words — so that an edit to one document's text compares that document
    again, and only it; the lengths, read against the whole corpus's ratios, are read every time."""
    pairs = document_pairs(corpus, document)
    duties = sorted(o.id for o in all_obligations(corpus) if o.document == document)
    token = edition_of(corpus).token  # (the marks of notes in the HTML carry this process's token)
    inputs = (document, cache.json_input([(p.id, p.text, p.html) for p in pairs]).replace(token, ""), cache.json_input(duties),
              cache.json_input({lang: printed_numbers(corpus, document, lang) for lang in corpus.languages.codes}),
              corpus.digest)
    texts = cache.cached_json(CACHED, inputs, lambda: [_as_list(f) for f in _compare_texts(corpus, pairs)])
    return [_finding(item) for item in texts] + _lengths(corpus, pairs)


def _as_list(finding: Finding) -> list:
    return [finding.kind, finding.severity, finding.document, finding.clause, finding.detail, finding.texts,
            finding.words, finding.touches, finding.accepted]


def _finding(item: list) -> Finding:
    kind, severity, document, clause, detail, texts, words, touches, accepted_reason = item
    return Finding(kind, severity, document, clause, detail, tuple((lang, text) for lang, text in texts),
                   tuple((lang, tuple(each)) for lang, each in words), touches, accepted_reason)


def compare(corpus: Corpus, pairs: list[Pair]) -> list[Finding]:
    """The findings on aligned texts (not on the data tables): `pairs` of one or more documents."""
    return _compare_texts(corpus, pairs) + _lengths(corpus, pairs)


def _lengths(corpus: Corpus, pairs: list[Pair]) -> list[Finding]:
    """The clauses whose length ratio is far from the corpus's (of those whose meaning is read)."""
    return [finding for languages in comparisons(corpus) for pair in pairs
            if pair.has(*languages) and _reads_meaning(corpus, pair) for finding in _length(corpus, pair, languages)]


def _compare_texts(corpus: Corpus, pairs: list[Pair]) -> list[Finding]:
    """What each clause's texts, and its document's, tell (all but the lengths)."""
    findings: list[Finding] = []
    duties = {(o.document, o.id) for o in all_obligations(corpus)}
    for document in dict.fromkeys(p.document for p in pairs):
        mine = [p for p in pairs if p.document == document]
        for languages in comparisons(corpus):
            findings += _structure(corpus, document, mine, languages)
            for pair in mine:
                if not pair.has(*languages):
                    continue
                findings += _numbers_and_dates(corpus, pair, languages, (pair.document, pair.id) in duties)
                findings += _references(corpus, pair, languages)
                findings += _bodies_in_text(corpus, pair, languages)
                findings += _meaning(corpus, pair, languages, (pair.document, pair.id) in duties)
            findings += _names(corpus, mine, languages)
        findings += _acronym_spellings(corpus, mine)
    return findings


def _structure(corpus: Corpus, document: str, pairs: list[Pair], languages: tuple[str, str]) -> list[Finding]:
    out = []
    first, second = languages
    ids = {lang: [p.id for p in pairs if p.side(lang)] for lang in languages}
    glossaries = {g["anchor"] for g in corpus.glossaries if g["document"] == document}
    moved: dict[str, list[str]] = {}
    for pair in pairs:
        if pair.has(*languages) or not pair.id or not (pair.side(first) or pair.side(second)):
            continue
        lang = first if pair.side(first) else second
        other = second if lang == first else first
        clause = ClauseId.parse(pair.id)
        parent = str(clause.parent or clause)  # (a clause of one level is a list of its own)
        if pair.id in ids[other]:
            # the same clause, met once on each side: report it once, per list (not in a glossary,
            # which each language sorts in its own alphabetical order)
            if lang == first and parent not in glossaries:
                moved.setdefault(parent, []).append(clause.last.text)
            continue
        if clause.parent and parent in ids[lang] and parent not in ids[other]:
            continue  # part of a clause printed in this language only: the clause is reported
        detail = f"printed in the {language_name(corpus, lang)} text only"
        severity = "medium" if parent in glossaries else "high"  # an abbreviation: less
        out.append(Finding("structure", severity, document, pair.id, detail,
                           _texts(languages, *(snippet(pair.side(each)) for each in languages))))
    for parent, items in moved.items():
        out.append(Finding("structure", "low", document, parent,
                           f"{len(items)} items printed in a different order: {', '.join(items)}", _texts(languages)))
    numbers = {lang: printed_numbers(corpus, document, lang) for lang in languages}
    sections = {key for lang in languages for key in numbers[lang] if _is_section(key)}
    for section in sorted(sections):  # (not the names of unnumbered clauses: a glossary's abbreviations)
        if numbers[first].get(section) != numbers[second].get(section):
            out.append(Finding("structure", "low", document, section, ", ".join(
                f"{'numbered ' if lang == first else ''}{numbers[lang].get(section)} in {language_name(corpus, lang)}"
                for lang in languages), _texts(languages)))
    return out


def _numbers_and_dates(corpus: Corpus, pair: Pair, languages: tuple[str, str], is_duty: bool) -> list[Finding]:
    out = []
    first, second = languages
    texts = {lang: without_references(corpus, pair.side(lang), pair.document, lang) for lang in languages}
    found = {lang: dates(texts[lang])[0] for lang in languages}
    snippets = _texts(languages, snippet(pair.side(first)), snippet(pair.side(second)))
    if found[first] != found[second]:
        out.append(Finding("dates", "high" if is_duty else "medium", pair.document, pair.id,
                           " / ".join(f"{'dates ' if lang == first else ''}{sorted(found[lang]) or '–'} ({lang})"
                                      for lang in languages), snippets))
    counted = {lang: numbers(texts[lang], lang) for lang in languages}
    only = {first: counted[first] - counted[second], second: counted[second] - counted[first]}
    if only[first] or only[second]:
        # (the head of a document is its letterhead: an address or a telephone number printed once)
        severity = "high" if is_duty else "medium" if pair.id else "low"
        out.append(Finding("numbers", severity, pair.document, pair.id,
                           "; ".join(f"{'numbers ' if lang == first else ''}only in {lang}: {_show(only[lang])}"
                                     for lang in languages),
                           _texts(languages, *(snippet(pair.side(lang), _first(only[lang])) for lang in languages)),
                           tuple((lang, tuple(str(n) for n in sorted(only[lang]) if isinstance(n, int))) for lang in languages)))
    return out


def _show(counter: Counter) -> str:
    return ", ".join(f"{n:g}" if isinstance(n, float) else str(n) for n in sorted(counter.elements())) or "–"


def _first(counter: Counter) -> str | None:
    return str(sorted(counter)[0]) if counter else None


def _references(corpus: Corpus, pair: Pair, languages: tuple[str, str]) -> list[Finding]:
    targets = {lang: Counter((r.document, r.target) for r in corpus.find_references(pair.side(lang), pair.document, lang))
               for lang in languages}
    if targets[languages[0]] == targets[languages[1]]:
        return []

    def show(counter):
        return ", ".join(f"{d}#{t}" if d != pair.document else f"#{t}" for d, t in sorted(counter.elements())) or "–"

    return [Finding("references", "medium", pair.document, pair.id,
                    "references " + " / ".join(f"{show(targets[lang])} ({lang})" for lang in languages),
                    _texts(languages, *(snippet(pair.side(lang)) for lang in languages)))]


def _plan_clauses(corpus: Corpus, document: str) -> set[str]:
    """The clauses of the document's action plan (sections, objectives, activities)."""
    plan = corpus.table(document, "activities")
    return {item.id for item in tables.KINDS["activities"].items(plan)} if plan else set()


def _bodies_in_text(corpus: Corpus, pair: Pair, languages: tuple[str, str]) -> list[Finding]:
    """Bodies named in the running text of one language (by acronym or by a name of two words or
    more) that the other language does not name, not even inflected or in another word order
    (fuzzy: rapidfuzz), nor by a body it is part of or that is part of it. (The action plan's cells
    are compared from the data: _bodies_in_data.)"""
    if pair.id in _plan_clauses(corpus, pair.document) or part_of(pair.id, "signatures"):
        return []  # (cells: _bodies_in_data; signature blocks: by the people who sign, _names)
    directory = corpus.bodies(pair.document)
    named = {lang: {i for _, _, i in directory.acronym_spans(pair.side(lang), lang)}
             | set(directory.mentions(pair.side(lang), lang)) for lang in languages}

    def also_named(institution: str, lang: str) -> bool:
        text = fold(pair.side(lang))
        return any(other in named[lang] for other in directory.related(institution)) or any(
            re.search(rf"(?<!\w){re.escape(spelling)}(?!\w)", text) if len(spelling) < 8
            else fuzz.partial_ratio(spelling, text) >= BODY_NAME_SIMILARITY
            for spelling in directory.spellings(institution, lang))

    only = {lang: sorted(i for i in named[lang] - named[other] if not also_named(i, other))
            for lang, other in (languages, languages[::-1])}
    if not any(only.values()):
        return []
    return [Finding("bodies", "medium", pair.document, pair.id,
                    "; ".join(f"{'bodies named ' if lang == languages[0] else ''}only in {lang}: {_names_of(corpus, only[lang])}"
                              for lang in languages),
                    _texts(languages, *(snippet(pair.side(lang)) for lang in languages)))]


def _acronym_spellings(corpus: Corpus, pairs: list[Pair]) -> list[Finding]:
    """One body's acronym printed in two similar ways (BTKF / BKTF, NRCVT / NCRVT, MPCS / MPÇS)."""
    printed: dict[str, set[tuple[str, str, str]]] = {}
    for pair in pairs:
        for lang in pair.text:
            for start, end, institution in corpus.bodies(pair.document).acronym_spans(pair.side(lang) or "", lang):
                printed.setdefault(institution, set()).add((pair.side(lang)[start:end], lang, pair.id))
    out = []
    for institution, places in sorted(printed.items()):
        spellings = sorted({a for a, _, _ in places})
        similar = [(a, b) for i, a in enumerate(spellings) for b in spellings[i + 1:]
                   if _acronym_stem(a) != _acronym_stem(b) and fuzz.ratio(fold(a), fold(b)) >= 75]
        for a, b in similar:
            if fold(a) == fold(b):
                continue  # one word's diacritics: printed so, not a difference (the transcription keeps them)
            where = {s: sorted({f"{lang} {clause}" for x, lang, clause in places if x == s})[:3] for s in (a, b)}
            how = " (diacritics only)" if fold(a) == fold(b) else ""
            out.append(Finding("names", "low", pairs[0].document, sorted(places)[0][2],
                               f"{institution}: printed “{a}” ({', '.join(where[a])}) and “{b}” ({', '.join(where[b])}){how}",
                               _texts(corpus.languages.codes)))
    return out


def _names_of(corpus: Corpus, institutions) -> str:
    """Bodies by their name in the details' language (and id), for a finding's detail."""
    return "; ".join(f"{corpus.institutions.get(i)['name'][TOOLS_LANGUAGE]} ({i})" for i in sorted(institutions)) or "–"


def _acronym_stem(acronym: str) -> str:
    """An acronym without what grammar or house style adds: a plural (NGOs, NGO-s), an Albanian
    ending (OJF-te, OJF-ve, IOM-it), dots (M.SH), the "EU" of "EU CARDS"."""
    stem = re.sub(r"^EU\s+", "", acronym).replace(".", "").upper()
    return re.sub(r"(?:-?S|-(?:TE|VE|IT|I|JA|SE))$", "", stem)


def _bodies_in_data(corpus: Corpus, languages: tuple[str, str]) -> list[Finding]:
    out = []
    first, second = languages
    for obligation in all_obligations(corpus):
        if obligation.kind == "commitment" or len(obligation.bodies) < 2:
            continue
        for role in ("bodies", "partners"):
            mapping = getattr(obligation, role)
            named = {lang: set(mapping.get(lang, ())) for lang in languages}
            if any(named.values()) and named[first] != named[second] and obligation.text.get(first) \
                    and obligation.text.get(second):
                word = "responsible" if role == "bodies" else "partners"
                out.append(Finding("bodies", "high" if role == "bodies" else "low", obligation.document, obligation.id,
                                   "; ".join(f"{word + ' ' if lang == first else ''}only in {lang}: "
                                             f"{_names_of(corpus, named[lang] - named[other])}"
                                             for lang, other in (languages, languages[::-1])),
                                   _texts(languages, *(snippet(obligation.text[lang]) for lang in languages))))
    return out


def _penalties(corpus: Corpus, languages: tuple[str, str]) -> list[Finding]:
    out = []
    for document, table in corpus.tables("penalties"):
        for row in (row for article in table["articles"] for row in article["rows"]):
            first, second = (row["sanction"].get(lang, {}) for lang in languages)
            strip = lambda s: {k: v for k, v in s.items() if k != "printed"}  # noqa: E731
            if strip(first) != strip(second):
                differs = sorted(k for k in set(strip(first)) | set(strip(second)) if first.get(k) != second.get(k))
                out.append(Finding("numbers", "high", document, row["id"],
                                   f"sanction differs in {', '.join(differs)}",
                                   _texts(languages, first.get("printed", ""), second.get("printed", ""))))
    return out


def _deadlines(corpus: Corpus, languages: tuple[str, str]) -> list[Finding]:
    out = []
    first, second = languages
    for obligation in all_obligations(corpus):
        printed = obligation.deadline
        if not (printed.get(first) and printed.get(second)):
            continue
        date = corpus.document(obligation.document).get("date")
        parsed = {lang: deadlines.try_parse(printed[lang], date) for lang in languages}
        if None not in parsed.values() and parsed[first] != parsed[second]:  # (a form the grammar lacks: not compared)
            out.append(Finding("dates", deadline_severity(parsed[first], parsed[second]), obligation.document, obligation.id,
                               "deadline read as " + " / ".join(f"{_deadline_words(parsed[lang])} ({lang})"
                                                                for lang in languages),
                               _texts(languages, printed[first], printed[second])))
    return out


def deadline_severity(first: dict, second: dict) -> str:
    """Two parsed deadlines that differ: "high" when they fall in another month or recur at another
    period ("çdo 3 muaj" / "every six months"); "low" when only the rest differs (a "by" read as a
    "from" of the same month, "ongoing" on one side only)."""
    def month(parsed: dict):
        return parsed.get("by") or parsed.get("from")
    same = month(first) == month(second) and first.get("every_months") == second.get("every_months")
    return "low" if same else "high"


def _deadline_words(parsed: dict) -> str:
    """A parsed deadline in words ("from 2005-09, ongoing")."""
    words = [f"{key} {value}" for key, value in parsed.items() if isinstance(value, str)]
    words += [f"every {value} months" for key, value in parsed.items() if key == "every_months"]
    words += [key.replace("_", " ") for key, value in parsed.items() if value is True]
    return ", ".join(words) or "no date"


def _names(corpus: Corpus, pairs: list[Pair], languages: tuple[str, str]) -> list[Finding]:
    """Names of people: different between the two texts of a clause, or spelled two ways."""
    out = []
    first, second = languages
    seen: list[tuple[str, str, str]] = []  # (name, lang, clause)
    pairwise: list[tuple[str, str]] = []  # (first, second) spellings of one person in one clause
    names = {pair.id: {lang: people(pair.html[lang], pair.id) for lang in languages}
             for pair in pairs if pair.has(*languages)}
    where_second = {fold(name): clause for clause, both in names.items() for name in both[second]}
    moved: dict[frozenset, list[str]] = {}  # a person who signs in another place in the translation
    for pair in (p for p in pairs if p.id in names):
        for lang in languages:
            seen += [(name, lang, pair.id) for name in names[pair.id][lang]]
        folded = {lang: {fold(n) for n in names[pair.id][lang]} for lang in languages}
        only = {lang: [n for n in names[pair.id][lang] if fold(n) not in folded[other]]
                for lang, other in (languages, languages[::-1])}
        for name in only[first]:
            best = max(only[second], key=lambda other: same_person(name, other), default=None)
            elsewhere = where_second.get(fold(name))
            if elsewhere and fold(name) not in {fold(n) for n in names[elsewhere][first]}:
                moved.setdefault(frozenset((pair.id, elsewhere)), []).append(
                    f"{name}: {pair.id} ({first}), {elsewhere} ({second})")
            elif best and same_person(name, best) >= 75:
                pairwise.append((name, best))
                out.append(Finding("names", "medium", pair.document, pair.id,
                                   f"“{name}” ({first}) / “{best}” ({second}): spelled differently",
                                   _texts(languages, snippet(pair.side(first), name), snippet(pair.side(second), best)),
                                   ((first, (name,)), (second, (best,)))))
            else:
                out.append(Finding("names", "high", pair.document, pair.id,
                                   f"“{name}” ({first}) is not named in the {language_name(corpus, second)} text"
                                   + (f", which names “{best}”" if best else ""),
                                   _texts(languages, snippet(pair.side(first), name), snippet(pair.side(second), best)),
                                   ((first, (name,)), (second, (best,) if best else ()))))
    for clauses, places in moved.items():
        out.append(Finding("structure", "low", pairs[0].document, min(clauses),
                           f"people named in a different order: {'; '.join(sorted(places))}", _texts(languages)))
    groups: list[set[tuple[str, str, str]]] = []  # spellings of one person across the document
    for entry in seen:
        for group in groups:
            if any(same_person(entry[0], other[0]) >= 75 and
                   fuzz.ratio(fold(entry[0].split()[0]), fold(other[0].split()[0])) >= 75 for other in group):
                group.add(entry)
                break
        else:
            groups.append({entry})
    reported = [{fold(a), fold(b)} for a, b in pairwise]
    for group in groups:
        spellings = sorted({name.lower() for name, _, _ in group})
        if len(spellings) < 2 or {fold(s) for s in spellings} in reported:
            continue  # one spelling, or the two already reported for their clause
        where = "; ".join(f"{name} ({lang}, {clause})" for name, lang, clause in sorted(group))
        diacritics_only = len({fold(s) for s in spellings}) == 1
        if diacritics_only:
            continue  # one word's diacritics (Cala / Çala): not a difference
        out.append(Finding("names", "low" if diacritics_only else "medium", pairs[0].document,
                           sorted(group, key=lambda e: e[2])[0][2],
                           f"one person, {len(spellings)} spellings"
                           + (" (diacritics only)" if diacritics_only else "") + f": {where}", _texts(languages)))
    return out


# --- meaning: the termbase, negation, modality, lists, length ------------------------------------------

def _words(matches) -> tuple[str, ...]:
    return tuple(dict.fromkeys(m.text for m in matches))


def _meaning(corpus: Corpus, pair: Pair, languages: tuple[str, str], is_duty: bool) -> list[Finding]:
    if not _reads_meaning(corpus, pair):
        return []
    base = termbase(corpus)
    first, second = languages
    text = {lang: without_references(corpus, pair.side(lang), pair.document, lang) for lang in languages}
    if max(len(text[lang]) for lang in languages) > LONG_CLAUSE:
        return []  # (a narrative: its paraphrases are not read word by word; its length is: _lengths)
    found = {lang: base.find(text[lang], lang, base.meaning) for lang in languages}
    checked = {lang: {} for lang in languages}
    for lang in languages:
        for m in found[lang]:
            if base.by_id[m.concept].check:
                checked[lang].setdefault(m.concept, []).append(m)
    only = {lang: [c for c in checked[lang] if c not in checked[other]]
            for lang, other in (languages, languages[::-1])}
    out = []

    def finding(kind, touches, detail, words):
        severity = SEVERITY_OF[touches]
        if kind in ("negation", "modality") and not is_duty:
            severity = "medium"
        out.append(Finding(kind, severity, pair.document, pair.id, detail,
                           _texts(languages, *(snippet(pair.side(lang), (words.get(lang) or (None,))[0]) for lang in languages)),
                           tuple((lang, tuple(words.get(lang, ()))) for lang in languages), touches))

    # a term the termbase says is not the equivalent of the other language's
    for concept in list(only[first]):
        for other in base.by_id[concept].not_:
            if other in only[second] and concept in only[first]:
                a, b = base.by_id[concept], base.by_id[other]
                touches = min(a.touches, b.touches, key=TOUCHES.index)
                finding("terms", touches,
                        f"{a.id.replace('_', ' ')} in {first} (“{'”, “'.join(_words(checked[first][concept]))}”), "
                        f"{b.id.replace('_', ' ')} in {second} (“{'”, “'.join(_words(checked[second][other]))}”): "
                        f"the termbase renders “{a.term.get(first)}” as “{a.term.get(second)}”, not “{b.term.get(second)}”",
                        {first: _words(checked[first][concept]), second: _words(checked[second][other])})
                only[first].remove(concept)
                only[second].remove(other)
    # concepts and qualifiers of scope in one language only
    for kind, wanted in (("concepts", lambda c: c.domain != "qualifier"), ("quantifiers", lambda c: c.domain == "qualifier")):
        concepts = {lang: [base.by_id[c] for c in only[lang] if wanted(base.by_id[c])] for lang in languages}
        if not any(concepts.values()):
            continue
        touches = min((c.touches for lang in languages for c in concepts[lang]), key=TOUCHES.index)
        finding(kind, touches, "; ".join(
            f"{'only in ' if lang == first else ''}{lang}: " + (", ".join(
                f"{c.term.get(TOOLS_LANGUAGE, c.id)} (“{'”, “'.join(_words(checked[lang][c.id]))}”)" for c in concepts[lang]) or "–")
            for lang in languages), {lang: tuple(w for c in concepts[lang] for w in _words(checked[lang][c.id])) for lang in languages})
    # the acts, means and purposes of an offence, counted
    parts = {lang: {m.concept for m in found[lang] if base.by_id[m.concept].domain in LIST_DOMAINS} for lang in languages}
    if all(len(parts[lang]) >= 3 for lang in languages) and len(parts[first]) != len(parts[second]):
        finding("lists", "offence", "the offence lists " + " / ".join(
            f"{len(parts[lang])} acts, means and purposes ({lang})" for lang in languages),
            {lang: tuple(m.text for m in found[lang] if m.concept in parts[lang] - parts[other])
             for lang, other in (languages, languages[::-1])})
    # negation: in one language only
    seen = {lang: base.markers_in("negation", text[lang], lang) for lang in languages}
    if sum(bool(seen[lang]) for lang in languages) == 1:
        lang = next(lang for lang in languages if seen[lang])
        finding("negation", "right", f"negated in {lang} only: “{'”, “'.join(_words(seen[lang]))}”", {lang: _words(seen[lang])})
    # modality: an obligation against none (not even a commitment: "do të", "will"), a permission
    # against an obligation
    marks = {kind: {lang: base.markers_in(kind, text[lang], lang) for lang in languages} for kind in ("obligation", "permission")}
    strong = {lang: [m for m in marks["obligation"][lang] if fold(m.text) not in WEAK_OBLIGATION] for lang in languages}
    for lang, other in (languages, languages[::-1]):
        if strong[lang] and not marks["obligation"][other] and not marks["permission"][other]:
            finding("modality", "duty", f"an obligation in {lang} only: “{'”, “'.join(_words(strong[lang]))}”",
                    {lang: _words(strong[lang])})
        elif marks["permission"][lang] and not marks["permission"][other] and strong[other]:
            finding("modality", "duty", f"a permission in {lang} (“{'”, “'.join(_words(marks['permission'][lang]))}”), "
                    f"an obligation in {other} (“{'”, “'.join(_words(strong[other]))}”)",
                    {lang: _words(marks["permission"][lang]), other: _words(strong[other])})
    return out


def _reads_meaning(corpus: Corpus, pair: Pair) -> bool:
    """The meaning checks and the length read a clause, but a signature block or a glossary's entry."""
    return bool(pair.id) and not part_of(pair.id, "signatures") and not _is_glossary_entry(corpus, pair)


def _length(corpus: Corpus, pair: Pair, languages: tuple[str, str]) -> list[Finding]:
    first, second = languages
    # the length ratio
    lengths = measure_lengths(corpus)
    z = _length_z(corpus, pair, languages)
    if z is not None and abs(z) > LENGTH_DEVIATIONS:
        longer = second if z > 0 else first
        return [Finding("length", "low", pair.document, pair.id,
                        f"{len(pair.side(second))}/{len(pair.side(first))} characters ({second}/{first}): "
                        f"{abs(z):.1f} deviations from the corpus's median ratio {lengths['median']:.2f}; the {longer} text "
                        f"is far longer (a part of one text missing from the other?)",
                        _texts(languages, *(snippet(pair.side(lang)) for lang in languages)), (), "style")]
    return []


def _is_glossary_entry(corpus: Corpus, pair: Pair) -> bool:
    parsed = ClauseId.parse(pair.id) if ClauseId.is_valid(pair.id) else None
    return bool(parsed and parsed.parent and any(g["anchor"] == str(parsed.parent) and g["document"] == pair.document
                                                  for g in corpus.glossaries))


def _ratio(pair: Pair, languages: tuple[str, str]) -> float | None:
    first, second = languages
    if not pair.has(first, second) or min(len(pair.side(first)), len(pair.side(second))) < LENGTH_MINIMUM:
        return None
    return math.log(len(pair.side(second)) / len(pair.side(first)))


def measure_lengths(corpus: Corpus) -> dict:
    """The distribution of the log length ratio (translation / authoritative, in characters) of the
    aligned clauses of at least LENGTH_MINIMUM characters: its median, its MAD (scaled to a standard
    deviation), quantiles of the ratio, and the ratios beyond which a clause is reported."""
    def compute():
        out = {}
        for languages in comparisons(corpus):
            ratios = sorted(r for r in (_ratio(p, languages) for p in all_pairs(corpus)) if r is not None)
            if not ratios:
                continue
            median = statistics.median(ratios)
            mad = 1.4826 * statistics.median(abs(r - median) for r in ratios) or 1e-9
            q = statistics.quantiles(ratios, n=100)
            out[languages] = {"n": len(ratios), "median": math.exp(median), "log_median": median, "mad": mad,
                              "p01": math.exp(q[0]), "p05": math.exp(q[4]), "p95": math.exp(q[94]), "p99": math.exp(q[98]),
                              "low": math.exp(median - LENGTH_DEVIATIONS * mad),
                              "high": math.exp(median + LENGTH_DEVIATIONS * mad)}
        return out
    measured = corpus.memo("length-ratios", compute)
    return measured[comparisons(corpus)[0]] if measured else {"median": 1.0}


def _length_z(corpus: Corpus, pair: Pair, languages: tuple[str, str]) -> float | None:
    ratio = _ratio(pair, languages)
    measured = corpus.memo("length-ratios", lambda: None) or {}
    if ratio is None or languages not in measured:
        return None
    return (ratio - measured[languages]["log_median"]) / measured[languages]["mad"]
