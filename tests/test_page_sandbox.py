"""A page is text with calls of the site's macros, and nothing more: a page that tries to reach
Python's internals (to read the build's secrets or run commands) is stopped before it is rendered,
with a message naming the page and the line, and the sandbox it is rendered in would stop it too."""
from __future__ import annotations

import jinja2
import pytest

from trafiklex.model import page_sandbox, page_source
from trafiklex.core.errors import DataError

MARKER = "hostile-page-ran"

# (template, what the page tries) — each would, rendered unsandboxed, reach Python's internals, run
# a command, or keep the build busy for ever
HOSTILE = [
    "{{ note.__globals__ }}",
    "{{ note.__globals__['os'].system('touch " + MARKER + "') }}",
    "{{ note['__globals__'] }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ ''.__class__.__mro__ }}",
    "{{ cycler.__init__.__globals__.os.popen('touch " + MARKER + "').read() }}",
    "{{ joiner.__init__.__globals__.os.system('touch " + MARKER + "') }}",
    "{{ namespace.__init__.__globals__ }}",
    "{{ lipsum.__globals__['os'].system('touch " + MARKER + "') }}",
    "{{ range.__self__ }}",
    "{{ self._TemplateReference__context }}",
    "{{ self.__init__.__globals__ }}",
    "{{ note|attr('__globals__') }}",
    "{{ '{0.__globals__}'.format(note) }}",
    "{{ note(note.__globals__) }}",
    "{{ note(*['x']) }}",
    "{{ note(note_id='x') }}",
    "{% set g = note.__globals__ %}{{ g }}",
    "{% for key in note.__globals__ %}{{ key }}{% endfor %}",
    "{% for a in 'xxxxxxxxxx' %}{% for b in 'xxxxxxxxxx' %}{% for c in 'xxxxxxxxxx' %}{{ note('n') }}{% endfor %}{% endfor %}{% endfor %}",
    "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}",
    "{{ 'x' * 1000000000 }}",
    "{{ 9 ** 9 ** 9 }}",
    "{% include '/etc/passwd' %}",
    "{% extends 'base.html' %}",
    "{% import 'os' as os %}",
    "{% if note.__globals__ %}yes{% endif %}",
    "{{ note.__call__('n') }}",
    "{{ (note, 1)[0].__globals__ }}",
]
# harmless to the sandbox (a macro called another way, a long loop): the check alone refuses them
CHECK_ONLY = {"{{ note(*['x']) }}", "{{ note(note_id='x') }}", HOSTILE[19]}


def _expand(tmp_path, text, functions=None, lang="en"):
    source = "---\ndocument: order-25-2005\n---\n\nSome text.\n\n" + text + "\n"
    functions = functions or {"note": lambda note_id: f"<note {note_id}>"}
    return page_source.expand_text(source, f"docs/{lang}/hostile.md", functions)


def test_a_page_of_text_and_macro_calls_still_renders(tmp_path):
    out = _expand(tmp_path, '{{ note("n-1") }} and {{ note(\'n-2\') }}, {# a comment #}{% raw %}{{ shown }}{% endraw %}')
    assert "<note n-1> and <note n-2>, {{ shown }}" in out
    assert out.startswith("\nSome text.")


@pytest.mark.parametrize("template", HOSTILE)
def test_a_page_reaching_for_python_internals_is_stopped_naming_the_page(tmp_path, template, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(DataError) as caught:
        _expand(tmp_path, template)
    report = caught.value.report()
    problem = caught.value.problems[0]
    assert problem.file == "docs/en/hostile.md"
    assert problem.line == 7, report  # the line in the page (3 lines of front matter, 3 of text)
    assert "the page may only call macros" in report and "expected: text and macro calls" in report
    assert not (tmp_path / MARKER).exists()
    assert "<module" not in report and "<function" not in report  # nothing of the internals is shown


@pytest.mark.parametrize("template", [t for t in HOSTILE if t not in CHECK_ONLY])
def test_the_sandbox_alone_stops_them_too(tmp_path, template, monkeypatch):
    """Behind the check, the environment the page is rendered in: even a template the check let
    through reaches no attribute, no global, no filter, no arithmetic, calls nothing but the macros."""
    monkeypatch.chdir(tmp_path)
    functions = {"note": lambda note_id: f"<note {note_id}>"}
    environment = page_sandbox.environment(functions)
    with pytest.raises(jinja2.TemplateError):
        environment.from_string(template).render(**functions)
    assert not (tmp_path / MARKER).exists()


def test_a_macro_called_with_arguments_it_does_not_take_is_stopped_not_a_traceback(tmp_path):
    functions = {"note": lambda note_id: "", "activities": lambda: ""}
    with pytest.raises(DataError) as caught:
        _expand(tmp_path, '{{ activities("x") }}\n{{ note() }}', functions)
    problems = caught.value.problems
    assert [(p.file, p.line) for p in problems] == [("docs/en/hostile.md", 7), ("docs/en/hostile.md", 8)]
    assert "activities() called with 1 argument(s)" in problems[0].message


def test_an_unknown_macro_is_still_named(tmp_path):
    with pytest.raises(DataError) as caught:
        _expand(tmp_path, "{{ santions() }}")
    assert "'santions' is undefined: no such macro here" in caught.value.report()
    assert caught.value.problems[0].line == 7


@pytest.mark.parametrize("template", HOSTILE)
def test_the_check_of_every_page_before_the_build_refuses_them_too(template):
    """The MkDocs build checks every page (trafiklex.model.pagecheck) before any is rendered: the same
    refusal, whoever renders the pages."""
    from trafiklex.model.pagecheck import template_names

    source = "---\ndocument: order-25-2005\n---\n\nSome text.\n\n" + template + "\n"
    problems = template_names(source, "docs/en/hostile.md")
    assert problems and all(p.file == "docs/en/hostile.md" and p.line == 7 for p in problems), problems
