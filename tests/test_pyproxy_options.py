"""A Python dict handed unconverted to a binding's options argument or a JS init (a PyProxy,
built-in SDK era) is read as the Worker's Pyodide reads it: on 0.26 (before 2025-09-29) none of
its keys -- a TTL lost, a topK ignored, with a ``PyProxyWarning`` saying so; from 0.28 its keys
(a property read falls back to ``__getitem__``, pyodide#5674). As data the binding's own
JavaScript decides: a list of vector dicts is ``.map``ped and spread, so its ``values`` read as
the dict's method and the service refuses the empty vector (with a ``PyProxyWarning`` giving
the ``to_js`` fix); data a binding does more with (a KV value) is refused with the hint."""

from __future__ import annotations

import textwrap

import pytest
from worker_helpers import typical_pyproject

from workers_env import JsException, PyProxyWarning, load_worker

ENTRY = """
from js import JSON, Object, Response
from pyodide.ffi import to_js
from workers import WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        kv, vec = self.env.KV, self.env.VEC
        if request.url.endswith("/vectors-as-dicts"):
            await vec.upsert([{"id": "x", "values": [1.0, 0.0]}])
        if request.url.endswith("/list-as-value"):
            await kv.put("k", [1, "a"])
        await kv.put("k", '{"a": 1}', {"expirationTtl": 60})  # the TTL is lost in production
        listed = await kv.list()
        await vec.upsert(to_js([{"id": f"v{i}", "values": [1.0, i / 10]} for i in range(7)],
                               dict_converter=Object.fromEntries))
        found = await vec.query(to_js([1.0, 0.0]), {"topK": 1})  # topK ignored: the default, 5
        return Response.new(JSON.stringify(to_js({
            "expiration": "expiration" in listed.keys[0].to_py(), "count": found.count,
        }, dict_converter=Object.fromEntries)), {"status": 201})

    on_fetch = fetch  # before 2025-08-14 workerd calls Default.on_fetch
"""


def load(tmp_path, date):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text(textwrap.dedent(ENTRY))
    (tmp_path / "wrangler.toml").write_text(
        f'name = "p"\nmain = "src/entry.py"\ncompatibility_date = "{date}"\ncompatibility_flags = ["python_workers"]\n'
        '[[kv_namespaces]]\nbinding = "KV"\nid = "k"\n[[vectorize]]\nbinding = "VEC"\nindex_name = "i"\n'
    )
    (tmp_path / "pyproject.toml").write_text('[tool.workers-env.indexes.i]\ndimensions = 2\nmetric = "cosine"\nversion = "v2"\n')
    return load_worker(tmp_path)


@pytest.mark.asyncio
async def test_on_pyodide_026_options_given_as_a_dict_are_ignored_with_a_warning(tmp_path):
    worker = load(tmp_path, "2024-10-01")
    with pytest.warns(PyProxyWarning) as caught:
        response = await worker.fetch("/")
    assert response.status == 200, await response.text()  # the init's status ignored too
    assert await response.json() == {"expiration": False, "count": 5}
    texts = [str(w.message) for w in caught]
    assert any("options of KV.put(): production reads none of its keys (expirationTtl)" in t for t in texts)
    assert any("options of VEC.query(): production reads none of its keys (topK)" in t for t in texts)
    assert any("init object of this call: production reads none of its keys (status), so the defaults apply (a GET, "
               "status 200, no headers)" in t for t in texts)
    assert all(w.filename.endswith("entry.py") for w in caught)  # pointed at the Worker's own line


