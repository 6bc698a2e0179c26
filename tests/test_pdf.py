"""The printed editions, checked in the PDFs the build writes into the site (site/pdf/): their text
(extracted with pdftotext) against the site's pages, their bookmarks, metadata and fonts, the
screening form's tick boxes, the institution sheets, and the links to them from every page."""
from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pypdf
import pytest
from pypdf.generic import ContentStream

from conftest import INSTITUTIONS_2005, ROOT, DOCUMENTS_2005, page as site_page, report
LANGUAGES = ("sq", "en")  # the languages of this edition (data/languages.yml)
from trafiklex.data import corpus as corpus_module
from trafiklex.website.fidelity import coverage, tokens
from trafiklex.core.errors import DataError
from trafiklex.core.htmltext import page_text, parse
from trafiklex.model.edition import edition_of
from trafiklex.website.pages import site_pages
from trafiklex.queries.obligations import all_obligations, for_institution
from trafiklex.pdf import pages, sheets
from trafiklex.core import print_paths as paths
from trafiklex.pdf.edition import Edition
from trafiklex.pdf.html_prepare import prepare
from trafiklex.pdf.pandoc_ast import blocks_document, read_html_parts, write_typst
from trafiklex.pdf.transform import SCREEN_ONLY, Printer
from trafiklex.pdf.typst_compile import PdfError, compile_pdf

sys.path.insert(0, str(ROOT / "scripts"))
import build_pdf  # noqa: E402

HANDBOOKS = {"sq": paths.handbook("sq"), "en": paths.handbook("en"), "sq-en": paths.bilingual("sq", "en")}


# --- reading the PDFs -------------------------------------------------------------------------------

def pdf_pages(path: Path) -> list[str]:
    """The text of each page, in reading order (pdftotext -raw: the order the text was written in)."""
    result = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                            check=True)
    return result.stdout.split("\f")[:-1]


def flat(text: str) -> str:
    return " ".join(text.split())


def outline(reader: pypdf.PdfReader) -> list[tuple[int, str, int]]:
    """(level, title, page index) of every bookmark, in order."""
    out = []

    def walk(items, level):
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                out.append((level, item.title, reader.get_destination_page_number(item)))
    walk(reader.outline, 1)
    return out


def document_ranges(reader: pypdf.PdfReader, corpus) -> dict[str, range]:
    """The pages of each document: from its bookmark to the next document's (the last document ends
    where the appendix of institutions begins)."""
    starts = [page for level, _, page in outline(reader) if level == 1]
    assert len(starts) == len(corpus.documents) + 1
    return {d["id"]: range(start, end) for d, start, end in zip(corpus.documents, starts, starts[1:])}


def multiset_coverage(wanted: list[str], found: list[str]) -> float:
    have = Counter(found)
    return sum(min(n, have[token]) for token, n in Counter(wanted).items()) / len(wanted)


def printed_in_pieces(words: list[str], printed: str, most: int = 3) -> bool:
    """The words are printed in this order, in at most `most` runs (a text broken by a page break
    has the running header, the page number or footnotes between its two runs)."""
    position, start = 0, 0
    for _ in range(most):
        end, found = start, -1
        while end < len(words):
            at = printed.find(" " + " ".join(words[start:end + 1]) + " ", position)
            if at < 0:
                break
            end, found = end + 1, at
        if found < 0:
            return False
        if end == len(words):
            return True
        position, start = found + len(" ".join(words[start:end])) + 1, end
    return False


@pytest.fixture(scope="module")
def pdfs(site) -> dict[str, Path]:
    return {key: site / path for key, path in HANDBOOKS.items()}


@pytest.fixture(scope="module")
def texts(pdfs) -> dict[str, list[str]]:
    return {key: pdf_pages(path) for key, path in pdfs.items()}


def site_tokens(site, corpus, document: dict, lang: str) -> list[str]:
    """The word tokens of a document's page on the site, without the site's own pointers to its
    interactive tools (not printed: trafiklex.pdf.transform.SCREEN_ONLY)."""
    html_text = site_page(site, document["page"], lang)
    words = Counter(tokens(page_text(html_text)))
    screen_only = [e for c in SCREEN_ONLY for e in parse(html_text).find_all(cls=c)]
    words.subtract(t for element in screen_only for t in tokens(element.text()))
    kept, out = +words, []
    for token in tokens(page_text(html_text)):
        if kept[token] > 0:
            kept[token] -= 1
            out.append(token)
    return out


