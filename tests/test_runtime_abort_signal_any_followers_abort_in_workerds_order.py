"""An abort runs as the DOM standard's "signal abort" does, as ``wrangler dev`` 4.164.0 runs it:
the signal and every signal ``AbortSignal.any`` made of it -- an any of an any follows the
first's signals -- are aborted with its reason before any listener runs; then the signal's
listeners are called, ``onabort`` in the place where it was first set, then each follower's, in
the order the followers were made; a listener's error is reported and the rest run (from
``spec_compliant_dispatch_exceptions``, 2026-09-15; before it the error is thrown to the caller
of ``abort()`` and stops the listeners after it, the followers staying aborted). Each case is one a JavaScript
Worker gave under ``wrangler dev`` 4.164.0 (2025-09-01)."""

from __future__ import annotations

from workers_env import js
from workers_env._errors import JsException


def test_onabort_is_called_where_it_was_first_set():
    controller, seen = js.AbortController.new(), []
    controller.signal.addEventListener("abort", lambda event: seen.append("L"))
    controller.signal.onabort = lambda event: seen.append("on")
    controller.abort()
    other, later = js.AbortController.new(), []
    other.signal.onabort = lambda event: later.append("on")
    other.signal.addEventListener("abort", lambda event: later.append("L"))
    other.abort()
    assert (seen, later) == (["L", "on"], ["on", "L"])


def test_followers_are_aborted_before_the_sources_listeners_run():
    controller, seen = js.AbortController.new(), []
    signal = controller.signal
    follower: list = []
    signal.addEventListener("abort", lambda event: seen.append(f"L1:F={follower[0].aborted}"))
    follower.append(js.AbortSignal.any([signal]))
    follower[0].addEventListener("abort", lambda event: seen.append("F"))
    signal.addEventListener("abort", lambda event: seen.append(f"L2:F={follower[0].aborted}"))
    controller.abort()
    assert seen == ["L1:F=True", "L2:F=True", "F"]


def test_an_any_of_an_any_is_told_in_the_order_the_followers_were_made():
    controller, seen = js.AbortController.new(), []
    first = js.AbortSignal.any([controller.signal])
    second = js.AbortSignal.any([controller.signal])
    of_first = js.AbortSignal.any([first])
    first.addEventListener("abort", lambda event: seen.append(f"A:D={second.aborted},C={of_first.aborted}"))
    second.addEventListener("abort", lambda event: seen.append("D"))
    of_first.addEventListener("abort", lambda event: seen.append("C"))
    controller.abort("r")
    assert seen == ["A:D=True,C=True", "D", "C"]
    assert (first.reason, second.reason, of_first.reason) == ("r", "r", "r")


def test_a_listeners_error_is_reported_and_the_rest_run():
    """Outside a Worker the newest date's dispatch (``spec_compliant_dispatch_exceptions``, on
    from 2026-09-15; wrangler dev 4.164.0: ``["L1","L2","F","returned"]``); before it the error
    stops the rest and reaches the caller (test_runtime_event_target_listener_error_per_spec_\
    compliant_dispatch.py, and ``["L1","threw:Error: bang"]`` at 2026-09-14)."""
    controller, seen = js.AbortController.new(), []
    follower = js.AbortSignal.any([controller.signal])
    follower.addEventListener("abort", lambda event: seen.append("F"))

    def bang(event):
        seen.append("L1")
        raise JsException("bang")

    controller.signal.addEventListener("abort", bang)
    controller.signal.addEventListener("abort", lambda event: seen.append("L2"))
    controller.abort()
    assert (seen, follower.aborted) == (["L1", "L2", "F"], True)


def test_an_abort_inside_a_listener_runs_at_once():
    controller, other, seen = js.AbortController.new(), js.AbortController.new(), []
    follower = js.AbortSignal.any([controller.signal])
    follower.addEventListener("abort", lambda event: seen.append("F"))
    controller.signal.addEventListener("abort", lambda event: (seen.append("L1"), other.abort()))
    other.signal.addEventListener("abort", lambda event: seen.append("other"))
    controller.abort()
    assert seen == ["L1", "other", "F"]
