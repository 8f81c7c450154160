"""Loading Python Workers and dispatching to their handlers (the runtime stand-in)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from worker_helpers import typical_pyproject

from workers_env import JsDict, JsException, PyProxyWarning, VectorizeError, load_env
from workers_env._errors import ConfigError
from workers_env.runtime import load_worker

CURRENT = "2026-05-01"  # class-style handlers and the external SDK (pythonExternalSDK)
BUILTIN_SDK = "2025-09-01"  # class-style handlers, the built-in SDK (raw JS bindings)
LEGACY = "2025-01-01"


def make_worker(
    root: Path,
    entry: str,
    *,
    date: str = CURRENT,
    flags: tuple[str, ...] = ("python_workers",),
    files: dict[str, str] | None = None,
    extra_toml: str = "",
    dev_vars: str | None = None,
) -> Path:
    """Write a Python Worker project (wrangler.toml, pyproject, src/entry.py) into ``root``."""
    (root / "src").mkdir(parents=True, exist_ok=True)
    flag_list = ", ".join(f'"{f}"' for f in flags)
    (root / "wrangler.toml").write_text(
        f'name = "w"\nmain = "src/entry.py"\ncompatibility_date = "{date}"\n'
        f"compatibility_flags = [{flag_list}]\n"
        '[[vectorize]]\nbinding = "VEC"\nindex_name = "idx"\n' + extra_toml
    )
    (root / "pyproject.toml").write_text(
        '[tool.workers-env.indexes."idx"]\ndimensions = 3\nmetric = "cosine"\nversion = "v2"\n'
        'metadata_indexes = { kind = "string" }\n'
    )
    (root / "src" / "entry.py").write_text(textwrap.dedent(entry))
    for name, text in (files or {}).items():
        path = root / "src" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    if dev_vars is not None:
        (root / ".dev.vars").write_text(dev_vars)
    return root


CLASS_WORKER = """
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response.json({"method": str(request.method), "url": request.url})
"""


@pytest.mark.asyncio
async def test_class_style_worker_gets_a_workers_request(tmp_path):
    worker = load_worker(make_worker(tmp_path, CLASS_WORKER))
    resp = await worker.fetch("/hello?x=1", method="POST", body="hi")
    assert resp.status == 200
    assert resp.headers["content-type"] == "application/json"
    assert await resp.json() == {"method": "POST", "url": "http://localhost/hello?x=1"}


@pytest.mark.asyncio
async def test_fetch_is_called_leniently(tmp_path):
    entry = """
    from workers import Response, WorkerEntrypoint
    import sys

    class Default(WorkerEntrypoint):
        async def fetch(self, request, env, ctx, *rest):
            return Response(f"{type(request).__name__} {env} {ctx} {len(rest)} {hasattr(self.ctx, 'waitUntil')}")
    """
    worker = load_worker(make_worker(tmp_path, entry))
    # workerd hands a class's handlers env and ctx as undefined: self.env / self.ctx hold them
    assert await (await worker.fetch("/")).text() == "Request None None 0 True"

    no_args = "from workers import Response, WorkerEntrypoint\nclass Default(WorkerEntrypoint):\n    async def fetch(self):\n        return Response('ok')\n"
    worker = load_worker(make_worker(tmp_path / "b", no_args))
    assert await (await worker.fetch("/")).text() == "ok"


@pytest.mark.asyncio
async def test_legacy_on_fetch_gets_raw_javascript_objects(tmp_path):
    entry = """
    from js import Object, Response
    from pyodide.ffi import to_js, JsProxy

    async def on_fetch(request, env, ctx):
        body = await request.json()          # a JS object: needs .to_py()
        assert isinstance(body, JsProxy)
        vec = body.to_py()["vec"]
        await env.VEC.upsert(to_js([{"id": "a", "values": vec}], dict_converter=Object.fromEntries))
        res = await env.VEC.query(to_js(vec), to_js({"topK": 1}, dict_converter=Object.fromEntries))
        py = res.to_py()
        return Response.new(f"{type(res).__name__} {res.count} {res.matches[0].id} {type(py).__name__}")
    """
    worker = load_worker(make_worker(tmp_path, entry, date=LEGACY))
    resp = await worker.fetch("/", method="POST", json={"vec": [1, 0, 0]})
    assert await resp.text() == "JsProxy 1 a dict"  # Pyodide names every JS value JsProxy


@pytest.mark.asyncio
async def test_legacy_map_options_are_lost_as_in_javascript(tmp_path):
    entry = """
    from js import Object, Response
    from pyodide.ffi import to_js

    async def on_fetch(request, env):
        vectors = [{"id": str(i), "values": [1, i, 0]} for i in range(8)]
        await env.VEC.upsert(to_js(vectors, dict_converter=Object.fromEntries))
        res = await env.VEC.query(to_js([1, 0, 0]), to_js({"topK": 2}))  # a Map: JS sees no topK
        return Response.new(str(res.count))
    """
    worker = load_worker(make_worker(tmp_path, entry, date=LEGACY))
    assert await (await worker.fetch("/")).text() == "5"  # the v2 default topK


@pytest.mark.asyncio
async def test_legacy_vectors_as_maps_reach_the_service_without_id_or_values(tmp_path):
    """``to_js(vectors)`` without ``dict_converter`` makes each vector a ``Map``: the binding's
    ``{...vec, values: Array.from(vec.values)}`` gives ``{values: []}`` (``map.values`` is a
    method), which the service refuses -- a Vectorize error, not a TypeError, and nothing written."""
    entry = """
    from js import Response
    from pyodide.ffi import to_js

    async def on_fetch(request, env):
        try:
            await env.VEC.upsert(to_js([{"id": "a", "values": [1, 0, 0]}]))
        except Exception as exc:
            info = await env.VEC.describe()
            return Response.new(f"{type(exc).__name__}|{exc}|{info.vectorCount}")
    """
    worker = load_worker(make_worker(tmp_path, entry, date=LEGACY))
    name, message, count = (await (await worker.fetch("/")).text()).split("|")
    assert (name, count) == ("JsException", "0")  # as Pyodide names every JS error
    assert message == ("Error: VECTOR_UPSERT_ERROR (code = 40023): failed to parse upsert vectors request in json "
                       "format (vector 0: id must be a string, got nothing (the vector has no id))")


@pytest.mark.asyncio
async def test_legacy_python_dict_passed_unconverted_is_refused(tmp_path):
    """Pyodide 0.26: a vector dict's PyProxy spreads to nothing, so the service sees no id (the
    binding's own steps replayed in Pyodide 0.26.0a4); a warning gives the to_js fix."""
    entry = """
    async def on_fetch(request, env):
        await env.VEC.upsert([{"id": "a", "values": [1, 0, 0]}])
    """
    worker = load_worker(make_worker(tmp_path, entry, date=LEGACY))
    with pytest.warns(PyProxyWarning, match="to_js"), pytest.raises(JsException, match="the vector has no id"):
        await worker.fetch("/")


