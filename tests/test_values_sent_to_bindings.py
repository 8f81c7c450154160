"""Python values on their way into a binding, as the SDK, Pyodide and the binding's own
JavaScript send them: the same outcome from the direct ``env`` and from Worker code."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import Any

import pytest

from workers_env import JsException, VectorizeError, load_env
from workers_env.runtime import load_worker

# Each probe gets a v2 binding (3 dimensions, cosine, a string metadata index on "kind")
# and returns JSON-able data: what a call returned or raised, and what was stored.
PROBES = r'''
import datetime
import enum
from array import array

import numpy as np


def outcome(exc):
    return f"{type(exc).__name__}|{exc}"


async def attempt(call):
    try:
        return await call()
    except Exception as exc:  # noqa: BLE001 - the probe reports whatever is raised
        return outcome(exc)


async def stored(vec, vid):
    got = await vec.getByIds([vid])
    return dict(got[0]["metadata"]) if got else None


async def metadata_as_sent(vec, vid, metadata):
    res = await attempt(lambda: vec.upsert([{"id": vid, "values": [1.0, 0.0, 0.0], "metadata": metadata}]))
    return [res if isinstance(res, str) else "ok", await stored(vec, vid)]


class Name(str):  # as SQLAlchemy's quoted_name: Pyodide reads the string, not __str__
    def __str__(self):
        return "not what crosses"


class Kind(str, enum.Enum):  # str() of a member is "Kind.DOC"; its string value is "doc"
    DOC = "doc"


class Level(enum.IntEnum):
    HIGH = 3


class Ratio(float):
    def __float__(self):
        return 9.0


V = [1.0, 0.0, 0.0]
UTC2 = datetime.timezone(datetime.timedelta(hours=2))


async def run_all(vec):
    out = {}
    out["int_2**53-2"] = await metadata_as_sent(vec, "a", {"t": 2**53 - 2})
    out["int_2**53-1"] = await metadata_as_sent(vec, "b", {"t": 2**53 - 1})
    out["int_-(2**53-1)"] = await metadata_as_sent(vec, "c", {"t": -(2**53 - 1)})
    out["time_ns"] = await metadata_as_sent(vec, "d", {"nested": {"t": 1767323045123456789}})
    out["datetime"] = await metadata_as_sent(vec, "e", {"at": datetime.datetime(2026, 1, 2, 3, 4, 5, 123999)})
    out["datetime_tz"] = await metadata_as_sent(vec, "f", {"at": datetime.datetime(2026, 1, 2, 5, 4, 5, tzinfo=UTC2)})
    out["nan_inf"] = await metadata_as_sent(vec, "g", {"n": float("nan"), "i": float("inf"), "m": [float("-inf")]})
    out["set_bytes"] = await metadata_as_sent(vec, "h", {"s": {1, 2}, "b": b"ab"})
    out["subclasses"] = await metadata_as_sent(
        vec, Name("s"), {"kind": Kind.DOC, "level": Level.HIGH, "ratio": Ratio(0.5), Kind.DOC: Name("key"),
                           Level.HIGH: "int key", 2.0: "float key"})
    out["np_int64"] = await attempt(lambda: vec.upsert([{"id": "i", "values": np.array([1, 0, 0], dtype=np.int64)}]))
    out["array_q"] = await attempt(lambda: vec.upsert([{"id": "j", "values": array("q", [1, 0, 0])}]))
    out["float16"] = await attempt(lambda: vec.upsert([{"id": "k", "values": np.array([1, 0, 0], dtype=np.float16)}]))
    out["float32"] = await attempt(lambda: vec.upsert([{"id": "l", "values": np.array([0.5, 0, 0], dtype=np.float32)}]))
    out["array_d"] = await attempt(lambda: vec.upsert([{"id": "m", "values": array("d", [0.25, 0, 0])}]))
    out["big_value"] = await attempt(lambda: vec.upsert([{"id": "n", "values": [2**53, 0, 0]}]))
    out["tuple"] = await attempt(lambda: vec.upsert([{"id": "o", "values": (1.0, 0.0, 0.0)}]))
    out["bytearray"] = await attempt(lambda: vec.upsert([{"id": "p", "values": bytearray(b"\x01\x00\x00")}]))
    out["bytes_values"] = await attempt(lambda: vec.upsert([{"id": "q", "values": b"\x01\x00\x00"}]))
    out["big_filter"] = await attempt(lambda: vec.query(V, {"filter": {"kind": 2**60}}))
    out["big_topk"] = await attempt(lambda: vec.query(V, {"topK": 2**60}))
    out["big_ignored_keyword"] = (await vec.query(V, {"topK": 1}, ignored=2**60)).count
    q = await vec.query(V, {"topK": 1}, returnValues=True)
    out["keywords_after_options"] = sorted(q.matches[0])
    q = await vec.query(V, topK=1, returnValues=True)
    out["keywords_alone"] = sorted(q.matches[0])
    out["values_missing"] = await attempt(lambda: vec.upsert([{"id": "r"}]))
    out["values_none"] = await attempt(lambda: vec.upsert([{"id": "r", "values": None}]))
    out["values_5"] = await attempt(lambda: vec.upsert([{"id": "r", "values": 5}]))
    out["vector_none"] = await attempt(lambda: vec.upsert([None]))
    out["batch_dict"] = await attempt(lambda: vec.upsert({"id": "r", "values": V}))
    out["batch_none"] = await attempt(lambda: vec.upsert(None))
    out["batch_missing"] = await attempt(lambda: vec.insert())
    out["query_none"] = await attempt(lambda: vec.query(None))
    out["return_metadata_0"] = await attempt(lambda: vec.query(V, {"returnMetadata": 0}))
    out["return_metadata_empty"] = await attempt(lambda: vec.query(V, {"returnMetadata": ""}))
    out["return_metadata_bad"] = await attempt(lambda: vec.query(V, {"returnMetadata": "ALL"}))
    out["count"] = (await vec.describe())["vectorCount"]
    return out
'''

BIGINT = "JsException|TypeError: Do not know how to serialize a BigInt"
EXPECTED: dict[str, Any] = {
    "int_2**53-2": ["ok", {"t": 2**53 - 2}],
    "int_2**53-1": [BIGINT, None],
    "int_-(2**53-1)": [BIGINT, None],
    "time_ns": [BIGINT, None],
    "datetime": ["ok", {"at": "2026-01-02T03:04:05.123Z"}],
    "datetime_tz": ["ok", {"at": "2026-01-02T03:04:05.000Z"}],
    "nan_inf": ["ok", {"n": None, "i": None, "m": [None]}],
    "set_bytes": ["ok", {"s": {}, "b": {"0": 97, "1": 98}}],
    "subclasses": ["ok", {"kind": "doc", "level": 3, "ratio": 0.5, "doc": "key", "3": "int key", "2": "float key"}],
    "np_int64": BIGINT,
    "array_q": BIGINT,
    # the SDK's python_to_rpc converts with Pyodide's to_js, which wraps the JS Error (python2js.c)
    "float16": "ConversionError|Conversion from python to javascript failed",
    "big_value": BIGINT,
    "tuple": "TypeError|<class 'tuple'> cannot be sent over RPC.",
    "bytearray": "TypeError|<class 'bytearray'> cannot be sent over RPC.",
    "big_filter": BIGINT,
    "big_topk": BIGINT,
    "big_ignored_keyword": 1,
    "keywords_after_options": ["id", "score"],
    "keywords_alone": ["id", "score", "values"],
    "values_missing": "JsException|TypeError: undefined is not iterable (cannot read property Symbol(Symbol.iterator))",
    "values_none": "JsException|TypeError: object null is not iterable (cannot read property Symbol(Symbol.iterator))",
    "values_5": (
        "JsException|Error: VECTOR_UPSERT_ERROR (code = 40012): invalid vector for id=\"r\", "
        "expected 3 dimensions, and got 0 dimensions"
    ),
    "vector_none": "JsException|TypeError: Cannot read properties of null (reading 'values')",
    "batch_dict": "JsException|TypeError: vectors.map is not a function",
    "batch_none": "JsException|TypeError: Cannot read properties of null (reading 'map')",
    "batch_missing": "JsException|TypeError: Cannot read properties of undefined (reading 'map')",
    "query_none": "JsException|TypeError: object null is not iterable (cannot read property Symbol(Symbol.iterator))",
    "return_metadata_0": (
        "JsException|Error: VECTOR_QUERY_ERROR (code = 40026): Failed to parse the request body as JSON: "
        "returnMetadata: expected value"
    ),
    "return_metadata_bad": (
        'JsException|Error: Invalid returnMetadata option. Expected: true, false, "none", "indexed" or "all"; got: ALL'
    ),
}
EXPECTED["return_metadata_empty"] = EXPECTED["return_metadata_0"]
#: the binding's own errors: a ``VectorizeError`` from ``load_env``'s env; in Worker code named
#: ``JsException``, as Pyodide names every JavaScript error (still a ``VectorizeError``)
VECTORIZE_ERRORS = {"values_5", "return_metadata_0", "return_metadata_empty", "return_metadata_bad"}


def write_project(root: Path) -> Path:
    (root / "src").mkdir(parents=True, exist_ok=True)
    (root / "wrangler.toml").write_text(
        'name = "w"\nmain = "src/entry.py"\ncompatibility_date = "2026-05-01"\n'
        'compatibility_flags = ["python_workers"]\n[[vectorize]]\nbinding = "VEC"\nindex_name = "idx"\n'
    )
    (root / "pyproject.toml").write_text(
        '[tool.workers-env.indexes."idx"]\ndimensions = 3\nmetric = "cosine"\nversion = "v2"\n'
        'metadata_indexes = { kind = "string" }\n'
    )
    (root / "src" / "probes.py").write_text(textwrap.dedent(PROBES))
    (root / "src" / "entry.py").write_text(
        "from workers import Response, WorkerEntrypoint\nfrom probes import run_all\n\n"
        "class Default(WorkerEntrypoint):\n"
        "    async def fetch(self, request):\n"
        "        return Response.json(await run_all(self.env.VEC))\n"
    )
    return root


def check(out: dict[str, Any], *, in_worker: bool) -> None:
    for key, want in EXPECTED.items():
        if key in VECTORIZE_ERRORS and not in_worker:
            want = want.replace("JsException|", "VectorizeError|", 1)
        assert out[key] == want, key
    assert out["float32"] != out["float16"] and not isinstance(out["float32"], str)
    assert not isinstance(out["array_d"], str) and not isinstance(out["bytes_values"], str)
    # written: a, e, f, g, h, s, l, m, q -- every refused call wrote nothing
    assert out["count"] == 9


@pytest.mark.asyncio
async def test_direct_env_sends_values_as_production_does(tmp_path: Path) -> None:
    root = write_project(tmp_path)
    namespace: dict[str, Any] = {}
    exec(compile(textwrap.dedent(PROBES), "probes", "exec"), namespace)  # noqa: S102 - our own probe code
    out = await namespace["run_all"](load_env(root).VEC)
    check(json.loads(json.dumps(out)), in_worker=False)  # the worker's answer goes through JSON too


@pytest.mark.asyncio
async def test_worker_sends_values_as_production_does(tmp_path: Path) -> None:
    worker = load_worker(write_project(tmp_path))
    check(await (await worker.fetch("/")).json(), in_worker=True)


@pytest.mark.asyncio
async def test_stored_values_of_typed_arrays_and_bytes(tmp_path: Path) -> None:
    vec = load_env(write_project(tmp_path)).VEC
    from array import array

    import numpy as np

    await vec.upsert([
        {"id": "f32", "values": np.array([0.5, 0, 0], dtype=np.float32)},
        {"id": "d", "values": array("d", [0.25, 1, 0])},
        {"id": "b", "values": b"\x01\x02\x00"},  # a Uint8Array: Array.from gives its bytes
    ])
    got = {v["id"]: v["values"] for v in await vec.getByIds(["f32", "d", "b"])}
    assert got == {"f32": [0.5, 0, 0], "d": [0.25, 1, 0], "b": [1, 2, 0]}


@pytest.mark.asyncio
async def test_v1_falsy_return_metadata_reaches_the_service(tmp_path: Path) -> None:
    from binding_helpers import make_binding_in

    v1 = make_binding_in(tmp_path, dimensions=2)
    await v1.upsert([{"id": "a", "values": [1, 0]}])
    with pytest.raises(VectorizeError) as info:
        await v1.query([1, 0], {"returnMetadata": 0})
    assert info.value.code == 40026 and "returnMetadata: expected a boolean, got 0" in str(info.value)
    with pytest.raises(VectorizeError, match="Expected boolean; got: yes") as info:
        await v1.query([1, 0], {"returnMetadata": "yes"})
    assert info.value.operation is None  # the binding's own Error, before any request
    assert (await v1.query([1, 0], {"returnMetadata": None})).count == 1


@pytest.mark.parametrize(("version", "limit"), [("v1", 1000), ("v2", 50_000)])
@pytest.mark.asyncio
async def test_namespaces_per_index_limit(tmp_path: Path, version: str, limit: int) -> None:
    from binding_helpers import make_binding_in

    idx = make_binding_in(tmp_path, dimensions=1, version=version)
    if version == "v2":  # 50,000 namespaces is big data; pin the v1 figure exactly, v2's edge only
        limit = idx.index.limits.max_namespaces
        assert limit == 50_000
        return
    vectors = [{"id": str(i), "values": [1.0], "namespace": f"ns{i}"} for i in range(limit)]
    for start in range(0, limit, 1000):
        await idx.upsert(vectors[start : start + 1000])
    with pytest.raises(VectorizeError, match=f"too many namespaces; max is {limit} per index, this write would make {limit + 1}"):
        await idx.upsert([{"id": "x", "values": [1.0], "namespace": "one-more"}])
    await idx.upsert([{"id": "y", "values": [1.0], "namespace": "ns0"}])  # an existing namespace is fine
    assert (await idx.describe())["vectorsCount"] == limit + 1


@pytest.mark.asyncio
async def test_worker_v1_namespace_limit(tmp_path: Path) -> None:
    root = write_project(tmp_path)
    (root / "pyproject.toml").write_text('[tool.workers-env.indexes."idx"]\ndimensions = 1\nmetric = "cosine"\n')
    (root / "src" / "entry.py").write_text(
        "from workers import Response, WorkerEntrypoint\n\n"
        "class Default(WorkerEntrypoint):\n"
        "    async def fetch(self, request):\n"
        "        vs = [{'id': str(i), 'values': [1.0], 'namespace': f'n{i}'} for i in range(1001)]\n"
        "        await self.env.VEC.upsert(vs[:1000])\n"
        "        try:\n"
        "            await self.env.VEC.upsert(vs[1000:])\n"
        "        except Exception as exc:\n"
        "            return Response(str(exc))\n"
        "        return Response('accepted')\n"
    )
    text = await (await load_worker(root).fetch("/")).text()
    assert text == "Error: VECTOR_UPSERT_ERROR: too many namespaces; max is 1000 per index, this write would make 1001"


@pytest.mark.asyncio
async def test_numpy_scalars_in_a_values_list_fail_as_pyodide_sends_them(tmp_path: Path) -> None:
    import numpy as np

    vec = load_env(write_project(tmp_path)).VEC
    # list(np_int64_array) holds np.int64 scalars: each is a one-item BigInt64Array in JavaScript
    with pytest.raises(JsException, match="^TypeError: Do not know how to serialize a BigInt$"):
        await vec.upsert([{"id": "a", "values": list(np.array([1, 0, 0], dtype=np.int64))}])
    with pytest.raises(Exception, match="^Conversion from python to javascript failed$") as raised:
        await vec.upsert([{"id": "a", "values": [np.float16(1), 0.0, 0.0]}])
    assert str(raised.value.__cause__) == "Error: Javascript has no Float16 support."
    with pytest.raises(VectorizeError) as info:  # a float32 scalar is a Float32Array: not a number
        await vec.upsert([{"id": "a", "values": [np.float32(1), 0.0, 0.0]}])
    assert info.value.code == 40023 and "found float32" in str(info.value)
    assert (await vec.describe())["vectorCount"] == 0
