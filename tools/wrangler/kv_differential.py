"""Differential check of workers-env's KV against the real thing (outside the test run).

1. Binding: the same operations run on Miniflare's KV binding inside workerd (what `wrangler
   dev` gives a Worker; ``kv_ops.js`` runs them in the Worker itself) and on ``load_env(...).KV``;
   results and error texts must be equal, limits on both sides included. JavaScript objects
   (streams, typed arrays, a Blob) reach ours as the plain data the runtime hands the binding.
   1b: ``kv_edge_cases.py``'s edge cases, on a namespace of their own (``--edge-only`` runs just
   those); a list cursor Miniflare reads leniently and we refuse is a known difference.
   The built-in SDK era's Worker code is run too (``BUILTIN_OPS``): there Pyodide sends a
   ``None`` option as ``undefined`` (``{"$undefined": true}`` on workerd's side).
2. Shared state: workerd writes, we read; we write, workerd reads (same persist folder).
3. CLI: ``wrangler kv key|bulk ... --local`` and ``workers-env kv ...`` on one state folder,
   each reading what the other wrote; output lines compared (wrangler's banner stripped).
4. CLI bulk get/delete: each case run by both on two copies of one seeded state (seeded by
   wrangler for one case, by us for the next); stdout and stderr compared line by line
   (banner, "open beta" notice and bug-report pointers stripped) and the states after it.

    WORKERS_ENV_WRANGLER_DIR=/work/wt/wrangler python3 tools/wrangler/kv_differential.py [--bulk-only | --edge-only]
"""

from __future__ import annotations

import asyncio
import decimal
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))  # kv_edge_cases

from workers_env import JsException, load_env
from workers_env._jsvalues import BigInt, ByteStream, JsMapResult, JsTypedArray

MiB25 = 25 * 1024 * 1024

