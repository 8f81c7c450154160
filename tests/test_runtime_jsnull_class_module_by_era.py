"""``type(jsnull)``'s module is the running Worker's Pyodide's: ``_pyodide._core_docs`` on 0.28
(compatibility dates from 2025-09-29), ``pyodide.ffi`` from Pyodide 0.29 -- the 314.0.x bundles
of the Python 3.14 era (2026-09-08 on) -- which fixed it (pyodide#5898), as Pyodide 0.28.2 and
314.0.6 under Node give it (tools/pyodide, group ``jsnull``)."""

from __future__ import annotations

import pytest
from worker_helpers import snippet_answers

SNIPPETS = ["from pyodide.ffi import jsnull\ntype(jsnull).__module__", "from pyodide.ffi import JsNull\nrepr(JsNull)",
            "from pyodide.ffi import jsnull\nbool(jsnull)"]


@pytest.mark.parametrize(("date", "module"), [("2025-10-01", "_pyodide._core_docs"), ("2026-05-01", "_pyodide._core_docs"),
                                              ("2026-10-01", "pyodide.ffi")])
def test_jsnull_class_module(tmp_path, date, module):
    assert snippet_answers(tmp_path, SNIPPETS, date) == [
        f"{module!r} (str)", repr(f"<class '{module}.JsNull'>") + " (str)", "False (bool)"]