@pytest.mark.asyncio
async def test_handler_decorator_converts_legacy_arguments(tmp_path):
    entry = """
    from workers import Response, handler

    @handler
    async def on_fetch(request, env):
        res = await env.VEC.query([1, 0, 0], topK=1)
        return Response(f"{type(request).__name__} {type(res).__name__} {res.count}")
    """
    worker = load_worker(make_worker(tmp_path, entry, flags=("python_workers", "disable_python_no_global_handlers")))
    assert await (await worker.fetch("/")).text() == "Request JsDict 0"


@pytest.mark.asyncio
async def test_a_default_class_beside_module_level_handlers_is_the_one_dispatched(tmp_path):
    """python-entrypoint.js exports ``handlers['default']`` (the class) when there is one, so a
    module-level ``on_fetch`` beside it goes unused -- in the legacy era too (workerd once refused
    the pair with "Cannot define multiple default entrypoints"; workerd's test
    default-class-with-legacy-global-handlers pins that it no longer does)."""
    legacy = LEGACY_CLASS + "\nasync def on_fetch(request):\n    raise AssertionError('not dispatched')\n"
    worker = load_worker(make_worker(tmp_path, legacy, date=LEGACY))
    assert await (await worker.fetch("/")).text() == "on_fetch of Default"
    modern = CLASS_WORKER + "\nasync def on_fetch(request):\n    raise AssertionError('not dispatched')\n"
    assert (await load_worker(make_worker(tmp_path / "new", modern)).fetch("/")).status == 200


