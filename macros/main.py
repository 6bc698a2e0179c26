"""MkDocs front end of the domain code: registers the macros that pages call (the list and what each
renders is trafiklex.site_macros), each rendering for the current page, in the page's language."""
from pathlib import Path

from trafiklex import corpus as corpus_module
from trafiklex.macro_names import ARGUMENTS
from trafiklex.site_macros import functions


def define_env(env):
    root = Path(env.conf.config_file_path).resolve().parent

    def call(name: str):
        def macro(*args):
            page = env.page
            here = page.file.src_uri.split("/", 1)[1].removesuffix(".md")  # 'institutions/molsa'
            return functions(corpus_module.current(root), page.file.locale, here)[name](*args)
        macro.__name__ = name
        return macro

    for name in ARGUMENTS:
        env.macro(call(name), name)
