"""The import contract: asynclint's layers hold, without cycles and without hidden imports.

Every module of the package is read with ``ast`` (never imported), and every import is
checked, including those under ``TYPE_CHECKING`` and inside functions:

* a module imports only from its own layer or a lower one (:data:`LAYERS`, lowest first);
* no two modules import each other, directly or through others;
* no import sits inside a function: an import placed there to dodge a cycle hides the
  cycle instead of fixing it. Only the command line's lazy loading of optional or slow
  commands is allowed (:data:`FUNCTION_IMPORTS`).

``config`` sits below ``semantics``: the pytest profile, settings, versions and declared
dependencies are facts about the project that the file model, fixtures and runner
evidence read, while no configuration module needs the semantics of a test file.

A few modules sit in a layer other than their package's (:data:`MODULE_LAYERS`), each
with the reason.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "asynclint"

# Lowest first; a module may import from its own layer and the layers before it.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("asynclint", "asynclint.model", "asynclint.catalogue", "asynclint.index"),
    ("asynclint.config",),
    ("asynclint.semantics",),
    ("asynclint.rules",),
    ("asynclint.engine",),
    ("asynclint.fixer", "asynclint.report"),
    ("asynclint.cli", "asynclint.api", "asynclint.server", "asynclint.__main__"),
)

# Modules whose layer is not their package's.
MODULE_LAYERS: dict[str, int] = {
    # Text and edit primitives (decoding, line indexes, merging an import into a module)
    # that the engine's linter attaches to each finding's fix: they read only the model
    # and the file model, and the fix loop of ``fixer.fixer`` builds on them.
    "asynclint.fixer.source": 3,
    "asynclint.fixer.edits": 3,
    "asynclint.fixer.imports": 3,
}

# Packages whose functions may import: the command line loads a command's machinery (the
# engine, a report format, the fixer, the optional server) only when that command or option
# runs, so `asynclint --version` and `rules` never pay for libcst (issue 13's start-up). The
# imports still go downward only (the upward test applies to them), so none dodges a cycle.
LAZY_IMPORTERS: tuple[str, ...] = ("asynclint.cli",)


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES: dict[str, Path] = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def resolve(importer: str, is_package: bool, node: ast.ImportFrom) -> list[str]:
    """The asynclint modules an ``from ... import`` statement reaches (a name imported
    from a package may itself be a module: ``from asynclint.engine import runner``)."""
    if node.level:
        base = importer.split(".") if is_package else importer.split(".")[:-1]
        base = base[: len(base) - (node.level - 1)]
        target = ".".join([*base, node.module] if node.module else base)
    else:
        target = node.module or ""
    found = []
    for alias in node.names:
        candidate = f"{target}.{alias.name}"
        found.append(candidate if candidate in MODULES else target)
    return found


def imports(module: str) -> Iterator[tuple[str, int, bool]]:
    """(imported asynclint module, line, inside a function) for every import of ``module``."""
    path = MODULES[module]
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    is_package = path.name == "__init__.py"

    def walk(node: ast.AST, in_function: bool) -> Iterator[tuple[str, int, bool]]:
        for child in ast.iter_child_nodes(node):
            nested = in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
            if isinstance(child, ast.Import):
                for alias in child.names:
                    yield alias.name, child.lineno, in_function
            elif isinstance(child, ast.ImportFrom):
                for target in resolve(module, is_package, child):
                    yield target, child.lineno, in_function
            else:
                yield from walk(child, nested)

    for target, line, in_function in walk(tree, False):
        if target == "asynclint" or target.startswith("asynclint."):
            yield target, line, in_function


def layer_of(module: str) -> int:
    if module in MODULE_LAYERS:
        return MODULE_LAYERS[module]
    best: tuple[int, int] | None = None  # (length of the matching prefix, layer)
    for number, prefixes in enumerate(LAYERS):
        for prefix in prefixes:
            if module == prefix or module.startswith(prefix + "."):
                if best is None or len(prefix) > best[0]:
                    best = (len(prefix), number)
    if best is None:
        raise AssertionError(f"{module} is in no layer: add its package to LAYERS")
    return best[1]


GRAPH: dict[str, list[tuple[str, int, bool]]] = {m: list(imports(m)) for m in MODULES}


def test_every_module_has_a_layer() -> None:
    for module in MODULES:
        layer_of(module)


def test_no_upward_import() -> None:
    upward = [
        f"{module}:{line} imports {target} (layer {layer_of(module)} -> {layer_of(target)})"
        for module, edges in GRAPH.items()
        for target, line, _ in edges
        if layer_of(target) > layer_of(module)
    ]
    assert not upward, "\n".join(upward)


def test_no_import_inside_a_function() -> None:
    hidden = [
        f"{module}:{line} imports {target} inside a function"
        for module, edges in GRAPH.items()
        for target, line, in_function in edges
        if in_function and not module.startswith(LAZY_IMPORTERS)
    ]
    assert not hidden, "\n".join(hidden)


def test_no_import_cycle() -> None:
    """Between modules, every import counted (under ``TYPE_CHECKING`` too). A package's
    ``__init__`` importing its own submodules is not a cycle with them."""
    edges: dict[str, set[str]] = {m: set() for m in MODULES}
    for module, found in GRAPH.items():
        for target, _, _ in found:
            if target in MODULES and target != module:
                edges[module].add(target)
    for module, targets in edges.items():  # a submodule importing from its package __init__
        edges[module] = {t for t in targets if not (MODULES[t].name == "__init__.py" and module.startswith(t + "."))}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []
    counter = [0]

    def connect(node: str) -> None:  # Tarjan's strongly connected components
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for target in sorted(edges[node]):
            if target not in index:
                connect(target)
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
                cycles.append(sorted(component))

    for module in sorted(edges):
        if module not in index:
            connect(module)
    assert not cycles, "\n".join(" <-> ".join(c) for c in cycles)


def test_lazy_imports_stay_in_the_command_line() -> None:
    """The exemption is real: the command line does import lazily, and nothing else does."""
    lazy = {module for module, edges in GRAPH.items() for _, _, in_function in edges if in_function}
    assert lazy and all(module.startswith(LAZY_IMPORTERS) for module in lazy), sorted(lazy)
