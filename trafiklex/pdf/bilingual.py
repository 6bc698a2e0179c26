"""The parallel editions: the authoritative language and one translation side by side, aligned clause
by clause (trafiklex.core.alignment), one edition per translation. Each aligned unit is a row of two
columns, the authoritative text on the left; a unit that both languages open with a heading gets
one heading in both languages (one bookmark); a clause printed in one language only leaves the other
column with a line saying so; the parts rendered from the data (activity and penalty tables,
glossaries, questionnaire) are laid out from both languages' data at once (parts.parallel_call).

Both languages of a document go through pandoc together, so the translation's ids get a suffix
(":en").
"""
from __future__ import annotations

import html

from trafiklex.core import alignment
from trafiklex.data.corpus import Corpus
from trafiklex.pdf import pages, parts, permalinks, typst_values
from trafiklex.pdf.edition import Edition
from trafiklex.pdf.handbook import document_start, institutions_appendix, read, template_call, write
from trafiklex.pdf.html_prepare import prepare
from trafiklex.pdf.pandoc_ast import plain_text, raw_block
from trafiklex.pdf.transform import Printer

UNIT_CLASS = "aligned-unit"


def suffix(languages: tuple[str, ...], lang: str) -> str:
    """The ids of `lang`'s side, where both languages go through pandoc together: the first
    language's as they are, the second's with a suffix (":en")."""
    return "" if lang == languages[0] else f":{lang}"


def units(corpus: Corpus, document: dict, languages: tuple[str, str]) -> list[alignment.Unit[str]]:
    """The aligned units of a document's print HTML in `languages` (the authoritative first)."""
    return alignment.document_units({lang: pages.page_html(corpus, document["page"], lang) for lang in languages})


def _units_html(corpus: Corpus, document: dict, languages: tuple[str, str]) -> str:
    out = []
    for unit in units(corpus, document, languages):
        sides = "".join(f'<div class="side" lang="{lang}">{prepare(unit.side(lang) or "", suffix(languages, lang))}</div>'
                        for lang in languages)
        out.append(f'<div class="{UNIT_CLASS}" data-unit="{html.escape(unit.id)}">{sides}</div>')
    return "\n".join(out)


def source(corpus: Corpus, edition: Edition, translation: str) -> str:
    """The parallel edition of the authoritative text and `translation`."""
    languages = (corpus.languages.authoritative, translation)
    template, documents = read(corpus, lambda d: _units_html(corpus, d, languages))
    links = permalinks.heading_links(edition.site_url, corpus, languages)
    per_document = [[document_start(corpus, number, document, languages, edition),
                     *_parallel_units(corpus, document["id"], content, languages, links)]
                    for number, (document, content) in enumerate(documents, start=1)]
    per_document.append(institutions_appendix(corpus, languages))
    return template_call(corpus, languages, edition) + write(per_document, template)


def _parallel_units(corpus: Corpus, document: str, units_: list, languages: tuple[str, str],
                    links: dict | None = None) -> list:
    sides = [_sides(unit, languages) for unit in units_]
    printers = {lang: Printer(corpus, document, lang, labels=False) for lang in languages}
    for lang in languages:  # a footnote's reference and its text can be in different units
        printers[lang].collect_footnotes([block for side in sides for block in side[lang]])
    return [block for unit, side in zip(units_, sides)
            for block in _parallel_unit(corpus, unit, side, printers, languages, links or {})]


def _sides(unit: dict, languages: tuple[str, str]) -> dict[str, list]:
    sides = {lang: [] for lang in languages}
    for side in unit["c"][1]:
        sides[dict(side["c"][0][2]).get("lang", languages[0])] = list(side["c"][1])
    return sides


def _parallel_unit(corpus: Corpus, unit: dict, sides: dict[str, list], printers: dict[str, Printer],
                   languages: tuple[str, str], links: dict) -> list:
    """One aligned unit: a heading that both sides open with becomes one heading in both languages
    (one bookmark: the template prints its permalinks under it); the rest is set in two columns, the
    authoritative text on the left. A heading that one side prints alone gets its permalink above
    the columns (`links`: trafiklex.pdf.permalinks.heading_links)."""
    first, second = languages
    identifier = dict(unit["c"][0][2]).get("unit", "")
    key = typst_values.label(printers[first].document, identifier) if identifier else ""
    langs = typst_values.value(languages)
    out = []
    if identifier.startswith(pages.PART_PREFIX):  # the part in both languages, then what follows it
        out.append(raw_block(_parallel_part(corpus, printers[first].document, sides, languages)))
        key = ""
    if _open_with_same_heading(sides, languages):
        level = sides[first][0]["c"][0]
        texts = [typst_values.string(plain_text(sides[lang].pop(0)["c"][2])) for lang in languages]
        heading = f"parallel-heading({langs}, level: {level}, {texts[0]}, {texts[1]})"
        out.append(raw_block(f"#labelled({heading}, {typst_values.string(key)})" if key else f"#{heading}"))
        key = ""
    if key and key in links:
        out.append(raw_block(typst_values.call("permalink-links", links[key])))
    if any(sides.values()):
        printed = {lang: _side(corpus, printers[lang], sides[lang], lang, languages) for lang in languages}
        end = "]" + (f"#label({typst_values.string(key)})" if key else "")
        out += [raw_block(f"#parallel({langs})["), *printed[first], raw_block("]["), *printed[second], raw_block(end)]
    elif key:
        out.append(raw_block(f"#metadata(none)#label({typst_values.string(key)})"))
    return out


def _open_with_same_heading(sides: dict[str, list], languages: tuple[str, str]) -> bool:
    """Both sides start with a heading of the same level (below the printed title, which is set as
    a title, not a heading)."""
    firsts = [sides[lang][0] if sides[lang] else None for lang in languages]
    return all(f and f["t"] == "Header" and f["c"][0] > 1 for f in firsts) and firsts[0]["c"][0] == firsts[1]["c"][0]


def _side(corpus: Corpus, printer: Printer, blocks: list, lang: str, languages: tuple[str, str]) -> list:
    if blocks:
        return printer.blocks(blocks)
    other = next(each for each in languages if each != lang)
    text = corpus.words(lang, "labels.only_in").format(text=corpus.words(lang, "labels.text_of")[other])
    return [raw_block(f"#gap({typst_values.string(text)})")]


def _parallel_part(corpus: Corpus, document: str, sides: dict[str, list], languages: tuple[str, str]) -> str:
    """The part rendered from both languages' data; its placeholders are taken out of the sides."""
    placeholder = next(b for lang in languages for b in sides[lang] if _is_part(b))
    for lang in languages:
        sides[lang] = [b for b in sides[lang] if not _is_part(b)]
    attributes = dict(placeholder["c"][0][2])
    return parts.parallel_call(attributes["part"], corpus, document, languages, attributes.get("argument"))


def _is_part(block: dict) -> bool:
    return block["t"] == "Div" and pages.PART_CLASS in block["c"][0][1]
