"""The translator's workbench: divergence report, reference check, staleness, translation memory.

Each kind of divergence has a crafted pair that must be flagged and one that differs only in wording
and must not be; the real documents' known divergences and reference defects must be found."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections import Counter
from datetime import date

import pytest

from conftest import ROOT, page
from trafiklex.translators import divergence, refcheck, staleness
from trafiklex.translators.parallel import Pair, all_pairs, document_pairs
from trafiklex.translators.tmx import segments, tmx

NRM = "nrm-agreement"


def pair(sq: str, en: str, clause: str = "art_5__A__3", document: str = NRM) -> Pair:
    return Pair(document, clause, {"sq": sq, "en": en}, {"sq": f"<p>{sq}</p>", "en": f"<p>{en}</p>"})


def kinds(corpus, *pairs: Pair) -> Counter:
    return Counter(f.kind for f in divergence.compare(corpus, list(pairs)))


# --- one test per kind: flagged, and not flagged when only the wording differs ---------------------

CASES = {
    "structure": (
        [pair("Do te raportoje çdo muaj.", "Report every month.", "art_5__A__3"),
         Pair(NRM, "art_5__A__4", {"sq": "Do te ndihmoje viktimat.", "en": None},
              {"sq": "<p>Do te ndihmoje viktimat.</p>", "en": None})],
        [pair("Do te raportoje çdo muaj.", "Report each month.", "art_5__A__3"),
         pair("Do te ndihmoje viktimat.", "Assist the victims.", "art_5__A__4")],
    ),
    "numbers": (
        [pair("Brenda tre muajsh nga hyrja ne fuqi, per vitet 2005-2007.", "Within six months of entry into force, for 2005-7.")],
        [pair("Brenda tre muajsh nga hyrja ne fuqi, per vitet 2005-2007.", "No later than three months after it takes effect, for 2005-7.")],
    ),
    "dates": (
        [pair("udhezimi i dates 12.10.2004", "the instruction issued on 12 October 2005")],
        [pair("udhezimi i dates 12.10.2004", "the instruction of 12 October 2004")],
    ),
    "names": (
        [pair("e perfaqesuar nga Znj. Vera Leskaj;", "represented by Ms. Vera Lesko;", "art_1__item_5")],
        [pair("e perfaqesuar nga Drejtoresha, Znj. Vera Leskaj;", "whose Director, Ms. Vera Leskaj, represents it;", "art_1__item_5")],
    ),
    "bodies": (
        [pair("Ministria e Puneve te Jashtme do te informoje viktimat.", "The Ministry of Public Order will inform the victims.")],
        [pair("Ministria e Puneve te Jashtme do te informoje viktimat.", "The victims will be told by the Ministry of Foreign Affairs (MFA).")],
    ),
    "references": (
        [pair("duke perdorur listen e MPCS (shih dhe Nenin 5.C.2.).", "using the MoLSA directory (See also Article 5.C. 3.).")],
        [pair("duke perdorur listen e MPCS (shih dhe Nenin 5.C.2.).", "with the directory that MoLSA issued (see Article 5.C.2).")],
    ),
    # the meaning checks (the termbase, data/terms.yml)
    "concepts": (
        [pair("Do te mbroje viktimat.", "Protect victims from retaliation.")],
        [pair("Do te mbroje viktimat nga hakmarrja.", "Protect the victims from retaliation.")],
    ),
    "terms": (
        [pair("Do te mbeshtese sherbimin e kujdestarise.", "Support foster care services.")],
        [pair("Do te mbeshtese sherbimin e kujdestarise.", "Support guardianship services.")],
    ),
    "quantifiers": (
        [pair("Do te intervistoje viktimat ne Pikat e Kalimit Kufitar.", "Interview victims at main Border Crossing Points.")],
        [pair("Do te intervistoje viktimat ne pikat kryesore te kalimit te kufirit.", "Interview victims at the main border crossing points.")],
    ),
    "negation": (
        [pair("Viktimat do te detyrohen te kthehen.", "Victims shall not be required to return.")],
        [pair("Viktimat nuk do te detyrohen te kthehen.", "Victims will not be forced to return.")],
    ),
    "modality": (
        [pair("Intervistuesi mund te kontaktoje familjen.", "The interviewer shall contact the family.")],
        [pair("Intervistuesi duhet te kontaktoje familjen.", "The interviewer must contact the family.")],
    ),
    "lists": (
        [pair("Rekrutimi, transporti dhe mbajtja e personave permes kercenimit.",
              "Recruitment, transportation, harboring or receipt of persons through threat.", "art_2__a")],
        [pair("Rekrutimi, transporti ose fshehja e personave permes kercenimit ose mashtrimit.",
              "Recruitment, transport or harbouring of persons through threat or deception.", "art_2__a")],
    ),
    "length": (
        [pair("Do te raportoje çdo tre muaj tek Koordinatori Kombetar mbi shifrat e viktimave te ndihmuara.",
              "Report every three months to the National Coordinator on the numbers of victims assisted, " * 5)],
        [pair("Do te raportoje çdo tre muaj tek Koordinatori Kombetar mbi shifrat e viktimave te ndihmuara.",
              "Report every three months to the National Coordinator on the numbers of victims assisted.")],
    ),
}


@pytest.mark.parametrize("kind", divergence.KINDS)
def test_a_crafted_divergence_is_flagged_and_a_rewording_is_not(corpus, kind):
    flagged, reworded = CASES[kind]
    assert kinds(corpus, *flagged)[kind] >= 1, f"{kind}: the crafted divergence was not flagged"
    assert kinds(corpus, *reworded) == Counter(), f"{kind}: a pair that differs only in wording was flagged"


def test_every_kind_has_crafted_cases():
    assert set(CASES) == set(divergence.KINDS)


# --- the real documents ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def findings(corpus):
    return divergence.report(corpus)


def _find(findings, document, clause, kind, *words):
    return [f for f in findings if f.document == document and f.clause == clause and f.kind == kind
            and all(w in f.detail for w in words)]


def test_known_divergences_of_the_source_are_found(findings):
    assert _find(findings, NRM, "art_1__item_2", "names", "Natasha Hodaj", "Fatbardha Cako")
    assert _find(findings, NRM, "art_1__item_5", "names", "Vera Leskaj", "Vera Lesko")
    assert _find(findings, NRM, "art_1__item_7", "names", "Mauricio Busati", "Maurizio Busatti")
    assert _find(findings, NRM, "art_5__A__10", "numbers", "2009")
    assert _find(findings, "child-trafficking-strategy", "sec_V__p_1", "numbers", "2004, 2006", "2005, 2007")
    assert _find(findings, "child-trafficking-strategy", "cc_114-b__4", "numbers", "life")
    assert _find(findings, "child-trafficking-strategy", "sec_IX", "structure", "IX in Albanian, X in English")
    assert _find(findings, "child-trafficking-action-plan", "sec_1__obj_5__act_3", "structure", "Albanian text only")
    assert _find(findings, "child-trafficking-action-plan", "sec_4__obj_1__act_1", "bodies", "responsible")
    # one word's diacritics are not a difference (MPCS / MPÇS, Cala / Çala): the transcription keeps them as printed
    assert not [f for f in findings if "diacritics only" in f.detail]
    assert not _find(findings, "child-trafficking-action-plan", "sec_1__obj_2__act_4", "names", "MPCS", "MPÇS")
    # the meaning checks: the examples
    assert _find(findings, "child-trafficking-strategy", "sec_VII__item_2__p_1", "terms", "legal person", "legislative body")
    assert _find(findings, "child-trafficking-action-plan", "sec_3__obj_1__act_4", "concepts", "retaliation")
    for clause in ("art_5__A__2", "art_5__B__5", "art_5__C__2"):
        assert _find(findings, NRM, clause, "quantifiers", "main")
    assert len([f for f in findings if f.kind == "terms" and "guardianship" in f.detail and "foster care" in f.detail]) >= 5
    assert _find(findings, "child-trafficking-strategy", "cc_110-1__1", "lists")
    # who proposed the decision: the Prime Minister (sq), the Minister of State for Coordination (en)
    assert _find(findings, "decision-171-2005", "preamble", "bodies", "only in sq: Prime Minister",
                 "Minister of State for Coordination")
    # the English-only transmission letter is one finding, not one per part of it
    assert _find(findings, "decision-171-2005", "transmission", "structure", "English text only")
    assert not [f for f in findings if f.clause.startswith("transmission__")]
    # each glossary is in its own language's alphabetical order: no finding on the order
    assert not [f for f in findings if "different order" in f.detail and "sec_4" == f.clause]
    assert _find(findings, "decision-171-2005", "signatures__1", "structure", "FATOS NANO", "MARKO BELLO")
    assert _find(findings, "national-action-plan-2005-2007", "sec_1__p_4", "numbers", "12")


def test_the_report_is_short_enough_to_read_and_says_what_it_compares(findings):
    # tuned on these documents: 36 findings of form, and about 170 of meaning (the termbase); a jump
    # means a new source of noise (or new text)
    assert 30 <= sum(f.kind not in divergence.MEANING_KINDS for f in findings) <= 45, Counter(f.kind for f in findings)
    assert 120 <= sum(f.kind in divergence.MEANING_KINDS for f in findings) <= 220, Counter(f.kind for f in findings)
    for f in findings:
        assert f.kind in divergence.KINDS and f.severity in divergence.SEVERITIES and f.detail
    # plural and inflected acronyms (NGO/NGOs, OJF-te/OJF-ve) are one spelling, not a finding
    assert not [f for f in findings if "“NGO”" in f.detail or "OJF-te" in f.detail]


def test_the_divergence_command_has_json_output_and_a_strict_mode():
    command = [sys.executable, "-m", "trafiklex.translators.translations_cli", "divergences", "--json"]
    relaxed = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert relaxed.returncode == 0, relaxed.stderr
    items = json.loads(relaxed.stdout)
    assert {"kind", "severity", "document", "clause", "detail", "sq", "en"} <= set(items[0])
    strict = subprocess.run(command + ["--strict"], cwd=ROOT, capture_output=True, text=True)
    assert strict.returncode == 1


# --- the reference check ---------------------------------------------------------------------------

def test_the_reference_defects_of_the_source_are_reported(corpus):
    problems = {(p.problem, p.clause, p.target): p for p in refcheck.check(corpus)}
    assert set(problems) == {
        ("self", "art_5__B__16", f"{NRM}#art_5__B__16"),
        ("elsewhere", "art_6__p_1", f"{NRM}#art_5__A__15"),
        ("elsewhere", "art_6__p_1", f"{NRM}#art_5__B__16"),
        ("elsewhere", "art_5__B__3", f"{NRM}#art_5__C__3"),
        ("omitted", "sec_1__p_11", "national-action-plan-2005-2007#sec_3"),
    }
    assert problems[("elsewhere", "art_6__p_1", f"{NRM}#art_5__B__16")].nearest == f"{NRM}#art_5__B__15"
    assert problems[("elsewhere", "art_6__p_1", f"{NRM}#art_5__A__15")].nearest == f"{NRM}#art_5__A__14"
    assert problems[("self", "art_5__B__16", f"{NRM}#art_5__B__16")].languages == "sq en"


def test_a_reference_to_a_missing_clause_is_reported_and_one_to_an_existing_clause_is_not(corpus):
    crafted = [pair("Shih Nenin 5.D.9 per kete.", "See Article 5.D.9 on this.", "art_5__A__2")]
    problems = refcheck.check(corpus, crafted)
    assert [(p.problem, p.target, p.languages) for p in problems] == [("nowhere", f"{NRM}#art_5__D__9", "sq en")]
    existing = [pair("Shih Nenin 5.D.2 per kete.", "See Article 5.D.2 on this.", "art_5__A__2")]
    assert refcheck.check(corpus, existing) == []


# --- staleness -----------------------------------------------------------------------------------

@pytest.fixture
def project_copy(tmp_path):
    for folder in ("data", "docs", "sources", "translations", "locales"):
        shutil.copytree(ROOT / folder, tmp_path / folder, ignore=shutil.ignore_patterns("institutions", "parallel", "topics"))
    return tmp_path


def _translations(root, *args):
    result = subprocess.run([sys.executable, "-m", "trafiklex.translators.translations_cli", "--root", str(root), *args],
                            cwd=ROOT, capture_output=True, text=True)
    return result


def test_every_clause_of_this_edition_is_reviewed(corpus):
    assert staleness.stale(corpus, all_pairs(corpus), staleness.load(ROOT)) == []


def test_changing_a_clause_flags_its_counterpart_until_it_is_reviewed(project_copy):
    source = project_copy / "docs" / "sq" / "order-25-2005.md"
    text = source.read_text(encoding="utf-8")
    assert "2\\. Ngarkohet Komiteti Shtetëror" in text
    source.write_text(text.replace("2\\. Ngarkohet Komiteti Shtetëror", "2\\. Ngarkohet Komiteti Kombëtar"), encoding="utf-8")

    listed = _translations(project_copy, "stale", "--json", "--strict")
    assert listed.returncode == 1, listed.stderr
    stale = json.loads(listed.stdout)
    assert [(s["document"], s["clause"], s["status"]) for s in stale] == [("order-25-2005", "point_2", "review-en")]
    assert "the Albanian changed" in stale[0]["detail"]

    reviewed = _translations(project_copy, "review", "order-25-2005#point_2")
    assert reviewed.returncode == 0, reviewed.stderr
    after = _translations(project_copy, "stale", "--json", "--strict")
    assert after.returncode == 0 and json.loads(after.stdout) == []


def test_a_removed_clause_is_flagged_and_reviewing_everything_drops_it(corpus):
    reviews = staleness.load(ROOT)
    reviews["order-25-2005"] = {**reviews["order-25-2005"], "point_9": {"sq": "0", "en": "0", "reviewed": "2026-01-01"}}
    pairs = all_pairs(corpus)
    assert [(s.key, s.status) for s in staleness.stale(corpus, pairs, reviews)] == [("order-25-2005#point_9", "removed")]
    updated, problems = staleness.review(pairs, reviews, None, date(2026, 11, 28))
    assert problems == [] and "point_9" not in updated["order-25-2005"]
    assert staleness.stale(corpus, pairs, updated) == []


def test_reviewing_an_unknown_clause_fails_clearly(project_copy):
    result = _translations(project_copy, "review", "order-25-2005#point_9")
    assert result.returncode == 2
    assert "no clause 'order-25-2005#point_9' to mark reviewed" in result.stderr
    assert "Traceback" not in result.stderr


# --- translation memory ----------------------------------------------------------------------------

def test_the_translation_memory_parses_back_with_one_unit_per_aligned_clause(corpus, tmp_path):
    from translate.storage.tmx import tmxfile

    pairs = all_pairs(corpus)
    path = tmp_path / "memory.tmx"
    path.write_bytes(tmx(corpus, pairs, "20050718T000000Z"))
    units = [u for u in tmxfile(path.open("rb")).units if not u.isheader()]
    aligned = [p for p in pairs if p.id and p.side("sq") and p.side("en")]
    assert len(units) == len(segments(corpus, pairs)) == len(aligned) > 300
    by_id = {u.getid(): u for u in units}
    unit = by_id[f"{NRM}#art_5__B__16"]
    assert unit.source.startswith("16) Per qellim te raportimit te kerkuar ne B.16 me siper")
    assert unit.target.startswith("16) For the purpose of the reporting required in B.16 above")


def test_the_site_offers_the_translation_memory_and_the_side_by_side_views(site, corpus):
    from translate.storage.tmx import tmxfile

    units = [u for u in tmxfile((site / "data" / "translation-memory.tmx").open("rb")).units if not u.isheader()]
    assert len(units) == len(segments(corpus, all_pairs(corpus)))
    report = json.loads((site / "data" / "divergences.json").read_text(encoding="utf-8"))
    assert len(report) == len(divergence.report(corpus))
    for lang in ("sq", "en"):
        translations = page(site, "translations", lang)
        assert 'href="' + ("" if lang == "sq" else "../") + 'data/translation-memory.tmx"' in translations
        document = page(site, "nrm-agreement", lang)
        assert 'class="parallel-link" href="parallel/nrm-agreement.html"' in document
        view = page(site, "parallel/nrm-agreement", lang)
        # every clause of the agreement is a row, anchored by the same id as on the document page
        for p in document_pairs(corpus, NRM):
            if p.id:
                assert re.search(rf'<tr id="{p.id}"(?: class="has-findings")?>', view), p.id
        assert '<td lang="sq" ' in view and '<td lang="en" ' in view


def test_a_clause_in_one_language_only_is_a_gap_in_the_side_by_side_view(site):
    from trafiklex.core.htmltext import parse

    row = parse(page(site, "parallel/child-trafficking-action-plan", "en")).find("tr", id="sec_1__obj_5__act_3")
    header, albanian, english = [c for c in row.children if getattr(c, "tag", None) in ("th", "td")]
    assert header.find("a").text().strip() == "Section 1, objective 5, activity 3"
    assert "Structure · high" in header.text()  # the finding's badge: printed in one language only
    assert albanian.attrs.get("lang") == "sq" and "prinder te divorcuar" in albanian.text()
    assert "parallel-gap" in english.classes and english.text().strip() == "Not in the English text."


def test_a_link_to_a_row_of_the_side_by_side_view_shows_the_whole_row_below_the_sticky_header(server, tab):
    """A translator follows a link to NRM 5.A.4 in the side-by-side view: the row starts below the
    table's sticky column headings, with both languages of the commitment in view."""
    tab.set_viewport_size({"width": 1300, "height": 1000})
    tab.goto(f"{server}/parallel/nrm-agreement.html#art_5__A__4")
    tab.wait_for_timeout(300)
    row = tab.locator("tr#art_5__A__4").bounding_box()
    heading = tab.locator("table.parallel thead th").first.bounding_box()
    assert row["y"] >= heading["y"] + heading["height"] - 1
    assert row["y"] + row["height"] <= 1000
    assert "Ensure that all Albanian deportees" in tab.locator("tr#art_5__A__4 td[lang=en]").inner_text()


