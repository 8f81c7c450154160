"""workers-env benchmarks: our bindings against bare numpy, FAISS flat and bare sqlite3, in one process.

    pip install -e '.[bench]'
    python benchmarks/run.py            # the full set (1M x 768 included; several minutes, ~10 GB RAM)
    python benchmarks/run.py --quick    # a smoke run of every section at small sizes (seconds)

Every figure is measured side by side in this process, interleaved call by call, and
reported as a ratio to the bare numpy computation of the same thing on the same data, so
that the figures mean the same on any machine. Fixed seeds. Each target is printed with the
measured ratio and PASS or MISS; nothing passes silently.

Which path built what is printed with each section:
- query benchmarks load their indexes through ``Index.write`` with one numpy batch (the
  sync core; loading 1M vectors from Python lists would only slow the setup down), then
  query through the public async API: ``await env.IDX.query(list_of_floats, topK=10)``,
  results built as users get them (JsDict, Pyodide number rules);
- ingestion, deletes and the memory figure go through the public async API from Python
  lists, 1000 vectors per ``upsert``/``insert`` call, 100 ids per ``deleteByIds`` (v2);
- D1 (``benchmarks/d1.py``): a point query and a 100-row ``all()`` through ``env.DB`` against
  the same statements on bare ``sqlite3``, in memory and on a WAL file.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import math
import os
import platform
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import make_ai_env, make_env  # noqa: E402

from workers_env.ai.binding import _numbers as rows_of_indices  # noqa: E402
from workers_env.ai.catalog import EMBEDDING_MODELS  # noqa: E402
from workers_env.ai.embedder import embed_indices  # noqa: E402
from workers_env.vectorize.index import VectorBatch  # noqa: E402

try:
    import faiss  # type: ignore[import-not-found]
except ImportError:  # the bench extra is optional
    faiss = None
try:
    import psutil
except ImportError:
    psutil = None
try:
    from threadpoolctl import threadpool_info
except ImportError:
    threadpool_info = None

METRICS = ("cosine", "euclidean", "dot-product")
TOP_K = 10
OPENBLAS_VARS = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")
perf = time.perf_counter


# -- results ----------------------------------------------------------------------------------
@dataclass
class Target:
    name: str
    measured: float
    limit: float
    higher_is_better: bool = False
    detail: str = ""

    @property
    def passed(self) -> bool:
        return self.measured >= self.limit if self.higher_is_better else self.measured <= self.limit

    def line(self) -> str:
        op = ">=" if self.higher_is_better else "<="
        verdict = "PASS" if self.passed else "MISS"
        return f"{verdict}  {self.name}: {self.measured:.3f} (target {op} {self.limit:g}){'  ' + self.detail if self.detail else ''}"


@dataclass
class Report:
    targets: list[Target] = field(default_factory=list)
    rows: list[tuple[str, ...]] = field(default_factory=list)  # markdown table rows

    def target(self, *args: Any, **kwargs: Any) -> Target:
        t = Target(*args, **kwargs)
        self.targets.append(t)
        print("   " + t.line(), flush=True)
        return t


def med(xs: list[float]) -> float:
    return statistics.median(xs)


def fmt_t(seconds: float) -> str:
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds * 1e6:.1f} us"


def rss() -> int:
    gc.collect()
    return psutil.Process().memory_info().rss if psutil else 0


# -- data -------------------------------------------------------------------------------------
def aligned(x: np.ndarray, alignment: int = 64) -> np.ndarray:
    """``x`` if its data starts on an ``alignment``-byte boundary (C-contiguous), else such a copy.

    Where numpy's allocator puts a matrix moves the scan by ~15% on AVX-512 hosts (1k x 384
    float32: 20.0 us at 0 or 32 bytes past a cache line, 22.9 us at 16 or 48 -- a fresh
    process's large arrays sit 16 bytes into a page). The index keeps its matrix page-aligned,
    so the baseline gets a cache-line-aligned copy: the yardstick is bare numpy at its best.
    """
    if x.ctypes.data % alignment == 0 and x.flags.c_contiguous:
        return x
    out = aligned_empty(x.shape, x.dtype, alignment)
    out[...] = x
    return out


def aligned_empty(shape: tuple[int, ...], dtype: Any, alignment: int = 64) -> np.ndarray:
    dtype = np.dtype(dtype)
    nbytes = int(np.prod(shape)) * dtype.itemsize
    buf = np.empty(nbytes + alignment, dtype=np.uint8)
    start = -buf.ctypes.data % alignment
    return buf[start : start + nbytes].view(dtype).reshape(shape)


def unit_rows(n: int, d: int, seed: int) -> np.ndarray:
    """Random float32 rows of unit length (so bare cosine is a plain matvec), built in chunks."""
    rng = np.random.default_rng(seed)
    x = aligned_empty((n, d), np.float32)  # see aligned(): the baselines scan it in place
    step = 65536
    for s in range(0, n, step):
        chunk = rng.standard_normal((min(step, n - s), d), dtype=np.float32)
        chunk /= np.linalg.norm(chunk, axis=1, keepdims=True)
        x[s : s + len(chunk)] = chunk
    return x


def ids_for(n: int) -> list[str]:
    return [f"vec-{i}" for i in range(n)]


def load_index(env: Any, x: np.ndarray, ids: list[str], *, namespaces: list[str | None] | None = None,
               metadata: list[dict[str, Any]] | None = None) -> None:
    """Load through the sync Index.write path with one numpy batch (query benchmarks only)."""
    n = len(ids)
    env.IDX.index.write(VectorBatch(ids=ids, values=x, namespaces=namespaces or [None] * n,
                                    metadata=metadata or [{} for _ in range(n)]))


# -- bare numpy and FAISS ---------------------------------------------------------------------
class Bare:
    """Brute force as one would write it by hand: matvec, one O(N) key pass, argpartition,
    on a cache-line-aligned matrix (see :func:`aligned`)."""

    def __init__(self, x: np.ndarray, metric: str):
        x = self.x = aligned(x)
        self.metric = metric
        self.sq = np.einsum("ij,ij->i", x, x) if metric == "euclidean" else None  # precomputed

    def __call__(self, q: np.ndarray, k: int = TOP_K) -> np.ndarray:
        dots = self.x @ q
        if self.metric == "euclidean":
            key = self.sq - 2.0 * dots
        else:  # cosine on unit rows, and dot product: highest dot first
            key = np.negative(dots, out=dots)
        top = np.argpartition(key, k - 1)[:k]
        return top[np.argsort(key[top], kind="stable")]


class ListQueryFloor:
    """The least numpy work a cosine list query with exact scores needs: the list parsed exactly,
    |q|^2, the float32 scan and keys, one partition, the few candidates rescored in float64,
    ties by id, JsDict matches -- and none of the binding's checks, locking or fallbacks."""

    def __init__(self, x: np.ndarray, ids: list[str]):
        from workers_env._jsvalues import JsDict
        from workers_env.vectorize.floatlists import float_row

        self.x, self.ids, self.parse, self.js_dict = aligned(x), ids, float_row, JsDict
        x64 = x.astype(np.float64)
        self.sq = np.vecdot(x64, x64)
        self.neg_inv = (-1.0 / np.sqrt(self.sq)).astype(np.float32)

    async def __call__(self, vector: list[float], k: int = TOP_K, tol: float = 1e-5) -> Any:
        q32 = self.parse(vector)
        q64 = q32.astype(np.float64)
        qq = float(np.vecdot(q64, q64))
        key = self.x @ q32
        key *= self.neg_inv
        part = key.copy()
        part.partition(k - 1)
        rows = (key <= float(part[k - 1]) + tol).nonzero()[0]
        dots = np.vecdot(self.x.take(rows, axis=0), q64, dtype=np.float64).tolist()
        exact = [-(dot / math.sqrt(sq * qq)) for dot, sq in zip(dots, self.sq.take(rows).tolist())]
        order = sorted(zip(exact, [self.ids[r] for r in rows.tolist()]))[:k]
        matches = [self.js_dict({"id": vid, "score": -kv}) for kv, vid in order]
        return self.js_dict(count=len(matches), matches=matches)


