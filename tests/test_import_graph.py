"""The shape of the package: kerascheck's modules import each other without cycles, and never from a
lower layer up to a higher one. The graph is read from the source with ``ast``: every import, at the
top of a module, in a function or under ``TYPE_CHECKING``."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Dict, List, Set

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "kerascheck"

# Lowest first. A module belongs to the layer of the longest name or prefix ("x." for a package) here.
LAYERS: List[List[str]] = [
    # text, files and facts: what everything reads
    [
        "kerascheck",
        "kerascheck.errors",
        "kerascheck.text",
        "kerascheck.lazy",
        "kerascheck.record",
        "kerascheck.findings",
        "kerascheck.isolation",
        "kerascheck.gitignore",
        "kerascheck.files",
        "kerascheck.project_classes",
        "kerascheck.parallel",
        "kerascheck.catalog",
        "kerascheck.catalog.",
        "kerascheck.names",
        "kerascheck.walk",
        "kerascheck.dead_branches",
        "kerascheck.binding",
        "kerascheck.fixed_calls",
        "kerascheck.import_graph",
        "kerascheck.renames",
        "kerascheck.pins",
    ],
    # what a rule may ask, about one module or the project
    ["kerascheck.context", "kerascheck.context."],
    ["kerascheck.rules", "kerascheck.rules."],
    # checking one module: settings, the engine, fixing
    [
        "kerascheck.selection",
        "kerascheck.config",
        "kerascheck.settings_finder",
        "kerascheck.report",
        "kerascheck.import_memo",
        "kerascheck.engine",
        "kerascheck.noqa",
        "kerascheck.statement_guard",
        "kerascheck.guards",
        "kerascheck.fix",
        "kerascheck.notebooks",
        "kerascheck.runner",
    ],
    # what no single module shows
    ["kerascheck.project"],
    # the front ends: they run the rest and render what it finds
    [
        "kerascheck.docs",
        "kerascheck.output",
        "kerascheck.file_check",
        "kerascheck.render",
        "kerascheck.rule_help",
        "kerascheck.cli",
        "kerascheck.console",
        "kerascheck.__main__",
        "kerascheck.flake8_plugin",
        "kerascheck.pylint_plugin",
    ],
]


def _modules() -> Dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _imported(name: str, path: Path) -> Set[str]:
    """The kerascheck modules ``name`` imports: ``from a import b`` is module ``a.b`` when there is one."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    targets: List[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([node.module] if node.module else []))
            targets += [f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base for alias in node.names]
    found = set()
    for target in targets:
        while target and target not in MODULES:
            target = target.rpartition(".")[0]  # an imported name's module
        if target and target != name:
            found.add(target)
    return found


GRAPH = {name: _imported(name, path) for name, path in MODULES.items()}


def layer_of(name: str) -> int:
    matches = [
        (len(entry), index)
        for index, entries in enumerate(LAYERS)
        for entry in entries
        if name == entry or (entry.endswith(".") and name.startswith(entry))
    ]
    if not matches:
        raise LookupError(f"{name} is in no layer: add it to LAYERS in {Path(__file__).name}")
    return max(matches)[1]


def test_the_graph_is_read():
    assert len(GRAPH) > 40
    assert "kerascheck.context" in GRAPH["kerascheck.rules.base"]  # Context, imported for real
    assert {"kerascheck.project", "kerascheck.file_check"} <= GRAPH["kerascheck.cli"]


def test_every_module_has_a_layer():
    for name in MODULES:
        layer_of(name)


def test_no_import_goes_up_a_layer():
    upward = [
        f"{name} (layer {layer_of(name)}) imports {imported} (layer {layer_of(imported)})"
        for name, imports in sorted(GRAPH.items())
        for imported in sorted(imports)
        if layer_of(imported) > layer_of(name)
    ]
    assert upward == []


def test_no_import_cycles():
    cycles = _cycles(GRAPH)
    assert cycles == [], "\n".join(" -> ".join(cycle) for cycle in cycles)


def _cycles(graph: Dict[str, Set[str]]) -> List[List[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    index: Dict[str, int] = {}
    low: Dict[str, int] = {}
    stack: List[str] = []
    on_stack: Set[str] = set()
    components: List[List[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                components.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return components


@pytest.mark.parametrize(
    "graph, expected",
    [
        ({"a": {"b"}, "b": {"a"}, "c": set()}, [["a", "b"]]),
        ({"a": {"b"}, "b": {"c"}, "c": set()}, []),
        ({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}, [["a", "b", "c"]]),
    ],
)
def test_cycles_are_found(graph, expected):
    assert _cycles(graph) == expected


def test_a_module_in_no_layer_is_named():
    with pytest.raises(LookupError, match="kerascheck.elsewhere"):
        layer_of("kerascheck.elsewhere")
