"""``pyodide.ffi.wrappers`` behaves as Pyodide's own module (src/py/pyodide/ffi/wrappers.py, the
same timers code in 0.26.0a2 and 0.28.x) does on workerd's timers: ``set_timeout`` returns the
timer's id and calls its callback once with no argument, ``clear_timeout`` clears and destroys,
``set_interval``'s proxy is destroyed by ``clear_interval``, the listener wrappers work on an
``AbortSignal`` and the global scope, and the errors are Pyodide's. The expected texts are what real Pyodide 0.26.0a4
and 0.28.2 answer under Node (``/tmp/pyodide``): the same Python code there. Once, the module was
not there at all: ``from pyodide.ffi.wrappers import set_timeout`` failed to import."""

from __future__ import annotations

import asyncio
import logging

import pytest
from worker_helpers import interpreters_unhashable, one_file_worker

from workers_env import load_worker

ENTRY = """
import asyncio
import js
from urllib.parse import urlparse
from js import AbortController
from pyodide.ffi.wrappers import (add_event_listener, clear_interval, clear_timeout, remove_event_listener,
                                  set_interval, set_timeout)
import pyodide.ffi.wrappers as w
from workers import Response, WorkerEntrypoint


def rec(f):
    try:
        return repr(f())
    except BaseException as e:
        return f"{type(e).__name__}: {e}"


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        path = urlparse(request.url).path
        out = []
        if path == "/timeout":
            calls = []
            t = set_timeout(lambda *args: calls.append(args), 5)
            out.append(type(t).__name__)
            out.append(t in w.TIMEOUTS)
            await asyncio.sleep(0.05)
            out.append(calls)  # once, with no argument
            out.append(t in w.TIMEOUTS)  # the wrapper popped it
            out.append(rec(lambda: clear_timeout(t)))  # after it ran: nothing to destroy
            cleared = set_timeout(lambda: calls.append("cleared"), 5)
            once = w.TIMEOUTS[cleared]
            out.append(rec(lambda: clear_timeout(cleared)))
            out.append(rec(lambda: clear_timeout(cleared)))  # a second time: DUMMY_DESTROYABLE
            out.append(rec(once))  # its once-callable was destroyed
            await asyncio.sleep(0.05)
            out.append(calls)
        elif path == "/raises":
            def boom():
                raise ValueError("x")
            t = set_timeout(boom, 1)
            await asyncio.sleep(0.05)
            out.append(t in w.TIMEOUTS)  # the wrapper never got to pop it
            out.append(rec(lambda: clear_timeout(t)))  # its spent once-callable destroyed again
        elif path == "/interval":
            ticks = []
            i = set_interval(lambda: ticks.append(1), 1)
            proxy = w.INTERVAL_CALLBACKS[i]
            for _ in range(500):  # a loaded machine may run one tick per wake-up: wait for two, not for 50 ms
                if len(ticks) >= 2:
                    break
                await asyncio.sleep(0.01)
            out.append(len(ticks) >= 2)
            out.append(rec(lambda: clear_interval(i)))
            seen = len(ticks)
            await asyncio.sleep(0.03)
            out.append(len(ticks) == seen)
            out.append(i in w.INTERVAL_CALLBACKS)
            out.append(rec(proxy))  # destroyed
            out.append(rec(lambda: set_interval(5, 1)))  # a proxy of a non-function: workerd refuses it
        elif path == "/errors":
            out.append(rec(lambda: clear_timeout(None)))
            out.append(rec(lambda: clear_timeout(5.0)))
            out.append(rec(lambda: set_timeout(lambda: 1)))
            out.append(rec(lambda: add_event_listener(5, "abort", print)))
            out.append(rec(lambda: add_event_listener(js.Object.new(), "abort", print)))
            out.append(rec(lambda: add_event_listener(AbortController.new().signal, "abort", [])))
        elif path == "/listeners":
            ctrl = AbortController.new()
            sig = ctrl.signal
            events = []
            def first(e):
                events.append(e.type)
            def second(e):
                events.append("second")
            out.append(rec(lambda: add_event_listener(sig, "abort", first)))
            out.append(rec(lambda: add_event_listener(sig, "abort", second)))
            out.append(rec(lambda: add_event_listener(sig, "abort", second)))  # a second proxy: called twice
            out.append(rec(lambda: remove_event_listener(sig, "abort", first)))
            out.append(rec(lambda: remove_event_listener(sig, "abort", first))[:11])  # KeyError: (js_id, ...
            ctrl.abort()
            out.append(events)
            out.append(rec(lambda: remove_event_listener(sig, "abort", second)))
        elif path == "/global-scope":
            out.append(GLOBAL)
        return Response.json(out)


try:
    set_timeout(lambda: None, 1)
    GLOBAL = "set"
except Exception as exc:
    GLOBAL = f"{type(exc).__name__}: {exc}"
"""