class Faiss:
    def __init__(self, x: np.ndarray, metric: str):
        d = x.shape[1]
        self.index = faiss.IndexFlatL2(d) if metric == "euclidean" else faiss.IndexFlatIP(d)
        self.index.add(x)

    def __call__(self, q: np.ndarray, k: int = TOP_K) -> np.ndarray:
        _, idx = self.index.search(q.reshape(1, -1), k)
        return idx[0]


# -- timing -----------------------------------------------------------------------------------
async def interleaved(methods: dict[str, Callable[[int], Any]], count: int, warmup: int = 2) -> dict[str, list[float]]:
    """Call each method on query i, rotating the order every round; per-call seconds.

    A method returns either a value or an awaitable (our async binding). Each call is timed
    with the release of its own result, as the caller drops it; kept until the next call, it
    would be released inside the next method's timing (releasing 100 dict rows takes ~7 us
    at best, which would be charged to whichever method follows)."""
    names = list(methods)
    times: dict[str, list[float]] = {name: [] for name in names}
    for i in range(-warmup, count):
        shift = i % len(names)
        for name in names[shift:] + names[:shift]:
            fn = methods[name]
            t0 = perf()
            out = fn(max(i, 0))
            if asyncio.iscoroutine(out):
                out = await out
            out = None
            dt = perf() - t0
            if i >= 0:
                times[name].append(dt)
    return times


# -- sections ---------------------------------------------------------------------------------
async def bench_scans(report: Report, sizes: list[tuple[int, int]], queries: dict[int, int], use_faiss: bool,
                      gated: set[tuple[int, int]]) -> None:
    print("\n== single-query top-10 scans (index loaded via Index.write numpy batch; "
          "queried via `await env.IDX.query(list, topK=10)`) ==", flush=True)
    for n, d in sizes:
        x = unit_rows(n, d, seed=1000 + n + d)
        ids = ids_for(n)
        qrng = np.random.default_rng(7)
        count = queries[n]
        qs = [qrng.standard_normal(d).astype(np.float32) for _ in range(count)]
        ql = [q.tolist() for q in qs]
        fx = {}
        for metric in METRICS:
            env = make_env(d, metric)
            t0 = perf()
            load_index(env, x, ids)
            load_s = perf() - t0
            bare = Bare(x, metric)
            fkey = "L2" if metric == "euclidean" else "IP"
            if use_faiss and fkey not in fx:
                fx.clear()
                gc.collect()
                fx[fkey] = Faiss(x, metric)
            query = env.IDX.query
            times = await interleaved({
                "bare": lambda i, bare=bare: bare(qs[i]),  # (bound now: del frees it below)
                "ours": lambda i: query(ql[i], topK=TOP_K),
            }, count)
            if use_faiss:
                # FAISS in its own block: its OpenMP threads spin-wait after each call and
                # would steal the 2 cores from OpenBLAS if interleaved call by call.
                times.update(await interleaved({"faiss": lambda i, f=fx[fkey]: f(qs[i])}, count))
                time.sleep(0.2)
            # agreement: our ids vs the bare float32 ranking (may differ only at float32 near-ties)
            agree = 0
            for i in range(min(count, 5)):
                res = await query(ql[i], topK=TOP_K)
                agree += [m["id"] for m in res["matches"]] == [ids[j] for j in bare(qs[i])]
            b, o = med(times["bare"]), med(times["ours"])
            line = f"  {n:>9,} x {d:<4} {metric:<11} bare {fmt_t(b):>10}  ours {fmt_t(o):>10} ({o / b:.2f}x bare)"
            row = [f"{n:,} x {d}", metric, fmt_t(b), fmt_t(o), f"{o / b:.2f}x"]
            if use_faiss:
                f = med(times["faiss"])
                line += f"  faiss {fmt_t(f):>10} ({f / b:.2f}x bare)"
                row += [fmt_t(f), f"{f / b:.2f}x"]
            gb_s = n * d * 4 / b / 1e9
            line += f"  [bare reads {gb_s:.1f} GB/s; load {load_s:.1f}s; top-10 same as bare {agree}/5]"
            print(line, flush=True)
            report.rows.append(tuple(["scan"] + row))
            if (n, d) in gated:
                report.target(f"query {n:,} x {d} {metric}: ours / bare numpy", o / b, 1.15)
            del env, bare
            gc.collect()
        fx.clear()
        del x, ids
        gc.collect()