# --- the words of the site, in the handbooks ------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_trainer_prints_handbook_with_every_word_of_the_site(site, corpus, pdfs, texts, lang):
    """Each document's pages in the handbook hold ≥ 98% of the word tokens of its page on the site
    (counted with repeats); the whole handbook holds ≥ 98% of them in the site's order."""
    reader = pypdf.PdfReader(pdfs[lang])
    ranges = document_ranges(reader, corpus)
    pages = texts[lang]
    all_site, ratios = [], {}
    for document in corpus.documents:
        wanted = site_tokens(site, corpus, document, lang)
        all_site += wanted
        found = tokens("\n".join(pages[i] for i in ranges[document["id"]]))
        ratios[document["id"]] = multiset_coverage(wanted, found)
        report(f"PDF word coverage, handbook-{lang}", f"{document['id']:<32} {ratios[document['id']]:.2%} of {len(wanted)}")
    in_order = coverage(all_site, tokens("\n".join(pages)))
    report(f"PDF word coverage, handbook-{lang}", f"{'all, in the order of the site':<32} {in_order.ratio:.2%} of {in_order.total}")
    assert min(ratios.values()) >= 0.98, ratios
    assert in_order.ratio >= 0.98


def test_mixed_group_reads_both_languages_in_the_bilingual_edition(site, corpus, pdfs, texts):
    reader = pypdf.PdfReader(pdfs["sq-en"])
    ranges = document_ranges(reader, corpus)
    pages = texts["sq-en"]
    for document in corpus.documents:
        found = tokens("\n".join(pages[i] for i in ranges[document["id"]]))
        for lang in LANGUAGES:
            ratio = multiset_coverage(site_tokens(site, corpus, document, lang), found)
            report("PDF word coverage, handbook-sq-en", f"{document['id']:<32} {lang}: {ratio:.2%}")
            assert ratio >= 0.98, (document["id"], lang, ratio)
    # a footnote whose reference and text fall in different aligned units is still printed
    text = " ".join(tokens("\n".join(pages)))
    footnotes = [d["footnote"][lang] for d in corpus.definitions for lang in LANGUAGES if d.get("footnote", {}).get(lang)]
    assert footnotes and all(" ".join(tokens(note)) in text for note in footnotes)


def test_bilingual_edition_puts_each_clause_beside_its_translation(corpus, pdfs, texts):
    """In the NRM Agreement, every commitment of Article 5 starts on the same page in both columns."""
    pages = [tokens(page) for page in texts["sq-en"]]

    def first_page(words: list[str], start: int) -> int:
        for index in range(start, len(pages)):
            joined = " ".join(pages[index])
            if " ".join(words) in joined:
                return index
        raise AssertionError(f"not found after page {start + 1}: {' '.join(words)}")

    position, checked = 0, 0
    for party in corpus.table("nrm-agreement", "commitments")["parties"]:
        for commitment in party["commitments"]:
            if "only_in" in commitment:
                continue
            sq, en = (first_page(tokens(commitment["text"][lang])[:8], position) for lang in LANGUAGES)
            assert sq == en, (commitment["id"], sq + 1, en + 1)
            position, checked = sq, checked + 1
    assert checked >= 40
    report("bilingual alignment", f"{checked} commitments of NRM Article 5 side by side on the same page")


@pytest.mark.parametrize("key", list(HANDBOOKS))
def test_every_editorial_note_is_printed(corpus, texts, key):
    """Faithful text: each note that marks a source defect is in the handbook of its language (both
    languages' notes in the bilingual edition), including the notes that follow a table or glossary."""
    printed = " " + " ".join(tokens("\n".join(texts[key]))) + " "
    languages = LANGUAGES if key == "sq-en" else (key,)
    missing = [(note["id"], lang) for note in corpus.notes.values() for lang in languages
               if not printed_in_pieces(tokens(note["text"][lang]), printed)]
    assert missing == []
    report("editorial notes", f"handbook-{key}: all {len(corpus.notes)} notes printed")