OPS: list[list] = [
    ["put", "text", "héllo"],
    ["get", "text"], ["get", "text", "text"], ["get", "text", {"type": "arrayBuffer"}], ["get", "text", "stream"],
    ["get", "missing"], ["get", "missing", "json"], ["get", "missing", "blob"], ["get", "text", "blob"],
    ["put", "doc", '{"a": [1, 2.5, null], "b": {"c": true}}', {"metadata": {"m": 1}}],
    ["get", "doc", "json"], ["getWithMetadata", "doc", "json"], ["getWithMetadata", "missing"],
    ["get", "text", "json"], ["put", "empty", ""], ["get", "empty", "json"], ["get", "empty"],
    ["put", "bytes", {"$bytes": "00ff10"}], ["get", "bytes", "arrayBuffer"],
    ["put", "num", 42], ["get", "num"], ["put", "bool", True], ["get", "bool"], ["put", "nul", None], ["get", "nul"],
    ["put", "obj", {"a": 1}],
    # keys
    ["put", "k" * 512, "v"], ["put", "k" * 513, "v"], ["put", "é" * 256, "v"], ["put", "é" * 256 + "k", "v"],
    ["get", "k" * 513], ["delete", "k" * 513], ["put", "", "v"], ["get", "."], ["delete", ".."], ["put", "...", "v"],
    # values and metadata
    ["put", "max", {"$repeat": ["x", MiB25]}], ["put", "over", {"$repeat": ["x", MiB25 + 1]}],
    ["put", "meta", "v", {"metadata": {"m": "x" * 1016}}], ["put", "meta", "v", {"metadata": {"m": "x" * 1017}}],
    ["put", "meta2", "v", {"metadata": None}],
    # expiry
    ["put", "ttl", "v", {"expirationTtl": 60}], ["put", "ttl", "v", {"expirationTtl": 59}],
    ["put", "ttl", "v", {"expirationTtl": 0}], ["put", "ttl", "v", {"expirationTtl": -1}],
    ["put", "exp", "v", {"expiration": {"$now_plus": 61}}], ["put", "exp", "v", {"expiration": {"$now_plus": 58}}],
    ["put", "exp", "v", {"expiration": {"$now_plus": -10}}], ["put", "exp", "v", {"expiration": 2000000000, "expirationTtl": 120}],
    ["put", "exp", "v", {"expiration": 4000000000}], ["put", "exp", "v", {"expirationTtl": 2147483648}],
    ["put", "exp", "v", {"expirationTtl": "120"}], ["put", "exp", "v", {"expirationTtl": True}], ["put", "exp", "v", {"expirationTtl": 60.9}],
    ["list", {"limit": "1"}], ["put", "ttl", "v", {"expirationTtl": {}}],
    ["get", "text", {"cacheTtl": 30}], ["get", "text", {"cacheTtl": 29}],
    # bulk
    ["get", ["text", "missing", "doc"]], ["get", ["doc", "missing"], "json"], ["get", ["text"], "json"],
    ["get", ["text"], "arrayBuffer"], ["getWithMetadata", ["doc", "missing"], "json"], ["get", []],
    ["get", ["text"], {"cacheTtl": 30}], ["get", ["text", "doc"], {"cacheTtl": 29}],
    ["getWithMetadata", "doc", {"cacheTtl": 29}], ["getWithMetadata", ["doc"], {"type": "json", "cacheTtl": 29}],
    ["get", ["k" * 512]], ["get", ["text", "k" * 513]], ["get", ["é" * 256 + "k"]],
    ["get", [f"b{i}" for i in range(100)]], ["get", [f"b{i}" for i in range(101)]], ["get", ["ok", ""]], ["get", ["."]],
    # list
    ["list"], ["list", {"limit": 2}], ["list", {"limit": 2, "cursor": "Ym9vbA=="}], ["list", {"prefix": "t"}],
    ["list", {"limit": 1000}], ["list", {"limit": 1001}], ["list", {"limit": 0, "prefix": "m"}],
    ["list", {"prefix": "p" * 512}], ["list", {"prefix": "p" * 513}],
    ["delete", "text"], ["get", "text"], ["delete", "never"],
    # numbers and keys as JavaScript converts them (ToNumber, ToString)
    ["put", "num2", "v", {"expirationTtl": "1_000"}], ["put", "num2", "v", {"expirationTtl": "\u0661\u0662\u0660"}],
    ["put", "num2", "v", {"expirationTtl": ["120"]}], ["put", "num2", "v", {"expirationTtl": [[]]}],
    ["put", "num2", "v", {"expirationTtl": " 0x78 "}], ["put", "num2", "v", {"expirationTtl": "-0x78"}],
    ["put", "num2", "v", {"expirationTtl": {"$bigint": "120"}}], ["list", {"limit": {"$bigint": "1"}}],
    ["list", {"limit": "1e0"}], ["list", {"limit": "Infinity"}],
    ["get", {"k": 1}], ["getWithMetadata", {"k": 1}], ["put", {"k": 1}, "v"], ["get", "[object Object]"],
    ["delete", {"k": 1}], ["list", {"prefix": ["p", "q"]}], ["get", "num", {"type": ["text"]}],
    ["put", ["a", "b"], "x"], ["get", "a,b"], ["get", [["a", "b"]]], ["get", ["a,b", None]],
    ["get", {"$bytes": "6b"}], ["put", {"$bytes": "6b"}, "bytes key"], ["get", "107"],
    ["get", "num", ["arrayBuffer"]], ["put", "n", "v", ["x"]], ["list", ["x"]], ["list", "abc"], ["put", "n", "v", "abc"],
    # missing arguments are undefined: refused with the type JSG wanted (get() and getWithMetadata()
    # throw before the promise: kv_edge_cases.py has them)
    ["put"], ["put", "k"], ["delete"], ["delete", "num", "extra"],
    # None is JavaScript's null here (load_env's env of the external SDK era, as that SDK's
    # python_to_rpc sends it): JSG reads a null int as 0 and a null string as "null"
    ["put", "nn", "v", {"expirationTtl": None}], ["put", "nn", "v", {"expiration": None}],
    ["put", "nn", "v", {"expiration": None, "expirationTtl": None, "metadata": None}],
    ["put", "nn", "v", {"expirationTtl": None, "expiration": 2000000000}],
    ["put", "nn", "v", {"expirationTtl": 120, "expiration": None}], ["put", "nn2", "v", None],
    ["get", "nn2", None], ["get", "nn2", {"type": None}], ["get", "missing", {"type": None}],
    ["get", "nn2", {"cacheTtl": None}], ["get", "nn2", {"type": None, "cacheTtl": None}],
    ["getWithMetadata", "nn2", None], ["getWithMetadata", "nn2", {"type": None}],
    ["getWithMetadata", "nn2", {"cacheTtl": None}], ["get", ["nn2"], None], ["get", ["nn2"], {"type": None}],
    ["get", ["nn2"], {"cacheTtl": None}], ["getWithMetadata", ["nn2"], {"type": None}],
    ["list", None], ["list", {"prefix": None, "limit": None, "cursor": None}], ["list", {"limit": None, "prefix": "n"}],
    # JSG unwraps put's parameters in order before put() checks the key; Number() of radix literals
    ["put", ""], ["put", "", "v", "abc"], ["put", "", "v", {"expirationTtl": {"$bigint": "5"}}],
    ["put", "k", "v", {"expirationTtl": "0x" + "f" * 300}], ["put", "k", "v", {"expirationTtl": "0xfffffffffffffffffff"}],
    ["list", {"limit": "0b" + "1" * 1100}], ["put", "k", "v", {"expirationTtl": "0b1111000"}],
    ["put", "k", "v", {"expirationTtl": "\u00a0 120\u2028"}], ["put", "k", "v", {"expirationTtl": "\u180e120"}],
    ["put", "k", "v", {"expirationTtl": "+.5e2"}], ["put", "k", "v", {"expirationTtl": "infinity"}],
    ["put", "k", "v", {"expirationTtl": [[120]]}], ["put", "k", "v", {"expirationTtl": [True]}],
    # bulk getWithMetadata of falsy values (Miniflare keeps their metadata since 2026-07, workers-sdk
    # #14784) and of JSON null, which Miniflare 5.20261117 (wrangler 4.164.0) answers bare, without
    # {value, metadata}, and 5.20261201 and workers-env wrap (a known difference: json_null_wrapped)
    ["put", "jnull", "null", {"metadata": {"m": 1}}], ["put", "jzero", "0", {"metadata": {"m": 2}}],
    ["put", "jfalse", "false", {"metadata": {"m": 3}}], ["put", "jempty", "", {"metadata": {"m": 4}}],
    ["put", "jnometa", "null"],
    ["getWithMetadata", ["jnull", "jzero", "jfalse", "jnometa", "missing"], "json"],
    ["getWithMetadata", ["jempty", "jnull", "jzero"]], ["getWithMetadata", ["jempty"], "json"],
    ["get", ["jnull", "jzero"], "json"], ["getWithMetadata", "jnull", "json"], ["getWithMetadata", "jempty"],
    # bulk reads of mixed kinds: JSON of every type, text, bytes that are not UTF-8, numbers and
    # booleans put as JavaScript prints them, metadata of several kinds
    ["put", "marr", "[1,\"a\",null]", {"metadata": [1, 2]}], ["put", "mstr", "\"s\"", {"metadata": "m"}],
    ["put", "mtrue", "true", {"metadata": True}], ["put", "mnum", 1.5], ["put", "mbool", False, {"metadata": 0}],
    ["put", "mbin", {"$bytes": "00ff10"}, {"metadata": None}], ["put", "mtext", "plain", {"metadata": {"z": {"y": [None]}}}],
    ["get", ["marr", "mstr", "mtrue", "mnum", "mbool", "jnull", "doc", "missing"], "json"],
    ["getWithMetadata", ["marr", "mstr", "mtrue", "mnum", "mbool", "jnull", "doc", "missing"], "json"],
    ["getWithMetadata", ["marr", "mbin", "mtext", "mnum", "mbool", "jempty", "missing"]],
    ["get", ["marr", "mbin", "mtext"], "text"], ["get", ["mtext", "marr"], "json"], ["get", ["mbin"], "json"],
    ["getWithMetadata", ["marr", "mtext"], "json"], ["getWithMetadata", ["mbin", "mnum"], {"type": "text", "cacheTtl": 60}],
]

