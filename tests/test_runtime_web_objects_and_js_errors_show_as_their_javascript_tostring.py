"""``str()``/``repr()`` of workerd's web objects and of a JS error in a Worker are JavaScript's
``toString()`` of them, as Pyodide shows every JsProxy (real Pyodide 0.26.0a4, 0.28.2 and
314.0.6: tools/pyodide, group ``web-object-reprs``): ``[object Response]``, a URL its ``href``,
a ``Date`` its long form, a ``JsException`` ``<name>: <message>`` (``repr`` too, so
``f"{e!r}"`` and a list of errors read as deployed). Before, a Response printed as
``Response { status: 200 }``, a Date as its ISO form and an error as ``JsException('...')``.
``console.log`` keeps printing them its own way."""

from __future__ import annotations

import pytest
from worker_helpers import snippet_answers

from workers_env import js

CASES = [
    ("v = js.Response.new('x')\n(repr(v), str(v), f'{v}')",
     "('[object Response]', '[object Response]', '[object Response]') (tuple)"),
    ("v = js.Request.new('https://e.com/a?b=1')\n(repr(v), str(v))", "('[object Request]', '[object Request]') (tuple)"),
    ("v = js.URL.new('https://e.com/p?q=1#h')\n(repr(v), str(v))", "('https://e.com/p?q=1#h', 'https://e.com/p?q=1#h') (tuple)"),
    ("v = js.URLSearchParams.new('a=1&b=x y')\n(repr(v), str(v), repr(js.URL.new('https://e.com/?c=2').searchParams))",
     "('a=1&b=x+y', 'a=1&b=x+y', 'c=2') (tuple)"),
    ("v = js.Date.new(1700000000000)\n(repr(v), f'at {v}')",
     "('Tue Nov 14 2023 22:13:20 GMT+0000 (Coordinated Universal Time)', "
     "'at Tue Nov 14 2023 22:13:20 GMT+0000 (Coordinated Universal Time)') (tuple)"),
    ("v = js.AbortSignal.abort()\n(repr(v), str(v))", "('[object AbortSignal]', '[object AbortSignal]') (tuple)"),
    ("v = js.Error.new('boom')\n(repr(v), str(v), v.toString())", "('Error: boom', 'Error: boom', 'Error: boom') (tuple)"),
    ("v = js.Error.new()\nw = js.Error.new('m')\nw.name = ''\n(repr(v), str(w))", "('Error', 'm') (tuple)"),
    ("v = js.TypeError.new('t')\n(repr([v]), f'{v!r}')", "('[TypeError: t]', 'TypeError: t') (tuple)"),
    ("try:\n    js.JSON.parse('{')\nexcept Exception as e:\n    v = e\nrepr(v)[:32]", "'SyntaxError: Expected property n' (str)"),
]


@pytest.mark.parametrize("date", ["2025-09-01", "2025-10-01", "2026-09-08"])  # Pyodide 0.26, 0.28, 314
def test_web_objects_and_errors_show_as_their_javascript_tostring(tmp_path, date):
    assert snippet_answers(tmp_path, [code for code, _ in CASES], date) == [expected for _, expected in CASES]


def test_console_log_still_prints_them_its_own_way(capsys) -> None:
    for value in (js.Response.new("x"), js.Request.new("https://e.com/a"), js.URL.new("https://e.com/p"),
                  js.Date.new(0)):
        js.console.log(value)
    assert capsys.readouterr().out.splitlines() == [
        "Response { status: 200 }",
        "Request { method: 'GET', url: 'https://e.com/a' }",
        "URL { href: 'https://e.com/p' }",
        "1970-01-01T00:00:00.000Z",
    ]