@pytest.mark.parametrize("key", list(HANDBOOKS))
def test_handbook_ends_with_every_institution_and_its_number_of_obligations(corpus, pdfs, texts, key):
    """The appendix lists all institutions of the data, each name once, with the same count of
    obligations as its sheet and its page on the site."""
    reader = pypdf.PdfReader(pdfs[key])
    start = [page for level, _, page in outline(reader) if level == 1][-1]
    unbroken = lambda text: re.sub(r"-\s+", "-", flat(text))  # "Anti-" at the end of a line, "Trafikun" on the next
    appendix = unbroken("\n".join(texts[key][start:]))
    languages = ("sq", "en") if key == "sq-en" else (key,)
    assert len(INSTITUTIONS_2005) == 66 and set(INSTITUTIONS_2005) <= set(corpus.institutions.by_id)  # and every other body
    for institution in corpus.institutions.by_id.values():
        for lang in languages:
            name = unbroken(institution["name"][lang])
            assert name in appendix, (institution["id"], lang)
    molsa = for_institution(corpus, "molsa")
    assert sum(o.document in DOCUMENTS_2005 for o in molsa) == 65  # of the seven documents of 2005; with any other's
    name = unbroken(corpus.institutions.get("molsa")["name"][languages[-1]])
    assert re.search(re.escape(name) + rf" .*?\b{len(molsa)}\b", appendix)


# --- bookmarks, metadata, fonts, letters -------------------------------------------------------------

@pytest.mark.parametrize("key", list(HANDBOOKS))
def test_reader_finds_every_document_and_article_in_the_bookmarks(site, corpus, pdfs, key):
    reader = pypdf.PdfReader(pdfs[key])
    entries = outline(reader)
    languages = ("sq", "en") if key == "sq-en" else (key,)
    documents = [title for level, title, _ in entries if level == 1]
    assert documents == [f"{n}. " + " / ".join(d["title"][lang] for lang in languages)
                         for n, d in enumerate(corpus.documents, start=1)] + \
        [" / ".join(corpus.words(lang, "print.institutions_title") for lang in languages)]
    titles = [flat(title) for _, title, _ in entries]
    missing = []
    for document in corpus.documents:
        for lang in languages:
            article = parse(site_page(site, document["page"], lang)).find("article")
            for heading in article.find_all("h2"):
                text = flat(heading.text(lambda e: "headerlink" in e.classes))
                if not any(text in title for title in titles):
                    missing.append((document["id"], lang, text))
    assert missing == []
    named = reader.named_destinations
    assert all(d["id"] in named for d in corpus.documents)  # handbook-en.pdf#nrm-agreement opens the document
    assert "nrm-agreement:art_5" in named
    report("PDF bookmarks", f"{paths.bilingual('sq', 'en') if key == 'sq-en' else paths.handbook(key)}: {len(entries)} bookmarks, "
                            f"{len(named)} named destinations")


@pytest.mark.parametrize("key", list(HANDBOOKS))
def test_handbook_says_what_it_is_in_its_metadata(pdfs, key):
    reader = pypdf.PdfReader(pdfs[key])
    info = reader.metadata
    expected = {"sq": "Korniza ligjore shqiptare kundër trafikimit, 2005",
                "en": "Albania’s 2005 anti-trafficking legal framework"}
    assert info.title == (f"{expected['sq']} / {expected['en']}" if key == "sq-en" else expected[key])
    assert reader.trailer["/Root"]["/Lang"] == ("sq" if key == "sq-en" else key)
    edition = Edition.from_environment({"EDITION_DATE": _edition_date()})
    if edition.date:
        assert info["/CreationDate"].startswith("D:" + edition.date.replace("-", ""))
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")
    # archival (PDF/A-2a) and accessible (PDF/UA-1), as Typst checked when it wrote the file
    assert "<pdfaid:part>2</pdfaid:part>" in xmp and "<pdfaid:conformance>A</pdfaid:conformance>" in xmp
    assert "<pdfuaid:part>1</pdfuaid:part>" in xmp
    assert "/OutputIntents" in reader.trailer["/Root"]        # the colour space, for archiving
    assert "/StructTreeRoot" in reader.trailer["/Root"]       # tagged: structure for screen readers


