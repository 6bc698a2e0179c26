"""Is it still in force? Officials and trainers see, where they read a text, what public sources say became
of it since 2005 — each effect with its source's address and words, nothing inferred from dates, and
"no later information found (as of <date>)" where nothing was — and the later framework in time order;
the same in Akoma Ntoso (lifecycle, passive modifications), JSON-LD, the open data, the citations and an
Atom feed of the edition's changes per language."""
from __future__ import annotations

import json
import re

import yaml
from lxml import etree

from conftest import DOCUMENTS_2005, ROOT, page, report
from trafiklex.formats import akn, feed
from trafiklex.queries import status
from trafiklex.queries.citations import citation
from trafiklex.queries.obligations import all_obligations
from trafiklex.website.pages import site_pages

STRATEGY, NRM = "child-trafficking-strategy", "nrm-agreement"
ATOM = {"a": "http://www.w3.org/2005/Atom"}


def test_every_document_has_a_status_with_its_sources_or_says_nothing_was_found(corpus):
    """The seven documents of 2005: searched on 6 December 2026, two with effects public sources report;
    every other document likewise, each effect with its source (a public one, or a clause of the edition)."""
    with_effects, none_found, sources, clauses = [], [], set(), set()
    for document in corpus.documents:
        searched = status.searched(corpus, document["id"])
        if document["id"] in DOCUMENTS_2005:
            assert searched == "2026-12-06", document["id"]
        else:
            assert searched is None or re.fullmatch(r"\d{4}-\d\d-\d\d", searched), document["id"]
        found = status.effects(corpus, document["id"])
        for effect in found:
            if effect.in_edition:  # a document of this edition says it, in a clause of its own
                assert corpus.document(effect.by_document) and effect.source == {"document": effect.by_document, "clause": effect.source["clause"]}
                continue
            source = status.source(corpus, effect.source["id"])
            assert re.match(r"https?://", source["url"]) and effect.source["quote"].strip() and all(w.strip() for w in effect.source["where"].values())
            assert set(effect.says) == {"sq", "en"}
            sources.add(source["id"])
            if effect.clause:
                clauses.add((effect.document, effect.clause))
        if document["id"] in DOCUMENTS_2005:
            (with_effects if status.public(found) else none_found).append(document["id"])
    assert with_effects == [STRATEGY, NRM]
    assert none_found == ["order-25-2005", "national-action-plan-2005-2007", "decision-171-2005",
                          "child-trafficking-action-plan", "nrm-annex-1"]
    assert {c for d, c in clauses if d in DOCUMENTS_2005} == {"cc_128-b", "cc_109", "cc_298", "cc_110-1", "art_5__C__1"}
    report("status of the texts", f"{len(status.effects(corpus))} effects on {len(with_effects)} documents, {len(clauses)} clauses "
           f"affected, {len(sources)} distinct sources; {len(none_found)} documents: no later information found (as of 6 December 2026); "
           f"later framework: {len(status.instruments(corpus))} instruments")


def test_an_effects_quote_is_in_the_words_its_source_was_read_in(corpus):
    """The quotations are the sources' own words: each effect's and each statement's quote is part of a
    quotation recorded from that source when it was read (tests/fixtures/status_research.yml), so that
    no quote is edited into something its source does not say."""
    research = _research()
    recorded: dict[str, list[str]] = {}
    for item in research["effects"] + research.get("context", []):
        recorded.setdefault(item["source"], []).append(" ".join(item["quote"].split()))
    for instrument in research["instruments"]:
        for statement in instrument["statements"]:
            recorded.setdefault(statement["source"], []).append(" ".join(statement["quote"].split()))
    # (an effect that a document of this edition declares has a clause of it as its source, not a quotation)
    quotes = [(e.source["id"], e.source["quote"]) for e in status.effects(corpus) if not e.in_edition]
    quotes += [(s["source"], s["quote"]) for i in status.instruments(corpus) for s in i["statements"]]
    for source, quote in quotes:
        assert any(" ".join(quote.split()) in q for q in recorded.get(source, [])), (source, quote)
    report("quotations", f"{len(quotes)} quotations of the data, each in its source's words as recorded (tests/fixtures/status_research.yml)")


