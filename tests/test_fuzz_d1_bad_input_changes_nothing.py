"""Malformed arguments to every D1 method: ``prepare``/``bind`` and the statement's ``first``,
``all``, ``raw``, ``run``; ``batch``, ``exec``, ``withSession``, ``dump``. Each call either works
or is refused with workers-env's error -- never a bare Python exception, a deeply nested value
included -- and a refused call leaves the table as it was."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from fuzz_helpers import FUZZ, nested, odd, outcome
from hypothesis import given
from hypothesis import strategies as st

from workers_env import JsException, NotEmulatedError, load_env

WRANGLER = ('name = "fuzz"\ncompatibility_date = "2026-05-01"\n'
            '[[d1_databases]]\nbinding = "DB"\ndatabase_name = "db"\ndatabase_id = "d1id"\n')
SQL = ["SELECT ?1", "INSERT INTO t VALUES (?, ?)", "SELECT * FROM t", "select :a", "select ?999999", "select ?0",
       "UPDATE t SET a = ?", "DELETE FROM t WHERE a = ?"]


@pytest.fixture(params=["memory", "persisted"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Any:
    (tmp_path / "wrangler.toml").write_text(WRANGLER)
    persist = str(tmp_path / "state") if request.param == "persisted" else None
    db = load_env(tmp_path / "wrangler.toml", persist_to=persist).DB
    asyncio.run(db.exec("CREATE TABLE t (a, b)\nINSERT INTO t VALUES (1, 'x')"))
    return db


def rows(db: Any) -> Any:
    return repr(asyncio.run(db.prepare("SELECT * FROM t").raw()))


def refused_changes_nothing(db: Any, call: Any) -> None:
    before = rows(db)
    if outcome(call) is not None:
        assert rows(db) == before


@FUZZ
@given(sql=st.one_of(st.sampled_from(SQL), odd), values=st.lists(odd, max_size=3),
       method=st.sampled_from(["first", "all", "raw", "run"]), args=st.lists(odd, max_size=1))
def test_a_statement_of_any_values_is_answered_or_refused(db: Any, sql: Any, values: list[Any], method: str,
                                                          args: list[Any]) -> None:
    refused_changes_nothing(db, lambda: getattr(db.prepare(sql).bind(*values), method)(*args))


@FUZZ
@given(values=st.lists(odd, min_size=1, max_size=2))
def test_a_refused_batch_applies_none_of_its_statements(db: Any, values: list[Any]) -> None:
    refused_changes_nothing(db, lambda: db.batch([db.prepare("INSERT INTO t VALUES (2, 'y')"),
                                                  db.prepare("INSERT INTO t VALUES (?, ?)").bind(*values)]))


@FUZZ
@given(method=st.sampled_from(["batch", "exec", "withSession", "dump", "prepare"]), args=st.lists(odd, max_size=2))
def test_any_arguments_to_the_database_are_answered_or_refused(db: Any, method: str, args: list[Any]) -> None:
    refused_changes_nothing(db, lambda: getattr(db, method)(*args))


@pytest.mark.parametrize("levels", [3, 999, 1000, 3000, 30000])
def test_a_deeply_nested_python_value_is_d1s_type_error_or_too_deep_never_a_recursion_error(db: Any, levels: int) -> None:
    """``String()`` of a tuple (a PyProxy) holding a dict nested thousands of levels deep raised a
    bare RecursionError; up to 1,000 levels (the tuple one of them) it is the text, deeper
    workers-env's NotEmulatedError."""
    value = (nested(levels, True),)
    expected = NotEmulatedError if levels + 1 > 1000 else JsException
    with pytest.raises(expected) as info:
        asyncio.run(db.prepare("SELECT ?").bind(value).all())
    assert ("D1_TYPE_ERROR: Type 'object' not supported for value '({'a': " in str(info.value)
            if expected is JsException else "String() of a value nested more than 1,000 levels deep" in str(info.value))
    assert rows(db) == "[[1, 'x']]"