def _edition_date() -> str:
    result = subprocess.run(["git", "log", "-1", "--format=%cs"], cwd=Path(__file__).parent, capture_output=True, text=True)
    return result.stdout.strip()


def _fonts(reader: pypdf.PdfReader) -> dict[str, dict]:
    fonts = {}
    for page in reader.pages:
        for font in (page.get("/Resources", {}).get("/Font") or {}).values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            fonts[str(font["/BaseFont"])] = descendant["/FontDescriptor"].get_object()
    return fonts


@pytest.mark.parametrize("path", [paths.handbook("sq"), paths.bilingual("sq", "en"), paths.screening_form("en"),
                                  paths.sheet("molsa", "sq")])
def test_every_font_is_embedded(site, path):
    fonts = _fonts(pypdf.PdfReader(site / path))
    assert fonts
    not_embedded = [name for name, descriptor in fonts.items()
                    if not any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))]
    assert not_embedded == []
    assert all(re.match(r"[A-Z]{6}\+", name.lstrip("/")) for name in fonts)  # subsets of the fonts used


def test_albanian_letters_come_through_where_the_source_has_them(site, corpus, texts):
    pdf_words = Counter(tokens("\n".join(texts["sq"])))
    site_words = Counter(t for d in corpus.documents for t in site_tokens(site, corpus, d, "sq"))
    for letters in ("ë", "ç", "Ë", "Ç"):
        with_letter = {w: n for w, n in site_words.items() if letters in w}
        assert with_letter, letters
        missing = {w: n for w, n in with_letter.items() if pdf_words[w] < n}
        assert missing == {}, letters
        report("Albanian letters in handbook-sq", f"{letters}: {sum(with_letter.values())} words of the site have it, all in the PDF")
    for printed in ("SHQIPËRISË", "Kushtetutës", "veçante", "MPÇS", "Çeshtjeve"):
        assert pdf_words[printed] >= 1, printed
    # and the source's missing diacritics stay missing: "Shqiperise" is printed without them
    assert pdf_words["Qeverise"] >= 1 or pdf_words["Shqiperise"] >= 1


# --- tables: header rows repeat on every page a table continues on -------------------------------------

def test_activity_and_penalty_tables_repeat_their_header_on_continued_pages(corpus, pdfs, texts):
    checked = 0
    for lang in LANGUAGES:
        pages = [flat(page) for page in texts[lang]]
        ranges = document_ranges(pypdf.PdfReader(pdfs[lang]), corpus)

        def page_of(text: str, document: str) -> int:
            start = " ".join(text.split()[:7])
            found = [i for i in ranges[document] if start in pages[i]]
            assert found, start
            return found[0]

        plan = corpus.table("child-trafficking-action-plan", "activities")
        header = " ".join(plan["columns"][lang][c] for c in ("activity", "responsible", "deadline"))
        groups = [o["activities"] for s in plan["sections"] for o in s.get("objectives", [])] + \
                 [s["activities"] for s in plan["sections"] if s.get("activities")]
        for activities in groups:
            on = [page_of(a["text"][lang], "child-trafficking-action-plan") for a in activities if lang in a["text"]]
            for continued in range(min(on) + 1, max(on) + 1):
                assert pages[continued].count(header) >= 1, (lang, continued + 1)
                checked += 1
        table = corpus.table("child-trafficking-strategy", "penalties")
        header = " ".join(table["columns"][lang][c] for c in ("article", "offence", "sanction"))
        rows = [r["offence"][lang] for a in table["articles"] for r in a["rows"] if lang in r["offence"]]
        on = [page_of(text, "child-trafficking-strategy") for text in rows]
        assert max(on) > min(on)  # the penalties table runs over more than one page
        for continued in range(min(on) + 1, max(on) + 1):
            assert header in pages[continued], (lang, continued + 1)
            checked += 1
    report("PDF tables", f"{checked} continued pages of activity and penalty tables, each with the header row")


# --- the screening form ---------------------------------------------------------------------------------

