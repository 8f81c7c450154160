"""A binding's plain result reaches Worker code of the external SDK's era exactly as the SDK's
three passes made it before call60 walked it once (runtime/sdkresults.py): ``python_from_rpc``
of ``from_plain``'s JS object or array against the old body -- Pyodide's ``to_py()``, its numbers
again, the SDK's ``_replace_jsnull_with_none`` -- kept here as the reference, over seeded random trees
(nested dicts, ``JsDict``s and lists, ``None``, NaN, infinities, ``-0.0``, whole floats, ints at
and past the safe border, bools, integer-like keys, bytes, tuples, empty ones), hand-made ones
(shared and self-holding containers, trees past the walk's depth, a PyProxy stored in a result),
each ``null`` mode and each Pyodide (0.26, 0.28, 314, outside Worker code). Types, key order,
float bits and which containers are one object are compared, and a failure's error too."""

from __future__ import annotations

import asyncio
import collections
import enum
import math
import random
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from worker_helpers import one_file_worker

from workers_env import load_env, load_worker
from workers_env import _jsvalues
from workers_env._jsvalues import MAX_SAFE_INTEGER, JsDict
from workers_env.runtime import rpcvalues, sdkresults
from workers_env.runtime.current import WorkerRuntime, restore, swap
from workers_env.runtime.eras import Era
from workers_env.runtime.jsproxy import JsObject, JsProxy, from_plain
from workers_env.runtime.jstopy import NULL_AS_JSNULL, NULL_AS_NONE

#: (id, the running Worker: its Pyodide's null and version; None: outside Worker code)
PYODIDES = [("outside", None), ("0.26", (True, "0.26.0a2")), ("0.28", (False, "0.28.2")), ("314", (False, "314.0.6"))]
NULLS = [True, NULL_AS_NONE, NULL_AS_JSNULL, False]


@contextmanager
def pyodide(which: tuple[bool, str] | None) -> Iterator[None]:
    runtime = None if which is None else WorkerRuntime(
        None, Era(date="2026-05-01", external_sdk=True, sdk_version=(1, 9, 5)), null_is_none=which[0],
        pyodide_version=which[1])
    previous = swap(runtime)
    try:
        yield
    finally:
        restore(previous)


def three_passes(value: Any) -> Any:
    """``rpcvalues.python_from_rpc`` of a JS object or array as it was before the one walk."""
    value = value.to_py(default_converter=rpcvalues.from_rpc_default)
    if isinstance(value, JsProxy):
        value = rpcvalues.from_rpc_default(value)
    return rpcvalues._without_jsnull(_jsvalues.to_py(value))


def shape(value: Any, seen: dict[int, str] | None = None, path: str = "$") -> Any:
    """``value`` written out so two results compare bit for bit: each item's exact type, a float's
    ``hex()`` (NaN's sign and payload aside: ``nan``), a dict's keys in order, and a container met
    again as the path it was first met at."""
    seen = {} if seen is None else seen
    if isinstance(value, (dict, list, tuple, set)):
        if id(value) in seen:
            return ("again", seen[id(value)])
        seen[id(value)] = path
    if isinstance(value, dict):
        return (type(value), [(type(k), k, shape(v, seen, f"{path}.{k}")) for k, v in value.items()])
    if isinstance(value, (list, tuple)):
        return (type(value), [shape(v, seen, f"{path}[{i}]") for i, v in enumerate(value)])
    if isinstance(value, float):
        return (type(value), "nan" if math.isnan(value) else value.hex())
    return (type(value), repr(value))


def outcome(convert: Any, value: Any) -> Any:
    try:
        return "ok", shape(convert(value))
    except Exception as error:  # noqa: BLE001 - compared: the same error both ways
        return "raised", type(error), str(error)


def same_both_ways(raw: Any, nulls_modes: list[Any] = NULLS) -> None:
    """Each Pyodide and null mode: the walk's answer (through ``python_from_rpc``) is the passes'."""
    for _, which in PYODIDES:
        with pyodide(which):
            for nulls in nulls_modes:
                expected = outcome(three_passes, from_plain(raw, nulls))
                got = outcome(rpcvalues.python_from_rpc, from_plain(raw, nulls))
                assert got == expected, (which, nulls, raw)


