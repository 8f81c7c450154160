"""``/cdn-cgi/`` paths under ``workers-env dev`` as under ``wrangler dev`` 4.164.0 (measured with a
JavaScript twin: ``tools/wrangler/dev_cdn_cgi_differential.py``): a request whose path starts
with ``/cdn-cgi/`` naming a host other than localhost, 127.0.0.1 or [::1] in ``Host`` or
``Origin`` is refused with 403 (a route's host too); the older prefixes are rewritten in the URL
the Worker sees (``/cdn-cgi/handler/x`` is ``/cdn-cgi/local/x``); ``/cdn-cgi/local/platform-proxy``
and the local explorer are answered by the server; any other ``/cdn-cgi/`` path reaches the Worker,
and its request line is not printed below ``--log-level debug``."""

from __future__ import annotations

import http.client
import socket
import urllib.request
from urllib.parse import urlsplit

import pytest
from dev_reload_helpers import DevServer, python_project
from worker_helpers import one_file_worker

from workers_env import load_worker

from workers_env.runtime.cdncgi import logged, own_answer, rewritten
from workers_env.runtime.server import BackgroundServer

ECHO = """from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("W " + request.url)

    async def scheduled(self, controller, env, ctx):
        print("ran", controller.cron)
"""


#: workers-env's answer in the place of wrangler dev's local explorer (a choice: README), as written
EXPLORER = ("workers-env dev does not serve wrangler dev's local explorer (/cdn-cgi/explorer, its UI for the local KV "
            "and D1 data): read them with `workers-env kv` and `workers-env d1`")


def _ask(port: int, path: str, headers: dict[str, str] | None = None, method: str = "GET",
         body: bytes | None = None) -> tuple[int, str | None, str]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        resp = conn.getresponse()
        return resp.status, resp.getheader("Content-Type"), resp.read().decode()
    finally:
        conn.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    root = one_file_worker(tmp_path_factory.mktemp("cdn"), ECHO)
    with BackgroundServer(load_worker(root)) as running:
        yield running


@pytest.mark.parametrize(("path", "headers", "answer"), [
    ("/cdn-cgi/trace", {"Host": "foo.test"}, (403, "Invalid Host header")),
    ("/cdn-cgi/", {"Host": "localhost."}, (403, "Invalid Host header")),
    ("/cdn-cgi/mf/stream/x", {"Host": "foo.test"}, (403, "Invalid Host header")),  # the path as the client sent it
    ("/cdn-cgi/handler/scheduled", {"Host": "foo.test"}, (403, "Invalid Host header")),
    ("/cdn-cgi/trace", {"Origin": "http://foo.test"}, (403, "Invalid Origin header")),
    ("/cdn-cgi/trace", {"Origin": "null"}, (403, "Invalid Origin header")),  # no URL: refused too
    ("/cdn-cgi/local/platform-proxy", {}, (400, "Invalid proxy request")),
    ("/cdn-cgi/handler/platform-proxy", {}, (400, "Invalid proxy request")),
    ("/cdn-cgi/local/platform-proxy", {"MF-Op": "GET"}, (401, "")),
    ("/cdn-cgi/explorer", {}, (501, EXPLORER)),
    ("/cdn-cgi/local/explorer/api/x", {}, (501, EXPLORER)),
])
def test_what_the_server_answers_itself(server, path, headers, answer):
    status, kind, body = _ask(server.port, path, headers)
    assert (status, body) == answer
    assert kind == (None if status == 401 else "text/plain;charset=UTF-8")


@pytest.mark.parametrize(("path", "headers", "seen"), [
    ("/cdn-cgi/trace", {"Host": "LOCALHOST:5"}, "/cdn-cgi/trace"),
    ("/cdn-cgi/trace", {"Host": "127.1"}, "/cdn-cgi/trace"),
    ("/cdn-cgi/trace", {"Host": "[0:0::1]:7", "Origin": "https://[::1]"}, "/cdn-cgi/trace"),
    ("/cdn-cgi/trace", {"Origin": ""}, "/cdn-cgi/trace"),
    ("/cdn-cgi%2Ftrace", {"Host": "foo.test"}, "/cdn-cgi%2Ftrace"),
    ("/CDN-CGI/trace", {"Host": "foo.test"}, "/CDN-CGI/trace"),
    ("/cdn-cgi/handler", {}, "/cdn-cgi/local"),
    ("/cdn-cgi/handler/x?q", {}, "/cdn-cgi/local/x?q"),
    ("/cdn-cgi/handler/scheduled/", {}, "/cdn-cgi/local/scheduled/"),
    ("/cdn-cgi/mf/stream/x", {}, "/__cf_local/stream/x"),
    ("/cdn-cgi/mf/imagedelivery/x", {}, "/__cf_local/imagedelivery/x"),
    ("/cdn-cgi/mf/x", {}, "/cdn-cgi/mf/x"),
    ("/cdn-cgi/image/width=100/a.png", {}, "/cdn-cgi/image/width=100/a.png"),
])
def test_what_reaches_the_worker(server, path, headers, seen):
    status, kind, body = _ask(server.port, path, headers)
    url = urlsplit(body.removeprefix("W "))
    assert (status, kind, url.path + (f"?{url.query}" if url.query else "")) == (200, "text/plain;charset=UTF-8", seen)