def tick_boxes(reader: pypdf.PdfReader) -> int:
    """Square outlined paths of a text letter's size: the tick boxes drawn on the form."""
    count = 0
    for page in reader.pages:
        operations = ContentStream(page.get_contents(), reader).operations
        points = []
        for index, (operands, operator) in enumerate(operations):
            if operator == b"m":
                points = [operands]
            elif operator == b"l":
                points.append(operands)
            elif operator == b"h" and operations[index + 1][1] == b"S":
                xs, ys = [float(p[0]) for p in points], [float(p[1]) for p in points]
                width, height = max(xs) - min(xs), max(ys) - min(ys)
                count += abs(width - height) < 0.5 and 6 < width < 14
    return count


@pytest.mark.parametrize("lang", LANGUAGES)
def test_interviewer_prints_a_blank_screening_form_with_tick_boxes(site, corpus, lang):
    path = site / paths.screening_form(lang)
    text = flat("\n".join(pdf_pages(path)))
    questions = corpus.table("nrm-annex-1", "questionnaire")["questions"]
    assert len(questions) == 15
    for question in questions:
        assert f"{question['num']}. {flat(question['text'][lang])}" in text
        for option in question.get("options", []):
            assert option["label"][lang] in text
        if question.get("hint"):
            assert flat(question["hint"][lang]) in text
    expected_boxes = sum(len(q.get("options", [])) + (1 if q.get("other") else 0) for q in questions)
    assert tick_boxes(pypdf.PdfReader(path)) == expected_boxes
    # the same form is inside the handbook, with the determination that follows it
    handbook = pypdf.PdfReader(site / paths.handbook(lang))
    assert tick_boxes(handbook) == expected_boxes
    report("screening form", f"{paths.screening_form(lang)}: 15 questions, {expected_boxes} tick boxes "
                             f"({len(pypdf.PdfReader(path).pages)} pages)")


# --- institution sheets ---------------------------------------------------------------------------------

def test_every_institution_with_obligations_has_a_sheet_in_both_languages(site, corpus):
    with_obligations = sheets.institutions_with_obligations(corpus)
    expected = {paths.sheet(i, lang) for i in with_obligations for lang in LANGUAGES}
    written = {p.relative_to(site).as_posix() for p in (site / "pdf" / "institutions").glob("*.pdf")}
    assert written == expected
    without = set(corpus.institutions.by_id) - set(with_obligations)
    assert without and not any(paths.sheet(i, "en") in written for i in without)
    report("institution sheets", f"{len(written)} sheets: {len(with_obligations)} institutions × 2 languages "
                                 f"({len(without)} institutions have no obligation)")


