"""workerd defines a ``MessageEvent``'s ``ports``, ``source``, ``lastEventId``, ``origin`` and
``data``, and a ``CloseEvent``'s ``wasClean``, ``reason`` and ``code``, on the event itself,
enumerable and read-only: ``Object.keys`` lists them in that order, ``JSON.stringify`` writes them,
assigning one is V8's ``TypeError``; the other events own nothing (``{}``). Measured with a
JavaScript twin under wrangler dev 4.164.0 (``tools/wrangler/events_probe.py``'s ``own_members``
and ``data_descriptor``, leftovers44). Before, every event owned nothing."""

from __future__ import annotations

import pytest

from workers_env import JsException, js


def _init(text):
    return js.JSON.parse(text)


def test_a_message_event_owns_its_five_members():
    event = js.MessageEvent.new("message", _init('{"data": 1}'))
    assert list(js.Object.keys(event)) == ["ports", "source", "lastEventId", "origin", "data"]
    assert js.JSON.stringify(event) == '{"ports":[],"source":null,"lastEventId":"","origin":"","data":1}'
    assert js.JSON.stringify(js.MessageEvent.new("message")) == (
        '{"ports":[],"source":null,"lastEventId":"","origin":"","data":null}')
    with pytest.raises(JsException) as info:
        event.data = 2
    assert str(info.value) == "TypeError: Cannot assign to read only property 'data' of object '#<MessageEvent>'"
    assert event.data == 1


def test_a_close_event_owns_its_three_members():
    event = js.CloseEvent.new("close", _init('{"code": 1000}'))
    assert list(js.Object.keys(event)) == ["wasClean", "reason", "code"]
    assert list(js.Object.values(event)) == [False, "", 1000]
    assert js.JSON.stringify(event) == '{"wasClean":false,"reason":"","code":1000}'
    with pytest.raises(JsException, match="Cannot assign to read only property 'code' of object '#<CloseEvent>'"):
        event.code = 1


@pytest.mark.parametrize("name", ["Event", "CustomEvent", "ErrorEvent"])
def test_the_other_events_own_nothing(name):
    event = getattr(js, name).new("x")
    assert list(js.Object.keys(event)) == []
    assert js.JSON.stringify(event) == "{}"
