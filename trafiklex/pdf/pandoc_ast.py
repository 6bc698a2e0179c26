"""Pandoc, through pypandoc (which ships it): HTML in, Typst out, with the document tree (pandoc's
JSON AST) in between, so that the print build can change the tree rather than the text."""
from __future__ import annotations

import json

import pypandoc

from trafiklex.core import cache

READER = "html"
WRITER = "typst-smart"  # -smart: quotation marks and apostrophes are written as printed, never re-guessed


def _convert(text: str, to: str, source_format: str, quiet: bool = False) -> str:
    # sandbox: pandoc reads no file and fetches nothing (no request to any other host)
    return pypandoc.convert_text(text, to, format=source_format, verify_format=False, sandbox=True,
                                 extra_args=["--quiet"] if quiet else [])


def read_html_parts(parts: list[str]) -> tuple[dict, list[list]]:
    """Several HTML documents through pandoc: the tree (for its API version), and each document's
    blocks. Each document's reading is kept in the build cache (pandoc reads a document the same
    whatever is read with it); those not there go through pandoc in one pass, each wrapped in a
    division of its own (the same clause ids recur from one to the next, which pandoc would warn
    about: here that is expected)."""
    def read_all(missing: list[str]) -> list[str]:
        wrapped = "".join(f'<div class="pandoc-part">{html_text}</div>' for html_text in missing)
        tree = json.loads(_convert(wrapped, "json", READER, quiet=True))
        return [json.dumps({"pandoc-api-version": tree["pandoc-api-version"], "blocks": block["c"][1]}) for block in tree["blocks"]]

    read = [json.loads(text) for text in cache.cached_each("pandoc-html", parts or [""], read_all)]
    tree = {"pandoc-api-version": read[0]["pandoc-api-version"], "meta": {}, "blocks": []}
    return tree, [part["blocks"] for part in read][:len(parts)]


def write_typst(document: dict) -> str:
    return _convert(json.dumps(document), WRITER, "json")


PART_BOUNDARY = "//trafiklex-part-boundary"  # a Typst comment line between parts written in one pass


def write_typst_parts(parts: list[list], template: dict) -> str:
    """The Typst of several parts' blocks, one after the other: each part's Typst is kept in the build
    cache; those not there are written in one pass through pandoc (a boundary line between them,
    where the Typst is cut again)."""
    def write_all(missing: list[str]) -> list[str]:
        joined = []
        for n, document in enumerate(missing):
            joined += ([raw_block(PART_BOUNDARY)] if n else []) + json.loads(document)["blocks"]
        written = write_typst(blocks_document(joined, template)).split(PART_BOUNDARY + "\n")
        if len(written) == len(missing):
            return written
        return [write_typst(json.loads(document)) for document in missing]  # (a part that prints the line itself)

    documents = [json.dumps(blocks_document(blocks, template), ensure_ascii=False) for blocks in parts]
    return "".join(cache.cached_each("pandoc-typst", documents, write_all))


def blocks_document(blocks: list, template: dict) -> dict:
    """A document with `blocks`, of the same pandoc API version as `template`."""
    return {"pandoc-api-version": template["pandoc-api-version"], "meta": {}, "blocks": blocks}


# --- nodes -------------------------------------------------------------------------------------------

def raw_block(typst: str) -> dict:
    return {"t": "RawBlock", "c": ["typst", typst]}


def raw_inline(typst: str) -> dict:
    return {"t": "RawInline", "c": ["typst", typst]}


def attr(node: dict) -> tuple[str, list[str], dict[str, str]] | None:
    """(id, classes, attributes) of a Div, Span, Header or Link; None for other nodes."""
    kind = node["t"]
    if kind in ("Div", "Span", "Link", "Code", "CodeBlock", "Table", "Figure"):
        identifier, classes, pairs = node["c"][0]
    elif kind == "Header":
        identifier, classes, pairs = node["c"][1]
    else:
        return None
    return identifier, classes, dict(pairs)


