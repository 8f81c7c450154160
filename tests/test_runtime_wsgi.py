"""``workers.wsgi.fetch(app, request, env)``: the external SDK's WSGI bridge (Django, Flask),
with PEP 3333's environ as the SDK builds it and the whole response collected."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from worker_helpers import typical_pyproject

from workers_env import load_worker
from workers_env.runtime.jsweb import JsRequest
from workers_env.runtime.wsgi import build_environ

ENTRY = '''
from workers import WorkerEntrypoint
from workers.wsgi import fetch as wsgi_fetch

CLOSED = []

def app(environ, start_response):
    if environ["PATH_INFO"] == "/environ":
        body = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
        keys = ("REQUEST_METHOD", "SCRIPT_NAME", "PATH_INFO", "QUERY_STRING", "SERVER_NAME", "SERVER_PORT",
                "SERVER_PROTOCOL", "CONTENT_TYPE", "CONTENT_LENGTH", "HTTP_HOST", "HTTP_X_TAG", "wsgi.url_scheme")
        seen = {k: environ.get(k) for k in keys}
        seen["body"] = body.decode()
        seen["message"] = environ["workers.env"].MESSAGE
        seen["version"] = list(environ["wsgi.version"])
        start_response("200 OK", [("Content-Type", "application/json")])
        return [__import__("json").dumps(seen).encode()]
    if environ["PATH_INFO"] == "/cookies":
        write = start_response("201 Created", [("Set-Cookie", "a=1"), ("Set-Cookie", "b=2")])
        write(b"written ")
        return Closing([b"then ", b"", b"returned"])
    if environ["PATH_INFO"] == "/empty":
        start_response("204 No Content", [])
        return [b""]
    start_response("404 Not Found", [("Content-Type", "text/plain")])
    return [b"no such page"]

class Closing(list):
    def close(self):
        CLOSED.append(True)

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return await wsgi_fetch(app, request, self.env)
'''


def make(root: Path) -> Path:
    (root / "src").mkdir(parents=True)
    (root / "src" / "entry.py").write_text(textwrap.dedent(ENTRY))
    (root / "wrangler.jsonc").write_text(json.dumps({
        "name": "wsgi", "main": "src/entry.py", "compatibility_date": "2026-09-01",
        "compatibility_flags": ["python_workers"], "vars": {"MESSAGE": "hello"}}))
    typical_pyproject(root)
    return root


@pytest.mark.asyncio
async def test_the_environ_as_the_sdk_builds_it(tmp_path):
    worker = load_worker(make(tmp_path))
    resp = await worker.fetch("/environ?q=a%20b&x=1", method="POST", json={"n": 1},
                              headers=[("X-Tag", "one"), ("X-Tag", "two")])
    assert await resp.json() == {
        "REQUEST_METHOD": "POST", "SCRIPT_NAME": "", "PATH_INFO": "/environ", "QUERY_STRING": "q=a%20b&x=1",
        "SERVER_NAME": "localhost", "SERVER_PORT": "80", "SERVER_PROTOCOL": "HTTP/1.1",
        "CONTENT_TYPE": "application/json", "CONTENT_LENGTH": "8", "HTTP_HOST": "localhost",
        "HTTP_X_TAG": "one, two", "wsgi.url_scheme": "http", "body": '{"n": 1}', "message": "hello", "version": [1, 0],
    }


@pytest.mark.asyncio
async def test_a_percent_encoded_path_arrives_as_a_native_string(tmp_path):
    worker = load_worker(make(tmp_path))
    seen = await (await worker.fetch("https://example.com:8443/environ")).json()
    assert (seen["SERVER_NAME"], seen["SERVER_PORT"], seen["wsgi.url_scheme"]) == ("example.com", "8443", "https")
    assert (await (await worker.fetch("https://example.com/environ")).json())["SERVER_PORT"] == "443"
    # the decoded UTF-8 bytes arrive one character per byte (PEP 3333's native strings)
    environ = build_environ(JsRequest("https://example.com/caf%C3%A9?x=%C3%A9"), None, b"")
    assert environ["PATH_INFO"] == "/café".encode().decode("latin-1") and environ["QUERY_STRING"] == "x=%C3%A9"


@pytest.mark.asyncio
async def test_write_output_comes_first_repeated_headers_stay_apart_and_the_iterable_is_closed(tmp_path):
    worker = load_worker(make(tmp_path))
    resp = await worker.fetch("/cookies")
    assert (resp.status, resp.status_text, await resp.text()) == (201, "Created", "written then returned")
    assert resp.js_object.headers.getSetCookie() == ["a=1", "b=2"]
    assert worker.module.CLOSED == [True]
    empty = await worker.fetch("/empty")
    assert (empty.status, await empty.text()) == (204, "")
    missing = await worker.fetch("/nowhere")
    assert (missing.status, await missing.text()) == (404, "no such page")


@pytest.mark.asyncio
async def test_an_app_that_never_starts_a_response_is_an_error(tmp_path):
    root = make(tmp_path)
    (root / "src" / "entry.py").write_text(textwrap.dedent('''
        from workers import WorkerEntrypoint
        from workers import wsgi

        def app(environ, start_response):
            return [b"no status"]

        class Default(WorkerEntrypoint):
            async def fetch(self, request):
                return await wsgi.fetch(app, request, self.env)
    '''))
    worker = load_worker(root)
    with pytest.raises(RuntimeError, match="did not call start_response"):
        await worker.fetch("/")
