"""Checking data files against their JSON Schemas (schemas/*.schema.json), with readable errors."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from jsonschema import Draft202012Validator, ValidationError, validators

from trafiklex.core import cache
from trafiklex.data import yamlio
from trafiklex.core.errors import DataError, Problem
from trafiklex.data.yamlio import Located

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schemas"

TYPE_NAMES = {"string": "a text", "object": "a mapping (key: value)", "array": "a list", "integer": "a whole number",
              "number": "a number", "boolean": "true or false", "null": "nothing"}


@lru_cache(maxsize=None)
def _schema(name: str) -> dict:
    return json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))


def _bundled(name: str) -> dict:
    """The schema with every $ref replaced by what it points to (in this file or another of
    schemas/): the same checks, without looking references up while validating (8× faster)."""
    def resolve(node, document: dict):
        if isinstance(node, dict):
            if "$ref" in node:
                file, _, pointer = node["$ref"].partition("#")
                target_document = _schema(file.removesuffix(".schema.json")) if file else document
                target = target_document
                for part in filter(None, pointer.split("/")):
                    target = target[part]
                siblings = {k: v for k, v in node.items() if k != "$ref"}
                resolved = resolve(target, target_document)
                return {"allOf": [resolved, resolve(siblings, document)]} if siblings else resolved
            return {key: resolve(value, document) for key, value in node.items() if key != "$defs"}
        if isinstance(node, list):
            return [resolve(value, document) for value in node]
        return node
    return resolve(_schema(name), _schema(name))


def _pattern(validator, pattern: str, instance, schema):
    """`pattern` as JSON Schema means it (ECMA-262): a final $ is the end of the text, not also the
    place before a final line break (as Python's $ is: an id "point_1\\n" would pass ^…$)."""
    if pattern.endswith("$") and not pattern.endswith("\\$"):
        pattern = pattern[:-1] + r"\Z"
    if validator.is_type(instance, "string") and not re.search(pattern, instance):
        yield ValidationError(f"{_short(instance)} does not match {pattern!r}")


_Validator = validators.extend(Draft202012Validator, {"pattern": _pattern})


@lru_cache(maxsize=None)
def validator(name: str) -> Draft202012Validator:
    return _Validator(_bundled(name))


def _short(value) -> str:
    """A value as a message shows it: its repr, cut short (a whole file is never reproduced)."""
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "…"


def _field(path) -> str:
    return ".".join(str(p) for p in path) or "(top level)"


def _expected(error) -> tuple[str, tuple]:
    """What the schema expected, in words, and the path the message is about."""
    path = tuple(error.absolute_path)
    kind, value = error.validator, error.validator_value
    if kind == "required":
        missing = re.search(r"'([^']+)' is a required property", error.message)
        return f"a field '{missing.group(1) if missing else value}'", path
    if kind == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        extra = re.findall(r"'([^']+)'", error.message.split("(")[-1])
        where = path + (extra[0],) if extra else path
        return f"only the fields {', '.join(allowed)} (unknown: {', '.join(extra)})", where
    if kind == "type":
        types = value if isinstance(value, list) else [value]
        return " or ".join(TYPE_NAMES.get(t, t) for t in types) + f", not {_short(error.instance)}", path
    if kind == "enum":
        return "one of " + ", ".join(map(str, value)), path
    if kind == "const":
        return repr(value), path
    if kind == "pattern":
        described = error.schema.get("description")
        return (described or f"text matching {value}") + f", not {_short(error.instance)}", path
    if kind in ("minLength", "minItems", "minProperties"):
        return "a non-empty value", path
    if kind == "dependentRequired":
        present = next(key for key in value if key in error.instance and any(k not in error.instance for k in value[key]))
        return f"{', '.join(repr(k) for k in value[present])} beside {present!r}, or neither", path
    if kind == "oneOf":
        return "exactly one of the alternatives of the schema (see the schema's description)", path
    return error.message, path


VALID = "schema-valid"  # the kind of the build cache's entries: a data file's content found valid against a schema


def check(located: Located, schema: str) -> list[Problem]:
    """Where the file does not match the schema. Content found valid once is not checked again: the
    build cache (trafiklex.core.cache) keeps that it was, under the content, the schema and the code."""
    valid = cache.key(VALID, schema, cache.json_input(validator(schema).schema), cache.json_input(located.data))
    if cache.get(VALID, valid) == b"valid":
        return []
    problems = []
    errors = sorted(validator(schema).iter_errors(located.data), key=lambda e: list(map(str, e.absolute_path)))
    for error in errors:
        expected, path = _expected(error)
        problems.append(Problem(located.file, "does not match the schema " + f"schemas/{schema}.schema.json",
                                line=located.line(path), field=_field(path), expected=expected))
    if not problems:
        cache.put(VALID, valid, b"valid")
    return problems


def load_checked(path: Path, root: Path, schema: str) -> Located:
    """A YAML file outside data/ (the translators' files) read and checked against its schema;
    DataError naming each place that does not match."""
    located = yamlio.load(path, root)
    problems = check(located, schema)
    if problems:
        raise DataError(problems)
    return located
