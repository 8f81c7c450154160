"""On the raw D1 binding of the built-in SDK era (dates before 2026-04-21), arguments cross as
Pyodide hands them to JavaScript: ``batch()`` takes a plain Python list of statements (a
PyProxy with ``length``, items and ``map()``), ``bind()`` refuses a Python ``None``
(``undefined``) and unconverted containers (PyProxies) with workerd's ``D1_TYPE_ERROR`` -- as a
probe under ``wrangler dev`` 4.164.0 answered -- while the external SDK makes ``None`` NULL."""

from __future__ import annotations

import pytest

from workers_env import JsException, load_env, to_js
from workers_env.runtime.jsproxy import jsnull

WRANGLER = """\
name = "d1-args"
main = "src/entry.py"
compatibility_date = "{date}"
compatibility_flags = ["python_workers"]

[[d1_databases]]
binding = "DB"
database_name = "db"
database_id = "00000000-0000-0000-0000-000000000000"
"""


def env_at(tmp_path, date: str):
    (tmp_path / "wrangler.toml").write_text(WRANGLER.format(date=date))
    return load_env(tmp_path)


@pytest.mark.asyncio
async def test_a_python_list_of_statements_runs_as_a_batch(tmp_path):
    env = env_at(tmp_path, "2025-11-02")
    await env.DB.exec("CREATE TABLE t (a, b)")
    results = await env.DB.batch([env.DB.prepare("INSERT INTO t VALUES ('x', 'y')"),
                                  env.DB.prepare("SELECT count(*) AS n FROM t")])
    assert results[1].results[0].n == 1
    assert len(await env.DB.batch(to_js([env.DB.prepare("SELECT 1")]))) == 1  # a JS array, as before


@pytest.mark.asyncio
@pytest.mark.parametrize(("args", "shown"), [
    ((None, 1), "Type 'undefined' not supported for value 'undefined'"),
    (("x", None), "Type 'undefined' not supported for value 'undefined'"),  # a trailing one too
    (([1, 2], 2), "Type 'object' not supported for value '[1, 2]'"),
    (({"a": 1}, 2), "Type 'object' not supported for value '{'a': 1}'"),
    ((b"ab", 2), "Type 'object' not supported for value 'b'ab''"),
])
async def test_bind_refuses_what_pyodide_hands_over_unconverted(tmp_path, args, shown):
    env = env_at(tmp_path, "2025-11-02")
    await env.DB.exec("CREATE TABLE t (a, b)")
    with pytest.raises(JsException) as caught:
        await env.DB.prepare("INSERT INTO t VALUES (?, ?)").bind(*args).run()
    assert caught.value.message == f"D1_TYPE_ERROR: {shown}"
    assert (await env.DB.prepare("SELECT count(*) AS n FROM t").first("n")) == 0  # nothing written


@pytest.mark.asyncio
async def test_what_binds_there_and_what_the_external_sdk_converts(tmp_path):
    raw = env_at(tmp_path, "2025-11-02")
    await raw.DB.exec("CREATE TABLE t (a, b)")
    await raw.DB.prepare("INSERT INTO t VALUES (?, ?)").bind(jsnull, to_js(b"\x01\x02")).run()
    assert (await raw.DB.prepare("SELECT a, b FROM t").first()).to_py() == {"a": jsnull, "b": [1, 2]}  # Pyodide 0.28
    external = env_at(tmp_path, "2026-05-01")  # the external SDK's self.env.DB: None is null
    await external.DB.exec("CREATE TABLE t (a, b)")
    await external.DB.prepare("INSERT INTO t VALUES (?, ?)").bind(None, "z").run()
    assert await external.DB.prepare("SELECT count(*) AS n FROM t WHERE a IS NULL").first("n") == 1


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2025-08-20", "2025-11-01"])
async def test_a_converted_dict_and_bytearray_bind_as_their_javascript_values(tmp_path, date):
    """``to_js(dict)`` is a ``Map`` (a ``LiteralMap`` on 0.28), whose ``String()`` names it;
    ``to_js(bytearray)`` a ``Uint8Array``, bound as a blob (d1-api.ts replayed on real Pyodide)."""
    env = env_at(tmp_path, date)
    with pytest.raises(JsException, match=r"D1_TYPE_ERROR: Type 'object' not supported for value '\[object Map\]'"):
        await env.DB.prepare("SELECT ?1").bind(to_js({"a": 1})).all()
    row = await env.DB.prepare("SELECT typeof(?1) AS t, length(?1) AS n").bind(to_js(bytearray(b"ab"))).first()
    assert (row.t, row.n) == ("blob", 2)
