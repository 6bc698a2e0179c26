"""Putting a built site in place: the output folder checked (never the project, a folder that holds
it, one of its input or code folders, or a folder that is not a site this build made), and the new
site swapped in with one system call, so that there is no moment without a site.

A site this build made carries a marker (MARKER): every file of the site with its SHA-256, signed
with a key that only this copy of the project holds (KEY_FILE, made on its first build, never
published). A folder may be replaced only if it is empty, or if its marker's signature holds and
every file and folder in it is one the marker lists, unchanged: anything else in it (someone's
documents, a gh-pages .git, a CNAME, a page edited by hand) stops the build before anything is
deleted."""
from __future__ import annotations

import ctypes
import ctypes.util
import errno
import hashlib
import hmac
import json
import os
import shutil
import stat
from pathlib import Path

from trafiklex.core.errors import DataError, Problem
from trafiklex.core.project_key import KEY_FILE, build_key  # (the key the markers are signed with)
from trafiklex.data.inputs import INPUT_FOLDERS

# folders of the project the site must never replace (besides the inputs)
PROJECT_FOLDERS = (*INPUT_FOLDERS, ".git", ".venv", ".cache", "node_modules", "hooks", "trafiklex", "scripts",
                   "tests", "bench")
EXPECTED = ("a new folder, an empty one, or a site this build made (site/ by default), unchanged, outside the project's "
            "own folders (a site built before builds marked theirs with .trafiklex-site.json: delete it yourself)")
MARKER = ".trafiklex-site.json"  # in the site's top folder: what this build made there, signed
MAX_MARKER_BYTES = 50_000_000
_CHUNK = 1 << 20


def _digest(path: Path) -> str:
    sha = hashlib.sha256()
    with path.open("rb") as file:
        while chunk := file.read(_CHUNK):
            sha.update(chunk)
    return sha.hexdigest()


def _entries(folder: Path) -> list[tuple[str, str]]:
    """Every entry under `folder` (links not followed), sorted: (its path in the folder, 'file',
    'folder' or 'other')."""
    found = []
    for top, dirs, files in os.walk(folder, followlinks=False):
        for entry in dirs + files:
            path = Path(top, entry)
            mode = os.lstat(path).st_mode
            kind = "file" if stat.S_ISREG(mode) else "folder" if stat.S_ISDIR(mode) else "other"
            found.append((path.relative_to(folder).as_posix(), kind))
    return sorted(found)


def _signature(files: dict[str, str], key: bytes) -> str:
    text = json.dumps(files, sort_keys=True, ensure_ascii=True, separators=(",", ":"))
    return hmac.new(key, b"trafiklex-site\n" + text.encode(), hashlib.sha256).hexdigest()


def write_marker(site: Path, key: bytes) -> Path:
    """The marker of a built site: every file in it (but the marker) with its SHA-256, signed."""
    files = {name: _digest(site / name) for name, kind in _entries(site) if kind == "file" and name != MARKER}
    marker = site / MARKER
    marker.write_text(json.dumps({"made_by": "trafiklex scripts/build.py", "files": files,
                                  "signature": _signature(files, key)}, indent=0, sort_keys=True) + "\n",
                      encoding="utf-8")
    return marker


def _listed(text: bytes) -> dict[str, str] | None:
    try:
        marker = json.loads(text)
    except ValueError:
        return None
    files = marker.get("files") if isinstance(marker, dict) else None
    if not isinstance(files, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in files.items()):
        return None
    return {**files, "": marker.get("signature", "")}


def marker_problem(folder: Path, key: bytes) -> str | None:
    """Why the non-empty `folder` is not a site this build made, unchanged since; None if it is."""
    marker = folder / MARKER
    try:
        status = os.lstat(marker)
    except OSError:
        return f"it holds no marker of a site this build made ({MARKER})"
    if not stat.S_ISREG(status.st_mode) or status.st_size > MAX_MARKER_BYTES:
        return f"its {MARKER} is not a marker this build wrote"
    listed = _listed(marker.read_bytes())
    if listed is None:
        return f"its {MARKER} is not a marker this build wrote"
    signature = listed.pop("")
    if not isinstance(signature, str) or not hmac.compare_digest(signature, _signature(listed, key)):
        return (f"the signature of its {MARKER} does not hold: it was not made by this copy of the project's "
                f"builds (its key, {KEY_FILE}), or it was altered")
    folders = {"/".join(name.split("/")[:i]) for name in listed for i in range(1, name.count("/") + 1)}
    for name, kind in _entries(folder):
        if name == MARKER or kind == "folder" and name in folders:
            continue
        if kind != "file" or name not in listed:
            return f"it holds {name}, which no build made"
        if _digest(folder / name) != listed[name]:
            return f"its {name} was changed since the build that made it"
    return None


