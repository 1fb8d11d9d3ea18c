"""The layer table of STYLE.md, enforced on every module of ``src/``: imports run one way, no cycles.

Every import counts: at module level, inside functions, under ``TYPE_CHECKING``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"

LAYERS: dict[str, tuple[str, ...]] = {
    "core": ("wikifilm.span", "wikifilm.diagnostics", "wikifilm.errors", "wikifilm.caches", "wikifilm._slots_init",
             "wikifilm.docgen", "wikifilm._words", "wikifilm._collector"),
    "markup": ("wikifilm.markup",),
    "document": ("wikifilm.document",),
    "readers": ("wikifilm.readers",),
    "record": ("wikifilm.record", "wikifilm.contract", "wikifilm.evaluation"),  # evaluation reads the contract's golden fields
    "normalize": ("wikifilm.normalize", "wikifilm.names", "wikifilm._romanization", "wikifilm._hangul"),
    "extract": ("wikifilm.extract",),
    "batch": ("wikifilm.batch", "wikifilm.spark", "wikifilm.graph", "wikifilm.editing", "wikifilm.mediawiki"),
    "cli": ("wikifilm.cli", "wikifilm.__main__", "wikifilm"),
}
"""Which modules make up each layer (a module belongs to the first layer naming it or a package above it)."""

_BELOW_NORMALIZE = ("core", "markup", "document", "readers", "record")
MAY_IMPORT: dict[str, tuple[str, ...]] = {
    "core": ("core",),
    "markup": ("core", "markup"),
    "document": ("core", "markup", "document"),
    "readers": ("core", "markup", "document", "readers"),
    "record": ("core", "record"),
    "normalize": (*_BELOW_NORMALIZE, "normalize"),
    "extract": (*_BELOW_NORMALIZE, "normalize", "extract"),
    "batch": (*_BELOW_NORMALIZE, "normalize", "extract", "batch"),
    "cli": tuple(LAYERS),
}
"""STYLE.md's table: the layers each layer may import (its own included)."""


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(path): path for path in sorted(SRC.rglob("*.py"))}


def layer_of(module: str) -> str:
    """The layer a module belongs to (the longest matching prefix in :data:`LAYERS`)."""
    best, best_length = None, -1
    for layer, prefixes in LAYERS.items():
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > best_length:
                best, best_length = layer, len(prefix)
    if best is None:
        raise LookupError(f"{module} is in no layer of tests/test_layers.py: add it to LAYERS")
    return best


def imports_of(module: str) -> set[str]:
    """The wikifilm modules ``module`` imports, anywhere in its body (resolved to modules of src/)."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    package = module if MODULES[module].name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            names = [f"{base}.{alias.name}" for alias in node.names] + [base]
        for name in names:
            while name and name not in MODULES:
                name = name.rpartition(".")[0]
            if name and name != module:
                found.add(name)
    return found


GRAPH = {module: imports_of(module) for module in MODULES}


def test_every_module_has_a_layer() -> None:
    """A new module must be placed in the table before it can be checked."""
    for module in MODULES:
        layer_of(module)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_follow_the_layer_table(module: str) -> None:
    """A module imports only from the layers STYLE.md allows for its own layer."""
    layer = layer_of(module)
    wrong = sorted(name for name in GRAPH[module] if layer_of(name) not in MAY_IMPORT[layer])
    assert not wrong, f"{module} ({layer}) imports {wrong}, of layers {[layer_of(name) for name in wrong]}"


def test_no_import_cycle() -> None:
    """No module imports itself back through others (function-local imports count)."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        stack.append(module)
        for name in sorted(GRAPH[module]):
            if state.get(name) == 1:
                cycle = [*stack[stack.index(name) :], name]
                raise AssertionError("import cycle: " + " -> ".join(cycle))
            if name not in state:
                visit(name)
        stack.pop()
        state[module] = 2

    for module in sorted(MODULES):
        if module not in state:
            visit(module)


def test_the_checker_sees_function_local_imports() -> None:
    """The checker is not blind: cli imports batch inside a function, and that import is seen."""
    assert "wikifilm.batch.run" in GRAPH["wikifilm.cli"]
