"""``console.log`` prints JavaScript values as workerd does (Node's ``util.inspect`` style). The
expected lines are workerd's own output for the same values (a JS Worker under ``wrangler dev``
4.164.0 logging them)."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import js, load_worker, to_js


def test_console_log_prints_values_as_workerd(capsys):
    obj = js.JSON.parse('{"a": 1, "b": "x", "c": [1, 2, {"d": null}]}')
    obj.e = None  # undefined
    js.console.log("obj", obj)
    js.console.log("arr", to_js([1, "two", js.JSON.parse("null"), None, True]))
    js.console.log("nested", js.JSON.parse('{"x": {"y": {"z": {"w": 1}}}}'))
    js.console.log("map", js.Map.new([["k", 1]]), js.Set.new([1, 2]))
    js.console.log("prims", js.JSON.parse("null"), None, True, 1.0, 2.5, -0.0, float("nan"), "s")
    js.console.log("u8", js.Uint8Array.new(to_js([1, 2, 3])))
    js.console.log("date", js.Date.new(0))
    assert capsys.readouterr().out.splitlines() == [
        "obj { a: 1, b: 'x', c: [ 1, 2, { d: null } ], e: undefined }",
        "arr [ 1, 'two', null, undefined, true ]",
        "nested { x: { y: { z: [Object] } } }",
        "map Map(1) { 'k' => 1 } Set(2) { 1, 2 }",
        "prims null undefined true 1 2.5 -0 NaN s",
        "u8 Uint8Array(3) [ 1, 2, 3 ]",
        "date 1970-01-01T00:00:00.000Z",
    ]


def test_long_objects_break_over_lines_and_odd_keys_are_quoted(capsys):
    """workerd's output for the same values: objects over util.inspect's breakLength go one entry
    per line, many short array items in aligned columns."""
    js.console.error(js.JSON.parse('{"first-name": "Ada", "it\'s": 1, "description": "' + "x" * 70 + '"}'))
    assert capsys.readouterr().err == (
        "{\n  'first-name': 'Ada',\n  \"it's\": 1,\n  description: '" + "x" * 70 + "'\n}\n")
    js.console.log(to_js(list(range(1, 31))))
    js.console.log(js.JSON.parse('{"a": "it\'s"}'), "top level 'quote'", to_js([""]))
    assert capsys.readouterr().out.splitlines() == [
        "[",
        "   1,  2,  3,  4,  5,  6,  7,  8,  9,",
        "  10, 11, 12, 13, 14, 15, 16, 17, 18,",
        "  19, 20, 21, 22, 23, 24, 25, 26, 27,",
        "  28, 29, 30",
        "]",
        "{ a: \"it's\" } top level 'quote' [ '' ]",
    ]


LITERAL_MAPS = """\
    from pyodide.ffi import to_js
    from js import console
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            console.log(to_js({"a": 1, "b": {"c": [1, 2]}}))
            console.log(to_js([{"x": 1}]), to_js({}))
            console.log(to_js({"d": {"e": {"f": {"g": 1}}}}))
            return Response("")
"""


@pytest.mark.asyncio
async def test_a_to_js_dict_of_the_0_28_era_prints_as_a_literal_map(tmp_path, capsys):
    """Pyodide 0.28's ``to_js(dict)`` is a ``LiteralMap``, which ``console.log`` names so
    (measured: npm pyodide 0.28.2 under Node, whose ``util.inspect`` workerd's console follows)."""
    worker = load_worker(one_file_worker(tmp_path, LITERAL_MAPS, date="2025-10-01"))
    capsys.readouterr()
    await worker.fetch("/")
    assert capsys.readouterr().out.splitlines() == [
        "LiteralMap(2) { 'a' => 1, 'b' => LiteralMap(1) { 'c' => [ 1, 2 ] } }",
        "[ LiteralMap(1) { 'x' => 1 } ] LiteralMap(0) {}",
        "LiteralMap(1) {",
        "  'd' => LiteralMap(1) { 'e' => LiteralMap(1) { 'f' => [LiteralMap] } }",
        "}",
    ]


def test_past_100_items_the_rest_is_counted_after_the_columns(capsys):
    """util.inspect's ``maxArrayLength``: ``... N more item(s)`` closes the array, outside the
    aligned columns (compared with Node 20.20's ``console.log``, which wrangler 4.164.0 runs on here)."""
    from workers_env import js, to_js

    js.console.log(to_js(list(range(101))))
    js.console.log(to_js(["x"] * 102))
    numbers = [" ".join(f"{n:>2}," for n in range(row, row + 12)) for row in range(0, 96, 12)]
    letters = ["  " + " ".join(["'x',"] * 12)[:-1] + ","] * 8
    assert capsys.readouterr().out.splitlines() == [
        "[", *("  " + line for line in numbers), "  96, 97, 98, 99,", "  ... 1 more item", "]",
        "[", *letters, "  'x', 'x', 'x', 'x',", "  ... 2 more items", "]"]
