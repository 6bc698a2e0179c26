"""From paper back to the web (issue 18): in the handbooks, the bilingual edition and the institution
sheets built with the site, every document and every article-level heading carries its permalink
(SITE_URL + page + #clause) as a real link annotation, and each document's opening page (a sheet's
first page) a QR code of its permalink, read back here with a QR decoder (zxing-cpp) from the page
as pdftoppm draws it."""
from __future__ import annotations

import subprocess

import pypdf
import pytest
import zxingcpp

from conftest import DOCUMENTS_2005, report
from trafiklex.data.environment import DEFAULT_SITE_URL
from trafiklex.model.edition import edition_of
from trafiklex.queries.obligations import for_institution
from trafiklex.core import print_paths as paths
from trafiklex.pdf import permalinks, sheets

SITE = DEFAULT_SITE_URL  # the test build sets no SITE_URL


def link_uris(path) -> list[str]:
    """The URI of every link annotation of the PDF, page by page, in order."""
    out = []
    for page in pypdf.PdfReader(path).pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            action = annotation.get("/A")
            if annotation.get("/Subtype") == "/Link" and action is not None and "/URI" in action:
                out.append(str(action["/URI"]))
    return out


def qr_codes(path, page_numbers: list[int], resolution: int = 150) -> dict[int, list[str]]:
    """The QR codes decoded on each of the pages (1-based), as drawn at `resolution` dpi in grey."""
    found = {}
    for number in page_numbers:
        image = subprocess.run(["pdftoppm", "-r", str(resolution), "-gray", "-f", str(number), "-l", str(number), str(path)],
                               capture_output=True, check=True).stdout
        magic, width, height, maxval, pixels = _pgm(image)
        assert magic == b"P5" and maxval == 255
        view = memoryview(pixels).cast("B", (height, width))
        found[number] = [code.text for code in zxingcpp.read_barcodes(view) if code.format == zxingcpp.BarcodeFormat.QRCode]
    return found


def _pgm(data: bytes):
    """A binary PGM (P5) image: magic, width, height, maxval, pixels."""
    fields, position = [], 0
    while len(fields) < 4:
        while data[position:position + 1].isspace():
            position += 1
        if data[position:position + 1] == b"#":
            position = data.index(b"\n", position)
            continue
        end = position
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[position:end])
        position = end
    return fields[0], int(fields[1]), int(fields[2]), int(fields[3]), data[position + 1:]


def opening_pages(path, marker: str) -> list[int]:
    """The pages (1-based) whose text has `marker` (the words beside a document's QR code)."""
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return [i for i, page in enumerate(text.split("\f"), start=1) if marker in page]


def expected_handbook_links(corpus, languages: tuple[str, ...], only=None) -> list[str]:
    edition = edition_of(corpus)
    wanted = []
    for document in corpus.documents:
        if only is not None and document["id"] not in only:
            continue
        wanted += [permalinks.document_url(SITE, corpus, document["id"], lang) for lang in languages]
        for lang in languages:
            wanted += [permalinks.clause_url(SITE, corpus, document["id"], c.id, lang)
                       for c in edition.text(document["id"], lang).clauses if c.tag == "h2" and not c.gap]
    return wanted


EDITIONS = {"handbook-sq": ("sq",), "handbook-en": ("en",), "handbook-sq-en": ("sq", "en")}


@pytest.mark.parametrize("name", sorted(EDITIONS))
def test_every_document_and_article_heading_of_an_edition_links_back_to_the_web(site, corpus, name):
    languages = EDITIONS[name]
    path = site / (paths.handbook(languages[0]) if len(languages) == 1 else paths.bilingual(*languages))
    found = [uri for uri in link_uris(path) if uri.startswith(SITE)]
    wanted = expected_handbook_links(corpus, languages)
    assert set(found) == set(wanted)
    # real content: the articles of the NRM Agreement, Annex 1's sections, the strategy's numbered parts
    for lang in languages:
        assert {f"{SITE}{'' if lang == 'sq' else 'en/'}nrm-agreement.html#art_{n}" for n in range(1, 10)} <= set(found)
        assert f"{SITE}{'' if lang == 'sq' else 'en/'}nrm-annex-1.html#sec_V" in found
        assert f"{SITE}{'' if lang == 'sq' else 'en/'}order-25-2005.html" in found
    headings = len(wanted) - len(corpus.documents) * len(languages)
    report("paper to web", f"{name}: {len(found)} permalink annotations ({len(corpus.documents) * len(languages)} "
           f"documents, {headings} article-level headings)")
    # sections of the two strategies and the plans, articles of the agreement, sections of the annex:
    # 34 in Albanian, 35 in English (which prints section IX of the child strategy as a heading)
    seven = len(expected_handbook_links(corpus, languages, DOCUMENTS_2005)) - len(DOCUMENTS_2005) * len(languages)
    assert seven == sum({"sq": 34, "en": 35}[lang] for lang in languages)  # every other document's headings likewise


@pytest.mark.parametrize("name", sorted(EDITIONS))
def test_each_document_opens_with_a_qr_code_of_its_permalink(site, corpus, name):
    languages = EDITIONS[name]
    path = site / (paths.handbook(languages[0]) if len(languages) == 1 else paths.bilingual(*languages))
    marker = corpus.words(languages[0], "paper_to_web.online")
    pages = opening_pages(path, marker)
    assert len(pages) == len(corpus.documents)
    decoded = qr_codes(path, pages)
    wanted = [[permalinks.document_url(SITE, corpus, d["id"], languages[0])] for d in corpus.documents]
    assert [decoded[page] for page in pages] == wanted
    report("paper to web", f"{name}: {len(pages)} QR codes decoded, each its document's permalink")


def test_every_institution_sheet_links_its_page_documents_and_clauses_and_opens_with_a_qr_code(site, corpus):
    with_links = with_codes = 0
    institutions = sheets.institutions_with_obligations(corpus)
    for institution in institutions:
        for lang in corpus.languages:
            path = site / paths.sheet(institution, lang)
            page = permalinks.url(SITE, corpus, f"institutions/{institution}", lang)
            obligations = for_institution(corpus, institution)
            wanted = {page} | {permalinks.document_url(SITE, corpus, o.document, lang) for o in obligations} | \
                {permalinks.clause_url(SITE, corpus, o.document, o.id, lang) for o in obligations}
            found = link_uris(path)
            assert set(found) == wanted, (institution, lang)
            with_links += 1
            assert qr_codes(path, [1]) == {1: [page]}, (institution, lang)
            with_codes += 1
    report("paper to web", f"institution sheets: {with_links} with link annotations, {with_codes} with a QR code "
           f"of their page ({len(institutions)} institutions × {len(corpus.languages)} languages)")
    assert with_links == with_codes == len(institutions) * len(corpus.languages)
