"""The third argument of ``AbortSignal.addEventListener`` / ``removeEventListener`` as workerd
converts and checks it (``EventTarget::addEventListener`` / ``removeEventListener`` in
``src/workerd/api/basics.c++``; every case measured with tools/wrangler/jsapi_differential.py
under wrangler dev 4.164.0):

* a primitive is coerced to a boolean, so ``1`` or ``"x"`` is ``useCapture`` true, refused;
* an options object's ``signal`` must be an ``AbortSignal`` (``null``, ``5`` and ``{}`` are
  jsg's TypeError), even with a ``null`` listener, before ``capture`` is looked at;
* ``removeEventListener`` refuses a true capture too, whatever the listener, and then removes
  nothing.

Before, ``removeEventListener`` ignored its third argument (and removed the listener),
primitives other than ``true`` were taken as no options, and a ``signal`` that was not an
``AbortSignal`` was ignored."""

from __future__ import annotations

import types

import pytest

from workers_env import JsException, js
from workers_env.runtime.jsproxy import jsnull

WRONG_SIGNAL = ("Incorrect type for the 'signal' field on 'AddEventListenerOptions': the provided value is not "
                "of type 'AbortSignal'.")


def _options(**fields):
    return js.Object.fromEntries([[name, value] for name, value in fields.items()])


def _type_error(call) -> str:
    with pytest.raises(JsException) as caught:
        call()
    assert caught.value.name == "TypeError"
    return caught.value.message


@pytest.mark.parametrize("options", [1, "x", -0.5, True])
def test_a_truthy_primitive_is_use_capture(options):
    signal = js.AbortController.new().signal
    for kind in ("abort", "other"):
        assert _type_error(lambda kind=kind: signal.addEventListener(kind, print, options)) == \
            "addEventListener(): useCapture must be false."
        assert _type_error(lambda kind=kind: signal.removeEventListener(kind, print, options)) == \
            "removeEventListener(): useCapture must be false."


@pytest.mark.parametrize("options", [0, "", float("nan"), False, None, jsnull])
def test_a_falsy_primitive_adds_and_removes(options):
    controller = js.AbortController.new()
    seen = []

    def kept(event):
        seen.append("kept")

    def removed(event):
        seen.append("removed")

    controller.signal.addEventListener("abort", kept, options)
    controller.signal.addEventListener("abort", removed, options)
    controller.signal.removeEventListener("abort", removed, options)
    controller.abort()
    assert seen == ["kept"]


@pytest.mark.parametrize("signal", [jsnull, 5, "nope", types.SimpleNamespace()])
def test_an_options_signal_that_is_not_an_abort_signal_is_refused(signal):
    target = js.AbortController.new().signal
    for listener in (print, jsnull, None):
        assert _type_error(lambda listener=listener: target.addEventListener("abort", listener, _options(signal=signal))) == WRONG_SIGNAL
    # the conversion comes before the capture check
    assert _type_error(lambda: target.addEventListener("abort", print, _options(signal=signal, capture=True))) == \
        WRONG_SIGNAL


def test_an_undefined_options_signal_is_no_signal():
    controller = js.AbortController.new()
    seen = []
    controller.signal.addEventListener("abort", lambda e: seen.append(e.type), _options(signal=None))
    controller.abort()
    assert seen == ["abort"]


def test_capture_is_checked_only_for_a_listener_added_but_always_on_remove():
    signal = js.AbortController.new().signal
    signal.addEventListener("abort", jsnull, True)  # nothing added, nothing checked
    signal.addEventListener("abort", None, _options(capture=True))
    assert _type_error(lambda: signal.removeEventListener("abort", jsnull, True)) == \
        "removeEventListener(): useCapture must be false."
    assert _type_error(lambda: signal.removeEventListener("abort", None, _options(capture=1))) == \
        "removeEventListener(): options.capture must be false."


def test_a_refused_remove_leaves_the_listener():
    controller = js.AbortController.new()
    seen = []

    def listener(event):
        seen.append(event.type)

    controller.signal.addEventListener("abort", listener)
    with pytest.raises(JsException, match=r"removeEventListener\(\): useCapture must be false\."):
        controller.signal.removeEventListener("abort", listener, True)
    with pytest.raises(JsException, match=r"removeEventListener\(\): options\.capture must be false\."):
        controller.signal.removeEventListener("abort", listener, _options(capture=True))
    controller.signal.removeEventListener("abort", listener, _options(signal="ignored by remove"))
    controller.abort()
    assert seen == []  # the last remove, with no capture, took it away
