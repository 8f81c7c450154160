"""``bind()`` values go to parameter indexes, as D1 binds them, for every placeholder form.

D1 binds the values array by index (``sqlite3_bind_*(stmt, i + 1, ...)``), so ``:name``,
``@name``, ``$name`` and ``#name`` take the value at their index just as ``?``/``?NNN`` do,
mixed or not. Python 3.14's sqlite3 refuses a sequence for named placeholders (3.12/3.13
warned), so the same results must come on every Python version, with no warning.
"""

from __future__ import annotations

import sqlite3
import warnings

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workers_env import JsException, load_env

WRANGLER = """\
name = "d1-params"
[[d1_databases]]
binding = "DB"
database_name = "params-db"
database_id = "params-1"
"""

WRONG_COUNT = "D1_ERROR: Wrong number of parameter bindings for SQL query."


@pytest.fixture
def db(project):
    env = load_env(project(WRANGLER))
    yield env.DB
    env.close()


def _no_deprecation(caught: list[warnings.WarningMessage]) -> list[str]:
    """The DeprecationWarnings caught -- CPython 3.12.0-3.12.3's false alarm for ``?NNN``
    (python/cpython#117995) included: workers-env hushes it around its own calls, under
    pytest's per-test "always" too."""
    return [str(w.message) for w in caught if issubclass(w.category, DeprecationWarning)]


CASES = [
    # (sql, values, column names, row)
    ("SELECT ? AS a, ? AS b", [1, 2], ["a", "b"], [1, 2]),
    ("SELECT ?2 AS x, ?1 AS y", ["a", "b"], ["x", "y"], ["b", "a"]),
    ("SELECT ?1 AS a, ?1 AS b, ? AS c", [1, 2], ["a", "b", "c"], [1, 1, 2]),
    ("SELECT :name AS a, @x AS b, $y AS c", [1, 2, 3], ["a", "b", "c"], [1, 2, 3]),
    ("SELECT :x", [5], [":x"], [5]),
    ("SELECT @x, $y, #z", [1, 2, 3], ["@x", "$y", "#z"], [1, 2, 3]),
    # a name used twice is one parameter; names take indexes in order of first use
    ("SELECT :b, :a, :b", ["first", "second"], [":b", ":a", ":b"], ["first", "second", "first"]),
    ("SELECT :x AS a, @x AS b, $x AS c", [1, 2, 3], ["a", "b", "c"], [1, 2, 3]),  # three names
    # mixes: ? takes the next index, ?NNN its own, a new name the next one
    ("SELECT :x, ?", [1, 2], [":x", "?"], [1, 2]),
    ("SELECT ?, :x, ?, :x", [1, 2, 3], ["?", ":x", "?", ":x"], [1, 2, 3, 2]),
    ("SELECT ?2, :x", [1, 2, 3], ["?2", ":x"], [2, 3]),  # index 1 has no placeholder at all
    ("SELECT ?1, :x", [1, 2], ["?1", ":x"], [1, 2]),
    ("SELECT :x, ?1", [7], [":x", "?1"], [7, 7]),  # :x took index 1, which ?1 names too
    ("SELECT :x + 1, ? * 2, :x || 'z'", [1, 2], [":x + 1", "? * 2", ":x || 'z'"], [2, 4, "1.0z"]),  # numbers bind as doubles
    ("SELECT ?3, :a, ?, @b", [1, 2, 3, 4, 5, 6], ["?3", ":a", "?", "@b"], [3, 4, 5, 6]),
    # a name written as a longer ?NNN, and as one longer than the name; columns keep their text
    ("SELECT ?, :name || '', :name", [1, 2], ["?", ":name || ''", ":name"], [1, "2.0", 2]),
    ("SELECT ?10, :x, :x + 1 AS y, ?", list(range(12)), ["?10", ":x", "y", "?"], [9, 10, 11, 11]),
    # Tcl forms SQLite reads as one name
    ("SELECT $a(1), $b::c", [1, 2], ["$a(1)", "$b::c"], [1, 2]),
    ("SELECT :a$b, :a", [1, 2], [":a$b", ":a"], [1, 2]),
    # no parameters in strings, quoted names and comments
    ("SELECT ':x' AS s, ? AS v -- :y\n", [9], ["s", "v"], [":x", 9]),
    ('SELECT "?" AS "@q", :x /* :z ? */', [4], ["@q", ":x /* :z ? */"], ["?", 4]),
]


@pytest.mark.asyncio
@pytest.mark.parametrize(("sql", "values", "columns", "row"), CASES)
async def test_values_bind_by_index(db, sql, values, columns, row):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        got = await db.prepare(sql).bind(*values).raw({"columnNames": True})
    assert got == [columns, row]
    assert _no_deprecation(caught) == []


