"""A Worker's ``fetch`` goes through the proxy the environment names (``http_proxy``, with
``no_proxy`` as urllib reads them), read at each fetch -- a ``monkeypatch.setenv`` after
``import workers_env`` and after ``load_worker`` counts, and so does its removal: the request
line in absolute form, the Worker's header lines as workerd writes them, the proxy's
credentials as urllib's ``Proxy-Authorization`` (workerd has no proxy: "Where we had to choose")."""

from __future__ import annotations

import asyncio
import http.client
import http.server
import urllib.parse

import pytest
from worker_helpers import one_file_worker, serving

from workers_env import load_worker

WORKER = """
from js import Object, fetch
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        answer = await fetch(request.headers.get("x-origin") + "/x?q=1", method="POST",
                             headers=to_js({"X-Thing": "a"}, dict_converter=Object.fromEntries), body="hi")
        return Response(await answer.text())
"""


class _Origin(http.server.BaseHTTPRequestHandler):
    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        self.rfile.read(int(self.headers["content-length"]))
        self.send_response(200)
        self.send_header("content-length", "6")
        self.end_headers()
        self.wfile.write(b"origin")

    def log_message(self, *args: object) -> None:
        pass


def _relaying(seen: list[list[str]]) -> type[http.server.BaseHTTPRequestHandler]:
    class Proxy(http.server.BaseHTTPRequestHandler):
        """Records each request's head as it came and relays it to the origin its line names."""

        def do_POST(self) -> None:  # noqa: N802 - http.server's name
            seen.append([self.requestline, *str(self.headers).splitlines()])
            body = self.rfile.read(int(self.headers["content-length"]))
            target = urllib.parse.urlsplit(self.path)
            upstream = http.client.HTTPConnection(target.netloc, timeout=5)
            upstream.request("POST", f"{target.path}?{target.query}", body, {"content-length": str(len(body))})
            reply = upstream.getresponse().read()
            self.send_response(200)
            self.send_header("content-length", str(len(reply) + 8))
            self.end_headers()
            self.wfile.write(reply + b"+proxied")

        def log_message(self, *args: object) -> None:
            pass

    return Proxy


@pytest.fixture
def no_proxy_set(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in ("http_proxy", "https_proxy", "no_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)
    return monkeypatch


def test_the_proxy_set_after_loading_carries_the_fetch_and_its_removal_ends_it(tmp_path, no_proxy_set):
    worker = load_worker(one_file_worker(tmp_path, WORKER))  # the opener is built already
    seen: list[list[str]] = []
    with serving(_Origin) as origin, serving(_relaying(seen)) as proxy:
        async def answer() -> str:
            return await (await worker.fetch("/", headers={"x-origin": origin})).text()

        assert asyncio.run(answer()) == "origin"  # no proxy yet: straight to the origin
        no_proxy_set.setenv("http_proxy", proxy.replace("http://", "http://user:pw@"))
        assert asyncio.run(answer()) == "origin+proxied"
        no_proxy_set.setenv("no_proxy", "127.0.0.1")
        assert asyncio.run(answer()) == "origin"  # urllib's no_proxy, read at each fetch too
        no_proxy_set.delenv("no_proxy")
        no_proxy_set.delenv("http_proxy")
        assert asyncio.run(answer()) == "origin"
    assert len(seen) == 1
    host = origin.removeprefix("http://")
    assert seen[0] == [
        f"POST {origin}/x?q=1 HTTP/1.1",  # the absolute form a proxy is sent
        "Content-Length: 2",  # workerd's head: KJ's table's names first, in its order
        f"Host: {host}",
        "Content-Type: text/plain;charset=UTF-8",
        "Proxy-Authorization: Basic dXNlcjpwdw==",  # urllib's, from the proxy URL's credentials
        "CF-Worker: w.example.com",
        "X-Thing: a",  # spelt as the Worker set it
        "",
    ]
