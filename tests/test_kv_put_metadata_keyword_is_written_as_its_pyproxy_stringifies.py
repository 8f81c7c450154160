"""``put(key, value, metadata={...})`` in the built-in SDK era: Pyodide packs the keywords into
one JavaScript object whose ``metadata`` is the dict's PyProxy (keyword values convert
shallowly), and workerd's ``put`` only ``JSON.stringify``s it (kv.c++ ``metadata...toJson``), at
the call. So the metadata stored is what ``JSON.stringify`` writes of that PyProxy: on Pyodide
0.28 the dict's keys (``None`` values left out, nested dicts and lists of scalars kept; a list
holding a dict Pyodide's borrowed-proxy error), on 0.26 ``{}`` -- measured under Node with
0.28.2, 314.0.6 and 0.26.0a4. The KV docs' Python tab writes exactly this
(developers.cloudflare.com/kv/api/write-key-value-pairs, 2026-06-22). workers-env refused the
call with a ``TypeError`` instead. A dict given as the options object itself reads the same
way from 0.28 (its ``metadata`` is the nested dict's PyProxy)."""

from __future__ import annotations

import warnings

import pytest

from workers_env import PyProxyWarning, load_worker

ENTRY = '''
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        kv = self.env.KV
        await kv.put("docs", "v", metadata={"someMetadataKey": "someMetadataValue"})
        await kv.put("mixed", "v", metadata={"a": 1, "gone": None, "d": {"e": 2}, "l": [1, "x"]})
        await kv.put("options", "v", {"metadata": {"a": 1, "gone": None}})
        listed = await kv.list()
        read = await kv.getWithMetadata("docs")
        keys = [[k.name, getattr(k, "metadata", None)] for k in listed.keys]
        return Response.json({"keys": [[n, m if m is None else m.to_py()] for n, m in keys],
                              "read": read.metadata.to_py()})
'''

LIST_OF_DICTS = '''
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        try:
            await self.env.KV.put("k", "v", metadata=[{"a": 1}])
        except Exception as exc:
            return Response.json({"error": str(exc), "value": await self.env.KV.get("k")})
        return Response.json({"error": None})
'''


def _toml(date: str) -> str:
    return (f'name = "m"\nmain = "src/entry.py"\ncompatibility_date = "{date}"\n'
            'compatibility_flags = ["python_workers"]\n[[kv_namespaces]]\nbinding = "KV"\nid = "ns"\n')


@pytest.mark.asyncio
async def test_pyodide_028_stores_the_keys_json_stringify_writes(project):
    worker = load_worker(project(_toml("2025-11-01"), src__entry_DOT_py=ENTRY))
    body = await (await worker.fetch("/")).json()
    assert body == {
        "keys": [["docs", {"someMetadataKey": "someMetadataValue"}],
                 ["mixed", {"a": 1, "d": {"e": 2}, "l": [1, "x"]}],
                 ["options", {"a": 1}]],
        "read": {"someMetadataKey": "someMetadataValue"},
    }


@pytest.mark.asyncio
async def test_pyodide_028_list_holding_a_dict_is_the_borrowed_proxy_error_and_writes_nothing(project):
    worker = load_worker(project(_toml("2025-11-01"), src__entry_DOT_py=LIST_OF_DICTS))
    body = await (await worker.fetch("/")).json()
    assert body["error"].startswith("Error: This borrowed proxy was automatically destroyed when an iterator was exhausted.")
    assert body["value"] is None


@pytest.mark.asyncio
async def test_pyodide_026_stores_an_empty_object_with_a_warning(project):
    worker = load_worker(project(_toml("2025-09-01"), src__entry_DOT_py=ENTRY))
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        body = await (await worker.fetch("/")).json()
    # the options dict itself reads as empty on 0.26: "options" has no metadata at all
    assert body == {"keys": [["docs", {}], ["mixed", {}], ["options", None]], "read": {}}
    assert any(issubclass(w.category, PyProxyWarning) and "JSON.stringify" in str(w.message) for w in seen)