def test_on_fetch_alone_is_refused_from_2025_08_14(tmp_path):
    entry = "async def on_fetch(request):\n    pass\n"
    with pytest.raises(ConfigError, match="disable_python_no_global_handlers"):
        load_worker(make_worker(tmp_path, entry))
    # a module with no handler at all is no mistake of placement: it loads, as workerd starts it
    # (tests/test_runtime_worker_without_any_handler_loads_as_workerd_starts_it.py)
    assert load_worker(make_worker(tmp_path / "legacy", "x = 1\n", date=LEGACY)).module.x == 1


def test_a_lone_module_level_on_scheduled_or_on_queue_is_named_with_the_method_to_write(tmp_path):
    """Cloudflare's Cron Trigger example (``@handler async def on_scheduled``) on a date from
    2025-08-14: the refusal names the legacy handler and the ``Default`` method replacing it."""
    entry = "from workers import handler\n\n@handler\nasync def on_scheduled(controller, env, ctx):\n    pass\n"
    with pytest.raises(ConfigError, match=r"module-level on_scheduled, .*`async def scheduled\(self, controller, env, ctx\)`"):
        load_worker(make_worker(tmp_path, entry))
    entry = "async def on_queue(batch, env, ctx):\n    pass\n\nasync def on_fetch(request):\n    pass\n"
    with pytest.raises(ConfigError, match=r"module-level on_fetch and on_queue, .*`async def queue\(self, batch, env, ctx\)`"):
        load_worker(make_worker(tmp_path / "two", entry))


def test_main_must_be_a_python_file(tmp_path):
    make_worker(tmp_path, CLASS_WORKER)
    text = (tmp_path / "wrangler.toml").read_text().replace("src/entry.py", "src/index.js")
    (tmp_path / "wrangler.toml").write_text(text)
    typical_pyproject(tmp_path)
    with pytest.raises(ConfigError):
        load_worker(tmp_path)


@pytest.mark.asyncio
async def test_self_env_converts_like_production(tmp_path):
    entry = """
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            out = {}
            await self.env.VEC.upsert([{"id": "a", "values": [1.0, 0.0, 0.5], "metadata": {"kind": "x", "n": 2.0}}])
            got = (await self.env.VEC.getByIds(["a"]))[0]
            out["type"] = type(got).__name__
            out["values_is_method"] = callable(got.values)
            out["values"] = got["values"]
            out["n"] = type(got.metadata.n).__name__
            out["namespace"] = got.namespace
            res = await self.env.VEC.query([1, 0, 0.5], {"topK": 1}, returnMetadata="all")
            out["first"] = res.matches[0].id
            try:
                await self.env.VEC.query((1, 0, 0))
            except TypeError as exc:
                out["tuple"] = str(exc)
            try:
                self.env.MISSING
            except AttributeError:
                out["missing"] = "AttributeError"
            try:
                self.env["VEC"]
            except TypeError:
                out["subscript"] = "TypeError"
            return Response.json(out)
    """
    worker = load_worker(make_worker(tmp_path, entry))
    out = await (await worker.fetch("/")).json()
    assert out == {
        "type": "JsDict",
        "values_is_method": True,
        "values": [1, 0, 0.5],
        "n": "int",
        "namespace": None,
        "first": "a",
        "tuple": "<class 'tuple'> cannot be sent over RPC.",
        "missing": "AttributeError",
        "subscript": "TypeError",
    }


