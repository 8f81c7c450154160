"""A ``Request``'s or ``Response``'s ``cf`` is a JSON copy of its init's (workerd's
``CfProperty::deepClone``, in ``new Request``, ``new Response``, ``clone()`` and a Request or
Response made of another): a ``Date`` in it reads as its ISO text, changes to one are not seen by
the other, a BigInt is V8's ``TypeError``; a Response keeps its init's ``cf`` (it had none here
before) and reads ``undefined`` without one. Measured: the same in a JavaScript Worker under
wrangler dev 4.164.0 (tools/wrangler/jsapi_differential.py, its ``"cf"`` cases: 23/23)."""

from __future__ import annotations

import pytest

from workers_env import JsException, js, to_js
from workers_env._jsvalues import BigInt


def init(**members):
    return to_js(members, dict_converter=js.Object.fromEntries)


def cf():
    return init(a=[1, js.Date.new(5)], n=init(x=1))


@pytest.mark.parametrize("make", [lambda c: js.Request.new("https://e.com/", init(cf=c)),
                                  lambda c: js.Response.new("x", init(cf=c))])
def test_the_init_cf_is_copied_as_json(make):
    given = cf()
    made = make(given)
    assert made.cf.to_py() == {"a": [1, "1970-01-01T00:00:00.005Z"], "n": {"x": 1}}
    given.n.x = 2
    assert made.cf.n.x == 1


def test_a_copy_made_from_another_is_its_own():
    request = js.Request.new("https://e.com/", init(cf=cf()))
    for other in (request.clone(), js.Request.new(request)):
        other.cf.n.x = 3
        assert request.cf.n.x == 1
    response = js.Response.new("x", init(cf=cf()))
    made = js.Response.new("y", response)
    made.cf.n.x = 3
    assert (response.cf.n.x, made.cf.n.x) == (1, 3)


def test_a_bigint_is_refused_and_none_is_undefined():
    with pytest.raises(JsException, match="TypeError: Do not know how to serialize a BigInt"):
        js.Response.new("x", init(cf=init(a=BigInt(1))))
    assert js.Response.new("x").cf is None