PER_CALL_TARGETS = ((1_000, 1.5), (10_000, 1.3))  # (rows, limit on ours / bare) at 384 dims


async def bench_per_call(report: Report, calls: int) -> None:
    d = 384
    for n, limit in PER_CALL_TARGETS:
        count = calls if n <= 1_000 else max(calls // 6, 50)
        print(f"\n== per-call cost at {n:,} x {d} (the unit-test case; {count} calls each, "
              "index via Index.write; query via the public async API, the index's lock included) ==", flush=True)
        x = unit_rows(n, d, seed=11)
        ids = ids_for(n)
        rng = np.random.default_rng(12)
        qs = [rng.standard_normal(d).astype(np.float32) for _ in range(count)]
        ql = [q.tolist() for q in qs]
        for metric in METRICS:
            env = make_env(d, metric)
            load_index(env, x, ids)
            bare = Bare(x, metric)
            query = env.IDX.query
            times = await interleaved({
                "bare": lambda i, bare=bare: bare(qs[i]),  # (bound now: del frees it below)
                "bare+list": lambda i, bare=bare: bare(np.asarray(ql[i], dtype=np.float32)),
                "ours": lambda i: query(ql[i], topK=TOP_K),
                "ours ndarray": lambda i: query(qs[i], topK=TOP_K),
            }, count, warmup=50)
            b, bl, o, on = (med(times[k]) for k in ("bare", "bare+list", "ours", "ours ndarray"))
            print(f"  {metric:<11} bare {fmt_t(b):>9} (from a list {fmt_t(bl)})  ours {fmt_t(o):>9} from a list "
                  f"({o / b:.2f}x), {fmt_t(on)} from an ndarray ({on / b:.2f}x)", flush=True)
            report.rows.append(("per-call", f"{n:,} x {d}", metric, fmt_t(b), fmt_t(o), f"{o / b:.2f}x"))
            report.target(f"per-call {n:,} x {d} {metric}: ours (list query) / bare numpy (ndarray query)", o / b, limit)
            if metric == "cosine" and n <= 1_000:
                # in its own block: more methods in one rotation cool bare numpy's caches too
                floor = ListQueryFloor(x, ids)
                ft = await interleaved({"bare": lambda i, bare=bare: bare(qs[i]), "floor": lambda i: floor(ql[i])},
                                       count, warmup=50)
                fb, ff = med(ft["bare"]), med(ft["floor"])
                print(f"  (info: the floor of a list query in numpy -- {ListQueryFloor.__doc__.split(':')[0]} -- "
                      f"{fmt_t(ff)} = {ff / fb:.2f}x bare in its own block)", flush=True)
            del env, bare


async def bench_filters(report: Report, n: int, d: int, count: int) -> None:
    print(f"\n== {n:,} x {d} cosine, 10%-selective metadata filter and 10% namespace "
          "(index via Index.write with metadata and namespaces; query via the public API) ==", flush=True)
    x = unit_rows(n, d, seed=21)
    ids = ids_for(n)
    namespaces = [f"ns{i % 10}" for i in range(n)]
    metadata = [{"cat": f"c{(i // 10) % 10}"} for i in range(n)]
    env = make_env(d, "cosine", metadata_indexes={"cat": "string"})
    load_index(env, x, ids, namespaces=namespaces, metadata=metadata)
    rng = np.random.default_rng(22)
    qs = [rng.standard_normal(d).astype(np.float32) for _ in range(count)]
    ql = [q.tolist() for q in qs]
    in_cat = np.array([m["cat"] == "c3" for m in metadata])
    cat_rows = np.flatnonzero(in_cat)
    bare = Bare(x, "cosine")
    bare_cat = Bare(np.ascontiguousarray(x[cat_rows]), "cosine")
    query = env.IDX.query
    times = await interleaved({
        "unfiltered": lambda i: query(ql[i], topK=TOP_K),
        "filter": lambda i: query(ql[i], topK=TOP_K, filter={"cat": "c3"}),
        "namespace": lambda i: query(ql[i], topK=TOP_K, namespace="ns3"),
        "bare": lambda i: bare(qs[i]),
        "bare gather": lambda i: Bare(x[cat_rows], "cosine")(qs[i]),
        "bare presplit": lambda i: bare_cat(qs[i]),
    }, count)
    res = await query(ql[0], topK=TOP_K, filter={"cat": "c3"})
    assert all(metadata[int(m["id"].split("-")[1])]["cat"] == "c3" for m in res["matches"]) and res["count"] == TOP_K
    res = await query(ql[0], topK=TOP_K, namespace="ns3")
    assert all(m["namespace"] == "ns3" for m in res["matches"]) and res["count"] == TOP_K
    u, f, s = med(times["unfiltered"]), med(times["filter"]), med(times["namespace"])
    print(f"  unfiltered {fmt_t(u)}   filter cat=c3 (10%) {fmt_t(f)} ({f / u:.2f}x unfiltered)   "
          f"namespace ns3 (10%) {fmt_t(s)} ({s / u:.2f}x unfiltered)", flush=True)
    print(f"  bare numpy: full scan {fmt_t(med(times['bare']))}, gather the 10% then scan "
          f"{fmt_t(med(times['bare gather']))}, scan a pre-split 10% copy {fmt_t(med(times['bare presplit']))}")
    report.rows.append(("filter", f"{n:,} x {d}", "cosine", fmt_t(u), fmt_t(f), f"{f / u:.2f}x"))
    report.rows.append(("namespace", f"{n:,} x {d}", "cosine", fmt_t(u), fmt_t(s), f"{s / u:.2f}x"))
    report.target(f"filter 10% at {n:,} x {d}: filtered / unfiltered query", f / u, 1.0)
    report.target(f"namespace 10% at {n:,} x {d}: namespace / unfiltered query", s / u, 1.0)
    del env
    gc.collect()


class DoublingStore:
    """Bare numpy ingestion that keeps the data: np.asarray per batch, appended into a
    buffer whose capacity doubles (the issue's "appends with capacity doubling")."""

    def __init__(self, rows: int, d: int):
        self.buf = np.empty((rows, d), dtype=np.float32)
        self.filled = 0

    def add(self, rows: list[list[float]]) -> float:
        t0 = perf()
        m = np.asarray(rows, dtype=np.float32)
        if self.filled + len(m) > len(self.buf):
            grown = np.empty((2 * len(self.buf), self.buf.shape[1]), dtype=np.float32)
            grown[: self.filled] = self.buf[: self.filled]
            self.buf = grown
        self.buf[self.filled : self.filled + len(m)] = m
        self.filled += len(m)
        return perf() - t0


async def bench_ingest(report: Report, n: int, d: int, batch: int = 1000) -> None:
    print(f"\n== ingestion of {n:,} x {d} from Python lists, {batch} per call "
          "(public async API: upsert / insert; v2 cosine) ==", flush=True)
    x = unit_rows(n, d, seed=31)
    ids = ids_for(n)
    results: dict[str, tuple[float, float]] = {}
    mem: dict[str, Any] = {}
    for op in ("upsert", "insert"):
        gc.collect()
        base_rss = rss()  # (the upsert index is gone before the insert pass starts)
        env = make_env(d, "cosine")
        call = getattr(env.IDX, op)
        bare_t = ours_t = store_t = 0.0
        store = DoublingStore(batch, d)
        for b, s in enumerate(range(0, n, batch)):
            rows = x[s : s + batch].tolist()
            vectors = [{"id": ids[s + j], "values": row} for j, row in enumerate(rows)]
            if b % 2 == 0:
                t0 = perf(); np.asarray(rows, dtype=np.float32); t1 = perf()
                await call(vectors); t2 = perf()
                bare_t += t1 - t0; ours_t += t2 - t1
            else:
                t0 = perf(); await call(vectors); t1 = perf()
                np.asarray(rows, dtype=np.float32); t2 = perf()
                ours_t += t1 - t0; bare_t += t2 - t1
            if op == "upsert":  # a third, informative baseline: convert and keep the rows
                store_t += store.add(rows)
            del rows, vectors
        store_rate = n / store_t if store_t else 0.0
        del store  # frees its buffer before the RSS reading below
        assert len(env.IDX.index.core) == n
        results[op] = (bare_t, ours_t)
        rate_b, rate_o = n / bare_t, n / ours_t
        print(f"  {op:<6} bare np.asarray {rate_b:>9,.0f} vectors/s   ours {rate_o:>9,.0f} vectors/s "
              f"({rate_o / rate_b:.2f}x bare throughput)", flush=True)
        if store_rate:
            print(f"         (info: bare np.asarray + append into a doubling numpy buffer {store_rate:,.0f} vectors/s = "
                  f"{store_rate / rate_b:.2f}x bare, ours = {rate_o / store_rate:.2f}x of it: storing N x D x 4 new bytes costs page faults that a "
                  "conversion alone, reusing one buffer, does not pay)", flush=True)
        report.rows.append(("ingest", f"{n:,} x {d}", op, f"{rate_b:,.0f}/s", f"{rate_o:,.0f}/s", f"{rate_o / rate_b:.2f}x"))
        report.target(f"{op} {n:,} x {d} from lists: ours / bare np.asarray throughput", rate_o / rate_b, 0.67,
                      higher_is_better=True)
        if op == "insert":  # the memory figure: the insert pass runs no extra baseline alongside
            mem["rss"] = rss() - base_rss
            mem["env"] = env
        else:
            del env, call
            gc.collect()

    # memory of the inserted index, against N x D x 4 plus what ids and metadata take in Python
    env = mem["env"]
    core = env.IDX.index.core
    raw = n * d * 4
    meta = sum(sys.getsizeof(i) for i in core._ids) + sum(sys.getsizeof(m) for m in core._metadata)
    if psutil:
        delta = mem["rss"]
        print(f"  memory: RSS grew {delta / 2**20:,.1f} MiB for {n:,} vectors = {delta / n:,.0f} B/vector; "
              f"N x D x 4 = {raw / 2**20:,.1f} MiB ({raw / n:,.0f} B/vector); ids + metadata objects "
              f"{meta / 2**20:,.1f} MiB; core arrays (capacity {core.capacity:,}) {core.memory_bytes() / 2**20:,.1f} MiB "
              "virtual, untouched capacity is not resident", flush=True)
        report.rows.append(("memory", f"{n:,} x {d}", "insert from lists (public API)", f"{raw / 2**20:,.0f} MiB + {meta / 2**20:,.1f} MiB",
                            f"{delta / 2**20:,.0f} MiB", f"{delta / (raw + meta):.2f}x"))
        report.target(f"memory {n:,} x {d} (public API insert from lists): RSS delta / (N x D x 4 + ids/metadata)", delta / (raw + meta), 1.2,
                      detail=f"RSS delta / (N x D x 4) alone = {delta / raw:.2f}")

    # informative: upsert again over the stored ids -- the index's pages are already touched,
    # so this is the binding's and core's own cost without first-touch page faults
    again_bare = again_ours = 0.0
    for s in range(0, n, batch):
        rows = x[s : s + batch].tolist()
        vectors = [{"id": ids[s + j], "values": row} for j, row in enumerate(rows)]
        t0 = perf(); np.asarray(rows, dtype=np.float32); t1 = perf()
        await env.IDX.upsert(vectors); t2 = perf()
        again_bare += t1 - t0; again_ours += t2 - t1
        del rows, vectors
    print(f"  (info: upsert again over the {n:,} stored ids, into memory already touched: {n / again_ours:,.0f} "
          f"vectors/s = {again_bare / again_ours:.2f}x bare np.asarray throughput)", flush=True)
    report.rows.append(("ingest (info)", f"{n:,} x {d}", "upsert over stored ids (touched memory)",
                        f"{n / again_bare:,.0f}/s", f"{n / again_ours:,.0f}/s", f"{again_bare / again_ours:.2f}x"))

    # deleteByIds of 10%: v2 in calls of 100 ids (its limit), v1 in one call
    gone = ids[::10]
    t0 = perf()
    for s in range(0, len(gone), 100):
        await env.IDX.deleteByIds(gone[s : s + 100])
    v2_t = perf() - t0
    assert len(core) == n - len(gone)
    keep = np.ones(n, dtype=bool)
    keep[::10] = False
    t0 = perf()
    x[keep]
    bare_t = perf() - t0
    del env, mem
    gc.collect()
    env1 = make_env(d, "cosine", version="v1")
    load_index(env1, x, ids)
    t0 = perf()
    await env1.IDX.deleteByIds(gone)
    v1_t = perf() - t0
    print(f"  deleteByIds of 10% ({len(gone):,} ids): v2 in {len(gone) // 100} calls of 100 {fmt_t(v2_t)} "
          f"({len(gone) / v2_t:,.0f} ids/s); v1 in one call {fmt_t(v1_t)} ({len(gone) / v1_t:,.0f} ids/s); "
          f"bare numpy boolean-mask compaction of the matrix {fmt_t(bare_t)}", flush=True)
    report.rows.append(("deleteByIds 10%", f"{n:,} x {d}", "v2 100/call; v1 1 call", fmt_t(bare_t), f"{fmt_t(v2_t)}; {fmt_t(v1_t)}",
                        f"{v2_t / bare_t:.2f}x; {v1_t / bare_t:.2f}x"))
    del env1, x
    gc.collect()


AI_MODEL = "@cf/baai/bge-base-en-v1.5"


def _vocabulary(rng: np.random.Generator, size: int = 12_000) -> list[str]:
    """About ``size`` distinct made-up words of 3-9 letters (fewer when some repeat)."""
    letters = np.array(list("abcdefghijklmnopqrstuvwxyz"))
    return sorted({"".join(rng.choice(letters, size=int(rng.integers(3, 10)))) for _ in range(size)})


async def embed_all(env: Any, texts: list[str]) -> list[Any]:
    """The rows of ``env.AI.run(AI_MODEL, ...)`` for ``texts``, 100 per call (the model's limit)."""
    rows: list[Any] = []
    for s in range(0, len(texts), 100):
        rows.extend((await env.AI.run(AI_MODEL, {"text": texts[s : s + 100]})).data)
    return rows


def _zipf_texts(rng: np.random.Generator, vocabulary: list[str], n: int, words: int) -> list[str]:
    """``n`` texts of ``words`` words drawn Zipf-like from ``vocabulary`` (as real text repeats words)."""
    ranks = np.arange(1, len(vocabulary) + 1)
    p = 1.0 / ranks
    p /= p.sum()
    picks = rng.choice(len(vocabulary), size=(n, words), p=p)
    return [" ".join(vocabulary[i] for i in row) for row in picks]


async def bench_ai_embed(report: Report, n: int, words: int, d: int, reps: int) -> None:
    """Workers AI: embed ``n`` texts of about ``words`` words at ``d`` dimensions through
    ``await env.AI.run("@cf/baai/bge-base-en-v1.5", {"text": [...]})`` (100 texts per call, the
    model's limit; results built as users get them), then upsert the vectors into Vectorize in one
    ``await env.IDX.upsert(...)`` of 1000; the embedding must cost no more than that upsert."""
    model = AI_MODEL
    print(f"\n== Workers AI: embed {n:,} texts of ~{words} words at {d} dims ({model}, 100 per run() call) "
          f"and upsert them into Vectorize (public async API; fresh env per repetition) ==", flush=True)
    rng = np.random.default_rng(71)
    vocabulary = _vocabulary(rng)
    spec = EMBEDDING_MODELS[model]
    embed_t: list[float] = []
    upsert_t: list[float] = []
    core_t: list[float] = []
    lists_t: list[float] = []  # run()'s rows alone, from ready-made indices
    embed_cpu: list[float] = []  # CPU time of this process: what other processes disturb least
    upsert_cpu: list[float] = []
    cold = None
    touch = 0.0
    for rep in range(reps + 1):
        texts = _zipf_texts(rng, vocabulary, n, words)
        env = make_ai_env(d)
        gc.collect()
        c0 = time.process_time()
        t0 = perf()
        if rep == 0:  # the first env.AI of the process imports the runtime: timed apart, still counted
            env.AI
            touch = perf() - t0
        rows = await embed_all(env, texts)
        t1 = perf()
        c1 = time.process_time()
        vectors = [{"id": f"doc-{i}", "values": row} for i, row in enumerate(rows)]
        c2 = time.process_time()
        t2 = perf()
        await env.IDX.upsert(vectors)
        t3 = perf()
        c3 = time.process_time()
        assert len(env.IDX.index.core) == n and len(rows[0]) == d
        # informative: the same vectors as a numpy array (no Python lists), texts already seen
        t4 = perf()
        for s in range(0, n, 100):
            env.AI.embed(model, texts[s : s + 100])
        t5 = perf()
        # informative: run()'s rows alone, built from component indices computed beforehand --
        # the part of the embedding step no embedder can avoid while run() returns Python lists
        ready = [embed_indices(texts[s : s + 100], d, model=model, variant=spec.pooling or "",
                               max_words=spec.max_input_tokens) for s in range(0, n, 100)]
        gc.collect()
        t6 = perf()
        built: list[Any] = []
        for indices in ready:
            built.extend(rows_of_indices(indices))
        t7 = perf()
        assert built == rows, "the rows built from ready indices differ from run()'s"
        del built, ready
        if rep == 0:
            cold = (t1 - t0, t3 - t2)  # the first run in the process also hashes the vocabulary
        else:
            embed_t.append(t1 - t0)
            upsert_t.append(t3 - t2)
            embed_cpu.append(c1 - c0)
            upsert_cpu.append(c3 - c2)
            core_t.append(t5 - t4)
            lists_t.append(t7 - t6)
        del env, rows, vectors
    e, u = med(embed_t), med(upsert_t)
    print(f"  first run in the process (every word new): embed {fmt_t(cold[0])}, upsert {fmt_t(cold[1])} "
          f"(ratio {cold[0] / cold[1]:.2f})", flush=True)
    print(f"  (info: of that first embed, {fmt_t(touch)} is the process's first env.AI, which imports the runtime "
          f"(more without .pyc files); the embedding itself, every word new, {fmt_t(cold[0] - touch)} = "
          f"{(cold[0] - touch) / cold[1]:.2f}x the upsert, {(cold[0] - touch) / e:.2f}x the median embed)", flush=True)
    print(f"  median of {reps} runs (fresh texts, words mostly seen before): embed {fmt_t(e)} "
          f"({n / e:,.0f} texts/s), upsert {fmt_t(u)} ({n / u:,.0f} vectors/s)", flush=True)
    ec, uc = med(embed_cpu), med(upsert_cpu)
    print(f"  (info: CPU time of this process, median: embed {fmt_t(ec)}, upsert {fmt_t(uc)}, ratio {ec / uc:.2f})",
          flush=True)
    c = med(core_t)
    print(f"  (info: the embedder alone, vectors as a numpy array without building the {n:,} x {d} Python "
          f"lists run() returns: {fmt_t(c)} = {c / u:.2f}x the upsert)", flush=True)
    lt = med(lists_t)
    print(f"  (info: the {n:,} x {d} Python lists alone, built from indices computed beforehand as run() builds "
          f"them -- one gather from the table of shared numbers, tolist(), the collector running as usual: "
          f"{fmt_t(lt)} = {lt / u:.2f}x the upsert: the embedding step is these lists plus the embedder, "
          f"so no embedder brings it under this while the lists are built in Python)", flush=True)
    report.rows.append(("ai embed", f"{n:,} x {d}", "embed (public API) vs upsert of the result", f"{fmt_t(u)} upsert",
                        f"{fmt_t(e)} embed", f"{e / u:.2f}x"))
    report.target(f"embed {n:,} texts of ~{words} words at {d} dims / upsert of the result (median)", e / u, 1.0)


def bench_memory_numpy(report: Report, n: int, d: int) -> None:
    print(f"\n== memory of a {n:,} x {d} index loaded via Index.write (one numpy batch) ==", flush=True)
    x = unit_rows(n, d, seed=41)
    ids = ids_for(n)
    metadata = [{} for _ in range(n)]
    base = rss()
    env = make_env(d, "cosine")
    load_index(env, x, ids, metadata=metadata)
    delta = rss() - base
    raw = n * d * 4
    print(f"  RSS grew {delta / 2**20:,.1f} MiB = {delta / n:,.0f} B/vector; N x D x 4 = {raw / n:,.0f} B/vector "
          f"({delta / raw:.3f}x)", flush=True)
    report.rows.append(("memory", f"{n:,} x {d}", "Index.write numpy", f"{raw / 2**20:,.0f} MiB", f"{delta / 2**20:,.0f} MiB",
                        f"{delta / raw:.2f}x"))
    report.target(f"memory {n:,} x {d} (numpy load, ids already built): RSS delta / (N x D x 4)", delta / raw, 1.2)
    del env, x
    gc.collect()


def bench_open(report: Report, sizes: list[int], d: int = 768, rounds: int = 5) -> None:
    """Reopening persisted state against ``np.fromfile`` of the same number of bytes."""
    import shutil
    import tempfile

    from workers_env.vectorize.definitions import IndexDefinition
    from workers_env.vectorize.persistent import open_state

    for n in sizes:
        print(f"\n== opening a persisted {n:,} x {d} index (written through Index.write in batches of 5000, "
              "closed, reopened with open_state(...).open_index) ==", flush=True)
        root = Path(tempfile.mkdtemp(prefix="workers-env-bench-open-"))
        try:
            t0 = perf()
            store = open_state(root)
            index = store.open_index("idx", IndexDefinition(d, "cosine", "v2"))
            for s in range(0, n, 5000):
                x = unit_rows(min(5000, n - s), d, seed=51 + s)
                index.write(VectorBatch(ids=[f"vec-{i}" for i in range(s, s + len(x))], values=x,
                                        namespaces=[None] * len(x), metadata=[{} for _ in range(len(x))]))
            del x
            build_s = perf() - t0
            t0 = perf()
            store.close()  # writes the snapshot
            close_s = perf() - t0
            del store, index
            gc.collect()
            raw = root / "same-bytes.f32"
            with open(raw, "wb") as out:  # the yardstick reads as many bytes as the vectors take
                for s in range(0, n, 65536):
                    out.write(unit_rows(min(65536, n - s), d, seed=7).tobytes())
            nbytes = n * d * 4

            def cold() -> float:
                t = perf()
                st = open_state(root)
                st.db.snapshots = False
                idx = st.open_index("idx")
                dt = perf() - t
                assert len(idx.core) == n
                st.db.close()
                return dt

            def ours() -> float:
                t = perf()
                st = open_state(root)
                idx = st.open_index("idx")
                dt = perf() - t
                assert len(idx.core) == n and idx._snapshot_seq is not None
                t = perf()
                idx.core.search(np.ones(d, dtype=np.float32), TOP_K)
                first_query.append(perf() - t)
                st.db.close()
                return dt

            def bare() -> float:
                t = perf()
                arr = np.fromfile(raw, dtype=np.float32)
                dt = perf() - t
                assert arr.size == n * d
                return dt

            first_query: list[float] = []
            times: dict[str, list[float]] = {"bare": [], "ours": []}
            for r in range(rounds):
                for name in (("bare", "ours") if r % 2 == 0 else ("ours", "bare")):
                    times[name].append(bare() if name == "bare" else ours())
                    gc.collect()
            cold_s = cold() if n <= 100_000 else float("nan")
            b, o = med(times["bare"]), med(times["ours"])
            print(f"  np.fromfile {b:.3f} s ({nbytes / b / 1e9:.2f} GB/s)   open {o:.3f} s ({nbytes / o / 1e9:.2f} GB/s, "
                  f"{o / b:.2f}x np.fromfile); first query after open {med(first_query) * 1e3:.1f} ms", flush=True)
            print(f"  (info: built in {build_s:.1f} s through SQLite; close wrote the snapshot in {close_s:.2f} s; "
                  f"opening without a snapshot, every row through SQLite: {cold_s:.2f} s)", flush=True)
            report.rows.append(("open", f"{n:,} x {d}", "reopen persisted index (snapshot)", f"{b:.3f} s", f"{o:.3f} s",
                                f"{o / b:.2f}x"))
            if n <= 100_000:
                report.rows.append(("open (info)", f"{n:,} x {d}", "reopen without a snapshot (all rows via SQLite)",
                                    f"{b:.3f} s", f"{cold_s:.3f} s", f"{cold_s / b:.2f}x"))
            report.target(f"open persisted {n:,} x {d}: ours / np.fromfile of the same bytes", o / b, 1.5)
            report.target(f"open persisted {n:,} x {d}: GB/s of vector data", nbytes / o / 1e9, 1.0,
                          higher_is_better=True, detail=f"{o:.3f} s")
        finally:
            shutil.rmtree(root, ignore_errors=True)
            gc.collect()


# -- machine ----------------------------------------------------------------------------------
def other_load(seconds: float = 1.0) -> float:
    """CPU use of the whole machine over ``seconds`` while we sleep: others' load, in % of all cores."""
    return psutil.cpu_percent(interval=seconds) if psutil else float("nan")


def settle(args: argparse.Namespace, section: str) -> None:
    """Print how busy the machine is before a section; with --wait-quiet, wait for it to calm down."""
    if not psutil:
        return
    deadline = perf() + args.wait_quiet
    load = other_load()
    while load > 15.0 and perf() < deadline:
        load = other_load(2.0)
    print(f"\n[{section}] other processes' CPU use just before: {load:.0f}% of all cores"
          + ("  (WARNING: the machine is busy; ratios will be noisy)" if load > 15.0 else ""), flush=True)


def machine() -> list[str]:
    lines = []
    cpu = platform.processor() or "?"
    try:  # the model name alone ("AMD EPYC") hides which generation: family, model and AVX-512 tell
        fields = dict(line.split(":", 1) for line in Path("/proc/cpuinfo").read_text().split("\n\n")[0].splitlines()
                      if ":" in line)
        fields = {k.strip(): v.strip() for k, v in fields.items()}
        cpu = fields.get("model name", cpu)
        if "cpu family" in fields:
            flags = fields.get("flags", "").split()
            simd = "AVX-512" if "avx512f" in flags else "AVX2" if "avx2" in flags else "no AVX2"
            cpu += f" (family {fields['cpu family']}, model {fields.get('model', '?')}, {simd})"
    except (OSError, ValueError):
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    mem = f"{psutil.virtual_memory().total / 2**30:.0f} GiB" if psutil else "?"
    lines.append(f"CPU: {cpu}, {cores} usable cores ({os.cpu_count()} online), RAM {mem}")
    lines.append(f"Python {platform.python_version()} ({sys.executable}), numpy {np.__version__}"
                 + (f", faiss-cpu {faiss.__version__} (omp threads {faiss.omp_get_max_threads()})" if faiss else ", faiss not installed"))
    for var in OPENBLAS_VARS + ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        lines.append(f"{var}={os.environ[var]!r}" if var in os.environ else f"{var} unset")
    if threadpool_info:
        for info in threadpool_info():
            lines.append("threadpoolctl: " + ", ".join(f"{k}={info.get(k)}" for k in
                         ("user_api", "internal_api", "prefix", "version", "architecture", "threading_layer", "num_threads")
                         if info.get(k) is not None) + f", {Path(info['filepath']).name}")
    else:
        lines.append("threadpoolctl not installed (pip install -e '.[bench]')")
    lines.append(f"load average at start: {', '.join(f'{v:.2f}' for v in os.getloadavg())}")
    return lines


async def run(args: argparse.Namespace, report: Report) -> None:
    use_faiss = faiss is not None and not args.no_faiss
    if args.quick:
        sizes = [(10_000, 384), (20_000, 768)]
        queries = {10_000: 30, 20_000: 15}
        gated: set[tuple[int, int]] = set()
    else:
        sizes = [(10_000, 384), (100_000, 768)] + ([] if args.no_1m else [(1_000_000, 768)])
        queries = {10_000: 200, 100_000: 40, 1_000_000: args.queries_1m}
        gated = {(100_000, 768), (1_000_000, 768)}
    want = set(args.only.split(",")) if args.only else {"scan", "percall", "filter", "ingest", "memory", "open", "d1", "ai",
                                                        "streams"}
    if "d1" in want:
        from d1 import bench_d1

        settle(args, "d1")
        for persisted in (False, True):
            await bench_d1(report, 300 if args.quick else 3000, interleaved=interleaved, med=med, fmt_t=fmt_t,
                           persisted=persisted)
    if "streams" in want:
        from stream_writes import bench_stream_writes

        settle(args, "streams")
        await bench_stream_writes(report, [1_000, 10_000], 1 if args.quick else 3)
    if "ai" in want:
        settle(args, "ai")
        await bench_ai_embed(report, 1000, 40, 768, 3 if args.quick else 9)
    if "percall" in want:
        settle(args, "percall")
        await bench_per_call(report, 300 if args.quick else 3000)
    if "filter" in want:
        settle(args, "filter")
        await bench_filters(report, 20_000 if args.quick else 100_000, 768, 15 if args.quick else 40)
    if "ingest" in want:
        settle(args, "ingest")
        await bench_ingest(report, 10_000 if args.quick else 100_000, 768)
    if "scan" in want:
        settle(args, "scan")
        await bench_scans(report, sizes, queries, use_faiss, gated)
    if "open" in want:
        settle(args, "open")
        bench_open(report, [5_000] if args.quick else [50_000] + ([] if args.no_1m else [1_000_000]))
    if "memory" in want and not args.no_1m:
        settle(args, "memory")
        bench_memory_numpy(report, 20_000 if args.quick else 1_000_000, 768)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="small sizes, few repetitions: a smoke run of every section")
    ap.add_argument("--no-1m", action="store_true", help="skip the 1M x 768 scans and memory figure (~10 GB RAM)")
    ap.add_argument("--no-faiss", action="store_true", help="skip FAISS even if installed")
    ap.add_argument("--only", help="comma list of sections: scan,percall,filter,ingest,memory,open,d1,ai,streams")
    ap.add_argument("--queries-1m", type=int, default=15, help="queries per metric at 1M x 768 (default 15)")
    ap.add_argument("--markdown", help="also write the summary as a markdown table to this file")
    ap.add_argument("--wait-quiet", type=float, default=0.0, metavar="SECONDS",
                    help="before each section, wait up to this long for other processes to go idle")
    ap.add_argument("--no-rerun", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()

    print("workers-env benchmarks  " + " ".join(sys.argv[1:]))
    header = machine()
    for line in header:
        print("  " + line)
    report = Report()
    t0 = perf()
    asyncio.run(run(args, report))
    print(f"\nload average at end: {', '.join(f'{v:.2f}' for v in os.getloadavg())}; wall time {perf() - t0:.0f}s")

    misses = [t for t in report.targets if not t.passed]
    print("\n== targets ==")
    for t in report.targets:
        print("  " + t.line())
    print(f"  {len(report.targets) - len(misses)} PASS, {len(misses)} MISS"
          + ("" if report.targets else " (no gated targets in this mode)"))
    if args.markdown:
        md = ["| section | size | case | bare numpy (baseline) | ours | ours / baseline | FAISS flat | FAISS / bare |",
              "| --- | --- | --- | --- | --- | --- | --- | --- |"]
        md += ["| " + " | ".join(tuple(r) + ("",) * (8 - len(r))) + " |" for r in report.rows]
        md += ["", "| target | measured | verdict |", "| --- | --- | --- |"]
        md += [f"| {t.name} ({'>=' if t.higher_is_better else '<='} {t.limit:g}) | {t.measured:.3f} | "
               f"{'PASS' if t.passed else 'MISS'} |" for t in report.targets]
        Path(args.markdown).write_text("\n".join(md) + "\n")

    set_vars = [v for v in OPENBLAS_VARS if v in os.environ]
    if set_vars and not args.no_rerun:
        env = {k: v for k, v in os.environ.items() if k not in OPENBLAS_VARS}
        print(f"\n== {', '.join(set_vars)} set: running once more with both unset ==", flush=True)
        cmd = [sys.executable, __file__, *sys.argv[1:], "--no-rerun"]
        if args.markdown:
            cmd += ["--markdown", args.markdown + ".openblas-unset.md"]
        subprocess.run(cmd, env=env, check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
