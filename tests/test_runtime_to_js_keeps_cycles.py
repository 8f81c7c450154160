"""``to_js`` of a structure holding itself keeps the cycle, as Pyodide's conversion cache does
(python2js.c: a collection met again is the JS value already made for it), where workers-env
recursed until Python's ``RecursionError``; what reads the result copes as V8 and Pyodide do:
``to_py`` keeps the cycle (js2python's cache), ``String(array)`` writes the inner visit as
``""``, ``JSON.stringify`` is V8's circular-structure ``TypeError``, ``console.log`` Node's
``<ref *1>`` / ``[Circular *1]``. A dict key or set item JavaScript cannot hold is Pyodide's
``ConversionError``."""

from __future__ import annotations

import json

import pytest
from worker_helpers import one_file_worker

from workers_env import JsException, js, load_worker

ENTRY = """
import json
from js import JSON, Object, console
from pyodide.ffi import ConversionError, JsException, to_js
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        items = [1, "x"]
        items.append(items)
        array = to_js(items)
        node = {"k": 1}
        node["self"] = node
        node["list"] = [node]
        literal = to_js(node)
        shared = ["s"]
        pair = to_js([shared, shared])
        back = array.to_py()
        out = {
            "array_holds_itself": array[2] is array,
            "string": str(array),
            "map_holds_itself": literal["self"] is literal and literal["list"][0] is literal,
            "shared_once": pair[0] is pair[1],
            "to_py_cycle": back[2] is back,
            "plain_object_keys": list(Object.keys(plain := to_js(node, dict_converter=Object.fromEntries))),
            "plain_list_slot": plain.list[0] is plain,
        }
        try:
            JSON.stringify(array)
        except JsException as error:
            out["stringify"] = [error.name, error.message]
        console.log(array)
        for bad in ({(1, 2): "tuple key"}, {1, (2, 3)}):
            try:
                to_js(bad)
            except ConversionError as error:
                out.setdefault("refused", []).append(str(error))
        return Response(json.dumps(out))
"""


@pytest.mark.asyncio
async def test_cyclic_structures_convert_and_read_as_in_production(tmp_path, capsys):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    out = json.loads(await (await worker.fetch("/")).text())
    assert out == {
        "array_holds_itself": True,
        "string": "1,x,",
        "map_holds_itself": True,
        "shared_once": True,
        "to_py_cycle": True,
        # Pyodide's postprocess writes a dict's own value met again as a property of the entries
        # array, which Object.fromEntries never reads: that key is missing; an array's slot is filled
        "plain_object_keys": ["k", "list"],
        "plain_list_slot": True,
        "stringify": ["TypeError", "Converting circular structure to JSON\n    --> starting at object with "
                      "constructor 'Array'\n    --- index 2 closes the circle"],
        "refused": ["Cannot use (1, 2) as a key for a Javascript Map",
                    "Cannot use (2, 3) as a key for a Javascript Set"],
    }
    assert "<ref *1> [ 1, 'x', [Circular *1] ]" in capsys.readouterr().out


def test_an_array_joined_in_two_threads_at_once_is_written_whole_in_both() -> None:
    # V8's join cycle check is per isolate: one thread joining an array must not make another
    # thread's join of the same array see a cycle (the check was one set for all threads)
    import threading

    from workers_env.runtime.jsproxy import JsArray

    inside, done = threading.Event(), threading.Event()

    class Slow:
        """An element whose text waits, the first time, until the other thread has joined."""

        calls = 0

        def __str__(self) -> str:
            Slow.calls += 1
            if Slow.calls == 1:
                inside.set()
                done.wait(5)
            return "s"

    array = JsArray([1, Slow()])
    first: list[str] = []
    worker = threading.Thread(target=lambda: first.append(array.join()))
    worker.start()
    assert inside.wait(5)
    assert array.join() == "1,s"  # while the first join is still under way
    done.set()
    worker.join(5)
    assert first == ["1,s"]


def test_a_longer_circle_is_named_step_by_step_as_v8_names_it():
    outer, inner, items = js.Object.new(), js.Object.new(), js.Array.new()
    outer.x, inner.y = inner, items
    items.push(outer)
    with pytest.raises(JsException) as caught:
        js.JSON.stringify(outer)
    assert caught.value.message == (
        "Converting circular structure to JSON\n"
        "    --> starting at object with constructor 'Object'\n"
        "    |     property 'x' -> object with constructor 'Object'\n"
        "    |     property 'y' -> object with constructor 'Array'\n"
        "    --- index 0 closes the circle")
