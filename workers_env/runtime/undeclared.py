"""The note for a Worker's import of a module that no package of this environment provides and
that ``pyproject.toml`` declares no package for (or there is no ``pyproject.toml``): production
imports a Worker's third-party packages from ``python_modules/``, which ``pywrangler sync``
fills from the declared dependencies, so the deployed import fails too; the note says how to
declare the package and install it here (walk58: such an import met Python's own
``ModuleNotFoundError`` alone). A declared package this environment lacks has its own note
(``uninstalled.py``), as has a package in ``python_modules/`` (the loader's). A module of the
standard library of the era's Python that this interpreter predates is said as such."""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

from workers_env.runtime.eras import canonical_name, declared_names
from workers_env.runtime.importnames import PYODIDE_IMPORT_NAMES, PYODIDE_SAME_NAMED
from workers_env.runtime.uninstalled import in_workers_code, raising_file, uninstalled_packages, vendored
from workers_env.runtime.unsynced import RUNTIME_NAMES

__all__ = ["undeclared_note"]

#: standard-library modules a later Python added (3.14: PEP 749's ``annotationlib``, PEP 784's
#: ``compression``; 3.12 and 3.13 added none) -> that Python
NEWER_STDLIB = {"annotationlib": (3, 14), "compression": (3, 14)}


def undeclared_note(exc: ModuleNotFoundError, root: Path, python: tuple[int, int]) -> str | None:
    """The note for ``exc``, a top-level import the Worker's own code made in the project at
    ``root`` (production on ``python``), or ``None`` when another note is due or none is."""
    name = exc.name or ""
    if not name or "." in name or name in RUNTIME_NAMES:
        return None
    added = NEWER_STDLIB.get(name)
    if added is not None and sys.version_info[:2] < added <= python:
        wanted = ".".join(map(str, python))
        return (f"workers-env: {name} is a module of Python {wanted}'s standard library, which production runs this "
                f"Worker on; this interpreter, Python {sys.version_info[0]}.{sys.version_info[1]}, has none: run "
                f"workers-env under Python {wanted}.")
    if name in sys.stdlib_module_names or added is not None:
        return None
    importer = raising_file(exc)
    if importer is None or not in_workers_code(importer, root.resolve(), vendored(root.resolve())):
        return None
    package = _distribution(name)
    note = _third_party_note(name, package, root, python)
    own = None if package is not None else _own_module_like(name, Path(importer).parent)
    if note is not None and own is not None:  # a misspelt module of the Worker's? (review91)
        note += (f" The Worker's folder holds {own}, of a name close to {name}: if the import is misspelt, correct "
                 "it instead.")
    return note


def _third_party_note(name: str, package: str | None, root: Path, python: tuple[int, int]) -> str | None:
    """The note for ``name``, a module no package of this environment provides, taken as a
    third-party package's (``package``: its known provider), or ``None`` when another note is due."""
    add = f"{package or name}{_named_so(name, package)}"
    if not (root / "pyproject.toml").is_file():
        return (f"workers-env: no package of the Python environment workers-env runs in provides {name}, and the "
                "project has no pyproject.toml: production imports a Worker's packages from python_modules/, which "
                "`pywrangler sync` fills from pyproject.toml's [project] dependencies, so the deployed Worker's "
                f"import fails as well. If {name} is a third-party package, declare it in a pyproject.toml beside "
                f"the wrangler config (dependencies = [\"{package or name}\"]) and install it here: pip install {add}.")
    declared = declared_names(root)
    if any(canonical_name(name) in _provided_by(d) for d in declared):  # the notes on declared packages' (or none)
        return None
    lacking = uninstalled_packages(root.resolve(), python)
    if lacking:  # production's python_modules/ holds them and what they depend on: install them first
        return (f"workers-env: no package of the Python environment workers-env runs in provides {name}, and "
                f"pyproject.toml declares none of that name; it declares {', '.join(lacking)}, which this environment "
                "lacks: install the project's dependencies here: uv pip install -r pyproject.toml. `pywrangler sync` "
                "vendors them into python_modules/ for production with what they depend on; if none of them brings "
                f"{name}, declare it there as well (uv add {add}), or the deployed Worker's import fails too.")
    return (f"workers-env: no package of the Python environment workers-env runs in provides {name}, and none "
            "that pyproject.toml's [project] dependencies declare does: production imports a Worker's packages from "
            "python_modules/, which `pywrangler sync` fills from those dependencies (with what they depend on), so "
            f"the deployed Worker's import fails as well. If {name} is a third-party package, declare it there "
            f"(uv add {add}) and install the project's dependencies here: uv pip install -r pyproject.toml.")


def _own_module_like(name: str, folder: Path) -> str | None:
    """The module beside the importing file whose name is closest to ``name`` (``utlis``:
    ``utils.py``), as its file or folder name, or ``None`` when none is close."""
    try:
        entries = {(p.stem if p.suffix == ".py" else p.name): p.name for p in folder.iterdir()
                   if p.suffix == ".py" or p.is_dir() and p.name.isidentifier() and p.name != "__pycache__"}
    except OSError:
        return None
    close = difflib.get_close_matches(name, entries, n=1, cutoff=0.8)
    return entries[close[0]] if close else None


def _provided_by(package: str) -> tuple[str, ...]:
    """The top-level modules (PEP 503's form) ``package`` provides, as far as known."""
    return (canonical_name(package), *(canonical_name(m) for m in PYODIDE_IMPORT_NAMES.get(canonical_name(package), ())))


def _distribution(module: str) -> str | None:
    """The one package Pyodide's lock files list as providing ``module`` (``bs4``:
    ``beautifulsoup4``), or a package of its name they hold; ``None`` when unknown."""
    providers = [name for name, modules in PYODIDE_IMPORT_NAMES.items() if module in modules]
    if len(providers) == 1:
        return providers[0]
    return canonical_name(module) if canonical_name(module) in PYODIDE_SAME_NAMED else None


def _named_so(module: str, package: str | None) -> str:
    """The caveat when the package's name is the module's, guessed."""
    return "" if package is not None else f", if the package that provides {module} is named so"
