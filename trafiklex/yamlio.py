"""Reading YAML data files strictly, keeping the line of every value for error messages."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from .errors import fail

Path_ = tuple  # a path into the document: keys and list indexes


class Located:
    """A parsed YAML file with the line (1-based) of each value, addressed by its path."""

    def __init__(self, file: str, data, lines: dict[Path_, int]):
        self.file = file
        self.data = data
        self.lines = lines

    def line(self, path: Path_) -> int | None:
        """The line of the value at `path`, or of its nearest ancestor that has one."""
        path = tuple(path)
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path)


class DataLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml's parser when PyYAML has it
    """YAML as people mean it in data files: only true/false are booleans (not yes/no/on/off, so that
    an acronym such as ON stays a text), and dates stay texts (the schemas say which texts are dates)."""


DataLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers
            if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
DataLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def _build(node, path, lines, file):
    """Python data for a node; lines[path] is where each value's field (key) or list item starts."""
    if isinstance(node, yaml.MappingNode):
        result = {}
        for key_node, value_node in node.value:
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in result:
                fail(file, f"duplicate key '{key}'", line=line,
                     field=".".join(map(str, path + (key,))), expected="each key once per mapping")
            lines[path + (key,)] = line
            result[key] = _build(value_node, path + (key,), lines, file)
        return result
    if isinstance(node, yaml.SequenceNode):
        items = []
        for i, child in enumerate(node.value):
            lines[path + (i,)] = child.start_mark.line + 1
            items.append(_build(child, path + (i,), lines, file))
        return items
    return _SCALARS.construct_object(node)


_SCALARS = DataLoader("")


def load(path: Path | str, root: Path | None = None) -> Located:
    """Parse one YAML file. Encoding, BOM, tabs, syntax and duplicate keys fail with file and line."""
    path = Path(path)
    name = str(path.relative_to(root)) if root and path.is_relative_to(root) else str(path)
    raw = path.read_bytes()
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
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip())]
        if "\t" in indent:
            fail(name, "a tab is used for indentation", line=number, expected="spaces for indentation")
    try:
        node = yaml.compose(text, Loader=DataLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        context = getattr(error, "context", None)
        message = f"YAML syntax error: {problem}" + (f" ({context})" if context else "")
        fail(name, message, line=mark.line + 1 if mark else None, expected="valid YAML")
    lines: dict[Path_, int] = {(): node.start_mark.line + 1}
    data = _build(node, (), lines, name)
    return Located(name, data, lines)
