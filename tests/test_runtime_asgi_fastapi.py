"""FastAPI/Starlette apps served through the runtime's ``asgi`` bridge, as Cloudflare's FastAPI example does."""

from __future__ import annotations

import json
import textwrap
import urllib.request
from pathlib import Path

import pytest
from worker_helpers import typical_pyproject

from workers_env import load_worker
from workers_env.runtime.server import BackgroundServer

# The shape of cloudflare/python-workers-examples 03-fastapi: a module-level FastAPI app, a
# Jinja2 template, the env read from req.scope["env"], `import asgi` inside Default.fetch.
ENTRY = '''
import jinja2
from fastapi import FastAPI, Request
from pydantic import BaseModel
from workers import WorkerEntrypoint

template = jinja2.Environment().from_string("Hi {{ who }}!")
app = FastAPI()


class Item(BaseModel):
    name: str
    qty: int = 1


@app.get("/")
async def root():
    return {"message": "root"}


@app.get("/hi/{who}")
async def hi(who: str, loud: bool = False):
    text = template.render(who=who)
    return {"message": text.upper() if loud else text}


@app.get("/env")
async def env(req: Request):
    return {"message": req.scope["env"].MESSAGE, "path": req.url.path}


@app.get("/where")
async def where(req: Request):
    return {"base": str(req.base_url), "host": req.headers.get("host")}


@app.post("/items", status_code=201)
async def create(item: Item):
    return {"name": item.name, "total": item.qty * 2}


@app.delete("/items/{name}", status_code=204)
async def delete(name: str):
    return None


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        import asgi

        return await asgi.fetch(app, request.js_object, self.env)
'''


def make(root: Path, date: str) -> Path:
    (root / "src").mkdir(parents=True, exist_ok=True)
    (root / "wrangler.jsonc").write_text(json.dumps({
        "name": "fastapi-worker", "main": "src/worker.py", "compatibility_date": date,
        "compatibility_flags": ["python_workers", "python_dedicated_snapshot"], "vars": {"MESSAGE": "My env var"},
    }))
    typical_pyproject(root)
    (root / "src" / "worker.py").write_text(textwrap.dedent(ENTRY))
    return root


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "decoded"), [("2025-11-02", "Ada%20L"), ("2026-05-01", "Ada L")])
async def test_fastapi_app_under_the_loader(tmp_path, date, decoded):
    worker = load_worker(make(tmp_path, date))
    assert await (await worker.fetch("/")).json() == {"message": "root"}
    # the built-in SDK passes the path undecoded; the external SDK percent-decodes it (ASGI spec)
    assert await (await worker.fetch("/hi/Ada%20L?loud=false")).json() == {"message": f"Hi {decoded}!"}
    assert await (await worker.fetch("/hi/x?loud=true")).json() == {"message": "HI X!"}
    assert await (await worker.fetch("/env")).json() == {"message": "My env var", "path": "/env"}
    created = await worker.fetch("/items", method="POST", json={"name": "pen", "qty": 3})
    assert (created.status, await created.json()) == (201, {"name": "pen", "total": 6})
    invalid = await worker.fetch("/items", method="POST", json={"qty": "many"})
    assert invalid.status == 422 and (await invalid.json())["detail"][0]["loc"] == ["body", "name"]
    deleted = await worker.fetch("/items/pen", method="DELETE")
    assert (deleted.status, await deleted.text()) == (204, "")
    missing = await worker.fetch("/nope")
    assert (missing.status, missing.headers["content-type"]) == (404, "application/json")
    # every request reaching a Worker has a Host header: FastAPI builds absolute URLs from it
    assert await (await worker.fetch("/where")).json() == {"base": "http://localhost/", "host": "localhost"}
    elsewhere = await worker.fetch("https://api.example.com:8443/where")
    assert await elsewhere.json() == {"base": "https://api.example.com:8443/", "host": "api.example.com:8443"}
    given = await worker.fetch("/where", headers={"Host": "shop.example"})
    assert (await given.json())["host"] == "shop.example"


