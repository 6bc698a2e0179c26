"""Reading YAML data files strictly, keeping the line of every value for error messages.

Only what the data needs is accepted: mappings with text keys, lists, texts, whole and decimal
numbers (finite), true/false and nothing (null). Anchors and aliases, explicit tags (`!!python/…`,
`!!int`, `!custom`), keys that are lists or mappings, more than one document and values beyond the
limits of trafiklex.core.limits each stop with the file and the line. The file is parsed by libyaml
(when PyYAML has it) into events, and the data built from them here: no YAML constructor runs."""
from __future__ import annotations

import math
import re
from pathlib import Path

import yaml

from trafiklex.data import inputs
from trafiklex.core import limits
from trafiklex.core.errors import fail

Path_ = tuple  # a path into the document: keys and list indexes


class Located:
    """A parsed YAML file with the line (1-based) of each value, addressed by its path."""

    def __init__(self, file: str, data, lines: dict[Path_, int], first_line: str = ""):
        self.file = file
        self.data = data
        self.lines = lines
        self.first_line = first_line  # (the schema hint for editors)

    def line(self, path: Path_) -> int | None:
        """The line of the value at `path`, or of its nearest ancestor that has one."""
        path = tuple(path)
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path)


class DataLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml's parser when PyYAML has it
    """(The parser; the values are read by _scalar.)"""


# Plain (unquoted) values, as people mean them in data files: only true/false are booleans (not
# yes/no/on/off, so that an acronym such as ON stays a text), dates stay texts (the schemas say
# which texts are dates), numbers are decimal (not 0x1F, 0o17, 1_000 or 1:20), and .nan/.inf are
# texts (so that a number field holding one is a schema error, not a NaN in the JSON downloads).
_NULL = re.compile(r"~|null|Null|NULL|")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")
_KINDS = {yaml.MappingStartEvent: "a mapping", yaml.SequenceStartEvent: "a list", yaml.ScalarEvent: "a value"}


def _scalar(event: yaml.ScalarEvent, name: str, key=None):
    value = event.value
    line = event.start_mark.line + 1
    problem = limits.text_problem(value, printed=key not in limits.UNPRINTED)
    if problem:
        fail(name, problem[0], line=line, expected=problem[1])
    if not event.implicit[0]:  # quoted or block: a text
        return value
    if _NULL.fullmatch(value):
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _INT.fullmatch(value) or _FLOAT.fullmatch(value):
        # (a very long number is not converted at all: Python refuses ints of over 4,300 digits)
        number = math.inf if len(value) > 40 else int(value) if _INT.fullmatch(value) else float(value)
        if not math.isfinite(number) or abs(number) > limits.MAX_NUMBER:
            fail(name, f"the number {value[:30]} is out of range", line=line,
                 expected=f"a number between -{limits.MAX_NUMBER:,} and {limits.MAX_NUMBER:,}")
        return number
    return value


def _refuse_features(event, name: str):
    line = event.start_mark.line + 1
    if isinstance(event, yaml.AliasEvent):
        fail(name, f"a YAML alias (*{event.anchor})", line=line,
             expected="the value written out in full (the data uses no anchors or aliases)")
    if getattr(event, "anchor", None):
        fail(name, f"a YAML anchor (&{event.anchor})", line=line,
             expected="no anchors: each value written out where it is used")
    if getattr(event, "tag", None):
        fail(name, f"an explicit YAML tag ({event.tag[:80]})", line=line,
             expected="no tags: plain values, texts in quotes where needed")


