"""Bindings you supply: load_env(bindings=...), the pytest fixture and marker, and
[tool.workers-env.bindings] for workers-env dev; each reaches Worker code converted as a
JavaScript binding would be."""

from __future__ import annotations

import json
import textwrap

import pytest
from worker_helpers import typical_pyproject

from workers_env import ConfigError, load_env, load_worker

TOML = (
    'name = "supplied"\nmain = "src/entry.py"\ncompatibility_date = "2026-05-01"\n'
    'compatibility_flags = ["python_workers"]\n[vars]\nGREETING = "hi"\n'
    '[[r2_buckets]]\nbinding = "BUCKET"\nbucket_name = "files"\n'
)

ENTRY = '''
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        got = await self.env.BUCKET.get("a.txt")
        return Response.json({"got": got, "type": type(got).__name__, "greeting": self.env.GREETING})
'''


class FakeBucket:
    """A fake R2 bucket: only the methods in JS_METHODS are visible to Worker code."""

    JS_METHODS = ("get",)

    def __init__(self):
        self.calls = []

    async def get(self, key, options=None):
        self.calls.append((key, options))
        return {"key": key, "size": 3}

    def secret_helper(self):
        return "hidden"


class PlainObject:
    """No JS_METHODS: every public method is visible; a sync method answers synchronously."""

    def __init__(self):
        self.label = "plain"

    def lookup(self, key):
        return [key, None]

    def _private(self):
        return "no"


def test_load_env_bindings_add_and_replace_bindings_and_vars(project):
    bucket = FakeBucket()
    env = load_env(project(TOML), bindings={"BUCKET": bucket, "GREETING": "replaced", "EXTRA": PlainObject()})
    assert env.BUCKET is bucket and env.GREETING == "replaced" and env.EXTRA.label == "plain"


def test_load_env_refuses_a_malformed_bindings_argument(project):
    with pytest.raises(ConfigError, match="bindings= must map binding names"):
        load_env(project(TOML), bindings=[FakeBucket()])
    with pytest.raises(ConfigError, match="non-empty strings"):
        load_env(project(TOML), bindings={"": FakeBucket()})


@pytest.mark.asyncio
async def test_a_supplied_object_is_converted_like_a_javascript_binding(project):
    root = project(TOML, src__entry_DOT_py=ENTRY)
    bucket = FakeBucket()
    worker = load_worker(env=load_env(root, bindings={"BUCKET": bucket}))
    body = await (await worker.fetch("/")).json()
    assert body == {"got": {"key": "a.txt", "size": 3}, "type": "JsDict", "greeting": "hi"}
    assert bucket.calls == [("a.txt", None)]


@pytest.mark.asyncio
async def test_js_methods_limit_what_worker_code_sees_and_keywords_become_one_options_object(project):
    root = project(TOML, src__entry_DOT_py="from workers import WorkerEntrypoint\nclass Default(WorkerEntrypoint):\n    pass\n")
    bucket, plain = FakeBucket(), PlainObject()
    worker = load_worker(env=load_env(root, bindings={"BUCKET": bucket, "PLAIN": plain}))
    from workers_env.runtime.envwrap import EnvWrapper

    wrapped = EnvWrapper(worker.js_env)
    assert await wrapped.BUCKET.get("k", onlyIf={"etag": None}) == {"key": "k", "size": 3}
    assert bucket.calls[-1] == ("k", {"onlyIf": {"etag": None}})
    with pytest.raises(AttributeError):
        _ = wrapped.BUCKET.secret_helper
    assert wrapped.PLAIN.lookup("x") == ["x", None]  # a sync method answers synchronously, as D1's prepare()
    with pytest.raises(AttributeError):
        _ = wrapped.PLAIN._private
    with pytest.raises(TypeError, match="cannot be sent over RPC"):
        wrapped.PLAIN.lookup(("a", "b"))


def test_pytest_fixture_and_marker_supply_bindings(pytester):
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    pytester.makefile(".toml", wrangler=TOML)
    pytester.makepyfile(
        """
        import pytest

        class Fake:
            def __init__(self, name):
                self.name = name
            async def get(self, key):
                return self.name + ":" + key

        @pytest.fixture
        def workers_env_bindings():
            return {"BUCKET": Fake("fixture"), "OTHER": Fake("other")}

        @pytest.mark.asyncio
        async def test_fixture(env):
            assert await env.BUCKET.get("k") == "fixture:k"

        @pytest.mark.workers_env(bindings={"BUCKET": Fake("marker")})
        @pytest.mark.asyncio
        async def test_marker_wins_name_by_name(env):
            assert await env.BUCKET.get("k") == "marker:k"
            assert await env.OTHER.get("k") == "other:k"
        """
    )
    pytester.runpytest("-p", "no:cacheprovider", "-p", "no:hypothesispytest").assert_outcomes(passed=2)


