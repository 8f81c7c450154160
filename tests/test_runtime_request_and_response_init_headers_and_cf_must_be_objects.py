"""An init's ``headers`` or ``cf`` that is ``null`` or another primitive is jsg's TypeError,
raised as the init dictionary is read (before the constructor's own checks), for ``new
Request``, ``fetch``, ``new Response`` and ``Response.json``; ``undefined`` (``None``) is absent.
Measured: the same inits in a JavaScript Worker under wrangler dev 4.164.0
(tools/wrangler/jsapi_differential.py: 5, "x", true and null for each)."""

from __future__ import annotations

import pytest

from workers_env import JsException, js, to_js
from workers_env.runtime.jsproxy import jsnull

REQUEST = ("TypeError: Incorrect type for the '{}' field on 'RequestInitializerDict': the provided value is not of "
           "type '{}'.")
RESPONSE = "TypeError: Incorrect type for the '{}' field on 'InitializerDict': the provided value is not of type '{}'."
KINDS = {"headers": "Headers or Sequence or object", "cf": "Object"}


def init(**members):
    return to_js(members, dict_converter=js.Object.fromEntries)


def error(make) -> str:
    with pytest.raises(JsException) as caught:
        make()
    return str(caught.value)


@pytest.mark.parametrize("member", ["headers", "cf"])
@pytest.mark.parametrize("value", [jsnull, 5, "x", True])
def test_a_primitive_is_refused(member, value):
    assert error(lambda: js.Request.new("https://e.com/", init(**{member: value}))) == REQUEST.format(
        member, KINDS[member])
    assert error(lambda: js.Request.new("https://e.com/", method="BAD", **{member: value})) == REQUEST.format(
        member, KINDS[member])  # before the method is checked
    assert error(lambda: js.Response.new("x", init(**{member: value}))) == RESPONSE.format(member, KINDS[member])
    assert error(lambda: js.Response.json("x", init(**{member: value}))) == RESPONSE.format(member, KINDS[member])


def test_undefined_is_absent():
    assert js.Request.new("https://e.com/", headers=None, cf=None).cf is None
    assert list(js.Response.new("x", headers=None).headers.keys()) == ["content-type"]
