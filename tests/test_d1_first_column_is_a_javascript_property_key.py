"""``first(colName)`` reads ``firstResult[colName]``: JavaScript turns a non-string column into
its property key (``1`` -> ``"1"``, ``["a"]`` -> ``"a"``, an object -> ``"[object Object]"``)
and names that key in ``D1_COLUMN_NOTFOUND`` -- never Python's ``unhashable type``."""

from __future__ import annotations

import pytest

from workers_env import JsException


@pytest.mark.asyncio
async def test_numbers_and_arrays_name_the_column_they_print_as(db):
    statement = db.prepare('SELECT 10 AS "1", 20 AS a, 30 AS "a,b", 40 AS "true"')
    assert await statement.first(1) == 10
    assert await statement.first(1.0) == 10
    assert await statement.first(["a"]) == 20
    assert await statement.first(["a", "b"]) == 30
    assert await statement.first(True) == 40


@pytest.mark.asyncio
@pytest.mark.parametrize(("column", "shown"), [({"a": 1}, "[object Object]"), ([], ""), (2, "2"), ([["b"], "c"], "b,c")])
async def test_a_missing_one_is_named_as_javascript_prints_it(db, column, shown):
    with pytest.raises(JsException) as info:
        await db.prepare("SELECT 1 AS a").first(column)
    assert info.value.message == f"D1_COLUMN_NOTFOUND: Column not found ({shown})"


@pytest.mark.asyncio
async def test_a_numpy_float_is_the_number_it_holds(db):
    # np.float64 is a float subclass, sent as a number: its key is the number's text, not
    # numpy's repr ("np.float64(0.5)"), which once raised decimal.InvalidOperation here
    np = pytest.importorskip("numpy")
    statement = db.prepare('SELECT 10 AS "0.5", 20 AS "1e+300"')
    assert await statement.first(np.float64(0.5)) == 10
    assert await statement.first(np.float64(1e300)) == 20
    with pytest.raises(JsException) as info:
        await statement.first([np.float64(2.5)])
    assert info.value.message == "D1_COLUMN_NOTFOUND: Column not found (2.5)"
