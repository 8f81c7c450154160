"""D1's row conversion (column-typed C-level passes, generated row fillers) gives every value
exactly as the per-value reference ``cell()`` does, and row objects as JavaScript builds them
(keys in column order, a repeated name keeping its last value), for results of any width
(wide rows take another filler) and length, whatever mix of types a column holds: integers
around 2**52 and 2**53, whole and fractional REALs, Infinity, huge REALs, short and long text,
NULL and BLOBs, mostly of the type of the column's first value."""

from __future__ import annotations

import asyncio
import contextlib
import math
import sqlite3

import pytest
from d1_helpers import d1_database, literal
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workers_env._jsvalues import JsDict
from workers_env.d1.values import cell

SAFE = 2**53 - 1

_BOUNDARY_INTS = [2**52 - 1, 2**52, 2**52 + 1, -(2**52), SAFE, -SAFE, SAFE + 1, -SAFE - 1, 2**62, -(2**63)]
_ints = st.one_of(
    st.integers(-1000, 1000),
    st.sampled_from(_BOUNDARY_INTS),
    st.integers(-1000, 1000),
    st.integers(-(2**63), 2**63 - 1),
)
_floats = st.one_of(
    st.floats(allow_nan=False, allow_infinity=False, width=64),
    st.integers(-(2**54), 2**54).map(float),
    st.integers(-4000, 4000).map(lambda i: i / 4),
    st.sampled_from([-0.0, 2.0**52, -(2.0**52), float(SAFE), float(SAFE + 1), 1e20, 1e300, math.inf, -math.inf]),
)
_short = st.text(st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)), max_size=8)
_long = st.integers(129, 300).map(lambda n: "long text " * (n // 10 + 1))
_texts = st.one_of(_short, _long)
_any = st.one_of(_ints, _floats, _texts, st.none(), st.binary(max_size=4))
_KINDS = {"int": _ints, "float": _floats, "text": _texts, "null": st.none(), "blob": st.binary(max_size=4)}




# built once, not per cell: hypothesis validates and labels each new strategy object it draws from
_WIDTHS, _KIND_NAMES, _HEIGHTS = st.integers(1, 8), st.sampled_from(sorted(_KINDS)), st.integers(1, 40)
_ONE_IN_TEN, _ONE_IN_FOUR, _CLASHING_NAMES = st.integers(0, 9), st.integers(0, 3), st.sampled_from(["a", "b", "A"])


@st.composite
def results(draw):
    width = draw(_WIDTHS)
    kinds = [draw(_KIND_NAMES) for _ in range(width)]
    n = draw(_HEIGHTS)
    rows = [
        tuple(draw(_any if draw(_ONE_IN_TEN) == 0 else _KINDS[kind]) for kind in kinds)
        for _ in range(n)
    ]
    names = [draw(_CLASHING_NAMES) if draw(_ONE_IN_FOUR) == 0 else f"c{i}" for i in range(width)]
    return names, rows


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    with d1_database(tmp_path_factory.mktemp("d1cells")) as binding:
        yield binding


def as_object(names, values) -> list[tuple[str, object]]:
    """A row object built as JavaScript does: one assignment per column, in order."""
    obj: dict[str, object] = {}
    for name, value in zip(names, values):
        obj[name] = value
    return list(obj.items())


def typed(pairs):
    return [(k, type(v), v) for k, v in pairs]


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(results())
def test_every_value_is_cell_of_what_sqlite_returns(db, case):
    names, rows = case
    columns = ", ".join(f'column{i + 1} AS "{name}"' for i, name in enumerate(names))
    sql = f"SELECT {columns} FROM (VALUES " + ", ".join("(" + ", ".join(map(literal, r)) + ")" for r in rows) + ")"
    with contextlib.closing(sqlite3.connect(":memory:")) as reference_db:
        stored = reference_db.execute(sql).fetchall()
    expected = [[cell(v) for v in row] for row in stored]

    async def fetch():
        return await db.prepare(sql).all(), await db.prepare(sql).raw(), await db.prepare(sql).first()

    res, raw, first = asyncio.run(fetch())
    assert all(type(obj) is JsDict for obj in res.results)
    assert [typed(obj.items()) for obj in res.results] == [typed(as_object(names, row)) for row in expected]
    assert [[(type(v), v) for v in row] for row in raw] == [[(type(v), v) for v in row] for row in expected]
    assert type(first) is JsDict and typed(first.items()) == typed(as_object(names, expected[0]))
