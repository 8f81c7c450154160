"""Exactness and behaviour check for the performance work (no timing).

1. Exactness: through the public async API, every metric, with ties, duplicates, zero
   vectors, namespaces and filters, the top-k ids and scores must equal a float64 brute
   force over the stored float32 values (ties by id).
2. Behaviour snapshot: a fixed list of odd inputs (bools, strings, numpy scalars, tuples,
   NaN, values past float32's range, ...) for query and upsert; each outcome -- result or
   exception type and message -- is printed one per line. Save it before a change and
   compare after: ``--save FILE`` / ``--compare FILE``.

    python benchmarks/check_exact.py                # exactness only
    python benchmarks/check_exact.py --save /tmp/before.txt
    python benchmarks/check_exact.py --compare /tmp/before.txt
"""

from __future__ import annotations

import argparse
import asyncio
import enum
import math
import sys
from array import array
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import make_env  # noqa: E402

METRICS = ("cosine", "euclidean", "dot-product")


def reference(x32: np.ndarray, ids: list[str], q: np.ndarray, metric: str, k: int,
              allowed: np.ndarray | None = None) -> list[tuple[str, float]]:
    """Top k by a float64 computation with math.fsum, ties by id; scores as the API reports them."""
    q64 = [float(v) for v in np.asarray(q, dtype=np.float32)]
    nq = math.sqrt(math.fsum(v * v for v in q64))
    out = []
    for i, row in enumerate(x32):
        if allowed is not None and not allowed[i]:
            continue
        x = [float(v) for v in row]
        dot = math.fsum(a * b for a, b in zip(x, q64))
        if metric == "dot-product":
            key = -dot
        elif metric == "euclidean":
            key = math.sqrt(math.fsum((a - b) ** 2 for a, b in zip(x, q64)))
        else:
            nx = math.sqrt(math.fsum(a * a for a in x))
            key = 0.0 if nx == 0 or nq == 0 else -(dot / (nx * nq))
        out.append((key, ids[i]))
    out.sort()
    sign = -1.0 if metric == "cosine" else 1.0
    return [(vid, sign * key) for key, vid in out]  # all of them; callers cut at k


def same(got: list[tuple[str, float]], ranked: list[tuple[str, float]], k: int, tol: float = 1e-9) -> bool:
    """Equal scores position by position; equal ids except where scores tie within ``tol``
    (float64 rounding may order mathematically equal scores either way)."""
    want = ranked[:k]
    if len(got) != len(want):
        return False
    for (gid, gs), (wid, ws) in zip(got, want):
        if abs(gs - ws) > tol * max(1.0, abs(ws)):
            return False
        if gid != wid and not any(abs(s - gs) <= tol and v == gid for v, s in ranked):
            return False
    return True


async def exactness(seed: int = 7) -> int:
    rng = np.random.default_rng(seed)
    failures = 0
    checks = 0
    for metric in METRICS:
        for n, d in ((300, 16), (1200, 64), (50, 384)):
            env = make_env(d, metric, metadata_indexes={"cat": "string"})
            x = rng.standard_normal((n, d)).astype(np.float32)
            x[5] = x[3]  # exact duplicates: ties broken by id
            x[7] = 0.0  # zero vector
            x[11] = x[3] * 2.0  # same direction (cosine tie)
            x[13] *= 1e-3
            x[17] *= 1e3
            ids = [f"v{(i * 7919) % n:05d}" for i in range(n)]
            ns = [f"ns{i % 3}" if i % 2 else None for i in range(n)]
            cats = [f"c{i % 10}" for i in range(n)]
            for s in range(0, n, 1000):
                batch = []
                for i in range(s, min(n, s + 1000)):
                    vec = {"id": ids[i], "values": x[i].tolist(), "metadata": {"cat": cats[i]}}
                    if ns[i] is not None:
                        vec["namespace"] = ns[i]
                    batch.append(vec)
                await env.IDX.upsert(batch)
            queries = [rng.standard_normal(d).astype(np.float32) for _ in range(6)]
            queries += [x[3].copy(), x[0] * 4.0, np.zeros(d, np.float32)]
            for q in queries:
                for k in (1, 10, 37):
                    cases = [({}, None), ({"namespace": "ns1"}, np.array([v == "ns1" for v in ns])),
                             ({"filter": {"cat": "c3"}}, np.array([c == "c3" for c in cats]))]
                    for opts, allowed in cases:
                        res = await env.IDX.query(q.tolist(), topK=k, **opts)
                        got = [(m["id"], m["score"]) for m in res["matches"]]
                        want = reference(x, ids, q, metric, k, allowed)
                        checks += 1
                        if not same(got, want, k):
                            failures += 1
                            print(f"MISMATCH {metric} n={n} d={d} k={k} {opts}:\n  got  {got[:5]}\n  want {want[:5]}")
    print(f"exactness: {checks} queries checked against a float64 brute force, {failures} mismatches")
    return failures


