"""MkDocs front end of the domain code: registers the macros that pages call. Each macro renders a
structured part of a document from the data (trafiklex.render), in the page's language."""
from pathlib import Path

from trafiklex import corpus as corpus_module
from trafiklex import render, render_obligations, render_sanctions, timeline as timeline_module


def define_env(env):
    def lang() -> str:
        return env.page.file.locale

    def here() -> str:
        """The current page's path without language folder and extension ('institutions/molsa')."""
        return env.page.file.src_uri.split("/", 1)[1].removesuffix(".md")

    root = Path(env.conf.config_file_path).resolve().parent

    def data():
        return corpus_module.current(root)

    @env.macro
    def activities() -> str:
        return render.activities(data(), lang(), here())

    @env.macro
    def penalties() -> str:
        return render.penalties(data(), lang())

    @env.macro
    def commitments() -> str:
        return render.commitments(data(), lang(), here())

    @env.macro
    def strategic_framework() -> str:
        return render.strategic_framework(data(), lang())

    @env.macro
    def definitions(document: str) -> str:
        return render.definitions(data(), document, lang())

    @env.macro
    def glossary(glossary_id: str) -> str:
        return render.glossary(data(), glossary_id, lang())

    @env.macro
    def screening() -> str:
        return render.screening(data(), lang())

    @env.macro
    def note(note_id: str) -> str:
        return render.block(render.note(data(), note_id, lang()))

    @env.macro
    def documents_table() -> str:
        return render.documents_table(data(), lang())

    @env.macro
    def institutions_directory() -> str:
        return render_obligations.directory(data(), lang(), here())

    @env.macro
    def institution(institution_id: str) -> str:
        return render_obligations.institution(data(), institution_id, lang())

    @env.macro
    def due_table() -> str:
        return render_obligations.due_table(data(), lang(), here())

    @env.macro
    def timeline() -> str:
        return render.block(timeline_module.timeline(data(), lang(), here()))

    @env.macro
    def sanctions() -> str:
        return render_sanctions.sanctions(data(), lang(), here())

    @env.macro
    def downloads() -> str:
        return render.downloads(data(), lang(), here())
