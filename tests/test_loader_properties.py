"""Property: whatever a data file holds, loading and validating the data ends in one of two ways —
the data is sound, or a DataError whose every problem names a file (and no raw control character,
no whole file) — never another exception, never a traceback. Hypothesis generates the files:
hostile YAML from fragments (anchors, tags, odd keys, escapes, numbers, nesting, stray bytes), real
data files with their text cut and spliced, and real data files with one value replaced.

By default a few hundred inputs (a few seconds); TRAFIKLEX_FUZZ=long runs twelve thousand."""
from __future__ import annotations

import os
import shutil
from collections import Counter
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT, report
from trafiklex.data import corpus as corpus_module
from trafiklex.core import limits
from trafiklex.data import schemas, yamlio
from trafiklex.core.errors import DataError

LONG = os.environ.get("TRAFIKLEX_FUZZ") == "long"
COMMON = dict(deadline=None, database=None, derandomize=not LONG,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much])
FAST = settings(max_examples=10_000 if LONG else 300, **COMMON)
SLOWER = settings(max_examples=1_000 if LONG else 15, **COMMON)
COUNTS: Counter = Counter()

DATA = sorted(p.relative_to(ROOT / "data").as_posix() for p in (ROOT / "data").rglob("*.yml"))
SCHEMA_OF = {**corpus_module.DATA_FILES, **{n: "notes" for n in DATA if n.startswith("notes/")}}

# --- hostile YAML, from fragments --------------------------------------------------------------------------
WORDS = st.sampled_from(["id", "text", "sq", "en", "document", "notes", "a", "ON", "yes", "null", "~", "true",
                         "2005-02-30", "0x1F", "0o17", "1_000", "1:20", ".nan", "-.inf", ".inf", "1e400", "1.0e+999",
                         "9" * 60, "-0", "+5", "5", "2.5", "", "'", '"', "#", "&a", "*a", "!!int", "!x", "? ", "<<",
                         "{", "}", "[", "]", ",", ":", "- ", "|", ">-", "%YAML 1.1", "---", "...", "\t", "\r\n",
                         "\u202e", "\ufeff", "é", "ë", "w" * 70, "x " * 10])
ESCAPES = st.sampled_from(["\\e[31m", "\\0", "\\x07", "\\u202e", "\\N", "\\_", "\\L", "\\P", "\\t", "\\n", "\\\\",
                           '\\"', "\\x", "\\uD800", "\\U0010FFFF"])
TAGS = st.sampled_from(["!!int", "!!str", "!!float", "!!python/object/apply:os.system", "!!python/name:os.system",
                        "!!binary", "!!set", "!!omap", "!!timestamp", "!local", "!<tag:x>", "!", "!!map", "!!seq"])


@st.composite
def scalars(draw):
    kind = draw(st.integers(0, 7))
    if kind == 0:
        return draw(WORDS)
    if kind == 1:
        return '"' + "".join(draw(st.lists(st.one_of(WORDS, ESCAPES), max_size=4))) + '"'
    if kind == 2:
        return draw(TAGS) + " " + draw(WORDS)
    if kind == 3:
        return f"&{draw(st.sampled_from('abc'))} {draw(WORDS)}"
    if kind == 4:
        return f"*{draw(st.sampled_from('abc'))}"
    if kind == 5:
        return draw(st.text(max_size=12))
    if kind == 6:
        return str(draw(st.one_of(st.integers(), st.floats(allow_nan=True, allow_infinity=True))))
    return "'" + draw(st.text(max_size=8)).replace("'", "''") + "'"


def _flow(draw, depth):
    if depth <= 0 or draw(st.booleans()):
        return draw(scalars())
    if draw(st.booleans()):
        return "[" + ", ".join(_flow(draw, depth - 1) for _ in range(draw(st.integers(0, 3)))) + "]"
    return "{" + ", ".join(f"{_flow(draw, depth - 1)}: {_flow(draw, depth - 1)}" for _ in range(draw(st.integers(0, 3)))) + "}"


@st.composite
def documents(draw):
    """A YAML document made to break a loader: block and flow mappings and lists, hostile values."""
    lines = []
    for _ in range(draw(st.integers(1, 8))):
        indent = "  " * draw(st.sampled_from([0, 0, 0, 1, 2, 3]))
        key = draw(st.one_of(WORDS, scalars(), st.just("? [a, b]"), st.just("[x]"), st.just("{a: 1}")))
        shape = draw(st.integers(0, 6))
        if shape >= 4:  # (most lines are sound: a document has to get far enough to meet its hostile line)
            lines.append(f"{indent}{draw(st.sampled_from(['id', 'text', 'sq', 'en', 'notes', 'kind']))}: "
                         f"{draw(st.sampled_from(['x', '5', 'true', '', '[a, b]', '{sq: a, en: b}', 'order-25-2005']))}")
        elif shape == 0:
            lines.append(f"{indent}{key}: {_flow(draw, draw(st.integers(0, 4)))}")
        elif shape == 1:
            lines.append(f"{indent}- {_flow(draw, 2)}")
        elif shape == 2:
            lines.append(f"{indent}{key}:")
        else:
            lines.append(indent + draw(st.one_of(WORDS, scalars())))
    text = "\n".join(lines) + draw(st.sampled_from(["\n", "", "\n---\nx: 1\n", "\n...\n"]))
    if draw(st.integers(0, 19)) == 0:
        text = "[" * draw(st.integers(30, 200)) + text
    return text


