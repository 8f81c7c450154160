"""Metadata filters: validated and planned once per query, evaluated as numpy masks.

:func:`compile_filter` turns a query's ``filter`` option into a :class:`FilterPlan` or
raises the service's error (``VECTOR_QUERY_ERROR (code = 40026)``); a bad filter is never
an empty result. :meth:`FilterPlan.mask` then gives one boolean per row of the core.

Evaluation never loops over vectors in Python: each clause compares one metadata column
(``_core.Column``) at once. The only Python loops are over keys and clauses, over the
values of an ``$in``/``$nin``, and (once per new string) over a column's distinct strings.

v1 and v2 differ in what a column holds (spec §1, §4):

* **v2** filters only properties with a metadata index, and sees only what that index holds:
  values of its type, strings cut to 64 UTF-8 bytes, and only vectors written after the
  index was created. A vector that is not in the index matches no clause on that key, not
  even ``$ne``/``$nin``. A property without a metadata index matches nothing, silently, as
  on the service (we add a Python warning, which Worker code never sees).
* **v1** filters with ``$eq``/``$ne`` on any property, read straight from the stored
  metadata. ``$ne`` matches every vector whose value is missing or different [D].
"""

from __future__ import annotations

import json
import math
import warnings
from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from workers_env._errors import UnindexedFilterWarning, caller_level
from workers_env._jsvalues import JsOpaque
from workers_env._sendchecks import MAX_NESTING_DEPTH, nests_deeper_than
from workers_env.vectorize import limits as _limits
from workers_env.vectorize.core import (
    KIND_ABSENT,
    KIND_BOOL,
    KIND_NULL,
    KIND_NUMBER,
    KIND_STRING,
    Column,
    IndexCore,
    _truncate_utf8,
)
from workers_env.vectorize.limits import ApiLimits

__all__ = ["Clause", "FilterPlan", "KeyFilter", "UnindexedFilterWarning", "compile_filter", "warn_of_vectors_left_out"]

_LOWER = ("$gt", "$gte")
_UPPER = ("$lt", "$lte")
_RANGE = _LOWER + _UPPER
_SET = ("$in", "$nin")
_NUMBER_CMP = {"$gt": np.greater, "$gte": np.greater_equal, "$lt": np.less, "$lte": np.less_equal}


@dataclass(frozen=True)
class Clause:
    """One operator applied to one property: ``value`` is a scalar, or a tuple for $in/$nin."""

    op: str
    value: Any


@dataclass(frozen=True)
class KeyFilter:
    """All clauses on one property (ANDed); ``path`` is the dotted key split on ``.``."""

    key: str
    path: tuple[str, ...]
    clauses: tuple[Clause, ...]


@dataclass(frozen=True)
class FilterPlan:
    """A validated filter: keys ANDed, each with its clauses ANDed.

    ``typed`` maps property -> metadata index type on v2 indexes (filters read those typed
    columns only); it is ``None`` on v1, where any property is read from stored metadata.
    """

    keys: tuple[KeyFilter, ...]
    typed: Mapping[str, str] | None

    @property
    def unindexed_keys(self) -> tuple[str, ...]:
        """v2 keys with no metadata index: any one of them makes the filter match nothing."""
        if self.typed is None:
            return ()
        return tuple(kf.key for kf in self.keys if kf.key not in self.typed)

    def mask(self, core: IndexCore) -> np.ndarray:
        """One boolean per live row of ``core``: does it pass every clause?"""
        n = len(core)
        if self.unindexed_keys:
            return np.zeros(n, dtype=bool)
        allowed = np.ones(n, dtype=bool)
        for kf in self.keys:
            column = self._column(core, kf)
            for clause in kf.clauses:
                allowed &= _clause_mask(column, clause, n, typed=self.typed is not None)
            if not allowed.any():
                break
        return allowed

    def _column(self, core: IndexCore, kf: KeyFilter) -> Column:
        type_ = self.typed.get(kf.key) if self.typed is not None else None
        column = core.column(kf.path, type_=type_)
        if column is None:  # the index lists it but the core lost it: a bug, not a user error
            raise RuntimeError(f"metadata index on {kf.key!r} has no column in the index core")
        return column


