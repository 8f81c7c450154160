"""``AbortSignal`` listeners as workerd takes them (``basics.c++``; measured with
tools/wrangler/jsapi_differential.py): ``addEventListener`` refuses, when called, a listener
that is neither a function nor an object whose ``handleEvent`` is one (jsg's TypeError), so
``abort()`` never meets it; ``onabort`` keeps a function or an object and makes anything else
``null``, and calls only a function. Before, ``addEventListener("abort", 42)`` was accepted
and ``abort()`` raised Python's "'int' object is not callable"."""

from __future__ import annotations

import types

import pytest

from workers_env import JsException, js
from workers_env.runtime.jsproxy import jsnull

NOT_A_HANDLER = ("Failed to execute 'addEventListener' on 'EventTarget': parameter 2 is not of type "
                 "'function or HandlerObject'.")
NO_HANDLE_EVENT = ("Incorrect type for the 'handleEvent' field on 'HandlerObject': the provided value is not "
                   "of type 'function'.")


@pytest.mark.parametrize("listener, text", [
    (42, NOT_A_HANDLER), ("f", NOT_A_HANDLER), (True, NOT_A_HANDLER),
    (object(), NO_HANDLE_EVENT), (types.SimpleNamespace(handleEvent=5), NO_HANDLE_EVENT),
    ({}, NO_HANDLE_EVENT),
])
def test_a_listener_that_cannot_be_called_is_refused_when_added(listener, text):
    controller = js.AbortController.new()
    with pytest.raises(JsException) as caught:
        controller.signal.addEventListener("abort", listener)
    assert (caught.value.name, caught.value.message) == ("TypeError", text)
    controller.abort()  # nothing was added: the abort runs no listener
    assert controller.signal.aborted


def test_functions_and_handle_event_objects_are_called_with_the_event():
    controller = js.AbortController.new()
    seen = []
    controller.signal.addEventListener("abort", lambda event: seen.append(("fn", event.type)))
    controller.signal.addEventListener("abort", types.SimpleNamespace(handleEvent=lambda e: seen.append(("obj", e.type))))
    controller.signal.addEventListener("abort", None)  # undefined and null add nothing, as in workerd
    controller.signal.addEventListener("abort", jsnull)
    controller.abort()
    assert seen == [("fn", "abort"), ("obj", "abort")]


def test_arguments_left_out_and_capture_are_jsgs_errors():
    signal = js.AbortController.new().signal
    for call, text in [
        (lambda: signal.addEventListener(),
         "Failed to execute 'addEventListener' on 'EventTarget': parameter 1 is not of type 'string'."),
        (lambda: signal.addEventListener("abort"),
         "Failed to execute 'addEventListener' on 'EventTarget': parameter 2 is not of type 'function or "
         "HandlerObject'."),
        (lambda: signal.removeEventListener("abort"),
         "Failed to execute 'removeEventListener' on 'EventTarget': parameter 2 is not of type 'Object'."),
        (lambda: signal.removeEventListener("abort", 42),
         "Failed to execute 'removeEventListener' on 'EventTarget': parameter 2 is not of type 'Object'."),
    ]:
        with pytest.raises(JsException) as caught:
            call()
        assert (caught.value.name, caught.value.message) == ("TypeError", text)
    with pytest.raises(JsException, match=r"^TypeError: addEventListener\(\): useCapture must be false\.$"):
        signal.addEventListener("abort", print, True)
    with pytest.raises(JsException, match=r"options\.capture must be false"):
        signal.addEventListener("abort", print, js.Object.fromEntries([["capture", True]]))


def test_an_options_signal_stops_the_listener():
    controller, stopper = js.AbortController.new(), js.AbortController.new()
    seen = []
    options = types.SimpleNamespace(signal=stopper.signal)
    controller.signal.addEventListener("abort", lambda e: seen.append("later"), options)
    already = types.SimpleNamespace(signal=js.AbortSignal.abort())
    controller.signal.addEventListener("abort", lambda e: seen.append("never"), already)
    stopper.abort()  # removes the first listener
    controller.abort()
    assert seen == []


@pytest.mark.parametrize("value", [42, "f", None, jsnull])
def test_onabort_makes_a_primitive_null(value):
    controller = js.AbortController.new()
    controller.signal.onabort = value
    assert controller.signal.onabort is jsnull
    controller.abort()  # no handler: nothing is called, nothing raised
    assert controller.signal.aborted


def test_onabort_calls_a_function_and_keeps_but_skips_an_object():
    seen = []
    controller = js.AbortController.new()
    handler = types.SimpleNamespace(handleEvent=lambda e: seen.append("handleEvent"))
    controller.signal.onabort = handler
    assert controller.signal.onabort is handler
    controller.abort()
    assert seen == []  # workerd calls an on<event> property only when it is a function
    other = js.AbortController.new()
    assert other.signal.onabort is jsnull
    other.signal.onabort = lambda e: seen.append(e.type)
    other.abort()
    assert seen == ["abort"]
