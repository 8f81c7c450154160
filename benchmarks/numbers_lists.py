"""Issue #11's floor: ways to build the 1,000 x 768 Python lists ``env.AI.run()`` returns.

``run()`` must return rows of Python numbers (the SDK's ``to_py()`` gives ``list[list[float]]``),
and building them is most of what separates the embedding from the upsert that reads them back.
This measures, side by side and interleaved, from the same ready-made component indices (10
calls of 100 texts, as the ``ai`` section of ``run.py`` embeds them):

- ``take + tolist``: what ``run()`` does (``workers_env.ai.binding._numbers``): one gather from
  the table of shared Python numbers into an object array, then ``tolist()``;
- ``marshal``: a ``marshal`` stream whose items are back-references to the batch's distinct
  values, built with numpy, then ``marshal.loads``;
- ``pickle``: a protocol-4 stream of memo gets (``LONG_BINGET``) per item, then ``pickle.loads``;
- ``msgpack``: MessagePack with float32 / int32 items, built with numpy, then msgspec's decoder;
- ``take + tolist, collector paused``: ``run()``'s way with the cyclic collector off, to show its
  share: every new list is a container the collector visits, item by item, while it is young;
- ``address take + tolist (borrowed)``: ``run()``'s way with the gather done on the
  numbers' addresses into the object array's own item pointers (an integer gather), which
  ``tolist()`` then reads and references; the array gets its ``None`` back after. It writes no
  reference count, but the array holds uncounted pointers while ``tolist()`` runs: measured,
  not shipped;
- ``pointer copies (unsafe)``: what even CPython-internal tricks would leave -- the table's numbers
  given huge reference counts once, then every row a ``[None] * d`` whose item pointers are
  overwritten with ``ctypes.memmove`` from a ``uint64`` gather of the numbers' addresses, so no
  reference count is touched per item. Never for the library (it writes CPython's private object
  layout); measured only on CPython 3.11 with the GIL, in this process alone;

(``run.py --only ai`` measures the upsert of such rows: about as long as ``take + tolist``).
Each alternative is first checked equal to ``take + tolist``, value for value and type for type.

    python benchmarks/numbers_lists.py            # ~15 s
"""

from __future__ import annotations

import ctypes
import gc
import marshal
import pickle
import statistics
import struct
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import msgspec
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import _vocabulary, _zipf_texts  # noqa: E402

from workers_env.ai.binding import _level_table, _numbers  # noqa: E402
from workers_env.ai.catalog import EMBEDDING_MODELS  # noqa: E402
from workers_env.ai.embedder import INDEX_LEVELS, LEVELS, embed_indices  # noqa: E402

MODEL = "@cf/baai/bge-base-en-v1.5"
ROUNDS = 30


def ready_indices() -> list[np.ndarray]:
    rng = np.random.default_rng(71)
    texts = _zipf_texts(rng, _vocabulary(rng), 1000, 40)
    spec = EMBEDDING_MODELS[MODEL]
    return [embed_indices(texts[s : s + 100], spec.dimensions, model=MODEL, variant=spec.pooling or "",
                          max_words=spec.max_input_tokens) for s in range(0, 1000, 100)]


def _distinct(indices: np.ndarray, size: int, dtype: type) -> tuple[np.ndarray, np.ndarray]:
    """The distinct table indices a batch uses, in order, and each table index's position among
    them (the stream's memo/reference number)."""
    present = np.zeros(size, dtype=bool)
    present[indices.ravel()] = True
    distinct = np.flatnonzero(present)
    remap = np.zeros(size, dtype=dtype)
    remap[distinct] = np.arange(len(distinct), dtype=dtype)
    return distinct, remap


