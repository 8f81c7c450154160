"""The ``asgi`` module has every public name both SDKs' ``asgi`` modules define (workerd's
built-in ``asgi.py``; workers-runtime-sdk 1.9.5 ``workers/asgi.py``): ``process_websocket``,
``acquire_js_buffer``, ``start_application``, ``process_request`` and ``background_tasks`` beside
``fetch``/``request_to_scope``/``run_in_background``, and the external SDK's ``DEFAULT_OPTIONS``
and ``close_stream_quietly``. A Worker importing one at its top (thecapacity/cheeremoji:
``from asgi import process_websocket as app, request_to_scope``) loads and serves its other
routes, as deployed; its WebSocket route answers an upgrade with a 101.
``start_application`` and ``process_request`` return what each SDK's return: the built-in one
a shutdown and the ``Response``, the external one ``(shutdown, state)`` (from 1.6.14) and
``(Response, task)`` (from 1.8.0); ``close_stream_quietly`` came with 1.6.10, ``DEFAULT_OPTIONS``
with 1.9.5 (read in each release's wheel)."""

from __future__ import annotations

import json

import pytest
from worker_helpers import one_file_worker

from workers_env import JsException, load_worker

BUILT_IN, EXTERNAL = "2024-12-30", "2026-05-01"

ENTRY = '''
import json

from asgi import (acquire_js_buffer, background_tasks, process_request, process_websocket as ws_app,
                  request_to_scope, start_application)
from js import Response
from workers import WorkerEntrypoint


async def app(scope, receive, send):
    if scope["type"] == "lifespan":
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            else:
                await send({"type": "lifespan.shutdown.complete"})
                return
    await send({"type": "http.response.start", "status": 201, "headers": [(b"x-path", scope["path"].encode())]})
    await send({"type": "http.response.body", "body": b"made by hand"})


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return await serve(request, self.env)

    on_fetch = fetch  # before 2025-08-14 workerd calls Default.on_fetch


async def serve(request, env):
    if request.url.endswith("/ws"):
        return await ws_app(app, request)
    if request.url.endswith("/bridge"):
        started = await start_application(app)
        shutdown = started[0] if isinstance(started, tuple) else started
        made = await process_request(app, request, env, None)
        response = made[0] if isinstance(made, tuple) else made
        await shutdown()
        return Response.new(json.dumps([isinstance(started, tuple), isinstance(made, tuple), response.status,
                                        response.headers.get("x-path"), await response.text()]))
    with acquire_js_buffer(b"abc") as buffer:
        seen = [buffer.length, buffer.to_bytes().decode()]
    scope = request_to_scope(request, env)
    return Response.new(json.dumps([seen, scope["type"], isinstance(background_tasks, set)]))
'''


@pytest.mark.asyncio
async def test_a_worker_importing_process_websocket_loads_and_serves_its_other_routes(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=BUILT_IN))
    assert json.loads(await (await worker.fetch("/")).text()) == [[3, "abc"], "http", True]
    # its WebSocket route answers a request that asked for no upgrade with workerd's refusal
    with pytest.raises(JsException, match=r'which did not contain the header "Upgrade: websocket"'):
        await worker.fetch("/ws")
    response = await worker.fetch("/ws", headers={"Upgrade": "websocket"})
    assert response.status == 101


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "sdk", "state", "task"), [
    (BUILT_IN, None, False, False),
    (EXTERNAL, None, True, True),  # the newest SDK (1.9.5)
    (EXTERNAL, "1.7.0", True, False),  # (shutdown, state) from 1.6.14, (response, task) from 1.8.0
    (EXTERNAL, "1.6.13", False, False),
])
async def test_start_application_and_process_request_return_what_each_sdk_returns(tmp_path, date, sdk, state, task):
    one_file_worker(tmp_path, ENTRY, date=date)
    if sdk:
        (tmp_path / "pyproject.toml").write_text(f'[tool.workers-env]\npython-sdk = "{sdk}"\n')
    got = json.loads(await (await load_worker(tmp_path).fetch("/bridge")).text())
    assert got == [state, task, 201, "/bridge", "made by hand"]


