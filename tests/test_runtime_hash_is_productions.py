"""``hash()`` in a Worker's own code gives production's value: workerd starts Pyodide with
``PYTHONHASHSEED=111`` and Pyodide is a 32-bit build hashing strings with FNV, so ``hash("abc")``
is ``1200133617`` in every isolate and deploy, where the host's CPython gave a 64-bit value
that changed with every process -- a Worker keying a vector id or a KV key by ``hash(text)``
(the profession-classifier Worker of round 11 does) found its entries again only in production.
Every expected value below was read from Pyodide 0.26.2 and 0.28.2 under Node started with
``env: {PYTHONHASHSEED: "111"}`` (both the same). Code that is not the Worker's -- tests,
workers-env, ``dataclasses``' generated ``__hash__`` -- keeps the host's hash, so a key hashed
outside the Worker still finds its entry inside."""

from __future__ import annotations

import pickle

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker
from workers_env.runtime.pyhash import production_hash

STRS = ["", "a", "ab", "abc", "abcd", "abcde", "abcdefgh", "abcdefghi", "hello world", "é", "ée", "日本",
        "日本語です", "😀x", "😀😀😀", "a" * 1000, "train_7_x"]
STR_HASHES = [0, 2134241022, -1663372741, 1200133617, 1868432784, -523572165, -1236422877, 30636980, 970109662,
              1890294390, -1428723004, -1347795195, -55546256, -1446867810, 921268717, 582003803, 133384429]
OTHERS = [(b"", 0), (b"a", 2134241022), (b"abcd", 1868432784), (b"abcde", -523572165), (bytes(range(256)), 393944558),
          (0, 0), (1, 1), (-1, -2), (2**31 - 2, 2147483646), (2**31 - 1, 0), (2**31, 1), (-(2**31), -2),
          (2**61, 1073741824), (10**30, 1234980730), (-(10**30), -1234980730), (True, 1), (False, 0),
          (0.0, 0), (-0.0, 0), (0.5, 1073741824), (1.5, 1073741825), (3.5, 1073741827), (-2.25, -536870914),
          (0.1, 1932735308), (1e300, 260391960), (1e-300, 1685713680), (float("inf"), 314159),
          (float("-inf"), -314159), (2.0**40, 512), ((), 750394483), ((1,), 1956216267), ((1, "a"), 984674752),
          (("a", (2, 3.5)), 1146267269), ((None,), -1891217614), (((),), 1430206286), (None, -56073184)]


@pytest.mark.parametrize(("value", "expected"), [*zip(STRS, STR_HASHES), *OTHERS], ids=repr)
def test_the_value_is_productions(value, expected):
    assert production_hash(value) == expected


ENTRY = """\
    from workers import Response, WorkerEntrypoint

    AT_IMPORT = hash("abc")

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            import helper  # a module of the Worker's imported in the handler: from its first call on
            return Response.json({"values": [AT_IMPORT, hash(b"abcd"), hash(2**40), hash(3.5), hash((1, "a")),
                                             hash(None)], "key": helper.key("train_7_x")})
"""
HELPER = 'def key(text):\n    return f"k{abs(hash(text))}"\n'


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2025-12-01", "2026-09-01"])  # the built-in SDK's era and the external one's
async def test_the_workers_code_gets_productions_hash(tmp_path, date):
    folder = one_file_worker(tmp_path, ENTRY, date=date)
    (folder / "src" / "helper.py").write_text(HELPER)
    worker = load_worker(folder)
    for _ in range(2):  # the same on every request, in every process
        assert await (await worker.fetch("/")).json() == {
            "values": [1200133617, 1868432784, 512, 1073741827, 984674752, -56073184], "key": "k133384429"}


@pytest.mark.asyncio
async def test_other_code_keeps_the_hosts_hash(tmp_path):
    load_worker(one_file_worker(tmp_path, ENTRY))
    assert hash("abc") == "abc".__hash__() and hash((1, "a")) == (1, "a").__hash__()  # the test's own call
    assert pickle.loads(pickle.dumps(hash)) is hash  # still pickles as builtins.hash
