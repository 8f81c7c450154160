"""Filtered queries return exactly what a slow, obviously-correct evaluator says.

Random metadata (nested objects, missing properties, nulls, arrays, every scalar type,
strings past the 64-byte index limit with multi-byte characters on the cut) and random
valid filters. For v2 the history is random too: metadata indexes from the definition,
created after some writes, deleted and recreated, so the "written before the index
existed" rule is exercised. The reference walks each vector's metadata in plain Python and
compares strings as UTF-8 bytes; it shares no code with ``workers_env``.
"""

from __future__ import annotations

import functools
import json
import warnings
from typing import Any

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from workers_env import VectorizeBinding
from workers_env.vectorize.definitions import parse_index_definition
from workers_env.vectorize.index import Index

PROPS = ("s", "n", "b", "o.s", "o.n")
TYPES = ("string", "number", "boolean")
QUERY = [1.0, 0.0, 0.0]
MISSING = object()

def weighted(*choices: tuple[int, st.SearchStrategy[Any]]) -> st.SearchStrategy[Any]:
    """Pick a strategy with the given weights (``st.one_of`` merges repeated strategies)."""
    slots = [i for i, (weight, _) in enumerate(choices) for _ in range(weight)]
    return st.sampled_from(slots).flatmap(lambda i: choices[i][1])


# -- values ------------------------------------------------------------------------------------
# Small pools, so that filters and metadata collide often: equal values, bounds equal to a
# stored value, strings equal only after the 64-byte cut, 1 next to true, U+FFFF next to
# astral characters (their UTF-8 and UTF-16 orders differ).
X61 = "x" * 61
POOL_TEXTS = [
    "", "a", "ab", "b", "z", "\u00e9", "\u20ac", "\ue000", "\uffff", "\U00010000", "\U0001f600", "\U0001f600a",
    X61 + "abc", X61 + "abcd", X61 + "abce",  # 64, 65, 65 bytes: the last two cut to the first
    X61 + "\u20ac", X61 + "a\u20ac",  # 64 bytes; 65 bytes, cut to X61 + "a" (63 bytes)
    X61 + "a", X61 + "\U0001f600", X61 + "\u00e9\u00e9",  # 62; 65 -> X61; 65 -> X61 + "\u00e9"
]
ALPHABET = "ab\u00e9\u20ac\U0001f600\uffffz"  # 1, 1, 2, 3, 4 and 3 UTF-8 bytes
texts = weighted((2, st.sampled_from(POOL_TEXTS)), (1, st.text(ALPHABET, max_size=4)))
numbers = st.one_of(
    st.sampled_from([0, 1, -1, 2, 1.0, 0.5, -0.0, 2**53, 2**53 + 1, 1e300, -1e300]),
    st.floats(-2, 2, allow_nan=False, allow_infinity=False),
)
scalars = st.one_of(texts, numbers, st.booleans(), st.none())
junk = st.one_of(st.lists(scalars, max_size=2), st.fixed_dictionaries({"x": scalars}))
NATURAL = {"s": texts, "n": numbers, "b": st.booleans(), "o.s": texts, "o.n": numbers, "zz": scalars}
NATURAL_TYPE = {"s": "string", "n": "number", "b": "boolean", "o.s": "string", "o.n": "number"}