@pytest.mark.parametrize(("date", "module", "named"), [(BUILT_IN, "asgi", "asgi"), (EXTERNAL, "asgi", "workers.asgi"),
                                                      (EXTERNAL, "workers.asgi", "workers.asgi")])
def test_a_name_no_sdk_has_is_pythons_import_error(tmp_path, date, module, named):
    # (the newest external SDK's top-level ``asgi`` is ``workers.asgi``, by that name)
    one_file_worker(tmp_path, f"from {module} import no_such_name\n", date=date)
    with pytest.raises(ImportError, match=rf"cannot import name 'no_such_name' from '{named}'") as error:
        load_worker(tmp_path)
    assert "not emulated" not in str(error.value)  # no claim that production has it
    one_file_worker(tmp_path, f"import {module}\n{module}.no_such_name\n", date=date)
    with pytest.raises(AttributeError) as read:
        load_worker(tmp_path)
    assert str(read.value) == f"module '{named}' has no attribute 'no_such_name'"


@pytest.mark.asyncio
async def test_the_external_sdks_later_names_need_their_release(tmp_path):
    one_file_worker(tmp_path, "from workers.asgi import DEFAULT_OPTIONS\n", date=EXTERNAL)
    (tmp_path / "pyproject.toml").write_text('[tool.workers-env]\npython-sdk = "1.9.4"\n')
    with pytest.raises(ImportError, match=r"DEFAULT_OPTIONS.*came with workers-runtime-sdk 1\.9\.5"):
        load_worker(tmp_path)


@pytest.mark.asyncio
async def test_the_external_sdks_own_names_import_from_workers_asgi(tmp_path):
    entry = '''
    from workers import Response, WorkerEntrypoint
    from workers.asgi import DEFAULT_OPTIONS, close_stream_quietly, process_websocket


    class Closes:
        async def close(self):
            raise RuntimeError("already closed")


    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            await close_stream_quietly(Closes())  # logged, not raised
            return Response(DEFAULT_OPTIONS.encode_body)
    '''
    worker = load_worker(one_file_worker(tmp_path, entry, date=EXTERNAL))
    assert await (await worker.fetch("/")).text() == "automatic"


@pytest.mark.parametrize(("date", "sdk", "name"), [
    (BUILT_IN, None, "DEFAULT_OPTIONS"),  # workerd's built-in asgi.py defines none of these
    (BUILT_IN, None, "close_stream_quietly"),
    (BUILT_IN, None, "NULL_BODY_STATUSES"),
    (BUILT_IN, None, "entrypoint"),
    (EXTERNAL, "1.9.4", "DEFAULT_OPTIONS"),  # the top-level asgi of an external SDK: its release's names
    (EXTERNAL, "1.6.0", "NULL_BODY_STATUSES"),
])
def test_the_top_level_asgi_has_only_its_sdks_names(tmp_path, date, sdk, name):
    one_file_worker(tmp_path, f"from asgi import {name}\n", date=date)
    if sdk:
        (tmp_path / "pyproject.toml").write_text(f'[tool.workers-env]\npython-sdk = "{sdk}"\n')
    # the built-in era: Python's own text; an older external SDK: the release that brought the name
    named = "workers[.]asgi" if sdk is not None and sdk >= "1.6.14" else "asgi"  # (1.6.14 on: one module, so named)
    expected = rf"cannot import name '{name}' from 'asgi'" if sdk is None else \
        rf"module '{named}' has no attribute '{name}' \(it came with workers-runtime-sdk [\d.]+; this Worker runs {sdk}\)"
    with pytest.raises(ImportError, match=expected):
        load_worker(tmp_path)


def test_the_top_level_asgi_of_the_newest_external_sdk_has_them(tmp_path, capsys):
    entry = "from asgi import DEFAULT_OPTIONS, NULL_BODY_STATUSES, close_stream_quietly, entrypoint\n"
    one_file_worker(tmp_path, entry, date=EXTERNAL)
    module = load_worker(tmp_path).module  # (no handler: it loads as workerd starts it, an empty handler object)
    assert callable(module.close_stream_quietly) and callable(module.entrypoint)
    assert module.DEFAULT_OPTIONS is not None and 204 in module.NULL_BODY_STATUSES


