"""The entries of the project's folders as the build reads them. A hidden file or folder (a name that
begins with '.') is not part of the project: an editor keeps its swap and lock files there (vim's
.page.md.swp, Emacs's .#page.md), a system its .DS_Store. The build neither reads nor checks one, its
caches' keys leave it out, and MkDocs does not publish it (its exclude_docs default, '.*'). Python's
caches (__pycache__) are not part of the project either."""
from __future__ import annotations

from pathlib import Path

PYTHON_CACHE = "__pycache__"


def hidden(path: Path, top: Path) -> bool:
    """Whether `path` is hidden below `top`: a name on the way from `top` to it begins with '.'."""
    return any(part.startswith(".") for part in path.relative_to(top).parts)


def listed(top: Path, pattern: str = "*", recursive: bool = True) -> list[Path]:
    """The entries under `top` whose names match `pattern` (in its subfolders too, when `recursive`), in
    order: none hidden, none in Python's caches."""
    if not top.is_dir():
        return []
    found = top.rglob(pattern) if recursive else top.glob(pattern)
    return sorted(p for p in found if not hidden(p, top) and PYTHON_CACHE not in p.relative_to(top).parts)