def output_problems(output: Path, roots: list[Path], key: bytes) -> list[Problem]:
    """What makes `output` unsafe to replace with a built site, for a build of the projects `roots`
    whose markers are signed with `key`."""
    shown = str(output)
    if output.is_symlink():
        return [Problem("--output", f"{shown} is a symbolic link", expected=EXPECTED)]
    target = output.resolve()
    for root in {r.resolve() for r in roots}:
        if root.is_relative_to(target):
            what = "the project itself" if target == root else "a folder that holds the project"
            return [Problem("--output", f"{shown} is {what} ({root})", expected=EXPECTED)]
        for name in PROJECT_FOLDERS:
            if target.is_relative_to(root / name):
                return [Problem("--output", f"{shown} is in the project's folder {name}/", expected=EXPECTED)]
    if target.exists():
        if not target.is_dir():
            return [Problem("--output", f"{shown} is a file", expected=EXPECTED)]
        why = marker_problem(target, key) if any(target.iterdir()) else None
        if why:
            return [Problem("--output", f"{shown} is a folder that holds something other than a site this build "
                            f"made: {why}; nothing in it was deleted", expected=EXPECTED)]
    return []


def check_output(output: Path, roots: list[Path], key: bytes) -> None:
    problems = output_problems(output, roots, key)
    if problems:
        raise DataError(problems)


_RENAME_EXCHANGE = 2  # (linux/fs.h)
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step (Linux's renameat2 with RENAME_EXCHANGE); False where the system
    or the file system cannot."""
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    error = ctypes.get_errno()
    if error in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(error, os.strerror(error), str(b))


def swap_in(new: Path, output: Path, old: Path) -> None:
    """Put the folder `new` at `output`, in one step; what was at `output` ends up at `old` (to be
    deleted). Where the system cannot swap two folders at once (not Linux), two renames, with a
    moment between them without a site."""
    if not output.exists():
        new.rename(output)
    elif _exchange(new, output):
        new.rename(old)
    else:
        output.rename(old)
        new.rename(output)


# --- the build's scratch folders (next to the output) -------------------------------------------------

SCRATCH_PREFIX = ".build-"
SCRATCH_OWNER = ".trafiklex-scratch"  # in each scratch folder: the build that uses it (host, process, its start)


def _started(pid: int) -> str | None:
    """When the process `pid` started (clock ticks since boot, /proc), None where it is not running."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return fields[19] if len(fields) > 19 else None


def _me() -> dict:
    return {"host": os.uname().nodename, "pid": os.getpid(), "started": _started(os.getpid())}


def claim_scratch(folder: Path) -> None:
    """Mark `folder` as the scratch of this running build."""
    (folder / SCRATCH_OWNER).write_text(json.dumps(_me()) + "\n", encoding="utf-8")


def stale_scratch(parent: Path) -> list[Path]:
    """The scratch folders in `parent` of builds on this machine that are no longer running (killed
    mid-build): only folders named .build-* that hold this tool's owner file, whose process is gone
    (or is another process that has its number since)."""
    stale = []
    for folder in sorted(parent.glob(SCRATCH_PREFIX + "*")):
        owner = folder / SCRATCH_OWNER
        if folder.is_symlink() or not folder.is_dir() or owner.is_symlink() or not owner.is_file():
            continue
        try:
            claim = json.loads(owner.read_text(encoding="utf-8"))
            mine = claim["host"] == _me()["host"] and isinstance(claim["pid"], int)
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if mine and (_started(claim["pid"]) is None or _started(claim["pid"]) != claim.get("started")):
            stale.append(folder)
    return stale


def clean_stale_scratch(parent: Path) -> list[Path]:
    """Delete the stale scratch folders in `parent` (stale_scratch); returns them."""
    stale = stale_scratch(parent)
    for folder in stale:
        shutil.rmtree(folder, ignore_errors=True)
    return stale