@pytest.mark.parametrize("institution", ["molsa", "mopo", "asp", "nrcvt", "adoption_committee"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_official_pins_up_a_sheet_with_exactly_their_obligations(site, corpus, institution, lang):
    text = flat("\n".join(pdf_pages(site / paths.sheet(institution, lang))))
    mine = for_institution(corpus, institution)
    assert corpus.counted(lang, "print.sheet_count", len(mine)) in text
    if institution == "adoption_committee":  # one obligation: the word in the singular
        assert len(mine) == 1 and re.search({"en": r"· 1 obligation\b", "sq": r"· 1 detyrim\b"}[lang], text), text[:200]

    def clause(obligation) -> str:
        return edition_of(corpus).label(obligation.document, obligation.id, lang, heading=True)

    def listed(label: str) -> bool:
        return re.search(r"(?<![\w.])" + re.escape(label) + r"(?![\w.])", text) is not None

    assert [o.id for o in mine if not listed(clause(o))] == []
    documents = {o.document for o in mine}
    others = [o for o in all_obligations(corpus) if o.document in documents and o not in mine]
    mine_labels = {clause(o) for o in mine}
    assert [o.id for o in others if clause(o) not in mine_labels and listed(clause(o))] == []
    name = corpus.institutions.get(institution)["name"][lang]
    assert flat(name) in text
    report("institution sheets", f"{paths.sheet(institution, lang)}: all {len(mine)} obligations listed, no other")


def test_official_finds_the_sheet_on_their_institution_page(site, corpus):
    """Every institution page with obligations links its own sheet in its language, and no other;
    a page without obligations links none."""
    with_obligations = set(sheets.institutions_with_obligations(corpus))
    for institution in corpus.institutions.by_id:
        for lang in LANGUAGES:
            path = site / ("" if lang == "sq" else "en") / "institutions" / f"{institution}.html"
            links = [a.attrs["href"] for a in parse(path.read_text(encoding="utf-8")).find_all("a")
                     if "/pdf/institutions/" in a.attrs.get("href", "")]
            expected = [paths.sheet_link(institution, lang, "sq")] if institution in with_obligations else []
            assert links == expected, (institution, lang, links)
            for link in links:
                assert (path.parent / link).resolve() == (site / paths.sheet(institution, lang)).resolve()
    assert paths.sheet_link("molsa", "en", "sq") == "../../pdf/institutions/molsa-en.pdf"
    report("institution sheets", f"{len(with_obligations)} institution pages × 2 languages link their sheet")


# --- links from the site --------------------------------------------------------------------------------

def test_every_page_links_the_pdfs_of_its_language(site, corpus):
    pages = sorted(site.glob("*.html")) + sorted((site / "en").glob("*.html")) + sorted(site.glob("**/institutions/*.html"))
    checked = 0
    for path in pages:
        if path.name == "404.html":
            continue
        lang = "en" if path.relative_to(site).parts[0] == "en" else "sq"
        links = parse(path.read_text(encoding="utf-8")).find("nav", cls="pdf-links")
        assert links is not None, path
        hrefs = [a.attrs["href"] for a in links.find_all("a")]
        targets = {(path.parent / href.split("#")[0]).resolve().relative_to(site.resolve()).as_posix() for href in hrefs}
        assert {paths.handbook(lang), paths.bilingual("sq", "en"), paths.screening_form(lang)} <= targets, path
        assert all((site / target).is_file() for target in targets), path
        checked += 1
    # the 404 page is served at any depth: its links start at the site's root
    links = parse((site / "404.html").read_text(encoding="utf-8")).find("nav", cls="pdf-links")
    assert all(a.attrs["href"].startswith("/pdf/") for a in links.find_all("a"))
    document = corpus.documents[5]
    links = parse(site_page(site, document["page"], "en")).find("nav", cls="pdf-links")
    assert f"../{paths.handbook('en')}#{document['id']}" in [a.attrs["href"] for a in links.find_all("a")]
    report("PDF links", f"{checked} pages link the handbook of their language, the bilingual edition and the form")


# --- a PDF that cannot be made stops the build with a message --------------------------------------------

def test_typst_error_names_the_pdf_and_the_problem(tmp_path):
    with pytest.raises(PdfError) as error:
        compile_pdf('#import "handbook.typ": *\n#no-such-function()\n', tmp_path / "x.pdf", Edition(None, 0), "pdf/x.pdf")
    message = str(error.value)
    assert message.startswith("pdf/x.pdf: Typst could not compile it") and "unknown variable: no-such-function" in message
    assert not (tmp_path / "x.pdf").exists()


# --- in a real browser -----------------------------------------------------------------------------------

@pytest.mark.parametrize("lang,page_name", [("sq", "index"), ("en", "nrm-agreement"), ("en", "institutions/molsa")])
def test_trainer_finds_the_pdf_links_on_the_page_and_downloads_a_pdf(server, tab, lang, page_name):
    tab.goto(f"{server}/{'' if lang == 'sq' else 'en/'}{page_name}.html")
    band = tab.locator("nav.pdf-links")
    band.scroll_into_view_if_needed()
    assert band.is_visible()
    names = {"sq": ("Manuali në shqip", "Botimi dygjuhësh shqip–anglisht", "Pyetësori i identifikimit, formular bosh"),
             "en": ("Handbook in English", "Bilingual edition, Albanian–English", "Identification questionnaire, blank form")}
    for name in names[lang]:
        link = band.get_by_role("link", name=name, exact=True)
        assert link.is_visible()
        response = tab.request.get(tab.evaluate("href => new URL(href, location.href).href", link.get_attribute("href")))
        assert response.ok and response.headers["content-type"] == "application/pdf"
        assert response.body()[:5] == b"%PDF-"


def test_unknown_macro_in_a_page_stops_the_pdf_build_with_file_and_line(tmp_path):
    for name in ("data", "docs", "sources", "schemas", "locales"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("institutions"))
    page = tmp_path / "docs" / "en" / "order-25-2005.md"
    page.write_text(page.read_text(encoding="utf-8").replace("{{ note(", "{{ no_such_macro() }}\n\n{{ note(", 1),
                    encoding="utf-8")
    corpus = corpus_module.load(tmp_path)
    with pytest.raises(DataError) as error:
        pages.page_html(corpus, "order-25-2005", "en")
    line = page.read_text(encoding="utf-8").splitlines().index("{{ no_such_macro() }}") + 1
    report_text = error.value.report()
    assert f"docs/en/order-25-2005.md:{line}: 'no_such_macro' is undefined" in report_text
    assert "expected: one of activities, commitments, definitions, glossary, note, penalties" in report_text  # a document page's macros


def test_pdf_build_alone_checks_the_pages_first(tmp_path):
    """scripts/build_pdf.py run on its own stops on a page's bad macro argument with the file and
    line, as the site build does, instead of failing halfway through rendering."""
    for name in ("data", "docs", "sources", "schemas", "locales"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("institutions"))
    page = tmp_path / "docs" / "en" / "order-25-2005.md"
    page.write_text(page.read_text(encoding="utf-8").replace("{{ note(", '{{ note("no-such-note") }}\n\n{{ note(', 1),
                    encoding="utf-8")
    with pytest.raises(DataError) as error:
        build_pdf.build_pdfs(tmp_path / "site", "pdf/handbook-en.pdf", root=tmp_path)
    line = page.read_text(encoding="utf-8").splitlines().index('{{ note("no-such-note") }}') + 1
    assert f'docs/en/order-25-2005.md:{line}: note("no-such-note") names no known note of document order-25-2005' \
        in error.value.report()
    assert not (tmp_path / "site").exists()


def test_characters_that_typst_markup_would_change_print_as_written(corpus, tmp_path):
    """Faithful text: what Typst markup reads as dashes, a soft hyphen, an ellipsis, a space, a list,
    a heading, a comment, a label or code prints as the characters themselves."""
    samples = ["a -? b", "e--f g---h i...j k~l", "a /* b */ c // d", "@ref <lbl> $x$ #x `code` \\ back",
               "'q' \"d\" ‘c’", "1. not a list", "- not a bullet", "= not a heading", "+ plus", "/ term: x",
               "a_b_c *s*", "[x](y) {z}", "\\u{41}", "-5 °C, 2005-2007, a -1"]
    tree, (read,) = read_html_parts(["".join(f"<p>{html.escape(s)}</p>" for s in samples)])
    blocks = Printer(corpus, "order-25-2005", "en").blocks(read)
    source = '#import "style.typ": *\n#show: base\n#set document(title: "t")\n= T\n' + write_typst(blocks_document(blocks, tree))
    compile_pdf(source, tmp_path / "t.pdf", Edition(None, 0), "t.pdf")
    printed = pdf_pages(tmp_path / "t.pdf")[0].splitlines()[1:]
    assert printed[:len(samples)] == samples


def test_wrapper_of_a_clause_is_closed_with_the_element_that_encloses_it():
    """A paragraph or item that the HTML leaves open gets its clause-id wrapper closed all the same."""
    assert prepare('<div><p id="a">x</div><p>y</p>') == '<div><div id="a"><p>x</p></div></div><p>y</p>'
    assert prepare('<ul><li id="b">x</ul>') == '<ul><li><div id="b">x</div></li></ul>'
    assert prepare('<p class="c">x') == '<div class="c"><p>x</p></div>'


def test_handbook_is_cut_from_the_same_single_render_as_the_site(corpus):
    """The printed page is the edition's one render of the page (no second Markdown pass): the parts
    that print lays out itself are cut out and left as placeholders, the rest is the same HTML."""
    edition = edition_of(corpus)
    site = site_pages(edition).page("child-trafficking-action-plan", "en").html
    printed = pages.page_html(corpus, "child-trafficking-action-plan", "en")
    assert '<table class="activities">' in site and '<table class="activities">' not in printed
    assert '<div class="print-part" id="part-activities" data-part="activities"></div>' in printed
    assert printed.split('<div class="print-part"')[0] == site.split('<h2 id="sec_1">')[0]
    assert pages.page_html(corpus, "nrm-agreement", "sq") == site_pages(edition).page("nrm-agreement", "sq").html  # no print part
    assert edition.renders[("child-trafficking-action-plan", "en")] == 1  # (one render for both)
