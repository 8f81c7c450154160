"""Turning binding arguments into clean data, or into the service's error.

Everything here either returns validated data or raises the :class:`VectorizeError` the
real service would, built by ``_limits``. Nothing is written before validation finishes,
so a batch with one bad vector writes none.
"""

from __future__ import annotations

import json
import math
import re
from array import array
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from workers_env._jscoercions import js_truthy
from workers_env._jsontext import json_text
from workers_env._jsvalues import (
    MAX_SAFE_INTEGER,
    UNDEFINED,
    BigInt,
    JsOpaque,
    JsTypedArray,
    is_safe_int,
    js_string,
    js_type_error,
)
from workers_env._sendchecks import MAX_NESTING_DEPTH, check_sendable, nests_deeper_than
from workers_env._sentvalues import sendable_json
from workers_env.vectorize import limits as _limits
from workers_env.vectorize.floatlists import float_row, float_rows
from workers_env.vectorize.index import VectorBatch
from workers_env.vectorize.limits import ApiLimits

__all__ = [
    "QueryOptions",
    "parse_ids",
    "parse_query_options",
    "parse_query_vector",
    "query_array",
    "parse_vector_id",
    "parse_vectors",
]

_F32_MAX = float(np.finfo(np.float32).max)
_FLOAT32, _FLOAT64 = np.dtype(np.float32), np.dtype(np.float64)
_SCALARS = frozenset({str, int, float, bool, type(None)})


def _utf8_len(text: str) -> int:
    return len(text) if text.isascii() else len(text.encode("utf-8"))


def _is_unicode(text: str) -> bool:
    """False for strings JSON cannot carry to the service (lone UTF-16 surrogates)."""
    if text.isascii():
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _describe(value: Any) -> str:
    """A value of the request for an error text: JavaScript's name for what the binding made
    of it (a typed array), the Python type of an object with no JavaScript form, else its
    repr or type."""
    if isinstance(value, JsOpaque):  # a PyProxy: the user's Python object, named as such
        return f"a Python {type(value.value).__name__}"
    if isinstance(value, JsTypedArray):
        return f"a {value.name}"
    return type(value).__name__ if not isinstance(value, (str, int, float)) else repr(value)


def _as_sent(value: Any) -> str:
    """A request field as the service received it, for an error text: its JSON (``"3"`` for
    a string, ``[1]`` for a list, ``null``), so a wrong type is not mistaken for a right one."""
    if isinstance(value, (dict, list, str, int, float)) or value is None:
        try:
            text = json_text(value)
        except (TypeError, RecursionError):  # it holds an object the request could not: name it in place
            try:
                marked = json.dumps(value, separators=(",", ":"), ensure_ascii=False,
                                    default=lambda o: f"\0{_describe(o) if isinstance(o, JsOpaque) else 'a Python ' + type(o).__name__}\0")
            except (TypeError, ValueError, RecursionError):
                return _describe(value)
            text = _MARKED.sub(r"\1", marked)
        return text if len(text) <= 80 else text[:77] + "..."
    return _describe(value)


_MARKED = re.compile(r'"\\u0000(.*?)\\u0000"')


def _unconvertible(value: Any) -> Any:
    """``json.dumps``'s ``default``: why a value in metadata cannot be written as JSON."""
    raise TypeError(f"it holds {_describe(value) if isinstance(value, JsOpaque) else 'a ' + type(value).__name__}, "
                    "which has no JSON form")


_PLAIN_NUMBERS = frozenset((int, float))


def _plain_number_list(values: Any) -> bool:
    """True for a ``list`` whose items are all exactly ``int`` or ``float`` (no bool, no subclass).

    Such a list passes ``check_sendable`` and the per-item number check unchanged, so one
    C-level pass over the item types can stand in for both Python loops.
    """
    return type(values) is list and _PLAIN_NUMBERS.issuperset(map(type, values))


