"""Officials ask one question: what does my institution have to do, and by when?

The expected obligations below were read by hand from the printed source (sources/), not from the
data: the responsible-bodies cells of the action plan and the parties of NRM Article 5.
"""
from __future__ import annotations

import csv
import io
import json

import pytest
import yaml

from conftest import DOCUMENTS_2005, ROOT, page, report
from trafiklex.core import deadlines
from trafiklex.formats.exports import CSV_ROWS, DERIVED, datasets
from trafiklex.core.htmltext import parse
from trafiklex.queries.obligations import for_institution

PLAN, NRM = "child-trafficking-action-plan", "nrm-agreement"

HAND_READ = {
    # Ministry of Foreign Affairs (MPJ / MFA). Action plan cells naming it, in both languages:
    #   1: "MRP, DPPSH , MPJ" / "MoPO, ASP, MFA" (objective 2, activities 1 and 2);
    #      "MRP, DPPSH , MPCS,MPJ" / "MoPO, ASP, MoLSA, MFA" (objective 2, activity 5)
    #   4: "MPJ, MRP, MPCS" / "GPO, MoJ, MoPO, MFA" (1); "MPÇS,MPJ, MSH" / "MoLSA, MFA, MoS" (5);
    #      "MPJ" / "MFA" (6, 7)
    #   5: "MPJ, MRP, MPÇS,MSH" / "MFA, MoPO, MoLSA, MoS" (4)
    # NRM Article 5, party D (Ministry of Foreign Affairs/Consular Directorate): points 1–6.
    "mfa": {f"{PLAN}#sec_1__obj_2__act_{k}" for k in (1, 2, 5)}
           | {f"{PLAN}#sec_4__obj_1__act_{k}" for k in (1, 5, 6, 7)}
           | {f"{PLAN}#sec_5__act_4"} | {f"{NRM}#art_5__D__{k}" for k in range(1, 7)},
    # Ministry of Justice (MD / MoJ): section 3 cells "MRP, MD, PP" (2), "MD, PP, MRP" (3), "MD, MRP, PP" (4),
    # "MRP, PP, MED" / "MoPO, GPO, MoJ" (5), "MD, MRP, PP,MPÇS" (6), "MD,MPCS,PP" (9); and two English-only
    # cells: section 2 "MoLSA, MoS, MoJ, GPO" (objective 1, activity 3), section 4 "GPO, MoJ, MoPO, MFA" (1).
    "moj": {f"{PLAN}#sec_3__obj_1__act_{k}" for k in (2, 3, 4, 5, 6, 9)}
           | {f"{PLAN}#sec_2__obj_1__act_3", f"{PLAN}#sec_4__obj_1__act_1"},
    # Adoption Committee ("Komiteti i Biresimit" / "Adoption Committee"): section 2, objective 4, activity 4.
    "adoption_committee": {f"{PLAN}#sec_2__obj_4__act_4"},
}
ENGLISH_ONLY = {"moj": {f"{PLAN}#sec_2__obj_1__act_3", f"{PLAN}#sec_4__obj_1__act_1"}}


def _listed(html: str) -> dict[str, str]:
    """The obligations an institution page lists: clause → the row's text."""
    root = parse(html)
    return {row.attrs["data-clause"]: " ".join(row.text().split())
            for row in root.find_all("tr") if "data-clause" in row.attrs}


@pytest.mark.parametrize("lang", ["sq", "en"])
@pytest.mark.parametrize("institution", list(HAND_READ))
def test_official_finds_every_obligation_of_their_institution(site, corpus, institution, lang):
    listed = _listed(page(site, f"institutions/{institution}", lang))
    assert {c for c in listed if c.split("#")[0] in DOCUMENTS_2005} == HAND_READ[institution]  # hand-read: the seven of 2005
    assert {c for c in listed if c.split("#")[0] not in DOCUMENTS_2005} == {  # every other document: its obligations of the body
        f"{o.document}#{o.id}" for o in for_institution(corpus, institution) if o.document not in DOCUMENTS_2005}
    only = "only in the English text" if lang == "en" else "vetëm në tekstin anglez"
    for clause in ENGLISH_ONLY.get(institution, ()):
        assert only in listed[clause]
    report("institution pages (obligations listed, hand-read from the source)",
           f"{lang} {institution:<20} {len(listed)}")


def test_official_sees_the_deadline_as_printed_and_parsed(site):
    listed = _listed(page(site, "institutions/adoption_committee", "sq"))
    row = listed[f"{PLAN}#sec_2__obj_4__act_4"]
    assert "Monitorimi dhe ndjekja e rasteve te biresimit" in row
    assert "ne vazhdimesi dhe rast pas rasti" in row and "në vazhdimësi, rast pas rasti" in row


