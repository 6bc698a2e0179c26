"""The termbase (data/terms.yml) as TBX: ISO 30042 (TermBase eXchange), the TBX-Basic dialect (a
`martif` of type TBX-Basic, its core structure and the data categories TBX-Basic allows: subjectField,
definition-free notes, partOfSpeech, termType, administrativeStatus), for translators' CAT tools.
One termEntry per concept, a langSet per language (by its code), a tig per term: the preferred term,
and for a body its acronyms. Deterministic: the same termbase gives the same file."""
from __future__ import annotations

import xml.etree.ElementTree as ET

from trafiklex.data.corpus import Corpus
from trafiklex.translators.parallel import TOOLS_LANGUAGE
from trafiklex.data.terms import termbase

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def entries(corpus: Corpus) -> list[tuple[str, dict[str, list[tuple[str, str]]]]]:
    """(concept id, language → [(term, termType)]) of every concept."""
    out = []
    institutions = corpus.institutions
    for concept in termbase(corpus).concepts:
        terms = {}
        for lang in corpus.languages.codes:
            if lang not in concept.term:
                continue
            found = [(concept.term[lang], "fullForm")]
            if concept.institution:
                found += [(acronym, "acronym") for acronym in
                          dict.fromkeys(institutions.get(concept.institution).get("acronyms", {}).get(lang, []))]
            terms[lang] = found
        out.append((concept.id, terms))
    return out


def tbx(corpus: Corpus) -> bytes:
    base = termbase(corpus)
    root = ET.Element("martif", {"type": "TBX-Basic", XML_LANG: TOOLS_LANGUAGE})
    header = ET.SubElement(root, "martifHeader")
    file_desc = ET.SubElement(header, "fileDesc")
    ET.SubElement(ET.SubElement(file_desc, "titleStmt"), "title").text = \
        "Termbase of Albania's 2005 anti-trafficking framework"
    ET.SubElement(ET.SubElement(file_desc, "sourceDesc"), "p").text = \
        "data/terms.yml: concepts read from the Albanian (authoritative) and English texts"
    ET.SubElement(ET.SubElement(header, "encodingDesc"), "p", type="XCSURI").text = "TBXBasicXCSV02.xcs"
    body = ET.SubElement(ET.SubElement(root, "text"), "body")
    for concept_id, terms in entries(corpus):
        concept = base.by_id[concept_id]
        entry = ET.SubElement(body, "termEntry", id=f"c-{concept_id}")
        ET.SubElement(entry, "descrip", type="subjectField").text = concept.domain
        for other in concept.not_:
            ET.SubElement(entry, "note").text = f"not equivalent: {other}"
        for lang, found in terms.items():
            lang_set = ET.SubElement(entry, "langSet", {XML_LANG: lang})
            if concept.note.get(lang):
                ET.SubElement(lang_set, "note").text = concept.note[lang]
            for n, (term, term_type) in enumerate(found):
                tig = ET.SubElement(lang_set, "tig")
                ET.SubElement(tig, "term").text = term
                ET.SubElement(tig, "termNote", type="termType").text = term_type
                ET.SubElement(tig, "termNote", type="partOfSpeech").text = "noun" if concept.domain != "qualifier" else "other"
                ET.SubElement(tig, "termNote", type="administrativeStatus").text = \
                    "preferredTerm-admn-sts" if n == 0 else "admittedTerm-admn-sts"
    ET.indent(root, space="  ")
    return (b'<?xml version="1.0" encoding="UTF-8"?>\n'
            b'<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">\n' + ET.tostring(root, encoding="utf-8") + b"\n")
