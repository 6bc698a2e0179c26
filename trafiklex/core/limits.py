"""What a data file, a field and a page may hold: limits chosen from the corpus with room to grow
(EDITING.md, "Limits"), so that a slip or a hostile edit stops the build with a message instead of
keeping it busy for minutes or printing a word past the PDF's margin."""
from __future__ import annotations

import re

MAX_DATA_FILE_BYTES = 5_000_000   # the largest data file, data/activities.yml, is 77 KB; ×50 in the benchmark, 3.9 MB
MAX_PAGE_BYTES = 256_000          # the largest page of the edition is 23 KB (EDITING.md, "Limits")
MAX_INPUT_FILE_BYTES = 8_000_000  # any other file of the inputs (styles, scripts, sources): the largest is 232 KB
MAX_FIELD_CHARS = 8_000           # the longest text of the data is 1,927 characters (data/screening.yml)
MAX_WORD_CHARS = 60               # the longest word: 49 characters (a note id); of printed text, 27
MAX_DEPTH = 32                    # the deepest nesting of the data is 10 (data/activities.yml)
MAX_NUMBER = 10**15               # whole numbers: fines, years (a JSON reader keeps them exact)



def file_limit(name: str) -> int:
    """The size limit of the input file `name` (its path in the project, with /): a data file's, a
    page's, or any other input's (EDITING.md, "Limits": the same figures)."""
    if name.endswith((".yml", ".yaml")) and name.startswith(("data/", "locales/", "translations/")):
        return MAX_DATA_FILE_BYTES
    if name.endswith(".md") and name.startswith("docs/"):
        return MAX_PAGE_BYTES
    return MAX_INPUT_FILE_BYTES


# characters that have no place in a text: control characters (but tab and line break), the controls
# of the writing direction, which make text show other than it is stored, and what XML cannot hold
# (lone surrogates, U+FFFE, U+FFFF: the TBX, TMX, Akoma Ntoso and feed files would not be XML)
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]")
NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")
WORD = re.compile(r"\S{%d,}" % (MAX_WORD_CHARS + 1))
# fields that are never printed as words, so that a long "word" there is no problem: the regular
# expressions of data/documents.yml's references (`pattern`, `each`), a source's address (`url`)
UNPRINTED = frozenset({"pattern", "each", "url"})


def text_problem(text: str, printed: bool = True) -> tuple[str, str] | None:
    """What is wrong with one text of the data (a field's value or a key), and what was expected;
    None when it is within the limits (the word limit only for a text that is `printed`)."""
    control = CONTROL.search(text)
    if control and NOT_XML.match(control.group()):
        return (f"the text has a character that XML cannot hold (U+{ord(control.group()):04X}) at character "
                f"{control.start() + 1}", "printable text: no control characters (but tab and line break), no "
                "direction overrides, no lone surrogates (U+D800–U+DFFF), no U+FFFE or U+FFFF")
    if control:
        return (f"the text has a control character (U+{ord(control.group()):04X}) at character {control.start() + 1}",
                "printable text: no control characters (but tab and line break), no direction overrides")
    if len(text) > MAX_FIELD_CHARS:
        return (f"the text is {len(text):,} characters long",
                f"at most {MAX_FIELD_CHARS:,} characters in one field (EDITING.md, Limits)")
    word = WORD.search(text) if printed else None
    if word:
        return (f"a word of {len(word.group()):,} characters ('{word.group()[:20]}…')",
                f"words of at most {MAX_WORD_CHARS} characters, which fit on a printed line (EDITING.md, Limits)")
    return None
