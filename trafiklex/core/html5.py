"""HTML read as a browser reads it: the WHATWG parsing algorithm (html5lib), with scripting on as in
a browser (so that <noscript> holds text), each tag with the line where it begins.

A check that reads markup with any other tokenizer can be made to see text where a browser sees
markup (`<!--> <meta http-equiv="refresh" …> -->`, `<![CDATA[ x >` outside SVG, `<noscript><p
title="</noscript><img …>">`, `<svg><style><img …>`): read() is the one reader of HTML for the
checks that guard what a page may run (trafiklex.website.sitepolicy for the built pages,
trafiklex.data.pagefiles for the pages' sources).

read() gives every start tag the tokenizer produced, whether or not the tree kept it (a newer
browser may keep what this parser drops: Chromium keeps the elements inside a <select> that the
parser of 2020 dropped), the comments and other declarations (CDATA outside foreign content,
processing instructions and `<!x`, `</ x` are comments to a browser), the tokenizer's errors (each
a place where the markup is not written the plain way), and the tree, for the text of scripts and
styles."""
from __future__ import annotations

from dataclasses import dataclass, field

from html5lib import _tokenizer, html5parser
from html5lib.constants import E, namespaces, tokenTypes

HTML = namespaces["html"]
LINE = " line"  # (a key no attribute can have: a space ends an attribute's name) the line a tag begins on
_START, _COMMENT, _DOCTYPE, _ERROR = (tokenTypes[k] for k in ("StartTag", "Comment", "Doctype", "ParseError"))


@dataclass
class Tag:
    line: int
    name: str             # lower case (an SVG element's as the tokenizer read it: foreignobject)
    namespace: str        # HTML's, SVG's or MathML's, as the tree builder placed it
    attributes: dict      # name (lower case; xlink:href) → value; a repeated name: the first, as a browser takes it


@dataclass
class Reading:
    tags: list[Tag] = field(default_factory=list)
    comments: list[tuple[int, str]] = field(default_factory=list)  # (line, what): comments, doctypes, bogus comments
    errors: list[tuple[int, str, str]] = field(default_factory=list)  # the tokenizer's, but those of comments
    tree: object = None                                             # the document (xml.etree), each element with LINE


def _of_a_comment(code: str) -> bool:
    """An error that a comment (or a bogus one, a doctype) holds: the comment itself is reported."""
    return "comment" in code or "doctype" in code or code in ("expected-dashes-or-doctype", "need-space-after-doctype",
                                                              "expected-tag-name-but-got-question-mark",
                                                              "expected-closing-tag-but-got-char")


class _Tokenizer(_tokenizer.HTMLTokenizer):
    def __init__(self, stream, parser=None, **kwargs):
        super().__init__(stream, parser=parser, **kwargs)
        self.start = 1
        self.reading: Reading = parser.reading
        self.started: list[dict] = parser.started

    def tagOpenState(self):  # (a '<' has just been read)
        self.start = self.stream.position()[0]
        return super().tagOpenState()

    def emitCurrentToken(self):
        token = self.currentToken
        super().emitCurrentToken()
        if token["type"] == _START:
            token["data"][LINE] = self.start
            self.started.append(token)

    def __iter__(self):
        for token in super().__iter__():
            kind = token["type"]
            if kind == _ERROR and not _of_a_comment(token["data"]):
                code = token["data"]
                try:
                    words = E.get(code, code) % token.get("datavars", {})
                except (KeyError, TypeError, ValueError):
                    words = E.get(code, code)
                self.reading.errors.append((self.stream.position()[0], code, words))
            elif kind == _COMMENT:
                self.reading.comments.append((self.start, f"<!--{token['data']}-->"))
            elif kind == _DOCTYPE:
                self.reading.comments.append((self.start, f"<!DOCTYPE {token.get('name') or ''}>"))
            yield token


class _Parser(html5parser.HTMLParser):
    def __init__(self):
        super().__init__(tree=html5parser.treebuilders.getTreeBuilder("etree"), namespaceHTMLElements=True)
        self.reading, self.started = Reading(), []

    def _parse(self, stream, innerHTML=False, container="div", scripting=False, **kwargs):
        # html5lib's own, with the tokenizer above (the input is text: no change of encoding to reparse for)
        self.innerHTMLMode, self.container, self.scripting = innerHTML, container, scripting
        self.tokenizer = _Tokenizer(stream, parser=self, **kwargs)
        self.reset()
        self.mainLoop()


def _name(key) -> str:
    """An attribute's name: html5lib gives xlink:href and its kind as (prefix, name, namespace)."""
    if isinstance(key, tuple):
        return f"{key[0]}:{key[1]}" if key[0] else key[1]
    return key.lower()


def read(text: str, fragment: bool = False) -> Reading:
    """The page (or, with `fragment`, markup inside a <div> of a page's body) as a browser reads it."""
    parser = _Parser()
    if fragment:
        parser.reading.tree = parser.parseFragment(text, container="div", scripting=True)
    else:
        parser.reading.tree = parser.parse(text, scripting=True)
    for token in parser.started:
        attributes = {}
        for key, value in token["data"].items():
            if key != LINE:
                attributes.setdefault(_name(key), value)
        parser.reading.tags.append(Tag(token["data"][LINE], token["name"].lower(), token.get("namespace") or HTML,
                                       attributes))
    return parser.reading


def local(element) -> tuple[str, str]:
    """(namespace, name) of an element of the tree."""
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag.startswith("{"):
        namespace, _, name = tag[1:].partition("}")
        return namespace, name
    return HTML, tag


def line(element) -> int:
    return int(element.get(LINE, 0) or 0)
