"""The entries of the project's folders as the build reads them. A hidden file or folder (a name that
begins with '.') is not part of the project: an editor keeps its swap and lock files there (vim's
.page.md.swp, Emacs's .#page.md), a system its .DS_Store. The build neither reads nor checks one, its
caches' keys leave it out, and MkDocs does not publish it (its exclude_docs default, '.*') — but in the
theme's templates (TEMPLATES), which may include any file of theirs by name, a hidden one too: there a
hidden file is an input like any other. Python's caches (__pycache__) are not part of the code."""
from __future__ import annotations

from pathlib import Path

PYTHON_CACHE = "__pycache__"
TEMPLATES = "overrides"  # the input folder of the theme's templates (mkdocs.yml: theme.custom_dir)


def hidden_name(name: str) -> bool:
    return name.startswith(".")


def hidden(path: Path, top: Path) -> bool:
    """Whether `path` is hidden below `top`: a name on the way from `top` to it is hidden."""
    return any(hidden_name(part) for part in path.relative_to(top).parts)


def skips_hidden(folder: str) -> bool:
    """Whether the build leaves the hidden entries of the input folder `folder` out (all but TEMPLATES)."""
    return folder != TEMPLATES


def listed(top: Path, pattern: str = "*", recursive: bool = True) -> list[Path]:
    """The entries under `top` whose names match `pattern` (in its subfolders too, when `recursive`), in
    order, none hidden."""
    if not top.is_dir():
        return []
    found = top.rglob(pattern) if recursive else top.glob(pattern)
    return sorted(p for p in found if not hidden(p, top))


def input_entries(root: Path, folder: str) -> list[Path]:
    """The entries of the project's input folder `folder`, in order: none hidden, but in TEMPLATES."""
    top = root / folder
    if skips_hidden(folder):
        return listed(top)
    return sorted(top.rglob("*")) if top.is_dir() else []


def code_files(top: Path) -> list[Path]:
    """The files of the code under `top` (the package, the hooks), in order: none hidden, none of Python's
    caches."""
    return [p for p in listed(top) if PYTHON_CACHE not in p.relative_to(top).parts and p.is_file()]
