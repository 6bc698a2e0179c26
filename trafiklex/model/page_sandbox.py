"""Pages are templates of one kind only: text with calls of the site's macros, `{{ note("id") }}`.

A page's template is checked before it is rendered (outside(): anything but text and macro calls
with quoted arguments is refused, with its line), and rendered in a sandbox (environment()) that
lets it call the macros it is given and reach nothing else: no attribute or item of any object
(so none of Python's internals: `__globals__`, `__class__`, `__mro__`, `self._TemplateReference__context`),
no globals (`cycler`, `joiner`, `namespace`, `lipsum`, `range`), no filters, no tests, no arithmetic.
The check also keeps a page from making a template that runs for ever (loops, recursion), which
no sandbox prevents."""
from __future__ import annotations

import inspect
from typing import Callable, Mapping

import jinja2
from jinja2 import nodes
from jinja2.sandbox import ImmutableSandboxedEnvironment

EXPECTED = 'text and macro calls with quoted arguments, e.g. {{ note("note-id") }}'

_WHAT = {  # what a node is, in the words of the message
    nodes.Getattr: "an attribute (.{attr})", nodes.Getitem: "an item ([…])", nodes.Filter: "a filter (|{name})",
    nodes.Test: "a test (is {name})", nodes.For: "a loop ({{% for %}})", nodes.If: "a condition ({{% if %}})",
    nodes.CondExpr: "a condition (… if … else …)", nodes.Assign: "a variable ({{% set %}})",
    nodes.AssignBlock: "a variable ({{% set %}})", nodes.Macro: "a template macro ({{% macro %}})",
    nodes.CallBlock: "a call block ({{% call %}})", nodes.Include: "another template ({{% include %}})",
    nodes.Import: "another template ({{% import %}})", nodes.FromImport: "another template ({{% from … import %}})",
    nodes.Extends: "another template ({{% extends %}})", nodes.Block: "a block ({{% block %}})",
    nodes.With: "a scope ({{% with %}})", nodes.FilterBlock: "a filter block ({{% filter %}})",
    nodes.BinExpr: "arithmetic or logic", nodes.UnaryExpr: "arithmetic or logic", nodes.Compare: "a comparison",
    nodes.Concat: "a concatenation (~)", nodes.Name: "a name that is not called ({name})",
    nodes.Const: "a value that is not a macro call", nodes.List: "a list", nodes.Tuple: "a tuple",
    nodes.Dict: "a mapping", nodes.Slice: "a slice",
}


def _describe(node: nodes.Node) -> str:
    for kind, words in _WHAT.items():
        if isinstance(node, kind):
            return words.format(attr=getattr(node, "attr", ""), name=getattr(node, "name", ""))
    return f"template syntax of the kind '{type(node).__name__}'"


def outside(tree: nodes.Template, macros: Mapping[str, Callable]) -> list[tuple[int, str]]:
    """Everything in a parsed page beyond text and calls of a macro with quoted arguments: (line,
    what). Names that are not macros are left to the caller, which reports them as unknown macros;
    a call of a known macro with arguments it does not take is reported here."""
    found: list[tuple[int, str]] = []
    for output in tree.body:
        if not isinstance(output, nodes.Output):
            found.append((output.lineno, _describe(output)))
            continue
        for node in output.nodes:
            if isinstance(node, nodes.TemplateData):
                continue
            if not isinstance(node, nodes.Call) or not isinstance(node.node, nodes.Name):
                found.append((node.lineno, _describe(node.node if isinstance(node, nodes.Call) else node)))
                continue
            name = node.node.name
            if node.kwargs or node.dyn_args or node.dyn_kwargs:
                found.append((node.lineno, f"a call of {name}() with named or unpacked arguments"))
            elif not all(isinstance(a, nodes.Const) and isinstance(a.value, str) for a in node.args):
                bad = next(a for a in node.args if not (isinstance(a, nodes.Const) and isinstance(a.value, str)))
                found.append((node.lineno, f"{_describe(bad)} as an argument of {name}()"))
            elif name in macros and not _accepts(macros[name], len(node.args)):
                found.append((node.lineno, f"{name}() called with {len(node.args)} argument(s), which it does not take"))
    return found


def _accepts(function: Callable, count: int) -> bool:
    try:
        inspect.signature(function).bind(*["x"] * count)
    except TypeError:
        return False
    return True


class _Sandbox(ImmutableSandboxedEnvironment):
    """Jinja's sandbox, narrowed to the macros given: nothing else is callable, no attribute is safe."""

    intercepted_binops = frozenset(["+", "-", "*", "/", "//", "%", "**"])
    intercepted_unops = frozenset(["+", "-"])

    def __init__(self, macros: Mapping[str, Callable]):
        super().__init__(undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=True,
                         loader=jinja2.DictLoader({}))
        self.globals.clear()
        self.filters.clear()
        self.tests.clear()
        self._macros = tuple(macros.values())

    def is_safe_attribute(self, obj, attr, value) -> bool:
        return False

    def is_safe_callable(self, obj) -> bool:
        # (an Undefined is callable only to raise "'name' is undefined")
        return isinstance(obj, jinja2.Undefined) or any(obj is macro for macro in self._macros)

    def call_binop(self, context, operator, left, right):
        raise jinja2.exceptions.SecurityError(f"arithmetic ({operator}) is not allowed in a page")

    def call_unop(self, context, operator, arg):
        raise jinja2.exceptions.SecurityError(f"arithmetic ({operator}) is not allowed in a page")


def environment(macros: Mapping[str, Callable]) -> jinja2.Environment:
    """The environment a page is rendered in: render it with exactly these macros."""
    return _Sandbox(macros)
