"""The two Python SDK eras: which one a config gets, and what Worker code and ``env`` see in each."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import urllib.request
from pathlib import Path
from types import SimpleNamespace

import forkserver
import pytest
from dev_reload_helpers import listening_on_a_free_port
from worker_helpers import EXEC_ATTEMPT, sdk_worker_answer, typical_pyproject

from workers_env import JsDict, JsException, PyProxyWarning, js, load_env, load_worker, to_js
from workers_env.config.compat import compatibility_date, missing_date_warning
from workers_env.runtime import eras
from workers_env.runtime.jsbindings import JsBinding
from workers_env.runtime.jsproxy import JsArray, JsObject
from workers_env.runtime.server import BackgroundServer

BUILTIN = "2026-04-20"  # the day before pythonExternalSDK is on
EXTERNAL = "2026-04-21"

# A Worker written the way built-in-SDK Workers were: raw JS objects, to_js in, .to_py() out.
BUILTIN_WORKER = """
from js import Object
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        vectors = [{"id": "a", "values": [1, 0, 0], "metadata": {"kind": "x"}},
                   {"id": "b", "values": [0, 1, 0]}]
        await self.env.VEC.upsert(to_js(vectors, dict_converter=Object.fromEntries))
        options = to_js({"topK": 2, "returnMetadata": "all"}, dict_converter=Object.fromEntries)
        res = await self.env.VEC.query(to_js([1, 0, 0]), options)
        first = res.matches[0]
        return Response.json({
            "count": res.count,
            "length": res.matches.length,
            "len": len(res.matches),
            "ids": [m.id for m in res.matches],
            "first": first.to_py()["id"],
            "metadata": first.metadata.to_py(),
            "type": type(res).__name__,
        })
"""

# The same Worker written for the external SDK: plain Python values in and out.
EXTERNAL_WORKER = """
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        await self.env.VEC.upsert([{"id": "a", "values": [1, 0, 0], "metadata": {"kind": "x"}},
                                   {"id": "b", "values": [0, 1, 0]}])
        res = await self.env.VEC.query([1, 0, 0], topK=2, returnMetadata="all")
        return Response.json({
            "count": res["count"],
            "length": len(res.matches),
            "len": len(res.matches),
            "ids": [m.id for m in res.matches],
            "first": res.matches[0]["id"],
            "metadata": res.matches[0].metadata,
            "type": type(res).__name__,
        })
