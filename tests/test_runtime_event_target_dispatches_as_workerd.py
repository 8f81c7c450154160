"""``js.EventTarget`` dispatches as workerd's (api/basics.c++ ``dispatchEventImpl``; each answer
measured with a JavaScript twin under wrangler dev 4.164.0): the event at phase 2 with its target
while dispatched, phase 0 after (its target kept); ``dispatchEvent`` ``false`` once a listener
called ``preventDefault()`` -- a non-cancelable event's too -- or returned ``true``; the default
cleared at each dispatch; ``stopImmediatePropagation()`` ending this dispatch and every later one
of that event, ``stopPropagation()`` nothing; ``once``, ``signal`` (an aborted one adds nothing),
the same listener added once, a handler object's ``handleEvent`` read when added; listeners removed
during a dispatch skipped and those added not called; an ``on<type>`` function first; the global
scope's ``addEventListener``/``dispatchEvent``; and jsg's TypeErrors."""

from __future__ import annotations

from pathlib import Path

import pytest
from worker_helpers import SNIPPET_RUNNER, sdk_worker_answer, snippet_answers

PRELUDE = "t = js.EventTarget.new(); seen = []\ndef rec(tag):\n    return create_proxy(lambda e: seen.append(tag))\n"

CASES = [
    ("def f(e):\n    seen.append((e.eventPhase, str(e.target), str(e.currentTarget), e.composedPath().length))\n"
     "t.addEventListener('x', create_proxy(f)); e = js.Event.new('x'); r = t.dispatchEvent(e)\n"
     "(r, seen, e.eventPhase, str(e.target), e.composedPath().length)",
     "(True, [(2, '[object EventTarget]', '[object EventTarget]', 1)], 0, '[object EventTarget]', 0) (tuple)"),
    ("t.addEventListener('x', create_proxy(lambda e: e.preventDefault()))\n"
     "(t.dispatchEvent(js.Event.new('x')), t.dispatchEvent(js.Event.new('x', cancelable=True)))",
     "(False, False) (tuple)"),
    ("t.addEventListener('x', create_proxy(lambda e: True)); a = js.Event.new('x', cancelable=True); "
     "b = js.Event.new('x')\n(t.dispatchEvent(a), a.defaultPrevented, t.dispatchEvent(b), b.defaultPrevented)",
     "(False, True, False, False) (tuple)"),
    ("t.addEventListener('x', create_proxy(lambda e: 5))\nt.dispatchEvent(js.Event.new('x'))", "True (bool)"),
    ("e = js.Event.new('x', cancelable=True); e.preventDefault(); before = e.defaultPrevented\n"
     "(before, t.dispatchEvent(e), e.defaultPrevented)", "(True, True, False) (tuple)"),
    ("def first(e):\n    seen.append(1)\n    e.stopImmediatePropagation()\n"
     "t.addEventListener('x', create_proxy(first)); t.addEventListener('x', rec(2)); e = js.Event.new('x')\n"
     "t.dispatchEvent(e); again = t.dispatchEvent(e)\n(seen, again)", "([1], True) (tuple)"),
    ("def first(e):\n    seen.append(1)\n    e.stopPropagation()\n"
     "t.addEventListener('x', create_proxy(first)); t.addEventListener('x', rec(2))\n"
     "t.dispatchEvent(js.Event.new('x')); seen", "[1, 2] (list)"),
    ("t.addEventListener('x', rec(1), to_js({'once': True}, dict_converter=Object.fromEntries))\n"
     "t.dispatchEvent(js.Event.new('x')); t.dispatchEvent(js.Event.new('x')); seen", "[1] (list)"),
    ("f = rec(1); t.addEventListener('x', f, once=True); t.addEventListener('x', f)\n"
     "t.dispatchEvent(js.Event.new('x')); t.dispatchEvent(js.Event.new('x')); seen", "[1] (list)"),
    ("f = rec(1); t.addEventListener('x', f); t.addEventListener('x', f); t.addEventListener('y', f)\n"
     "t.dispatchEvent(js.Event.new('x')); t.dispatchEvent(js.Event.new('y')); seen", "[1, 1] (list)"),
    ("c = js.AbortController.new(); t.addEventListener('x', rec(1), signal=c.signal)\n"
     "t.dispatchEvent(js.Event.new('x')); c.abort(); t.dispatchEvent(js.Event.new('x'))\n"
     "c2 = js.AbortController.new(); c2.abort(); t.addEventListener('x', rec(10), signal=c2.signal)\n"
     "t.dispatchEvent(js.Event.new('x')); seen", "[1] (list)"),
    ("class H:\n    def handleEvent(self, e):\n        seen.append(e.type)\n"
     "h = create_proxy(H()); t.addEventListener('x', h); t.dispatchEvent(js.Event.new('x'))\n"
     "t.removeEventListener('x', h)\n"
     "t.dispatchEvent(js.Event.new('x')); seen", "['x'] (list)"),
    ("class H:\n    def handleEvent(self, e):\n        seen.append(1)\n"
     "h = H(); t.addEventListener('x', create_proxy(h)); h.handleEvent = lambda e: seen.append(2)\n"
     "t.dispatchEvent(js.Event.new('x')); seen", "[1] (list)"),
    ("def first(e):\n    seen.append(1)\n    t.addEventListener('x', rec(3))\n"
     "t.addEventListener('x', create_proxy(first)); t.addEventListener('x', rec(2))\n"
     "t.dispatchEvent(js.Event.new('x')); seen", "[1, 2] (list)"),
    ("g = rec(2)\ndef first(e):\n    seen.append(1)\n    t.removeEventListener('x', g)\n"
     "t.addEventListener('x', create_proxy(first)); t.addEventListener('x', g)\n"
     "t.dispatchEvent(js.Event.new('x')); seen", "[1] (list)"),
    ("e = js.Event.new('x')\ndef inner(ev):\n    try:\n        t.dispatchEvent(e)\n    except Exception as exc:\n"
     "        seen.append(f'{exc.name}: {exc.message}')\n"
     "t.addEventListener('x', create_proxy(inner)); t.dispatchEvent(e); seen",
     "['InvalidStateError: The event is already being dispatched.'] (list)"),
    ("t.addEventListener('x', rec('listener')); t.onx = create_proxy(lambda e: seen.append('onx'))\n"
     "t.dispatchEvent(js.Event.new('x')); seen", "['onx', 'listener'] (list)"),
    ("c = js.AbortController.new(); c.signal.addEventListener('abort', rec('abort')); c.signal.onabort = None\n"
     "c.abort(); e = js.CustomEvent.new('x', detail=7)\n"
     "t.addEventListener('x', create_proxy(lambda ev: seen.append(ev.detail))); t.dispatchEvent(e); seen",
     "['abort', 7] (list)"),
    ("f = rec('global'); js.addEventListener('custom', f); r = js.dispatchEvent(js.Event.new('custom'))\n"
     "js.removeEventListener('custom', f); js.dispatchEvent(js.Event.new('custom')); (r, seen)",
     "(True, ['global']) (tuple)"),
    ("t.addEventListener('x', rec(1), True)", "JsException: TypeError: addEventListener(): useCapture must be false."),
    ("t.addEventListener('x', rec(1), capture=True)",
     "JsException: TypeError: addEventListener(): options.capture must be false."),
    ("t.addEventListener('x', rec(1), passive=True); t.addEventListener('x', None, True); "
     "t.dispatchEvent(js.Event.new('x')); seen", "[1] (list)"),
    ("t.removeEventListener('x', rec(1), True)",
     "JsException: TypeError: removeEventListener(): useCapture must be false."),
    ("t.addEventListener('x', rec(1), signal=5)",
     "JsException: TypeError: Incorrect type for the 'signal' field on 'AddEventListenerOptions': the provided value "
     "is not of type 'AbortSignal'."),
    ("t.addEventListener('x', 5)", "JsException: TypeError: Failed to execute 'addEventListener' on 'EventTarget': "
                                   "parameter 2 is not of type 'function or HandlerObject'."),
    ("t.addEventListener('x', Object.new())",
     "JsException: TypeError: Incorrect type for the 'handleEvent' field on 'HandlerObject': the provided value is "
     "not of type 'function'."),
    ("t.addEventListener()", "JsException: TypeError: Failed to execute 'addEventListener' on 'EventTarget': "
                             "parameter 1 is not of type 'string'."),
    ("t.removeEventListener('x', 5)", "JsException: TypeError: Failed to execute 'removeEventListener' on "
                                      "'EventTarget': parameter 2 is not of type 'Object'."),
    ("t.dispatchEvent(5)", "JsException: TypeError: Failed to execute 'dispatchEvent' on 'EventTarget': parameter 1 "
                           "is not of type 'Event'."),
    ("t.dispatchEvent()", "JsException: TypeError: Failed to execute 'dispatchEvent' on 'EventTarget': parameter 1 "
                          "is not of type 'Event'."),
]