class Color(enum.IntEnum):
    RED = 1


class F(float):
    pass


class M(Mapping):  # a Mapping that is not a dict
    def __init__(self, d):
        self._d = d

    def __getitem__(self, k):
        return self._d[k]

    def __iter__(self):
        return iter(self._d)

    def __len__(self):
        return len(self._d)


def _outcome(fn) -> str:
    try:
        res = fn()
    except Exception as exc:  # noqa: BLE001
        return f"{type(exc).__name__}: {exc}"
    return repr(res)


def value_variants(d: int) -> list[tuple[str, object]]:
    base = [((i * 37) % 11 - 5) / 7 for i in range(d)]
    f32max = float(np.finfo(np.float32).max)

    def with_(i, v):
        out = list(base)
        out[i] = v
        return out

    return [
        ("floats", list(base)),
        ("ints", [i % 5 - 2 for i in range(d)]),
        ("mixed int float", with_(0, 3)),
        ("bool True", with_(1, True)),
        ("bool False", with_(1, False)),
        ("one 1.0 and 0.0", with_(2, 1.0)[:2] + [0.0] + base[3:]),
        ("np.float32 item", with_(0, np.float32(0.5))),
        ("np.float64 item", with_(0, np.float64(0.5))),
        ("np.int64 item", with_(0, np.int64(2))),
        ("float subclass", with_(0, F(0.25))),
        ("IntEnum", with_(0, Color.RED)),
        ("Decimal", with_(0, Decimal("0.5"))),
        ("str number", with_(0, "0.5")),
        ("None", with_(0, None)),
        ("nested list", with_(0, [0.5])),
        ("nested tuple", with_(0, (0.5,))),
        ("dict item", with_(0, {"a": 1})),
        ("bytearray item", with_(0, bytearray(b"a"))),
        ("nan", with_(0, float("nan"))),
        ("inf", with_(0, float("inf"))),
        ("-inf", with_(0, float("-inf"))),
        ("f32 max", with_(0, f32max)),
        ("past f32 max", with_(0, 3.4028235677973366e38)),
        ("1e39", with_(0, 1e39)),
        ("big int", with_(0, 2**70)),
        ("huge int", with_(0, 10**400)),
        ("subnormal", with_(0, 1e-45)),
        ("too short", base[:-1]),
        ("too long", base + [0.0]),
        ("empty", []),
        ("tuple", tuple(base)),
        ("bytearray", bytearray(d)),
        ("ndarray f32", np.asarray(base, np.float32)),
        ("ndarray f64", np.asarray(base, np.float64)),
        ("ndarray int", np.arange(d)),
        ("ndarray 2d", np.zeros((1, d))),
        ("ndarray bool", np.ones(d, bool)),
        ("array f", array("f", base)),
        ("array d", array("d", base)),
        ("array i", array("i", range(d))),
        ("string", "abc"),
        ("None values", None),
    ]