def test_due_table_marks_what_one_language_says_and_the_other_does_not(site):
    """The deadline computed from the Albanian text is marked where the English reads otherwise, and
    a body named by one language's text only is marked so, as on the institution pages."""
    rows = {row.attrs["data-clause"]: row.text() for row in parse(page(site, "obligations", "en")).find_all("tr")
            if "data-clause" in row.attrs}
    deadline = rows[f"{PLAN}#sec_3__obj_1__act_2"]
    assert "Up to Sept 2005, and ongoing" in deadline
    assert "from 2005-09, ongoing (as the Albanian text reads; the English differs)" in deadline
    assert sum("as the Albanian text reads" in text for clause, text in rows.items() if clause.split("#")[0] in DOCUMENTS_2005) == 1
    assert "State Committee" in rows["child-trafficking-strategy#sec_IX__item_3"]
    assert "(only in the English text)" in rows["child-trafficking-strategy#sec_IX__item_3"]


def test_directory_counts_obligations_per_institution(site, corpus):
    root = parse(page(site, "institutions", "en"))
    rows = {row.attrs["id"]: [c.text().strip() for c in row.children if getattr(c, "tag", "") == "td"]
            for row in root.find("table", cls="directory").find_all("tr") if "id" in row.attrs}
    later = {body: sum(1 for o in for_institution(corpus, body) if o.document not in DOCUMENTS_2005) for body in ("mfa", "moj", "adoption_committee")}
    # those of the seven documents of 2005, and of every other document likewise
    assert rows["mfa"][-1] == str(14 + later["mfa"]) and rows["moj"][-1] == str(8 + later["moj"])
    assert rows["adoption_committee"][-1] == str(1 + later["adoption_committee"])
    assert rows["molsa"][1] == "MoLSA, Molsa, MOLSA / MPCS, MPÇS"


def test_every_printed_deadline_parses():
    data = yaml.safe_load((ROOT / "data" / "documents" / "child-trafficking-action-plan" / "activities.yml").read_text(encoding="utf-8"))
    printed = [a["deadline"][lang] for s in data["sections"] for group in [s.get("objectives", []), [s]]
               for o in group for a in o.get("activities", []) for lang in a["deadline"]]
    assert len(printed) == 139  # 70 Albanian and 69 English activities
    kinds = {json.dumps(deadlines.parse(p), sort_keys=True) for p in printed}
    assert '{"by": "2006-06"}' in kinds and '{"case_by_case": true, "ongoing": true}' in kinds
    with pytest.raises(deadlines.DeadlineError):
        deadlines.parse("sa me shpejt")


def test_reference_links_land_on_existing_clauses(site, corpus):
    """Every internal reference turned into a link points at an anchor that exists."""
    checked = 0
    for document in corpus.documents:
        for lang in ("sq", "en"):
            root = parse(page(site, document["page"], lang))
            for link in root.find_all("a", cls="ref"):
                target_page, _, anchor = link.attrs["href"].partition("#")
                name = target_page.removesuffix(".html") if target_page else document["page"]
                target = parse(page(site, name, lang))
                assert not anchor or target.find(id=anchor), f"{document['page']} {lang}: {link.attrs['href']}"
                checked += 1
    assert checked >= 60
    report("internal references linked", f"{checked} links checked")


def test_acronym_expands_in_the_page_language(site):
    sq = parse(page(site, "national-action-plan-2005-2007", "sq"))
    en = parse(page(site, "national-action-plan-2005-2007", "en"))
    sq_md = next(a for a in sq.find_all("abbr") if a.text() == "MD")
    en_md = next(a for a in en.find_all("abbr") if a.text() == "MD")
    assert sq_md.attrs["title"] == "Ministria e Drejtesise"       # the Albanian glossary: Ministry of Justice
    assert en_md.attrs["title"] == "Ministry of Defense"           # the English glossary: Ministry of Defence
    running = parse(page(site, "child-trafficking-action-plan", "en")).find(id="sec_1__obj_3__act_3")
    moes = [a for a in running.find_all("abbr") if a.text() == "MoES" and "title" in a.attrs]
    assert moes and moes[0].attrs["title"] == "Ministry of Education and Science"  # in the activity's text
    assert moes[0].attrs["tabindex"] == "0"


def test_acronym_in_the_other_language_expands_as_that_language_means_it(site):
    """"MD" is the Ministry of Justice in Albanian and the Ministry of Defence in English: in a cell
    or passage marked as the other language, the acronym is read in that language."""
    def titles(page_name: str, lang: str, inside_lang: str) -> set[str]:
        root = parse(page(site, page_name, lang))
        return {a.attrs["title"] for cell in root.iter() if cell.attrs.get("lang") == inside_lang
                for a in cell.find_all("abbr")
                if a.text() == "MD"}
    assert titles("institutions/mod", "sq", "en") == {"Ministria e Mbrojtjes"}
    assert titles("institutions/moj", "en", "sq") == {"Ministry of Justice"}
    # the notes that explain the two meanings quote the acronyms as they are, with no expansion
    notes = parse(page(site, "national-action-plan-2005-2007", "en")).find_all(cls="editorial-note")
    assert [a.text() for note in notes for a in note.find_all("abbr")] == []