def test_the_side_by_side_summary_counts_clauses_not_rows(site):
    """The National Action Plan's glossary prints eight abbreviations in another order in each language
    (each is two one-sided rows): they are clauses in both languages, not one-language clauses."""
    view = page(site, "parallel/national-action-plan-2005-2007", "en")
    assert ("101 clauses: 99 in both languages (of which 8 printed in another place), 2 in Albanian only, "
            "0 in English only.") in view


def test_an_edited_page_refreshes_what_was_derived_from_it_while_the_data_stays_loaded():
    """Under `mkdocs serve` the corpus stays loaded between builds; the side-by-side pairs and the
    reports read the pages, so editing a page drops them (and keeps the loaded data)."""
    import os
    from trafiklex.data import corpus as corpus_module

    loaded = corpus_module.cached(ROOT)
    first = document_pairs(loaded, "order-25-2005")
    assert document_pairs(loaded, "order-25-2005") is first  # computed once
    source = ROOT / "docs" / "en" / "order-25-2005.md"
    times = source.stat()
    try:
        os.utime(source, ns=(times.st_atime_ns, times.st_mtime_ns + 1_000_000_000))
        again = corpus_module.cached(ROOT)
        assert again is loaded and document_pairs(again, "order-25-2005") is not first
    finally:
        os.utime(source, ns=(times.st_atime_ns, times.st_mtime_ns))


