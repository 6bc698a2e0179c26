"""Python values written as Typst code: the print parts hand the data to the Typst templates this
way. A string becomes a Typst string literal, so whatever a data file holds prints as text, exactly,
and never as markup."""
from __future__ import annotations


def string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    return f'"{escaped}"'


class Code(str):
    """Typst code, written as it is (`datetime(year: 2026, month: 11, day: 28)`), not as a string."""


def value(item) -> str:
    """A Typst literal for str, bool, None, int, float, list/tuple and dict (string keys)."""
    if isinstance(item, Code):
        return str(item)
    if isinstance(item, str):
        return string(item)
    if isinstance(item, bool):
        return "true" if item else "false"
    if item is None:
        return "none"
    if isinstance(item, (int, float)):
        return repr(item)
    if isinstance(item, (list, tuple)):
        inner = ", ".join(value(v) for v in item)
        return f"({inner},)" if len(item) == 1 else f"({inner})"
    if isinstance(item, dict):
        if not item:
            return "(:)"
        return "(" + ", ".join(f"{string(str(k))}: {value(v)}" for k, v in item.items()) + ")"
    raise TypeError(f"no Typst literal for {type(item).__name__}")


def arguments(*args, **kwargs) -> str:
    """`arg, …, name: value, …` (a keyword's `_` is written `-`: document_title → document-title)."""
    return ", ".join([value(a) for a in args] + [f"{k.replace('_', '-')}: {value(v)}" for k, v in kwargs.items()])


def call(function: str, *args, **kwargs) -> str:
    """`#function(arg, …, name: value, …)` in markup."""
    return f"#{function}({arguments(*args, **kwargs)})"


def label(document: str, clause_id: str) -> str:
    """The Typst label of a clause of a document ('<document>:art_5__A__1'): clause ids repeat
    across documents, so the label names the document too."""
    return f"{document}:{clause_id}"