DESTROYED = ("JsException: Error: Object has already been destroyed\n"
             "For more information about the cause of this error, use `pyodide.setDebug(true)`")

#: Pyodide 0.26 (compatibility dates before 2025-09-29) and 0.28
DATES = ["2025-08-20", "2026-05-01"]


def _answer(tmp_path, path, date):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date))

    async def scenario():
        response = await asyncio.wait_for(worker.fetch(path), 10)
        assert response.status == 200, await response.text()
        return await response.json()

    return asyncio.run(scenario())


@pytest.mark.parametrize("date", DATES)
def test_set_timeout_calls_once_and_clear_timeout_destroys(tmp_path, date):
    assert _answer(tmp_path, "/timeout", date) == [
        "int", True, [[]], False, "None", "None", "None",
        "JsException: Error: OnceProxy can only be called once", [[]]]


@pytest.mark.parametrize("date", DATES)
def test_clearing_a_timeout_whose_callback_raised_destroys_its_once_callable_again(tmp_path, date, caplog):
    with caplog.at_level(logging.ERROR, logger="workers_env.runtime"):
        assert _answer(tmp_path, "/raises", date) == [True, "JsException: Error: OnceProxy has already been destroyed"]
    assert "ValueError: x" in caplog.text  # the callback's error, logged as an uncaught one


@pytest.mark.parametrize("date", DATES)
def test_set_interval_repeats_until_clear_interval_destroys_its_proxy(tmp_path, date):
    assert _answer(tmp_path, "/interval", date) == [
        True, "None", True, False, DESTROYED,
        ("JsException: TypeError: Failed to execute 'setInterval' on 'ServiceWorkerGlobalScope': parameter 1 is "
         "not of type 'function'.")]


@pytest.mark.parametrize("date", DATES)
def test_wrong_arguments_fail_as_in_pyodide(tmp_path, date):
    assert _answer(tmp_path, "/errors", date) == [
        "AttributeError: 'NoneType' object has no attribute 'js_id'",
        "AttributeError: 'float' object has no attribute 'js_id'",
        "TypeError: set_timeout() missing 1 required positional argument: 'timeout'",
        "AttributeError: 'int' object has no attribute 'js_id'",
        "AttributeError: addEventListener",
        # wrappers.py keys a dict by (js_id, type, listener): CPython 3.14 words it as a tuple key
        "TypeError: " + interpreters_unhashable(lambda: {(1, "abort", []): None}),
    ]


@pytest.mark.parametrize("date", DATES)
def test_event_listeners_on_an_abort_signal(tmp_path, date):
    assert _answer(tmp_path, "/listeners", date) == [
        "None", "None", "None", "None", "KeyError: (", ["second", "second"], "None"]


def test_a_timeout_at_a_modules_top_level_is_workerds_global_scope_error(tmp_path):
    [text] = _answer(tmp_path, "/global-scope", "2026-05-01")
    assert text.startswith("JsException: Error: Disallowed operation called within global scope.")


def test_listeners_on_the_global_scope_hear_its_dispatch_event(tmp_path):
    """workerd's global scope is an EventTarget: ``add_event_listener(js, ...)`` adds to it and
    ``js.dispatchEvent`` calls the listener (wrangler dev 4.164.0, a JavaScript twin); a module
    Worker's ``fetch`` listener is added and never called -- requests go to the handler."""
    entry = """
    import js
    from pyodide.ffi.wrappers import add_event_listener, remove_event_listener
    from workers import Response, WorkerEntrypoint

    SEEN = []

    def heard(event):
        SEEN.append(event.type)

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            add_event_listener(js, "fetch", heard)
            add_event_listener(js, "custom", heard)
            answered = js.dispatchEvent(js.Event.new("custom"))
            remove_event_listener(js, "custom", heard)
            js.dispatchEvent(js.Event.new("custom"))
            return Response.json([answered, SEEN])
    """
    worker = load_worker(one_file_worker(tmp_path, entry))

    async def twice():
        first = await (await worker.fetch("/")).json()
        return first, await (await worker.fetch("/")).json()

    assert asyncio.run(twice()) == ([True, ["custom"]], [True, ["custom", "custom"]])
