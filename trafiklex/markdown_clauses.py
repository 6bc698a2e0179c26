"""The text of a clause in a page's Markdown source, found by its id (the running text lives in the
pages, not in data/): a paragraph followed by `{: #id }`, a heading `… { #id }`, or an HTML element
with that id."""
from __future__ import annotations

import html
import re
from functools import lru_cache
from pathlib import Path

_TAG = re.compile(r"<[^>]+>")


def _plain(markdown: str) -> str:
    text = re.sub(r"<br\s*/?>", " ", markdown)
    text = _TAG.sub(" ", text)
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!])", r"\1", text)  # Markdown escapes: 1\. → 1.
    text = re.sub(r"\[\^\w+\]", "", text)                       # footnote references
    return " ".join(html.unescape(text).split())


@lru_cache(maxsize=64)
def _read(path: Path, stamp: int) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def lines_of(root: Path, page: str, lang: str) -> list[str]:
    path = root / "docs" / lang / f"{page}.md"
    return _read(path, path.stat().st_mtime_ns)


def clause_text(root: Path, page: str, lang: str, anchor: str, body: bool = False) -> str | None:
    """The plain text of the clause `anchor` on `page` in `lang`, or None if the page has no such id.
    For a heading, `body=True` gives the running text under it (up to the next heading) instead."""
    lines = lines_of(root, page, lang)
    marker = re.compile(r"^\{:\s*#" + re.escape(anchor) + r"(\s[^}]*)?\s*\}\s*$")
    heading = re.compile(r"^#+\s+(.*?)\s*\{\s*#" + re.escape(anchor) + r"\s*\}\s*$")
    opening = re.compile(r"<(\w+)[^>]*\sid=\"" + re.escape(anchor) + r"\"[^>]*>")
    for number, line in enumerate(lines):
        if marker.match(line):
            start = number
            while start > 0 and lines[start - 1].strip():
                start -= 1
            return _plain(" ".join(lines[start:number]))
        match = heading.match(line)
        if match and body:
            level = len(line) - len(line.lstrip("#"))
            under = []
            for following in lines[number + 1:]:
                depth = len(following) - len(following.lstrip("#"))
                if 0 < depth <= level and following[depth:depth + 1] == " ":
                    break
                if not following.lstrip().startswith(("{{", "{:")):
                    under.append(following)
            return _plain(" ".join(under))
        if match:
            return _plain(match.group(1))
        match = opening.search(line)
        if match:
            tag = match.group(1)
            body = [line[match.end():]]
            closing = f"</{tag}>"
            if closing not in body[0]:
                for following in lines[number + 1:]:
                    body.append(following)
                    if following.strip().startswith(closing):
                        break
            return _plain(" ".join(body).split(closing)[0])
    return None


def heading_number(root: Path, page: str, lang: str, anchor: str) -> str | None:
    """The number a heading prints ("IX", "5", "A"), e.g. for `## X. Monitoring … { #sec_IX }` → "X"."""
    text = None
    heading = re.compile(r"^#+\s+(.*?)\s*\{\s*#" + re.escape(anchor) + r"\s*\}\s*$")
    for line in lines_of(root, page, lang):
        match = heading.match(line)
        if match:
            text = match.group(1)
            break
    if not text:
        return None
    match = re.match(r"^(?:NENI|Neni|ARTICLE|Article)?\s*([0-9IVXLC]+|[A-Z])[.:)]", text.strip())
    return match.group(1) if match else None
