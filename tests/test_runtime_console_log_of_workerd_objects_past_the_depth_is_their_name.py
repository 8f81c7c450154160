"""``console.log`` of one of workerd's objects nested past util.inspect's depth (2) is its class
name in brackets -- ``[Crypto]``, ``[SubtleCrypto]``, ``[TextEncoder]``, even one with no
properties -- as workerd prints any of its objects there; before, the objects of a fixed shape
printed their whole shape at any depth. ``caches.default`` prints ``Cache {}``. The expected
lines are a JavaScript Worker's own output for the same values under ``wrangler dev`` 4.164.0."""

from __future__ import annotations

from workers_env import js, to_js


def nested(value):
    return to_js({"a": {"b": {"c": value}}}, dict_converter=js.Object.fromEntries)


def test_workerd_objects_past_the_depth_print_their_name(capsys) -> None:
    for value in (js.crypto, js.crypto.subtle, js.caches, js.TextEncoder.new(), js.FormData.new(),
                  js.URLSearchParams.new(), js.navigator, js.AbortSignal.abort("r")):
        js.console.log(nested(value))
    js.console.log(js.caches.default)
    assert capsys.readouterr().out.splitlines() == [
        "{ a: { b: { c: [Crypto] } } }",
        "{ a: { b: { c: [SubtleCrypto] } } }",
        "{ a: { b: { c: [CacheStorage] } } }",
        "{ a: { b: { c: [TextEncoder] } } }",
        "{ a: { b: { c: [FormData] } } }",
        "{ a: { b: { c: [URLSearchParams] } } }",
        "{ a: { b: { c: [Navigator] } } }",
        "{ a: { b: { c: [AbortSignal] } } }",
        "Cache {}",
    ]


def test_within_the_depth_they_keep_their_shape(capsys) -> None:
    js.console.log(to_js({"b": {"c": js.crypto}}, dict_converter=js.Object.fromEntries))
    assert capsys.readouterr().out.splitlines() == ["{ b: { c: Crypto { subtle: SubtleCrypto {} } } }"]
