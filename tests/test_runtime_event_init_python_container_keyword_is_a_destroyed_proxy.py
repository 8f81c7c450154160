"""An event's init member kept as given -- a ``CustomEvent``'s ``detail``, a ``MessageEvent``'s
``data``, an ``ErrorEvent``'s ``error`` -- given as a keyword argument holding a Python container
(``CustomEvent.new("x", detail={"a": 1})``) is the proxy Pyodide borrowed for the ``new`` call and
destroyed when it returned: reading it is Pyodide's error, whose text after a ``.new(...)`` says
only ``automatically destroyed`` (not ``at the end of a function call``, a method's). Measured
on Pyodide 0.26.0a4, 0.28.2 and 314.0.6 under Node (the init object ``new`` is given keeps the
dead proxy; a JS class's constructor keeps a keyword's list or a positional one dead alike). A
primitive, a ``to_js`` object, or a dict inside a positional dict (0.28 on: read through the
outer dict's proxy, a proxy of its own) is read back as ever."""

from __future__ import annotations

from pathlib import Path

import pytest
from worker_helpers import snippet_answers

DESTROYED = ("JsException: Error: This borrowed proxy was automatically destroyed. Try using create_proxy or "
             "create_once_callable.")

CASES = [
    ("js.CustomEvent.new('x', detail={'a': 1}).detail", DESTROYED),
    ("d = [1, 2]\njs.CustomEvent.new('x', detail=d).detail is d", DESTROYED),
    ("js.MessageEvent.new('m', data=[1]).data", DESTROYED),
    ("js.ErrorEvent.new('e', error={'k': 1}).error", DESTROYED),
    ("js.CustomEvent.new('x', detail=5, cancelable=True).detail", "5 (int)"),
    ("js.MessageEvent.new('m', data='d').data", "'d' (str)"),
    ("js.CustomEvent.new('x', to_js({'detail': {'a': 1}}, dict_converter=Object.fromEntries)).detail.a", "1 (int)"),
]


@pytest.mark.parametrize("date", ["2025-09-01", "2026-11-17"])  # Pyodide 0.26, 0.28
def test_a_python_container_kept_from_a_keyword_is_destroyed(tmp_path: Path, date: str) -> None:
    assert snippet_answers(tmp_path, [code for code, _ in CASES], date) == [expected for _, expected in CASES]


def test_a_dict_inside_a_positional_dict_is_read_back_on_pyodide_028(tmp_path: Path) -> None:
    assert snippet_answers(tmp_path, ["js.CustomEvent.new('x', {'detail': {'a': 1}}).detail"],
                           "2026-11-17") == ["{'a': 1} (dict)"]