def _raise_js_conversion_error(value: Any) -> None:
    """What Pyodide or ``JSON.stringify`` throws for an odd item of a values list, if anything:
    an ``np.int64`` is a one-item ``BigInt64Array`` (V8's BigInt TypeError), an
    ``np.float16`` Pyodide's float16 error."""
    if isinstance(value, np.generic):
        sendable_json(value)


def _check_no_bigint(values: list[Any]) -> None:
    """``JSON.stringify`` throws on a BigInt, and Pyodide sends every int of magnitude
    >= 2**53 - 1 as one: raise that ``TypeError`` before the service sees anything."""
    for v in values:
        if type(v) is not float and isinstance(v, int) and not isinstance(v, bool) and (
            isinstance(v, BigInt) or not is_safe_int(v)
        ):
            raise js_type_error("Do not know how to serialize a BigInt")


def _values_array(values: Any, op: str, where: str, *, plain: bool = False) -> np.ndarray:
    """One vector's values as a 1-D float32 array, or the service's parse error.

    ``plain`` says the caller already found ``values`` to be a plain number list.
    """
    if isinstance(values, np.ndarray):
        if values.ndim != 1 or values.dtype.kind not in "fiu":
            raise _limits.unparsable_vectors(op, f"{where}: values must be a 1-D array of numbers")
        arr = values.astype(np.float64)
    elif isinstance(values, array):
        if values.typecode not in "fdbBhHiIlLqQ":
            raise _limits.unparsable_vectors(op, f"{where}: values must be numbers")
        arr = np.asarray(values, dtype=np.float64)
    elif isinstance(values, list):
        if not (plain or _plain_number_list(values)):
            for v in values:
                if isinstance(v, (tuple, bytearray)):
                    check_sendable(v)
                if isinstance(v, bool) or not isinstance(v, (int, float)):
                    _raise_js_conversion_error(v)
                    raise _limits.unparsable_vectors(op, f"{where}: values must be numbers, found {_describe(v)}")
        # an int past float64's range never gets here: JSON.stringify refuses it first, as a
        # BigInt (_check_no_bigint), and an NDJSON file's reads as Infinity (_jsontext.json_int)
        arr = np.asarray(values, dtype=np.float64)
    else:
        hook = getattr(values, "to_py", None)  # a JS typed array handed over from the runtime
        if callable(hook):
            return _values_array(hook(), op, where)
        raise _limits.unparsable_vectors(op, f"{where}: values must be a list of numbers, got {_describe(values)}")
    # one reduction: NaN propagates through max, and NaN <= x is false, as is inf <= x
    if arr.size and not np.abs(arr).max() <= _F32_MAX:
        raise _limits.unparsable_vectors(op, f"{where}: values must be finite float32 numbers (no NaN or Infinity)")
    return arr.astype(np.float32)


def _fast_matrix(vectors: Sequence[Mapping[str, Any]]) -> np.ndarray | None:
    """All values at once when every vector holds a plain list of plain numbers, else None.

    Lists of exact floats (what embedding models and JSON give) take ``float_rows``;
    lists that also hold ints, one ``np.asarray`` after an exact check of item types.
    Anything else goes vector by vector through ``_values_array``, which words the error.
    """
    try:
        rows = [v["values"] for v in vectors]
    except (KeyError, TypeError):
        return None
    if not all(type(r) is list for r in rows):
        return None
    fast = float_rows(rows)
    if fast is not None:
        return fast
    if not all(map(_plain_number_list, rows)):
        return None
    try:
        mat = np.asarray(rows, dtype=np.float64)
    except (ValueError, OverflowError):  # ragged rows; an int too big for a double
        return None
    if mat.size and mat.ndim == 2 and np.abs(mat).max() >= MAX_SAFE_INTEGER:
        return None  # maybe an int Pyodide sends as a BigInt: the slow path says which
    # finite and within float32's range; NaN fails both comparisons
    if mat.ndim != 2 or (mat.size and not (mat.min() >= -_F32_MAX and mat.max() <= _F32_MAX)):
        return None
    return mat.astype(np.float32)