# -- evaluation ------------------------------------------------------------------------------
def _cut(value: str, column: Column) -> str:
    """A filter string is cut like the indexed values it is compared with [D]."""
    if column.string_bytes is not None:
        return _truncate_utf8(value, column.string_bytes)
    return value


def _eq_mask(column: Column, value: Any, n: int) -> np.ndarray:
    """Rows whose value equals ``value`` in JSON terms (``true`` is not ``1``)."""
    kind = column.kind[:n]
    if value is None:
        return kind == KIND_NULL  # typed columns never hold null
    if isinstance(value, bool):
        return (kind == KIND_BOOL) & (column.num[:n] == float(value))
    if isinstance(value, str):
        code = column.string_code(_cut(value, column))
        if code is None:
            return np.zeros(n, dtype=bool)
        return (kind == KIND_STRING) & (column.code[:n] == code)
    return (kind == KIND_NUMBER) & (column.num[:n] == float(value))


def _range_mask(column: Column, op: str, bound: Any, n: int) -> np.ndarray:
    """Rows whose value of the bound's type lies beyond ``bound``; other types never match."""
    kind = column.kind[:n]
    if not isinstance(bound, str):
        return (kind == KIND_NUMBER) & _NUMBER_CMP[op](column.num[:n], float(bound))
    ordered, ranks = column.string_order()
    if not ordered:
        return np.zeros(n, dtype=bool)
    bound = _cut(bound, column)
    # Ranks of the column's strings are positions in ``ordered``; turn the bound into one.
    if op == "$gt":
        ok = ranks[column.code[:n]] >= bisect_right(ordered, bound)
    elif op == "$gte":
        ok = ranks[column.code[:n]] >= bisect_left(ordered, bound)
    elif op == "$lt":
        ok = ranks[column.code[:n]] < bisect_left(ordered, bound)
    else:
        ok = ranks[column.code[:n]] < bisect_right(ordered, bound)
    return (kind == KIND_STRING) & ok


def _clause_mask(column: Column, clause: Clause, n: int, *, typed: bool) -> np.ndarray:
    op, value = clause.op, clause.value
    if op in _RANGE:
        return _range_mask(column, op, value, n)
    values = value if op in _SET else (value,)
    hit = np.zeros(n, dtype=bool)
    for v in values:
        hit |= _eq_mask(column, v, n)
    if op in ("$eq", "$in"):
        return hit
    if typed:  # a vector outside the metadata index matches no clause, negations included
        return (column.kind[:n] != KIND_ABSENT) & ~hit
    return ~hit  # v1: missing, null and other values are all "not equal" [D]


# -- validation --------------------------------------------------------------------------------
def compile_filter(
    raw: Any, *, limits: ApiLimits, metadata_indexes: Mapping[str, str], index_name: str | None = None
) -> FilterPlan | None:
    """Validate a query's ``filter`` option and plan it; ``None`` means no filter.

    ``metadata_indexes`` maps the index's metadata-indexed properties to their types; only
    v2 indexes use it. A v2 filter on a property without one compiles (the service does not
    reject it) but matches nothing; an :class:`UnindexedFilterWarning` says why.
    """
    if raw is None:
        return None
    if nests_deeper_than(raw):  # before anything writes it out (a deep array too)
        raise _limits.filter_not_json(f"it nests objects or arrays more than {MAX_NESTING_DEPTH} levels deep")
    if not isinstance(raw, Mapping):
        raise _limits.filter_not_object(_json_or_type(raw))
    if not raw:
        raise _limits.filter_empty()
    _check_json(raw, "the filter")
    size = len(_json(raw).encode("utf-8"))
    if size >= _limits.MAX_FILTER_BYTES:
        raise _limits.filter_too_large(size)
    keys = []
    for key, spec in raw.items():
        _check_key(key)
        keys.append(KeyFilter(key=key, path=tuple(key.split(".")), clauses=_parse_clauses(key, spec, limits)))
    typed = dict(metadata_indexes) if limits.filter_needs_metadata_index else None
    plan = FilterPlan(keys=tuple(keys), typed=typed)
    for kf in plan.keys:
        if kf.key in plan.unindexed_keys:
            warning = _limits.unindexed_filter_warning(kf.key, _index_type_asked(kf), index_name)
            warnings.warn(warning, UnindexedFilterWarning, stacklevel=caller_level())
        elif typed is not None and (clause := _mistyped_clause(kf, typed[kf.key])) is not None:
            warning = _limits.mistyped_filter_warning(kf.key, clause.op, _json(_listed(clause.value)), typed[kf.key])
            warnings.warn(warning, UnindexedFilterWarning, stacklevel=caller_level())
    return plan


