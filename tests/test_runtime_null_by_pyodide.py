"""JavaScript ``null`` reaches Python as the Worker's Pyodide converts it: ``None`` on Pyodide
0.26 (compatibility dates before 2025-09-29), ``jsnull`` everywhere on 0.28 (attribute reads
and ``to_py()`` included), and ``None`` again where the external SDK converts binding results."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from worker_helpers import typical_pyproject

from workers_env import load_worker

ENTRY = """
import json

from js import JSON, Response, URLSearchParams
from workers import WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        db, kv = self.env.DB, self.env.KV
        row = await db.prepare("SELECT 1 AS a, NULL AS b").first()
        parsed = JSON.parse('{"a": null, "list": [null]}')
        got = {
            "no row": repr(await db.prepare("SELECT 1 AS a WHERE 0").first()),
            "null column": repr(await db.prepare("SELECT NULL AS b").first("b")),
            "row.b": repr(row.b if hasattr(row, "b") else row["b"]),
            "missing key": repr(await kv.get("nope")),
            "parsed.a": repr(parsed.a),
            "parsed to_py": repr(parsed.to_py()),
            "header": repr(request.js_object.headers.get("nope")),  # the raw JS Headers
            "param": repr(URLSearchParams.new("a=1").get("z")),
            "json.dumps": json.dumps(parsed.to_py()),  # Pyodide's encoder writes jsnull as null (0.28.1 on)
        }
        if not isinstance(row, dict):  # a raw JS row: JSON.stringify keeps its null column
            got["stringify"] = JSON.stringify(row)
        return Response.new(json.dumps(got), headers=[["content-type", "application/json"]]) \\
            if hasattr(Response, "new") else Response.json(got)

    on_fetch = fetch  # before python_no_global_handlers (2025-08-14) workerd calls Default.on_fetch
"""


def _worker(root: Path, date: str):
    (root / "src").mkdir(parents=True)
    (root / "src" / "entry.py").write_text(textwrap.dedent(ENTRY))
    (root / "wrangler.toml").write_text(
        f'name = "nulls"\nmain = "src/entry.py"\ncompatibility_date = "{date}"\ncompatibility_flags = ["python_workers"]\n'
        '[[d1_databases]]\nbinding = "DB"\ndatabase_name = "db"\ndatabase_id = "x"\n'
        '[[kv_namespaces]]\nbinding = "KV"\nid = "k"\n'
    )
    typical_pyproject(root)
    return load_worker(root)


NONE_EVERYWHERE = {"json.dumps": '{"a": null, "list": [null]}', "no row": "None", "null column": "None", "row.b": "None", "missing key": "None",
                   "parsed.a": "None", "parsed to_py": "{'a': None, 'list': [None]}", "header": "None", "param": "None"}

JSNULL_EVERYWHERE = {"json.dumps": '{"a": null, "list": [null]}', "no row": "jsnull", "null column": "jsnull", "row.b": "jsnull", "missing key": "jsnull",
                     "parsed.a": "jsnull", "parsed to_py": "{'a': jsnull, 'list': [jsnull]}", "header": "jsnull",
                     "param": "jsnull"}


@pytest.mark.asyncio
@pytest.mark.parametrize("date, want", [
    ("2024-10-01", {**NONE_EVERYWHERE, "stringify": '{"a":1,"b":null}'}),  # Pyodide 0.26.0a2, built-in SDK
    ("2025-09-28", {**NONE_EVERYWHERE, "stringify": '{"a":1,"b":null}'}),  # the last day of 0.26
    ("2025-09-29", {**JSNULL_EVERYWHERE, "stringify": '{"a":1,"b":null}'}),  # Pyodide 0.28.2, built-in SDK
    # external SDK (Pyodide 0.28): binding results converted with jsnull replaced by None; raw JS
    # values (JSON.parse, URLSearchParams, the raw request's Headers) stay as Pyodide makes them
    ("2026-05-01", {**NONE_EVERYWHERE, "parsed.a": "jsnull", "parsed to_py": "{'a': jsnull, 'list': [jsnull]}",
                    "param": "jsnull", "header": "jsnull"}),
])
async def test_null_reaches_python_as_the_workers_pyodide_converts_it(tmp_path, date, want):
    worker = _worker(tmp_path, date)
    response = await worker.fetch("/")
    assert response.status == 200, await response.text()
    assert await response.json() == want


@pytest.mark.asyncio
@pytest.mark.parametrize("date, null", [("2024-10-01", None), ("2025-11-01", "jsnull")])
async def test_load_envs_raw_bindings_convert_null_as_the_configs_pyodide(tmp_path, date, null):
    """``load_env``'s env of a built-in SDK era config hands out the raw JS bindings, used from
    test code outside any Worker: their ``null`` is the config's Pyodide's all the same."""
    from workers_env import load_env
    from workers_env.runtime.jsproxy import jsnull

    (tmp_path / "wrangler.toml").write_text(
        f'name = "n"\nmain = "src/entry.py"\ncompatibility_date = "{date}"\ncompatibility_flags = ["python_workers"]\n'
        '[[d1_databases]]\nbinding = "DB"\ndatabase_name = "db"\ndatabase_id = "x"\n')
    typical_pyproject(tmp_path)
    want = jsnull if null == "jsnull" else None
    env = load_env(tmp_path)
    row = await env.DB.prepare("SELECT 1 AS a, NULL AS b").first()
    assert row.b is want and row.to_py() == {"a": 1, "b": want}
    assert await env.DB.prepare("SELECT 1 WHERE 0").first() is want
    assert (await env.DB.prepare("SELECT NULL AS b").all()).results[0].b is want


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "imported"), [("2025-09-01", "ImportError"), ("2025-10-01", "jsnull")])
async def test_pyodide_ffi_jsnull_exists_from_pyodide_028(tmp_path, date, imported):
    """Pyodide 0.26 has no ``jsnull`` (JavaScript ``null`` is ``None`` there): importing it is an
    ``ImportError``, as Pyodide 0.26.0a4 and 0.26.2 under Node answer."""
    entry = '''
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        try:
            from pyodide.ffi import jsnull
        except ImportError:
            return Response("ImportError")
        return Response(repr(jsnull))

    on_fetch = fetch
'''
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text(entry)
    (tmp_path / "wrangler.toml").write_text(f'name = "n"\nmain = "src/entry.py"\ncompatibility_date = "{date}"\n'
                                            'compatibility_flags = ["python_workers"]\n')
    typical_pyproject(tmp_path)
    assert await (await load_worker(tmp_path).fetch("/")).text() == imported


@pytest.mark.asyncio
async def test_object_from_entries_keeps_a_javascript_null_on_pyodide_026(tmp_path):
    """``Object.fromEntries`` reads the JS values of its entries: a ``null`` stays ``null`` even
    where Pyodide 0.26 shows it to Python as ``None`` (0.26.0a4 under Node: ``{"k":null}``)."""
    entry = '''
from js import JSON, Object, Response
from workers import WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response.new(JSON.stringify(Object.fromEntries(JSON.parse('[["k",null],["a",1]]'))))

    on_fetch = fetch
'''
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text(entry)
    (tmp_path / "wrangler.toml").write_text('name = "n"\nmain = "src/entry.py"\ncompatibility_date = "2025-09-01"\n'
                                            'compatibility_flags = ["python_workers"]\n')
    typical_pyproject(tmp_path)
    assert await (await load_worker(tmp_path).fetch("/")).text() == '{"k":null,"a":1}'