CONVERTED = '''
from js import Object
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        await self.env.KV.put("k", "v", metadata=to_js({"a": None, "b": 2}, dict_converter=Object.fromEntries))
        return Response.json((await self.env.KV.getWithMetadata("k")).metadata.to_py())
'''


@pytest.mark.asyncio
async def test_a_converted_object_is_written_as_before(project):
    worker = load_worker(project(_toml("2025-11-01"), src__entry_DOT_py=CONVERTED))
    assert await (await worker.fetch("/")).json() == {"b": 2}  # to_js makes None undefined: left out


SHAPES = '''
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        kv, out = self.env.KV, {}
        shapes = {"list": [1, None, "x"], "tuple": (1, "x"), "bytes": b"ab", "set": {1, 2},
                  "nested": {"a": {"b": None, "c": 1}, "d": [None, 2], "s": {1}, "ba": bytearray(b"a"),
                             "mv": memoryview(b"a"), "t": (1, 2)},
                  "bytes_in_list": [b"ab"], "set_in_list": [{1}]}
        for name, metadata in shapes.items():
            try:
                await kv.put(name, "v", metadata=metadata)
                out[name] = (await kv.getWithMetadata(name)).metadata.to_py()
            except Exception as exc:
                out[name] = str(exc).splitlines()[0]
        return Response.json(out)
'''


@pytest.mark.asyncio
async def test_pyodide_028_writes_each_shape_as_json_stringify_of_its_pyproxy(project):
    """Measured under Node (0.28.2, 314.0.6): a top-level list or tuple its JSON (``None`` as
    ``null``), ``bytes``/``bytearray`` their byte values, a set or memoryview ``{}``, a nested
    dict's ``None`` left out; a list holding ``bytes`` or a set is the borrowed-proxy error, as
    one holding a dict. workers-env refused top-level ``bytes`` and wrote a set's items."""
    worker = load_worker(project(_toml("2025-11-01"), src__entry_DOT_py=SHAPES))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        body = await (await worker.fetch("/")).json()
    borrowed = "Error: This borrowed proxy was automatically destroyed when an iterator was exhausted."
    assert body == {"list": [1, None, "x"], "tuple": [1, "x"], "bytes": [97, 98], "set": {},
                    "nested": {"a": {"c": 1}, "d": [None, 2], "s": {}, "ba": [97], "mv": {}, "t": [1, 2]},
                    "bytes_in_list": borrowed, "set_in_list": borrowed}


NUMBER_KEYS = '''
import json
from workers import Response, WorkerEntrypoint

CASES = [{"b": 2, 1: "a"}, {-1: "a", "b": 2}, {1.5: "a", None: "n", True: "t", (1, 2): "p", "b": 2},
         {2**53 - 2: "a", 2**53 - 1: "b", 10**16: "c"}, {"x": {3: "c", "y": 1}}, {10: "a", 2: "b"},
         {1: "b", "x": 1, "1": "a"}, {"y": 1, 1: None}]

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = []
        for i, metadata in enumerate(CASES):
            await self.env.KV.put(f"k{i}", "v", metadata=metadata)
            read = await self.env.KV.getWithMetadata(f"k{i}")
            out.append(json.dumps(read.metadata.to_py(), separators=(",", ":")))
        return Response.json(out)
'''


@pytest.mark.asyncio
async def test_pyodide_028_lists_whole_number_keys_as_their_digits(project):
    # JSON.stringify of the dict's PyProxy, measured with Pyodide 0.28.2 and 314.0.6 under Node:
    # a key 0..2**53-2 as its digits where it stands ('{"b":2,"1":"a"}': a Proxy's keys keep their
    # order), a str key of the same digits read first, every other non-str key left out (not the
    # whole dict); read back, JSON.parse's object lists array-index keys first, ascending
    worker = load_worker(project(_toml("2025-11-01"), src__entry_DOT_py=NUMBER_KEYS))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PyProxyWarning)
        body = await (await worker.fetch("/")).json()
    assert body == ['{"1":"a","b":2}', '{"b":2}', '{"b":2}', '{"9007199254740990":"a"}',
                    '{"x":{"3":"c","y":1}}', '{"2":"b","10":"a"}', '{"1":"a","x":1}', '{"y":1}']