@pytest.mark.asyncio
async def test_binding_errors_are_pyodide_js_exceptions(tmp_path):
    entry = """
    from pyodide.ffi import JsException
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            try:
                await self.env.VEC.query([1, 0])
            except JsException as exc:
                return Response(f"{type(exc).__name__}|{exc}", status=400)
    """
    worker = load_worker(make_worker(tmp_path, entry))
    resp = await worker.fetch("/")
    assert resp.status == 400
    assert await resp.text() == (
        "JsException|Error: VECTOR_QUERY_ERROR (code = 40006): invalid query vector, expected 3 dimensions, and got 2 dimensions"
    )
    with pytest.raises(VectorizeError):  # uncaught, it reaches the test as itself
        await load_worker(make_worker(tmp_path / "b", entry.replace("try:", "if True:").replace("except JsException as exc:", "else:"))).fetch("/")


@pytest.mark.asyncio
async def test_pyodide_ffi_js_exception_is_the_workers_env_class(tmp_path):
    entry = "from pyodide.ffi import JsException\nfrom workers import WorkerEntrypoint\nclass Default(WorkerEntrypoint):\n    pass\n"
    worker = load_worker(make_worker(tmp_path, entry))
    assert worker.module.JsException is JsException
    assert issubclass(VectorizeError, worker.module.JsException)


@pytest.mark.asyncio
async def test_vars_and_dev_vars_secrets_reach_the_worker(tmp_path):
    entry = """
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            conf = self.env.SETTINGS
            return Response.json({"token": self.env.API_TOKEN, "greeting": self.env.GREETING,
                                  "settings": conf.to_py(), "limit": conf.limit})
    """
    toml = '[vars]\nGREETING = "hello"\nSETTINGS = { limit = 3 }\n'
    root = make_worker(tmp_path, entry, extra_toml=toml, dev_vars='API_TOKEN="s3cret"\nGREETING=overridden\n')
    worker = load_worker(root)
    assert await (await worker.fetch("/")).json() == {
        "token": "s3cret", "greeting": "overridden", "settings": {"limit": 3}, "limit": 3,
    }


@pytest.mark.asyncio
async def test_wait_until_work_finishes_before_fetch_returns(tmp_path):
    entry = """
    import asyncio
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            async def later():
                await asyncio.sleep(0)
                await self.env.VEC.upsert([{"id": "late", "values": [0, 1, 0]}])
            self.ctx.waitUntil(later())
            return Response("queued")
    """
    env = load_env(make_worker(tmp_path, entry))
    worker = load_worker(env=env)
    assert await (await worker.fetch("/")).text() == "queued"
    assert [v["id"] for v in await env.VEC.getByIds(["late"])] == ["late"]


@pytest.mark.asyncio
async def test_sibling_modules_import_without_prefix_and_workers_do_not_mix(tmp_path):
    entry = """
    from workers import Response, WorkerEntrypoint
    import helpers

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            import lazy  # a late import inside the handler sees the worker's folder too
            return Response(helpers.NAME + lazy.SUFFIX)
    """
    a = load_worker(make_worker(tmp_path / "a", entry, files={"helpers.py": "NAME = 'a'", "lazy.py": "SUFFIX = '!'"}))
    b = load_worker(make_worker(tmp_path / "b", entry, files={"helpers.py": "NAME = 'b'", "lazy.py": "SUFFIX = '?'"}))
    assert await (await a.fetch("/")).text() == "a!"
    assert await (await b.fetch("/")).text() == "b?"
    assert await (await a.fetch("/")).text() == "a!"
    for name in ("helpers", "lazy", "entry", "workers", "js", "pyodide", "pyodide.ffi"):
        assert name not in sys.modules
    assert str(tmp_path / "a" / "src") not in sys.path


def test_a_real_workers_package_is_restored_after_loading(tmp_path, monkeypatch):
    sentinel = type(sys)("workers")
    monkeypatch.setitem(sys.modules, "workers", sentinel)
    worker = load_worker(make_worker(tmp_path, CLASS_WORKER))
    assert sys.modules["workers"] is sentinel
    assert worker.module.WorkerEntrypoint is not getattr(sentinel, "WorkerEntrypoint", None)


