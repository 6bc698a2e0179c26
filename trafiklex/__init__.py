"""trafiklex: the domain code of the anti-trafficking legal corpus (loading, validation, queries,
rendering). Plain Python: MkDocs, the PDF build, the scripts and the tests all call it."""
LANGUAGES = ("sq", "en")
OTHER = {"sq": "en", "en": "sq"}  # the other language


def in_language(texts: dict[str, str], lang: str) -> tuple[str, str]:
    """A text in `lang`, or else in the other language (and which language it is in)."""
    if texts.get(lang):
        return texts[lang], lang
    return texts.get(OTHER[lang], ""), OTHER[lang]
