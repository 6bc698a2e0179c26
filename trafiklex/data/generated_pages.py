"""The pages the build makes from the data (an institution's obligations, a document side by side, a
topic: trafiklex.website.pages) as files in docs/<lang>/<folder>/, where MkDocs needs them. They are not
kept in git; every check and build writes them anew from the data and removes those the data no longer
makes (a document or a body removed or renamed). Only files of the build's own form are touched: each
is marked by a comment and holds one front-matter key and one macro call. A file of any other form in
those folders is an editor's, and is reported, never removed."""
from __future__ import annotations

import os
import re
from pathlib import Path

from trafiklex.core import tree
from trafiklex.core.errors import Problem

# front matter key → (macro, folder)
KINDS = {"institution_id": ("institution", "institutions"), "parallel_of": ("parallel", "parallel"),
         "topic_id": ("topic", "topics")}
FOLDERS = tuple(folder for _, folder in KINDS.values())
MARK = "# made by the build from the data (trafiklex/website/pages.py): rewritten by every check, not kept in git"
# what the build writes (and wrote before the mark was added): front matter with the one key, the one call
_FORM = re.compile(r"\A---\n(?:" + re.escape(MARK) + r"\n)?(" + "|".join(KINDS) + r"): ([^\n]*)\n---\n\n"
                   r"\{\{ (\w+)\(\"([^\"\n]*)\"\) \}\}\n\Z")


def source(key: str, argument: str) -> str:
    """The Markdown of a generated page (what would render it: its content comes from the model)."""
    macro = KINDS[key][0]
    return f"---\n{MARK}\n{key}: {argument}\n---\n\n{{{{ {macro}(\"{argument}\") }}}}\n"


def is_generated(path: Path) -> bool:
    """Whether a file is one the build wrote (of its form), not an editor's."""
    try:
        return is_generated_text(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return False


def is_generated_text(text: str) -> bool:
    return bool(_FORM.match(text))


def in_folders(docs: Path, path: Path) -> bool:
    """Whether a page is in a folder the build writes (docs/<lang>/<folder>/…)."""
    parts = path.relative_to(docs).parts
    return len(parts) > 2 and parts[1] in FOLDERS


def written(docs: Path) -> list[Path]:
    """The pages an editor writes (docs/<lang>/…/*.md, not in a folder the build writes), in order."""
    return [p for p in tree.listed(docs, "*.md") if not in_folders(docs, p)]


def sync(docs: Path, languages: tuple[str, ...], pages: dict[str, str]) -> list[Problem]:
    """Make docs/<lang>/<folder>/ hold exactly the generated pages `pages` (path → Markdown, from
    `source`): write what is missing or changed (only then, so that `mkdocs serve` does not rebuild
    in a loop), remove the build's files the data no longer makes, and report any other file there."""
    problems = []
    for lang in languages:
        for folder in FOLDERS:
            target = docs / lang / folder
            target.mkdir(parents=True, exist_ok=True)
            for file in sorted(target.rglob("*")):
                if file.is_dir() or (file.suffix == ".md" and f"{folder}/{file.relative_to(target).with_suffix('').as_posix()}" in pages):
                    continue
                if file.suffix == ".md" and is_generated(file):
                    file.unlink(missing_ok=True)
                elif not tree.hidden(file, target):
                    problems.append(Problem(file.relative_to(docs.parent).as_posix(),
                                            f"a file in docs/{lang}/{folder}/, a folder the build writes from the data",
                                            expected=f"your pages outside docs/<lang>/{{{', '.join(FOLDERS)}}}/ (the build "
                                                     "makes every page of these folders, and removes the ones it no "
                                                     "longer makes)"))
        for path, content in sorted(pages.items()):
            file = docs / lang / f"{path}.md"
            if not file.is_file() or file.read_text(encoding="utf-8") != content:
                temporary = file.with_name(f".{file.name}.{os.getpid()}.tmp")
                temporary.write_text(content, encoding="utf-8")
                os.replace(temporary, file)  # (whole: a check running beside this one never reads half a page)
    return problems
