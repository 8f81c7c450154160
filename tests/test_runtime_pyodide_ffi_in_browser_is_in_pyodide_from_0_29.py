"""Pyodide 0.29 renamed ``pyodide.ffi.IN_BROWSER`` to ``IN_PYODIDE`` (its ``__all__`` lists the new
name; ``pyodide/ffi/__init__.py`` of 314.0.x). In a Worker of the Python 3.14 era (Pyodide
314.0.6: ``python_workers_314``, dates from 2026-09-08) ``from pyodide.ffi import IN_BROWSER``
is therefore an ``ImportError`` -- which a library's ``except ModuleNotFoundError`` fallback does
not catch -- and ``IN_PYODIDE`` is true; earlier eras keep ``IN_BROWSER`` and have no
``IN_PYODIDE``, as real Pyodide 314.0.6 and 0.28.2 answer. ``dir(pyodide.ffi)`` lists the era's
name."""

from __future__ import annotations

import pytest
from worker_helpers import snippet_answers

SNIPPETS = [
    "import pyodide.ffi as f\nf.IN_BROWSER",
    "import pyodide.ffi as f\nf.IN_PYODIDE",
    "from pyodide.ffi import IN_BROWSER\nIN_BROWSER",
    "try:\n    from pyodide.ffi import IN_BROWSER\nexcept ModuleNotFoundError:\n    IN_BROWSER = False\nIN_BROWSER",
    "import pyodide.ffi as f\n[n for n in f.__all__ if n.startswith('IN_')]",
    "import pyodide.ffi as f\n[n for n in dir(f) if n.startswith('IN_')]",
]

MISSING = "module 'pyodide.ffi' has no attribute"


def test_the_pyodide_314_era_has_in_pyodide_and_no_in_browser(tmp_path):
    answers = snippet_answers(tmp_path, SNIPPETS, "2026-09-08")
    assert answers[0] == f"AttributeError: {MISSING} 'IN_BROWSER'"
    assert answers[1] == "True (bool)"
    assert answers[2].startswith("ImportError: cannot import name 'IN_BROWSER' from 'pyodide.ffi'")
    assert answers[3] == answers[2]
    assert answers[4:] == ["['IN_PYODIDE'] (list)"] * 2


@pytest.mark.parametrize("date", ["2025-09-01", "2026-09-07"])
def test_earlier_eras_keep_in_browser(tmp_path, date):
    assert snippet_answers(tmp_path, SNIPPETS, date) == [
        "True (bool)", f"AttributeError: {MISSING} 'IN_PYODIDE'", "True (bool)", "True (bool)",
        "['IN_BROWSER'] (list)", "['IN_BROWSER'] (list)"]