"""

EXPECTED = {"count": 2, "length": 2, "len": 2, "ids": ["a", "b"], "first": "a", "metadata": {"kind": "x"}}


def project(root: Path, entry: str, *, date: str | None, flags: tuple[str, ...] = ("python_workers",)) -> Path:
    (root / "src").mkdir(parents=True, exist_ok=True)
    dated = f'compatibility_date = "{date}"\n' if date else ""
    (root / "wrangler.toml").write_text(
        f'name = "era"\nmain = "src/entry.py"\n{dated}compatibility_flags = {json.dumps(list(flags))}\n'
        '[[vectorize]]\nbinding = "VEC"\nindex_name = "idx"\n'
    )
    (root / "pyproject.toml").write_text('[tool.workers-env.indexes."idx"]\ndimensions = 3\nmetric = "cosine"\nversion = "v2"\n')
    (root / "src" / "entry.py").write_text(textwrap.dedent(entry))
    return root


def config(date: str | None, *flags: str) -> SimpleNamespace:
    return SimpleNamespace(compatibility_date=date, compatibility_flags=flags, path=Path("wrangler.toml"))


# -- which era ---------------------------------------------------------------------------------


def test_the_flag_turns_on_on_2026_04_21_and_the_flags_override_the_date(monkeypatch):
    monkeypatch.setattr(eras, "installed_sdk_version", lambda: None)
    assert not eras.era_of(config(BUILTIN)).external_sdk
    assert eras.era_of(config(EXTERNAL)).external_sdk
    assert eras.era_of(config(BUILTIN, "enable_python_external_sdk")).external_sdk
    assert not eras.era_of(config(EXTERNAL, "disable_python_external_sdk")).external_sdk
    assert eras.era_of(config(EXTERNAL)).sdk_version == eras.NEWEST_SDK


def test_the_installed_sdk_version_decides_which_bindings_are_wrapped(monkeypatch):
    monkeypatch.setattr(eras, "installed_sdk_version", lambda: (1, 4, 3))
    era = eras.era_of(config(EXTERNAL))
    assert era.sdk_version == (1, 4, 3)
    assert era.wraps("d1") and era.wraps("kv") and era.wraps("queues")
    assert not era.wraps("vectorize") and not era.wraps("ai")  # wrapped from 1.5.0
    monkeypatch.setattr(eras, "installed_sdk_version", lambda: (1, 5, 0))
    assert eras.era_of(config(EXTERNAL)).wraps("vectorize")
    assert not eras.era_of(config(BUILTIN)).wraps("d1")  # the built-in SDK wraps none of them
    assert era.wraps("kv_namespaces")  # the config's array name is the same kind
    monkeypatch.setattr(eras, "installed_sdk_version", lambda: (1, 2, 0))
    assert not eras.era_of(config(EXTERNAL)).wraps("some_new_kind")  # before 1.3.0 nothing was wrapped
    monkeypatch.setattr(eras, "installed_sdk_version", lambda: None)
    assert eras.era_of(config(EXTERNAL)).wraps("some_new_kind")  # today's SDK wraps the kinds it knows


def test_a_missing_date_is_wranglers_default_date_with_its_warning():
    # wrangler 4.168.0's DEFAULT_COMPAT_DATE, its workerd's release date -- not today's date
    assert compatibility_date(config(None)) == "2026-11-23"
    assert eras.era_of(config(None)).external_sdk  # not as if it were very old
    warning = missing_date_warning(config(None))
    assert warning.startswith("No compatibility_date was specified. Using the default compatibility date: 2026-11-23.\n")
    assert 'Add one to your wrangler.toml file: compatibility_date = "2026-11-23", or' in warning
    assert "--compatibility-date=2026-11-23" in warning
    assert missing_date_warning(config(BUILTIN)) is None


# -- Workers of each era, under the worker fixture's loader and over HTTP ----------------------


@pytest.mark.asyncio
async def test_a_builtin_era_worker_uses_raw_js_objects(tmp_path):
    worker = load_worker(project(tmp_path, BUILTIN_WORKER, date=BUILTIN))
    resp = await worker.fetch("/")
    assert resp.status == 200, await resp.text()
    assert await resp.json() == {**EXPECTED, "type": "JsProxy"}


@pytest.mark.asyncio
async def test_an_external_era_worker_uses_plain_python_values(tmp_path):
    worker = load_worker(project(tmp_path, EXTERNAL_WORKER, date=EXTERNAL))
    resp = await worker.fetch("/")
    assert resp.status == 200, await resp.text()
    assert await resp.json() == {**EXPECTED, "type": "JsDict"}


@pytest.mark.asyncio
async def test_each_era_breaks_code_written_for_the_other(tmp_path):
    old = load_worker(project(tmp_path / "old", EXTERNAL_WORKER, date=BUILTIN))
    # a list of dicts reaches JS unconverted: spread, its values read as dict.values -- refused
    with pytest.warns(PyProxyWarning), pytest.raises(JsException, match="and got 0 dimensions"):
        await old.fetch("/")
    new = load_worker(project(tmp_path / "new", BUILTIN_WORKER, date=EXTERNAL))
    with pytest.raises(AttributeError):  # JsDict has no .to_py(), lists no .length
        await new.fetch("/")


def test_both_eras_over_real_http(tmp_path):
    for name, entry, date, kind in (("old", BUILTIN_WORKER, BUILTIN, "JsProxy"), ("new", EXTERNAL_WORKER, EXTERNAL, "JsDict")):
        worker = load_worker(project(tmp_path / name, entry, date=date))
        with BackgroundServer(worker) as server, urllib.request.urlopen(server.url + "/", timeout=10) as resp:
            assert json.loads(resp.read()) == {**EXPECTED, "type": kind}


def test_workers_env_dev_runs_a_builtin_era_worker_and_warns_without_a_date(tmp_path):
    root = project(tmp_path, BUILTIN_WORKER.replace("class Default", "class Default"), date=None,
                   flags=("python_workers", "disable_python_external_sdk"))
    env = {**forkserver.startup_settings(),  # (forked: the start-up settings of a fork server)
           "PYTHONPATH": str(Path(__file__).resolve().parents[1]), "PATH": "/usr/bin:/bin"}
    proc, port = listening_on_a_free_port(
        lambda port: [sys.executable, "-m", "workers_env", "dev", str(root), "--port", str(port), "--ip", "127.0.0.1"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=30) as resp:
            body = json.loads(resp.read())
    finally:
        proc.terminate()
        out = proc.communicate(timeout=10)[0]
    assert body == {**EXPECTED, "type": "JsProxy"}
    assert "No compatibility_date was specified. Using the default compatibility date:" in out
    assert "built-in Python SDK" in out


# -- load_env and the env fixture hand out the era's bindings ----------------------------------


@pytest.mark.asyncio
async def test_load_env_of_a_builtin_era_config_gives_js_results(tmp_path):
    env = load_env(project(tmp_path, BUILTIN_WORKER, date=BUILTIN))
    assert isinstance(env.VEC, JsBinding) and env.VEC.constructor.name == "VectorizeIndexImpl"
    with pytest.warns(PyProxyWarning) as warned, pytest.raises(JsException, match="and got 0 dimensions"):
        await env.VEC.upsert([{"id": "a", "values": [1, 0, 0]}])  # dicts reach JavaScript as PyProxies
    assert "compatibility_date 2026-04-21 or later, or the enable_python_external_sdk flag" in str(warned[0].message)
    await env.VEC.upsert(to_js([{"id": "a", "values": [1, 0, 0]}], dict_converter=js.Object.fromEntries))
    res = await env.VEC.query([1, 0, 0], topK=1)
    assert isinstance(res, JsObject) and isinstance(res.matches, JsArray)
    assert (res.count, res.matches.length, res.matches[0].id) == (1, 1, "a")
    assert res.to_py() == {"count": 1, "matches": [{"id": "a", "score": 1}]}
    with pytest.raises(TypeError):
        res["count"]  # noqa: B018 - a JS object is not subscriptable
    assert env.unwrapped("VEC").query_sync([1, 0, 0], {"topK": 1})["count"] == 1  # the emulator itself


@pytest.mark.asyncio
async def test_load_env_of_an_external_era_config_gives_python_results(tmp_path, monkeypatch):
    env = load_env(project(tmp_path, EXTERNAL_WORKER, date=EXTERNAL))
    await env.VEC.upsert([{"id": "a", "values": [1, 0, 0]}])
    res = await env.VEC.query([1, 0, 0], topK=1)
    assert isinstance(res, JsDict) and res["count"] == res.count == 1
    monkeypatch.setattr(eras, "installed_sdk_version", lambda: (1, 4, 0))  # Vectorize not wrapped yet
    assert isinstance(load_env(tmp_path / "wrangler.toml").VEC, JsBinding)


def test_a_binding_set_by_hand_is_handed_out_as_given(tmp_path):
    env = load_env(project(tmp_path, BUILTIN_WORKER, date=BUILTIN))
    fake = object()
    env.VEC = fake
    assert env.VEC is fake and env.kind("VEC") is None


@pytest.mark.asyncio
async def test_the_sdks_rpc_helpers_convert_as_their_era(tmp_path):
    entry = """
    from js import JSON
    from workers import Response, WorkerEntrypoint, python_from_rpc, python_to_rpc

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            back = python_from_rpc(JSON.parse('{"a": {"b": null}}'))
            return Response.json({"to": python_to_rpc({"k": 1}).constructor.name,
                                  "from": type(back).__name__, "inner": type(back["a"]).__name__})
    """
    old = load_worker(project(tmp_path / "old", entry, date=BUILTIN))
    assert await (await old.fetch("/")).json() == {"to": "Map", "from": "dict", "inner": "dict"}
    new = load_worker(project(tmp_path / "new", entry, date=EXTERNAL))
    assert await (await new.fetch("/")).json() == {"to": "Object", "from": "JsDict", "inner": "JsDict"}


SUBCLASS_WORKER = """
import enum
from workers import Response, WorkerEntrypoint