def by_marshal() -> Callable[[np.ndarray], list[list[Any]]]:
    table = _level_table()
    refs = np.dtype([("t", "u1"), ("v", "<i4")])  # 5 bytes: b"r" + index, or b"[" + length
    encoded = [bytes([(ord("i") if type(x) is int else ord("g")) | 0x80])  # FLAG_REF: registered on load
               + (struct.pack("<i", x) if type(x) is int else struct.pack("<d", x)) for x in table.tolist()]

    def build(indices: np.ndarray) -> list[list[Any]]:
        n, d = indices.shape
        distinct, remap = _distinct(indices, len(table), np.int32)
        records = np.empty((n, d + 1), dtype=refs)
        records["t"][:, 0], records["v"][:, 0] = ord("["), d
        records["t"][:, 1:] = ord("r")
        np.take(remap, indices, out=records["v"][:, 1:])
        head = (b"(" + struct.pack("<i", 2) + b"(" + struct.pack("<i", len(distinct))
                + b"".join([encoded[i] for i in distinct.tolist()]) + b"[" + struct.pack("<i", n))
        return marshal.loads(head + records.tobytes())[1]

    return build


def by_pickle() -> Callable[[np.ndarray], list[list[Any]]]:
    table = _level_table()
    gets = np.dtype([("t", "u1"), ("v", "<u4")])  # b"j" + memo index: LONG_BINGET

    def build(indices: np.ndarray) -> list[list[Any]]:
        n, d = indices.shape
        distinct, remap = _distinct(indices, len(table), np.uint32)
        parts = [b"\x80\x04("]  # PROTO 4, MARK
        for k, x in enumerate(table[distinct].tolist()):
            parts.append((b"J" + struct.pack("<i", x)) if type(x) is int else (b"G" + struct.pack(">d", x)))
            parts.append(b"r" + struct.pack("<I", k))  # LONG_BINPUT
        parts.append(b"1](")  # POP_MARK, EMPTY_LIST, MARK
        records = np.empty((n, d), dtype=gets)
        records["t"] = ord("j")
        np.take(remap, indices, out=records["v"])
        row = d * 5
        raw = records.tobytes()
        body = b"".join([b"](" + raw[i * row:(i + 1) * row] + b"e" for i in range(n)])
        return pickle.loads(b"".join(parts) + body + b"e.")

    return build


