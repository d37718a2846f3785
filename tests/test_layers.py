"""attrib's modules import each other in one direction only: no circle, even through imports inside functions."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "attrib"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports() -> dict[str, set[str]]:
    """Each attrib module and the attrib modules it names in any import statement, wherever it stands."""
    modules = {_module_name(path): path for path in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.update(f"{node.module}.{alias.name}" if f"{node.module}.{alias.name}" in modules else node.module for alias in node.names)
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
        graph[name] = {target for target in found if target in modules and target != name}
    return graph


def _circle(graph: dict[str, set[str]]) -> list[str]:
    """One circle of imports, or [] when there is none (depth-first search)."""
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(module: str) -> list[str]:
        state[module] = 1
        path.append(module)
        for target in sorted(graph[module]):
            if state.get(target) == 1:
                return path[path.index(target) :] + [target]
            if target not in state:
                found = visit(target)
                if found:
                    return found
        state[module] = 2
        path.pop()
        return []

    for module in sorted(graph):
        if module not in state:
            found = visit(module)
            if found:
                return found
    return []


def test_no_module_imports_one_that_imports_it_back() -> None:
    graph = _imports()
    assert "attrib.loading" in graph["attrib.cli"]  # the search sees imports inside functions
    assert _circle(graph) == []


def test_the_tagger_and_its_models_import_no_loading_training_or_evaluation() -> None:
    graph = _imports()
    above = {"attrib.loading", "attrib.training", "attrib.evaluation", "attrib.cli"}
    for module, targets in graph.items():
        if module.startswith("attrib.model") or module.startswith("attrib.analysis"):
            assert not targets & above, module
