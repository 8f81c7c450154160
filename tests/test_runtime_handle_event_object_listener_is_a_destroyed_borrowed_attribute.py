"""A Python object with a ``handleEvent`` method a Worker hands ``addEventListener`` fails as in
production: jsg reads ``handleEvent`` off the object's borrowed proxy when the listener is added,
and Pyodide destroys that method's proxy with the object's when the call returns, so the event
throws ``Error: This borrowed attribute proxy was automatically destroyed in the process of
destroying the proxy it was borrowed from. ...`` (measured with a JavaScript stub reading
``handleEvent`` when added, under Node, Pyodide 0.26.0a4, 0.28.2 and 314.0.6) -- raised by
``dispatchEvent`` before ``spec_compliant_dispatch_exceptions``. ``create_proxy(obj)`` keeps it."""

from __future__ import annotations

from pathlib import Path

from worker_helpers import snippet_answers

PRELUDE = ("seen = []\nclass H:\n    def handleEvent(self, e):\n        seen.append(e.type)\n"
           "t = js.EventTarget.new()\n")
ATTRIBUTE = ("This borrowed attribute proxy was automatically destroyed in the process of destroying the proxy it was "
             "borrowed from. Try using the 'copy' method.\n"
             "For more information about the cause of this error, use `pyodide.setDebug(true)`")
CASES = [
    ("t.addEventListener('x', H()); t.dispatchEvent(js.Event.new('x'))", f"JsException: Error: {ATTRIBUTE.splitlines()[0]}"),  # (its first line)
    ("t.addEventListener('x', create_proxy(H())); t.dispatchEvent(js.Event.new('x')); seen", "['x'] (list)"),
]


def test_a_handle_event_object_fails_and_its_create_proxy_works(tmp_path: Path) -> None:
    answers = snippet_answers(tmp_path, [PRELUDE + code for code, _ in CASES], "2026-09-14")
    assert answers == [answer for _, answer in CASES]
