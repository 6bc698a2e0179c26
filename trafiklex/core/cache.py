"""The build cache: a costly product (a PDF, pandoc's reading of a page, the whole built site) is kept
under a key made from everything it is made from — its inputs' bytes and the code and tools that make
it (`code_version`: every file of the trafiklex package, the pinned requirements, Python's version) —
and made again only when one of them changes. Simple and safe beats clever: a key is a hash of whole
inputs, never a guess at what changed.

It lives in `.cache/trafiklex/` beside the package (git-ignored; TRAFIKLEX_CACHE names another folder,
`off` turns it off), outside the site, and is safe to delete at any time. The large kinds keep the last
few builds' products (prune); the whole cache is kept under 1 GiB besides what the build under way uses,
the entries used least recently going first (trim). Each entry holds its key and
a signature of its key and content (HMAC-SHA-256 with this copy of the project's key,
trafiklex.core.project_key): a corrupt, truncated or foreign entry (one that another copy of the
project, or anyone without the key, wrote: some entries are compiled templates, code) is ignored and
made again, never used. A project whose key cannot be made or read has no cache. Entries are written whole to a temporary file and renamed, so a reader never sees half of one.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Callable, Iterable, Mapping

from trafiklex.core import tree
from trafiklex.core.project_key import build_key

VARIABLE = "TRAFIKLEX_CACHE"
OFF = "off"
PROJECT = Path(__file__).resolve().parents[2]
DEFAULT = PROJECT / ".cache" / "trafiklex"
MAGIC = b"trafiklex-cache 2\n"
LIMIT = 1 << 30  # bytes: the whole cache, beyond what the build under way uses (trim)
CLOCK_SLACK = 2  # seconds: files are stamped by the system's coarse clock, a little behind time.time()
BY_BUILD = "TRAFIKLEX_BY_BUILD"  # set by scripts/build.py for its processes: it trims the cache once, at the end
_code_versions: dict[str, str] = {}


def folder(environ: Mapping[str, str] = os.environ) -> Path | None:
    """Where the cache is (None when it is off)."""
    value = environ.get(VARIABLE, "").strip()
    if value == OFF:
        return None
    return Path(value).resolve() if value else DEFAULT


_keys: dict[str, bytes | None] = {}


def _signing_key() -> bytes | None:
    """This copy of the project's key (None if it cannot be made or read: then nothing is cached)."""
    if str(PROJECT) not in _keys:
        try:
            _keys[str(PROJECT)] = build_key(PROJECT) or None
        except OSError:
            _keys[str(PROJECT)] = None
    return _keys[str(PROJECT)]


def _signature(entry_key: str, content: bytes) -> bytes | None:
    signing_key = _signing_key()
    if signing_key is None:
        return None
    return hmac.new(signing_key, MAGIC + entry_key.encode("ascii") + b"\n" + content, hashlib.sha256).hexdigest().encode("ascii")


def digest(*parts: bytes | str) -> str:
    """A SHA-256 of the parts, each length-prefixed (so that ('ab', 'c') and ('a', 'bc') differ)."""
    hasher = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "big"))
        hasher.update(data)
    return hasher.hexdigest()


def files_digest(paths: Iterable[Path], root: Path) -> str:
    """A hash of files' names (from `root`) and contents, in the order of their names."""
    return digest(*(part for path in sorted(paths, key=lambda p: p.relative_to(root).as_posix())
                    for part in (path.relative_to(root).as_posix(), path.read_bytes())))


def code_version() -> str:
    """What makes every product: the package's own files (code, templates), the pinned requirements
    (the tools: pandoc, Typst, MkDocs and its theme) and the Python that runs them."""
    package = PROJECT / "trafiklex"
    key = str(package)
    if key not in _code_versions:
        files = tree.code_files(package)
        requirements = PROJECT / "requirements.txt"
        _code_versions[key] = digest(files_digest(files, PROJECT), requirements.read_bytes() if requirements.exists() else b"",
                                     sys.version)
    return _code_versions[key]


def key(kind: str, *inputs: bytes | str) -> str:
    """The key of a product of `kind` made from `inputs` by this code."""
    return digest(kind, code_version(), *inputs)


def _path(kind: str, entry_key: str, environ: Mapping[str, str]) -> Path | None:
    where = folder(environ)
    return where / kind / entry_key[:2] / entry_key if where else None


def get(kind: str, entry_key: str, environ: Mapping[str, str] = os.environ) -> bytes | None:
    """The entry's content, or None when there is none or it is not sound (wrong header, another
    key, a content that does not match its hash)."""
    path = _path(kind, entry_key, environ)
    if path is None:
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None
    header = MAGIC + entry_key.encode("ascii") + b"\n"
    if not data.startswith(header) or len(data) < len(header) + 65:
        return None
    stored, content = data[len(header):len(header) + 64], data[len(header) + 65:]
    expected = _signature(entry_key, content)
    if data[len(header) + 64:len(header) + 65] != b"\n" or expected is None or not hmac.compare_digest(expected, stored):
        return None
    try:
        os.utime(path)  # (used now: prune keeps what is used)
    except OSError:
        pass
    return content


