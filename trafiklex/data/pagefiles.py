"""The pages' Markdown files (docs/<lang>/**/*.md), read strictly before anything renders them: each
within its size limit, in UTF-8, without control characters or over-long words, and with front
matter of the form the site uses (a mapping of the known keys, each of its type)."""
from __future__ import annotations

import re
from pathlib import Path

from trafiklex.data import inputs, yamlio
from trafiklex.core import html5, limits, tree
from trafiklex.core.errors import DataError, Problem, shown

# front matter key → (its type, what it must be): what the pages and the generated pages use
FRONT_MATTER_KEYS = {
    "document": (str, "a document id from data/documents.yml"),
    "title": (str, "a text"),
    "hide": (list, "a list of parts of the page to hide, e.g. [toc]"),
    "institution_id": (str, "an institution id"),
    "parallel_of": (str, "a document id"),
    "topic_id": (str, "a topic id from data/topics.yml"),
    "synthetic_of": (str, "the document a benchmark's synthetic page copies (scripts/bench.py)"),
}
FRONT_MATTER = re.compile(r"\A---\r?\n(.*?\r?\n)?---\r?\n", re.DOTALL)
# an image: the printed edition (Typst) has no way to include one, and would report it against its
# own generated source; so it is refused here, with the page and the line
IMAGE = re.compile(r"!\[[^\]\n]*\][(\[]|<img\b|<image\b|<picture\b", re.I)
# Markup a browser reads in a way of its own, which a page never needs (read as a browser reads it,
# trafiklex.core.html5): comments and declarations (<!-- -->, <![CDATA[ ]]>, <?…?>, <!…>, </ …>)
# and tags written otherwise than the plain way (every error of the tokenizer but those of text: a
# lone '<', an '&' without ';') — where a reader and a browser can disagree on what is markup; and
# the elements whose content a browser parses in a mode of its own (raw text, foreign content, inert
# templates, text with scripting on). A <script> or <iframe> is refused by the site's policy.
PLAIN_TEXT_ERRORS = {"expected-tag-name", "expected-tag-name-but-got-right-bracket", "named-entity-without-semicolon",
                     "numeric-entity-without-semicolon", "expected-named-entity", "expected-numeric-entity"}
MODE_ELEMENTS = {"noscript", "template", "textarea", "title", "xmp", "plaintext", "noembed", "noframes", "select",
                 "style", "svg", "math"}
MARKUP_EXPECTED = ("text, Markdown and plain HTML tags (p, br, div, ul, li, a …) with quoted attributes: no comments, "
                   "CDATA, <?…?> or <!…>, and no " + ", ".join(f"<{e}>" for e in sorted(MODE_ELEMENTS)))
# a Markdown autolink (<https://…>): a link, not a tag (Python-Markdown's pattern)
AUTOLINK = re.compile(r"<((?:[Ff]|[Hh][Tt])[Tt][Pp][Ss]?://[^<>]*)>")
# the class of the placeholder a table's macro leaves where the table stands ({{ activities() }} …:
# trafiklex.views.document_page), which the printed edition replaces with the table: a page may not
# write one itself (it would name no table)
PART_CLASS = "print-part"
_PART = re.compile(r"(?<![\w-])" + re.escape(PART_CLASS) + r"(?![\w-])")
BOM = "\ufeff"
# what is not printed as a word: link targets, attribute lists, HTML tags, macro calls
_NOT_WORDS = re.compile(r"\]\([^)\n]*\)|\{[:#][^}\n]*\}|\{\{.*?\}\}|<[^>\n]*>")


def page_problems(root: Path) -> list[Problem]:
    problems: list[Problem] = []
    docs = root / "docs"
    if not docs.is_dir():
        return problems
    for path in tree.listed(docs, "*.md"):
        name = path.relative_to(root).as_posix()
        try:
            problems += _page(inputs.read_bytes(path, name, limits.MAX_PAGE_BYTES), name)
        except DataError as error:
            problems += error.problems
    return problems


