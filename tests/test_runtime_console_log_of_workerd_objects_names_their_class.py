"""``console.log`` of workerd's own objects prints them as workerd does: the class's name before
its properties (``Navigator { ... }``), an array inside one with its ``[length]`` (workerd inspects
its objects with ``showHidden``), and the objects of a fixed shape -- ``Crypto``,
``SubtleCrypto``, ``CacheStorage``, ``TextEncoder`` -- ``URLSearchParams``/``FormData`` as
their entries, and an ``AbortSignal`` its three properties. The expected lines are a JavaScript Worker's own output for the same values under
``wrangler dev`` 4.164.0; before, ``js.navigator`` printed as a plain object and the others as
``[object Crypto]``."""

from __future__ import annotations

from workers_env import js

NAVIGATOR = [
    "Navigator {",
    "  languages: [ 'en', [length]: 1 ],",
    "  language: 'en',",
    "  platform: '',",
    "  hardwareConcurrency: 1,",
    "  userAgent: 'Cloudflare-Workers'",
    "}",
]


def test_navigator_prints_with_its_class_and_hidden_lengths(capsys) -> None:
    js.console.log(js.navigator)
    js.console.log("nav:", js.navigator)
    js.console.log([js.navigator])
    assert capsys.readouterr().out.splitlines() == [
        *NAVIGATOR,
        "nav: " + NAVIGATOR[0], *NAVIGATOR[1:],
        "[", *("  " + line for line in NAVIGATOR), "]",
    ]


def test_objects_of_a_fixed_shape_and_entry_lists(capsys) -> None:
    for value in (js.crypto, js.crypto.subtle, js.TextEncoder.new(), js.FormData.new(), js.URLSearchParams.new("a=1"),
                  js.AbortController.new().signal):
        js.console.log(value)
    assert capsys.readouterr().out.splitlines() == [
        "Crypto { subtle: SubtleCrypto {} }",
        "SubtleCrypto {}",
        "TextEncoder { encoding: 'utf-8' }",
        "FormData(0) {}",
        "URLSearchParams(1) { 'a' => '1' }",
        "AbortSignal { aborted: false, reason: undefined, onabort: null }",
    ]


def test_plain_arrays_keep_no_hidden_length(capsys) -> None:
    js.console.log(js.JSON.parse('{"a": [1, [2]]}'))
    assert capsys.readouterr().out.splitlines() == ["{ a: [ 1, [ 2 ] ] }"]