@pytest.mark.asyncio
async def test_named_parameters_write_by_index(db):
    await db.prepare("CREATE TABLE t (a, b, c)").run()
    await db.prepare("INSERT INTO t VALUES (@c, :a, $b)").bind(1, 2, 3).run()
    await db.prepare("INSERT INTO t (c, a) VALUES (?, :a)").bind("c", "a").run()
    assert await db.prepare("SELECT * FROM t").raw() == [[1, 2, 3], ["a", None, "c"]]
    batch = [db.prepare("INSERT INTO t VALUES (:x, :x, ?)").bind(i, -i) for i in (5, 6)]
    await db.batch(batch)
    assert await db.prepare("SELECT * FROM t WHERE c < :max ORDER BY a").bind(0).raw() == [[5, 5, -5], [6, 6, -6]]


async def _message(awaitable) -> str:
    with pytest.raises(JsException) as info:
        await awaitable
    return info.value.message


@pytest.mark.asyncio
@pytest.mark.parametrize(("sql", "values"), [
    ("SELECT :x", [1, 2]),
    ("SELECT :x, @y", [1]),
    ("SELECT :x, :x", []),
    ("SELECT :x, ?", [1]),
    ("SELECT :x, ?", [1, 2, 3]),
    ("SELECT ?2, :x", [1, 2]),
])
async def test_wrong_number_of_values_for_named_parameters(db, sql, values):
    assert await _message(db.prepare(sql).bind(*values).all()) == WRONG_COUNT


@pytest.mark.asyncio
async def test_a_refused_named_query_writes_nothing(db):
    await db.prepare("CREATE TABLE t (a, b)").run()
    for values in ([1], [1, 2, 3]):
        assert await _message(db.prepare("INSERT INTO t VALUES (:a, ?)").bind(*values).run()) == WRONG_COUNT
        assert await _message(db.prepare("INSERT INTO t VALUES (:a, :b)").bind(*values).run()) == WRONG_COUNT
    assert await _message(
        db.batch([db.prepare("INSERT INTO t VALUES (:a, :b)").bind(1, 2), db.prepare("INSERT INTO t VALUES (:a)").bind(3)])
    ) == "D1_ERROR: table t has 2 columns but 1 values were supplied: SQLITE_ERROR"
    assert await db.prepare("SELECT count(*) AS n FROM t").first("n") == 0


@pytest.mark.asyncio
async def test_named_statement_errors_are_the_statements_own(db):
    assert await _message(db.prepare("SELECT :x, nope").bind(1).all()) == (
        "D1_ERROR: no such column: nope at offset 11: SQLITE_ERROR"
    )
    assert await _message(db.prepare("SELECT ?, :x, nope").bind(1, 2).all()) == (
        "D1_ERROR: no such column: nope at offset 14: SQLITE_ERROR"
    )
    assert await _message(db.prepare("SELECT :x FROM nowhere").bind(1).all()) == (
        "D1_ERROR: no such table: nowhere: SQLITE_ERROR"
    )
    assert await _message(db.prepare("SELECT :x AS a; SELECT 2 AS b").bind(5).all()) == (
        "D1_ERROR: When executing multiple SQL statements in a single call, only the last statement can have parameters."
    )


def _sqlite_names_in_index_order(sql: str) -> list[str]:
    """The reference: SQLite's own parameter names, 1..n, as sqlite3 asks a dict for them."""
    asked: list[str] = []

    class Recorder(dict):
        def __getitem__(self, key):
            asked.append(key)
            return None

    conn = sqlite3.connect(":memory:")
    try:
        conn.execute(sql, Recorder())
    finally:
        conn.close()
    return asked


_NAMES = st.sampled_from([":a", ":b", "@c", "$d", "#e", ":long_name", "$t::u", "@é"])  # distinct after the prefix
#: Columns holding parameter-like text SQLite does not read as parameters (strings, comments).
_DECOYS = {"':a ?'": ":a ?", "'it''s @c'": "it's @c", "/* :b ? */ 1": 1, "2 -- $d ?\n": 2, "'$x' || ''": "$x"}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])  # read only
@given(columns=st.lists(st.one_of(_NAMES, st.sampled_from(sorted(_DECOYS))), min_size=1, max_size=8))
@pytest.mark.asyncio
async def test_named_placeholders_match_sqlites_numbering(db, columns):
    sql = "SELECT " + ", ".join(columns)
    order = _sqlite_names_in_index_order(sql)
    values = [f"v{i}" for i in range(len(order))]
    expected = [_DECOYS[c] if c in _DECOYS else values[order.index(c[1:])] for c in columns]
    if not values:  # only decoys: a statement without parameters takes no values
        assert await db.prepare(sql).raw() == [expected]
        return
    assert await db.prepare(sql).bind(*values).raw() == [expected]
