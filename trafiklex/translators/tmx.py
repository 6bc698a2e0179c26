"""The aligned clauses as a translation memory: TMX 1.4, the authoritative language as the source
and a variant in each translation, one translation unit per clause that the authoritative language
and at least one translation print, for translators' CAT tools. Each language is named by its
`locale` (data/languages.yml). Deterministic: the same texts give the same file (the creation date
is the edition's)."""
from __future__ import annotations

import xml.etree.ElementTree as ET

from trafiklex.data.corpus import Corpus
from trafiklex.translators.parallel import TOOLS_LANGUAGE, Pair

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def segments(corpus: Corpus, pairs: list[Pair]) -> list[Pair]:
    """The pairs that make a translation unit: a clause with text in the authoritative language and
    in a translation."""
    languages = corpus.languages
    return [pair for pair in pairs if pair.id and pair.has(languages.authoritative)
            and any(pair.side(other) for other in languages.translations())]


def tmx(corpus: Corpus, pairs: list[Pair], created: str, tool_version: str = "1") -> bytes:
    """`created`: the edition date as YYYYMMDDThhmmssZ (TMX's format)."""
    languages = corpus.languages
    locale = {code: languages.get(code).locale for code in languages.codes}
    root = ET.Element("tmx", version="1.4")
    ET.SubElement(root, "header", {
        "creationtool": "trafiklex", "creationtoolversion": tool_version, "datatype": "plaintext",
        "segtype": "paragraph", "adminlang": TOOLS_LANGUAGE, "srclang": locale[languages.authoritative],
        "o-tmf": "trafiklex", "creationdate": created,
    })
    body = ET.SubElement(root, "body")
    for pair in segments(corpus, pairs):
        unit = ET.SubElement(body, "tu", tuid=f"{pair.document}#{pair.id}")
        ET.SubElement(unit, "prop", type="x-document").text = pair.document
        ET.SubElement(unit, "prop", type="x-clause").text = pair.id
        for lang in (languages.authoritative, *languages.translations()):
            if pair.side(lang):
                variant = ET.SubElement(unit, "tuv", {XML_LANG: locale[lang]})
                ET.SubElement(variant, "seg").text = pair.side(lang)
    ET.indent(root, space="  ")
    return (b'<?xml version="1.0" encoding="UTF-8"?>\n'
            b'<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n' + ET.tostring(root, encoding="utf-8", xml_declaration=False) + b"\n")
