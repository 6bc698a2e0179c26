"""An editor's files beside the inputs: vim's swap file of a page or of a data file, Emacs's lock (a
hidden link to nothing) and a system's .DS_Store neither stop the build nor count as an edit; they
are not read, not checked and not published. A hidden link to a file or a folder is still refused."""
from __future__ import annotations

import os

import pytest

from conftest import copy_project
from trafiklex import validate
from trafiklex.data import corpus as corpus_module
from trafiklex.data import generated_pages, inputs
from trafiklex.website import site_cache
from trafiklex.website.pages import site_pages
from trafiklex.model.edition import edition_of

EDITORS_FILES = {  # path → what an editor (or a system) leaves there as the file is being edited
    "docs/en/.nrm-agreement.md.swp": b"b0VIM 9.0\x00\x00\x00\x00",
    "data/documents/nrm-agreement/.commitments.yml.swp": b"b0VIM 9.0\x00\x00\x00\x00",
    "sources/.DS_Store": b"\x00\x00\x00\x01Bud1",
    "translations/.accepted.yml.swo": b"b0VIM 9.0",
    "schemas/.documents.schema.json": b"{}",  # (a hidden file named as the schemas the open data publish)
    "docs/en/.obsidian/app.json": b"{}",  # (a plain file in a hidden folder: an editor's settings)
}
EMACS_LOCK = "docs/sq/.#nrm-agreement.md"  # → user@host.pid:boot-time (a link to nothing)


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path / "project")


def _leave_editors_files(root):
    for name, content in EDITORS_FILES.items():
        (root / name).parent.mkdir(exist_ok=True)
        (root / name).write_bytes(content)
    os.symlink("editor@host.4242:1700000000", root / EMACS_LOCK)


def test_an_editor_s_swap_and_lock_files_neither_stop_the_build_nor_count_as_an_edit(project):
    before = (site_cache.key(project, {}), corpus_module._fingerprint(project), corpus_module._pages_fingerprint(project),
              generated_pages.written(project / "docs"))
    _leave_editors_files(project)
    assert inputs.tree_problems(project) == []
    corpus = validate.check(project)  # (the build's checks: the data, every page, every render)
    assert "nrm-agreement" in [d["id"] for d in corpus.documents]
    after = (site_cache.key(project, {}), corpus_module._fingerprint(project), corpus_module._pages_fingerprint(project),
             generated_pages.written(project / "docs"))
    assert after == before
    pages = site_pages(edition_of(corpus))
    assert not any(path.startswith(".") or "/." in path for lang in ("sq", "en") for path in pages.page_paths(lang))
    (project / "docs" / "en" / ".nrm-agreement.md.swp").write_bytes(b"b0VIM 9.0 (saved again)")
    assert site_cache.key(project, {}) == before[0]  # (the swap file written again: still no edit)


@pytest.mark.parametrize("target", ["../../data", "../../mkdocs.yml"])
def test_a_hidden_link_to_a_file_or_folder_is_refused_as_any_link(tmp_path, target):
    root = copy_project(tmp_path)
    os.symlink(target, root / "docs" / "en" / ".hidden")
    assert [(p.file, p.message) for p in inputs.tree_problems(root)] == [("docs/en/.hidden", "is a symbolic link")]


def test_a_hidden_schema_is_not_published_with_the_open_data(project, tmp_path):
    from trafiklex.formats import exports
    _leave_editors_files(project)
    written = exports.write(corpus_module.load(project), tmp_path / "data")
    assert [p.name for p in written if p.name.startswith(".")] == []
    assert "documents.schema.json" in [p.name for p in written]


def test_a_hidden_file_of_the_theme_s_templates_is_an_input(tmp_path):
    """The theme's templates may include a file of theirs by name, a hidden one too: there a hidden file
    is checked like any other and is part of the site's key."""
    root = copy_project(tmp_path)
    before = site_cache.key(root, {})
    (root / "overrides" / ".icons").mkdir()
    (root / "overrides" / ".icons" / "logo.svg").write_text("<svg/>", encoding="utf-8")
    assert [(p.file, p.message) for p in inputs.tree_problems(root)] == \
        [("overrides/.icons/logo.svg", "a file of a kind the site does not publish (.svg)")]
    assert site_cache.key(root, {}) != before


def test_a_page_in_a_python_cache_folder_is_a_page_like_any_other(tmp_path):
    """MkDocs publishes a page under docs/…/__pycache__/ (its exclusions are hidden names alone): the
    pages' checks read it too."""
    from trafiklex.data import pagefiles
    root = copy_project(tmp_path)
    folder = root / "docs" / "en" / "__pycache__"
    folder.mkdir()
    (folder / "x.md").write_text("---\ndocument: [1, 2]\n---\n\nText.\n", encoding="utf-8")
    assert "docs/en/__pycache__/x.md" in [p.file for p in pagefiles.page_problems(root)]