KEYS = ["id", "score", "values", "metadata", "0", "1", "10", "01", "-1", "4294967294", "4294967295", "1.5", "",
        "a b", "__proto__", "items", "é"]
SCALARS = [None, True, False, "", "x", "0", 0, 1, -7, MAX_SAFE_INTEGER, -MAX_SAFE_INTEGER, MAX_SAFE_INTEGER + 1,
           -MAX_SAFE_INTEGER - 1, 2**64, -(2**70), 0.0, -0.0, 1.0, -3.0, 0.5, 2.0**53, 2.0**53 + 2, -(2.0**60), 1e300,
           5e-324, float("nan"), float("inf"), float("-inf"), b"", b"ab", (1, 2), ()]  # bytes, tuples: the passes'


def drawn_tree(rng: random.Random, room: int) -> Any:
    """A result tree of up to ``room`` levels: objects (``dict`` or ``JsDict``), lists (of anything,
    of floats alone -- a vector --, of ints alone, big ones too) and :data:`SCALARS`."""
    pick = rng.random()
    if room == 0 or pick < 0.35:
        return rng.choice(SCALARS)
    if pick < 0.45:
        return [rng.uniform(-2, 2) if rng.random() < 0.9 else float(rng.randrange(-3, 3)) for _ in range(rng.randrange(6))]
    if pick < 0.5:
        return [rng.choice([1, -(2**60), 2**53, 0]) for _ in range(rng.randrange(4))]
    if pick < 0.7:
        return [drawn_tree(rng, room - 1) for _ in range(rng.randrange(5))]
    made = {rng.choice(KEYS): drawn_tree(rng, room - 1) for _ in range(rng.randrange(5))}
    return JsDict(made) if rng.random() < 0.4 else made


def test_drawn_results_convert_as_the_three_passes_convert_them() -> None:
    """600 trees drawn with a fixed seed (every run the same), each under every Pyodide, the
    ``null`` modes in turn."""
    rng = random.Random(60)
    for i in range(600):
        tree = drawn_tree(rng, 5)
        tree = tree if isinstance(tree, (dict, list)) else {"v": tree}
        same_both_ways(tree, [NULLS[i % len(NULLS)]])


def _deep(levels: int) -> Any:
    value: Any = {"leaf": [1.5, None]}
    for i in range(levels):
        value = {"k": value, "n": i} if i % 2 else [value, float(i)]
    return value


def _shared() -> Any:
    meta = {"genre": "x", "tags": ["a", None]}
    return {"matches": [{"id": "a", "metadata": meta}, {"id": "b", "metadata": meta}], "values": meta["tags"]}


def _holding_itself() -> Any:
    loop: dict[str, Any] = {"id": "a"}
    loop["self"] = loop
    return {"count": 1, "matches": [loop]}


def _query_result(values: bool, metadata: Any, version: str) -> Any:
    match: dict[str, Any] = {"id": "v1", "score": 0.75} if version == "v2" else {"vectorId": "v1", "score": 1.0}
    if values:
        match["values"] = [0.25, 1.0, -0.0, 3.0]
    if metadata is not None:
        match["metadata"] = metadata
    return JsDict(count=1, matches=[JsDict(match), JsDict({**match, "id": "v2", "score": float("nan")})])