@pytest.mark.asyncio
async def test_from_pyodide_028_a_dicts_keys_are_read(tmp_path):
    import warnings

    worker = load(tmp_path, "2025-11-01")
    with warnings.catch_warnings():
        warnings.simplefilter("error", PyProxyWarning)
        response = await worker.fetch("/")
    assert response.status == 201, await response.text()
    assert await response.json() == {"expiration": True, "count": 1}


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "refused"), [
    ("2025-11-01", r"invalid vector for id=\"x\", expected 2 dimensions, and got 0 dimensions"),  # 0.28: keys, no values
    ("2025-08-20", r"id must be a string, got nothing"),  # 0.26: a dict's PyProxy spreads to nothing
])
async def test_a_list_of_vector_dicts_sends_no_values_as_in_production(tmp_path, date, refused):
    """vectorize-api.ts: ``vectors.map(vec => ({...vec, values: Array.from(vec.values)}))`` --
    replayed on real Pyodide 0.26.0a4 and 0.28.2, the body holds ``values: []``."""
    worker = load(tmp_path, date)
    with pytest.warns(PyProxyWarning, match=r"to_js\(vectors, dict_converter=Object.fromEntries\)") as caught, \
            pytest.raises(JsException, match=refused):
        await worker.fetch("/vectors-as-dicts")
    assert str(caught[0].message) == (
        "a Python dict reached JavaScript as a PyProxy in this call to VEC.upsert(), as an item of a list the binding "
        "maps over: spread, it has none of its keys on Pyodide 0.26, and from 0.28 a key named like a dict method (a "
        "vector's 'values') reads the method, so production sends it incomplete and the service refuses it. Convert "
        "the list with to_js(vectors, dict_converter=Object.fromEntries) (from pyodide.ffi import to_js; from js import Object); or give the Worker the external SDK, which "
        "converts plain Python values (compatibility_date 2026-04-21 or later, or the enable_python_external_sdk flag)")


@pytest.mark.asyncio
async def test_the_external_sdk_hint_is_given_only_where_the_worker_lacks_that_sdk(tmp_path):
    """The refusal suggests the external SDK only to a Worker of the built-in one (re-run 11:
    vectorize-mcp-worker-python, already on SDK 1.9.5, was told to switch to it)."""
    with pytest.warns(PyProxyWarning, match="as the value"), \
            pytest.raises(JsException, match=r"convert it with to_js\(\) \(from pyodide.ffi import to_js\); or give the Worker the external SDK"):
        (tmp_path / "builtin").mkdir()
        await load(tmp_path / "builtin", "2025-11-01").fetch("/list-as-value")
    external = tmp_path / "external"
    (external / "src").mkdir(parents=True)
    (external / "src" / "entry.py").write_text(textwrap.dedent("""
        from pyodide.ffi import to_js
        from workers import Response, WorkerEntrypoint

        class Default(WorkerEntrypoint):
            async def fetch(self, request):
                await self.env.DB.batch(to_js([self.env.DB.prepare("SELECT 1")]))  # SDK wrappers inside a JS array
                return Response("ok")
    """))
    (external / "wrangler.toml").write_text(
        'name = "p"\nmain = "src/entry.py"\ncompatibility_date = "2026-05-01"\ncompatibility_flags = ["python_workers"]\n'
        '[[d1_databases]]\nbinding = "DB"\ndatabase_name = "d"\ndatabase_id = "x"\n')
    typical_pyproject(external)
    # the SDK's own check iterates the JS array first, destroying the wrappers' proxies: D1 then
    # throws Pyodide's borrowed-proxy error (measured: SDK 1.9.5 + Pyodide 0.28.2 under Node)
    with pytest.raises(JsException, match="borrowed proxy was automatically destroyed") as raised:
        await load_worker(external).fetch("/")
    assert "external SDK" not in str(raised.value)


D1_RAW = """
import json

from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        db = self.env.DB
        rows = await db.prepare("SELECT 1 AS a, 2 AS b").raw({"columnNames": True})
        empty = await db.prepare("SELECT 1 AS a WHERE 0").raw({"columnNames": True})
        return Response(json.dumps([rows.to_py() if hasattr(rows, "to_py") else rows,
                                    empty.to_py() if hasattr(empty, "to_py") else empty]))

    on_fetch = fetch
"""


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "want"), [
    ("2025-11-01", [[["a", "b"], [1, 2]], [["a"]]]),  # 0.28: D1 reads options?.columnNames off the dict
    ("2025-09-01", [[[1, 2]], []]),  # 0.26: no key is read, so no header row (and a warning)
    ("2026-05-01", [[["a", "b"], [1, 2]], [["a"]]]),  # the external SDK converts the dict
])
async def test_d1_raw_reads_column_names_from_a_dict_as_the_workers_pyodide_does(tmp_path, date, want):
    """sqlalchemy-cloudflare-d1 asks ``stmt.raw({"columnNames": True})`` for an empty result's
    column names (batch 22; real Pyodide 0.28.2 / 0.26.2 under Node, D1 under Miniflare)."""
    import json
    import warnings

    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text(D1_RAW)
    (tmp_path / "wrangler.toml").write_text(
        f'name = "p"\nmain = "src/entry.py"\ncompatibility_date = "{date}"\ncompatibility_flags = ["python_workers"]\n'
        '[[d1_databases]]\nbinding = "DB"\ndatabase_name = "d"\ndatabase_id = "x"\n')
    typical_pyproject(tmp_path)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", PyProxyWarning)
        response = await load_worker(tmp_path).fetch("/")
    assert json.loads(await response.text()) == want
    warned = [str(w.message) for w in caught if issubclass(w.category, PyProxyWarning)]
    if date == "2025-09-01":
        assert any("options of DB.raw(): production reads none of its keys (columnNames)" in t for t in warned)
    else:
        assert warned == []