class Name(str):  # as SQLAlchemy's quoted_name
    def __str__(self):
        return "not what crosses"

class Level(enum.IntEnum):
    HIGH = 3

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        db = self.env.DB
        await db.prepare("CREATE TABLE t (name TEXT, level INTEGER)").run()
        await db.prepare("INSERT INTO t VALUES (?, ?)").bind(Name("docs"), Level.HIGH).run()
        row = await db.prepare("SELECT name, level, typeof(name) AS kind FROM t").first()
        row = row.to_py() if hasattr(row, "to_py") else row
        return Response.json({"name": row["name"], "level": row["level"], "kind": row["kind"]})
"""


@pytest.mark.parametrize("date", [BUILTIN, EXTERNAL])
def test_str_and_int_subclasses_cross_as_their_base_values(tmp_path, date):
    """Pyodide converts with PyUnicode_Check / PyLong_Check, so a str or int subclass reaches
    JavaScript as a string or number in either era (not as an object D1 refuses)."""
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text(SUBCLASS_WORKER)
    (tmp_path / "wrangler.toml").write_text(
        f'name = "sub"\nmain = "src/entry.py"\ncompatibility_date = "{date}"\ncompatibility_flags = ["python_workers"]\n'
        '[[d1_databases]]\nbinding = "DB"\ndatabase_name = "db"\ndatabase_id = "0f1e2d3c-0000-4000-8000-00000000000b"\n'
    )
    typical_pyproject(tmp_path)
    worker = load_worker(tmp_path)

    async def scenario():
        resp = await worker.fetch("/")
        assert resp.status == 200, await resp.text()
        return await resp.json()

    import asyncio

    assert asyncio.run(scenario()) == {"name": "docs", "level": 3, "kind": "text"}


SUBMODULE_WORKER = """
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = {}
        for source in ("from workers import asgi", "from workers.asgi import fetch",
                       "from workers.wsgi import fetch", "from workers.rpc import _BindingWrapper", "import asgi"):
            try:
                exec(source, {})
                out[source] = "ok"
            except ImportError as exc:
                out[source] = str(exc)
        return Response.json(out)