def _check_metadata_keys(op: str, vector_id: str, metadata: Mapping[str, Any]) -> None:
    for key, value in metadata.items():
        if not key or "." in key or '"' in key or key.startswith("$"):
            raise _limits.bad_metadata_key(op, vector_id, key)
        if isinstance(value, Mapping):
            _check_metadata_keys(op, vector_id, value)


def _check_vectors_sendable(vectors: Any) -> None:
    """The SDK's tuple/bytearray check, without a Python pass over every value.

    A tuple hidden inside a ``values`` list cannot survive ``np.asarray`` as a clean
    2-D matrix, so the per-value scan of the slow path (``_values_array``) finds it.
    """
    if not isinstance(vectors, list):
        check_sendable(vectors)
        return
    for vec in vectors:
        if type(vec) is dict or isinstance(vec, Mapping):  # (a dict without the ABC's check)
            for key, value in vec.items():
                if type(value) in _SCALARS or (key == "values" and type(value) is list):
                    continue
                check_sendable(value)
        else:
            check_sendable(vec)


def parse_vectors(
    vectors: Any, *, op: str, dimensions: int, limits: ApiLimits, keep: str,
    max_vectors: int = _limits.MAX_VECTORS_PER_WRITE,
) -> VectorBatch:
    """Validate a whole insert/upsert batch and return it deduplicated.

    ``keep`` is ``"first"`` (insert) or ``"last"`` (upsert) for ids repeated in the batch;
    ``max_vectors`` is the binding's 1000, or the HTTP API's 5000 for the CLI.
    """
    _check_vectors_sendable(vectors)
    if not isinstance(vectors, list):
        raise _limits.unparsable_vectors(op, f"expected a list of vectors, got {_describe(vectors)}")
    matrix = _fast_matrix(vectors)
    if matrix is None:  # JSON.stringify runs before the request: a BigInt fails first
        for vec in vectors:
            if isinstance(vec, Mapping) and isinstance(vec.get("values"), list):
                _check_no_bigint(vec["values"])
    if len(vectors) > max_vectors:
        raise _limits.too_many_vectors(op, len(vectors), max_vectors)

    # 1. the request must be valid JSON of the right shape (the service's parse step)
    metadata_json: dict[int, tuple[str, int]] = {}  # vector position -> (compact JSON, UTF-8 bytes)
    for i, vec in enumerate(vectors):
        if type(vec) is not dict and not isinstance(vec, Mapping):
            raise _limits.unparsable_vectors(op, f"vector {i} is {_describe(vec)}, expected an object")
        vid = vec.get("id")
        if not isinstance(vid, str):
            found = _as_sent(vid) if "id" in vec else "nothing (the vector has no id)"
            raise _limits.unparsable_vectors(op, f"vector {i}: id must be a string, got {found}")
        if not _is_unicode(vid):
            raise _limits.unparsable_vectors(op, f"vector {i}: id {vid!r} is not valid Unicode (a lone surrogate)")
        if "values" not in vec:
            raise _limits.unparsable_vectors(op, f'vector id="{vid}": values are missing')
        ns = vec.get("namespace")
        if ns is not None and not isinstance(ns, str):
            raise _limits.unparsable_vectors(op, f'vector id="{vid}": namespace must be a string')
        if ns is not None and not _is_unicode(ns):
            raise _limits.unparsable_vectors(op, f'vector id="{vid}": namespace is not valid Unicode (a lone surrogate)')
        meta = vec.get("metadata")
        if meta is not None:
            if not isinstance(meta, Mapping):
                raise _limits.unparsable_vectors(op, f'vector id="{vid}": metadata must be an object')
            if nests_deeper_than(meta):
                raise _limits.unparsable_vectors(
                    op, f'vector id="{vid}": metadata nests objects or arrays more than {MAX_NESTING_DEPTH} levels deep'
                )
            try:
                text = json.dumps(meta, separators=(",", ":"), ensure_ascii=False, allow_nan=False,
                                  default=_unconvertible)  # compact_json, naming what fails
                metadata_json[i] = (text, len(text.encode("utf-8")))
            except UnicodeEncodeError:
                raise _limits.unparsable_vectors(
                    op, f'vector id="{vid}": metadata is not valid Unicode (a lone surrogate)'
                ) from None
            except (TypeError, ValueError) as exc:
                raise _limits.unparsable_vectors(op, f'vector id="{vid}": metadata is not JSON ({exc})') from None

    if matrix is None:
        rows = [_values_array(v["values"], op, f'vector id="{v["id"]}"') for v in vectors]
    else:
        rows = []  # the matrix has them

    # 2. per-vector rules, first offender reported
    metadata: list[dict[str, Any]] = []
    namespaces: list[str | None] = []
    for i, vec in enumerate(vectors):
        vid = vec["id"]
        if not vid:
            raise _limits.empty_id(op, i)
        id_bytes = _utf8_len(vid)
        if id_bytes > _limits.MAX_ID_BYTES:
            raise _limits.id_too_long(op, id_bytes)
        got = matrix.shape[1] if matrix is not None else int(rows[i].shape[0])
        if got != dimensions:
            raise _limits.wrong_dimensions(op, vid, dimensions, got)
        ns = vec.get("namespace") or None
        if ns is not None and _utf8_len(ns) > limits.max_name_bytes:
            raise _limits.namespace_too_long(op, vid, limits.max_name_bytes, _utf8_len(ns))
        namespaces.append(ns)
        meta = vec.get("metadata")
        if meta is None:
            metadata.append({})
            continue
        text, size = metadata_json[i]
        if size > _limits.MAX_METADATA_BYTES:
            raise _limits.oversized_metadata(op, vid, size)
        _check_metadata_keys(op, vid, meta)
        metadata.append(json.loads(text))  # a private copy, as the service keeps its own

    values = matrix if matrix is not None else (np.stack(rows) if rows else np.empty((0, dimensions), np.float32))

    # 3. repeated ids inside the batch
    ids = [v["id"] for v in vectors]
    if len(set(ids)) != len(ids):
        chosen: dict[str, int] = {}
        for i, vid in enumerate(ids):
            if keep == "last" or vid not in chosen:
                chosen[vid] = i
        order = sorted(chosen.values()) if keep == "first" else [chosen[v] for v in dict.fromkeys(ids)]
        ids = [ids[i] for i in order]
        values = values[order]
        namespaces = [namespaces[i] for i in order]
        metadata = [metadata[i] for i in order]
    return VectorBatch(ids=ids, values=values, namespaces=namespaces, metadata=metadata)