def test_pyproject_bindings_are_built_from_factories(project):
    from workers_env._env import bindings_from_pyproject
    from workers_env.config import load_config

    root = project(
        TOML,
        pyproject_DOT_toml='[tool.workers-env.bindings]\nBUCKET = "fakes:make_bucket"\n',
        fakes_DOT_py="class B:\n    async def get(self, key):\n        return 'from-pyproject'\n\ndef make_bucket():\n    return B()\n",
    )
    built = bindings_from_pyproject(load_config(root))
    assert type(built["BUCKET"]).__name__ == "B"


def test_pyproject_binding_problems_are_reported_together(project):
    from workers_env._env import bindings_from_pyproject
    from workers_env.config import load_config

    root = project(
        TOML,
        pyproject_DOT_toml=textwrap.dedent(
            """
            [tool.workers-env.bindings]
            A = "no_such_module_xyz:f"
            B = "fakes2:missing"
            C = "not-a-target"
            D = "fakes2:VALUE"
            E = "fakes2:broken"
            """
        ),
        fakes2_DOT_py="VALUE = 3\n\ndef broken():\n    raise RuntimeError('no credentials')\n",
    )
    with pytest.raises(ConfigError) as err:
        bindings_from_pyproject(load_config(root))
    assert len(err.value.problems) == 5
    assert "fakes2:broken() raised RuntimeError: no credentials" in str(err.value)
    text = str(err.value)
    assert 'cannot import "no_such_module_xyz"' in text and 'has no "missing"' in text
    assert '"package.module:factory"' in text and "is not callable" in text


def test_each_pyproject_binding_problem_in_its_words(project):
    """What ``workers-env dev`` stops with (its ``[tool.workers-env.bindings]``), each line whole."""
    from workers_env._env import bindings_from_pyproject
    from workers_env.config import load_config

    root = project(
        TOML,
        pyproject_DOT_toml='[tool.workers-env.bindings]\nA = "fakes3:VALUE"\nB = "fakes4:f"\nC = 3\n'
                           'D = "fakes3:missing"\nE = "fakes5:f"\n',
        fakes3_DOT_py="VALUE = 3\n",
        fakes4_DOT_py="raise RuntimeError('no credentials')\n",
        fakes5_DOT_py="def f(:\n",
    )
    with pytest.raises(ConfigError) as err:
        bindings_from_pyproject(load_config(root))
    where = f"[tool.workers-env.bindings] in {root / 'pyproject.toml'}"
    assert err.value.problems == [
        f"{where}: A: fakes3:VALUE is not callable; name a function or class that returns the binding",
        f'{where}: B: importing "fakes4" raised RuntimeError: no credentials; fix that module',
        f'{where}: C: 3 is not "package.module:factory" (a module to import, a colon, then the name of the factory '
        'in it: "package.module:factory", or "package.module:Class.factory" for one in a class)',
        f'{where}: D: "fakes3" has no "missing" (from "fakes3:missing")',
        f"{where}: E: importing \"fakes5\" raised SyntaxError: invalid syntax ({root / 'fakes5.py'}, line 1); fix "
        "that module",
    ]
    (root / "pyproject.toml").write_text("[tool.workers-env]\nbindings = 3\n")
    with pytest.raises(ConfigError) as err:
        bindings_from_pyproject(load_config(root))
    assert str(err.value).endswith(f'{where} must be a table of NAME = "package.module:factory" entries')


def test_workers_env_dev_takes_bindings_from_pyproject_over_http(project):
    from test_dev_server import _run_dev, _stop, request

    root = project(
        TOML,
        src__entry_DOT_py=ENTRY,
        pyproject_DOT_toml='[tool.workers-env.bindings]\nBUCKET = "fakes:make_bucket"\n',
        fakes_DOT_py="class B:\n    async def get(self, key):\n        return {'fake': key}\n\ndef make_bucket():\n    return B()\n",
    )
    proc, url = _run_dev(root)
    try:
        status, _, body = request(url + "/")
    finally:
        out = _stop(proc)
    assert status == 200, out
    assert json.loads(body) == {"got": {"fake": "a.txt"}, "type": "JsDict", "greeting": "hi"}
    assert "not emulated" not in out  # the supplied binding leaves nothing unemulated


SERVICE_ENTRY = '''
from js import Object, Request
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        init = to_js({"method": "POST", "body": "image bytes"}, dict_converter=Object.fromEntries)
        answer = await self.env.SERVICE.fetch(Request.new("https://service/ingest", init))
        return Response.json({"status": answer.status, "text": await answer.text()})
'''


