"""A Python dict given as ``cf`` (``Response.new(body, cf={...})``, ``Request.new(url,
cf={...})``: a keyword argument reaches JavaScript as the dict's PyProxy) is JSON-copied as a
JavaScript object is (workerd's ``CfProperty``: ``JSON.parse(JSON.stringify(cf))``), so the
Worker's later changes to the dict are not seen and ``cf`` reads back a JS object: the dict's
keys from Pyodide 0.28 (``None`` values and keys named like dict methods dropped), ``{}`` on
0.26, as ``JSON.stringify`` writes the PyProxy there (measured on 0.26.0a4, 0.28.2 and 314.0.6
under Node). It was kept as the dict itself before."""

from __future__ import annotations

import pytest

from tests.worker_helpers import snippet_answers

SNIPPETS = [
    "d = {'a': 1, 'n': {'x': [1, 2]}, 'z': None, 'keys': 3}\nr = js.Response.new('x', cf=d)\n"
    "d['a'] = 2\nd['n']['x'].append(3)\n(isinstance(r.cf, JsProxy), JSON.stringify(r.cf))",
    "d = {'a': 1}\nr = js.Request.new('https://e.com/', cf=d)\nd['a'] = 2\n"
    "(isinstance(r.cf, JsProxy), JSON.stringify(r.cf))",
    "r = js.Request.new(js.Request.new('https://e.com/', cf={'a': 1}))\nJSON.stringify(r.cf)",
]


@pytest.mark.parametrize("date", ["2025-09-29", "2026-09-08"])  # Pyodide 0.28, 314.0.x
def test_the_dicts_keys_are_copied_from_pyodide_028(tmp_path, date):
    assert snippet_answers(tmp_path, SNIPPETS, date) == [
        """(True, '{"a":1,"n":{"x":[1,2]}}') (tuple)""", """(True, '{"a":1}') (tuple)""", """'{"a":1}' (str)"""]


def test_pyodide_026_copies_an_empty_object(tmp_path):
    with pytest.warns(Warning, match="JSON.stringify sees none of its keys"):
        answers = snippet_answers(tmp_path, SNIPPETS, "2025-09-28")
    assert answers == ["(True, '{}') (tuple)", "(True, '{}') (tuple)", "'{}' (str)"]
