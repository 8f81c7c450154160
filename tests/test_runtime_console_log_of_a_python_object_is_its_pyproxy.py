"""``console.log`` of a Python object -- a dict, the SDK's ``JsDict`` result, a list, a function
-- logs its PyProxy, and workerd's ``formatLog`` (its port of Node's ``util.inspect``, which
inspects a Proxy's target) prints Pyodide's bookkeeping, not the Python object: ``PyProxy {
Symbol(pyproxy.attrs): ... }`` over 19 lines, its ``flags`` the type's protocols (a dict's 131103
from Pyodide 0.28, 31 on 0.26), ``props`` with a ``boundThis`` on the 314 bundle -- measured with
``util.inspect`` under Node on npm Pyodide 0.26.0a4, 0.28.2 and 314.0.6. workers-env printed
``{ a: 1 }``. ``ptr`` (an address in Pyodide's heap) is a number of workers-env's own."""

from __future__ import annotations

import asyncio
import re

import pytest
from worker_helpers import one_file_worker

from workers_env import js, load_worker, to_js

ENTRY = '''
from js import Object, console
from pyodide.ffi import create_proxy, to_js
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        await self.env.KV.put("k", '{"a": 1}')
        console.log({"a": 1})
        console.log(await self.env.KV.get("k", type="json"))  # the SDK's JsDict
        console.log("list:", [1, 2], create_proxy({"a": 1}))
        console.log(lambda: 1)
        console.log(to_js({"a": 1}, dict_converter=Object.fromEntries))
        return Response("ok")
'''


def _dump(flags: int, py314: bool, start: str = "PyProxy {") -> list[str]:
    return [start, "  Symbol(pyproxy.attrs): {", "    shared: {", "      ptr: N,", "      cache: [Object],",
            f"      flags: {flags},", "      promise: undefined,", "      destroyed_msg: undefined,",
            "      gcRegistered: false", "    },", "    props: {", "      isBound: false,", "      captureThis: false,",
            "      boundArgs: [],", *(["      boundThis: undefined,"] if py314 else []), "      roundtrip: false",
            "    }", "  }", "}"]


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "dict_flags", "py314"), [("2026-05-01", 131103, False), ("2026-09-08", 131103, True)])
async def test_a_python_object_logs_as_its_pyproxys_target(tmp_path, capsys, date, dict_flags, py314):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date,
                                         extra='kv_namespaces = [{ binding = "KV", id = "ns" }]\n'))
    capsys.readouterr()
    assert await (await worker.fetch("/")).text() == "ok"
    lines = [re.sub(r"ptr: \d+,", "ptr: N,", line) for line in capsys.readouterr().out.splitlines()]
    dump = _dump(dict_flags, py314)
    assert lines == [*dump, *_dump(31, py314), *_dump(24607, py314, "list: PyProxy {")[:-1],
                     "} " + dump[0], *dump[1:], *_dump(256, py314, "[Function (anonymous)] PyProxy {"), "{ a: 1 }"]


def test_on_pyodide_0_26_a_dict_has_no_dict_flag(tmp_path, capsys):
    entry = 'from js import console, Response\n\nasync def on_fetch(request, env):\n' \
            '    console.log({"a": 1})\n    return Response.new("ok")\n'
    worker = load_worker(one_file_worker(tmp_path, entry, date="2025-08-01"))
    capsys.readouterr()
    asyncio.run(worker.fetch("/"))
    lines = [re.sub(r"ptr: \d+,", "ptr: N,", line) for line in capsys.readouterr().out.splitlines()]
    assert lines == _dump(31, False)


def test_two_live_objects_show_two_pointers(capsys):
    first, second = {"a": 1}, {"a": 1}
    js.console.log(first, second)
    pointers = re.findall(r"ptr: (\d+),", capsys.readouterr().out)
    assert len(pointers) == 2 and pointers[0] != pointers[1] and all(int(p) % 8 == 0 for p in pointers)


def test_js_values_print_as_before(capsys):
    js.console.log(to_js([1, {"a": "x"}]), "text", 1, None, js.JSON.parse('{"b": null}'))
    assert capsys.readouterr().out == "[ 1, LiteralMap(1) { 'a' => 'x' } ] text 1 undefined { b: null }\n"


def test_a_caught_python_exception_logs_as_its_pyproxy_a_js_error_as_the_error(capsys):
    """``console.error(e)`` of a ``ValueError``: a PyProxy, flags 0 (util.inspect under Node on
    Pyodide 0.26.0a4, 0.28.2, 314.0.6); a JsException is the JS error it wraps."""
    js.console.log(ValueError("boom"))
    lines = [re.sub(r"ptr: \d+,", "ptr: N,", line) for line in capsys.readouterr().out.splitlines()]
    assert lines[0] == "PyProxy {" and "      flags: 0," in lines and len(lines) == 18


def test_an_enum_members_flags_are_its_class_own_not_its_metaclass(capsys):
    """EnumType's ``__len__``/``__iter__``/``__contains__`` are no slots of an Enum member's type:
    flags 0, an Enum class itself 283 (the same three Pyodides)."""
    import enum

    class Colour(enum.Enum):
        RED = 1

    js.console.log(Colour.RED, Colour)
    assert re.findall(r"flags: (\d+),", capsys.readouterr().out) == ["0", "283"]
