"""A ``Response``'s ``webSocket`` without one is JavaScript's ``null`` (workerd's ``http.h``:
``kj::Maybe<jsg::Ref<WebSocket>> getWebSocket``, which jsg returns as ``null``), as the Worker's
Pyodide hands it over: ``None`` on 0.26 (dates before 2025-09-29), ``jsnull`` from 0.28 (and
314.0.x); it read ``None`` in every era before. The other null-or-absent members of the
stand-ins were checked against ``http.h`` the same way: a bodiless ``body`` is ``null`` (a
``kj::Maybe``), ``Request.signal`` always a signal (``getThisSignal``), ``cf`` without one
``undefined`` (a ``jsg::Optional``: ``None`` in every era)."""

from __future__ import annotations

import pytest

from tests.worker_helpers import snippet_answers

SNIPPETS = [
    "r = js.Response.new('x')\n(r.webSocket is None, repr(r.webSocket))",
    "r = js.Response.new(None)\n(r.body is None, repr(r.body))",
    "r = js.Response.new('x')\nr.cf",
    "r = js.Request.new('https://e.com/')\n(r.cf, r.signal.aborted)",
    "from js import WebSocketPair\nclient, server = WebSocketPair.new().object_values()\n"
    "r = js.Response.new(None, status=101, webSocket=client)\nr.webSocket is client",
]


@pytest.mark.parametrize("date, null", [("2025-09-28", "None"), ("2025-09-29", "jsnull"),
                                        ("2026-09-08", "jsnull")])  # 0.26, 0.28, 314.0.x
def test_null_members_read_as_the_eras_null(tmp_path, date, null):
    answers = snippet_answers(tmp_path, SNIPPETS, date)
    assert answers[0] == answers[1] == f"({null == 'None'}, {null!r}) (tuple)"
    assert answers[2] == "None (NoneType)"
    assert answers[3] == "(None, False) (tuple)"
    assert answers[4] == "True (bool)"