def parse_ids(ids: Any, *, op: str, max_ids: int | None) -> list[str]:
    """Validate an id list for getByIds/deleteByIds; repeated ids are kept once."""
    check_sendable(ids)
    if ids is UNDEFINED:  # {ids: undefined}: JSON.stringify leaves the field out
        raise _limits.VectorizeError(op, "ids are missing; pass a list of id strings")
    if not isinstance(ids, list):
        raise _limits.VectorizeError(op, f"ids must be a list of strings, got {_as_sent(ids)}")
    for vid in ids:
        if not isinstance(vid, str):
            raise _limits.VectorizeError(op, f"ids must be strings, got {_as_sent(vid)}")
        if not _is_unicode(vid):
            raise _limits.VectorizeError(op, f"id {vid!r} is not valid Unicode (a lone surrogate); ids must be UTF-8 text")
    if max_ids is not None and len(ids) > max_ids:
        raise _limits.too_many_ids(op, max_ids, len(ids))
    return list(dict.fromkeys(ids))


def parse_vector_id(vector_id: Any) -> str:
    """The ``vectorId`` of ``queryById``: a string of valid Unicode, or the service's error."""
    if vector_id is UNDEFINED:  # {vectorId: undefined}: JSON.stringify leaves the field out
        raise _limits.bad_query_option(
            "Failed to parse the request body as JSON: vectorId: missing; pass the id of a stored vector"
        )
    if not isinstance(vector_id, str):
        raise _limits.bad_query_option(
            f"Failed to parse the request body as JSON: vectorId: expected a string, got {_as_sent(vector_id)}"
        )
    if not _is_unicode(vector_id):
        raise _limits.bad_query_option(
            f"Failed to parse the request body as JSON: vectorId: {vector_id!r} is not valid Unicode (a lone surrogate)"
        )
    return vector_id


