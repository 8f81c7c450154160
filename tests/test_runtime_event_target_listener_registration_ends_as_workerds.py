"""A listener's registration in ``js.EventTarget`` is workerd's (api/basics.c++): a listener
removed and added again during a dispatch is still called in it (``dispatchEventImpl`` looks the
listener up by identity, not by its registration), and a ``signal``'s abort removes only the
registration that signal came with -- one removed (or a ``once`` one fired) and added again
without it stays (its ``abortHandler`` ends with its registration). Each answer measured with
events_probe.js's twin under wrangler dev 4.164.0 (``remove_readd_during``,
``signal_remove_readd_abort``, ``once_fired_readd_abort``, ``dup_signal_second``)."""

from __future__ import annotations

from pathlib import Path

from worker_helpers import snippet_answers

PRELUDE = ("t = js.EventTarget.new(); c = js.AbortController.new(); seen = []\n"
           "f = create_proxy(lambda e: seen.append('f'))\n")

CASES = [
    ("def g(e):\n    seen.append('g'); t.removeEventListener('x', f); t.addEventListener('x', f)\n"
     "t.addEventListener('x', create_proxy(g)); t.addEventListener('x', f)\n"
     "t.dispatchEvent(js.Event.new('x')); seen.append('|'); t.dispatchEvent(js.Event.new('x')); seen",
     "['g', 'f', '|', 'g', 'f'] (list)"),
    ("t.addEventListener('x', f, signal=c.signal); t.removeEventListener('x', f); t.addEventListener('x', f)\n"
     "c.abort(); t.dispatchEvent(js.Event.new('x')); seen", "['f'] (list)"),
    ("t.addEventListener('x', f, once=True, signal=c.signal); t.dispatchEvent(js.Event.new('x'))\n"
     "t.addEventListener('x', f); c.abort(); t.dispatchEvent(js.Event.new('x')); seen", "['f', 'f'] (list)"),
    ("t.addEventListener('x', f); t.addEventListener('x', f, signal=c.signal); c.abort()\n"
     "t.dispatchEvent(js.Event.new('x')); seen", "['f'] (list)"),
    ("t.addEventListener('x', f, signal=c.signal); c.abort(); t.dispatchEvent(js.Event.new('x')); seen", "[] (list)"),
]


def test_a_registration_ends_as_workerds(tmp_path: Path) -> None:
    answers = snippet_answers(tmp_path, [PRELUDE + code for code, _ in CASES], "2026-11-17")
    assert answers == [expected for _, expected in CASES]
