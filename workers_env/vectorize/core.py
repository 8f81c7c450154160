"""The exact vector search core: one contiguous float32 matrix per index.

Synchronous and free of event-loop state, so it works under any pytest-asyncio mode or
loop scope; the async binding methods are thin wrappers around it. It knows nothing of
JSON, error texts or Workers: callers hand it validated arrays and get rows and scores.

Layout: rows ``0..n-1`` of ``_vectors`` are live. Appends grow capacity geometrically
(amortised O(1)); a delete moves the last row into the hole (O(batch)). Every per-row
array -- squared norms, namespace codes, write sequence numbers, metadata columns -- moves
with its row.
"""

from __future__ import annotations

import math
import mmap
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np

__all__ = ["KIND_ABSENT", "KIND_BOOL", "KIND_NUMBER", "KIND_STRING", "Column", "IndexCore"]

_GROWTH = 2.0  # capacity doubling: each row is copied ~once on average (1.5 copied ~twice)
_MIN_CAPACITY = 16
_U32 = 2.0**-24  # float32 unit roundoff
_SIMILARITY = {"cosine": True, "euclidean": False, "dot-product": False}
_GATHER_FRACTION = 0.3  # below this share of candidate rows, score only those rows
_TINY = 1e-60  # squared norms below this (but above 0) lose precision in float32 products
_UNDERFLOW = 2.0**-149  # the smallest float32 subnormal: absolute error per product
_SELECT_BLOCK = 64  # keys per block when bounding the k-th smallest key by block minima


_VECDOT = getattr(np, "vecdot", None)  # numpy >= 2.0
_SMALL_DOT_ROWS = 64
_DOT_BLOCK = 4096  # rows widened to float64 at a time (24 MB at 768 dimensions)


def _row_dots(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Row-wise float64 dot products of ``x`` (m, d) with ``y`` (d,) or (m, d).

    Each row goes through the same one-row kernel, so equal rows give bit-equal results
    wherever they sit (BLAS matrix-vector kernels round rows differently by position, and
    copies of a vector must tie exactly). ``vecdot`` is numpy 2's gufunc (a dot per row,
    widening float32 exactly); older numpy gets ``einsum``, which is slower per call.
    """
    if _VECDOT is not None:
        if x.shape[0] <= _SMALL_DOT_ROWS:  # a query's candidates: the gufunc widens them itself
            return _VECDOT(x, y, dtype=np.float64)
        # many rows: widening inside the gufunc costs ~10 us per row; widen in blocks instead
        out = np.empty(x.shape[0], dtype=np.float64)
        y64 = np.asarray(y, dtype=np.float64) if y.ndim == 1 else None
        for s in range(0, x.shape[0], _DOT_BLOCK):
            xb = np.asarray(x[s : s + _DOT_BLOCK], dtype=np.float64)
            yb = y64 if y64 is not None else (xb if y is x else np.asarray(y[s : s + _DOT_BLOCK], dtype=np.float64))
            _VECDOT(xb, yb, out=out[s : s + _DOT_BLOCK])
        return out
    x64 = np.asarray(x, dtype=np.float64)  # one einsum form for all, so |x|^2, |q|^2 and q.x agree
    return np.einsum("ij,ij->i", x64, np.broadcast_to(np.asarray(y, dtype=np.float64), x64.shape))


def _self_dot(q: np.ndarray) -> float:
    """``|q|^2`` in float64, by the kernel that computes a stored row's ``|x|^2``."""
    if _VECDOT is not None:
        return float(_VECDOT(q, q, dtype=np.float64))
    return float(_row_dots(q.reshape(1, -1), q.reshape(1, -1))[0])


def _is_tiny(sqnorms: np.ndarray | float) -> np.ndarray:
    return (np.asarray(sqnorms) > 0.0) & (np.asarray(sqnorms) < _TINY)

KIND_ABSENT, KIND_STRING, KIND_NUMBER, KIND_BOOL, KIND_NULL, KIND_OTHER = 0, 1, 2, 3, 4, 5
_TYPE_KINDS = {"string": KIND_STRING, "number": KIND_NUMBER, "boolean": KIND_BOOL}


def _kind_of(value: Any) -> int:
    if isinstance(value, bool):
        return KIND_BOOL
    if isinstance(value, str):
        return KIND_STRING
    if isinstance(value, (int, float)):
        return KIND_NUMBER
    if value is None:
        return KIND_NULL
    return KIND_OTHER


def _truncate_utf8(text: str, limit: int) -> str:
    """The longest prefix of ``text`` within ``limit`` UTF-8 bytes, cut on a character boundary.

    Lone surrogates (which valid JSON never carries, but a Python ``str`` can) count as the
    three bytes ``surrogatepass`` gives them instead of raising.
    """
    if len(text) * 4 <= limit:  # fast path: no character takes more than 4 bytes
        return text
    raw = text.encode("utf-8", "surrogatepass")
    if len(raw) <= limit:
        return text
    cut = limit
    while cut > 0 and (raw[cut] & 0xC0) == 0x80:  # back up to the first byte of a character
        cut -= 1
    return raw[:cut].decode("utf-8", "surrogatepass")


