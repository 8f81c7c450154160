"""``headers.getAll(name)``, workerd's legacy extension (headers.c++): ``getSetCookie()`` for
``Set-Cookie`` in any ASCII case, ``TypeError: getAll() can only be used with the header name
"Set-Cookie".`` for any other name (a Kelvin sign's ``K`` too), jsg's argument TypeError with no
name -- as a JS twin under ``wrangler dev`` 4.164.0 answers (2026-12-04). workers-env's
``Headers`` had no ``getAll``: an ``AttributeError``."""

from __future__ import annotations

import pytest

from workers_env import JsException, js, to_js


def test_set_cookie_in_any_ascii_case_is_each_cookie() -> None:
    headers = js.Headers.new(to_js([["Set-Cookie", "a=\u00e9"], ["x-a", "1"], ["set-cookie", "b=\ud800"]]))
    assert list(headers.getAll("SET-COOKIE")) == list(headers.getSetCookie()) == ["a=\u00e9", "b=\ufffd\ufffd\ufffd"]
    assert list(js.Headers.new().getAll("set-cookie")) == []


@pytest.mark.parametrize("name", ["x-a", "cookie", "set-coo\u212aie", "set-cookie "])
def test_another_name_is_refused(name: str) -> None:
    headers = js.Headers.new(to_js([["x-a", "1"]]))
    with pytest.raises(JsException, match=r'^TypeError: getAll\(\) can only be used with the header name "Set-Cookie"\.$'):
        headers.getAll(name)


def test_no_name_is_jsgs_argument_error() -> None:
    with pytest.raises(JsException, match=r"^TypeError: Failed to execute 'getAll' on 'Headers': parameter 1 is not "
                                          r"of type 'string'\.$"):
        js.Headers.new().getAll()