def snapshot() -> list[str]:
    lines: list[str] = []
    d = 8
    for version in ("v1", "v2"):
        for metric in METRICS:
            env = make_env(d, metric, version=version)
            b = env.IDX
            seed_vecs = [{"id": f"s{i}", "values": [((i * j) % 5 - 2) / 3 for j in range(d)],
                          "metadata": {"k": i}} for i in range(12)]
            b.upsert_sync(seed_vecs)
            for name, values in value_variants(d):
                out = _outcome(lambda: b.query_sync(values, {"topK": 3, "returnValues": True}))
                lines.append(f"{version} {metric} query[{name}] -> {out}")
            for name, values in value_variants(d):
                vecs = [{"id": "a", "values": [0.1] * d}, {"id": "b", "values": values},
                        {"id": "c", "values": [0.3] * d}]

                def up():
                    r = b.upsert_sync(vecs)
                    got = b.get_by_ids_sync(["a", "b", "c"])
                    return (dict(r) if version == "v1" else sorted(r)), got

                lines.append(f"{version} {metric} upsert[{name}] -> {_outcome(up)}")
                b.delete_by_ids_sync(["a", "b", "c"])
    # batch-level shapes
    env = make_env(d, "cosine", version="v1")
    b = env.IDX
    row = [0.5] * d
    batches = [
        ("tuple batch", ({"id": "x", "values": row},)),
        ("vector tuple", [("x", row)]),
        ("vector list", [["x", row]]),
        ("Mapping vector", [M({"id": "x", "values": row})]),
        ("Mapping vector with tuple values", [M({"id": "x", "values": tuple(row)})]),
        ("metadata tuple", [{"id": "x", "values": row, "metadata": {"a": (1, 2)}}]),
        ("metadata nested tuple after bad id", [{"id": 5, "values": row}, {"id": "y", "values": row, "metadata": {"a": [(1,)]}}]),
        ("namespace tuple", [{"id": "x", "values": row, "namespace": ("a",)}]),
        ("extra key tuple", [{"id": "x", "values": row, "other": (1,)}]),
        ("missing values", [{"id": "x"}]),
        ("non-string id", [{"id": 1, "values": row}]),
        ("empty id", [{"id": "", "values": row}]),
        ("dup ids", [{"id": "x", "values": row}, {"id": "x", "values": [0.25] * d}]),
        ("mixed lengths", [{"id": "x", "values": row}, {"id": "y", "values": row[:-1]}]),
        ("wrong dims all", [{"id": "x", "values": row[:-1]}, {"id": "y", "values": row[:-1]}]),
        ("bad metadata key", [{"id": "x", "values": row, "metadata": {"$a": 1}}]),
        ("list values array", [{"id": "x", "values": array("f", row)}, {"id": "y", "values": row}]),
        ("ndarray values", [{"id": "x", "values": np.asarray(row)}, {"id": "y", "values": row}]),
        ("empty batch", []),
        ("not a list", "abc"),
        ("2-deep values", [{"id": "x", "values": [row]}]),
    ]
    for name, batch in batches:
        def up(batch=batch):
            r = b.upsert_sync(batch)
            return dict(r), b.get_by_ids_sync(["x", "y"])

        lines.append(f"batch[{name}] -> {_outcome(up)}")
        b.delete_by_ids_sync(["x", "y"])
    return lines


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--save", help="write the behaviour snapshot to this file")
    ap.add_argument("--compare", help="compare the behaviour snapshot with this file")
    args = ap.parse_args()
    failures = asyncio.run(exactness())
    lines = snapshot()
    print(f"behaviour snapshot: {len(lines)} outcomes")
    if args.save:
        Path(args.save).write_text("\n".join(lines) + "\n")
    if args.compare:
        old = Path(args.compare).read_text().splitlines()
        diff = [(a, b) for a, b in zip(old, lines) if a != b]
        if len(old) != len(lines):
            print(f"snapshot length differs: {len(old)} vs {len(lines)}")
            failures += 1
        for a, b in diff:
            print(f"CHANGED\n  before: {a}\n  after:  {b}")
        failures += len(diff)
        print(f"behaviour snapshot vs {args.compare}: {len(diff)} changed")
    print("OK" if failures == 0 else f"FAILED ({failures})")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
