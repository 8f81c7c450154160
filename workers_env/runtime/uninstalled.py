"""Packages ``pyproject.toml`` declares that the Python environment workers-env runs in lacks.

``pywrangler sync`` vendors a project's dependencies into ``python_modules/`` (Pyodide's builds),
so deployed the Worker imports them; workers-env imports the Worker's packages from its own
environment, where a declared package may never have been installed. A Worker that imports one
then fails here with a bare ``ModuleNotFoundError``, or -- one that catches it to fall back, as a
public CSV-profiling Worker does with ``pandas`` -- quietly takes a path production never takes.
"""

from __future__ import annotations

import importlib.metadata
from pathlib import Path

from workers_env.runtime.eras import canonical_name, declared_packages


def uninstalled_packages(root: Path, python: tuple[int, int]) -> list[str]:
    """The packages ``root``'s ``pyproject.toml`` declares for production's Pyodide on
    ``python`` that this environment has no distribution of (as declared, in order)."""
    missing = []
    for name in declared_packages(root, python, pywrangler_own=False):
        try:
            importlib.metadata.distribution(name)
        except importlib.metadata.PackageNotFoundError:
            missing.append(name)
    return missing


def uninstalled_line(root: Path, python: tuple[int, int]) -> str | None:
    """The stderr line naming the declared packages this environment lacks (``None``: none)."""
    missing = uninstalled_packages(root, python)
    if not missing:
        return None
    return (f"workers-env: pyproject.toml declares {', '.join(missing)}, which `pywrangler sync` vendors into "
            "python_modules/ for production, but the Python environment workers-env runs in does not have "
            f"{'it' if len(missing) == 1 else 'them'} installed: the Worker's import fails here (or takes "
            "its fallback) where the deployed Worker's succeeds. Install the project's dependencies there: "
            "uv pip install -r pyproject.toml (or pip install " + " ".join(missing) + ").")


def uninstalled_note(missing_module: str, root: Path, python: tuple[int, int]) -> str | None:
    """The note for a ``ModuleNotFoundError`` of ``missing_module`` whose top-level name is a
    package ``root``'s ``pyproject.toml`` declares and this environment lacks (``None`` otherwise;
    a distribution named unlike its module, ``beautifulsoup4`` for ``bs4``, is not recognised)."""
    top = canonical_name(missing_module.split(".")[0])
    for name in uninstalled_packages(root, python):
        if canonical_name(name) == top:
            return (f"workers-env: pyproject.toml declares {name}, which `pywrangler sync` vendors into "
                    "python_modules/, so the deployed Worker imports it; workers-env imports the Worker's packages "
                    "from the Python environment it runs in, which does not have it: install it there: "
                    f"pip install {name} (or every dependency the project declares: uv pip install -r pyproject.toml).")
    return None
