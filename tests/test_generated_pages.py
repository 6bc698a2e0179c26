"""The pages the build makes from the data (docs/<lang>/{institutions,parallel,topics}/, not in git) are
made anew by every check and build: one left of a document or body that was removed or renamed is
removed, not reported; an editor's file in those folders is reported, never removed."""
from __future__ import annotations

from trafiklex.data import generated_pages
from trafiklex.model import pagecheck

OLD_FORM = '---\nparallel_of: nap-2008-2010\n---\n\n{{ parallel("nap-2008-2010") }}\n'  # (before the mark)


def test_the_folders_hold_what_the_data_makes_and_an_editors_file_is_reported_not_removed(tmp_path):
    docs = tmp_path / "docs"
    for lang in ("sq", "en"):
        (docs / lang / "parallel").mkdir(parents=True)
        (docs / lang / "parallel" / "nap-2008-2010.md").write_text(OLD_FORM, encoding="utf-8")
        (docs / lang / "parallel" / "stale.md").write_text(generated_pages.source("parallel_of", "stale"), encoding="utf-8")
    (docs / "en" / "topics").mkdir(parents=True)
    mine = docs / "en" / "topics" / "my-notes.md"
    mine.write_text("# My notes\n", encoding="utf-8")
    wanted = {"parallel/nrm-agreement": generated_pages.source("parallel_of", "nrm-agreement"),
              "institutions/molsa": generated_pages.source("institution_id", "molsa")}
    problems = generated_pages.sync(docs, ("sq", "en"), wanted)
    assert [(p.file, p.message) for p in problems] == [
        ("docs/en/topics/my-notes.md", "a file in docs/en/topics/, a folder the build writes from the data")]
    assert mine.read_text(encoding="utf-8") == "# My notes\n"
    for lang in ("sq", "en"):
        assert sorted(p.relative_to(docs / lang).as_posix() for p in (docs / lang).rglob("*.md") if p != mine) == \
            ["institutions/molsa.md", "parallel/nrm-agreement.md"]
        assert (docs / lang / "institutions" / "molsa.md").read_text(encoding="utf-8") == wanted["institutions/molsa"]
    assert not list(docs.rglob("*.tmp"))
    # the page checks read the written pages, not the build's
    assert pagecheck.written(docs, docs / "en") == [mine]
    assert generated_pages.is_generated(docs / "en" / "parallel" / "nrm-agreement.md")
    assert generated_pages.is_generated_text(OLD_FORM) and not generated_pages.is_generated_text(OLD_FORM + "more\n")