def by_msgpack() -> Callable[[np.ndarray], list[list[Any]]]:
    decoder = msgspec.msgpack.Decoder()

    def build(indices: np.ndarray) -> list[list[Any]]:
        n, d = indices.shape
        row = 3 + 5 * d
        buf = np.empty(3 + n * row, dtype=np.uint8)
        buf[0], buf[1:3] = 0xDC, np.frombuffer(struct.pack(">H", n), np.uint8)
        rows = buf[3:].reshape(n, row)
        rows[:, 0], rows[:, 1:3] = 0xDC, np.frombuffer(struct.pack(">H", d), np.uint8)
        cells = rows[:, 3:].reshape(n, d, 5)
        levels = INDEX_LEVELS[indices]
        whole = (levels == LEVELS) | (levels == -LEVELS)
        bits = np.where(whole, (levels // LEVELS).astype(np.int32).view(np.uint32),
                        (levels.astype(np.float32) / np.float32(LEVELS)).view(np.uint32))
        cells[..., 0] = np.where(whole, 0xD2, 0xCA)  # int32 / float32
        cells[..., 1:] = bits.astype(">u4").view(np.uint8).reshape(n, d, 4)
        return decoder.decode(buf.tobytes())

    return build


def paused(way: Callable[[np.ndarray], list[list[Any]]]) -> Callable[[np.ndarray], list[list[Any]]]:
    def build(indices: np.ndarray) -> list[list[Any]]:
        gc.disable()
        try:
            return way(indices)
        finally:
            gc.enable()

    return build


def _items(row: list[Any], items_at: int) -> int:
    """The address of a list's item pointers (its ``ob_item``)."""
    return ctypes.c_void_p.from_address(id(row) + items_at).value or 0


def by_pointer_copies() -> Callable[[np.ndarray], list[list[Any]]] | None:
    """The unsafe floor (see the module's docstring), or None where its layout guesses do not hold."""
    if sys.implementation.name != "cpython" or sys.version_info[:2] != (3, 11) or hasattr(sys, "gettotalrefcount"):
        return None
    table = _level_table()
    addresses = np.array([id(x) for x in table.tolist()], dtype=np.uint64)
    for address in set(addresses.tolist()):  # never freed: the table holds them for the process anyway
        ctypes.c_ssize_t.from_address(address).value += 1 << 40
    items_at = 3 * ctypes.sizeof(ctypes.c_void_p)  # PyListObject: refcount, type, size, then ob_item
    probe = [None] * 2
    if ctypes.c_void_p.from_address(_items(probe, items_at)).value != id(None):
        return None
    none_refs = ctypes.c_ssize_t.from_address(id(None))

    def build(indices: np.ndarray) -> list[list[Any]]:
        n, d = indices.shape
        pointers = addresses[indices]
        base, row = pointers.ctypes.data, d * 8
        rows = [[None] * d for _ in range(n)]
        for i, r in enumerate(rows):
            ctypes.memmove(_items(r, items_at), base + i * row, row)
        none_refs.value -= n * d  # the Nones the rows no longer hold
        return rows

    return build


class _Slots:
    """An object array's item pointers as ``np.intp``, read by address (``__array_interface__``)."""

    def __init__(self, owner: np.ndarray) -> None:
        self.owner = owner  # kept alive with the view
        self.__array_interface__ = {"data": (owner.__array_interface__["data"][0], False), "shape": owner.shape,
                                    "typestr": np.dtype(np.intp).str, "version": 3}


def by_borrowed_addresses() -> Callable[[np.ndarray], list[list[Any]]] | None:
    """``run()``'s ``tolist()`` with the gather done on the numbers' addresses (CPython's ``id``)
    into the reused object array's own item pointers: an integer ``take`` instead of one that
    copies a reference per item. The array lends those pointers to ``tolist()``, which takes its
    own reference to each, and gets its ``None`` back at once -- no reference count is written by
    hand, but the array holds uncounted pointers meanwhile (measured here; not in the library)."""
    if sys.implementation.name != "cpython":
        return None
    addresses = np.array([id(x) for x in _level_table().tolist()], dtype=np.intp)
    objects = np.empty(100 * 768, dtype=object)  # each item a counted reference to None
    slots = np.asarray(_Slots(objects))
    none = id(None)

    def build(indices: np.ndarray) -> list[list[Any]]:
        size = indices.size
        np.take(addresses, indices.reshape(-1), out=slots[:size], mode="wrap")
        try:
            return objects[:size].reshape(indices.shape).tolist()
        finally:
            slots[:size] = none

    return build


def same(a: list[list[Any]], b: list[list[Any]]) -> bool:
    return a == b and all(type(x) is type(y) for r, s in zip(a, b) for x, y in zip(r, s))


def main() -> int:
    batches = ready_indices()
    reference = [_numbers(ix) for ix in batches]
    ways: dict[str, Callable[[np.ndarray], list[list[Any]]]] = {
        "take + tolist (run())": _numbers, "marshal": by_marshal(), "pickle": by_pickle(), "msgpack": by_msgpack(),
        "take + tolist, collector paused": paused(_numbers)}
    borrowed = by_borrowed_addresses()
    if borrowed is not None:
        ways["address take + tolist (borrowed)"] = borrowed
    unsafe = by_pointer_copies()
    if unsafe is None:
        print("(pointer copies: not measured, CPython 3.11 with the GIL only)")
    else:
        ways["pointer copies (unsafe)"] = unsafe
        ways["pointer copies, collector paused"] = paused(unsafe)
    for name, way in ways.items():
        assert all(same(way(ix), ref) for ix, ref in zip(batches, reference)), f"{name} builds other rows"
    times: dict[str, list[float]] = {name: [] for name in ways}
    for round_ in range(ROUNDS):
        order = list(ways)[round_ % len(ways):] + list(ways)[:round_ % len(ways)]
        for name in order:
            gc.collect()
            start = time.perf_counter()
            built = [ways[name](ix) for ix in batches]
            times[name].append(time.perf_counter() - start)
            del built
    base = statistics.median(times["take + tolist (run())"])
    print(f"1,000 x 768 rows from 10 batches of ready indices, median of {ROUNDS} interleaved rounds:")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"  {name:34} {median * 1e3:7.2f} ms  {median / base:5.2f}x run()'s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