def _build(events, name: str):
    """The data of a one-document YAML stream, and the line of each value: lines[path] is where its
    field (key) or list item starts. Iterative: depth is limited, never a recursion error."""
    lines: dict[Path_, int] = {}
    stack: list[list] = []  # [container, path, pending key] for each open mapping or list
    root = None
    documents = 0
    for event in events:
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                fail(name, "a second YAML document (---) in the file", line=event.start_mark.line + 1,
                     expected="one document per file")
            continue
        if not isinstance(event, (yaml.NodeEvent, yaml.CollectionEndEvent)):
            continue
        _refuse_features(event, name)
        if isinstance(event, yaml.CollectionEndEvent):
            value, path, _ = stack.pop()
            if not stack:
                root = value
            continue
        line = event.start_mark.line + 1
        if stack and isinstance(stack[-1][0], dict) and stack[-1][2] is None:  # a key
            if not isinstance(event, yaml.ScalarEvent):
                fail(name, f"a key that is {_KINDS[type(event)]}", line=line, expected="a key that is a text")
            key = event.value
            problem = limits.text_problem(key)
            if problem:
                fail(name, f"in a key: {problem[0]}", line=line, expected=problem[1])
            container, path, _ = stack[-1]
            if key in container:
                fail(name, f"duplicate key '{key}'", line=line, field=".".join(map(str, path + (key,))),
                     expected="each key once per mapping")
            stack[-1][2] = key
            lines[path + (key,)] = line
            continue
        if stack:
            container, path, key = stack[-1]
            if isinstance(container, dict):
                here = path + (key,)
                stack[-1][2] = None
            else:
                here = path + (len(container),)
                lines[here] = line
        else:
            here = ()
            lines[here] = line
        if isinstance(event, yaml.ScalarEvent):
            value = _scalar(event, name, here[-1] if here else None)
        else:
            if len(stack) >= limits.MAX_DEPTH:
                fail(name, f"the data is nested more than {limits.MAX_DEPTH} levels deep", line=line,
                     expected=f"at most {limits.MAX_DEPTH} levels of mappings and lists (EDITING.md, Limits)")
            value = {} if isinstance(event, yaml.MappingStartEvent) else []
        if stack:
            container = stack[-1][0]
            if isinstance(container, dict):
                container[key] = value
            else:
                container.append(value)
        if isinstance(event, yaml.ScalarEvent):
            if not stack:
                root = value
        else:
            stack.append([value, here, None])
    return root, lines


def loads(text: str, name: str) -> Located:
    """Parse the text of one YAML file (named `name` in messages): a mapping at the top."""
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip())]
        if "\t" in indent:
            fail(name, "a tab is used for indentation", line=number, expected="spaces for indentation")
    try:
        data, lines = _build(yaml.parse(text, Loader=DataLoader), name)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        problem = getattr(error, "problem", None) or str(error).split("\n")[0]
        context = getattr(error, "context", None)
        message = f"YAML syntax error: {problem}" + (f" ({context})" if context else "")
        fail(name, message, line=mark.line + 1 if mark else None, expected="valid YAML")
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else "nothing" if data is None else "a single value"
        fail(name, f"the file holds {kind}, not a mapping", line=1, expected="a YAML mapping (key: value) at the top")
    return Located(name, data, lines, text.split("\n", 1)[0].strip())


def load(path: Path | str, root: Path | None = None) -> Located:
    """Parse one YAML file. Encoding, BOM, tabs, syntax, duplicate keys, the YAML features the data
    does not use and the limits fail with file and line."""
    path = Path(path)
    name = path.relative_to(root).as_posix() if root and path.is_relative_to(root) else str(path)
    raw = inputs.read_bytes(path, name, limits.MAX_DATA_FILE_BYTES)
    if raw.startswith(b"\xef\xbb\xbf"):
        fail(name, "the file starts with a byte-order mark (BOM)", line=1, expected="UTF-8 without a BOM")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        fail(name, f"the file is not valid UTF-8 (byte 0x{raw[error.start]:02x})", line=line,
             expected="UTF-8 text")
    if not text.strip() or all(l.strip().startswith("#") or not l.strip() for l in text.splitlines()):
        fail(name, "the file is empty", line=1, expected="a YAML mapping")
    # (a character no text may hold, typed as it is, anywhere in the file: named with its line, where
    # the YAML parser would say only that it is there; a line break may be CR LF)
    control = limits.CONTROL.search(text.replace("\r\n", "\n"))
    if control:
        at = text.replace("\r\n", "\n")
        problem = limits.text_problem(control.group())
        fail(name, problem[0].replace(" at character 1", "").replace("the text has", "the file has"),
             line=at.count("\n", 0, control.start()) + 1, expected=problem[1])
    return loads(text, name)
