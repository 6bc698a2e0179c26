"""Words of the printed editions (not of the documents), in both languages."""
from __future__ import annotations

WORDS = {
    "sq": {
        "title": "Korniza ligjore shqiptare kundër trafikimit, 2005",
        "kicker": "Manual",
        "subtitle": "Shtatë dokumentet e vitit 2005 kundër trafikimit të qenieve njerëzore",
        "bilingual_kicker": "Botim dygjuhësh · Bilingual edition",
        "bilingual_subtitle": "Shqip dhe anglisht, paralelisht, dispozitë për dispozitë",
        "contents": "Përmbajtja",
        "edition": "Botimi i {date}",
        "notice": [
            "Tekstet janë dokumente publike të Qeverisë Shqiptare, 2005, të riprodhuara ashtu siç janë shtypur, "
            "me drejtshkrimin dhe gabimet e tyre. Teksti shqip është autentik.",
            "Shënimet editoriale, në kuti, janë të këtij botimi: ato tregojnë gabimet e shtypit dhe ndryshimet "
            "midis dy gjuhëve, pa e ndryshuar tekstin.",
        ],
        "only_one_side": "Kjo pjesë është e shtypur vetëm në {text}.",
        "form_title": "Pyetësori i identifikimit",
        "form_note": "Formular bosh për t’u plotësuar me dorë: shënoni kutizat dhe shkruani në vija.",
        "sheet_title": "Detyrimet",
        "sheet_intro": "Çfarë u kërkojnë dokumentet e vitit 2005 kundër trafikimit; teksti i plotë i çdo dispozite "
                       "është në manual dhe në faqen e internetit.",
        "sheet_count": "{n} detyrime",
        "institutions_title": "Institucionet dhe detyrimet e tyre",
        "institutions_intro": "Çdo institucion që përmendin dokumentet, me shkurtimet e tij dhe numrin e detyrimeve "
                              "që i caktojnë. Detyrimet e çdo institucioni, me tekstin dhe afatin, janë në fletën e tij "
                              "(PDF) në faqen e internetit.",
    },
    "en": {
        "title": "Albania’s 2005 anti-trafficking legal framework",
        "kicker": "Handbook",
        "subtitle": "The seven 2005 documents against trafficking in human beings",
        "bilingual_kicker": "Botim dygjuhësh · Bilingual edition",
        "bilingual_subtitle": "Albanian and English in parallel, clause by clause",
        "contents": "Contents",
        "edition": "Edition of {date}",
        "notice": [
            "The texts are public documents of the Government of Albania, 2005, reproduced as printed, with their "
            "spelling and their slips. The Albanian text is authoritative.",
            "The editorial notes, in boxes, are this edition’s: they point out printing errors and differences "
            "between the two languages without changing the text.",
        ],
        "only_one_side": "This part is printed only in {text}.",
        "form_title": "Identification questionnaire",
        "form_note": "Blank form to fill in by hand: tick the boxes and write on the lines.",
        "sheet_title": "Obligations",
        "sheet_intro": "What the 2005 anti-trafficking documents require; the full text of every clause is in the "
                       "handbook and on the website.",
        "sheet_count": "{n} obligations",
        "institutions_title": "Institutions and their obligations",
        "institutions_intro": "Every institution the documents name, with its acronyms and the number of obligations "
                              "they give it. Each institution's obligations, with their text and deadlines, are on its "
                              "own sheet (PDF) on the website.",
    },
}


def word(lang: str, key: str):
    return WORDS[lang][key]
