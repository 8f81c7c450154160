"""Pyodide hands JavaScript a new borrowed proxy of a Python callable at each call: in Worker
code the same plain function added twice is two (destroyed) listeners, and
``removeEventListener`` with it removes neither -- both fail when the event comes. A bound
method, an instance with ``__call__`` and a ``functools.partial`` are such callables too. Measured
on Pyodide 0.26.0a4, 0.28.2 and 314.0.6 under Node with a JavaScript stub keeping its listeners
by identity (two kept, none removed, each call ``This borrowed proxy was automatically destroyed
at the end of a function call``); a ``create_proxy`` is one proxy, removed as such."""

from __future__ import annotations

import logging
from pathlib import Path

from worker_helpers import snippet_answers

SETUP = ("import functools\nt = js.EventTarget.new(); seen = []\n"
         "def f(e):\n    seen.append('f')\n"
         "class C:\n    def m(self, e):\n        seen.append('m')\n    def __call__(self, e):\n        seen.append('c')\n")

CASES = [
    ("t.addEventListener('x', f); t.addEventListener('x', f); t.removeEventListener('x', f)\n"
     "(t.dispatchEvent(js.Event.new('x')), seen)", 2),
    ("c = C()\nt.addEventListener('x', c.m); t.addEventListener('x', c); "
     "t.addEventListener('x', functools.partial(f))\n(t.dispatchEvent(js.Event.new('x')), seen)", 3),
    ("p = create_proxy(f)\nt.addEventListener('x', p); t.addEventListener('x', p); t.dispatchEvent(js.Event.new('x'))\n"
     "t.removeEventListener('x', p); (t.dispatchEvent(js.Event.new('x')), seen)", 0),
]


def test_each_call_hands_over_a_new_destroyed_proxy(tmp_path: Path, caplog) -> None:
    for number, (code, failures) in enumerate(CASES):
        caplog.clear()
        with caplog.at_level(logging.ERROR, logger="workers_env.runtime"):
            answers = snippet_answers(tmp_path / str(number), [SETUP + code], "2026-11-17")
        assert answers == ["(True, []) (tuple)" if failures else "(True, ['f']) (tuple)"]
        logged = [r.getMessage() for r in caplog.records if r.getMessage().startswith("Uncaught")]
        assert logged == ["Uncaught Error: This borrowed proxy was automatically destroyed at the end of a function "
                          "call. Try using create_proxy or create_once_callable.\nFor more information about the "
                          "cause of this error, use `pyodide.setDebug(true)`"] * failures


def test_the_note_names_the_callable_and_the_global_scopes_method(tmp_path: Path, caplog) -> None:
    code = ("js.addEventListener('custom', f); t.addEventListener('x', functools.partial(f))\n"
            "(js.dispatchEvent(js.Event.new('custom')), t.dispatchEvent(js.Event.new('x')), seen)")
    with caplog.at_level(logging.ERROR, logger="workers_env.runtime"):
        assert snippet_answers(tmp_path, [SETUP + code], "2026-11-17") == ["(True, True, []) (tuple)"]
    notes = [note for r in caplog.records if r.exc_info for note in getattr(r.exc_info[1], "__notes__", [])]
    assert [note.split(", which")[0] for note in notes] == [
        "workers-env: this listener of js.addEventListener('custom', ...) was a plain Python function",
        "workers-env: this listener of EventTarget.addEventListener('x', ...) was a Python callable"]
