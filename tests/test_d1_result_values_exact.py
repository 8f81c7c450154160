"""D1's fast result conversion is exact: ``all()``, ``raw()`` and ``first()`` hold every cell to a
slow, obvious per-cell reference of the JavaScript number rules, whatever mix of types a
column holds (whole and fractional REALs, Infinity, integers on both sides of 2**53, text,
NULL, BLOBs) and with repeated column names."""

from __future__ import annotations

import asyncio
import contextlib
import math
import sqlite3

import pytest
from d1_helpers import d1_database, literal
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

SAFE = 2**53 - 1


def reference(value):
    """One SQLite value as a Worker receives it, written the obvious way."""
    if isinstance(value, bytes):
        return list(value)
    if isinstance(value, int):
        return value if abs(value) <= SAFE else float(value)
    if isinstance(value, float):
        if math.isinf(value):
            return None
        if value == int(value) and abs(value) <= SAFE:
            return int(value)
    return value




_ints = st.one_of(st.integers(-1000, 1000), st.sampled_from([SAFE, -SAFE, SAFE + 1, -SAFE - 1, 2**62, -(2**63)]))
_floats = st.one_of(
    st.floats(allow_nan=False, allow_infinity=False, width=64).filter(lambda f: abs(f) < 1e300),
    st.integers(-(2**60), 2**60).map(float),
    st.sampled_from([0.5, -0.0, 0.0, float(SAFE), float(SAFE + 1), 2.0**60, math.inf, -math.inf, 1e300]),
)
_texts = st.one_of(st.text(st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)), max_size=5), st.none())
_odd = st.one_of(_ints, _floats, _texts, st.binary(max_size=3))
_KINDS = {"int": _ints, "float": _floats, "text": _texts}


# built once, not per cell: hypothesis validates and labels each new strategy object it draws from
_WIDTHS, _KIND_NAMES, _HEIGHTS = st.integers(1, 4), st.sampled_from(["int", "float", "text", "mixed"]), st.integers(1, 12)
_ONE_IN_TEN, _CLASHING_NAMES = st.integers(0, 9), st.sampled_from(["a", "b", "c"])


@st.composite
def results(draw):
    width = draw(_WIDTHS)
    kinds = [draw(_KIND_NAMES) for _ in range(width)]
    n = draw(_HEIGHTS)
    rows = []
    for _ in range(n):
        row = []
        for kind in kinds:
            strategy = _odd if kind == "mixed" else _KINDS[kind]
            row.append(draw(_odd if draw(_ONE_IN_TEN) == 0 else strategy))
        rows.append(tuple(row))
    names = [draw(_CLASHING_NAMES) if draw(st.booleans()) else f"c{i}" for i in range(width)]
    return names, rows


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    with d1_database(tmp_path_factory.mktemp("d1exact")) as binding:
        yield binding


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(results())
def test_rows_match_the_per_cell_reference(db, case):
    names, rows = case
    columns = ", ".join(f'column{i + 1} AS "{name}"' for i, name in enumerate(names))
    values = ", ".join("(" + ", ".join(map(literal, row)) + ")" for row in rows)
    sql = f"SELECT {columns} FROM (VALUES {values})"
    with contextlib.closing(sqlite3.connect(":memory:")) as reference_db:
        stored = reference_db.execute(sql).fetchall()  # what SQLite itself returns
    expected_lists = [[reference(v) for v in row] for row in stored]
    expected_objects = [{name: value for name, value in zip(names, row)} for row in expected_lists]

    async def fetch():
        return await db.prepare(sql).all(), await db.prepare(sql).raw(), await db.prepare(sql).first()

    res, raw, first = asyncio.run(fetch())
    assert res.results == expected_objects
    for got, want in zip(res.results, expected_objects):
        assert [type(v) for v in got.values()] == [type(v) for v in want.values()]
    assert raw == expected_lists
    assert [[type(v) for v in row] for row in raw] == [[type(v) for v in row] for row in expected_lists]
    assert first == expected_objects[0]
    assert [type(v) for v in first.values()] == [type(v) for v in expected_objects[0].values()]
