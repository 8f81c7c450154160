"""``console.log`` of workerd's own objects prints them as workerd does: the class's name before
its properties (``Navigator { ... }``), an array inside one with its ``[length]`` (workerd inspects
its objects with ``showHidden``), and the objects of a fixed shape -- ``Crypto``,
``SubtleCrypto``, ``CacheStorage``, ``TextEncoder`` -- ``URLSearchParams``/``FormData`` as
their entries, and an ``AbortSignal`` its three properties. The expected lines are a JavaScript Worker's own output for the same values under
``wrangler dev`` 4.164.0; before, ``js.navigator`` printed as a plain object and the others as
``[object Crypto]``. ``performance`` prints the members the Worker's flags give it (and, one and
two levels down, what util.inspect's depth leaves of them), ``scheduler`` as ``Scheduler {}``."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import js, load_worker, to_js

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
    js.console.log(to_js([js.navigator]))  # (a Python list is logged as its PyProxy)
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


def test_caches_an_invalid_date_a_buffer_and_a_named_function_print_as_util_inspect_prints_them(capsys) -> None:
    data = js.Uint8Array.new(3)
    data[0] = 1
    for value in (js.caches, js.Date.new("nope"), data.buffer, js.setTimeout):
        js.console.log(value)
    assert capsys.readouterr().out.splitlines() == [
        "CacheStorage { default: Cache {} }",
        "Invalid Date",
        "ArrayBuffer { [Uint8Contents]: <01 00 00>, byteLength: 3 }",
        "[Function: setTimeout]",
    ]


def test_plain_arrays_keep_no_hidden_length(capsys) -> None:
    js.console.log(js.JSON.parse('{"a": [1, [2]]}'))
    assert capsys.readouterr().out.splitlines() == ["{ a: [ 1, [ 2 ] ] }"]


NODE_TIMING = [
    "  nodeTiming: PerformanceNodeTiming {",
    "    uvMetricsInfo: { loopCount: 0, events: 0, eventsWaiting: 0 },",
    *(f"    {name}: 0," for name in ("idleTime", "loopExit", "loopStart", "environment", "bootstrapComplete", "v8Start",
                                    "nodeStart")),
    "    name: 'node',", "    entryType: 'node',", "    startTime: 0,", "    duration: 0",
    "  }",
]


def test_performance_and_scheduler_print_as_workerd_at_each_depth(capsys) -> None:
    """Outside a Worker, today's workerd: ``nodejs_compat`` brings the perf_hooks members."""
    js.console.log(js.performance)
    js.console.log(js.JSON.parse('{"a": {}}').constructor.fromEntries([["p", js.performance]]))
    nested = js.JSON.parse('{"a": {}}')
    nested.a.p = js.performance
    js.console.log(nested)
    deeper = js.JSON.parse('{"b": {"a": {}}}')
    deeper.b.a.p, deeper.b.a.s = js.performance, js.scheduler
    js.console.log(deeper)
    js.console.log(js.scheduler)
    one_down = [("  " + line).replace("{ loopCount: 0, events: 0, eventsWaiting: 0 }", "[Object]")
                for line in ["Performance {", "  timeOrigin: 0,", "  eventCounts: EventCounts(0) {},", *NODE_TIMING]]
    assert capsys.readouterr().out.splitlines() == [
        "Performance {", "  timeOrigin: 0,", "  eventCounts: EventCounts(0) {},", *NODE_TIMING, "}",
        "{", "  p: " + one_down[0][2:], *one_down[1:], "  }", "}",
        "{", "  a: {", "    p: Performance {", "      timeOrigin: 0,", "      eventCounts: [EventCounts],",
        "      nodeTiming: [PerformanceNodeTiming]", "    }", "  }", "}",
        "{ b: { a: { p: [Performance], s: [Scheduler] } } }",
        "Scheduler {}",
    ]


PERFORMANCE_ENTRY = '''
from js import console, performance
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        console.log(performance)
        return Response("")
'''


@pytest.mark.asyncio
@pytest.mark.parametrize(("flags", "printed"), [
    ((), "Performance { timeOrigin: 0 }"),
    (("enable_global_performance_classes",), "Performance { timeOrigin: 0, eventCounts: EventCounts(0) {} }"),
])
async def test_performance_prints_the_members_the_workers_flags_give_it(tmp_path, capsys, flags, printed) -> None:
    worker = load_worker(one_file_worker(tmp_path, PERFORMANCE_ENTRY, date="2025-09-01", flags=flags))
    await worker.fetch("/")
    assert printed in capsys.readouterr().out.splitlines()


HEADERS_ENTRY = '''
import js
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        js.console.log("INCOMING", request.js_object.headers)
        js.console.log("MUTABLE", js.Headers.new([["x-b", "2"], ["a", "1"]]))
        js.console.log("EMPTY", js.Headers.new())
        js.console.log("RESPONSE", js.Response.new("x").headers)
        js.console.log("COOKIES", js.Headers.new([["set-cookie", "a=1"], ["set-cookie", "b=2"], ["x", "1"], ["x", "2"]]))
        js.console.log("NESTED", js.Object.fromEntries([["h", js.Headers.new([["a", "1"]])]]))
        js.console.log("DEEP", js.JSON.parse('{"a": {"b": {}}}').constructor.fromEntries(
            [["a", js.Object.fromEntries([["b", js.Object.fromEntries([["h", request.js_object.headers]])]])]]))
        js.console.log("JSON", js.Response.json(js.Object.new()).headers)
        js.console.log("COPIED", js.Request.new(request.js_object).headers)
        return Response("done")
'''

INCOMING = ["Headers(4) {", "  'accept' => '*/*',", "  'accept-encoding' => 'br, gzip',", "  'host' => 'localhost',",
            "  'x-custom' => 'a value long enough to break the line',", "  [immutable]: true", "}"]


@pytest.mark.asyncio
async def test_headers_print_their_entries_and_whether_they_are_immutable(tmp_path, capsys) -> None:
    """wrangler dev 4.164.0 (a JS Worker): an incoming request's headers (and a fetch answer's)
    end ``[immutable]: true``, headers the Worker made ``[immutable]: false``; a line too long
    for util.inspect's 80 columns breaks, one entry a line, as a ``Map``'s (``RESPONSE``'s one
    line would be 79 characters, ``JSON``'s is 70). Before, they printed as ``[object Headers]``."""
    worker = load_worker(one_file_worker(tmp_path, HEADERS_ENTRY))
    capsys.readouterr()
    await worker.fetch("/", headers={"accept": "*/*", "x-custom": "a value long enough to break the line"})
    assert capsys.readouterr().out.splitlines() == [
        "INCOMING " + INCOMING[0], *INCOMING[1:],
        "MUTABLE Headers(2) { 'a' => '1', 'x-b' => '2', [immutable]: false }",
        "EMPTY Headers(0) { [immutable]: false }",
        "RESPONSE Headers(1) {", "  'content-type' => 'text/plain;charset=UTF-8',", "  [immutable]: false", "}",
        "COOKIES Headers(3) {", "  'set-cookie' => 'a=1',", "  'set-cookie' => 'b=2',", "  'x' => '1, 2',",
        "  [immutable]: false", "}",
        "NESTED { h: Headers(1) { 'a' => '1', [immutable]: false } }",
        "DEEP { a: { b: { h: [Headers] } } }",
        "JSON Headers(1) { 'content-type' => 'application/json', [immutable]: false }",
        "COPIED " + INCOMING[0], *INCOMING[1:5], "  [immutable]: false", "}",
    ]