def _raw(draw_text: str, extra: bytes) -> bytes:
    return draw_text.encode("utf-8", "surrogatepass") + extra


STRAY = st.sampled_from([b"", b"", b"", b"\xff", b"\xc3", b"\x00", b"\xef\xbb\xbf", b"\xe9t\xe9"])


@FAST
@given(text=documents(), stray=STRAY, schema=st.sampled_from(sorted(set(SCHEMA_OF.values()))))
def test_any_yaml_document_is_read_or_refused_with_the_file_named(tmp_path_factory, text, stray, schema):
    """The loader and a schema check, on one generated file: a Located or a DataError naming it."""
    path = tmp_path_factory.getbasetemp() / "fuzz.yml"
    path.write_bytes(_raw(text, stray))
    try:
        located = yamlio.load(path, path.parent)
    except DataError as error:
        _refused(error, "fuzz.yml")
        COUNTS["yaml: refused"] += 1
        return
    problems = schemas.check(located, schema)
    assert all(p.file == "fuzz.yml" for p in problems)
    if problems:
        _refused(DataError(problems), "fuzz.yml")
    COUNTS["yaml: " + ("refused by the schema" if problems else "read")] += 1


def _refused(error: DataError, name: str | None = None):
    text = error.report()
    assert error.problems and all(p.file and p.message for p in error.problems), text
    if name:
        assert any(p.file == name for p in error.problems), text
    assert not limits.CONTROL.search(text), repr(text[:500])
    assert len(text) < 3_000 * len(error.problems) + 200, "a message reproduces a whole file?"


# --- real data files, cut and spliced, or with one value replaced: the whole validation ----------------------

@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """A copy of the project's data and pages; schema checks of unchanged files remembered (the
    validation of each input then costs what its changed file costs)."""
    root = tmp_path_factory.mktemp("fuzz") / "project"
    for name in ("data", "docs", "sources", "schemas", "translations", "locales"):
        shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("institutions", "parallel", "topics"))
    real_check, seen = schemas.check, {}

    def remembered(located, schema):
        key = (located.file, schema, repr(located.data))
        if key not in seen:
            seen[key] = real_check(located, schema)
        return seen[key]

    schemas.check = remembered
    corpus_module.schemas.check = remembered
    yield root
    schemas.check = corpus_module.schemas.check = real_check


def _validate(root: Path, name: str, data: bytes):
    path = root / "data" / name
    original = path.read_bytes()
    path.write_bytes(data)
    try:
        corpus_module.load(root)
        COUNTS["data: still valid"] += 1
    except DataError as error:
        _refused(error)
        assert any(p.file.startswith(("data/", "docs/", "locales/")) for p in error.problems), error.report()
        COUNTS["data: refused"] += 1
    finally:
        path.write_bytes(original)


FRAGMENTS = st.one_of(documents(), scalars(), WORDS, st.text(max_size=30))


@SLOWER
@given(name=st.sampled_from(DATA), cuts=st.lists(st.tuples(st.floats(0, 1), st.floats(0, 1), FRAGMENTS), min_size=1,
                                                  max_size=3))
def test_a_data_file_cut_and_spliced_is_read_or_refused_naming_a_file(project, name, cuts):
    text = (ROOT / "data" / name).read_text(encoding="utf-8")
    for start, length, fragment in cuts:
        at = int(start * len(text))
        text = text[:at] + fragment + text[at + int(length * 200):]
    _validate(project, name, text.encode("utf-8", "surrogatepass"))


VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=40),
              st.sampled_from(["", " ", "mopo", "sq", "en", "only_in", "2005-13", "q_1", "art_1", "sec_1__obj_1",
                               "order-25-2005", "=cmd", "ongoing"]),
              st.integers(limits.MAX_FIELD_CHARS - 1, limits.MAX_FIELD_CHARS + 1).map(lambda n: "x " * (n // 2)),
              st.integers(limits.MAX_WORD_CHARS, limits.MAX_WORD_CHARS + 1).map(lambda n: "w" * n)),
    lambda children: st.one_of(st.lists(children, max_size=3),
                               st.dictionaries(st.sampled_from(["id", "sq", "en", "text", "bodies", "printed", "due",
                                                                "by", "deadline", "only_in", "document", "x"]),
                                               children, max_size=3)),
    max_leaves=8)


def _paths(data, path=()):
    yield path
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _paths(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _paths(value, path + (index,))


@SLOWER
@given(name=st.sampled_from(DATA), pick=st.floats(0, 1), value=VALUES, delete=st.booleans())
def test_a_data_file_with_one_value_replaced_is_read_or_refused_naming_a_file(project, name, pick, value, delete):
    text = (ROOT / "data" / name).read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    paths = [p for p in _paths(data) if p]
    path = paths[min(int(pick * len(paths)), len(paths) - 1)]
    parent = data
    for key in path[:-1]:
        parent = parent[key]
    if delete:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    hint = text.split("\n", 1)[0]
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    _validate(project, name, (hint + "\n" + body).encode("utf-8", "surrogatepass"))


def test_report_the_generated_inputs():
    """(Last: how many inputs were generated, and how each ended.)"""
    total = sum(COUNTS.values())
    assert total, "no input was generated"
    report("property test of the loader", f"{total} generated inputs ({'long' if LONG else 'default'} run), "
                                          "0 tracebacks: " + ", ".join(f"{k} {v}" for k, v in sorted(COUNTS.items())))