# The built-in SDK era: Pyodide sends a Python None as undefined, so each of these options
# ({"$undefined": true}, undefined in kv_ops.js) is absent. Ours runs them as that era's Worker
# code writes them: options as keyword arguments holding None (a trailing None for "$undefined"
# as the whole options), keys lists through to_js; a "$undefined" key or value is None.
BUILTIN_OPS: list[list] = [
    ["put", "text", "héllo"],
    ["put", "u", "v", {"expirationTtl": {"$undefined": True}}], ["put", "u", "v", {"expiration": {"$undefined": True}}],
    ["put", "u", "v", {"expiration": {"$undefined": True}, "expirationTtl": {"$undefined": True},
                       "metadata": {"$undefined": True}}],
    ["put", "u", "v", {"expirationTtl": {"$undefined": True}, "expiration": 2000000000}],
    ["put", "u2", "v", {"$undefined": True}], ["getWithMetadata", "u"],
    ["get", "text", {"type": {"$undefined": True}}], ["get", "text", {"cacheTtl": {"$undefined": True}}],
    ["get", "text", {"$undefined": True}], ["getWithMetadata", "text", {"type": {"$undefined": True}}],
    ["get", ["text", "u"], {"type": {"$undefined": True}, "cacheTtl": {"$undefined": True}}],
    ["list", {"prefix": {"$undefined": True}, "limit": {"$undefined": True}, "cursor": {"$undefined": True}}],
    # a present undefined where JSG reads a string (a key, put's value, a key list's item): "undefined"
    ["put", {"$undefined": True}, "v-undef"], ["get", {"$undefined": True}], ["getWithMetadata", {"$undefined": True}],
    ["get", "undefined"], ["put", "k-undef", {"$undefined": True}], ["get", "k-undef"],
    ["get", ["k-undef", {"$undefined": True}, "text"]], ["getWithMetadata", [{"$undefined": True}]],
    ["delete", {"$undefined": True}], ["get", "undefined"], ["list"],
]


def decode(value, now, state=None):
    """An operation's arguments as Python values (``kv_edge_cases.py`` lists the markers); JavaScript
    objects as the plain data the binding receives once the SDK and runtime converted them."""
    state = {} if state is None else state
    if isinstance(value, dict):
        if "$repeat" in value:
            return value["$repeat"][0] * value["$repeat"][1]
        if "$repeat_bytes" in value:
            return bytes.fromhex(value["$repeat_bytes"][0]) * value["$repeat_bytes"][1]
        if "$bytes" in value:
            return bytes.fromhex(value["$bytes"])
        if "$now_plus" in value:
            return now + value["$now_plus"]
        if "$bigint" in value:
            return BigInt(int(value["$bigint"]))  # what Pyodide makes of an int past 2**53
        if "$num" in value:
            return float(value["$num"])
        if "$typed" in value:
            return JsTypedArray(*value["$typed"])
        if "$arraybuffer" in value or "$dataview" in value:  # to_plain: an ArrayBuffer's or DataView's bytes
            return bytes.fromhex(value.get("$arraybuffer", value.get("$dataview")))
        if "$u8view" in value:
            data, offset, length = value["$u8view"]
            return JsTypedArray("Uint8Array", list(bytes.fromhex(data)[offset:offset + length]))
        if "$stream" in value:
            return ByteStream([c.encode() if isinstance(c, str) else decode(c, now) for c in value["$stream"]])
        if "$response" in value:
            return ByteStream([bytes.fromhex(value["$response"])])
        if "$blob" in value:
            from workers_env import js

            return js.Blob.new([value["$blob"]])
        out = {}
        for k, v in value.items():
            if isinstance(v, dict) and "$last_cursor" in v:
                if state.get("cursor") is not None:
                    out[k] = state["cursor"]
                continue
            out[k] = decode(v, now, state)
        return out
    if isinstance(value, list):
        return [decode(v, now, state) for v in value]
    return value


LONG = 4096  # a result string or byte string this long is compared by length and digest


def long_form(data: bytes, length: int):
    return {"$long": [length, hashlib.sha256(data).hexdigest()[:16]]}