def _as_float(value: float) -> float:
    """``float(value)``, with integers beyond float64's range as +-inf instead of an error."""
    try:
        return float(value)
    except OverflowError:
        return math.inf if value > 0 else -math.inf


_MISSING = object()


def lookup_path(metadata: Mapping[str, Any], path: tuple[str, ...]) -> Any:
    """The value at a dotted path (``("a", "b")`` reads ``metadata["a"]["b"]``), or a sentinel."""
    node: Any = metadata
    for part in path:
        if not isinstance(node, Mapping) or part not in node:
            return _MISSING
        node = node[part]
    return node


class Column:
    """One metadata property over all rows, as numpy arrays a filter can compare at once.

    ``kind`` says per row what the value is (absent, string, number, ...). Numbers and
    booleans sit in ``num`` as float64; strings sit in ``code`` as indices into
    ``strings``. A *typed* column is a v2 metadata index: it only holds values of its
    type, strings cut to ``string_bytes``, and only rows written after it was created.
    """

    def __init__(self, path: tuple[str, ...], capacity: int, *, type_: str | None = None,
                 created_seq: int = -1, string_bytes: int | None = None):
        self.path = path
        self.type = type_
        self.created_seq = created_seq
        self.string_bytes = string_bytes
        self.kind = np.zeros(capacity, dtype=np.int8)
        self.num = np.zeros(capacity, dtype=np.float64)
        self.code = np.zeros(capacity, dtype=np.int32)
        self.strings: list[str] = []
        self._codes: dict[str, int] = {}
        self._sorted: list[str] = []  # ``strings`` in ascending order (cache)
        self._ranks = np.zeros(0, dtype=np.int64)  # per code: its position in ``_sorted``
        #: rows written at or before ``created_seq`` that carry a value of its type (a typed
        #: column only), as counted after the core's write number ``left_out_at``
        self.left_out = 0
        self.left_out_at = -1

    def string_code(self, text: str) -> int | None:
        """The code of a string value if any row ever held it, else ``None``."""
        return self._codes.get(text)

    def string_order(self) -> tuple[list[str], np.ndarray]:
        """Every distinct string in ascending order, and per string code its rank in that order.

        Python orders ``str`` by code point, which is the order of their UTF-8 bytes, as the
        service compares strings. Rebuilt only when new strings arrived, so a range filter
        costs one ``bisect`` plus one numpy comparison over the rows.
        """
        if len(self._sorted) != len(self.strings):
            order = sorted(range(len(self.strings)), key=self.strings.__getitem__)
            ranks = np.empty(len(order), dtype=np.int64)
            ranks[np.asarray(order, dtype=np.intp)] = np.arange(len(order), dtype=np.int64)
            self._sorted = [self.strings[i] for i in order]
            self._ranks = ranks
        return self._sorted, self._ranks

    def _resize(self, capacity: int) -> None:
        for name in ("kind", "num", "code"):
            old = getattr(self, name)
            new = np.zeros(capacity, dtype=old.dtype)
            new[: min(len(old), capacity)] = old[:capacity]
            setattr(self, name, new)

    def set_rows(self, rows: Sequence[int], metadata: Sequence[Mapping[str, Any]]) -> None:
        """Read this column's property from each row's metadata (one Python step per written row).

        A typed column keeps only values of its type; anything else -- missing, null, an
        array, an object, another type -- leaves the row out of it (``KIND_ABSENT``).
        """
        want = _TYPE_KINDS.get(self.type) if self.type else None
        kinds: list[int] = []
        nums: list[float] = []
        codes: list[int] = []
        for meta in metadata:
            value = lookup_path(meta, self.path)
            kind = KIND_ABSENT if value is _MISSING else _kind_of(value)
            if want is not None and kind != want:
                kind = KIND_ABSENT
            num, code = 0.0, 0
            if kind == KIND_STRING:
                if self.string_bytes is not None:
                    value = _truncate_utf8(value, self.string_bytes)
                code = self._codes.get(value)  # type: ignore[assignment]
                if code is None:
                    code = self._codes[value] = len(self.strings)
                    self.strings.append(value)
            elif kind in (KIND_NUMBER, KIND_BOOL):
                num = _as_float(value)
            kinds.append(kind)
            nums.append(num)
            codes.append(code)
        idx = np.fromiter(rows, dtype=np.intp, count=len(kinds))
        self.kind[idx] = kinds
        self.num[idx] = nums
        self.code[idx] = codes

    def clear_rows(self, rows: Sequence[int]) -> None:
        self.kind[list(rows)] = KIND_ABSENT

    def move(self, src: int, dst: int) -> None:
        self.kind[dst] = self.kind[src]
        self.num[dst] = self.num[src]
        self.code[dst] = self.code[src]