def test_event_targets_dispatch_as_workerds(tmp_path: Path) -> None:
    answers = snippet_answers(tmp_path, [PRELUDE + code for code, _ in CASES], "2026-11-17")
    assert dict(zip([code for code, _ in CASES], answers)) == dict(CASES)


def test_an_on_property_that_is_no_function_is_ignored(tmp_path: Path) -> None:
    # (before spec_compliant_dispatch_exceptions, so calling it would raise out of dispatchEvent)
    code = "t.onx = 5; t.addEventListener('x', rec(1)); (t.dispatchEvent(js.Event.new('x')), seen)"
    assert snippet_answers(tmp_path, [PRELUDE + code], "2026-09-14") == ["(True, [1]) (tuple)"]


@pytest.mark.parametrize(("flags", "outside"), [((), "True"), (("pedantic_wpt",), "False")])
def test_current_target_outside_a_dispatch_per_pedantic_wpt(tmp_path: Path, flags: tuple[str, ...],
                                                            outside: str) -> None:
    """workerd's getTarget for ``currentTarget``, or with ``pedantic_wpt`` getCurrentTarget: ``null``
    once the dispatch is over (api/basics.h)."""
    entry = SNIPPET_RUNNER + "\nSNIPPETS = " + repr([
        PRELUDE + "def f(e):\n    seen.append(e.currentTarget == t)\n"
        "t.addEventListener('x', create_proxy(f)); e = js.Event.new('x'); t.dispatchEvent(e)\n"
        "(seen, e.currentTarget == t, e.target == t)"]) + "\n"
    assert sdk_worker_answer(tmp_path, entry, "2026-11-17", flags=flags) == [f"([True], {outside}, True) (tuple)"]