def test_a_refused_post_with_a_body_still_coming(server):
    status, _, body = _ask(server.port, "/cdn-cgi/trace", {"Host": "foo.test"}, "POST", b"x" * 10)
    assert (status, body) == (403, "Invalid Host header")


def test_the_rewrites_in_the_proxy_workers_order():
    assert [rewritten(p) for p in ("/cdn-cgi/handler", "/cdn-cgi/handlerx", "/cdn-cgi/mf/scheduled/a",
                                   "/cdn-cgi/explorer/b", "/x/cdn-cgi/handler")] == [
        "/cdn-cgi/local", "/cdn-cgi/handlerx", "/cdn-cgi/local/scheduled/a", "/cdn-cgi/local/explorer/b",
        "/x/cdn-cgi/handler"]
    assert own_answer("/a", "/a", "foo.test", "null", False) is None  # only /cdn-cgi/ paths are checked
    assert [logged(c, p, False) for c, p in (("/cdn-cgi/mf/stream/x", "/__cf_local/stream/x"), ("/a", "/a"),
                                             ("/x/cdn-cgi/y", "/x/cdn-cgi/y"))] == [False, True, False]
    assert logged("/cdn-cgi/trace", "/cdn-cgi/trace", True)


def test_cdn_cgi_request_lines_are_not_printed_below_debug(tmp_path):
    project = python_project(tmp_path / "app", ECHO, config_extra='routes = ["shop.example.com/*"]\n')
    with DevServer(project) as dev:
        # the route's host is the Worker's, yet refused by name, as wrangler hands Miniflare no routes
        assert _ask(dev.port, "/cdn-cgi/trace", {"Host": "shop.example.com"})[::2] == (403, "Invalid Host header")
        assert dev.get("/cdn-cgi/handler/x") == (200, "W http://shop.example.com/cdn-cgi/local/x")
        for path in ("/cdn-cgi/trace", "/cdn-cgi/mf/stream/x", "/cdn-cgi%2Ftrace", "/cdn-cgi", "/__cf_local/stream/y",
                     "/after"):
            assert dev.get(path)[0] == 200
        with urllib.request.urlopen(f"http://127.0.0.1:{dev.port}/cdn-cgi/handler/scheduled?cron=1+2+3+4+5",
                                    timeout=30) as resp:
            assert resp.read() == b"ok"
        ran = dev.wait_for("ran 1 2 3 4 5")
        dev.get("/last")
        last = dev.wait_for("GET /last 200 OK", after=ran)
    requests = [line.split("] ", 1)[1].rsplit(" (", 1)[0] for line in dev.lines[:last + 1]
                if line.startswith("[wrangler:info] GET ")]
    assert requests == ["GET /cdn-cgi%2Ftrace 200 OK", "GET /cdn-cgi 200 OK", "GET /__cf_local/stream/y 200 OK",
                        "GET /after 200 OK", "GET /last 200 OK"]


def test_at_debug_they_are(tmp_path):
    project = python_project(tmp_path / "app", ECHO)
    with DevServer(project, "--log-level", "debug") as dev:
        assert dev.get("/cdn-cgi/trace")[0] == 200
        dev.wait_for("GET /cdn-cgi/trace 200 OK")


def test_a_refusal_before_the_body_arrives_closes_the_connection(server):
    """The body of a refused ``/cdn-cgi/`` request is never read: the answer comes at once, with
    ``Connection: close``, and the connection ends (as the server's other answers before a body it
    does not read): no wait for a body the client may still be sending."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        sock.sendall(b"POST /cdn-cgi/trace HTTP/1.1\r\nHost: foo.test\r\nContent-Length: 10\r\n\r\n")
        raw = b""
        while chunk := sock.recv(65536):
            raw += chunk
    head, _, body = raw.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 403 ") and b"\r\nconnection: close" in head.lower()
    assert body == b"Invalid Host header"