def _line(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def _page(raw: bytes, name: str) -> list[Problem]:
    try:
        text = raw.decode("utf-8").replace("\r\n", "\n")
    except UnicodeDecodeError as error:
        return [Problem(name, f"the page is not valid UTF-8 (byte 0x{raw[error.start]:02x})",
                        line=raw[: error.start].count(b"\n") + 1, expected="UTF-8 text")]
    problems = []
    if text.startswith(BOM):
        return [Problem(name, "the page starts with a byte-order mark (BOM)", line=1,
                        expected="UTF-8 without a BOM (save the file as UTF-8 without signature)")]
    part = _PART.search(text)
    if part:
        problems.append(Problem(name, f"the class '{PART_CLASS}' in the page", line=_line(text, part.start()),
                                expected="a table placed with its macro ({{ activities() }}, {{ penalties() }}, "
                                         "{{ screening() }}, {{ glossary(\"…\") }}): the class print-part is the "
                                         "macros' own, where the printed edition puts the table"))
    control = limits.CONTROL.search(text)
    if control:
        what = "a character that XML cannot hold" if limits.NOT_XML.match(control.group()) else "a control character"
        problems.append(Problem(name, f"{what} (U+{ord(control.group()):04X}) in the page",
                                line=_line(text, control.start()),
                                expected="printable text: no control characters (but tab and line break), no U+FFFE "
                                         "or U+FFFF"))
    front = FRONT_MATTER.match(text)
    if front and not control:
        problems += _front_matter(front.group(1) or "", name)
    image = IMAGE.search(text)
    if image:
        problems.append(Problem(name, f"an image in the page ({image.group()}…)", line=_line(text, image.start()),
                                expected="no images in the pages: the printed edition cannot include them (link to "
                                         "the file instead: [text](../assets/…))"))
    problems += _markup(text, name)
    body = _NOT_WORDS.sub(lambda m: " " * len(m.group()), text[front.end():] if front else text)
    for word in limits.WORD.finditer(body):
        problems.append(Problem(name, f"a word of {len(word.group()):,} characters ('{word.group()[:20]}…')",
                                line=_line(text, word.start() + (front.end() if front else 0)),
                                expected=f"words of at most {limits.MAX_WORD_CHARS} characters, which fit on a "
                                         "printed line (EDITING.md, Limits)"))
        break
    return problems


def _markup(text: str, name: str) -> list[Problem]:
    """The page's markup, read as a browser reads it: only the plain kind (MODE_ELEMENTS, PLAIN_TEXT_ERRORS)."""
    reading = html5.read(AUTOLINK.sub(lambda m: " " * len(m.group()), text), fragment=True)
    found = [(line, f"a comment or declaration in the page: {shown(what, 60)}") for line, what in reading.comments]
    found += [(line, f"markup that a browser reads otherwise than it is written ({words})")
              for line, code, words in reading.errors if code not in PLAIN_TEXT_ERRORS]
    found += [(tag.line, f"a <{tag.name}> element: a browser parses its content in a mode of its own")
              for tag in reading.tags if tag.name in MODE_ELEMENTS]
    return [Problem(name, what, line=line, expected=MARKUP_EXPECTED) for line, what in sorted(found)]


def _front_matter(text: str, name: str) -> list[Problem]:
    if not text.strip():
        return []
    try:
        located = yamlio.loads(text, name)
    except DataError as error:  # (its lines count from the line after the opening ---)
        return [Problem(p.file, "in the front matter: " + p.message, line=(p.line or 0) + 1, field=p.field,
                        expected=p.expected) for p in error.problems]
    problems = []
    for key, value in located.data.items():
        line = (located.line((key,)) or 0) + 1
        if key not in FRONT_MATTER_KEYS:
            problems.append(Problem(name, f"unknown front matter key '{key}'", line=line, field=key,
                                    expected="one of " + ", ".join(FRONT_MATTER_KEYS)))
            continue
        kind, expected = FRONT_MATTER_KEYS[key]
        if not isinstance(value, kind) or (kind is list and not all(isinstance(v, str) for v in value)):
            problems.append(Problem(name, f"the front matter's '{key}' is not {'a list of texts' if kind is list else 'a text'}",
                                    line=line, field=key, expected=expected))
    return problems


def check_pages(root: Path) -> None:
    problems = page_problems(root)
    if problems:
        raise DataError(problems)