def value_for(natural: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Mostly the property's natural type; sometimes another scalar, null, an array or an object."""
    return weighted((6, natural), (3, scalars), (1, junk))


def present_or_missing(**fields: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
    """An object holding each field about 4 times in 5 (left out otherwise)."""
    maybe = {k: weighted((4, v), (1, st.just(MISSING))) for k, v in fields.items()}
    return st.builds(lambda d: {k: v for k, v in d.items() if v is not MISSING}, st.fixed_dictionaries(maybe))


nested = present_or_missing(s=value_for(texts), n=value_for(numbers))
metadata = present_or_missing(
    s=value_for(texts), n=value_for(numbers), b=value_for(st.booleans()), o=weighted((3, nested), (1, scalars)),
)


# -- the reference -------------------------------------------------------------------------------
def lookup(meta: dict[str, Any], key: str) -> Any:
    node: Any = meta
    for part in key.split("."):
        if not isinstance(node, dict) or part not in node:
            return MISSING
        node = node[part]
    return node


def tag(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    return "other"


def cut64(text: str) -> str:
    """The longest prefix of whole characters within 64 UTF-8 bytes."""
    out, used = [], 0
    for ch in text:
        size = len(ch.encode("utf-8"))
        if used + size > 64:
            break
        out.append(ch)
        used += size
    return "".join(out)


def same(a: Any, b: Any) -> bool:
    """JSON equality of two scalars (true is not 1; arrays and objects equal nothing).

    Numbers are JSON numbers, i.e. float64 on the service: 2**53 + 1 equals 2**53.
    """
    if tag(a) != tag(b) or tag(a) == "other":
        return False
    if tag(a) == "number":
        return float(a) == float(b)
    return a is None or a == b


def compare(op: str, value: Any, bound: Any) -> bool:
    if tag(value) != tag(bound) or tag(bound) not in ("string", "number"):
        return False
    if tag(bound) == "string":
        value, bound = value.encode("utf-8"), bound.encode("utf-8")
    else:
        value, bound = float(value), float(bound)
    return {"$lt": value < bound, "$lte": value <= bound, "$gt": value > bound, "$gte": value >= bound}[op]


def clause_holds(op: str, arg: Any, value: Any) -> bool:
    if op == "$eq":
        return same(value, arg)
    if op == "$ne":
        return not same(value, arg)
    if op == "$in":
        return any(same(value, a) for a in arg)
    if op == "$nin":
        return not any(same(value, a) for a in arg)
    return compare(op, value, arg)


def clauses(spec: Any) -> list[tuple[str, Any]]:
    return list(spec.items()) if isinstance(spec, dict) else [("$eq", spec)]


def as_indexed(value: Any, type_: str) -> Any:
    """What a ``type_`` metadata index holds for ``value``, or MISSING."""
    if type_ == "string" and isinstance(value, str):
        return cut64(value)
    if type_ == "number" and tag(value) == "number":
        return float(value)
    if type_ == "boolean" and isinstance(value, bool):
        return value
    return MISSING


def cut_arg(arg: Any) -> Any:
    if isinstance(arg, str):
        return cut64(arg)
    if isinstance(arg, list):
        return [cut_arg(a) for a in arg]
    return arg


def v2_matches(meta: dict[str, Any], written: int, flt: dict[str, Any], indexes: dict[str, tuple[str, int]]) -> bool:
    for key, spec in flt.items():
        if key not in indexes:
            return False
        type_, created = indexes[key]
        if written <= created:
            return False  # written before the index existed: not in it
        value = as_indexed(lookup(meta, key), type_)
        if value is MISSING:
            return False  # not in the index: no clause holds, negations included
        if not all(clause_holds(op, cut_arg(arg), value) for op, arg in clauses(spec)):
            return False
    return True


def v1_matches(meta: dict[str, Any], flt: dict[str, Any]) -> bool:
    for key, spec in flt.items():
        value = lookup(meta, key)
        for op, arg in clauses(spec):
            equal = value is not MISSING and same(value, arg)
            if equal != (op == "$eq"):
                return False
    return True


# -- random filters ------------------------------------------------------------------------------
def key_filter(ops: tuple[str, ...], natural: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """One key's filter, its values mostly of the key's natural type."""
    value = weighted((3, natural), (1, scalars))
    options: list[tuple[int, st.SearchStrategy[Any]]] = [
        (2, value), (2, st.builds(lambda v: {"$eq": v}, value)), (2, st.builds(lambda v: {"$ne": v}, value)),
    ]
    if "$in" in ops:
        lists = st.lists(value, min_size=1, max_size=3)
        options += [(2, st.builds(lambda v: {"$in": v}, lists)), (2, st.builds(lambda v: {"$nin": v}, lists))]
        # bounds: mostly values the key holds (so $gt and $gte differ), always a string or number
        bound = weighted((3, natural), (1, texts), (1, numbers)).map(
            lambda v: v if tag(v) in ("string", "number") else json.dumps(v)
        )
        one = st.builds(lambda op, v: {op: v}, st.sampled_from(["$lt", "$lte", "$gt", "$gte"]), bound)
        pair = st.tuples(bound, bound).map(lambda ab: ab if tag(ab[0]) == tag(ab[1]) else (ab[0], ab[0]))
        two = st.builds(lambda lo, hi, ab: {lo: ab[0], hi: ab[1]}, st.sampled_from(["$gt", "$gte"]),
                        st.sampled_from(["$lt", "$lte"]), pair)
        options += [(5, one), (3, two)]
    return weighted(*options)


def filters(ops: tuple[str, ...], keys: tuple[str, ...],
            stored: list[dict[str, Any]]) -> st.SearchStrategy[dict[str, Any]]:
    """1-2 keys (ANDed); values mostly taken from what ``stored`` holds under that key, so
    equalities hit and range bounds land exactly on stored values."""

    def natural(key: str) -> st.SearchStrategy[Any]:
        seen = [v for v in (lookup(m, key) for m in stored) if v is not MISSING and tag(v) != "other"]
        return weighted((2, st.sampled_from(seen)), (1, NATURAL[key])) if seen else NATURAL[key]

    @functools.cache  # one strategy per key for this ``stored``, not a new one per drawn filter
    def key_filters(key: str) -> st.SearchStrategy[Any]:
        return key_filter(ops, natural(key))

    chosen = st.lists(st.sampled_from(keys), min_size=1, max_size=2, unique=True)
    return chosen.flatmap(lambda ks: st.fixed_dictionaries({k: key_filters(k) for k in ks}))


def fits(flt: dict[str, Any]) -> bool:
    return len(json.dumps(flt, separators=(",", ":"), ensure_ascii=False).encode("utf-8")) < 2048


def matched_ids(b: VectorizeBinding, flt: dict[str, Any], top_k: int) -> set[str]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # unindexed v2 keys warn; that is tested elsewhere
        res = b.query_sync(QUERY, {"topK": top_k, "filter": flt})
    return {m["id"] for m in res["matches"]}


def make(version: str, metadata_indexes: dict[str, str]) -> tuple[Index, VectorizeBinding]:
    definition = parse_index_definition(
        {"dimensions": 3, "metric": "cosine", "version": version, "metadata_indexes": metadata_indexes}, where="test"
    )
    index = Index("idx", definition)
    return index, VectorizeBinding(index)


# -- the tests -------------------------------------------------------------------------------------
# Mostly every property indexed with its natural type; a few left out or given another type.
index_types = st.builds(
    lambda types, dropped: {p: t for p, t in types.items() if p not in dropped},
    st.fixed_dictionaries({p: weighted((3, st.just(t)), (1, st.sampled_from(TYPES))) for p, t in NATURAL_TYPE.items()}),
    st.sets(st.sampled_from(PROPS), max_size=3),
)
batch = st.dictionaries(st.sampled_from([f"v{i}" for i in range(40)]), metadata, min_size=4, max_size=25)


@settings(max_examples=50, deadline=None)
@given(
    initial=index_types,
    late=index_types,
    recreate=st.lists(st.tuples(st.sampled_from(PROPS), st.none() | st.sampled_from(TYPES)), max_size=2),
    first=batch,
    second=batch,
    deleted=st.lists(st.sampled_from([f"v{i}" for i in range(40)]), max_size=5),
    data=st.data(),
)
def test_v2_filters_match_the_reference(
    initial: dict[str, str], late: dict[str, str], recreate: list[tuple[str, str | None]],
    first: dict[str, dict[str, Any]], second: dict[str, dict[str, Any]], deleted: list[str],
    data: st.DataObject,
) -> None:
    index, b = make("v2", initial)
    clock = 0  # the reference's own write counter: one tick per mutation
    indexes = {prop: (type_, clock) for prop, type_ in initial.items()}
    stored: dict[str, tuple[dict[str, Any], int]] = {}

    def write(vectors: dict[str, dict[str, Any]]) -> None:
        nonlocal clock
        if vectors:
            b.upsert_sync([{"id": vid, "values": [1, 0, 0], "metadata": meta} for vid, meta in vectors.items()])
            clock += 1
            stored.update({vid: (meta, clock) for vid, meta in vectors.items()})

    write(first)
    for prop, type_ in late.items():
        if prop not in indexes:
            index.create_metadata_index(prop, type_)
            clock += 1
            indexes[prop] = (type_, clock)
    for prop, type_ in recreate:
        if prop in indexes:
            index.delete_metadata_index(prop)
            clock += 1
            del indexes[prop]
        if type_ is not None:
            index.create_metadata_index(prop, type_)
            clock += 1
            indexes[prop] = (type_, clock)
    write(second)
    if deleted:
        b.delete_by_ids_sync(deleted)
        for vid in deleted:
            stored.pop(vid, None)

    assert len(index.core) == len(stored)
    metas = [meta for meta, _ in stored.values()]
    for flt in data.draw(st.lists(filters(("$eq", "$ne", "$in"), PROPS * 4 + ("zz",), metas), min_size=1, max_size=4)):
        assume(fits(flt))
        want = {vid for vid, (meta, written) in stored.items() if v2_matches(meta, written, flt, indexes)}
        assert matched_ids(b, flt, top_k=100) == want, flt


@settings(max_examples=50, deadline=None)
@given(
    vectors=st.dictionaries(st.sampled_from([f"v{i}" for i in range(20)]), metadata, min_size=4, max_size=20),
    data=st.data(),
)
def test_v1_filters_match_the_reference(vectors: dict[str, dict[str, Any]], data: st.DataObject) -> None:
    _, b = make("v1", {})
    if vectors:
        b.upsert_sync([{"id": vid, "values": [1, 0, 0], "metadata": meta} for vid, meta in vectors.items()])
    for flt in data.draw(st.lists(filters(("$eq", "$ne"), PROPS * 2 + ("zz",), list(vectors.values())), min_size=1, max_size=4)):
        assume(fits(flt))
        want = {vid for vid, meta in vectors.items() if v1_matches(meta, flt)}
        assert matched_ids(b, flt, top_k=20) == want, flt


RANGE_OPS = ("$lt", "$lte", "$gt", "$gte")
RANGE_OP_SETS = st.one_of(
    st.tuples(st.sampled_from(RANGE_OPS)),
    st.tuples(st.sampled_from(["$gt", "$gte"]), st.sampled_from(["$lt", "$lte"])),
)


@settings(max_examples=50, deadline=None)
@given(
    stored=st.dictionaries(st.sampled_from([f"v{i}" for i in range(30)]), texts, min_size=2, max_size=30),
    data=st.data(),
)
def test_v2_string_ranges_match_the_reference(stored: dict[str, str], data: st.DataObject) -> None:
    """Focused on ordering: UTF-8 byte order (astral characters after U+FFFF), bounds equal to
    stored values, and bounds past the 64-byte cut."""
    _, b = make("v2", {"s": "string"})
    b.upsert_sync([{"id": vid, "values": [1, 0, 0], "metadata": {"s": text}} for vid, text in stored.items()])
    bound = weighted((3, st.sampled_from(sorted(stored.values()))), (1, texts))
    for _ in range(3):
        ops = data.draw(RANGE_OP_SETS)
        flt = {"s": {op: data.draw(bound) for op in ops}}
        want = {vid for vid, text in stored.items() if v2_matches({"s": text}, 1, flt, {"s": ("string", 0)})}
        assert matched_ids(b, flt, top_k=100) == want, flt