def _research() -> dict:
    return yaml.safe_load((ROOT / "tests" / "fixtures" / "status_research.yml").read_text(encoding="utf-8"))


def test_official_reads_the_status_and_each_effect_where_the_text_is_read_in_its_language(site):
    for lang, words in (("sq", ("Efekt i mëvonshëm mbi këtë dispozitë", "Burimi")), ("en", ("Later effect on this provision", "Source"))):
        html = page(site, STRATEGY, lang)
        assert html.count(f'<p class="admonition-title">{words[0]}: ') == 5  # 128/b twice, 109, 298, 110/a
        assert 'id="effect-child-trafficking-strategy-3"' in html and f"{words[1]}: <a href=\"https://sherloc.unodc.org/" in html
        assert '<a class="effect-mark" href="#effect-child-trafficking-strategy-2">' in html  # the mark at Article 128/b
        nrm = page(site, NRM, lang)
        after = nrm.split('id="art_5__C__1"', 1)[1]
        assert after.index('data-kind="later-effect"') < after.index('id="art_5__C__2"')  # the notice at point C.1
    assert "No later information was found about this text (as of 6 December 2026)." in page(site, "nrm-annex-1", "en")


def test_the_due_page_institution_pages_and_the_later_framework_say_what_ended_and_what_followed(site, corpus):
    due = page(site, "obligations", "en")
    dated = {(o.document, o.id): o.due.get("by") or o.due.get("from") for o in all_obligations(corpus) if o.due}
    dated = {key: date for key, date in dated.items() if date}
    assert max(date for (document, _), date in dated.items() if document in DOCUMENTS_2005) == "2006-06"  # the seven of 2005
    last = status.date_words(corpus, max(dated.values()), "en")  # with every other document: the last of all
    assert f"The deadlines are those the documents printed when they were adopted; the last of the dated ones fell in {last}." in due
    assert "Afatet janë ato që shënuan dokumentet kur u miratuan" in page(site, "institutions/molsa", "sq")
    later = page(site, "later-framework", "en")
    ids = re.findall(r'<li id="([a-z0-9-]+)">', later)
    assert ids == [i["id"] for i in status.instruments(corpus)]
    dates = [i.get("date") for i in status.instruments(corpus)]
    assert [d for d in dates if d] == sorted(d for d in dates if d) and dates[-1] is None  # in time order, the undated last
    assert 'follows <a href="#nap-2018-2020">' in later
    assert "https://konsultimipublik.gov.al/Konsultime/Detaje/354" in later