def test_timeline_shows_every_activity_once_and_links_it(site, corpus):
    """One dot per activity of the action plan, linking to the activity and named by its printed
    numbering; an ongoing duty's arrow crosses no other dot."""
    for lang in ("sq", "en"):
        svg = parse(page(site, "obligations", lang)).find("svg", cls="timeline")
        links = svg.find_all("a")
        hrefs = [a.attrs["href"].partition("#")[2] for a in links]
        assert sorted(hrefs) == sorted(activity["id"] for _, _, _, activity in corpus.activities())
        first = next(a for a in svg.find_all("a") if a.attrs["href"].endswith("#sec_1__obj_1__act_1"))
        assert first.attrs["aria-label"].startswith({"sq": "Seksioni 1, objektivi 1, aktiviteti 1: ",
                                                     "en": "Section 1, objective 1, activity 1: "}[lang])
        dots = [(float(c.attrs["cx"]), float(c.attrs["cy"])) for c in svg.find_all("circle")]
        arrows = [(float(l.attrs["x1"]), float(l.attrs["x2"]), float(l.attrs["y1"])) for l in svg.find_all("line", cls="continues")]
        continuing = [d for d, _, _, a in corpus.activities() if a["due"].get("ongoing") and (a["due"].get("by") or a["due"].get("from"))]
        assert len(arrows) == len(continuing) and sum(d in DOCUMENTS_2005 for d in continuing) == 9  # 9 of the seven of 2005
        crossed = [(x, y) for x, y in dots for x1, x2, ay in arrows if y == ay and x1 < x < x2]
        assert crossed == []
    only_sq = parse(page(site, "obligations", "en")).find("svg", cls="timeline")
    label = next(a for a in only_sq.find_all("a") if a.attrs["href"].endswith("#sec_1__obj_5__act_3")).attrs["aria-label"]
    assert "(only in the Albanian text)" in label


@pytest.mark.parametrize("name", datasets())
def test_downloads_parse_back_and_match_the_data(site, corpus, name):
    folder = site / "data"
    from_yaml = yaml.safe_load((folder / f"{name}.yml").read_text(encoding="utf-8"))
    from_json = json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))
    expected = {name: DERIVED[name](corpus)} if name in DERIVED else corpus.data(f"{name}.yml")
    assert from_yaml == expected and from_json == expected
    assert (folder / f"{name}.yml").read_text(encoding="utf-8").startswith(f"# yaml-language-server: $schema={name}.schema.json")
    if name in CSV_ROWS:
        rows = list(csv.DictReader(io.StringIO((folder / f"{name}.csv").read_text(encoding="utf-8"))))
        assert rows == [{k: str(v) for k, v in row.items()} for row in CSV_ROWS[name](corpus)]
        report("open data: CSV rows", f"{name:<16} {len(rows)} rows")


def test_ngo_downloads_every_clause_with_its_text_notes_and_references(site):
    """The edition model as open data: every clause printed in each language, with its kind, label,
    text, editorial notes, bodies and references."""
    clauses = json.loads((site / "data" / "clauses.json").read_text(encoding="utf-8"))["clauses"]
    by_key = {(c["document"], c["language"], c["id"]): c for c in clauses}
    commitment = by_key[("nrm-agreement", "en", "art_5__A__4")]
    assert commitment["kind"] == "commitment" and commitment["label"] == "Article 5, A.4" and commitment["parent"] == "art_5__A"
    assert commitment["bodies"] == ["mopo", "asp"] and commitment["printed_in"] == ["sq", "en"]
    assert commitment["text"].startswith("4) Ensure that all Albanian deportees")
    referring = [c for c in clauses if "nrm-agreement#art_5__C__2" in c["references"]]
    assert {c["language"] for c in referring} == {"sq", "en"}
    assert by_key[("decision-171-2005", "en", "transmission")]["printed_in"] == ["en"]
    assert ("decision-171-2005", "sq", "transmission") not in by_key
    noted = [c for c in clauses if c["notes"]]
    report("open data: clauses", f"{len(clauses)} clause records, {len(noted)} with editorial notes, "
           f"{sum(bool(c['references']) for c in clauses)} with references")


def test_activities_csv_names_bodies_by_id_and_name(site, corpus):
    rows = list(csv.DictReader(io.StringIO((site / "data" / "activities.csv").read_text(encoding="utf-8"))))
    assert len([r for r in rows if r["document"] in DOCUMENTS_2005]) == 70  # the seven of 2005; and every other's
    assert len(rows) == len(list(corpus.activities()))
    first = rows[0]
    assert first["id"] == "sec_1__obj_1__act_1"
    assert first["responsible_ids_sq"] == "mopo; asp"
    assert first["responsible_names_en"] == "Ministry of Public Order; Albanian State Police (General Directorate of State Police)"
    assert first["due_by"] == "2005-12"
    only = next(r for r in rows if r["id"] == "sec_1__obj_5__act_3")
    assert only["only_in"] == "sq" and only["text_en"] == ""