class FakeService:
    """A service binding: ``fetch(request)`` gets the Worker's JavaScript Request as it is."""

    JS_METHODS = ("fetch",)

    def __init__(self):
        self.seen = []

    async def fetch(self, request, init=None):
        from workers_env import js

        self.seen.append((type(request).__name__, request.method, request.url, await request.text()))
        return js.Response.new("stored", js.Object.fromEntries([["status", 201]]))


@pytest.mark.asyncio
async def test_a_javascript_request_reaches_a_supplied_service_binding(project):
    """Built-in era (raw bindings): a js.Request handed to a binding stays a Request, as a
    service binding's fetch(request) receives it -- not refused as a Python PyProxy."""
    root = project(TOML.replace("2026-05-01", "2025-11-02"), src__entry_DOT_py=SERVICE_ENTRY)
    service = FakeService()
    worker = load_worker(env=load_env(root, bindings={"SERVICE": service}))
    resp = await worker.fetch("/")
    assert resp.status == 200, await resp.text()
    assert await resp.json() == {"status": 201, "text": "stored"}
    assert service.seen == [("JsProxy", "POST", "https://service/ingest", "image bytes")]


KEYWORD_ENTRY = '''
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        answer = await self.env.SERVICE.fetch("https://service/ingest", method="POST", headers={"x-tag": "a"})
        try:
            self.env.SERVICE.fetch("https://service/ingest", {"method": "POST"})
            positional = "accepted"
        except TypeError as exc:
            positional = str(exc)
        return Response.json({"type": type(answer).__name__, "status": answer.status, "text": await answer.text(),
                              "positional": positional})
'''


class KeywordService:
    JS_METHODS = ("fetch",)

    def __init__(self):
        self.seen = []

    async def fetch(self, resource, init=None):
        from workers_env import js

        self.seen.append((resource, init))
        return js.Response.new("stored", status=201)


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2025-11-02", "2026-05-01"])
async def test_a_supplied_service_binding_is_a_fetcher_in_both_eras(project, date):
    """Both SDKs hand a Fetcher (a [[services]] binding) out as ``_FetcherWrapper``: ``fetch`` is
    ``workers.fetch`` through the binding (keywords become its init) and answers a ``workers``
    Response; a second positional argument is the SDK's own TypeError."""
    toml = TOML.replace("2026-05-01", date) + '[[services]]\nbinding = "SERVICE"\nservice = "ingest"\n'
    root = project(toml, src__entry_DOT_py=KEYWORD_ENTRY)
    service = KeywordService()
    worker = load_worker(env=load_env(root, bindings={"SERVICE": service}))
    resp = await worker.fetch("/")
    assert await resp.json() == {"type": "Response", "status": 201, "text": "stored",
                                 "positional": "fetch() takes 1 positional argument but 2 were given"}
    assert service.seen == [("https://service/ingest", {"method": "POST", "headers": {"x-tag": "a"}})]


NESTED_WORKER = """
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        obj = await self.env.BUCKET.get("k")
        chunk = await obj.body.getReader().read()
        return Response(" ".join([type(obj.body).__name__, chunk.value.to_bytes().decode(), str(obj.body is obj.body),
                                  type(obj.etag_bytes).__name__]))
"""


@pytest.mark.asyncio
async def test_a_stream_nested_in_a_supplied_bindings_result_is_a_readable_stream(tmp_path):
    """A fake R2 object's ``body`` (a ``ByteStream`` in its dict) reaches Worker code as the
    ``ReadableStream`` production's ``R2Object.body`` is -- one object however often it is read;
    nested ``bytes`` an ``ArrayBuffer`` -- as a top-level one always did."""
    from workers_env._jsvalues import ByteStream

    class FakeR2:
        JS_METHODS = ("get",)

        async def get(self, key, options=None):
            return {"key": key, "size": 3, "body": ByteStream([b"abc"]), "etag_bytes": b"\x01"}

    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text(textwrap.dedent(NESTED_WORKER))
    (tmp_path / "wrangler.toml").write_text('name = "r2"\nmain = "src/entry.py"\ncompatibility_date = "2025-11-02"\n'
                                            'compatibility_flags = ["python_workers"]\n'
                                            '[[r2_buckets]]\nbinding = "BUCKET"\nbucket_name = "bucket"\n')
    typical_pyproject(tmp_path)
    worker = load_worker(env=load_env(tmp_path, bindings={"BUCKET": FakeR2()}))
    assert await (await worker.fetch("/")).text() == "JsProxy abc True JsProxy"