def test_fastapi_app_over_http(tmp_path):
    worker = load_worker(make(tmp_path, "2026-05-01"))
    with BackgroundServer(worker) as server:
        with urllib.request.urlopen(server.url + "/env", timeout=10) as resp:
            assert json.loads(resp.read()) == {"message": "My env var", "path": "/env"}
        req = urllib.request.Request(server.url + "/items", data=b'{"name": "a"}', method="POST",
                                     headers={"content-type": "application/json"})
        with urllib.request.urlopen(req, timeout=10) as resp:
            assert (resp.status, json.loads(resp.read())) == (201, {"name": "a", "total": 2})



@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2025-11-02", "2026-05-01"])
async def test_asgi_env_dependency_hands_a_route_the_env(tmp_path, date):
    """``from asgi import env`` as a route's default (workerd PR #1745): FastAPI resolves the
    dependency's ``request: Request`` to Starlette's request, never to a query parameter."""
    entry = '''
    from fastapi import FastAPI
    from asgi import env
    from workers import WorkerEntrypoint

    app = FastAPI()

    @app.get("/hello")
    async def hello(env=env):
        return {"secret": env.MESSAGE}

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            import asgi

            return await asgi.fetch(app, request, self.env)
    '''
    root = make(tmp_path, date)
    (root / "src" / "worker.py").write_text(textwrap.dedent(entry))
    resp = await load_worker(root).fetch("/hello")
    assert (resp.status, await resp.json()) == (200, {"secret": "My env var"})

@pytest.mark.asyncio
async def test_lifespan_runs_around_each_request_and_starlette_works(tmp_path):
    entry = '''
    from contextlib import asynccontextmanager
    from starlette.applications import Starlette
    from starlette.responses import PlainTextResponse
    from starlette.routing import Route
    from workers import WorkerEntrypoint
    from workers.asgi import fetch as asgi_fetch

    EVENTS = []

    @asynccontextmanager
    async def lifespan(app):
        EVENTS.append("startup")
        yield {"greeting": "hello"}
        EVENTS.append("shutdown")

    async def home(request):
        EVENTS.append("request")
        return PlainTextResponse(request.state.greeting)

    app = Starlette(routes=[Route("/", home)], lifespan=lifespan)

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            return await asgi_fetch(app, request, self.env)
    '''
    root = make(tmp_path, "2026-05-01")
    (root / "src" / "worker.py").write_text(textwrap.dedent(entry))
    worker = load_worker(root)
    assert await (await worker.fetch("/")).text() == "hello"
    assert worker.module.EVENTS == ["startup", "request", "shutdown"]


@pytest.mark.asyncio
async def test_an_error_after_the_response_started_is_logged_not_raised(tmp_path, caplog):
    """As the SDKs' ``run_app``: once the first body message is sent the response exists, so a
    later exception is logged ("Exception in ASGI application after response started")."""
    entry = '''
    import asgi
    from workers import WorkerEntrypoint

    async def app(scope, receive, send):
        if scope["type"] != "http":
            raise RuntimeError("no lifespan")
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/plain")]})
        await send({"type": "http.response.body", "body": b"partial ", "more_body": True})
        if scope["path"] == "/late":
            raise ValueError("after the start")
        await send({"type": "http.response.body", "body": b"whole"})

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            assert callable(asgi.run_in_background)
            return await asgi.fetch(app, request, self.env)
    '''
    root = make(tmp_path, "2026-05-01")
    (root / "src" / "worker.py").write_text(textwrap.dedent(entry))
    worker = load_worker(root)
    assert await (await worker.fetch("/")).text() == "partial whole"
    with caplog.at_level("ERROR", logger="asgi"):
        late = await worker.fetch("/late")
    assert (late.status, await late.text()) == (200, "partial ")
    assert "Exception in ASGI application after response started" in caplog.text
