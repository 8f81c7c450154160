"""What compiled helpers would buy the two speed targets still missed -- an experiment, not
part of the library (which stays pure Python).

    python benchmarks/compiled_helpers.py            # both experiments (~1 minute)
    python benchmarks/compiled_helpers.py --only ai  # or: percall

It compiles a small C extension into a temporary folder with this machine's C compiler and
Python headers, checks that each helper gives exactly what the Python code gives, then
swaps it in and measures, interleaved in one process against the code as it is:

- ``percall``: the 1,000 x 384 list query (issue #17, target <= 1.5x bare numpy) with the
  list parsed in C (exact ``float`` items, float32, the same refusals as ``float_row``) in
  place of the msgspec-based ``float_row``, each way in its own block against bare numpy;
- ``ai``: embedding 1,000 texts then upserting them (issue #11, target embed / upsert <= 1.0)
  with ``run()``'s rows built in C from the table of shared numbers in place of numpy's
  ``take`` + ``tolist``, once as Python builds lists and once with the rows untracked by the
  garbage collector (no container may then be put inside a row without a leak risk, which
  no Python code does to its own lists: shown only to size the collector's share).
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import importlib.util
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import (
    TOP_K,
    Bare,
    _vocabulary,
    _zipf_texts,
    embed_all,
    ids_for,
    interleaved,
    load_index,
    make_ai_env,
    make_env,
    med,
    unit_rows,
)

import workers_env.ai.binding as ai_binding
import workers_env.vectorize.binding as vectorize_binding
from workers_env.ai.binding import _level_table
from workers_env.vectorize.floatlists import float_row

C_SOURCE = r"""
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <float.h>
#include <math.h>

/* float_row(list) -> bytearray of float32, or None: every item an exact float, finite and
   strictly inside float32's range after rounding (as workers_env's float_row) */
static PyObject *float_row(PyObject *self, PyObject *arg) {
    if (!PyList_CheckExact(arg) || PyList_GET_SIZE(arg) == 0) Py_RETURN_NONE;
    Py_ssize_t n = PyList_GET_SIZE(arg);
    PyObject *out = PyByteArray_FromStringAndSize(NULL, n * (Py_ssize_t)sizeof(float));
    if (out == NULL) return NULL;
    float *values = (float *)PyByteArray_AS_STRING(out);
    PyObject **items = ((PyListObject *)arg)->ob_item;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (!PyFloat_CheckExact(items[i])) { Py_DECREF(out); Py_RETURN_NONE; }
        float v = (float)PyFloat_AS_DOUBLE(items[i]);
        if (!(v > -FLT_MAX && v < FLT_MAX)) { Py_DECREF(out); Py_RETURN_NONE; }
        values[i] = v;
    }
    return out;
}

/* gather_rows(table: list, indices: C-contiguous intp buffer, n, d, untrack) -> n lists of d */
static PyObject *gather_rows(PyObject *self, PyObject *args) {
    PyObject *table, *buffer; Py_ssize_t n, d; int untrack;
    if (!PyArg_ParseTuple(args, "O!Onnp", &PyList_Type, &table, &buffer, &n, &d, &untrack)) return NULL;
    Py_buffer view;
    if (PyObject_GetBuffer(buffer, &view, PyBUF_C_CONTIGUOUS) < 0) return NULL;
    const Py_ssize_t *index = (const Py_ssize_t *)view.buf;
    PyObject **numbers = ((PyListObject *)table)->ob_item;
    PyObject *rows = PyList_New(n);
    for (Py_ssize_t i = 0; rows != NULL && i < n; i++) {
        PyObject *row = PyList_New(d);
        if (row == NULL) { Py_CLEAR(rows); break; }
        PyObject **items = ((PyListObject *)row)->ob_item;
        for (Py_ssize_t j = 0; j < d; j++) { items[j] = numbers[index[i * d + j]]; Py_INCREF(items[j]); }
        if (untrack) PyObject_GC_UnTrack(row);
        PyList_SET_ITEM(rows, i, row);
    }
    PyBuffer_Release(&view);
    return rows;
}

