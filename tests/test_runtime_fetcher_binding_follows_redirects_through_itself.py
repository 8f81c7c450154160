"""A Fetcher binding's redirect -- a service binding's, a Durable Object stub's, ``env.ASSETS``'s
-- is followed as ``fetch`` follows one, by asking the same binding for the ``Location``: a
relative one, another host's, even another scheme's (nothing leaves the binding for the
network), a 303 or a POST's 301 as a GET, ``Authorization`` dropped across origins, a stream
body refused, the 21st redirect ``Too many redirects.``, an unreadable ``Location`` refused; an
empty ``Location``, a 300 and ``redirect: "manual"`` hand the 3xx back. The answer's ``url`` is
the last URL asked, ``redirected`` whether there was more than one. As ``wrangler dev`` 4.164.0
answered a JavaScript Worker with a service binding and ``env.ASSETS`` (2025-09-01)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from workers_env import load_env, load_worker


class Redirecting:
    """A service binding and a Durable Object namespace whose stub is itself: ``/r/<status>?to=X``
    answers that status with ``Location: X``, ``/loop/<n>`` a 302 to ``/loop/<n+1>``, anything
    else 200 with the method, URL, ``Authorization`` and body it was asked with."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    async def fetch(self, resource: Any, init: Any = None) -> Any:
        from workers_env import js

        url = str(getattr(resource, "url", resource))
        self.asked.append(url)
        parts = urlsplit(url)
        if parts.path.startswith(("/r/", "/loop/")):
            status, location = (int(parts.path[3:]), parse_qs(parts.query).get("to", [""])[0]) \
                if parts.path.startswith("/r/") else (302, f"/loop/{int(parts.path[6:]) + 1}")
            return js.Response.new("redir", status=status, headers=js.Object.fromEntries([["location", location]]))
        if not hasattr(resource, "method"):
            return js.Response.new(f"first {url}")
        auth = resource.headers.get("authorization")
        auth = auth if isinstance(auth, str) else "-"
        return js.Response.new(f"{resource.method} {url} {auth} {await resource.text()}")

    def idFromName(self, name: str) -> str:  # noqa: N802 - JavaScript's name
        return name

    def get(self, _id: object) -> Redirecting:
        return self


ENTRY = """
import js
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint, import_from_javascript

def stream():
    start = lambda c: (c.enqueue(js.Uint8Array.new([97, 98])), c.close())
    return js.ReadableStream.new(to_js({"start": start}, dict_converter=js.Object.fromEntries))

async def seen(make):
    try:
        r = await make()
        return [r.status, r.redirected, r.url, r.headers.get("location"), await r.text()]
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        f, assets = self.env.SVC, self.env.ASSETS
        stub = self.env.DO.get(self.env.DO.idFromName("x"))
        js_env = import_from_javascript("cloudflare:workers").env
        return Response.json([
            await seen(lambda: f.fetch("http://b/r/302?to=/landed")),
            await seen(lambda: f.fetch("http://b/r/302?to=/landed", redirect="manual")),
            await seen(lambda: f.fetch("http://b/r/301?to=http://other.example/abs")),
            await seen(lambda: f.fetch("http://b/r/307?to=/landed", method="POST", body="hi")),
            await seen(lambda: f.fetch("http://b/r/303?to=/landed", method="POST", body="hi")),
            await seen(lambda: f.fetch("http://b/r/301?to=/landed", method="POST", body="hi")),
            await seen(lambda: f.fetch("http://b/r/307?to=/landed", method="POST", body=stream())),
            await seen(lambda: f.fetch("http://b/r/302?to=http://x.example/landed", headers={"authorization": "x"})),
            await seen(lambda: f.fetch("http://b/r/302?to=/landed", headers={"authorization": "x"})),
            await seen(lambda: f.fetch("http://b/loop/0")),
            await seen(lambda: f.fetch("http://b/r/302?to=ftp://x/y")),
            await seen(lambda: f.fetch("http://b/r/302?to=http://%5B")),
            await seen(lambda: f.fetch("http://b/r/302?to=")),
            await seen(lambda: f.fetch("http://b/r/300?to=/landed")),
            await seen(lambda: stub.fetch("http://b/r/302?to=/landed")),
            await seen(lambda: js_env.SVC.fetch("http://b/r/308?to=/landed")),
            await seen(lambda: assets.fetch("http://a/index.html")),
            await seen(lambda: assets.fetch("http://a/index.html", redirect="manual")),
            await seen(lambda: assets.fetch("http://a/old")),
            await seen(lambda: assets.fetch("http://a/old301", redirect="manual")),
            await seen(lambda: assets.fetch("http://a/chain1")),
            await seen(lambda: assets.fetch("http://a/dir")),
        ])
"""

