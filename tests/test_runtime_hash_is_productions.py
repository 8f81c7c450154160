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

import datetime
import decimal
import enum
import fractions
import pickle
import uuid

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


class Color(enum.Enum):
    RED = 1
    LONG_NAME_É = 2


class Level(enum.IntEnum):
    A = 7


class Letter(str, enum.Enum):
    X = "x"


class Bits(enum.Flag):
    R = 1


utc = datetime.timezone.utc
plus2 = datetime.timezone(datetime.timedelta(hours=2))
#: the types whose hash CPython builds from other hashes or its 32-bit numeric rule (read from
#: Pyodide 0.26.2 and 0.28.2 under Node, both the same): frozensets, complex numbers, ranges, Enum
#: members (``hash(self._name_)``), Fractions, Decimals, the datetime module's values, and read-only
#: byte memoryviews and UUIDs (``hash(self.int)``)
MORE = [(frozenset(), -1572407560), (frozenset({'a'}), -144484801), (frozenset({1, 2, 3}), -2021384008),
        (frozenset({'x', 1, (2, 'y')}), 717005459), (frozenset({frozenset({1}), frozenset()}), 1797502617),
        (frozenset(range(100)), -1621633729), (frozenset(['ab', 'cd', '日本']), -307693363), (1 + 2j, 2000007),
        (3.5j, -1070741815), (-1.5 - 0.25j, 1610612735), (complex(float('inf'), 1), 1314162), (0j, 0),
        (range(1, 10, 2), -675827984), (range(0), 862634636), (range(5, 6), 1313434807),
        (range(10, -10, -3), 1062418331), (range(2 ** 40), 779450545), (Color.RED, 1770038296),
        (Color.LONG_NAME_É, 1219687117), (Level.A, 7), (Letter.X, -1246903449), (Bits.R, -272602547),
        (fractions.Fraction(1, 3), 1431655765), (fractions.Fraction(-7, 5), -1717986919), (fractions.Fraction(4), 4),
        (fractions.Fraction(1, 2 ** 31 - 1), 314159), (decimal.Decimal('1.1'), 1503238554),
        (decimal.Decimal('-3.14159'), -143945832), (decimal.Decimal(12345), 12345),
        (decimal.Decimal('1E+40'), 2144161951), (decimal.Decimal('-Infinity'), -314159),
        (decimal.Decimal('1E-30'), 1359554833), (datetime.date(2024, 1, 2), -726976132),
        (datetime.date(1, 1, 1), -1586471565), (datetime.timedelta(days=3, seconds=5, microseconds=7), -1360463984),
        (datetime.timedelta(days=-1, seconds=3), 1640241311),
        (datetime.datetime(2024, 5, 6, 7, 8, 9, 123456), -1357206018),
        (datetime.datetime(2024, 5, 6, 7, 8, 9, 1, tzinfo=utc), 1009886964),
        (datetime.datetime(2024, 5, 6, 1, 8, 9, tzinfo=plus2), -1990720873),
        (datetime.datetime(2024, 5, 6, 7, 8, 9, fold=1), 800043604), (datetime.time(1, 2, 3, 4), -559348755),
        (datetime.time(1, 2, 3, tzinfo=plus2), 635690303), (datetime.time(), 85876960), (utc, 909832034),
        ((frozenset({1}), 1j, range(3)), 1272263051),
        (memoryview(b"xyz"), 790470620), (memoryview(b""), 0), (memoryview(b"abcdef")[1:4], 794221626),
        (range(-5), 862634636), (frozenset({None}), -388260),
        (uuid.UUID("12345678-1234-5678-1234-567812345678"), 286331146), (uuid.UUID(int=5), 5)]


ALL = [*zip(STRS, STR_HASHES), *OTHERS, *MORE]


# ids by position: a frozenset's repr follows the host's per-process order, not the same in every xdist worker
@pytest.mark.parametrize(("value", "expected"), ALL, ids=[f"{type(v).__name__}-{i}" for i, (v, _) in enumerate(ALL)])
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
