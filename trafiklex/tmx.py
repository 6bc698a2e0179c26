"""The aligned clauses as a translation memory: TMX 1.4 (Albanian ↔ English), one translation unit
per clause that both languages print, for translators' CAT tools. Deterministic: the same texts give
the same file (the creation date is the edition's)."""
from __future__ import annotations

import xml.etree.ElementTree as ET

from .parallel import Pair

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
LOCALES = {"sq": "sq-AL", "en": "en"}


def segments(pairs: list[Pair]) -> list[Pair]:
    """The pairs that make a translation unit: a clause with text in both languages."""
    return [pair for pair in pairs if pair.id and pair.both]


def tmx(pairs: list[Pair], created: str, tool_version: str = "1") -> bytes:
    """`created`: the edition date as YYYYMMDDThhmmssZ (TMX's format)."""
    root = ET.Element("tmx", version="1.4")
    ET.SubElement(root, "header", {
        "creationtool": "trafiklex", "creationtoolversion": tool_version, "datatype": "plaintext",
        "segtype": "paragraph", "adminlang": "en", "srclang": LOCALES["sq"], "o-tmf": "trafiklex",
        "creationdate": created,
    })
    body = ET.SubElement(root, "body")
    for pair in segments(pairs):
        unit = ET.SubElement(body, "tu", tuid=f"{pair.document}#{pair.id}")
        ET.SubElement(unit, "prop", type="x-document").text = pair.document
        ET.SubElement(unit, "prop", type="x-clause").text = pair.id
        for lang in ("sq", "en"):
            variant = ET.SubElement(unit, "tuv", {XML_LANG: LOCALES[lang]})
            ET.SubElement(variant, "seg").text = pair.side(lang)
    ET.indent(root, space="  ")
    return (b'<?xml version="1.0" encoding="UTF-8"?>\n'
            b'<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n' + ET.tostring(root, encoding="utf-8", xml_declaration=False) + b"\n")