def _rows_within(key: np.ndarray, kk: int, tol: float) -> np.ndarray:
    """``np.flatnonzero(key <= kth + tol)`` where ``kth`` is the ``kk``-th smallest key.

    A full ``argpartition`` costs ~10% of the scan it follows (13 ms at 1M keys). Instead,
    the minima of ``_SELECT_BLOCK`` disjoint (strided) groups bound the k-th key from above:
    the ``kk`` smallest minima are ``kk`` distinct keys, so at least ``kk`` keys lie at or
    below ``t``, the largest of them. The k-th key is then the k-th of the few keys
    ``<= t``, and when ``kth + tol <= t`` those few hold every row within tolerance.
    Same rows, same order as the direct computation, for any keys (ties, inf).
    """
    n = key.shape[0]
    if n >= 16 * _SELECT_BLOCK and kk * 4 * _SELECT_BLOCK <= n:
        groups = n // _SELECT_BLOCK
        minima = key[: groups * _SELECT_BLOCK].reshape(_SELECT_BLOCK, groups).min(axis=0)
        t = float(np.partition(minima, kk - 1)[kk - 1])
        idx = (key <= t).nonzero()[0]  # flatnonzero without its ravel() call: key is 1-D
        if idx.size >= kk:  # always, unless NaN keys made t NaN
            vals = key[idx]
            kth = float(np.partition(vals, kk - 1)[kk - 1])
            if kth + tol <= t:
                return idx[vals <= kth + tol]
            return (key <= kth + tol).nonzero()[0]
    part = key.copy()  # np.partition without its Python wrapper (a per-query microsecond)
    part.partition(kk - 1)
    kth = float(part[kk - 1])
    return (key <= kth + tol).nonzero()[0]


def _advise_huge(buf: mmap.mmap) -> None:
    advice = getattr(mmap, "MADV_HUGEPAGE", None)  # as numpy does for its own large arrays
    if advice is not None and len(buf) >= 4 << 20:
        try:
            buf.madvise(advice)
        except OSError:
            pass


def _new_matrix(rows: int, cols: int) -> tuple[mmap.mmap | None, np.ndarray]:
    """An uninitialised float32 ``(rows, cols)`` matrix, in its own private anonymous
    mapping where the platform has one, so that growing it can be an ``mremap``: no copy,
    and pages already written are not faulted in again (see ``IndexCore._grow_vectors``).
    Untouched capacity is never resident either way."""
    flags = getattr(mmap, "MAP_PRIVATE", None)
    nbytes = rows * cols * 4
    if flags is None or nbytes == 0:
        return None, np.empty((rows, cols), dtype=np.float32)
    buf = mmap.mmap(-1, nbytes, flags=flags)
    _advise_huge(buf)
    return buf, np.frombuffer(buf, dtype=np.float32).reshape(rows, cols)