def test_importing_workers_env_installs_no_stand_ins():
    code = (
        "import sys, workers_env, workers_env.runtime, workers_env.pytest_plugin, workers_env.runtime.server\n"
        "print(sorted(m for m in ('workers', 'js', 'pyodide', 'pyodide.ffi') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.asyncio
async def test_results_are_jsdicts_through_the_wrapper_only(tmp_path):
    env = load_env(make_worker(tmp_path, CLASS_WORKER))
    worker = load_worker(env=env)
    result = await worker.js_env.VEC.describe()
    assert not isinstance(result, dict) and result.dimensions == 3
    assert isinstance(result.to_py(), dict) and not isinstance(result.to_py(), JsDict)


@pytest.mark.asyncio
async def test_a_local_file_named_like_a_loaded_stdlib_module_does_not_replace_it(tmp_path):
    entry = """
    import json
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            return Response(json.dumps({"ok": True}))
    """
    worker = load_worker(make_worker(tmp_path, entry, files={"json.py": "raise ImportError('shadowed')\n"}))
    assert await (await worker.fetch("/")).text() == '{"ok": true}'


@pytest.mark.asyncio
async def test_worker_code_reaches_only_the_methods_the_real_binding_has(tmp_path):
    entry = """
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            reachable = {}
            for name in ("insert", "upsert", "query", "queryById", "getByIds", "deleteByIds",
                         "describe", "insert_sync", "index", "query_sync"):
                try:
                    getattr(self.env.VEC, name)
                    reachable[name] = True
                except AttributeError:
                    reachable[name] = False
            return Response.json(reachable)
    """
    worker = load_worker(make_worker(tmp_path, entry))
    reachable = await (await worker.fetch("/")).json()
    assert {k for k, v in reachable.items() if v} == {
        "insert", "upsert", "query", "queryById", "getByIds", "deleteByIds", "describe"
    }


LEGACY_CLASS = """
from workers import Response, WorkerEntrypoint

RUNS = []

class Default(WorkerEntrypoint):
    async def on_fetch(self, request):
        return Response("on_fetch of Default")

    async def scheduled(self, controller, env, ctx):
        RUNS.append(controller.cron)
"""


@pytest.mark.asyncio
async def test_before_no_global_handlers_default_methods_are_named_on_fetch(tmp_path):
    """workerd's entrypoint proxy renames ``fetch`` (and ``connect``) to ``on_fetch`` under
    LEGACY_GLOBAL_HANDLERS, i.e. before 2025-08-14 -- and no other handler: a cron event calls
    ``Default.scheduled`` in every era (``SPECIAL_HANDLER_NAMES``), so ``on_scheduled`` is
    never called on a class."""
    worker = load_worker(make_worker(tmp_path / "old", LEGACY_CLASS, date=LEGACY))
    assert await (await worker.fetch("/")).text() == "on_fetch of Default"
    assert (await worker.scheduled("* * * * *")).outcome == "ok"
    assert worker.module.RUNS == ["* * * * *"]
    on_scheduled = load_worker(make_worker(tmp_path / "on", LEGACY_CLASS.replace("def scheduled", "def on_scheduled"),
                                           date=LEGACY))
    with pytest.raises(TypeError, match="^Method scheduled does not exist$"):
        await on_scheduled.scheduled("* * * * *")
    modern_only = LEGACY_CLASS.replace("on_fetch", "fetch")
    with pytest.raises(TypeError) as missing:  # (with a note saying how to get fetch called)
        await load_worker(make_worker(tmp_path / "mixed", modern_only, date=LEGACY)).fetch("/")
    assert str(missing.value) == "Method on_fetch does not exist"
    with pytest.raises(TypeError) as renamed:  # (with a note saying to rename on_fetch to fetch)
        await load_worker(make_worker(tmp_path / "new", LEGACY_CLASS, date="2025-08-14")).fetch("/")
    assert str(renamed.value) == "Method fetch does not exist"
