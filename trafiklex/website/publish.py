"""Putting a built site in place: the output folder checked (never the project, a folder that holds
it, one of its input or code folders, or a folder that is not a site this build made), and the new
site swapped in with one system call, so that there is no moment without a site."""
from __future__ import annotations

import ctypes
import ctypes.util
import errno
import os
from pathlib import Path

from trafiklex.core.errors import DataError, Problem
from trafiklex.data.inputs import INPUT_FOLDERS
from trafiklex.website.offline import ZIP_PATH

# folders of the project the site must never replace (besides the inputs)
PROJECT_FOLDERS = (*INPUT_FOLDERS, ".git", ".venv", ".cache", "node_modules", "hooks", "trafiklex", "scripts",
                   "tests", "bench")
EXPECTED = "a new folder, an empty one, or a site this build made (site/ by default) outside the project's own folders"


def output_problems(output: Path, roots: list[Path]) -> list[Problem]:
    """What makes `output` unsafe to replace with a built site, for a build of the projects `roots`."""
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
        if any(target.iterdir()) and not (target / ZIP_PATH).is_file():
            return [Problem("--output", f"{shown} is a folder that holds something other than a built site",
                            expected=EXPECTED)]
    return []


def check_output(output: Path, roots: list[Path]) -> None:
    problems = output_problems(output, roots)
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
