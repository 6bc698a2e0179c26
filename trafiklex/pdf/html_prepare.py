"""HTML made ready for pandoc's HTML reader, which keeps the id and classes of a <div> but drops
those of a <p> or an <li>: such an element is given a <div> that carries them (around a paragraph,
inside a list item), so that clause ids become Typst labels and classes can be styled.

Where the two languages of a document go through pandoc together (the parallel edition), the ids
of one language get a suffix, and so do the links to them, so that every id names one element."""
from __future__ import annotations

from trafiklex.core.alignment import Token, start_tag, tokens
from trafiklex.core.htmltext import VOID

WRAPPED_OUTSIDE = {"p"}   # <p id="x"> … </p>   →  <div id="x"><p> … </p></div>
WRAPPED_INSIDE = {"li"}   # <li id="x"> … </li> →  <li><div id="x"> … </div></li>


def prepare(html_text: str, id_suffix: str = "") -> str:
    out: list[str] = []
    open_elements: list[tuple[str, bool]] = []  # (tag, wrapped)
    for token in tokens(html_text):
        if id_suffix and token.kind in ("start", "startend") and (token.attr("id") or (token.attr("href") or "").startswith("#")):
            token = _suffixed(token, id_suffix)
        if token.kind == "start" and token.tag in WRAPPED_OUTSIDE | WRAPPED_INSIDE:
            kept = [(name, value) for name, value in token.attrs if name in ("id", "class", "lang")]
            wrapped = bool(kept)
            if not wrapped:
                out.append(token.raw)
            elif token.tag in WRAPPED_OUTSIDE:
                out.append(start_tag("div", kept) + f"<{token.tag}>")
            else:
                out.append(f"<{token.tag}>" + start_tag("div", kept))
            open_elements.append((token.tag, wrapped))
        elif token.kind == "end" and any(tag == token.tag for tag, _ in open_elements):
            while True:  # an element left open inside this one is closed here, wrapper and all
                tag, wrapped = open_elements.pop()
                if tag == token.tag:
                    out.append(_end(tag, wrapped, token.raw))
                    break
                if wrapped:
                    out.append(_end(tag, wrapped, f"</{tag}>"))
        else:
            if token.kind == "start" and token.tag not in VOID:
                open_elements.append((token.tag, False))
            out.append(token.raw)
    out += [_end(tag, wrapped, "") for tag, wrapped in reversed(open_elements) if wrapped]
    return "".join(out)


def _end(tag: str, wrapped: bool, raw: str) -> str:
    if not wrapped:
        return raw
    return f"</{tag}></div>" if tag in WRAPPED_OUTSIDE else f"</div></{tag}>"


def _suffixed(token: Token, suffix: str) -> Token:
    attrs = tuple((name, value + suffix if name == "id" or (name == "href" and value.startswith("#")) else value)
                  for name, value in token.attrs)
    return Token(token.kind, token.tag, attrs, start_tag(token.tag, attrs) if token.kind == "start" else
                 start_tag(token.tag, attrs)[:-1] + " />")
