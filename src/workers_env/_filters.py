"""Metadata filters: parsed once per query into a plan, evaluated as numpy masks.

A plan never loops over vectors in Python: each clause compares one metadata column
(``_core.Column``) at once. v2 indexes filter only on properties that have a metadata
index and see only what that index holds (values of its type, strings cut to 64 bytes,
vectors written after it was created); v1 indexes filter with ``$eq``/``$ne`` on any
property, read straight from the stored metadata.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from workers_env import _limits
from workers_env._core import (
    KIND_ABSENT,
    KIND_BOOL,
    KIND_NULL,
    KIND_NUMBER,
    KIND_STRING,
    Column,
    IndexCore,
    _truncate_utf8,
)
from workers_env._limits import ApiLimits

__all__ = ["FilterPlan", "compile_filter"]

_LOWER = ("$gt", "$gte")
_UPPER = ("$lt", "$lte")
_RANGE = _LOWER + _UPPER


def _bad(text: str) -> _limits.VectorizeError:
    return _limits.bad_query_option(f"invalid filter: {text}")


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _is_scalar(value: Any) -> bool:
    return value is None or isinstance(value, (str, bool)) or _is_number(value)


def _json(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


@dataclass(frozen=True)
class Clause:
    """One operator applied to one property."""

    op: str
    value: Any  # a scalar, or a tuple of scalars for $in/$nin


@dataclass(frozen=True)
class KeyFilter:
    """All clauses on one property (ANDed)."""

    key: str
    path: tuple[str, ...]
    clauses: tuple[Clause, ...]


@dataclass(frozen=True)
class FilterPlan:
    """A validated filter: keys ANDed, each with its clauses ANDed."""

    keys: tuple[KeyFilter, ...]
    typed: Mapping[str, str] | None  # v2: property -> metadata index type; v1: None

    def mask(self, core: IndexCore) -> np.ndarray:
        """Rows of ``core`` that pass every clause."""
        n = len(core)
        allowed = np.ones(n, dtype=bool)
        for kf in self.keys:
            if self.typed is not None:
                type_ = self.typed.get(kf.key)
                column = core.column(kf.path, type_=type_) if type_ is not None else None
                if column is None:  # no metadata index: the service matches nothing
                    return np.zeros(n, dtype=bool)
            else:
                column = core.column(kf.path)
                assert column is not None
            for clause in kf.clauses:
                allowed &= _clause_mask(column, clause, n, typed=self.typed is not None)
                if not allowed.any():
                    return allowed
        return allowed


def _cut(value: Any, column: Column) -> Any:
    if isinstance(value, str) and column.string_bytes is not None:
        return _truncate_utf8(value, column.string_bytes)
    return value


def _eq_mask(column: Column, value: Any, n: int) -> np.ndarray:
    kind = column.kind[:n]
    if value is None:
        return kind == KIND_NULL
    if isinstance(value, bool):
        return (kind == KIND_BOOL) & (column.num[:n] == float(value))
    if _is_number(value):
        return (kind == KIND_NUMBER) & (column.num[:n] == float(value))
    code = column.string_code(_cut(value, column))
    if code is None:
        return np.zeros(n, dtype=bool)
    return (kind == KIND_STRING) & (column.code[:n] == code)


def _range_mask(column: Column, op: str, value: Any, n: int) -> np.ndarray:
    kind = column.kind[:n]
    if _is_number(value):
        num = column.num[:n]
        bound = float(value)
        cmp = {"$gt": np.greater, "$gte": np.greater_equal, "$lt": np.less, "$lte": np.less_equal}[op]
        return (kind == KIND_NUMBER) & cmp(num, bound)
    # strings: compare the distinct values once (code-point order == UTF-8 byte order)
    bound_s = _cut(value, column)
    table = np.fromiter(
        (_compare(s, op, bound_s) for s in column.strings), dtype=bool, count=len(column.strings)
    )
    if not table.size:
        return np.zeros(n, dtype=bool)
    return (kind == KIND_STRING) & table[column.code[:n]]


def _compare(a: str, op: str, b: str) -> bool:
    if op == "$gt":
        return a > b
    if op == "$gte":
        return a >= b
    if op == "$lt":
        return a < b
    return a <= b


def _clause_mask(column: Column, clause: Clause, n: int, *, typed: bool) -> np.ndarray:
    op, value = clause.op, clause.value
    if op == "$eq":
        return _eq_mask(column, value, n)
    if op == "$in":
        out = np.zeros(n, dtype=bool)
        for v in value:
            out |= _eq_mask(column, v, n)
        return out
    if op in ("$ne", "$nin"):
        values = value if op == "$nin" else (value,)
        hit = np.zeros(n, dtype=bool)
        for v in values:
            hit |= _eq_mask(column, v, n)
        if typed:  # only vectors in the metadata index can match, even a negation
            return (column.kind[:n] != KIND_ABSENT) & ~hit
        return ~hit
    return _range_mask(column, op, value, n)


def compile_filter(raw: Any, *, limits: ApiLimits, metadata_indexes: Mapping[str, str]) -> FilterPlan | None:
    """Validate a query's ``filter`` option and plan it; ``None`` means no filter."""
    if raw is None:
        return None
    if not isinstance(raw, Mapping):
        raise _bad(f"a filter must be an object such as {{\"category\": \"docs\"}}, got {_json_or_type(raw)}")
    if not raw:
        raise _bad("a filter must not be an empty object; leave the filter out to match every vector")
    try:
        size = len(_json(raw).encode("utf-8"))
    except (TypeError, ValueError):
        raise _bad("the filter is not valid JSON") from None
    if size >= _limits.MAX_FILTER_BYTES:
        raise _bad(f"the filter's compact JSON must be under {_limits.MAX_FILTER_BYTES} bytes, got {size} bytes")
    keys = []
    for key, spec in raw.items():
        _check_key(key)
        clauses = _parse_clauses(key, spec, limits)
        keys.append(KeyFilter(key=key, path=tuple(key.split(".")), clauses=clauses))
    typed = dict(metadata_indexes) if limits.filter_needs_metadata_index else None
    return FilterPlan(keys=tuple(keys), typed=typed)


