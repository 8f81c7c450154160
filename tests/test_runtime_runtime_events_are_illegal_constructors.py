"""The events only the runtime makes -- ``ExtendableEvent``, ``PromiseRejectionEvent``,
``FetchEvent``, ``ScheduledEvent`` -- are globals Worker code can import but not construct:
``new`` (``js.X.new(...)``) or a call is workerd's ``TypeError: Illegal constructor``, whatever
the arguments; their ``name`` reads (wrangler dev 4.164.0, ``tools/wrangler/events_probe.py``'s
``runtime_event_ctors``, leftovers44). Before, workers-env said ``NotEmulatedError``."""

from __future__ import annotations

import pytest

from workers_env import JsException, NotEmulatedError, js

NAMES = ["ExtendableEvent", "PromiseRejectionEvent", "FetchEvent", "ScheduledEvent"]


@pytest.mark.parametrize("name", NAMES)
def test_constructing_one_is_an_illegal_constructor(name):
    cls = getattr(js, name)
    for make in (lambda: cls.new("x"), lambda: cls.new(), lambda: cls("x")):
        with pytest.raises(JsException) as info:
            make()
        assert str(info.value) == "TypeError: Illegal constructor"
    assert cls.name == name
    assert name in dir(js)


def test_their_other_members_are_not_emulated():
    with pytest.raises(NotEmulatedError):
        js.ExtendableEvent.prototype