HAND_MADE = {
    "empty object": {}, "empty list": [], "empty query": JsDict(count=0, matches=[]),
    "v1 write": JsDict(count=2, ids=["a", "b"]), "v2 write": JsDict(mutationId="m-1"),
    "ai embeddings": {"shape": [2, 3], "data": [[0.5, 1.0, -0.25], [0.0, 2.5, 1e-310]], "pooling": "mean"},
    "d1 all": {"success": True, "meta": {"duration": 0.0, "changes": 0, "last_row_id": 2**53 - 1, "served_by": None,
                                         "changed_db": False, "size_after": 8192.0, "rows_read": 1},
               "results": [{"x": 1, "y": None, "z": 2.0**60, "1": "index key"}]},
    "big int in a row": {"results": [{"id": 2**63 - 1}]},
    "kv metadata": {"value": "v", "metadata": {"nested": {"deep": [{"a": None}, [], {}]}}, "cacheStatus": None},
    "shared metadata": _shared(), "holding itself": _holding_itself(),
    "deep, past the walk": _deep(sdkresults.MOST_LEVELS + 5), "deep, within the walk": _deep(sdkresults.MOST_LEVELS - 3),
    "whole floats at the safe range's ends": {"top": float(MAX_SAFE_INTEGER), "low": -float(MAX_SAFE_INTEGER),
                                              "in a list": [float(MAX_SAFE_INTEGER), "x", -float(MAX_SAFE_INTEGER)]},
    "ints out of order": {"b": 1, "10": 2, "2": 3, "a": {"5": None, "x": 1, "0": 2}},
    "bytes value": {"value": b"\x00\xff"}, "a tuple": {"pair": (1, {"0": 1})},
    **{f"query values={v} metadata={m!r} {ver}": _query_result(v, m, ver)
       for v in (False, True) for m in (None, {}, {"genre": "a", "year": 2020, "nested": {"b": [1, None]}})
       for ver in ("v1", "v2")},
}


class _Text(str):
    pass


class _Number(float):
    pass


class _Count(enum.IntEnum):
    ONE = 1


#: what a supplied binding may answer beyond from_plain's own data (review93b): subclasses of str,
#: float, int and dict, keys that are no str, every integer-like key, a wide result
HAND_MADE.update({
    "str subclass": {"a": _Text("x"), "l": [_Text("y")]}, "float subclass": {"a": _Number(1.0), "l": [_Number(0.5)]},
    "int enum": {"a": _Count.ONE, "l": [_Count.ONE, 2]}, "bool beside int": [True, 1, 1.0, False, 0, {"t": True}],
    "ordered dict inside": {"a": collections.OrderedDict([("b", 1), ("1", 2)])},
    "ordered dict outside": collections.OrderedDict([("b", 1), ("1", {"2": None, "a": 1})]),
    "defaultdict outside": collections.defaultdict(int, {"b": 1}),
    "keys no str": {1: "a", "0": "b", None: 1, (1, 2): 3, 2.5: {3: None, "1": 0}},
    "integer-like keys": {"x": 0, "4294967295": 1, "4294967294": 2, "01": 3, "-1": 4, "1": 5, "0": 6,
                          "in": {"4294967295": 1, "1": 2, "01": 3, "-1": 4, "9007199254740991": 5}},
    "wide": {"matches": [{"id": str(i), "score": i / 7, "metadata": {"n": i}} for i in range(40)]},
})


@pytest.mark.parametrize("raw", list(HAND_MADE.values()), ids=list(HAND_MADE))
def test_hand_made_results_convert_as_the_three_passes_convert_them(raw: Any) -> None:
    same_both_ways(raw, NULLS if raw is not HAND_MADE["holding itself"] else [True])  # (its refusal: slow)


def test_a_pyproxy_stored_in_a_result_is_left_to_the_three_passes() -> None:
    """A Python list Python code stored in a result (``res.extra = [...]``) is its PyProxy: it
    reads back as the very list, which the walk would copy."""
    stored = [1, 2]
    for make in (lambda: from_plain({"a": 1}), lambda: from_plain([{"a": 1}])):
        value = make()
        if isinstance(value, JsObject):
            value.extra = stored
        else:
            value.append(stored)
        assert sdkresults.one_walk(value) is None
        assert outcome(rpcvalues.python_from_rpc, value) == outcome(three_passes, value)


def test_plain_results_take_the_one_walk() -> None:
    """The walk answers the common results itself (else nothing was made cheaper)."""
    for raw in (HAND_MADE["d1 all"], HAND_MADE["ai embeddings"], _query_result(True, {"a": [None]}, "v2"), [{"a": 1}],
                HAND_MADE["integer-like keys"], HAND_MADE["keys no str"], HAND_MADE["ordered dict outside"]):
        assert sdkresults.one_walk(from_plain(raw)) is not None
    assert sdkresults.one_walk(from_plain(HAND_MADE["big int in a row"])) is None