def plain_text(inlines: list) -> str:
    """The text of a list of inlines."""
    out = []
    for node in inlines:
        kind, content = node["t"], node.get("c")
        if kind == "Str":
            out.append(content)
        elif kind in ("Space", "SoftBreak", "LineBreak"):
            out.append(" ")
        elif kind in ("Emph", "Strong", "Underline", "Strikeout", "Superscript", "Subscript", "SmallCaps"):
            out.append(plain_text(content))
        elif kind in ("Span", "Link", "Quoted"):
            out.append(plain_text(content[1]))
        elif kind == "Code":
            out.append(content[1])
    return "".join(out)


# --- walking the tree --------------------------------------------------------------------------------

def map_blocks(blocks: list, block_fn, inline_fn=None) -> list:
    """A new list of blocks: block_fn(block) returns the blocks that replace `block` (or None to keep
    it, with its children mapped); inline_fn likewise for inlines."""
    out = []
    for block in blocks:
        replaced = block_fn(block)
        if replaced is not None:
            out.extend(replaced)
            continue
        out.append(_map_children(block, block_fn, inline_fn))
    return out


def map_inlines(inlines: list, inline_fn, block_fn=None) -> list:
    out = []
    for node in inlines:
        replaced = inline_fn(node) if inline_fn else None
        if replaced is not None:
            out.extend(replaced)
            continue
        out.append(_map_inline_children(node, inline_fn, block_fn))
    return out


def _blocks(blocks, block_fn, inline_fn):
    return map_blocks(blocks, block_fn, inline_fn)


def _inlines(inlines, block_fn, inline_fn):
    return map_inlines(inlines, inline_fn, block_fn) if inline_fn else inlines


def _map_children(block: dict, block_fn, inline_fn) -> dict:
    kind, content = block["t"], block.get("c")
    if kind in ("Para", "Plain"):
        return {"t": kind, "c": _inlines(content, block_fn, inline_fn)}
    if kind == "Header":
        return {"t": kind, "c": [content[0], content[1], _inlines(content[2], block_fn, inline_fn)]}
    if kind == "Div":
        return {"t": kind, "c": [content[0], _blocks(content[1], block_fn, inline_fn)]}
    if kind == "BlockQuote":
        return {"t": kind, "c": _blocks(content, block_fn, inline_fn)}
    if kind == "BulletList":
        return {"t": kind, "c": [_blocks(item, block_fn, inline_fn) for item in content]}
    if kind == "OrderedList":
        return {"t": kind, "c": [content[0], [_blocks(item, block_fn, inline_fn) for item in content[1]]]}
    if kind == "DefinitionList":
        return {"t": kind, "c": [[_inlines(term, block_fn, inline_fn), [_blocks(d, block_fn, inline_fn) for d in defs]]
                                 for term, defs in content]}
    if kind == "LineBlock":
        return {"t": kind, "c": [_inlines(line, block_fn, inline_fn) for line in content]}
    return block


def _map_inline_children(node: dict, inline_fn, block_fn) -> dict:
    kind, content = node["t"], node.get("c")
    if kind in ("Emph", "Strong", "Underline", "Strikeout", "Superscript", "Subscript", "SmallCaps"):
        return {"t": kind, "c": map_inlines(content, inline_fn, block_fn)}
    if kind in ("Span",):
        return {"t": kind, "c": [content[0], map_inlines(content[1], inline_fn, block_fn)]}
    if kind == "Link":
        return {"t": kind, "c": [content[0], map_inlines(content[1], inline_fn, block_fn), content[2]]}
    if kind == "Quoted":
        return {"t": kind, "c": [content[0], map_inlines(content[1], inline_fn, block_fn)]}
    if kind == "Note" and block_fn:
        return {"t": kind, "c": map_blocks(content, block_fn, inline_fn)}
    return node