static PyMethodDef methods[] = {
    {"float_row", float_row, METH_O, NULL},
    {"gather_rows", gather_rows, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};
static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_helpers", NULL, -1, methods};
PyMODINIT_FUNC PyInit__helpers(void) { return PyModule_Create(&module); }
"""


def build(folder: Path) -> Any:
    """Compile :data:`C_SOURCE` with the compiler Python was built with and import it."""
    source = folder / "_helpers.c"
    source.write_text(C_SOURCE)
    target = folder / ("_helpers" + sysconfig.get_config_var("EXT_SUFFIX"))
    cc = (sysconfig.get_config_var("CC") or "cc").split()
    subprocess.run([*cc, "-O2", "-shared", "-fPIC", f"-I{sysconfig.get_paths()['include']}", str(source),
                    "-o", str(target)], check=True)
    spec = importlib.util.spec_from_file_location("_helpers", target)
    helpers = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(helpers)
    return helpers


async def percall(helpers: Any, count: int) -> None:
    def c_row(values: list[float]) -> np.ndarray | None:
        raw = helpers.float_row(values)
        return None if raw is None else np.frombuffer(raw, dtype=np.float32)

    n, d = 1_000, 384
    print(f"\n== #17: per call at {n:,} x {d}, {count} calls each, interleaved: the list parsed by the msgspec-based "
          "float_row (as shipped) or in C, each in its own block against bare ==")
    x = unit_rows(n, d, seed=11)
    rng = np.random.default_rng(12)
    qs = [rng.standard_normal(d).astype(np.float32) for _ in range(count)]
    ql = [q.tolist() for q in qs]
    for q in ql[:50] + [[1.0] * 3 + [2], [True] * 4, [float("nan")] * 4, [1e39] * 4, [3.4028234663852886e38] * 4]:
        mine, theirs = c_row(q), float_row(q)
        assert (mine is None and theirs is None) or (mine.tobytes() == theirs.tobytes()), q[:4]
    for metric in ("cosine", "euclidean", "dot-product"):
        env = make_env(d, metric)
        load_index(env, x, ids_for(n))
        bare = Bare(x, metric)
        query = env.IDX.query

        def ours(parse: Any, query: Any = query) -> Any:
            async def call(i: int) -> Any:
                vectorize_binding.float_row = parse
                try:
                    return await query(ql[i], topK=TOP_K)
                finally:
                    vectorize_binding.float_row = float_row
            return call

        # each way in its own block against bare: in one rotation of three, the way that always
        # follows the other one finds the index's matrix still in cache, bare never does
        shipped = await interleaved({"bare": lambda i, bare=bare: bare(qs[i]), "ours": ours(float_row)}, count, warmup=50)
        in_c = await interleaved({"bare": lambda i, bare=bare: bare(qs[i]), "ours": ours(c_row)}, count, warmup=50)
        b, o = med(shipped["bare"]), med(shipped["ours"])
        bc, c = med(in_c["bare"]), med(in_c["ours"])
        print(f"  {metric:<11} bare {b * 1e6:6.1f} us   ours {o * 1e6:6.1f} us ({o / b:.2f}x)   "
              f"bare {bc * 1e6:6.1f} us   ours with the C parse {c * 1e6:6.1f} us ({c / bc:.2f}x)", flush=True)
        del env


async def ai(helpers: Any, reps: int) -> None:
    shipped = ai_binding._numbers
    table = _level_table().tolist()

    def c_numbers(untrack: bool) -> Any:
        def numbers(indices: np.ndarray) -> list[list[float]]:
            return helpers.gather_rows(table, np.ascontiguousarray(indices, dtype=np.intp), indices.shape[0],
                                       indices.shape[1], untrack)
        return numbers

    ways = {"as shipped": shipped, "rows built in C": c_numbers(False), "... and untracked": c_numbers(True)}
    print(f"\n== #11: embed 1,000 texts of ~40 words at 768 dims, then upsert them; {reps} rounds, the order "
          "rotated each round ==")
    rng = np.random.default_rng(71)
    vocabulary = _vocabulary(rng)
    probe = np.random.default_rng(3).integers(0, len(table), size=(5, 768)).astype(np.intp)
    for way in ways.values():
        assert way(probe) == shipped(probe)
    await embed_all(make_ai_env(768), _zipf_texts(rng, vocabulary, 1000, 40))  # the words, once
    embed: dict[str, list[float]] = {name: [] for name in ways}
    ratio: dict[str, list[float]] = {name: [] for name in ways}
    names = list(ways)
    perf = asyncio.get_running_loop().time
    for r in range(reps):
        for name in names[r % 3:] + names[: r % 3]:
            ai_binding._numbers = ways[name]
            try:
                texts = _zipf_texts(rng, vocabulary, 1000, 40)
                env = make_ai_env(768)
                gc.collect()
                t0 = perf()
                rows = await embed_all(env, texts)
                t1 = perf()
                vectors = [{"id": f"doc-{i}", "values": row} for i, row in enumerate(rows)]
                t2 = perf()
                await env.IDX.upsert(vectors)
                t3 = perf()
            finally:
                ai_binding._numbers = shipped
            embed[name].append(t1 - t0)
            ratio[name].append((t1 - t0) / (t3 - t2))
            del rows, vectors, env
    for name in names:
        print(f"  {name:<18} embed {med(embed[name]) * 1e3:6.1f} ms   embed / upsert (median) {med(ratio[name]):.2f}")


async def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", choices=("percall", "ai"))
    ap.add_argument("--calls", type=int, default=3000)
    ap.add_argument("--reps", type=int, default=15)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        helpers = build(Path(folder))
        if args.only in (None, "percall"):
            await percall(helpers, args.calls)
        if args.only in (None, "ai"):
            await ai(helpers, args.reps)


if __name__ == "__main__":
    asyncio.run(main())