def test_an_object_holding_its_keys_out_of_order_keeps_that_order() -> None:
    """An object whose keys are not in JavaScript's order (a PyProxy's view of a dict:
    ``JsObject.unordered``) keeps the order it holds, as ``to_py`` keeps it; objects inside it
    are made in JavaScript's order."""
    value = JsObject.unordered({"b": 1, "10": {"z": 1, "3": 2}, "2": None})
    assert outcome(rpcvalues.python_from_rpc, value) == outcome(three_passes, value)
    assert list(rpcvalues.python_from_rpc(value)) == ["b", "10", "2"]



ENTRY = '''
import math
from js import Object
from pyodide.ffi import JsProxy, to_js
from workers import Response, WorkerEntrypoint

#: what differs from one run to the next: a mutation's id, a time
VARIES = {"mutationId", "processedUpToMutation", "processedUpToDatetime", "duration", "sql_duration_ms"}


def shape(value, seen=None):
    """Every result written out: types, float bits, key order, which containers are one object."""
    seen = {} if seen is None else seen
    if isinstance(value, (dict, list, tuple)):
        if id(value) in seen:
            return f"again{seen[id(value)]}"
        seen[id(value)] = len(seen)
    if isinstance(value, dict):
        return type(value).__name__ + "{" + ", ".join(
            f"{k!r}: {type(v).__name__ if k in VARIES else shape(v, seen)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return type(value).__name__ + "[" + ", ".join(shape(v, seen) for v in value) + "]"
    if isinstance(value, float):
        return "nan" if math.isnan(value) else value.hex()
    if hasattr(value, "to_py"):  # a JsProxy (the built-in SDK's raw bindings): what to_py() gives
        return "proxy:" + shape(value.to_py())
    return f"{type(value).__name__}:{value!r}"


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        env, out = self.env, []
        raw = isinstance(env.IDX, JsProxy)  # the built-in SDK hands the bindings out as JavaScript has them

        def js(value):
            return to_js(value, dict_converter=Object.fromEntries) if raw else value

        rows = [{"id": "a", "values": [0.5, 1.0, -0.25], "metadata": {"genre": "x", "n": {"deep": [1, None]}}},
                {"id": "b", "values": [1.0, 0.0, 2.0], "metadata": {"10": 1, "2": None, "year": 2020}}]
        out.append(await env.IDX.upsert(js(rows)))
        for options in ({}, {"returnValues": True}, {"returnMetadata": "all"}, {"returnMetadata": "indexed"},
                        {"returnValues": True, "returnMetadata": "all"}):
            out.append(await env.IDX.query([0.5, 1.0, -0.25], topK=2, **options))
        out.append(await env.IDX.getByIds(js(["b", "a", "zz"])))
        out.append(await env.IDX.describe())
        out.append(await env.OLD.upsert(js(rows)))
        out.append(await env.OLD.query([0.5, 1.0, -0.25], topK=2, returnValues=True, returnMetadata=True))
        await env.KV.put("k", "v", js({"metadata": {"n": {"x": [1, None, 2.5]}, "0": "first"}}))
        out.append(await env.KV.getWithMetadata("k"))
        out.append(await env.KV.get("k"))
        sql = "SELECT 1 AS a, NULL AS b, 2.5 AS c, 4.0 AS d, 9007199254740993 AS big, 'é' AS t"
        out.append(await env.DB.prepare(sql).all())
        out.append(await env.DB.prepare(sql).first())
        out.append(await env.DB.prepare(sql).raw())
        out.append(await env.AI.run("@cf/baai/bge-small-en-v1.5", js({"text": ["one two"]})))
        out.append(await env.MINE.get("k"))
        out.append(await env.MINE.rows())
        return Response("\\n".join(shape(o) for o in out))
'''