"""


@pytest.mark.asyncio
async def test_workers_submodules_exist_in_the_external_era_only(tmp_path):
    """workerd's built-in SDK has no ``workers.asgi``/``wsgi``/``rpc`` (only the top-level
    ``asgi``); the external SDK has them. Code importing them at a built-in-era date fails in
    production with Python's ``ModuleNotFoundError``, so it does here; ``from workers import
    asgi`` (an attribute of the stand-in) says why."""
    def run(date):
        return load_worker(project(tmp_path / date, SUBMODULE_WORKER, date=date)).fetch("/")

    external = await (await run(EXTERNAL)).json()
    assert set(external.values()) == {"ok"}
    builtin = await (await run(BUILTIN)).json()
    assert builtin["import asgi"] == "ok"
    assert builtin["from workers import asgi"] == (
        f"workers.asgi does not exist in the built-in Python SDK of compatibility date {BUILTIN}: it is the "
        "external SDK's (workers-runtime-sdk; compatibility date 2026-04-21 or later, or the "
        "enable_python_external_sdk flag); in this era use the top-level `import asgi`")
    # no such file in production's package: Python's own error
    assert builtin["from workers.asgi import fetch"] == "No module named 'workers.asgi'"
    assert builtin["from workers.wsgi import fetch"] == "No module named 'workers.wsgi'"
    assert builtin["from workers.rpc import _BindingWrapper"] == "No module named 'workers.rpc'"


def test_workers_wsgi_came_with_sdk_1_6(tmp_path):
    from workers_env.runtime.current import WorkerRuntime, set_current
    from workers_env.runtime.standins import standin_modules

    workers = standin_modules()["workers"]
    for version, present in (((1, 5, 4), False), ((1, 6, 0), True)):
        set_current(WorkerRuntime(None, eras.Era(date=EXTERNAL, external_sdk=True, sdk_version=version)))
        try:
            # workers.asgi came later still, with 1.6.14 (the wheels before ship only the top-level asgi.py)
            assert hasattr(workers, "wsgi") is present and not hasattr(workers, "asgi")
            if not present:
                with pytest.raises(AttributeError, match=r"^workers\.wsgi does not exist in workers-runtime-sdk 1\.5\.4: "
                                                         r"it came with 1\.6\.0$"):
                    workers.wsgi  # noqa: B018 - the attribute access is the test
        finally:
            set_current(None)


@pytest.mark.asyncio
async def test_external_era_results_read_keys_as_attributes_as_the_sdks_jsdict_does(tmp_path):
    """workers-runtime-sdk (1.3.0 on, ``workers/rpc.py``): ``python_from_rpc`` is ``to_py()``
    followed by ``_replace_jsnull_with_none``, which rebuilds every dict as its ``JsDict`` -- keys
    read as attributes, at any depth, dict methods winning (batch 21: a Worker reading
    ``res.results`` / ``listing.objects`` runs in production; the SDK's own R2 tests read
    ``result.objects``)."""
    entry = '''
import json
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        await self.env.KV.put("k", json.dumps({"a": None}))
        listed = await self.env.KV.list()
        got = await self.env.KV.get("k", type="json")
        first = listed["keys"][0]  # listed.keys is the dict method, in production too
        return Response(json.dumps({"type": type(listed).__name__, "name": first.name,
                                    "inner": type(first).__name__, "complete": listed.list_complete,
                                    "keys": callable(listed.keys), "a": got.a}))
'''
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text(entry)
    (tmp_path / "wrangler.toml").write_text(
        f'name = "x"\nmain = "src/entry.py"\ncompatibility_date = "{EXTERNAL}"\ncompatibility_flags = ["python_workers"]\n'
        '[[kv_namespaces]]\nbinding = "KV"\nid = "k"\n')
    typical_pyproject(tmp_path)
    out = await (await load_worker(tmp_path).fetch("/")).json()
    assert out == {"type": "JsDict", "name": "k", "inner": "JsDict", "complete": True, "keys": True, "a": None}


def test_workers_asgi_before_the_sdk_release_that_has_it_names_the_top_level_asgi(tmp_path):
    """workers-runtime-sdk has ``workers/asgi.py`` from 1.6.14: an older release's ``from workers
    import asgi`` says which release brought it and what to use before it."""
    entry = EXEC_ATTEMPT + '''
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
  async def fetch(self, request):
    return Response.json([attempt("from workers import asgi"), attempt("import asgi\\nresult = asgi.__name__")])
'''
    assert sdk_worker_answer(tmp_path, entry, EXTERNAL, "1.6.0") == [
        "ImportError: workers.asgi does not exist in workers-runtime-sdk 1.6.0: it came with 1.6.14; before it use "
        "the top-level `import asgi`", "'asgi'"]