def shape(value):
    if isinstance(value, JsMapResult):
        return {"$map": {k: shape(v) for k, v in value.items()}}
    if isinstance(value, memoryview):
        data = value.tobytes()
        return long_form(data, len(data)) if len(data) >= LONG else {"$bytes": data.hex()}
    if isinstance(value, ByteStream):
        data = value.read()
        return long_form(data, len(data)) if len(data) >= LONG else {"$stream": data.hex()}
    if isinstance(value, str) and len(value) >= LONG:
        return long_form(value.encode("utf-8", "surrogatepass"), len(value.encode("utf-16-le", "surrogatepass")) // 2)
    if isinstance(value, dict):
        return {k: shape(v) for k, v in value.items()}
    if isinstance(value, list):
        return [shape(v) for v in value]
    if isinstance(value, float) and value.is_integer() and 2**53 <= abs(value) < 1e21:
        return int(decimal.Decimal(repr(value)))  # JSON.stringify writes 1.2345678901234568e20 as 123456789012345680000
    return {"$undefined": True} if value is None else value


def normalise(result):
    """Expirations from expirationTtl depend on the second the put ran: keep them as present."""
    text = json.dumps(result, sort_keys=False)
    text = re.sub(r"Invalid expiration of 1\d{9}", "Invalid expiration of <now+n>", text)  # each side's own now
    return re.sub(r'"expiration": 1\d{9}', '"expiration": "<now+ttl>"', text)


def ours(ops, persist_to: Path, namespace_id: str):
    root = persist_to.parent / "ours-config"
    root.mkdir(exist_ok=True)
    (root / "wrangler.toml").write_text(f'[[kv_namespaces]]\nbinding = "KV"\nid = "{namespace_id}"\n')
    results = []
    state: dict = {}  # the latest list's cursor

    with load_env(root, persist_to=persist_to) as env:
        for method, *args in ops:
            try:
                value = asyncio.run(getattr(env.KV, method)(*decode(args, int(time.time()), state)))
                if method == "list" and isinstance(value, dict):
                    state["cursor"] = value.get("cursor")
                results.append({"ok": shape(value)})
            except JsException as exc:
                results.append({"error": f"{exc.name}: {exc.message}"})
    return results


def ours_builtin(ops, persist_to: Path, namespace_id: str):
    """``ops`` through load_env's env of the built-in SDK era (the raw JavaScript binding, as a
    Worker dated before 2026-04-21 gets it): an options dict as keyword arguments, ``$undefined``
    as ``None``; results back to plain Python for the comparison."""
    from workers_env import to_js

    root = persist_to.parent / "ours-builtin-config"
    root.mkdir(exist_ok=True)
    (root / "wrangler.toml").write_text(
        f'compatibility_date = "2025-11-01"\n[[kv_namespaces]]\nbinding = "KV"\nid = "{namespace_id}"\n')

    def none(value):
        if isinstance(value, dict):
            return None if value.get("$undefined") else {k: none(v) for k, v in value.items()}
        return [none(v) for v in value] if isinstance(value, list) else value

    def plain(value):
        if getattr(getattr(value, "constructor", None), "name", None) == "Map":
            return JsMapResult({k: v for k, v in value.to_py().items()})
        value = value.to_py() if hasattr(value, "to_py") else value
        return None if type(value).__name__ == "JsNull" else value

    results = []
    with load_env(root, persist_to=persist_to) as env:
        for method, *args in ops:
            args = none(args)
            kwargs = {}
            if args and isinstance(args[-1], dict) and method != "put" or method == "put" and len(args) == 3:
                kwargs = args.pop() or {}
                if not kwargs:
                    args.append(None)  # the whole options None: undefined, as Pyodide sends it
            args = [to_js(a) if isinstance(a, list) else a for a in args]
            try:
                value = asyncio.run(getattr(env.KV, method)(*args, **kwargs))
                results.append({"ok": shape(plain(value))})
            except JsException as exc:
                results.append({"error": f"{exc.name}: {exc.message}"})
    return results


def check_builtin_era(tmp: Path) -> tuple[int, int]:
    a = theirs(BUILTIN_OPS, tmp / "theirs-builtin", "diff-builtin")
    b = ours_builtin(BUILTIN_OPS, tmp / "ours-builtin", "diff-builtin")
    same = 0
    for op, x, y in zip(BUILTIN_OPS, a, b):
        nx, ny = normalise(js_null_as_none(x)), normalise(js_null_as_none(y))
        if nx == ny:
            same += 1
        else:
            print(f"BUILT-IN ERA DIFF {json.dumps(op)[:100]}\n  workerd: {nx[:300]}\n  ours:    {ny[:300]}")
    return same, len(BUILTIN_OPS)


def theirs(ops, persist_to: Path, namespace_id: str):
    ops_file = persist_to.parent / "ops.json"
    ops_file.write_text(json.dumps(ops))
    proc = subprocess.run([str(HERE / "node"), str(HERE / "kv_ops.js"), str(ops_file), str(persist_to / "v3"), namespace_id],
                          capture_output=True, text=True, timeout=300)
    if proc.returncode:
        raise SystemExit(proc.stderr)
    return json.loads(proc.stdout)


def js_null_as_none(result):
    """JS null and Python None both print as null; ours reports None for null, workerd null."""
    return json.loads(json.dumps(result).replace('{"$undefined": true}', "null"))


def json_null_wrapped(op, theirs_result, ours_result) -> bool:
    """Whether a bulk ``getWithMetadata`` differs only where Miniflare answers a present key holding
    JSON null bare (``null``, 5.20261117's ``val !== null``) and workers-env ``{value: null,
    metadata}``, as Miniflare 5.20261201 does (``obj !== null``; README "Where we had to choose")."""
    if op[0] != "getWithMetadata" or not isinstance(op[1], list):
        return False
    x, y = js_null_as_none(theirs_result).get("ok"), js_null_as_none(ours_result).get("ok")
    if not (isinstance(x, dict) and isinstance(y, dict) and "$map" in x and "$map" in y):
        return False
    mx, my = x["$map"], y["$map"]
    if list(mx) != list(my):
        return False
    wrapped = [k for k in mx if mx[k] is None and isinstance(my[k], dict) and my[k].get("value") is None]
    return bool(wrapped) and all(mx[k] == my[k] for k in mx if k not in wrapped)


def check_binding(tmp: Path) -> tuple[int, int, list[str]]:
    a = theirs(OPS, tmp / "theirs", "diff")
    b = ours(OPS, tmp / "ours", "diff")
    same = 0
    notes = []
    for op, x, y in zip(OPS, a, b):
        nx, ny = normalise(js_null_as_none(x)), normalise(js_null_as_none(y))
        if nx == ny:
            same += 1
        elif json_null_wrapped(op, x, y):
            notes.append(f"{json.dumps(op)[:100]}: a stored JSON null, bare in workerd's answer (Miniflare "
                         "5.20261117), {value, metadata} in ours (Miniflare 5.20261201)")
        else:
            short = json.dumps(op)[:100]
            print(f"DIFF {short}\n  workerd: {nx[:300]}\n  ours:    {ny[:300]}")
    return same, len(OPS) - len(notes), notes


def check_edge(tmp: Path) -> tuple[int, int, list[str]]:
    """``kv_edge_cases.py``'s operations, on a namespace of their own: (identical, total, notes on
    the known deliberate differences, README "Where we had to choose")."""
    from kv_edge_cases import EDGE_OPS

    a = theirs(EDGE_OPS, tmp / "theirs-edge", "diff-edge")
    b = ours(EDGE_OPS, tmp / "ours-edge", "diff-edge")
    same = 0
    notes = []
    for op, x, y in zip(EDGE_OPS, a, b):
        nx, ny = normalise(js_null_as_none(x)), normalise(js_null_as_none(y))
        if nx == ny:
            same += 1
        elif op[0] == "list" and isinstance(op[-1], dict) and isinstance(op[-1].get("cursor"), str) and "ok" in x and "Invalid cursor" in y.get("error", ""):
            notes.append(f"list cursor {op[-1]['cursor']!r}: Miniflare reads it as lenient base64, we refuse it")
        else:
            print(f"EDGE DIFF {json.dumps(op)[:160]}\n  workerd: {nx[:400]}\n  ours:    {ny[:400]}")
    return same, len(EDGE_OPS) - len(notes), notes


def check_shared_state(tmp: Path) -> list[str]:
    state = tmp / "shared"
    problems = []
    theirs([["put", "from-workerd", "w", {"metadata": {"by": "workerd"}, "expiration": 2000000000}],
            ["put", "bin", {"$bytes": "00010203ff"}]], state, "shared-ns")
    got = ours([["getWithMetadata", "from-workerd"], ["get", "bin", "arrayBuffer"], ["list"]], state, "shared-ns")
    want = [{"ok": {"value": "w", "metadata": {"by": "workerd"}, "cacheStatus": {"$undefined": True}}},
            {"ok": {"$bytes": "00010203ff"}},
            {"ok": {"keys": [{"name": "bin"}, {"name": "from-workerd", "expiration": 2000000000, "metadata": {"by": "workerd"}}],
                    "list_complete": True, "cacheStatus": {"$undefined": True}}}]
    if got != want:
        problems.append(f"we read workerd's state as {got}")
    ours([["put", "from-us", "u", {"metadata": {"by": "us"}}], ["delete", "bin"]], state, "shared-ns")
    back = theirs([["getWithMetadata", "from-us"], ["get", "bin"], ["list"]], state, "shared-ns")
    want_back = [{"ok": {"value": "u", "metadata": {"by": "us"}, "cacheStatus": None}}, {"ok": None},
                 {"ok": {"keys": [{"name": "from-us", "metadata": {"by": "us"}},
                                  {"name": "from-workerd", "expiration": 2000000000, "metadata": {"by": "workerd"}}],
                         "list_complete": True, "cacheStatus": None}}]
    if back != want_back:
        problems.append(f"workerd read our state as {back}")
    return problems


def strip_banner(text: str) -> str:
    lines = text.splitlines()
    keep = [l for l in lines if not (l.startswith(" ⛅️ wrangler") or set(l) <= {"─"} and l or l.startswith("Resource location")
                                       or l.startswith("Use --remote") or l.startswith("🪵") or "create an issue" in l)]
    return re.sub(r"\x1b\[[0-9;]*m", "", "\n".join(keep)).strip()


def check_cli(tmp: Path) -> tuple[int, int]:
    app = tmp / "cli"
    app.mkdir()
    (app / "wrangler.toml").write_text('name = "kvcli"\n[[kv_namespaces]]\nbinding = "MY_KV"\nid = "abc123"\n')
    (app / "bulk.json").write_text(json.dumps([{"key": "b1", "value": "1"}, {"key": "b2", "value": "aGk=", "base64": True,
                                                "metadata": {"x": 1}}, {"key": "b3", "value": "3", "extra": 1}]))
    (app / "badbulk.json").write_text(json.dumps([{"key": "b1", "value": "1"}, {"key": "c"}]))
    (app / "ordbulk.json").write_text('[{"key": "x", "value": "1", "z": 1, "2": 1}, {"b": 1, "1": 2, "c": 1e-7},'
                                      ' {"key": "y", "value": "2", "q": 1e400}]')  # JS key order, JS numbers
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    wrangler = [str(HERE / "wrangler"), "kv"]
    ours_cmd = [sys.executable, "-m", "workers_env", "kv"]
    # each step: (who writes, command); then both read back
    steps = [
        ["key", "put", "greeting", "hello world", "--binding", "MY_KV", "--local"],
        ["key", "put", "meta", "v", "--binding", "MY_KV", "--local", "--metadata", '{"a":1}', "--ttl", "600"],
        ["key", "put", "bad", "v", "--binding", "MY_KV", "--local", "--ttl", "30"],
        ["key", "put", ".", "v", "--binding", "MY_KV", "--local"],
        ["key", "put", "k", "v", "--binding", "NOPE", "--local"],
        ["bulk", "put", "bulk.json", "--binding", "MY_KV", "--local"],
        ["bulk", "put", "badbulk.json", "--binding", "MY_KV", "--local"],
        ["bulk", "put", "ordbulk.json", "--binding", "MY_KV", "--local"],
        ["bulk", "put", "bulk.json", "--local"],  # neither --binding nor --namespace-id: binding "undefined"
        ["key", "delete", "b1", "--local"],
        ["key", "get", "greeting", "--binding", "MY_KV", "--local"],
        ["key", "get", "greeting", "--binding", "MY_KV", "--local", "--text"],
        ["key", "get", "nope", "--binding", "MY_KV", "--local"],
        ["key", "list", "--binding", "MY_KV", "--local"],
        ["key", "list", "--binding", "MY_KV", "--local", "--prefix", "b"],
        ["key", "delete", "greeting", "--binding", "MY_KV", "--local"],
        ["key", "list", "--binding", "MY_KV", "--local"],
    ]
    same = 0
    for who_writes in ("wrangler", "ours"):
        state = app / ".wrangler"
        subprocess.run(["rm", "-rf", str(state)], check=True)
        for i, step in enumerate(steps):
            runner = wrangler if (i % 2 == 0) == (who_writes == "wrangler") else ours_cmd  # alternate who acts
            other = ours_cmd if runner is wrangler else wrangler
            a = subprocess.run(runner + step, cwd=app, capture_output=True, text=True, env=env, timeout=120)
            out_a = strip_banner(a.stdout + a.stderr)
            if step[1] in ("get", "list"):
                b = subprocess.run(other + step, cwd=app, capture_output=True, text=True, env=env, timeout=120)
                out_b = strip_banner(b.stdout + b.stderr)
                if (out_a, a.returncode) == (out_b, b.returncode):
                    same += 1
                else:
                    print(f"CLI DIFF {' '.join(step)}\n  {runner[0].split('/')[-1]}: {out_a!r} ({a.returncode})\n  other: {out_b!r} ({b.returncode})")
            else:
                # compare by replaying the failing/succeeding write on a scratch copy is not possible
                # for writes; compare the message against the other tool on a throwaway state
                scratch = app.parent / f"scratch-{who_writes}-{i}"
                subprocess.run(["cp", "-r", str(app), str(scratch)], check=True)
                b = subprocess.run(other + step, cwd=scratch, capture_output=True, text=True, env=env, timeout=120)
                out_b = strip_banner(b.stdout + b.stderr)
                if (out_a, a.returncode) == (out_b, b.returncode):
                    same += 1
                else:
                    print(f"CLI DIFF {' '.join(step)}\n  {runner[-1]}: {out_a!r} ({a.returncode})\n  other: {out_b!r} ({b.returncode})")
    return same, 2 * len(steps)


BULK_SEED = [  # written by `kv bulk put` (base64 where the bytes are not text)
    {"key": "text", "value": "héllo"},
    {"key": "meta", "value": "v", "metadata": {"m": 1, "nested": {"b": [1, 2.5]}}},
    {"key": "far", "value": "f", "expiration": 2000000000, "metadata": {"x": "y"}},
    {"key": "bin", "value": "AP+AwyjwnpgAZQ==", "base64": True},  # 00 ff 80 c3 28 f0 9f 98 00 65
    {"key": "surrogate", "value": "7aCAZWQ=", "base64": True},  # an encoded surrogate, then "ed"
    {"key": "bom", "value": "77u/Ym9t", "base64": True},  # a UTF-8 BOM, then "bom"
    {"key": "empty", "value": ""},
    {"key": "10", "value": "ten"}, {"key": "2", "value": "two"}, {"key": "__proto__", "value": "p"},
    {"key": "é" * 256, "value": "512 bytes"},
]
_LONG = "k" * 513
# (name, file content (str: written as UTF-8; bytes: as is; None: no file), argv after `kv`)
BULK_CASES: list[tuple[str, str | bytes | None, list[str]]] = [
    ("get: names and {name} objects, repeats, missing", json.dumps(
        ["text", {"name": "meta", "other": 1}, "missing", "text", "far", "empty"]), []),
    ("get: binary, surrogate bytes, BOM", json.dumps(["bin", "surrogate", "bom"]), []),
    ("get: index-like and __proto__ keys", json.dumps(["text", "10", "2", "__proto__", "-1", "01", "4294967294", "4294967295"]), []),
    ("get: 512-byte key", json.dumps(["é" * 256]), []),
    ("get: empty array", "[]", []),
    ("get: not JSON", "not json", []),
    ("get: trailing comma", '["text",]', []),
    ("get: not an array (object)", '{"keys": ["text"]}', []),
    ("get: not an array (string)", json.dumps("line1\nline2 \ud800"), []),
    ("get: not an array (empty string)", '""', []),
    ("get: not an array (number)", "1e21", []),
    ("get: not an array (null)", "null", []),
    ("get: wrong item types", '[1, null, true, {"name": 5}, [1], {"x": 1}, 1e400, {"b": 1, "1": 2}, "ok", -0]', []),
    ("get: key over 512 bytes", json.dumps(["text", _LONG]), []),
    ("get: 257 two-byte chars (514 bytes)", json.dumps(["é" * 257]), []),
    ("get: empty key", json.dumps(["text", ""]), []),
    ("get: dot key", json.dumps([".."]), []),
    ("get: lone surrogates escaped", r'["\ud800x", "a\udc00", "\ud83d\ude00"]', []),
    ("get: file not UTF-8", b'["\xed\xa0\x80x", "bin\xff"]', []),
    ("get: UTF-8 BOM file, {name} with extra keys", "\ufeff" + json.dumps([{"name": "text", "metadata": 1}]), []),
    ("get: missing file", None, []),
    ("get: --namespace-id", json.dumps(["text"]), ["--namespace-id", "abc123"]),
    ("get: --namespace-id not in the config", json.dumps(["text"]), ["--namespace-id", "unseen"]),
    ("get: --preview without preview_id", json.dumps(["text"]), ["--preview"]),
    ("get: --preview false", json.dumps(["text"]), ["--preview", "false"]),
    ("get: neither --binding nor --namespace-id", json.dumps(["text"]), ["--no-binding"]),
    ("get: both --binding and --namespace-id", json.dumps(["text"]), ["--binding", "MY_KV", "--namespace-id", "other"]),
    ("get: unknown binding", json.dumps(["text"]), ["--binding", "NOPE"]),
    ("get: --persist-to elsewhere", json.dumps(["text"]), ["--persist-to", "elsewhere"]),
    ("delete: names, {name} objects, missing key (--force)", json.dumps(["text", {"name": "meta", "value": "x"}, "missing", "text"]), ["--force"]),
    ("delete: confirmation when not interactive", json.dumps(["bin", "far"]), []),
    ("delete: -f", json.dumps(["10", "__proto__", "é" * 256]), ["-f"]),
    ("delete: --force false", json.dumps(["empty"]), ["--force", "false"]),
    ("delete: empty array", "[]", ["--force"]),
    ("delete: not JSON", "not json", []),
    ("delete: not an array", '{"name": "text"}', ["--force"]),
    ("delete: not an array (true)", "true", ["--force"]),
    ("delete: wrong item types after good ones", '["text", "meta", 5, {"key": "bin"}, null]', ["--force"]),
    ("delete: empty key", json.dumps([""]), ["--force"]),
    ("delete: dot key", json.dumps(["."]), ["--force"]),
    ("delete: key over 512 bytes alone", json.dumps([_LONG]), ["--force"]),
    ("delete: missing file, no --force", None, []),
    ("delete: UTF-16 BOM file", "﻿".encode("utf-16-le") + '["text"]'.encode("utf-16-le"), ["--force"]),
    ("delete: --namespace-id", json.dumps(["text"]), ["--namespace-id", "abc123", "--force"]),
    ("delete: --namespace-id, confirmation", json.dumps(["text"]), ["--namespace-id", "abc123"]),
    ("delete: both --binding and --namespace-id", json.dumps(["text"]), ["--binding", "MY_KV", "--namespace-id", "abc123", "-f"]),
    ("delete: --preview without preview_id", json.dumps(["text"]), ["--preview", "-f"]),
    ("delete: --config elsewhere", json.dumps(["text"]), ["--config", "wrangler.toml", "-f"]),
    ("delete: neither --binding nor --namespace-id", json.dumps(["text"]), ["--no-binding", "--force"]),
    ("delete: unknown binding", json.dumps(["text"]), ["--binding", "NOPE"]),
    ("delete: --persist-to elsewhere", json.dumps(["text"]), ["--persist-to", "elsewhere", "--force"]),
]
# wrangler's local mode deletes the keys before a bad one; we refuse the whole file (README)
BULK_DELETE_ATOMIC = [
    ("delete: key over 512 bytes after good keys", json.dumps(["text", "meta", _LONG]), ["--force"]),
    ("delete: empty key after a good key", json.dumps(["bin", ""]), ["--force"]),
]


def strip_bulk(text: str) -> list[str]:
    """One stream's lines without wrangler's banner, "open beta" notice and bug-report pointers
    (with the blank note line before one), colours removed; leading/trailing blank lines dropped."""
    text = re.sub(r"\x1b\[[0-9;]*m", "", text)
    lines: list[str] = []
    skip_block = False
    for line in text.split("\n"):
        if "is an open beta command" in line:
            skip_block = True  # the warning and its blank lines
            continue
        if skip_block and not line.strip():
            continue
        skip_block = False
        if "please open an issue at" in line:
            if lines and not lines[-1].strip():
                lines.pop()
            continue
        if (line.startswith((" ⛅️ wrangler", "Resource location", "Use --remote", "🪵")) or (line and set(line) <= {"─"})
                or "create an issue" in line):
            continue
        lines.append(line)
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return lines


def state_of(persist_to: Path, namespace_id: str = "abc123") -> list[tuple]:
    """Every live key of a namespace: (name, expiration, metadata, value bytes)."""
    from workers_env.kv.persistent import MiniflareStore

    if not (persist_to / "v3" / "kv").exists():
        return []
    store = MiniflareStore(persist_to, namespace_id)
    try:
        now = int(time.time() * 1000)
        infos, _ = store.list("", "", 10_000, now)
        return [(i.name, i.expiration_ms, i.metadata_json, store.get(i.name, now).value) for i in infos]
    finally:
        store.close()


def check_cli_bulk(tmp: Path) -> tuple[int, int, list[str]]:
    """``kv bulk get|delete`` cases: (identical, total, notes on the known deliberate differences)."""
    import shutil

    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("CI", None)  # the wrangler script sets CI=true itself; ours must see no terminal either way
    wrangler = [str(HERE / "wrangler"), "kv"]
    ours_cmd = [sys.executable, "-m", "workers_env", "kv"]
    templates = {}
    for who, cmd in (("wrangler", wrangler), ("ours", ours_cmd)):
        app = tmp / f"bulk-template-{who}"
        app.mkdir()
        (app / "wrangler.toml").write_text('name = "kvbulk"\n[[kv_namespaces]]\nbinding = "MY_KV"\nid = "abc123"\n')
        (app / "seed.json").write_text(json.dumps(BULK_SEED))
        for persist in ([], ["--persist-to", "elsewhere"]):
            seeded = subprocess.run(cmd + ["bulk", "put", "seed.json", "--binding", "MY_KV", "--local", *persist],
                                    cwd=app, capture_output=True, text=True, env=env, timeout=120, check=False)
            if seeded.returncode:
                raise SystemExit(f"{who} could not seed: {seeded.stdout}{seeded.stderr}")
        templates[who] = app

    def run_case(index: int, name: str, content: str | bytes | None, extra: list[str]):
        verb = name.split(":")[0]
        argv = ["bulk", verb, "keys.json", "--local"]
        if "--no-binding" in extra:
            extra = [a for a in extra if a != "--no-binding"]
        elif "--binding" not in extra and "--namespace-id" not in extra:
            argv += ["--binding", "MY_KV"]
        argv += extra
        seed = templates["wrangler" if index % 2 == 0 else "ours"]
        results = []
        for who, cmd in (("wrangler", wrangler), ("ours", ours_cmd)):
            app = tmp / f"bulk-{index}-{who}"
            shutil.copytree(seed, app)
            if isinstance(content, bytes):
                (app / "keys.json").write_bytes(content)
            elif content is not None:
                (app / "keys.json").write_text(content, encoding="utf-8", errors="surrogatepass")
            proc = subprocess.run(cmd + argv, cwd=app, capture_output=True, env=env, timeout=120, stdin=subprocess.DEVNULL,
                                  check=False)
            out = proc.stdout.decode("utf-8", "replace").replace(str(app), "<app>")
            err = proc.stderr.decode("utf-8", "replace").replace(str(app), "<app>")
            states = (state_of(app / ".wrangler" / "state"), state_of(app / "elsewhere"))
            results.append((strip_bulk(out), strip_bulk(err), proc.returncode, states))
        return argv, results

    same = 0
    for index, (name, content, extra) in enumerate(BULK_CASES):
        argv, (a, b) = run_case(index, name, content, extra)
        if os.environ.get("KVDIFF_SHOW"):
            print(f"== {name}: kv {' '.join(argv)[:120]}\n" + "\n".join(a[0] + a[1]) + f"\n(exit {a[2]})")
        if a == b:
            same += 1
            continue
        print(f"BULK DIFF {name}: kv {' '.join(argv)[:120]}")
        for label, i in (("stdout", 0), ("stderr", 1), ("exit code", 2), ("state", 3)):
            if a[i] != b[i]:
                print(f"  {label}\n    wrangler: {str(a[i])[:600]}\n    ours:     {str(b[i])[:600]}")
    notes = []
    for index, (name, content, extra) in enumerate(BULK_DELETE_ATOMIC, start=len(BULK_CASES)):
        argv, (a, b) = run_case(index, name, content, extra)
        before = (state_of(templates["wrangler" if index % 2 == 0 else "ours"] / ".wrangler" / "state"),
                  state_of(templates["wrangler" if index % 2 == 0 else "ours"] / "elsewhere"))
        if a[:3] == b[:3] and b[3] == before and a[3] != before:
            notes.append(f"{name}: same output; we deleted nothing, wrangler the keys before the bad one")
        else:
            notes.append(f"{name}: UNEXPECTED wrangler={a!r:.400} ours={b!r:.400}")
    return same, len(BULK_CASES), notes


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="kvdiff-") as tmp_name:
        tmp = Path(tmp_name)
        if sys.argv[1:] == ["--bulk-only"]:  # just section 4
            same_bulk, total_bulk, notes = check_cli_bulk(tmp)
            print(f"cli bulk get/delete: {same_bulk}/{total_bulk} identical")
            print("\n".join(f"  known difference, {note}" for note in notes))
            return 0 if same_bulk == total_bulk else 1
        if sys.argv[1:] == ["--edge-only"]:  # just section 1b
            same_e, total_e, notes_e = check_edge(tmp)
            print(f"binding, edge cases: {same_e}/{total_e} the same as workerd's")
            print("\n".join(f"  known difference, {note}" for note in notes_e))
            return 0 if same_e == total_e else 1
        same, total, notes_b = check_binding(tmp)
        print(f"binding: {same}/{total} operations give the same result or error text as workerd (Miniflare)")
        for note in notes_b:
            print(f"  known difference, {note}")
        same_e, total_e, notes_e = check_edge(tmp)
        print(f"binding, edge cases (kv_edge_cases.py: key and value limits, every value kind, get's types and "
              f"options, bulk get, metadata, expiry, list's cursors and order): {same_e}/{total_e} the same as workerd's")
        for note in notes_e:
            print(f"  known difference, {note}")
        same, total = same + same_e, total + total_e
        same_b, total_b = check_builtin_era(tmp)
        print(f"binding, built-in SDK era (None options sent as undefined): {same_b}/{total_b} the same as workerd's")
        same, total = same + same_b, total + total_b
        problems = check_shared_state(tmp)
        print("shared state: " + ("workerd reads what we write and we read what it writes" if not problems else "; ".join(problems)))
        same_cli, total_cli = check_cli(tmp)
        print(f"cli: {same_cli}/{total_cli} commands print the same (banner aside) and read each other's writes")
        same_bulk, total_bulk, notes = check_cli_bulk(tmp)
        print(f"cli bulk get/delete: {same_bulk}/{total_bulk} cases print the same stdout and stderr lines, "
              "exit alike and leave the same state")
        for note in notes:
            print(f"  known difference, {note}")
    bulk_ok = same_bulk == total_bulk and not any("UNEXPECTED" in n for n in notes)
    return 0 if same == total and not problems and same_cli == total_cli and bulk_ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