BACKGROUND = '''
import asyncio

from asgi import run_in_background
from js import Response
from workers import WorkerEntrypoint


async def job():
    return 7


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        made = run_in_background(job())
        got = "None" if made is None else str(await made)
        return Response.new(got)

    on_fetch = fetch
'''


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "sdk", "expected"), [
    (BUILT_IN, None, "None"),  # workerd's asgi.py: no return
    (EXTERNAL, "1.7.0", "None"),
    (EXTERNAL, "1.8.0", "7"),  # workers-runtime-sdk 1.8.0 returns the future
    (EXTERNAL, None, "7"),
])
async def test_run_in_background_returns_what_each_sdk_returns(tmp_path, date, sdk, expected):
    one_file_worker(tmp_path, BACKGROUND, date=date)
    if sdk:
        (tmp_path / "pyproject.toml").write_text(f'[tool.workers-env]\npython-sdk = "{sdk}"\n')
    assert await (await load_worker(tmp_path).fetch("/")).text() == expected


def test_workers_wsgi_null_body_statuses_came_with_1_6_8(tmp_path):
    one_file_worker(tmp_path, "from workers.wsgi import NULL_BODY_STATUSES\n", date=EXTERNAL)
    (tmp_path / "pyproject.toml").write_text('[tool.workers-env]\npython-sdk = "1.6.7"\n')
    with pytest.raises(ImportError, match=r"NULL_BODY_STATUSES.*came with workers-runtime-sdk 1\.6\.8"):
        load_worker(tmp_path)


NO_LIFESPAN = '''
from asgi import start_application
from js import Response
from workers import WorkerEntrypoint


async def app(scope, receive, send):
    assert scope["type"] == "http"  # no lifespan support


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        started = await start_application(app)
        return Response.new(type(started).__name__)

    on_fetch = fetch
'''


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "sdk", "served"), [
    (BUILT_IN, None, False),  # workerd's asgi.py awaits lifespan.startup.complete: the request hangs
    (EXTERNAL, "1.6.0", False),  # 1.5.4 and 1.6.0 ship the built-in start_application
    (EXTERNAL, "1.6.1", True),  # from 1.6.1 an app without lifespan gets a no-op shutdown
])
async def test_start_application_of_an_app_without_lifespan_per_sdk(tmp_path, date, sdk, served):
    one_file_worker(tmp_path, NO_LIFESPAN, date=date)
    if sdk:
        (tmp_path / "pyproject.toml").write_text(f'[tool.workers-env]\npython-sdk = "{sdk}"\n')
    worker = load_worker(tmp_path)
    if served:
        assert await (await worker.fetch("/")).text() == "function"
    else:
        with pytest.raises(Exception, match="had hung"):
            await worker.fetch("/")


FETCH_NO_LIFESPAN = '''
import asgi
from workers import WorkerEntrypoint


async def app(scope, receive, send):
    assert scope["type"] == "http"  # no lifespan support
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b"served"})


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return await asgi.fetch(app, request.js_object, self.env)
'''


@pytest.mark.asyncio
@pytest.mark.parametrize(("sdk", "served"), [("1.6.0", False), ("1.6.1", True)])
async def test_asgi_fetch_of_an_app_without_lifespan_per_external_sdk(tmp_path, sdk, served):
    # 1.6.0's fetch awaits the built-in start_application: lifespan.startup.complete or nothing
    one_file_worker(tmp_path, FETCH_NO_LIFESPAN, date=EXTERNAL)
    (tmp_path / "pyproject.toml").write_text(f'[tool.workers-env]\npython-sdk = "{sdk}"\n')
    worker = load_worker(tmp_path)
    if served:
        assert await (await worker.fetch("/")).text() == "served"
    else:
        with pytest.raises(Exception, match="had hung"):
            await worker.fetch("/")