def put(kind: str, entry_key: str, content: bytes, environ: Mapping[str, str] = os.environ) -> None:
    """Keep `content` under the key (a cache that cannot be written to is no cache: nothing is kept)."""
    path, signature = _path(kind, entry_key, environ), _signature(entry_key, content)
    if path is None or signature is None:
        return
    written = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".tmp-", delete=False) as temporary:
            written = temporary.name
            temporary.write(MAGIC + entry_key.encode("ascii") + b"\n")
            temporary.write(signature + b"\n")
            temporary.write(content)
        os.replace(written, path)
    except OSError:
        if written:
            Path(written).unlink(missing_ok=True)


def prune(kind: str, keep: int) -> None:
    """Keep only the `keep` entries of `kind` written or used last (the cache of a large product does
    not grow with every build)."""
    where = folder()
    if where is None:
        return
    for _, _, path in sorted(_entries(where / kind, 1), reverse=True)[keep:]:
        Path(path).unlink(missing_ok=True)


def _entries(top: Path, depth: int) -> list[tuple[float, int, str]]:
    """The entries `depth` folders below `top` (a kind's folder: 1, the cache's: 2), each with the time it
    was last written or used and its size; one being written (.tmp-…) is left out."""
    try:
        listing = list(os.scandir(top))
    except OSError:
        return []
    out = []
    for entry in listing:
        if depth and entry.is_dir(follow_symlinks=False):
            out += _entries(Path(entry.path), depth - 1)
        elif not depth and entry.is_file(follow_symlinks=False) and not entry.name.startswith(".tmp-"):
            try:
                status = entry.stat(follow_symlinks=False)
            except OSError:  # (deleted meanwhile)
                continue
            out.append((status.st_mtime, status.st_size, entry.path))
    return out


def trim(used_since: float, limit: int = LIMIT) -> None:
    """Keep the whole cache under `limit` bytes: the entries written or used least recently are deleted
    first, and never one written or used since `used_since` (a time: the build under way's start)."""
    where = folder()
    if where is None:
        return
    entries = _entries(where, 2)
    total = sum(size for _, size, _ in entries)
    for used, size, path in sorted(entries):
        if total <= limit or used >= used_since - CLOCK_SLACK:
            return
        Path(path).unlink(missing_ok=True)
        total -= size


def cached(kind: str, inputs: tuple[bytes | str, ...], make: Callable[[], bytes]) -> bytes:
    """The product of `kind` made from `inputs`: from the cache, or made by `make` and kept."""
    entry_key = key(kind, *inputs)
    content = get(kind, entry_key)
    if content is None:
        content = make()
        put(kind, entry_key, content)
    return content


def cached_json(kind: str, inputs: tuple[bytes | str, ...], make: Callable[[], object]):
    """A product that JSON holds (lists, strings, numbers, mappings with string keys), from the cache or
    made by `make` and kept. It is read back from its JSON either way, so that a product taken from the
    cache and one just made are the same value."""
    return json.loads(cached(kind, inputs, lambda: json.dumps(make(), ensure_ascii=False, sort_keys=True).encode("utf-8")))


def json_input(value, ordered: bool = False) -> str:
    """A value as an input of a key: its JSON, keys sorted (`ordered`: in their order, for values whose
    mappings' order is shown: the data, which a view may list in the order its file gives); a value JSON
    has no type for (a date) as its type and text, so that it differs from a text that reads the same."""
    return json.dumps(value, ensure_ascii=False, sort_keys=not ordered,
                      default=lambda other: {"\0type": type(other).__name__, "text": str(other)})


def cached_each_bytes(kind: str, inputs: list[bytes], make_all: Callable[[list[bytes]], list[bytes]],
                      *context: bytes | str) -> list[bytes]:
    """Products of `kind`, one per input (and of `context`, the same for every input: each key holds it
    too): those not in the cache are made together, in one call of `make_all` (one pass of a tool, or
    of every core, for what changed), and kept one by one."""
    keys = [key(kind, *context, item) for item in inputs]
    found = [get(kind, entry_key) for entry_key in keys]
    missing = [n for n, content in enumerate(found) if content is None]
    if missing:
        for n, content in zip(missing, make_all([inputs[n] for n in missing])):
            found[n] = content
            put(kind, keys[n], content)
    return found


def cached_each(kind: str, inputs: list[str], make_all: Callable[[list[str]], list[str]]) -> list[str]:
    """cached_each_bytes, of texts."""
    made = cached_each_bytes(kind, [item.encode("utf-8") for item in inputs],
                             lambda missing: [text.encode("utf-8") for text in make_all([m.decode("utf-8") for m in missing])])
    return [content.decode("utf-8") for content in made]