def test_an_edited_translators_file_or_source_text_refreshes_what_was_derived(tmp_path):
    """Under `mkdocs serve` (which watches translations/ and sources/), a reason given for an accepted
    finding shows in the report built next, and a source text edited reloads the corpus (its files are
    checked as it loads). They did not: the corpus and what was derived from it stayed as they were, so
    the rebuilt pages showed the reason as it had been."""
    from conftest import copy_project
    from trafiklex.data import corpus as corpus_module

    root = copy_project(tmp_path)
    loaded = corpus_module.cached(root)
    reason = "“në këto 12 muajt e fundit” and “over the last year” say the same period;"
    assert sum(reason.rstrip(";") in f.accepted for f in divergence.report(loaded)) == 1
    accepted = root / "translations" / "accepted.yml"
    accepted.write_text(accepted.read_text(encoding="utf-8").replace(reason, reason[:-1] + " (reviewed again);"),
                        encoding="utf-8")
    again = corpus_module.cached(root)
    assert again is loaded  # (the data were not reloaded: what was derived from them was dropped)
    assert [f.clause for f in divergence.report(again) if "say the same period (reviewed again)" in f.accepted] == ["sec_1__p_4"]
    source = root / "sources" / "sq" / f"{loaded.document('nrm-agreement')['source']}.txt"
    source.write_text(source.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert corpus_module.cached(root) is not loaded


def test_a_missing_page_stops_the_translator_tools_with_a_clear_message(project_copy):
    (project_copy / "docs" / "en" / "decision-171-2005.md").unlink()
    result = _translations(project_copy, "divergences")
    assert result.returncode == 2
    assert "docs/en/decision-171-2005.md: the page is missing" in result.stderr
    assert "Traceback" not in result.stderr


# --- accepted findings ------------------------------------------------------------------------------

def test_findings_that_tie_on_document_kind_clause_and_texts_have_one_order():
    """Two findings the same but for what the meaning checks give (severity, words, what they touch)
    are in one order whatever order they come in: the report's findings come from a set, whose order
    follows the process's string hashes."""
    first = divergence.Finding("modality", "high", "nrm-agreement", "art_3", "a word differs",
                               (("sq", "detyrohen"), ("en", "may")), (("sq", ("detyrohen",)), ("en", ("may",))), "duty")
    second = divergence.Finding("modality", "low", "nrm-agreement", "art_3", "a word differs",
                                (("sq", "detyrohen"), ("en", "may")), (("sq", ("detyrohen",)), ("en", ("may",))), "style")
    documents = ["order-25-2005", "nrm-agreement"]
    assert divergence.in_order([first, second], documents) == divergence.in_order([second, first], documents) == [first, second]


def test_accepted_findings_are_shown_as_accepted_and_strict_fails_only_on_new_ones(corpus, project_copy):
    findings = divergence.report(corpus)
    accepted = [f for f in findings if f.accepted]
    assert len(accepted) >= 5 and all(len(f.accepted) >= 10 for f in accepted)
    assert _find(findings, "national-action-plan-2005-2007", "sec_1__p_4", "numbers", "12")[0].accepted
    # accept every finding but one: --strict fails on that one only
    keys = sorted({(f.document, f.clause, f.kind) for f in findings})
    lines = ["# yaml-language-server: $schema=../schemas/accepted.schema.json", "accepted:"]
    lines += [f'  - {{document: {d}, clause: "{c}", kind: {k}, reason: "read together and accepted", reviewed: "2026-11-30"}}'
              for d, c, k in keys[1:]]
    (project_copy / "schemas").mkdir(exist_ok=True)
    (project_copy / "translations" / "accepted.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    strict = _translations(project_copy, "divergences", "--json", "--strict")
    assert strict.returncode == 1, strict.stderr
    items = json.loads(strict.stdout)
    assert [(i["document"], i["clause"], i["kind"]) for i in items if not i["accepted"]] == \
        [keys[0]] * sum(1 for f in findings if (f.document, f.clause, f.kind) == keys[0])
    lines.insert(2, f'  - {{document: {keys[0][0]}, clause: "{keys[0][1]}", kind: {keys[0][2]}, reason: "read together and accepted", reviewed: "2026-11-30"}}')
    (project_copy / "translations" / "accepted.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert _translations(project_copy, "divergences", "--strict").returncode == 0


def test_an_accepted_finding_on_a_clause_that_does_not_exist_stops_with_its_place(project_copy):
    path = project_copy / "translations" / "accepted.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("clause: art_2__b", "clause: art_2__zz"), encoding="utf-8")
    result = _translations(project_copy, "divergences")
    assert result.returncode == 2
    assert "translations/accepted.yml" in result.stderr and "art_2__zz" in result.stderr


def test_the_tbx_command_writes_the_termbase(tmp_path):
    out = tmp_path / "terms.tbx"
    result = _translations(ROOT, "tbx", "--output", str(out))
    assert result.returncode == 0, result.stderr
    assert b'type="TBX-Basic"' in out.read_bytes() and "concepts in" in result.stderr


@pytest.mark.parametrize("first, second, severity", [
    ({"every_months": 3}, {"every_months": 6}, "high"),                # another period: "çdo 3 muaj" / "every six months"
    ({"every_months": 12}, {"ongoing": True}, "high"),                 # recurring on one side only
    ({"by": "2005-12"}, {"by": "2006-03"}, "high"),                    # another month
    ({"by": "2005-12"}, {"from": "2005-12"}, "low"),                   # the same month, read as "by" and as "from"
    ({"by": "2005-12", "ongoing": True}, {"by": "2005-12"}, "low"),    # "ongoing" on one side only
])
def test_a_deadline_that_differs_is_rated_by_what_differs(first, second, severity):
    assert divergence.deadline_severity(first, second) == severity
