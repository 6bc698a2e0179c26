"""The code's shape, as ARCHITECTURE.md draws it: the package's folders are layers, each importing only
from itself and the ones below (every import counted, at the top of a module or inside a function);
no module imports, through others, itself; and no line of the code names a document of the edition
(documents are data: a new one needs no code)."""
from __future__ import annotations

import ast
from pathlib import Path

import yaml

from conftest import ROOT, report

PACKAGE = ROOT / "trafiklex"
# the layers, from the ground floor up (a module outside these folders is on the top floor)
LAYERS = ["core", "data", "model", "queries", "translators", "views", "formats", "website", "pdf"]


def _modules() -> dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


MODULES = _modules()


def _imports(name: str, path: Path) -> set[str]:
    """Every module of the package that `name` imports (a name imported from a package counts as
    that package's module when it is one)."""
    found = set()
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parts + ([node.module] if node.module else []))
            for alias in node.names:
                target = f"{base}.{alias.name}"
                found.add(target if target in MODULES else base)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {target for target in found if target in MODULES and target != name}


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def _layer(name: str) -> int:
    parts = name.split(".")
    return LAYERS.index(parts[1]) if len(parts) > 2 and parts[1] in LAYERS else len(LAYERS)


def test_each_layer_imports_only_from_itself_and_below():
    upward = sorted(f"{name} imports {target}" for name, targets in GRAPH.items() for target in targets
                    if _layer(target) > _layer(name))
    assert not upward, "\n".join(upward)
    assert {path.parent.name for path in PACKAGE.glob("*/__init__.py")} == set(LAYERS)
    report("layers", "  <  ".join(f"{layer} ({sum(1 for n in MODULES if _layer(n) == i)})" for i, layer in enumerate(LAYERS))
           + f"  <  top ({sum(1 for n in MODULES if _layer(n) == len(LAYERS))})")


def _cycles() -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index, low, stack, on_stack, out = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(GRAPH[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for node in sorted(GRAPH):
        if node not in index:
            visit(node)
    return out


def test_no_module_imports_itself_through_others():
    cycles = _cycles()
    assert not cycles, cycles
    report("import circles", f"0 among {len(MODULES)} modules ({sum(len(t) for t in GRAPH.values())} imports)")


def test_no_line_of_the_code_names_a_document():
    documents = [d["id"] for d in yaml.safe_load((ROOT / "data" / "documents.yml").read_text(encoding="utf-8"))["documents"]]
    naming = [f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
              for path in sorted(PACKAGE.rglob("*")) if path.is_file() and path.suffix in (".py", ".html", ".typ", ".svg", ".js")
              for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
              if any(document in line for document in documents)]
    assert not naming, "\n".join(naming)
    report("lines of trafiklex/ that name a document", f"0 (of the {len(documents)} documents' ids)")