def query_array(vector: Any) -> np.ndarray | None:
    """A query given as a 1-D float32 or float64 ndarray, as the float32 row the service
    would parse from it, in one numpy step; ``None`` for anything else.

    On the way there Pyodide makes it a ``Float32Array``/``Float64Array``, the binding's
    ``Array.from`` an Array of its numbers, and ``JSON.stringify`` keeps finite numbers as
    they are, so finite values reach :func:`parse_query_vector` unchanged and it rounds them
    to float32. That takes the same shortcut here. Anything it would not take there (NaN,
    infinities, values that reach float32's largest magnitude, other dtypes or shapes,
    empty arrays, subclasses) gives ``None``: the step-by-step path then converts and
    words the error exactly as before.
    """
    if type(vector) is not np.ndarray or vector.ndim != 1 or not vector.shape[0]:
        return None
    dtype = vector.dtype
    if dtype == _FLOAT32:
        out = vector.copy()
    elif dtype == _FLOAT64:
        if not (-_F32_MAX < vector.min() and vector.max() < _F32_MAX):  # NaN fails too
            return None
        out = vector.astype(np.float32)  # below float32's max: no overflow
    else:
        return None
    # as float_row: NaN fails both, a value that is (or rounded to) +-max goes the exact way
    if -_F32_MAX < out.min() and out.max() < _F32_MAX:
        return out
    return None


def parse_query_vector(vector: Any, *, dimensions: int) -> np.ndarray:
    fast = float_row(vector) if type(vector) is list else None  # a list of exact floats
    if fast is not None:
        if fast.shape[0] != dimensions:
            raise _limits.wrong_query_dimensions(dimensions, int(fast.shape[0]))
        return fast
    plain = _plain_number_list(vector)
    if not plain:  # a list of plain numbers has nothing to refuse
        check_sendable(vector)
    if isinstance(vector, list):
        _check_no_bigint(vector)
    try:
        arr = _values_array(vector, _limits.QUERY, "query vector", plain=plain)
    except _limits.VectorizeError as exc:
        detail = exc.text.split("(", 1)[-1]
        detail = detail[:-1] if detail.endswith(")") else detail  # the wrapper's one closing parenthesis
        raise _limits.bad_query_option(f"Failed to parse the request body as JSON: vector: {detail}") from None
    if arr.shape[0] != dimensions:
        raise _limits.wrong_query_dimensions(dimensions, int(arr.shape[0]))
    return arr


@dataclass(slots=True)
class QueryOptions:
    """Query options after validation, with the API generation's defaults applied.

    Not frozen: a frozen dataclass costs a microsecond or two per query to build."""

    top_k: int
    namespace: str | None
    return_values: bool
    return_metadata: str  # "none" | "indexed" | "all"
    filter: Any  # raw filter object or None; compiled by _filters


