"""The ``asgi`` functions take the parameters of the running Worker's SDK, read in workerd's
built-in ``src/pyodide/internal/workers-api/src/asgi.py`` and in each workers-runtime-sdk
wheel (``asgi.py`` / ``workers/asgi.py``, checked with ``inspect.signature``): the built-in
module has no ``options``, ``state`` or WebSocket ``env``, so passing one there is Python's
``TypeError`` as deployed; the external SDK gained ``state`` in 1.6.14, the WebSocket ``env`` in
1.6.15 and ``options`` in 1.9.5; ``workers.wsgi`` (1.6.0 on) gained ``options`` in 1.9.5 too and
has ``process_request`` (and ``DEFAULT_OPTIONS`` from 1.9.5) as each wheel does."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

BUILT_IN, EXTERNAL = "2025-09-01", "2026-05-01"

SIGNATURES = '''
import importlib
import inspect

asgi = importlib.import_module(MODULE)


def _shown(func):
    params = []
    for p in inspect.signature(func).parameters.values():
        p = p.replace(annotation=inspect.Parameter.empty)
        if p.default is getattr(asgi, "DEFAULT_OPTIONS", object()):
            params.append(f"{p.name}=DEFAULT_OPTIONS")
        else:
            params.append(str(p) if p.kind is not p.KEYWORD_ONLY else "*, " + str(p))
    return "(" + ", ".join(params).replace(", *, ", ", *, ", 1) + ")"


SIGNATURES = {n: _shown(getattr(asgi, n)) for n in NAMES}
'''

DEFAULT = "from workers import WorkerEntrypoint\n\n\nclass Default(WorkerEntrypoint):\n    pass\n"

BUILT_IN_SIGNATURES = {
    "fetch": "(app, req, env, ctx=None)",
    "process_request": "(app, req, env, ctx)",
    "request_to_scope": "(req, env, ws=False)",
    "process_websocket": "(app, req)",
    "websocket": "(app, req)",
    "start_application": "(app)",
    "run_in_background": "(coro)",
    "acquire_js_buffer": "(pybuffer)",
}
#: the wheels' signatures, where they differ from the built-in module's
SDK_SIGNATURES = {
    "1.6.10": {"close_stream_quietly": "(writer)"},
    "1.6.14": {"request_to_scope": "(req, env, ws=False, state=None)",
               "process_request": "(app, req, env, ctx, state=None)"},
    "1.7.0": {"request_to_scope": "(req, env, ws=False, state=None)",
              "process_request": "(app, req, env, ctx, state=None)",
              "process_websocket": "(app, req, env=None)", "websocket": "(app, req, env=None)",
              "entrypoint": "(app)"},
    "1.9.5": {"request_to_scope": "(req, env, ws=False, state=None)",
              "process_request": "(app, req, env, ctx, state=None, options=DEFAULT_OPTIONS)",
              "process_websocket": "(app, req, env=None)", "websocket": "(app, req, env=None)",
              "fetch": "(app, req, env, ctx=None, *, options=None)",
              "entrypoint": "(app, *, options=None)"},
}


def _signatures(folder, date, sdk, names, module="asgi"):
    one_file_worker(folder, f"MODULE = {module!r}\nNAMES = {names!r}\n" + SIGNATURES + DEFAULT, date=date)
    if sdk is not None:
        (folder / "pyproject.toml").write_text(f'[tool.workers-env]\npython-sdk = "{sdk}"\n')
    return load_worker(folder).module.SIGNATURES


def test_the_built_in_modules_signatures_are_workerds(tmp_path):
    assert _signatures(tmp_path, BUILT_IN, None, sorted(BUILT_IN_SIGNATURES)) == BUILT_IN_SIGNATURES


@pytest.mark.parametrize("sdk", sorted(SDK_SIGNATURES))
def test_each_sdk_release_has_its_wheels_signatures(tmp_path, sdk):
    expected = {**BUILT_IN_SIGNATURES, **SDK_SIGNATURES[sdk]}
    assert _signatures(tmp_path, EXTERNAL, sdk, sorted(expected)) == expected


CALLS = '''
import asgi
from workers import WorkerEntrypoint


async def app(scope, receive, send):
    if scope["type"] == "lifespan":  # the built-in bridge waits for the startup
        await receive()
        await send({"type": "lifespan.startup.complete"})
        await receive()
        return
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b"served"})


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        if request.url.endswith("/options"):
            return await asgi.fetch(app, request, self.env, self.ctx, options=None)
        if request.url.endswith("/state"):
            asgi.request_to_scope(request, self.env, state={})
        if request.url.endswith("/ws-env"):
            return await asgi.process_websocket(app, request, self.env)
        return await asgi.fetch(app, request, self.env, self.ctx)
'''


@pytest.mark.asyncio
@pytest.mark.parametrize(("path", "message"), [
    ("/options", r"fetch\(\) got an unexpected keyword argument 'options'"),
    ("/state", r"request_to_scope\(\) got an unexpected keyword argument 'state'"),
    ("/ws-env", r"process_websocket\(\) takes 2 positional arguments but 3 were given"),
])
async def test_a_newer_sdks_argument_is_a_type_error_in_the_built_in_era(tmp_path, path, message):
    worker = load_worker(one_file_worker(tmp_path, CALLS, date=BUILT_IN))
    with pytest.raises(TypeError, match=message):
        await worker.fetch(path)
    assert await (await worker.fetch("/")).text() == "served"


@pytest.mark.asyncio
async def test_the_newest_sdk_takes_options(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, CALLS, date=EXTERNAL))
    assert await (await worker.fetch("/options")).text() == "served"


@pytest.mark.parametrize(("sdk", "has"), [("1.5.4", False), ("1.6.13", False), ("1.6.14", True)])
def test_workers_asgi_exists_from_the_release_that_moved_asgi_into_workers(tmp_path, sdk, has):
    """The wheels before 1.6.14 ship only the top-level ``asgi.py`` (workers-py #194 moved it
    into ``workers/``), so ``from workers import asgi`` is an ImportError there."""
    one_file_worker(tmp_path, "import asgi\nfrom workers import asgi as sdk_asgi\n" + DEFAULT, date=EXTERNAL)
    (tmp_path / "pyproject.toml").write_text(f'[tool.workers-env]\npython-sdk = "{sdk}"\n')
    if has:
        assert callable(load_worker(tmp_path).module.sdk_asgi.fetch)
    else:
        with pytest.raises(ImportError, match=r"workers\.asgi does not exist in workers-runtime-sdk .*came with 1\.6\.14"):
            load_worker(tmp_path)


WSGI_SIGNATURES = {
    "1.6.0": {"fetch": "(app, req, env, ctx=None)", "process_request": "(app, req, env, body)",
              "build_environ": "(req, env, body)"},
    "1.8.0": {"fetch": "(app, req, env, ctx=None)", "process_request": "(app, req, env, body)",
              "build_environ": "(req, env, body)", "entrypoint": "(app)"},
    "1.9.5": {"fetch": "(app, req, env, ctx=None, *, options=None)",
              "process_request": "(app, req, env, body, options=DEFAULT_OPTIONS)",
              "build_environ": "(req, env, body)", "entrypoint": "(app, *, options=None)"},
}


@pytest.mark.parametrize("sdk", sorted(WSGI_SIGNATURES))
def test_each_sdk_releases_wsgi_has_its_wheels_signatures(tmp_path, sdk):
    expected = WSGI_SIGNATURES[sdk]
    assert _signatures(tmp_path, EXTERNAL, sdk, sorted(expected), module="workers.wsgi") == expected


WSGI_CALLS = '''
from workers import WorkerEntrypoint, wsgi


def app(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [environ["wsgi.input"].read() or b"served"]


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        if request.url.endswith("/process"):
            return wsgi.process_request(app, request, self.env, b"given body")
        if request.url.endswith("/options"):
            return await wsgi.fetch(app, request, self.env, options=None)
        return await wsgi.fetch(app, request, self.env)
'''


@pytest.mark.asyncio
async def test_wsgi_process_request_serves_a_read_body_and_options_came_with_1_9_5(tmp_path):
    one_file_worker(tmp_path, WSGI_CALLS, date=EXTERNAL)
    (tmp_path / "pyproject.toml").write_text('[tool.workers-env]\npython-sdk = "1.9.4"\n')
    worker = load_worker(tmp_path)
    assert await (await worker.fetch("/process")).text() == "given body"
    assert await (await worker.fetch("/")).text() == "served"
    with pytest.raises(TypeError, match=r"fetch\(\) got an unexpected keyword argument 'options'"):
        await worker.fetch("/options")