def _json_or_type(value: Any) -> str:
    try:
        return _json(value)
    except (TypeError, ValueError):
        return type(value).__name__


def _check_key(key: Any) -> None:
    if not isinstance(key, str) or not key:
        raise _bad("filter keys must be non-empty strings")
    if len(key) > _limits.MAX_FILTER_KEY_CHARS:
        raise _bad(f"filter key is {len(key)} characters long; the maximum is {_limits.MAX_FILTER_KEY_CHARS}")
    if '"' in key:
        raise _bad(f"filter key {_json(key)} must not contain '\"'")
    if key.startswith("$"):
        raise _bad(
            f"filter key {_json(key)} must not start with '$'; operators go inside a property, "
            'as in {"price": {"$lt": 100}}'
        )


def _check_scalar(key: str, op: str, value: Any) -> None:
    if not _is_scalar(value) or (isinstance(value, float) and not math.isfinite(value)):
        raise _bad(f"{op} on {_json(key)} takes a string, number, boolean or null, got {_json_or_type(value)}")


def _parse_clauses(key: str, spec: Any, limits: ApiLimits) -> tuple[Clause, ...]:
    if not isinstance(spec, Mapping):
        if isinstance(spec, list):
            raise _bad(f"value of {_json(key)} is an array; to match any of several values use {{\"$in\": [...]}}")
        _check_scalar(key, "$eq", spec)
        return (Clause("$eq", spec),)
    if not spec:
        raise _bad(f"operator object of {_json(key)} is empty; give at least one of {', '.join(limits.filter_operators)}")
    clauses = []
    for op, value in spec.items():
        if op not in _limits.FILTER_OPERATORS:
            raise _bad(f"unknown operator {_json(op)} on {_json(key)}; use one of {', '.join(limits.filter_operators)}")
        if op not in limits.filter_operators:
            raise _bad(
                f"operator {op} on {_json(key)} is not supported by {limits.version} indexes; "
                f"they support only {', '.join(limits.filter_operators)}"
            )
        if op in ("$eq", "$ne"):
            _check_scalar(key, op, value)
        elif op in ("$in", "$nin"):
            if not isinstance(value, list):
                raise _bad(f"{op} on {_json(key)} takes an array, got {_json_or_type(value)}")
            if not value:
                raise _bad(f"{op} on {_json(key)} takes a non-empty array")
            for v in value:
                _check_scalar(key, op, v)
            value = tuple(value)
        else:
            if not (isinstance(value, str) or (_is_number(value) and math.isfinite(value))):
                raise _bad(f"{op} on {_json(key)} takes a string or a number, got {_json_or_type(value)}")
        clauses.append(Clause(op, value))
    lower = [c for c in clauses if c.op in _LOWER]
    upper = [c for c in clauses if c.op in _UPPER]
    if len(lower) > 1 or len(upper) > 1:
        raise _bad(
            f"range on {_json(key)} may have at most one lower bound ($gt or $gte) and one upper bound "
            "($lt or $lte)"
        )
    if lower and upper and isinstance(lower[0].value, str) != isinstance(upper[0].value, str):
        raise _bad(f"range bounds on {_json(key)} must both be strings or both be numbers")
    return tuple(clauses)