CONFIG = '''
[[vectorize]]
binding = "IDX"
index_name = "idx"
[[vectorize]]
binding = "OLD"
index_name = "old"
[[kv_namespaces]]
binding = "KV"
id = "kv1"
[[d1_databases]]
binding = "DB"
database_name = "db"
database_id = "db1"
[ai]
binding = "AI"
'''


class Mine:
    """A binding supplied by hand, answering what no emulated binding does."""

    async def get(self, key: str) -> Any:
        return {"nan": float("nan"), "big": 2**60, "whole": 2.0, "neg0": -0.0, "inf": float("-inf"), "bytes": b"ab",
                "nested": {"10": [None, {"2": 1, "a": None}], "1": "x"}, "ints": [1, 2**60], "empty": {}, "none": []}

    async def rows(self) -> Any:
        return [{"b": 1, "0": [0.5, 2.0]}, 1.5, None, [[]], JsDict(x=None)]


#: (id, compatibility date, flags, the external SDK's release: None the project's default)
WORKER_ERAS = [
    ("built-in-sdk-0.26", "2025-08-20", (), None),
    ("built-in-sdk-0.28", "2025-11-02", (), None),
    ("sdk-1.3.0-0.28", "2026-05-01", (), "1.3.0"),
    ("sdk-1.9.5-0.26", "2025-08-20", ("enable_python_external_sdk",), "1.9.5"),
    ("sdk-1.9.5-0.28", "2026-05-01", (), "1.9.5"),
    ("sdk-314", "2026-11-17", (), None),
]


@pytest.mark.parametrize(("date", "flags", "sdk"), [era[1:] for era in WORKER_ERAS], ids=[era[0] for era in WORKER_ERAS])
def test_worker_code_receives_what_the_three_passes_gave(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, date: str,
                                                        flags: tuple[str, ...], sdk: str | None) -> None:
    """Every binding's results, as Worker code of each era receives them: the same with the walk
    as with the three passes alone (the walk taken away), and the walk taken in the SDK's eras."""
    one_file_worker(tmp_path, ENTRY, date=date, flags=flags, extra=CONFIG)
    if sdk is not None:
        (tmp_path / "pyproject.toml").write_text(f'[tool.workers-env]\npython-sdk = "{sdk}"\n')
    env = load_env(tmp_path / "wrangler.toml", bindings={"MINE": Mine()}, indexes={
        "idx": {"dimensions": 3, "metric": "cosine", "version": "v2"},
        "old": {"dimensions": 3, "metric": "euclidean", "version": "v1"}})
    worker = load_worker(env=env)
    walked = []
    monkeypatch.setattr(rpcvalues, "one_walk", lambda value: walked.append(1) or sdkresults.one_walk(value))

    async def answer() -> str:
        return await (await worker.fetch("http://x/")).text()

    with_walk = asyncio.run(answer())
    monkeypatch.setattr(rpcvalues, "one_walk", lambda value: None)
    assert asyncio.run(answer()) == with_walk
    external_sdk = sdk is not None or date >= "2026-04-21"
    assert len(walked) >= 6 if external_sdk else walked == []  # (1.3.0 converts KV's, D1's and MINE's results)


def test_the_lists_handed_out_are_copies_as_the_passes_make_them() -> None:
    """Worker code that changes a list of a result changes nothing of the binding's answer: each
    list the walk hands out -- a list of numbers alone too, the top-level one and nested ones --
    is a new one, as ``to_py``'s (audit37: one handed out as the JS array's own list went unseen)."""
    for raw in ([0.5, 1.5], [[1, 2]], {"values": [0.5, 1.0]}, {"a": [3, 4], "b": [[1.5]]}):
        value = from_plain(raw)
        first = outcome(rpcvalues.python_from_rpc, value)
        got = rpcvalues.python_from_rpc(value)
        lists, stack = [], [got]
        while stack:
            found = stack.pop()
            if isinstance(found, list):
                lists.append(found)
            stack.extend(found.values() if isinstance(found, dict) else found if isinstance(found, list) else ())
        assert lists
        for each in lists:
            each.append(99)
        assert outcome(rpcvalues.python_from_rpc, value) == first, raw
