"""Words of the interface (not of the documents), in both languages."""
from __future__ import annotations

LABELS = {
    "sq": {
        "language_name": {"sq": "shqip", "en": "anglisht"},
        "text_of": {"sq": "tekstin shqip", "en": "tekstin anglez"},
        "editorial_note": "Shënim editorial",
        "only_in": "Kjo pjesë është e shtypur vetëm në {text}.",
        "see_other": "Shihni atë",
        "aim": "SYNIME STRATEGJIKE",
        "objective": "Objektiva Specifike",
        "footnotes": "Shënime në fund të faqes",
        "abbreviation": "Shkurtimi",
        "meaning": "Kuptimi",
        "tick": "kutizë për t’u shënuar",
    },
    "en": {
        "language_name": {"sq": "Albanian", "en": "English"},
        "text_of": {"sq": "the Albanian text", "en": "the English text"},
        "editorial_note": "Editorial note",
        "only_in": "This part is printed only in {text}.",
        "see_other": "See it there",
        "aim": "STRATEGIC AIM",
        "objective": "Specific Objective",
        "footnotes": "Footnotes",
        "abbreviation": "Abbreviation",
        "meaning": "Meaning",
        "tick": "tick box",
    },
}


def label(lang: str, key: str):
    return LABELS[lang][key]
