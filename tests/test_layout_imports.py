"""The package's layout rules, read off the source: imports run one way and bindings stay apart.

config ← env assembly ← bindings (vectorize, ai, d1, kv, assets, queues, ratelimit) ← runtime ← cli / pytest plugin;
the shared root modules (errors, JS values, clock) import nothing above them; no binding
package imports another; module-level imports form no cycle. Function-local imports count
too (they are dependencies all the same), except the package root's lazy names.
"""

from __future__ import annotations

import ast
import functools
import gc
from pathlib import Path

import pytest

import workers_env

PACKAGE = Path(workers_env.__file__).parent
SHARED = {"workers_env._errors", "workers_env._jsvalues", "workers_env._jsontext", "workers_env._float32decimals", "workers_env._sendchecks", "workers_env._sentvalues", "workers_env._proxytype", "workers_env._jscoercions", "workers_env._vectorizeversions", "workers_env._clock", "workers_env._deep", "workers_env._lazyre", "workers_env._tomlparses", "workers_env._oneload", "workers_env._options",
          "workers_env._collected", "workers_env._loglevel", "workers_env._sdkclasses"}
BINDINGS = ("vectorize", "ai", "d1", "kv", "assets", "queues", "ratelimit")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def area(module: str) -> str:
    """The area a module belongs to: a folder name, or the root module itself."""
    parts = module.split(".")
    if len(parts) == 1:
        return "root"
    if module in SHARED:
        return "shared"
    return {"_env": "env", "_ownmodules": "env", "_statebeside": "env", "_targets": "env", "__main__": "cli", "pytest_plugin": "cli",
            "seeding": "cli"}.get(parts[1], parts[1])


LAYER = {"shared": 0, "config": 1, "env": 2, **{b: 3 for b in BINDINGS}, "runtime": 4, "cli": 5, "root": 6}


def layer(module: str) -> int:
    """The layer of ``module``'s area; a module of no known area fails saying where to add it."""
    where = area(module)
    assert where in LAYER, (
        f"{module} is in no known area ({where!r}): add it to the area map in area() of "
        "tests/test_layout_imports.py (a root module beside _env.py: \"env\"; shared by every layer: SHARED), "
        "or move it into the folder of its layer (config, env, a binding, runtime, cli)")
    return LAYER[where]


_BODIES = ("body", "orelse", "finalbody", "handlers", "cases")


@functools.cache
def _import_statements(path: Path) -> tuple[list[ast.stmt], list[ast.stmt]]:
    """``path``'s import statements, at its top level and anywhere, parsed once for the tests here
    (each reads every module). Only they are kept: the whole trees of every module, kept alive,
    made each of the garbage collector's full passes walk millions of nodes. An import is a
    statement, so only statement lists are walked (bodies, else/finally blocks, except handlers and
    match cases), never expressions; and the tree is built, walked and freed with the collector
    paused: it has no cycles (its nodes go by reference count), while the collector, run every
    700 new nodes, would carry its nodes through its generations and now and then walk the whole
    suite's heap (with a large heap, most of this test's time)."""
    source = path.read_text()
    kinds = (ast.Import, ast.ImportFrom)
    collecting = gc.isenabled()
    gc.disable()
    try:
        tree = ast.parse(source, str(path))
        everywhere: list[ast.stmt] = []
        todo: list[ast.AST] = [tree]
        while todo:  # every statement (the order does not count)
            node = todo.pop()
            if isinstance(node, kinds):
                everywhere.append(node)
                continue
            for field in _BODIES:
                value = getattr(node, field, None)
                if isinstance(value, list):
                    todo.extend(value)
        top = [node for node in tree.body if isinstance(node, kinds)]
        del tree, todo
    finally:
        if collecting:
            gc.enable()
    return top, everywhere


@functools.cache
def _is_module_or_package(candidate: str) -> bool:
    return (PACKAGE.parent / (candidate.replace(".", "/") + ".py")).exists() or (
        PACKAGE.parent / candidate.replace(".", "/")).is_dir()


def imports(path: Path, *, top_level_only: bool = False) -> set[str]:
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    nodes = _import_statements(path)[0 if top_level_only else 1]
    found: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join(anchor + ([base] if base else []))
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                found.add(candidate if _is_module_or_package(candidate) else base)
    return {name for name in found if name == "workers_env" or name.startswith("workers_env.")}


MODULES = sorted(PACKAGE.rglob("*.py"))


def test_the_top_level_is_the_designs():
    root = PACKAGE.parent
    assert not (root / "src").exists()
    for entry in ("pyproject.toml", "README.md", "workers_env", "tests", "example_worker", "conftest.py"):
        assert (root / entry).exists(), entry
    for folder in ("config", *BINDINGS, "runtime", "cli"):
        assert (PACKAGE / folder / "__init__.py").is_file(), folder
        assert ast.get_docstring(ast.parse((PACKAGE / folder / "__init__.py").read_text())), folder


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_imports_run_one_way(path: Path):
    here = module_name(path)
    if area(here) == "root":
        return  # the package root re-exports the public surface (lazily)
    for target in imports(path):
        there = area(target)
        if target == "workers_env":
            pytest.fail(f"{here} imports the package root; import the module that owns the name")
        assert layer(target) <= layer(here), f"{here} ({area(here)}) imports {target} ({there})"
        if area(here) in BINDINGS and there in BINDINGS:
            assert there == area(here), f"binding {area(here)} imports binding {there} ({target})"


def test_a_module_of_no_known_area_is_named_with_where_to_add_it():
    with pytest.raises(AssertionError, match=r"workers_env\._newmodule is in no known area .*add it to the area map"):
        layer("workers_env._newmodule")


def test_no_import_cycles_at_module_level():
    graph = {module_name(p): {t for t in imports(p, top_level_only=True) if t != "workers_env"} for p in MODULES}
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                pytest.fail("import cycle: " + " -> ".join(trail[trail.index(nxt):] + [nxt]))
            if nxt not in state:
                visit(nxt, trail + [nxt])
        state[node] = 2

    for start in sorted(graph):
        if start not in state:
            visit(start, [start])


def test_importing_the_package_loads_no_binding_and_no_numpy():
    import subprocess
    import sys

    code = ("import sys, workers_env; "
            "print(sorted(m for m in sys.modules if m.startswith(('numpy', 'workers_env.'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "['workers_env._errors']"
