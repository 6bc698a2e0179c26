"""The project's inputs on disk: the folders the build reads (data, pages, schemas, sources, reviews,
interface words, theme overrides) hold only plain files and folders of the project, each read whole and within its
limit. A symbolic link is refused wherever it is (it could publish a file from outside the project,
or make the build write outside it through a generated folder), and so are devices, pipes and
sockets; a file that cannot be read is named with the reason, never with a traceback. Hidden files
(an editor's swap file, and its lock: a hidden link to nothing) are not inputs, but in the theme's
templates (trafiklex.core.tree); a hidden link to something is refused like any other."""
from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from trafiklex.core import tree
from trafiklex.core.errors import DataError, Problem, fail
from trafiklex.core.limits import MAX_INPUT_FILE_BYTES, file_limit

INPUT_FOLDERS = ("data", "docs", "schemas", "sources", "translations", "locales", "overrides")
INPUT_FILES = ("mkdocs.yml",)
NO_LINKS = "a file or folder of the project itself (symbolic links are refused: they can reach outside it)"
# The kinds of file that the build publishes from these folders (MkDocs copies every file of docs/ and
# of the theme's overrides/ into the site): pages, their styles and scripts, the theme's templates. A
# browser runs the scripts of anything it renders as a page — .html, .xhtml, .svg, .xml, .xsl, .mht…
# — on the site's own origin; and a style sheet or script that begins with '<' can be taken for a
# page where its kind is guessed. (The built site is checked again: trafiklex.website.sitepolicy.)
PUBLISHED_KINDS = {"docs": {".md", ".css", ".js"}, "overrides": {".html"}}


def _name(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


def _kind_problem(mode: int) -> str | None:
    if stat.S_ISLNK(mode):
        return "is a symbolic link"
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        return "is not a plain file (a device, pipe or socket)"
    return None


def tree_problems(root: Path) -> list[Problem]:
    """Every link or special file among the inputs, and every folder that cannot be listed."""
    problems: list[Problem] = []

    def check(path: Path) -> bool:
        try:
            status = os.lstat(path)
        except OSError as error:
            problems.append(Problem(_name(path, root), f"cannot be read: {error.strerror}", expected=NO_LINKS))
            return False
        kind = _kind_problem(status.st_mode)
        if kind:
            problems.append(Problem(_name(path, root), kind, expected=NO_LINKS))
            return False
        if stat.S_ISREG(status.st_mode):
            kind = _published_kind(path, root)
            if kind:
                problems.append(Problem(_name(path, root), kind, expected=_KINDS_EXPECTED))
        limit = file_limit(_name(path, root))
        if stat.S_ISREG(status.st_mode) and status.st_size > limit:
            problems.append(Problem(_name(path, root), f"the file is {status.st_size:,} bytes",
                                    expected=f"at most {limit:,} bytes (EDITING.md, Limits)"))
        return True

    for name in INPUT_FILES:
        if os.path.lexists(root / name):
            check(root / name)
    for name in INPUT_FOLDERS:
        top = root / name
        if not os.path.lexists(top) or not check(top):
            continue
        for folder, dirs, files in os.walk(top, followlinks=False,
                                           onerror=lambda error: problems.append(Problem(
                                               _name(Path(error.filename), root), f"cannot be read: {error.strerror}",
                                               expected="a folder the build can read"))):
            for entry in sorted(dirs + files):
                path = Path(folder) / entry
                if tree.skips_hidden(name) and tree.hidden(path, top) and _not_an_input(path):
                    continue
                if not check(path) and entry in dirs:
                    dirs.remove(entry)  # (os.walk does not follow links; a special entry is not walked)
    return problems


def _not_an_input(path: Path) -> bool:
    """Whether a hidden entry (or one in a hidden folder) is left alone: a plain file (vim's swap file)
    or a link to nothing (Emacs's lock), which the build does not read (trafiklex.core.tree) nor MkDocs
    publish. A hidden folder is walked, and a hidden link to a file or folder refused, as anywhere:
    MkDocs follows links as it lists docs/."""
    try:
        status = os.lstat(path)
    except OSError:  # (gone meanwhile: a swap file removed as its editor closed)
        return True
    return stat.S_ISREG(status.st_mode) or (stat.S_ISLNK(status.st_mode) and not os.path.exists(path))


_KINDS_EXPECTED = ("in docs/, pages (.md), style sheets (.css) and scripts (.js); in overrides/, the theme's "
                   "templates (.html): no other kind of file is published (EDITING.md, Limits)")


def _published_kind(path: Path, root: Path) -> str | None:
    """What is wrong with the kind of a file the build would publish (None if nothing is)."""
    parts = path.relative_to(root).parts
    kinds = PUBLISHED_KINDS.get(parts[0]) if len(parts) > 1 else None
    if kinds is None:
        return None
    suffix = path.suffix.lower()
    if suffix not in kinds:
        return f"a file of a kind the site does not publish ({suffix or 'no extension'})"
    if suffix in (".css", ".js"):
        try:
            with path.open("rb") as file:
                head = file.read(512)
        except OSError:
            return None  # (reported where it is read)
        if head.lstrip(b"\xef\xbb\xbf \t\r\n\x0c").startswith(b"<"):
            return f"a {suffix} file that begins with '<' (a browser that guesses its kind may take it for a page)"
    return None


def read_bytes(path: Path, name: str, limit: int = MAX_INPUT_FILE_BYTES) -> bytes:
    """The bytes of one input file, which must be a plain file (not a link, a folder or a pipe) of
    at most `limit` bytes. Raises DataError naming the file and what is wrong."""
    try:  # (not following a link, and not waiting on a pipe)
        descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except FileNotFoundError:
        fail(name, "the file is missing", expected="the file")
    except OSError as error:
        if error.errno == errno.ELOOP:
            fail(name, "is a symbolic link", expected=NO_LINKS)
        if error.errno == errno.EISDIR:
            fail(name, "is a folder, not a file", expected="a file")
        fail(name, f"the file cannot be read: {error.strerror}", expected="a file the build can read")
    try:
        status = os.fstat(descriptor)
        if stat.S_ISDIR(status.st_mode):
            fail(name, "is a folder, not a file", expected="a file")
        if not stat.S_ISREG(status.st_mode):
            fail(name, "is not a plain file (a device, pipe or socket)", expected="a file")
        if status.st_size > limit:
            fail(name, f"the file is {status.st_size:,} bytes", expected=f"at most {limit:,} bytes (EDITING.md, Limits)")
        chunks, size = [], 0
        while size <= limit and (chunk := os.read(descriptor, limit + 1 - size)):
            chunks.append(chunk)
            size += len(chunk)
    except OSError as error:
        fail(name, f"the file cannot be read: {error.strerror}", expected="a file the build can read")
    finally:
        os.close(descriptor)
    if size > limit:  # (it grew while it was read)
        fail(name, f"the file is more than {limit:,} bytes", expected=f"at most {limit:,} bytes (EDITING.md, Limits)")
    return b"".join(chunks)


def check_tree(root: Path) -> None:
    problems = tree_problems(root)
    if problems:
        raise DataError(problems)