class IndexCore:
    """Vectors, ids, namespaces and metadata of one index, with exact top-k search."""

    def __init__(self, dimensions: int, metric: str, *, capacity: int = 0):
        if metric not in _SIMILARITY:
            raise ValueError(f"unknown metric {metric!r}")
        self.dimensions = dimensions
        self.metric = metric
        cap = max(capacity, _MIN_CAPACITY)
        self._n = 0
        self._vectors_map, self._vectors = _new_matrix(cap, dimensions)
        self._sqnorms = np.empty(cap, dtype=np.float64)
        # the per-row float32 term of the approximate ranking key: -1/|x| (0 for zero and tiny
        # vectors) under cosine, |x|^2 / 2 under euclidean, unused under dot product
        self._key_terms = np.empty(cap, dtype=np.float32)
        self._namespace = np.empty(cap, dtype=np.int32)  # -1: no namespace
        self._seq = np.empty(cap, dtype=np.int64)
        self._ids: list[str] = []
        self._metadata: list[dict[str, Any]] = []
        self._row_of: dict[str, int] = {}
        self._ns_code: dict[str, int] = {}
        self._ns_names: list[str] = []
        self._ns_count: list[int] = []
        self._max_sqnorm = 0.0
        self._tiny_count = 0  # rows whose norm is too small for float32 arithmetic
        self._zero_count = 0  # all-zero rows (they score 0 under cosine)
        self._columns: dict[tuple[tuple[str, ...], str | None], Column] = {}
        self._writes = 0  # upserts and deletes so far: what a cached count was taken after

    # -- sizes and lookups ----------------------------------------------------------------
    def __len__(self) -> int:
        return self._n

    @property
    def capacity(self) -> int:
        return int(self._vectors.shape[0])

    def __contains__(self, vector_id: object) -> bool:
        return vector_id in self._row_of

    def count_new(self, ids: Sequence[str]) -> int:
        """How many of ``ids`` (each counted as often as it comes) the index does not hold:
        one C pass, not a Python test per id (a write of 5,000 vectors asks it three times)."""
        return len(ids) - sum(map(self._row_of.__contains__, ids))

    def row_of(self, vector_id: str) -> int | None:
        return self._row_of.get(vector_id)

    def id_at(self, row: int) -> str:
        return self._ids[row]

    @property
    def ids(self) -> list[str]:
        """Ids in row order (a copy)."""
        return list(self._ids)

    def namespace_count(self) -> int:
        """How many distinct namespaces hold at least one vector."""
        return sum(1 for c in self._ns_count if c > 0)

    def namespace_code(self, namespace: str) -> int | None:
        code = self._ns_code.get(namespace)
        if code is None or self._ns_count[code] == 0:
            return None
        return code

    @property
    def has_namespaces(self) -> bool:
        """False while no vector ever had a namespace (results then carry none)."""
        return bool(self._ns_names)

    def namespaces_of(self, rows: Iterable[int]) -> list[str | None]:
        rows = list(rows)
        if not self._ns_names:  # no vector ever had a namespace (per-query result building)
            return [None] * len(rows)
        return [self._ns_names[c] if c >= 0 else None for c in self._namespace[rows].tolist()]

    def metadata_of(self, row: int) -> dict[str, Any]:
        return self._metadata[row]

    def values_of(self, rows: Sequence[int]) -> np.ndarray:
        """A copy of the stored float32 rows, shape ``(len(rows), dimensions)``."""
        return self._vectors[np.asarray(rows, dtype=np.intp)]

    def seq_of(self, row: int) -> int:
        return int(self._seq[row])

    # -- writes ------------------------------------------------------------------------------
    def _reserve(self, total: int) -> None:
        cap = self.capacity
        if total <= cap:
            return
        new_cap = max(total, int(cap * _GROWTH) + 1)
        self._grow_vectors(new_cap)
        for name in ("_sqnorms", "_key_terms", "_namespace", "_seq"):
            old = getattr(self, name)
            new = np.empty((new_cap,) + old.shape[1:], dtype=old.dtype)
            new[: self._n] = old[: self._n]
            setattr(self, name, new)
        for column in self._columns.values():
            column._resize(new_cap)

    def _grow_vectors(self, new_cap: int) -> None:
        """Grow the matrix to ``new_cap`` rows, keeping the live ones.

        In its own mapping the matrix grows in place (``mmap.resize`` is ``mremap`` on
        Linux): the live rows are neither copied nor faulted in again -- on a VM where a
        fresh page costs ~2 us (0.5 GB/s) that was most of the ingestion time. If a view of
        the matrix is still alive somewhere, or the platform has no mremap, the resize is
        refused and the rows are copied into a new matrix, as before.
        """
        buf, n, d = self._vectors_map, self._n, self.dimensions
        if buf is not None:
            self._vectors = None  # type: ignore[assignment]  # drop our export of the map
            try:
                buf.resize(new_cap * d * 4)
            except (BufferError, OSError, SystemError, TypeError, ValueError):
                old = np.frombuffer(buf, dtype=np.float32).reshape(-1, d)
            else:
                _advise_huge(buf)
                self._vectors = np.frombuffer(buf, dtype=np.float32).reshape(new_cap, d)
                return
        else:
            old = self._vectors
        self._vectors_map, self._vectors = _new_matrix(new_cap, d)
        self._vectors[:n] = old[:n]

    def _key_terms_of(self, sq: np.ndarray, tiny: np.ndarray) -> np.ndarray:
        """The float32 key terms (see ``_key_terms``) of rows with squared norms ``sq``."""
        if self.metric == "euclidean":
            with np.errstate(over="ignore"):  # beyond float32: such indexes rank in float64 (see search)
                return (sq * 0.5).astype(np.float32)
        if self.metric == "dot-product":
            return np.zeros(len(sq), dtype=np.float32)
        norms = np.sqrt(sq)
        with np.errstate(divide="ignore"):
            inv = np.where(norms > 0, 1.0 / np.where(norms > 0, norms, 1.0), 0.0)
        return np.where(tiny, 0.0, -inv).astype(np.float32)

    def adopt(self, ids: list[str], values: np.ndarray, namespaces: Sequence[str | None],
              metadata: list[dict[str, Any]], seqs: np.ndarray, *, sqnorms: np.ndarray | None = None) -> None:
        """Fill an empty core with stored rows, taking ``values`` over as the matrix (no copy).

        For opening persisted state: ``values`` is a writable C-contiguous float32
        ``(n, dimensions)`` array (read from the state file, or a copy-on-write mapping of
        a snapshot) and becomes the matrix with capacity ``n``; the first append copies it
        into a growable mapping. ``ids`` must be unique. ``sqnorms`` (float64 ``|x|^2`` per
        row, as :func:`_row_dots` computes them) saves a pass over the vectors.
        """
        n = len(ids)
        if self._n or self._columns or n < _MIN_CAPACITY or values.shape != (n, self.dimensions) \
                or values.dtype != np.float32 or not values.flags.c_contiguous or not values.flags.writeable:
            self.upsert(ids, values, namespaces, metadata, seq=seqs)
            return
        self._vectors_map, self._vectors = None, values
        self._ids = ids
        self._metadata = metadata
        self._row_of = dict(zip(ids, range(n)))
        if len(self._row_of) != n:
            raise ValueError("repeated ids")
        if list(namespaces).count(None) == n:  # at C speed: most indexes use no namespaces
            self._namespace = np.full(n, -1, dtype=np.int32)
        else:
            self._namespace = self._namespace_codes(namespaces)
        if self._ns_names:
            counts = np.bincount(self._namespace[self._namespace >= 0], minlength=len(self._ns_names))
            self._ns_count = [int(c) for c in counts]
        self._seq = np.ascontiguousarray(seqs, dtype=np.int64)
        sq = _row_dots(values, values) if sqnorms is None else np.ascontiguousarray(sqnorms, dtype=np.float64)
        self._sqnorms = sq
        tiny = _is_tiny(sq)
        self._tiny_count = int(tiny.sum())
        self._zero_count = int((sq == 0.0).sum())
        self._key_terms = self._key_terms_of(sq, tiny)
        self._max_sqnorm = float(sq.max()) if n else 0.0
        self._n = n

    def _namespace_codes(self, namespaces: Sequence[str | None]) -> np.ndarray:
        codes = np.empty(len(namespaces), dtype=np.int32)
        for i, ns in enumerate(namespaces):
            if ns is None:
                codes[i] = -1
                continue
            code = self._ns_code.get(ns)
            if code is None:
                code = self._ns_code[ns] = len(self._ns_names)
                self._ns_names.append(ns)
                self._ns_count.append(0)
            codes[i] = code
        return codes

    def namespaces_after(self, ids: Sequence[str], namespaces: Sequence[str | None],
                         deletes: Sequence[str] = ()) -> int:
        """How many non-empty namespaces there would be after such a write (for limits)."""
        delta: dict[str, int] = {}
        for vid in list(ids) + list(deletes):
            row = self._row_of.get(vid)
            if row is not None:
                code = int(self._namespace[row])
                if code >= 0:
                    name = self._ns_names[code]
                    delta[name] = delta.get(name, 0) - 1
        for ns in namespaces:
            if ns is not None:
                delta[ns] = delta.get(ns, 0) + 1
        names = set(delta) | {n for n, c in zip(self._ns_names, self._ns_count) if c > 0}
        current = dict(zip(self._ns_names, self._ns_count))
        return sum(1 for n in names if current.get(n, 0) + delta.get(n, 0) > 0)

    def upsert(self, ids: Sequence[str], values: np.ndarray, namespaces: Sequence[str | None],
               metadata: Sequence[dict[str, Any]], *, seq: int | np.ndarray = 0) -> None:
        """Write whole vectors: new ids are appended, existing ids replaced in place.

        ``seq`` is the write's sequence number, or one per row when rows are reloaded
        from storage (a row is in a metadata index only if written after it was created).

        ``ids`` must be unique; ``values`` is ``(len(ids), dimensions)`` float32.
        """
        n_new = len(ids)
        if n_new == 0:
            return
        self._writes += 1
        values = np.ascontiguousarray(values, dtype=np.float32)
        rows = np.empty(n_new, dtype=np.intp)
        self._reserve(self._n + self.count_new(ids))
        codes = self._namespace_codes(namespaces)
        old_n = next_row = self._n
        for i, vid in enumerate(ids):
            row = self._row_of.get(vid)
            if row is None:
                row = next_row
                next_row += 1
                self._row_of[vid] = row
                self._ids.append(vid)
                self._metadata.append(metadata[i])
            else:
                old = int(self._namespace[row])
                if old >= 0:
                    self._ns_count[old] -= 1
                self._metadata[row] = metadata[i]
            rows[i] = row
        self._n = next_row
        for code in codes.tolist():
            if code >= 0:
                self._ns_count[code] += 1
        # Appended rows are contiguous: a slice assignment costs half a fancy-index one
        # (0.15 vs 0.3 ms per 1000 x 768 batch into touched memory).
        fresh_rows = rows >= old_n
        if fresh_rows.all():
            self._vectors[old_n:next_row] = values
        else:
            self._vectors[old_n:next_row] = values[fresh_rows]
            self._vectors[rows[~fresh_rows]] = values[~fresh_rows]
        replaced = rows[rows < old_n]
        if len(replaced):
            old_sq = self._sqnorms[replaced]
            self._tiny_count -= int(_is_tiny(old_sq).sum())
            self._zero_count -= int((old_sq == 0.0).sum())
        sq = _row_dots(values, values)
        self._zero_count += int((sq == 0.0).sum())
        self._sqnorms[rows] = sq
        tiny = _is_tiny(sq)
        self._tiny_count += int(tiny.sum())
        self._key_terms[rows] = self._key_terms_of(sq, tiny)
        self._namespace[rows] = codes
        self._seq[rows] = seq
        if len(sq):
            self._max_sqnorm = max(self._max_sqnorm, float(sq.max()))
        row_list = rows.tolist()
        meta_list = list(metadata)
        seqs = None if np.isscalar(seq) else np.asarray(seq, dtype=np.int64)
        for column in self._columns.values():
            if column.type is None:
                column.set_rows(row_list, meta_list)
            elif seqs is None:
                if seq <= column.created_seq:  # type: ignore[operator]
                    column.clear_rows(row_list)
                else:
                    column.set_rows(row_list, meta_list)
            else:  # rows loaded from storage, each with the seq of its own write
                later = (seqs > column.created_seq).tolist()
                column.clear_rows([r for r, keep in zip(row_list, later) if not keep])
                column.set_rows([r for r, keep in zip(row_list, later) if keep],
                                [m for m, keep in zip(meta_list, later) if keep])

    def delete(self, ids: Iterable[str]) -> list[str]:
        """Remove vectors; unknown ids are ignored. Returns the ids actually removed."""
        removed: list[str] = []
        columns = list(self._columns.values())
        for vid in ids:
            row = self._row_of.pop(vid, None)
            if row is None:
                continue
            removed.append(vid)
            if _is_tiny(self._sqnorms[row]):
                self._tiny_count -= 1
            if self._sqnorms[row] == 0.0:
                self._zero_count -= 1
            code = int(self._namespace[row])
            if code >= 0:
                self._ns_count[code] -= 1
            last = self._n - 1
            if row != last:
                moved = self._ids[last]
                self._vectors[row] = self._vectors[last]
                self._sqnorms[row] = self._sqnorms[last]
                self._key_terms[row] = self._key_terms[last]
                self._namespace[row] = self._namespace[last]
                self._seq[row] = self._seq[last]
                self._ids[row] = moved
                self._metadata[row] = self._metadata[last]
                self._row_of[moved] = row
                for column in columns:
                    column.move(last, row)
            self._ids.pop()
            self._metadata.pop()
            self._n = last
        if removed:
            self._writes += 1
        if self._n == 0:
            self._max_sqnorm = 0.0
        return removed

    # -- metadata columns ------------------------------------------------------------------
    def column(self, path: tuple[str, ...], *, type_: str | None = None) -> Column | None:
        """The column of ``path``: a v2 metadata index (``type_``) or an on-demand v1 column.

        Untyped columns are built on first use from the stored metadata and kept up to date
        by later writes, so a filter never loops over vectors in Python twice.
        """
        key = (path, type_)
        column = self._columns.get(key)
        if column is None and type_ is None:
            column = Column(path, self.capacity)
            column.set_rows(range(self._n), self._metadata)
            self._columns[key] = column
        return column

    def add_metadata_index(self, path: tuple[str, ...], type_: str, *, created_seq: int,
                           string_bytes: int) -> None:
        """Start a v2 metadata index; rows written at or before ``created_seq`` stay out of it."""
        column = Column(path, self.capacity, type_=type_, created_seq=created_seq, string_bytes=string_bytes)
        later = np.flatnonzero(self._seq[: self._n] > created_seq).tolist()
        if later:
            column.set_rows(later, [self._metadata[r] for r in later])
        self._columns[(path, type_)] = column

    def left_out_of(self, path: tuple[str, ...], type_: str) -> int:
        """How many vectors carry a ``type_`` value at ``path`` but are not in its metadata index,
        having been written at or before it was created: no filter on it matches them until
        they are written again. Counted over those older rows only, once per write (cached);
        once none is left none can come back (later writes are all in the index), so the
        common case -- metadata indexes made before the data -- costs one comparison."""
        column = self._columns.get((path, type_))
        if column is None or (column.left_out == 0 and column.left_out_at >= 0):
            return 0
        if column.left_out_at != self._writes:
            want = _TYPE_KINDS[type_]
            older = np.flatnonzero(self._seq[: self._n] <= column.created_seq).tolist()
            column.left_out = sum(
                1 for row in older
                if (value := lookup_path(self._metadata[row], path)) is not _MISSING and _kind_of(value) == want
            )
            column.left_out_at = self._writes
        return column.left_out

    def drop_metadata_index(self, path: tuple[str, ...], type_: str) -> None:
        self._columns.pop((path, type_), None)

    # -- search ------------------------------------------------------------------------------
    def search(self, query: np.ndarray, k: int, *, candidates: np.ndarray | None = None) -> list[tuple[int, str, float]]:
        """The ``k`` best ``(row, id, score)`` for ``query``, best first, ties by id (code-point order).

        ``candidates`` restricts the search to those rows (namespace and filter already
        applied). Scores: cosine similarity (highest first), euclidean distance and
        negative dot product (lowest first). Ranking uses a float32 scan; the rows that
        can still be in the top k after allowing for float32 rounding are rescored exactly
        in float64, so results equal an exact float64 computation.
        """
        n = self._n
        if k <= 0 or n == 0:
            return []
        q32 = query if type(query) is np.ndarray and query.dtype == np.float32 and query.flags.c_contiguous \
            else np.ascontiguousarray(query, dtype=np.float32)
        if _VECDOT is not None:  # widened once, for |q|^2 and the exact rescoring
            q64 = q32.astype(np.float64)
            qq = float(_VECDOT(q64, q64))  # as |x|^2 of a stored row: a query equal to a row scores exactly 1 / 0
        else:
            q64 = None
            qq = _self_dot(q32)
        if candidates is not None:
            candidates = np.asarray(candidates, dtype=np.intp)
            m = len(candidates)
            if m == 0:
                return []
        else:
            m = n
        # Outside float32's comfortable range the float32 scan cannot rank reliably:
        # score every candidate in float64 instead (rare: huge or subnormal-scale vectors).
        overflow = not self._scan_ranks(qq)
        if overflow:
            base = candidates if candidates is not None else np.arange(n)
            key = self._exact_keys(base, q32, qq)
            tol = 0.0
        else:
            if candidates is not None and m < _GATHER_FRACTION * n:
                base = candidates
                dots = self._vectors[base] @ q32
                key = self._approx_keys(dots, base, qq)
            else:
                dots = self._vectors[:n] @ q32
                key = self._approx_keys(dots, None, qq)
                if candidates is not None:
                    allowed = np.zeros(n, dtype=bool)
                    allowed[candidates] = True
                    key[~allowed] = np.inf
                    base = None
                else:
                    base = None
            tol = self._tolerance(qq)
        kk = min(k, m)
        if kk < len(key):
            within = _rows_within(key, kk, tol)
        else:
            within = np.flatnonzero(np.isfinite(key))
        rows = within if base is None else base[within]
        if rows.size == 0:
            return []
        if overflow:
            exact = key[within].tolist()
        elif q64 is not None and rows.shape[0] <= _SMALL_DOT_ROWS:
            exact = self._exact_few(rows, q64, qq)
        else:
            exact = self._exact_keys(rows, q32, qq).tolist()
        ids = self._ids
        row_list = rows.tolist()
        order = sorted(zip(exact, [ids[r] for r in row_list], row_list))[:kk]
        if _SIMILARITY[self.metric]:
            return [(row, vid, -kv + 0.0) for kv, vid, row in order]
        return [(row, vid, kv + 0.0) for kv, vid, row in order]

    def nearest(self, query: np.ndarray, k: int) -> list[tuple[str, float]] | None:
        """:meth:`search` over every row, as ``(id, score)`` pairs, for the common query: ``k``
        below the row count, a float32 scan that ranks reliably, candidates few enough for the
        row-wise rescoring and, under cosine, no zero vector or query. ``None`` otherwise, and
        the caller calls :meth:`search`. The same steps without search's branches for
        candidates, fallbacks and hit tuples: at 1k x 384 each query starts with cold caches
        (the benchmark's rotation, a test's other work), where each saved step counts.
        ``query`` is C-contiguous float32.
        """
        n = self._n
        if not 0 < k < n or _VECDOT is None:
            return None
        q64 = query.astype(np.float64)
        qq = float(_VECDOT(q64, q64))  # as in search: a query equal to a row scores exactly 1 / 0
        if not self._scan_ranks(qq) or (self.metric == "cosine" and (self._zero_count or qq == 0.0)):
            return None  # (a zero vector or query scores 0 under cosine: search's exact fallback)
        key = self._approx_keys(np.dot(self._vectors[:n], query), None, qq)  # np.dot: @'s sgemv, less dispatch
        rows = _rows_within(key, k, self._tolerance(qq))
        if rows.shape[0] > _SMALL_DOT_ROWS:
            return None
        exact = self._exact_few(rows, q64, qq)
        ids = self._ids
        order = sorted(zip(exact, [ids[r] for r in rows.tolist()]))[:k]  # ids are unique: no tie left
        if _SIMILARITY[self.metric]:
            return [(vid, -kv + 0.0) for kv, vid in order]
        return [(vid, kv + 0.0) for kv, vid in order]

    def _scan_ranks(self, qq: float) -> bool:
        """Whether the float32 scan ranks a query of squared norm ``qq`` reliably: no product
        near float32's overflow, no norm small enough to lose precision under cosine."""
        return not (
            self._max_sqnorm * max(qq, 1.0) > 1e36
            or qq > 1e36
            or (self.metric == "cosine" and (self._tiny_count > 0 or 0.0 < qq < _TINY))
        )

    def _approx_keys(self, dots: np.ndarray, rows: np.ndarray | None, qq: float) -> np.ndarray:
        """Ascending ranking keys from float32 dot products (no constant factors)."""
        if self.metric == "dot-product":
            return np.negative(dots, out=dots)
        terms = self._key_terms[: self._n] if rows is None else self._key_terms[rows]
        if self.metric == "cosine":
            dots *= terms  # dots is ours to overwrite
            return dots
        # (|x|^2 - 2 x.q) / 2 = |x|^2/2 - x.q, all in float32 (one pass; halving is exact):
        # `_tolerance` counts |x|^2's rounding to float32 and the subtraction's
        return np.subtract(terms, dots, out=dots)

    def _tolerance(self, qq: float) -> float:
        """A bound on the float32 error of the approximate keys (Higham's gamma_d)."""
        gamma = (self.dimensions + 2) * _U32 * 1.01
        qn = math.sqrt(qq)
        underflow = 4.0 * self.dimensions * _UNDERFLOW
        if self.metric == "cosine":  # keys are dot / |x| with |x| >= sqrt(_TINY)
            return gamma * qn + underflow / math.sqrt(_TINY)
        xn = math.sqrt(self._max_sqnorm)
        if self.metric == "dot-product":
            return gamma * xn * qn + underflow
        # euclidean keys are halved squared distances: half of the bound for |x|^2 - 2 x.q
        rounding = 1.5 * _U32 * (self._max_sqnorm + 2.0 * xn * qn)  # |x|^2 to float32, then the difference
        return gamma * xn * qn + rounding + underflow

    def _exact_few(self, rows: np.ndarray, q64: np.ndarray, qq: float) -> list[float]:
        """:meth:`_exact_keys` for a query's few candidates (numpy >= 2), bit for bit: the
        same float64 widening and row-wise ``vecdot``, with the per-row arithmetic after it
        (correctly rounded ``*``, ``/``, ``sqrt``, as numpy's) done on the Python floats
        the sort needs anyway -- half the numpy calls of the array form."""
        assert _VECDOT is not None  # callers pass q64 only with numpy's vecdot
        x64 = self._vectors.take(rows, axis=0).astype(np.float64)
        if self.metric == "euclidean":
            x64 -= q64
            return np.sqrt(_VECDOT(x64, x64)).tolist()
        dots = _VECDOT(x64, q64).tolist()
        if self.metric == "dot-product":
            return [-dot for dot in dots]
        if self._zero_count == 0 and qq > 0.0:
            sqrt = math.sqrt
            return [-(dot / sqrt(sq * qq)) for dot, sq in zip(dots, self._sqnorms.take(rows).tolist())]
        return self._exact_keys(rows, q64.astype(np.float32), qq).tolist()  # a zero vector (or query) scores 0

    def _exact_keys(self, rows: np.ndarray, q32: np.ndarray, qq: float) -> np.ndarray:
        """Ascending keys computed in float64 from the stored float32 values (widened exactly)."""
        x = self._vectors.take(rows, axis=0)
        if self.metric == "euclidean":
            diff = np.subtract(x, q32, dtype=np.float64)
            return np.sqrt(_row_dots(diff, diff))
        dots = _row_dots(x, q32)
        if self.metric == "dot-product":
            return np.negative(dots, out=dots)
        # |x|^2 as stored at write time (the same row-wise float64 dot over the same float32
        # row, so bit-identical to recomputing it from x): only the per-call work is saved.
        norms = np.sqrt(self._sqnorms[rows] * qq)
        if self._zero_count == 0 and qq > 0.0:
            dots /= norms
        else:  # a zero vector (or query) scores 0
            dots = np.divide(dots, norms, out=np.zeros_like(dots), where=norms > 0)
        return np.negative(dots, out=dots)

    def candidates_for(self, *, namespace_code: int | None = None, mask: np.ndarray | None = None) -> np.ndarray | None:
        """Rows allowed by a namespace and/or a boolean mask over rows, or ``None`` for all."""
        n = self._n
        if namespace_code is None and mask is None:
            return None
        allowed = np.ones(n, dtype=bool) if mask is None else mask[:n]
        if namespace_code is not None:
            allowed = allowed & (self._namespace[:n] == namespace_code)
        return np.flatnonzero(allowed)

    # -- bulk state for persistence ----------------------------------------------------------
    def memory_bytes(self) -> int:
        """Bytes held by the per-row arrays (capacity included)."""
        total = sum(a.nbytes for a in (self._vectors, self._sqnorms, self._key_terms, self._namespace, self._seq))
        total += sum(c.kind.nbytes + c.num.nbytes + c.code.nbytes for c in self._columns.values())
        return total