def test_the_printed_editions_carry_the_effects(site):
    import subprocess
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(site / "pdf" / "handbook-en.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    text = " ".join(text.split())
    assert "Article 128/b of the Criminal Code, which this table reproduces, was later amended" in text
    assert "Point C.1 gives the creation of the Responsible Authority to the Ministry of Labour" in text


def test_akoma_ntoso_records_the_lifecycle_and_the_passive_modifications(edition):
    root = etree.fromstring(akn.document_xml(edition, STRATEGY, "en", "2026-12-06"))
    ns = {"a": akn.NS}
    events = [(e.get("date"), e.get("source"), e.get("type")) for e in root.iterfind(".//a:lifecycle/a:eventRef", ns)]
    assert events == [("2005-02-11", "#original", "generation"), ("2007-02-26", "#cc-law-9686-2007", "amendment"),
                      ("2008-01-21", "#cc-law-9859-2008", "amendment"), ("2013-05-02", "#cc-law-144-2013", "amendment")]
    mods = [(m.tag.split("}")[1], m.get("type"), m.find("a:destination", ns).get("href"))
            for m in root.find(".//a:passiveModifications", ns)]
    assert ("meaningMod", "variation", "#cc_128-b") in mods and ("legalSystemMod", "implementation", mods[0][2]) == mods[0]
    assert root.find(".//a:references/a:passiveRef[@eId='cc-law-144-2013']", ns) is not None
    annex = etree.fromstring(akn.document_xml(edition, "nrm-annex-1", "sq", "2026-12-06"))
    assert annex.find(".//a:passiveModifications", ns) is None and len(annex.findall(".//a:lifecycle/a:eventRef", ns)) == 1


def test_jsonld_open_data_and_citations_say_it_only_where_a_source_does(site, corpus):
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', page(site, STRATEGY, "en"), re.S).group(1)
    data = json.loads(block)
    assert "legislationLegalForce" not in data
    article = next(p for p in data["hasPart"] if p["@id"].endswith("~cc_128-b"))
    assert [c["legislationDate"] for c in article["isBasedOn"]["@reverse"]["legislationChanges"]] == ["2008-01-21", "2013-05-02"]
    effects = json.loads((site / "data" / "effects.json").read_text(encoding="utf-8"))["effects"]
    assert len(effects) == len(status.effects(corpus))
    assert all(e["url"].startswith(("http://", "https://")) if e["by_document"] is None else e["url"] is None for e in effects)
    assert (site / "data" / "effects.csv").read_text(encoding="utf-8").startswith('"document","clause","type"')
    assert citation(corpus, STRATEGY, "cc_128-b__2", "en").endswith(
        "[later effect: amended, Law No. 9859 (21 January 2008); amended, Law No. 144 (2 May 2013)]")
    assert "[" not in citation(corpus, STRATEGY, "cc_297__1", "en")


def test_a_reader_follows_the_edition_by_its_atom_feed_in_each_language(site, corpus):
    for lang, path in (("sq", "feed.xml"), ("en", "en/feed.xml")):
        root = etree.fromstring((site / path).read_bytes())
        assert root.tag == "{http://www.w3.org/2005/Atom}feed"
        assert root.get("{http://www.w3.org/XML/1998/namespace}lang").startswith(lang)
        entries = root.findall("a:entry", ATOM)
        # every effect public sources report, and those of the edition's documents once announced; every change
        assert len(entries) == len([e for e in status.effects(corpus) if e.recorded]) + len(corpus.data("changes.yml")["changes"])
        assert all(e.recorded for e in status.effects(corpus) if e.document in DOCUMENTS_2005 and not e.in_edition)
        for entry in entries:
            for child in ("id", "title", "updated", "summary"):
                assert entry.findtext(f"a:{child}", namespaces=ATOM), (lang, child)
        updated = [e.findtext("a:updated", namespaces=ATOM) for e in entries]
        assert updated == sorted(updated, reverse=True)
        links = [e.find("a:link", ATOM).get("href") for e in entries]
        assert f"http://localhost:8000/{'' if lang == 'sq' else 'en/'}child-trafficking-strategy.html#cc_128-b" in links
    # each page names its own language's feed, relative to itself (the 404 page from the site's root)
    assert 'type="application/atom+xml" title="Changes to this edition (Atom feed)" href="../en/feed.xml"' in page(site, "index", "en")
    assert 'type="application/atom+xml" title="Ndryshimet e këtij botimi (kanal Atom)" href="./feed.xml"' in page(site, "index", "sq")
    assert 'href="//' not in (site / "404.html").read_text(encoding="utf-8")
    assert feed.path(corpus, "en") == "en/feed.xml"


def test_the_side_by_side_view_shows_the_effects(edition):
    html = site_pages(edition).page(f"parallel/{STRATEGY}", "en").html
    row = html.split('id="cc_128-b"', 1)[1].split("</tr>", 1)[0]
    assert "Later effect on this provision" in row and "Efekt i mëvonshëm mbi këtë dispozitë" in row
