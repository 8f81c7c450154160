"""An ``AbortSignal`` is an EventTarget, as workerd's (api/basics.h; a JavaScript twin under
wrangler dev 4.164.0): listeners of any type, ``dispatchEvent`` calling them -- an ``abort`` Event
dispatched by the Worker calls the abort listeners without aborting the signal -- and the event an
abort dispatches a trusted ``Event`` (``isTrusted`` true, neither cancelable nor bubbling, the
signal its target, ``timeStamp`` 0)."""

from __future__ import annotations

from pathlib import Path

from worker_helpers import snippet_answers

CASES = [
    ("c = js.AbortController.new(); n = []\n"
     "c.signal.addEventListener('foo', create_proxy(lambda e: n.append('foo')))\n"
     "c.signal.addEventListener('abort', create_proxy(lambda e: n.append('abort')))\n"
     "r = c.signal.dispatchEvent(js.Event.new('foo')); c.signal.dispatchEvent(js.Event.new('abort'))\n"
     "(r, n, c.signal.aborted)", "(True, ['foo', 'abort'], False) (tuple)"),
    ("c = js.AbortController.new(); got = []\n"
     "def heard(e):\n    got.extend([str(e), e.constructor.name, e.isTrusted, e.cancelable, e.bubbles, str(e.target), "
     "e.timeStamp, e.type, e.eventPhase])\n"
     "c.signal.addEventListener('abort', create_proxy(heard)); c.abort(); got",
     "['[object Event]', 'Event', True, False, False, '[object AbortSignal]', 0, 'abort', 2] (list)"),
    ("c = js.AbortController.new(); n = []\nf = create_proxy(lambda e: n.append(1))\n"
     "c.signal.addEventListener('foo', f); c.abort(); c.signal.dispatchEvent(js.Event.new('foo')); n",
     "[] (list)"),  # an abort removes every listener (triggerAbort's removeAllHandlers)
]


def test_an_abort_signal_is_an_event_target(tmp_path: Path) -> None:
    answers = snippet_answers(tmp_path, [code for code, _ in CASES], "2026-11-17")
    assert dict(zip([code for code, _ in CASES], answers)) == dict(CASES)
