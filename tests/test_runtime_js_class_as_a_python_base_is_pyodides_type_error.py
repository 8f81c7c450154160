"""A JavaScript class cannot be a Python class's base: ``class Listener(js.EventTarget)`` is
Pyodide's ``TypeError: cannot create 'pyodide.ffi.JsProxy' instances`` (Python makes the class by
calling the base's type, the C type ``JsProxy``), in 0.26.0a4, 0.28.2 and 314.0.6 under Node --
for ``EventTarget`` as for any other class or value on ``js``. Worker code composes instead: an
``EventTarget.new()`` held by its own object."""

from __future__ import annotations

from pathlib import Path

from worker_helpers import snippet_answers

REFUSED = "TypeError: cannot create 'pyodide.ffi.JsProxy' instances"


def test_a_js_class_as_a_base_is_refused(tmp_path: Path) -> None:
    snippets = [f"class T(js.{name}):\n    pass\nT" for name in ("EventTarget", "Event", "AbortController", "Response")]
    snippets.append("class T(js.Object.new()):\n    pass\nT")
    assert snippet_answers(tmp_path, snippets, "2026-11-17") == [REFUSED] * 5