PLACES = """
from js import JSON, Object, ReadableStream, TransformStream
from js import Response as JsResponse
from pyodide.ffi import create_proxy
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        JSON.stringify({"a": 1})
        JSON.stringify(create_proxy({"a": 1}))
        holder = Object.new()
        holder.x = {"a": 1}
        JSON.stringify(holder)
        JsResponse.json({"a": 1})
        JSON.stringify([1, 2])
        transform = TransformStream.new()
        ReadableStream.new().pipeTo(TransformStream.new().writable, {"preventClose": True})
        try:
            ReadableStream.new().pipeThrough({"readable": transform.readable, "writable": transform.writable})
        except Exception:
            pass
        return Response("")

    on_fetch = fetch  # before 2025-08-14 workerd calls Default.on_fetch
"""


@pytest.mark.asyncio
async def test_each_warning_names_where_the_dict_was_given(tmp_path):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text(PLACES)
    (tmp_path / "wrangler.toml").write_text('name = "p"\nmain = "src/entry.py"\ncompatibility_date = "2024-10-01"\n'
                                            'compatibility_flags = ["python_workers"]\n')
    with pytest.warns(PyProxyWarning) as caught:
        await load_worker(tmp_path).fetch("/")
    assert [str(w.message).split(":")[0] for w in caught if issubclass(w.category, PyProxyWarning)] == [
        "a Python dict reached JavaScript as a PyProxy in this call to JSON.stringify()",
        "a Python dict reached JavaScript as a PyProxy in this call to JSON.stringify()",  # a create_proxy's
        "a Python dict reached JavaScript as a PyProxy in this call to JSON.stringify() (inside a JS object)",
        "a Python dict reached JavaScript as a PyProxy in this call to Response.json()",
        "a Python list reached JavaScript as a PyProxy in this call to JSON.stringify()",
        "a Python dict reached JavaScript as a PyProxy as the options of ReadableStream.pipeTo()",
        "a Python dict reached JavaScript as a PyProxy as the argument of ReadableStream.pipeThrough()",
    ]


SERVICE_ENTRY = """
from workers import Response, WorkerEntrypoint, import_from_javascript

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        service = import_from_javascript("cloudflare:workers").env.SVC  # the JS binding: no SDK wrapper
        return Response(str((await service.lookup({"limit": 3})).length))

    on_fetch = fetch
"""


class Directory:
    """A service supplied by hand whose ``lookup`` takes an options object (read over RPC)."""

    JS_METHODS = ("lookup",)
    JS_OPTION_ARGS = {"lookup": 0}

    async def lookup(self, options):
        return sorted(options.to_py() if hasattr(options, "to_py") else options)


@pytest.mark.asyncio
async def test_a_dict_as_a_supplied_services_options_on_pyodide_026(tmp_path):
    from workers_env import load_env

    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text(textwrap.dedent(SERVICE_ENTRY))
    (tmp_path / "wrangler.toml").write_text(
        'name = "p"\nmain = "src/entry.py"\ncompatibility_date = "2024-10-01"\ncompatibility_flags = ["python_workers"]\n'
        '[[services]]\nbinding = "SVC"\nservice = "directory"\n')
    worker = load_worker(tmp_path, env=load_env(tmp_path, bindings={"SVC": Directory()}))
    with pytest.warns(PyProxyWarning) as caught:
        assert await (await worker.fetch("/")).text() == "0"  # over RPC the options' keys are not read
    assert [str(w.message) for w in caught] == [
        "a Python dict reached JavaScript as a PyProxy as the options of SVC.lookup(): production reads none of its "
        "keys (limit), so the defaults apply, here too. Convert it with to_js(value, dict_converter=Object.fromEntries) "
        "(from pyodide.ffi import to_js; from js import Object) or pass keyword arguments; or give the Worker the external SDK, which converts plain Python values "
        "(compatibility_date 2026-04-21 or later, or the enable_python_external_sdk flag)"]
