"""A clause's printed numbering, in words of the page's language, derived from its id: "Article 5,
A.4", "Section 1, objective 5, activity 3", "point 2". Used in obligation lists and citations.

Where a language prints a section under another number than the id (the English Child Trafficking
Strategy numbers its sections one higher from VIII's second part on), `printed` maps the id's number
to the printed one, keyed by the section id (`{"sec_IX": "X", "sec_VIII__part_2": "IX"}`); see
trafiklex.markdown_clauses.heading_number. It also gives the words that name an unnumbered clause
in that language: a glossary entry's abbreviation (`{"sec_4__eu": "BE"}`) and the question a
routing instruction follows (`{"routing_1": "13"}`); see trafiklex.citations.printed_numbers.
"""
from __future__ import annotations

import re

WORDS = {
    "sq": {"article": "neni", "section": "seksioni", "objective": "objektivi", "activity": "aktiviteti",
           "point": "pika", "paragraph": "paragrafi", "item": "pika", "question": "pyetja", "row": "rreshti",
           "code_article": "Kodi Penal, neni", "aim": "synimi strategjik", "specific": "objektivi specifik",
           "definition": "përkufizimi", "situation": "situata", "signatures": "nënshkrimet", "title": "titulli",
           "annex_rule_adult": "përcaktimi për të rriturit", "annex_rule_child": "përcaktimi për fëmijët",
           "party": "pala", "area": "fusha", "part": "pjesa", "heading": "nëntitulli", "footnote": "shënimi",
           "preamble": "hyrja", "entry_into_force": "hyrja në fuqi", "place_date": "vendi dhe data",
           "transmission": "përcjellja", "signatory": "nënshkruesi", "routing": "udhëzimi pas pyetjes"},
    "en": {"article": "Article", "section": "Section", "objective": "objective", "activity": "activity",
           "point": "point", "paragraph": "paragraph", "item": "item", "question": "question", "row": "row",
           "code_article": "Criminal Code, Article", "aim": "Strategic Aim", "specific": "Specific Objective",
           "definition": "definition", "situation": "situation", "signatures": "Signatures", "title": "Title",
           "annex_rule_adult": "determination for adults", "annex_rule_child": "determination for children",
           "party": "party", "area": "area", "part": "part", "heading": "subheading", "footnote": "footnote",
           "preamble": "preamble", "entry_into_force": "entry into force", "place_date": "place and date",
           "transmission": "transmission", "signatory": "signatory", "routing": "instruction after question"},
}


def heading_label(clause_id: str, lang: str, printed: dict[str, str] | None = None) -> str:
    """The clause label as a heading or a table cell: its first letter in capitals."""
    label = clause_label(clause_id, lang, printed)
    return label[:1].upper() + label[1:]


def clause_label(clause_id: str, lang: str, printed: dict[str, str] | None = None) -> str:
    """Words for the printed numbering of a clause id, in `lang` (as inside a sentence: "neni 5, A.4")."""
    w = WORDS[lang]
    printed = printed or {}
    parts = clause_id.split("__")
    head = parts[0]

    if m := re.fullmatch(r"art_(\d+)", head):
        article = f"{w['article']} {m.group(1)}"
        rest = parts[1:]
        if not rest:
            return article
        if re.fullmatch(r"[A-Z]", rest[0]):  # NRM Article 5, party and point
            return f"{article}, {rest[0]}" + (f".{rest[1]}" if len(rest) > 1 else "")
        if re.fullmatch(r"[a-z]", rest[0]):
            return f"{article} ({rest[0]})" if lang == "en" else f"{article}, {rest[0]})"
        if m2 := re.fullmatch(r"item_(\d+)", rest[0]):
            return f"{article}, {w['paragraph']} {m2.group(1)}"
        return article
    if m := re.fullmatch(r"point_(\d+)", head):
        return f"{w['point']} {m.group(1)}"
    if m := re.fullmatch(r"cc_([0-9a-z-]+)", head):
        article = f"{w['code_article']} {m.group(1).replace('-', '/')}"
        return article + (f", {w['row']} {parts[1]}" if len(parts) > 1 else "")
    if m := re.fullmatch(r"q_(\d+)", head):
        return f"{w['question']} {m.group(1)}"
    if m := re.fullmatch(r"area_([IVX]+)", head):
        label = f"{w['area']} {m.group(1)}"
        for part in parts[1:]:
            if m2 := re.fullmatch(r"aim_(\d+)", part):
                label += f", {w['aim']} {m2.group(1)}"
            elif m2 := re.fullmatch(r"obj(?:_([a-z]))?", part):
                label += f", {w['specific']}" + (f" ({m2.group(1)})" if m2.group(1) else "")
        return label
    if m := re.fullmatch(r"sec_([0-9IVX]+|[0-9]+)", head):
        label = f"{w['section']} {printed.get(head, m.group(1))}"
        rest = parts[1:]
        if rest and f"{head}__{rest[0]}" in printed:  # a part printed as a section of its own, or a glossary entry
            named = printed[f"{head}__{rest[0]}"]
            label = f"{w['section']} {named}" if re.fullmatch(r"part_\d+", rest[0]) else f"{label}, {named}"
            rest = rest[1:]
        for part in rest:
            if m2 := re.fullmatch(r"obj_(\d+)", part):
                label += f", {w['objective']} {m2.group(1)}"
            elif m2 := re.fullmatch(r"act_(\d+)", part):
                label += f", {w['activity']} {m2.group(1)}"
            elif m2 := re.fullmatch(r"item_(\d+)", part):
                label += f", {w['paragraph']} {m2.group(1)}"
            elif m2 := re.fullmatch(r"def_(\d+)", part):
                label += f", {w['definition']} {m2.group(1)}"
            elif m2 := re.fullmatch(r"(part|heading)_(\d+)", part):
                label += f", {w[m2.group(1)]} {m2.group(2)}"
            elif part == "footnote":
                label += f", {w['footnote']}"
            elif part in ("adult", "child"):
                label += f", {w['annex_rule_' + part]}"
            elif re.fullmatch(r"\d+", part):
                label += f", {w['situation']} {part}"
            elif re.fullmatch(r"[a-z]", part):
                label += f" ({part})" if lang == "en" else f", {part})"
            elif re.fullmatch(r"[A-Z]", part):
                label += f", {part}"
        return label
    if head == "signatures":
        return w["signatures"] + (f", {parts[1]}" if len(parts) > 1 else "")
    if head == "title":
        return w["title"]
    if head in ("preamble", "entry_into_force", "place_date", "transmission"):
        return w[head] + (f", {w['signatory']}" if parts[1:] == ["signatory"] else "")
    if re.fullmatch(r"routing_\d+", head) and head in printed:
        return f"{w['routing']} {printed[head]}"
    return clause_id
