"""``console.log`` of an event prints what workerd prints to wrangler dev's terminal: the class's
name, then its own members (a ``MessageEvent``'s ``ports``, ``source``, ``lastEventId``,
``origin``, ``data``; a ``CloseEvent``'s ``wasClean``, ``reason``, ``code``), its class's getters,
``Event``'s, and -- for a subclass only -- ``Event``'s four phase constants, arrays with their
``[length]`` as workerd inspects its objects; an ``EventTarget`` ``EventTarget {}`` (a JavaScript
twin under wrangler dev 4.164.0, ``tools/wrangler/events_probe.py``'s ``log_events``, leftovers44).
Before, each printed as ``[object MessageEvent]``."""

from __future__ import annotations

from workers_env import js

def _lines(name: str, own: list[str], kind: str, target: str = "undefined") -> list[str]:
    """The lines workerd printed for one event: its own and its class's members, ``Event``'s, and
    for a subclass ``Event``'s constants."""
    event = [f"type: '{kind}'", "eventPhase: 0", "composed: false", "bubbles: false", "cancelable: false",
             "defaultPrevented: false", "returnValue: true", f"currentTarget: {target}", f"target: {target}",
             f"srcElement: {target}", "timeStamp: 0", "isTrusted: false", "cancelBubble: false"]
    constants = ["NONE: 0", "CAPTURING_PHASE: 1", "AT_TARGET: 2", "BUBBLING_PHASE: 3"] if name != "Event" else []
    members = [*own, *event, *constants]
    return [f"{name} {{", *(f"  {m}," for m in members[:-1]), f"  {members[-1]}", "}"]


EXPECTED = {
    "Event": _lines("Event", [], "x"),
    "MessageEvent": _lines("MessageEvent", ["ports: [ [length]: 0 ]", "source: null", "lastEventId: ''", "origin: ''",
                                            "data: { a: [ 1, [length]: 1 ] }"], "message", "EventTarget {}"),
    "CustomEvent": _lines("CustomEvent", ["detail: 7"], "x"),
    "ErrorEvent": _lines("ErrorEvent", ["filename: ''", "message: 'm'", "lineno: 0", "colno: 0", "error: undefined"],
                         "error"),
    "CloseEvent": _lines("CloseEvent", ["wasClean: false", "reason: ''", "code: 1000"], "close"),
    "EventTarget": ["EventTarget {}"],
}


def _init(text):
    return js.JSON.parse(text)


def test_each_event_prints_as_workerd_prints_it(capsys) -> None:
    target = js.EventTarget.new()
    message = js.MessageEvent.new("message", _init('{"data": {"a": [1]}}'))
    target.dispatchEvent(message)
    events = {"Event": js.Event.new("x"), "MessageEvent": message,
              "CustomEvent": js.CustomEvent.new("x", _init('{"detail": 7}')),
              "ErrorEvent": js.ErrorEvent.new("error", _init('{"message": "m"}')),
              "CloseEvent": js.CloseEvent.new("close", _init('{"code": 1000}')), "EventTarget": target}
    for name, event in events.items():
        js.console.log(event)
        assert capsys.readouterr().out.splitlines() == EXPECTED[name], name