ONE_TIME = ("AbortError: A request with a one-time-use body (it was initialized from a stream, not a buffer) "
            "encountered a redirect requiring the body to be retransmitted. To avoid this error in the future, "
            "construct this request from a buffer-like body initializer.")
LOOP = "AbortError: Too many redirects." + ", ".join(f"http://b/loop/{n}" for n in range(21))

#: what wrangler dev 4.164.0 answered for the same calls from a JavaScript Worker
MEASURED = [
    [200, True, "http://b/landed", None, "GET http://b/landed - "],
    [302, False, "http://b/r/302?to=/landed", "/landed", "redir"],
    [200, True, "http://other.example/abs", None, "GET http://other.example/abs - "],
    [200, True, "http://b/landed", None, "POST http://b/landed - hi"],
    [200, True, "http://b/landed", None, "GET http://b/landed - "],
    [200, True, "http://b/landed", None, "GET http://b/landed - "],
    ONE_TIME,
    [200, True, "http://x.example/landed", None, "GET http://x.example/landed - "],  # Authorization dropped
    [200, True, "http://b/landed", None, "GET http://b/landed x "],  # kept: the same origin
    LOOP,
    [200, True, "ftp://x/y", None, "GET ftp://x/y - "],  # asked of the binding, not refused
    "AbortError: Invalid Location header; unable to follow redirect.",
    [302, False, "http://b/r/302?to=", "", "redir"],
    [300, False, "http://b/r/300?to=/landed", "/landed", "redir"],
    [200, True, "http://b/landed", None, "GET http://b/landed - "],  # a Durable Object stub
    [200, True, "http://b/landed", None, "GET http://b/landed - "],  # the JavaScript env's binding
    [200, True, "http://a/", None, "<p>index</p>\n"],
    [307, False, "http://a/index.html", "/", ""],
    [200, True, "http://a/new", None, "<p>new</p>\n"],
    [301, False, "http://a/old301", "/new", ""],
    [200, True, "http://a/new", None, "<p>new</p>\n"],
    [200, True, "http://a/dir/", None, "<p>dir</p>\n"],
]


@pytest.mark.asyncio
async def test_a_fetcher_binding_follows_its_redirects_through_itself(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text(ENTRY)
    public = tmp_path / "public"
    (public / "dir").mkdir(parents=True)
    (public / "index.html").write_text("<p>index</p>\n")
    (public / "new.html").write_text("<p>new</p>\n")
    (public / "dir" / "index.html").write_text("<p>dir</p>\n")
    (public / "_redirects").write_text("/old /new 302\n/old301 /new 301\n/chain1 /chain2 302\n/chain2 /new 307\n")
    (tmp_path / "wrangler.json").write_text(json.dumps({
        "name": "w", "main": "src/entry.py", "compatibility_date": "2025-10-01",
        "compatibility_flags": ["python_workers"], "services": [{"binding": "SVC", "service": "other"}],
        "assets": {"directory": "public", "binding": "ASSETS", "run_worker_first": True},
        "durable_objects": {"bindings": [{"name": "DO", "class_name": "Obj", "script_name": "other"}]}}))
    service = Redirecting()
    worker = load_worker(env=load_env(tmp_path, bindings={"SVC": service, "DO": service}))
    resp = await worker.fetch("/")
    assert resp.status == 200, await resp.text()
    assert json.loads(await resp.text()) == MEASURED
    assert "http://other.example/abs" in service.asked and "ftp://x/y" in service.asked  # through the binding
    assert service.asked.count("http://b/r/302?to=/landed") == 4  # followed, manual, with Authorization, the stub: once each