def _is_whole(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return True
    return isinstance(value, float) and math.isfinite(value) and value == int(value)


def parse_query_options(options: Mapping[str, Any], *, limits: ApiLimits, original: bool = False) -> QueryOptions:
    """Validate topK/namespace/returnValues/returnMetadata/filter; unknown keys are ignored.

    ``original``: a v1 query in the format before ``vectorize_query_metadata_optional``
    (compatibility date 2023-11-08), where ``returnVectors`` asks for values and metadata
    together and the service does not read ``returnValues`` or ``returnMetadata``.
    """
    if original:
        return _original_query_options(options, limits)
    # returnMetadata first: the binding's own JavaScript checks it before any request.
    # The binding's JavaScript (``requests``) refuses truthy values of the wrong kind before
    # any request; falsy ones (0, "", false on v2) reach the service, which cannot parse them.
    raw_rm = options.get("returnMetadata")
    if limits.version == "v1":
        if raw_rm is None:
            return_metadata = "none"
        elif isinstance(raw_rm, bool):
            return_metadata = "all" if raw_rm else "none"
        elif js_truthy(raw_rm):
            raise _limits.return_metadata_not_boolean(js_string(raw_rm))
        else:
            raise _limits.bad_query_option(
                f"Failed to parse the request body as JSON: returnMetadata: expected a boolean, got {_as_sent(raw_rm)}"
            )
    else:
        if raw_rm is None:
            return_metadata = "none"
        elif raw_rm is True:
            return_metadata = "all"
        elif isinstance(raw_rm, str) and raw_rm in ("none", "indexed", "all"):
            return_metadata = raw_rm
        elif js_truthy(raw_rm):
            raise _limits.return_metadata_invalid(js_string(raw_rm))
        else:
            raise _limits.return_metadata_false()

    return_values = _boolean_option(options, "returnValues")
    return _sized_query_options(options, limits, return_values, return_metadata)


def _boolean_option(options: Mapping[str, Any], name: str) -> bool:
    """A boolean query option (``returnValues``, ``returnVectors``): absent or null is false."""
    value = options.get(name, False)
    if value is None:
        return False
    if not isinstance(value, bool):
        raise _limits.bad_query_option(
            f"Failed to parse the request body as JSON: {name}: expected a boolean, got {_as_sent(value)}"
        )
    return value


def _original_query_options(options: Mapping[str, Any], limits: ApiLimits) -> QueryOptions:
    """The original v1 format's options: ``returnVectors`` stands for values and all metadata
    (each match then carries the whole vector); ``returnValues`` and ``returnMetadata`` are
    not read (workerd's compatibility-date.capnp, ``vectorizeQueryMetadataOptional``)."""
    return_vectors = _boolean_option(options, "returnVectors")
    return _sized_query_options(options, limits, return_vectors, "all" if return_vectors else "none")


def _sized_query_options(options: Mapping[str, Any], limits: ApiLimits, return_values: bool,
                         return_metadata: str) -> QueryOptions:
    """topK, namespace and filter, checked against the limits for what the query returns."""
    top_k = options.get("topK")
    if top_k is None:
        top_k = limits.top_k_default
    elif not _is_whole(top_k) or top_k < 1:
        raise _limits.bad_query_option(f"topK must be a whole number of at least 1, got {_as_sent(top_k)}")
    top_k = int(top_k)
    heavy = return_values or return_metadata == "all"
    limit = limits.top_k_max_with_values if heavy else limits.top_k_max
    if top_k > limit:
        raise _limits.top_k_too_large(
            top_k, limit=limit, with_values_limit=heavy and limit < limits.top_k_max, version=limits.version
        )

    namespace = options.get("namespace")
    if namespace is not None and not isinstance(namespace, str):
        raise _limits.bad_query_option(
            f"Failed to parse the request body as JSON: namespace: expected a string, got {_as_sent(namespace)}"
        )
    if namespace is not None and not _is_unicode(namespace):
        raise _limits.bad_query_option(
            f"Failed to parse the request body as JSON: namespace: {namespace!r} is not valid Unicode (a lone surrogate)"
        )
    return QueryOptions(
        top_k=top_k,
        namespace=namespace or None,
        return_values=return_values,
        return_metadata=return_metadata,
        filter=options.get("filter"),
    )