def warn_of_vectors_left_out(plan: FilterPlan, core: IndexCore, index_name: str | None = None) -> None:
    """An :class:`UnindexedFilterWarning` for each key of a v2 filter whose metadata index leaves
    out vectors that carry the property -- written before the index was created, as on the
    service, they match no clause on it until written again. Exact (the core counts those rows),
    and nothing for a filter already warned of (an unindexed or mistyped key)."""
    if plan.typed is None or plan.unindexed_keys:
        return
    for kf in plan.keys:
        type_ = plan.typed[kf.key]
        if _mistyped_clause(kf, type_) is not None:
            continue
        count = core.left_out_of(kf.path, type_)
        if count:
            warnings.warn(_limits.filter_misses_older_vectors(kf.key, count, index_name), UnindexedFilterWarning,
                          stacklevel=caller_level())


def _value_type(value: Any) -> str:
    """The metadata index type that could hold ``value`` (``"null"`` for ``None``, which none holds)."""
    if value is None:
        return "null"
    return next((name for kinds, name in _INDEX_TYPES if isinstance(value, kinds)), "string")


def _listed(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def _mistyped_clause(kf: KeyFilter, index_type: str) -> Clause | None:
    """The first clause of ``kf`` that matches no vector because none of its values is of the
    metadata index's type (``{"$lt": "25"}`` on a number index: a query parameter left a string);
    ``$ne``/``$nin`` are left out, as they match every vector the index holds then."""
    for clause in kf.clauses:
        values = clause.value if isinstance(clause.value, tuple) else (clause.value,)
        if clause.op not in ("$ne", "$nin") and all(_value_type(v) != index_type for v in values):
            return clause
    return None


#: the metadata index type each kind of filter value needs (``bool`` before ``int``, its base)
_INDEX_TYPES: tuple[tuple[type | tuple[type, ...], str], ...] = ((bool, "boolean"), ((int, float), "number"))


def _index_type_asked(kf: KeyFilter) -> str:
    """The metadata index type a filter's first value needs: ``"number"`` for ``{"$lt": 100}``,
    ``"boolean"`` for ``true``, else ``"string"`` (a string index would never hold a number)."""
    values = [v for c in kf.clauses for v in (c.value if isinstance(c.value, tuple) else (c.value,)) if v is not None]
    return next((name for kinds, name in _INDEX_TYPES if values and isinstance(values[0], kinds)), "string")


def _json(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def _json_or_type(value: Any) -> str:
    try:
        return _json(value)
    except (TypeError, ValueError):
        if isinstance(value, JsOpaque):  # a PyProxy: name the user's Python object
            return f"a Python {type(value.value).__name__}"
        return type(value).__name__


def _check_json(value: Any, where: str) -> None:
    """The filter must be sendable as JSON: plain containers, scalars, valid Unicode strings."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise _limits.filter_lone_surrogate(where) from None
    elif isinstance(value, Mapping):
        for k, v in value.items():
            if not isinstance(k, str):
                raise _limits.filter_not_json(f"key {k!r} of {where} is not a string")
            _check_json(k, f"key {_json_or_type(k)}")
            _check_json(v, f"the value of {_json_or_type(k)}")
    elif isinstance(value, list):
        for v in value:
            _check_json(v, where)
    elif value is None or isinstance(value, (bool, int, float)):
        return
    elif isinstance(value, JsOpaque):  # a PyProxy: name the user's Python object
        raise _limits.filter_not_json(f"{where} holds a Python {type(value.value).__name__}, which has no JSON form")
    else:
        raise _limits.filter_not_json(f"{where} holds a {type(value).__name__}")


def _check_key(key: str) -> None:
    if not key:
        raise _limits.filter_key_empty()
    if len(key) > _limits.MAX_FILTER_KEY_CHARS:
        raise _limits.filter_key_too_long(key, len(key))
    if '"' in key:
        raise _limits.filter_key_has_quote(_json(key))
    if key.startswith("$"):
        raise _limits.filter_key_starts_with_dollar(_json(key))
    if any(not part or part.startswith("$") for part in key.split(".")):
        raise _limits.filter_key_bad_segment(_json(key))


def _is_number(value: Any) -> bool:
    """A finite JSON number (not a boolean, not beyond float64)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    try:
        return math.isfinite(float(value))
    except OverflowError:
        return False


def _is_scalar(value: Any) -> bool:
    return value is None or isinstance(value, (str, bool)) or _is_number(value)


def _parse_clauses(key: str, spec: Any, limits: ApiLimits) -> tuple[Clause, ...]:
    key_json = _json(key)
    if isinstance(spec, list):
        raise _limits.filter_value_is_array(key_json)
    if not isinstance(spec, Mapping):
        if not _is_scalar(spec):
            raise _limits.filter_bad_scalar("$eq", key_json, _json_or_type(spec))
        return (Clause("$eq", spec),)
    if not spec:
        raise _limits.filter_empty_operators(key_json, limits.filter_operators)
    clauses = []
    for op, value in spec.items():
        if op not in _limits.FILTER_OPERATORS:
            if not op.startswith("$"):
                raise _limits.filter_nested_object(key_json, _json(op), _json(f"{key}.{op}"))
            raise _limits.filter_unknown_operator(_json(op), key_json, limits.filter_operators)
        if op not in limits.filter_operators:
            raise _limits.filter_operator_unsupported(op, key_json, limits.version, limits.filter_operators)
        if op in _SET:
            if not isinstance(value, list):
                raise _limits.filter_bad_list(op, key_json, _json_or_type(value))
            if not value:
                raise _limits.filter_empty_list(op, key_json)
            if not all(_is_scalar(v) for v in value):
                raise _limits.filter_bad_list(op, key_json, _json_or_type(value))
            value = tuple(value)
        elif op in _RANGE:
            if not (isinstance(value, str) or _is_number(value)):
                raise _limits.filter_bad_range_value(op, key_json, _json_or_type(value))
        elif not _is_scalar(value):
            raise _limits.filter_bad_scalar(op, key_json, _json_or_type(value))
        clauses.append(Clause(op, value))
    _check_combination(key_json, clauses)
    return tuple(clauses)


def _check_combination(key_json: str, clauses: list[Clause]) -> None:
    """One operator per property, or one lower bound with one upper bound (Cloudflare docs:
    "Upper-bound range queries can be combined with lower-bound range queries ... Other
    combinations are not allowed")."""
    if len(clauses) == 1:
        return
    ops = tuple(c.op for c in clauses)
    lower = [c for c in clauses if c.op in _LOWER]
    upper = [c for c in clauses if c.op in _UPPER]
    if len(clauses) != 2 or len(lower) != 1 or len(upper) != 1:
        raise _limits.filter_bad_combination(key_json, ops)
    if isinstance(lower[0].value, str) != isinstance(upper[0].value, str):
        raise _limits.filter_range_types_differ(key_json)
