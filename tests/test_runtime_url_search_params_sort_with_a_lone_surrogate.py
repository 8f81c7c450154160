"""``URLSearchParams.sort()`` with a lone surrogate in a name sorts as workerd does (the name
written as U+FFFD, UTF-16 order) instead of failing to encode it (jsapi_differential, wrangler
dev 4.164.0: ``a=y&b=1&%EF%BF%BD=x``)."""

from __future__ import annotations

from workers_env import js


def test_sort_takes_a_lone_surrogate():
    params = js.URLSearchParams.new("b=1")
    params.append("\ud800", "x")
    params.append("a", "y")
    params.sort()
    assert params.toString() == "a=y&b=1&%EF%BF%BD=x"
