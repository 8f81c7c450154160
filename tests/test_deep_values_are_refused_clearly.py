"""Values nested deeply (lists, dicts, JS arrays within each other) convert up to workers-env's
conversion limit whatever the caller's stack, and past it get a clear error, never a bare
``RecursionError`` from workers-env's own recursion (it stopped ``to_js`` near 450 levels).

Pyodide's ``to_js`` / ``to_py`` recurse on the WebAssembly/JS stack with no Python limit
(python2js.c ``_python2js``, js2python.js), so where production stops is unknown offline:
past ``MAX_CONVERSION_DEPTH`` (1,000) it is a ``NotEmulatedError`` (workers-env's choice). The
external SDK's own conversions recurse in Python (workers/rpc.py ``_replace_none_with_jsnull``),
so there production raises ``RecursionError``, as workers-env does past ``SDK_DEPTH``.
"""

from __future__ import annotations

import json

import pytest
from worker_helpers import one_file_worker

from workers_env import JsException, NotEmulatedError, load_env, load_worker

ENTRY = """
import json
from js import JSON, Object
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint

def nested(n, kind):
    v = 1
    for _ in range(n):
        v = [v] if kind == "list" else {"a": v}
    return v

def deep_call(k, f):  # the conversion starts with much of Python's stack already used
    return deep_call(k - 1, f) if k else f()

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        _, case, kind, n = request.url.rsplit("/", 3)
        value = nested(int(n), kind)
        if case == "to_js":
            js = deep_call(400, lambda: to_js(value, dict_converter=Object.fromEntries))
            back, levels = js.to_py(), 0
            while isinstance(back, (list, dict)):
                back, levels = (back[0] if isinstance(back, list) else back["a"]), levels + 1
            return Response(json.dumps({"levels": levels, "leaf": back, "json": JSON.stringify(js), "str": str(js)}))
        if case == "parse":  # JSON text nested n levels, parsed with most of Python's stack used
            back, levels = deep_call(400, lambda: JSON.parse("[" * int(n) + "1" + "]" * int(n))).to_py(), 0
            while isinstance(back, list):
                back, levels = back[0], levels + 1
            return Response(json.dumps({"levels": levels, "leaf": back}))
        if case == "bind":
            await self.env.DB.prepare("select ?").bind(value).all()
        return Response("unreachable")
"""

DB = '[[d1_databases]]\nbinding = "DB"\ndatabase_name = "db"\ndatabase_id = "db"\n'

TO_JS_TOO_DEEP = (
    "to_js() of a value nested more than 1,000 levels deep (lists, dicts, tuples, sets, JS arrays or objects within "
    "each other) is not emulated by workers-env: production's limit is its JavaScript stack's, which is not known "
    "offline. Nest the value less deeply"
)

SDK_TOO_DEEP = (
    "maximum recursion depth exceeded while converting an argument for a binding: the Python Workers SDK converts "
    "values recursively, so a value that contains itself or nests more than about 975 levels deep (lists and dicts "
    "within each other) cannot be sent (in production too)"
)


@pytest.fixture(params=["2025-10-01", "2026-05-01"], ids=["built-in-sdk", "external-sdk"])
def worker(request, tmp_path):
    env = load_env(one_file_worker(tmp_path, ENTRY, date=request.param, extra=DB))
    yield load_worker(env=env)
    env.close()


@pytest.mark.asyncio
@pytest.mark.parametrize("kind", ["list", "dict"])
async def test_to_js_converts_up_to_the_limit_and_back(worker, kind):
    response = await worker.fetch(f"/to_js/{kind}/1000")
    got = json.loads(await response.text())
    assert got["levels"] == 1000 and got["leaf"] == 1
    assert got["json"] == ("[" * 1000 + "1" + "]" * 1000 if kind == "list" else '{"a":' * 1000 + "1" + "}" * 1000)
    assert got["str"] == ("1" if kind == "list" else "[object Object]")


@pytest.mark.asyncio
@pytest.mark.parametrize("depth", [1001, 100_000])
@pytest.mark.parametrize("kind", ["list", "dict"])
async def test_to_js_past_the_limit_is_not_emulated_and_says_so(worker, kind, depth):
    with pytest.raises(NotEmulatedError) as info:
        await worker.fetch(f"/to_js/{kind}/{depth}")
    assert str(info.value) == TO_JS_TOO_DEEP


@pytest.mark.asyncio
async def test_json_parse_reads_1000_levels_whatever_the_callers_stack(worker):
    response = await worker.fetch("/parse/list/1000")  # it stopped near 600 from this deep a caller
    assert json.loads(await response.text()) == {"levels": 1000, "leaf": 1}


@pytest.mark.asyncio
async def test_json_parse_far_past_pythons_limit_is_not_emulated_and_says_so(worker):
    with pytest.raises(NotEmulatedError, match=r"^JSON\.parse of JSON nested deeper than Python's recursion limit"):
        # five times the ~1,000 levels the error names (100,000 took ~0.2 s more scanning the
        # text for V8's error, the same way through)
        await worker.fetch("/parse/list/5000")


@pytest.mark.asyncio
async def test_the_external_sdk_refuses_what_its_recursion_cannot_convert(tmp_path):
    env = load_env(one_file_worker(tmp_path, ENTRY, date="2026-05-01", extra=DB))
    worker = load_worker(env=env)
    # just under: the SDK converts it and D1 refuses the array as any other
    with pytest.raises(JsException, match="D1_TYPE_ERROR: Type 'object' not supported"):
        await worker.fetch("/bind/list/975")
    for depth in (976, 5000):
        with pytest.raises(RecursionError) as info:
            await worker.fetch(f"/bind/list/{depth}")
        assert str(info.value) == SDK_TOO_DEEP
    env.close()


RESULT = """
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        depth = int(request.url.rsplit("/", 1)[1])
        await self.env.KV.put("deep", "[" * depth + "1" + "]" * depth)
        value, levels = await self.env.KV.get("deep", "json"), 0
        while isinstance(value, list):
            value, levels = value[0], levels + 1
        return Response(str(levels))
"""


@pytest.mark.asyncio
async def test_the_external_sdk_refuses_a_result_its_recursion_cannot_convert(tmp_path):
    env = load_env(one_file_worker(tmp_path, RESULT, date="2026-05-01",
                                   extra='[[kv_namespaces]]\nbinding = "KV"\nid = "kv"\n'))
    worker = load_worker(env=env)
    assert await (await worker.fetch("/975")).text() == "975"
    with pytest.raises(RecursionError) as info:
        await worker.fetch("/976")
    assert str(info.value) == SDK_TOO_DEEP.replace("an argument for a binding", "a binding's result")
    env.close()
