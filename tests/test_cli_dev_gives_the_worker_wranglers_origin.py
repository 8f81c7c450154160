"""``workers-env dev`` gives the Worker the origin wrangler dev 4.164.0 gives it (measured with a
JavaScript twin: ``tools/wrangler/dev_host_differential.py``, 37 cases): with a dev host --
``--host``, else ``--local-upstream``, else ``[dev] host``, else the first route's host (``--routes``
over the config's ``route``/``routes``, an ``[env.X]``'s own or inherited) -- ``request.url`` is
``<upstream_protocol>://<host>/<path>``, ``Host`` that host, ``MF-Original-Hostname`` the
ProxyWorker's; request headers naming the server's origin name that one, and response headers
naming it name the client's again (``Location``, ``Set-Cookie``'s ``Domain``). A first route that
names no host is refused after the table, in wrangler's words. ``request.cf`` is the same in every
case (measured: its keys never change)."""

from __future__ import annotations

import http.client
import json
import socket

import pytest
from cli_helpers import run_main
from dev_reload_helpers import DevServer, python_project
from worker_helpers import read_until

from workers_env.config import load_config
from workers_env.config.routes import cf_worker_zone, dev_host, inferred_host_problem
from workers_env.runtime.devorigin import Origin, rewrite_headers
from workers_env.runtime.jsglobals import JsURL

ECHO = '''import json
from urllib.parse import urlsplit
from js import Headers, Object, WebSocketPair, Response as JsResponse
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        u = urlsplit(request.url)
        if u.path == "/loc":
            origin = f"{u.scheme}://{u.netloc}"
            return Response("x", status=302, headers={"Location": origin + "/there?q",
                                                      "Set-Cookie": f"a=1; Domain={u.hostname}; Path=/"})
        if u.path == "/edge":
            origin = f"{u.scheme}://{u.netloc}"
            h = Headers.new()
            h.append("Location", "http://other.test:81/x")
            for cookie in (f"a=1; Domain={u.hostname}; Path=/", f"b=2; Domain={u.hostname}", "c=3; Domain=other.test"):
                h.append("Set-Cookie", cookie)
            h.append("Link", f"<{origin}/l1>; rel=next, <{origin}/l2>; rel=prev, <http://other.test/l3>; rel=x")
            h.append("X-Two", origin + "/1")
            h.append("X-Two", origin + "/2")
            return JsResponse.new("x", status=301, headers=h)
        if u.path == "/rel":
            return Response("x", status=302, headers={"Location": "/rel?x"})
        if u.path == "/ws":
            origin = f"{u.scheme}://{u.netloc}"
            client, server = Object.values(WebSocketPair.new())
            server.accept()
            return JsResponse.new(None, status=101, webSocket=client, headers=to_js(
                {"X-Url": origin + "/w", "Set-Cookie": f"w=1; Domain={u.hostname}", "Link": f"<{origin}/l>; rel=next"},
                dict_converter=Object.fromEntries))
        seen = {k: request.headers.get(k) for k in ("host", "mf-original-hostname", "origin", "referer")}
        return Response(json.dumps({"url": request.url, **seen}))
'''


def _get(port: int, path: str, headers: dict[str, str]) -> tuple[int, dict[str, str], str]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request("GET", path, headers=headers)
        resp = conn.getresponse()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read().decode()
    finally:
        conn.close()


def _config(tmp_path, text: str, name: str = "wrangler.toml", environment: str | None = None):
    (tmp_path / name).write_text('name = "t"\ncompatibility_date = "2025-11-02"\n' + text)
    return load_config(tmp_path / name, environment=environment)


# -- the dev host, as wrangler's getHostAndRoutes / getInferredHost find it -----------------------------
@pytest.mark.parametrize(("text", "options", "host", "zone"), [
    ("", {}, None, "t.example.com"),
    ('[dev]\nhost = "Example.COM"\n', {}, "Example.COM", "Example.COM"),  # as written (the URL lower-cases it)
    ('[dev]\nhost = "example.com"\n', {"host": "other.test"}, "other.test", "other.test"),
    ('routes = [{ pattern = "shop.example.com/*", zone_name = "example.com" }]\n', {}, "shop.example.com",
     "example.com"),
    ('routes = ["example.com:8080/*"]\n', {}, "example.com:8080", "example.com:8080"),  # URL.host keeps the port
    ('routes = ["*.example.com/*"]\n', {}, "example.com", "example.com"),
    ('route = "https://sch.example.com:443/x/*"\n', {}, "sch.example.com", "sch.example.com"),
    ('routes = [{ pattern = "api.example.com", custom_domain = true }]\n', {}, "api.example.com", "api.example.com"),
    ('routes = ["a.example.com/*", { pattern = "b.example.com/*", zone_name = "z.com" }]\n', {}, "a.example.com",
     "a.example.com"),
    ('routes = ["prod.example.com/*"]\n', {"routes": ["cli.example.com/*"]}, "cli.example.com", "cli.example.com"),
    ('routes = ["prod.example.com/*"]\n', {"infer": False}, None, "t.example.com"),
    ('routes = ["prod.example.com/*"]\n[dev]\nhost = "example.com"\n', {"infer": False}, "example.com", "example.com"),
    # a non-ASCII route host in punycode, as Node's URL gives it; a zone_name, --host and [dev] host
    # as written (measured: the CF-Worker header of each; request.url is punycode in all)
    ("", {"routes": ["bücher.example/*"]}, "xn--bcher-kva.example", "xn--bcher-kva.example"),
    ('routes = ["Bücher.example:8080/*"]\n', {}, "xn--bcher-kva.example:8080", "xn--bcher-kva.example:8080"),
    ('routes = ["*.bücher.example/*"]\n', {}, "xn--bcher-kva.example", "xn--bcher-kva.example"),
    ('routes = [{ pattern = "bücher.example", custom_domain = true }]\n', {}, "xn--bcher-kva.example",
     "xn--bcher-kva.example"),
    ('[[routes]]\npattern = "Bücher.example/*"\nzone_name = "bücher.example"\n', {}, "xn--bcher-kva.example",
     "bücher.example"),
    ('[dev]\nhost = "bücher.example"\n', {}, "bücher.example", "bücher.example"),
    ('routes = ["1.2.3/*"]\n', {}, "1.2.0.3", "1.2.0.3"),  # (the URL parser's IPv4 reading, as Node's)
])
def test_the_dev_host_and_the_cf_worker_zone(tmp_path, text, options, host, zone):
    config = _config(tmp_path, text)
    assert dev_host(config, **options) == host
    assert cf_worker_zone(config, **options) == zone
    assert inferred_host_problem(config, **options) is None


def test_an_environment_has_its_own_routes_or_the_top_levels(tmp_path):
    text = 'routes = ["prod.example.com/*"]\n[env.staging]\nroutes = ["staging.example.com/*"]\n[env.x]\nname = "x"\n'
    assert dev_host(_config(tmp_path, text, environment="staging")) == "staging.example.com"
    assert dev_host(_config(tmp_path, text, environment="x")) == "prod.example.com"


#: wrangler dev 4.164.0's stderr for `routes = ["*/*", ...]` in wrangler.toml (its log-file line cut)
NO_HOST_TOML = ('✘ [ERROR] Cannot infer host from first route: "*/*".\n\n'
                "  You can explicitly set the `dev.host` configuration in your wrangler.toml file, for example:\n"
                "  \n  \t```\n  \t[dev]\n  host = \"example.com\"\n  \n  \t```\n  \n\n\n")
#: and for `"routes": [{"pattern": "*/x", "zone_name": "*/y"}]` in wrangler.json (measured too)
NO_HOST_JSON = ('✘ [ERROR] Cannot infer host from first route: {"pattern":"*/x","zone_name":"*/y"}.\n\n'
                "  You can explicitly set the `dev.host` configuration in your wrangler.json file, for example:\n"
                '  \n  \t```\n  \t{\n    "dev": {\n      "host": "example.com"\n    }\n  }\n  \t```\n  \n\n\n')


@pytest.mark.parametrize(("name", "text", "stderr"), [
    ("wrangler.toml", 'routes = ["*/*", "b.example.com/*"]\n[vars]\nA = "1"\n', NO_HOST_TOML),
    ("wrangler.json", None, NO_HOST_JSON),
])
def test_a_first_route_naming_no_host_is_refused_after_the_table(tmp_path, monkeypatch, capsys, name, text, stderr):
    if text is None:
        (tmp_path / name).write_text(json.dumps({
            "name": "t", "main": "src/entry.py", "compatibility_date": "2025-11-02",
            "compatibility_flags": ["python_workers"], "routes": [{"pattern": "*/x", "zone_name": "*/y"}],
            "vars": {"A": "1"}}))
    else:
        (tmp_path / name).write_text('name = "t"\nmain = "src/entry.py"\ncompatibility_date = "2025-11-02"\n'
                                     'compatibility_flags = ["python_workers"]\n' + text)
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text("raise RuntimeError('the Worker was loaded')\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CLOUDFLARE_ENV", raising=False)
    done = run_main(capsys, "dev")
    assert done.returncode == 1
    assert done.stdout.startswith("Your Worker has access to the following bindings:\n")
    assert done.stdout.endswith('env.A ("1")      Environment Variable      local\n\n\n')
    assert done.stderr == stderr
    # --no-infer-origin-from-routes (or a host) asks for no route's host: nothing to refuse
    assert inferred_host_problem(load_config(tmp_path / name), infer=False) is None
    assert inferred_host_problem(load_config(tmp_path / name), host="h.test") is None


# -- the URL and headers, as the ProxyWorker and Miniflare's entry worker make them ---------------------
@pytest.mark.parametrize(("origin", "url", "original"), [
    (Origin(), "http://127.0.0.1:8787/a?b", "127.0.0.1:8787"),
    (Origin("https"), "https://127.0.0.1:8787/a?b", "127.0.0.1:8787"),
    (Origin("http", "example.com"), "http://example.com/a?b", "example.com"),
    (Origin("https", "example.com:443"), "https://example.com/a?b", "example.com"),  # the scheme's port dropped
    (Origin("http", "Example.COM:8443"), "http://example.com:8443/a?b", "example.com:8443"),
])
def test_the_workers_url(origin, url, original):
    inner = origin.inner(JsURL("http://127.0.0.1:8787/a?b"))
    assert (origin.worker_url(inner).href, inner.host) == (url, original)


def test_headers_naming_one_origin_name_the_other():
    outer, inner = JsURL("http://127.0.0.1:8787/x"), JsURL("https://example.com/x")
    sent = [("origin", "http://127.0.0.1:8787"), ("referer", "HTTP://127.0.0.1:8787/r?x"), ("x-other", "http://a.test/"),
            ("link", "<http://127.0.0.1:8787/1>"), ("x-mid", "v"), ("Link", "<http://127.0.0.1:8787/2>"),
            ("set-cookie", "a=1; Domain=127.0.0.1; Path=/")]
    assert rewrite_headers(sent, outer, inner) == [
        ("origin", "https://example.com"), ("referer", "https://example.com/r?x"), ("x-other", "http://a.test/"),
        ("link", "<https://example.com/1>, <https://example.com/2>"), ("x-mid", "v"),  # one line, as headers.set
        ("set-cookie", "a=1; Domain=example.com; Path=/")]
    back = [("Location", "https://example.com/there"), ("Set-Cookie", "b=2; Domain=example.com, c")]
    assert rewrite_headers(back, inner, outer) == [("Location", "http://127.0.0.1:8787/there"),
                                                   ("Set-Cookie", "b=2; Domain=127.0.0.1, c")]


def test_a_dev_host_that_makes_no_url_is_named():
    assert Origin("http", "a b").problem() == "http://a b is not a valid URL: check [dev] host, --host or --local-upstream"
    assert Origin("https", "example.com:8443").problem() is None


# -- end to end: workers-env dev ------------------------------------------------------------------------
def test_dev_host_reaches_the_worker_and_its_answer_comes_back_on_the_clients_origin(tmp_path):
    project = python_project(tmp_path / "app", ECHO, config_extra='[dev]\nhost = "example.com"\nupstream_protocol = "https"\n')
    with DevServer(project) as dev:
        here = f"127.0.0.1:{dev.port}"
        status, _, body = _get(dev.port, "/a?b", {"Origin": f"http://{here}", "Referer": f"http://{here}/r"})
        assert (status, json.loads(body)) == (200, {"url": "https://example.com/a?b", "host": "example.com",
                                                    "mf-original-hostname": "example.com",
                                                    "origin": "https://example.com",
                                                    "referer": "https://example.com/r"})
        status, headers, _ = _get(dev.port, "/loc", {"Host": "foo.test:99"})
        assert (status, headers["location"], headers["set-cookie"]) == (
            302, "http://foo.test:99/there?q", "a=1; Domain=foo.test; Path=/")


@pytest.mark.parametrize(("config", "args", "url"), [
    ('routes = [{ pattern = "shop.example.com/*", zone_name = "example.com" }]\n', [], "http://shop.example.com/a?b"),
    ('[dev]\nhost = "example.com"\n', ["--host", "other.test", "--upstream-protocol", "https"], "https://other.test/a?b"),
    ("", ["--local-upstream", "up.test:8443"], "http://up.test:8443/a?b"),
    ('routes = ["prod.example.com/*"]\n', ["--routes", "cli.example.com/*"], "http://cli.example.com/a?b"),
    ('routes = ["prod.example.com/*"]\n', ["--no-infer-origin-from-routes"], "http://127.0.0.1:PORT/a?b"),
])
def test_routes_and_the_command_line_name_the_origin(tmp_path, config, args, url):
    project = python_project(tmp_path / "app", ECHO, config_extra=config)
    with DevServer(project, *args) as dev:
        status, _, body = _get(dev.port, "/a?b", {})
        assert (status, json.loads(body)["url"]) == (200, url.replace("PORT", str(dev.port)))


def _handshake(port: int, host: str) -> tuple[str, list[tuple[str, str]]]:
    """The status line and the Worker's headers (``X-Url``, ``Set-Cookie``, ``Link``) of the answer
    to a WebSocket handshake of ``/ws`` sent with ``Host: host``."""
    with socket.create_connection(("127.0.0.1", port), timeout=60) as sock:
        sock.sendall(f"GET /ws HTTP/1.1\r\nHost: {host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                     "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n".encode())
        head = read_until(sock, b"\r\n\r\n")
    status, *lines = head.split(b"\r\n\r\n")[0].decode("latin-1").split("\r\n")
    pairs = [tuple(line.split(": ", 1)) for line in lines]
    return status, sorted((k.lower(), v) for k, v in pairs if k.lower() in ("x-url", "set-cookie", "link"))


def test_every_answer_comes_back_on_the_clients_origin_a_101_too(tmp_path):
    # a JavaScript twin under wrangler dev 4.164.0 with [dev] host = "example.com:8443" (dev_host_differential's
    # /edge, /rel and /ws, review69): the ProxyWorker rewrites each answer's headers, a WebSocket handshake's 101
    # too; a URL of another host, a relative Location and a Domain= of another host are left as they are
    project = python_project(tmp_path / "app", ECHO, config_extra='[dev]\nhost = "example.com:8443"\n')
    with DevServer(project) as dev:
        here = f"http://127.0.0.1:{dev.port}"
        status, _, _ = _get(dev.port, "/edge", {})
        conn = http.client.HTTPConnection("127.0.0.1", dev.port, timeout=60)
        conn.request("GET", "/edge")
        lines = conn.getresponse().getheaders()
        conn.close()
        assert status == 301 and [(k, v) for k, v in lines if k in ("Location", "Set-Cookie", "Link", "X-Two")] == [
            ("Location", "http://other.test:81/x"),
            ("Link", f"<{here}/l1>; rel=next, <{here}/l2>; rel=prev, <http://other.test/l3>; rel=x"),
            ("Set-Cookie", "a=1; Domain=127.0.0.1; Path=/"), ("Set-Cookie", "b=2; Domain=127.0.0.1"),
            ("Set-Cookie", "c=3; Domain=other.test"), ("X-Two", f"{here}/1, {here}/2")]
        assert _get(dev.port, "/rel", {})[1]["location"] == "/rel?x"
        assert _handshake(dev.port, "foo.test:99") == ("HTTP/1.1 101 Switching Protocols", [
            ("link", "<http://foo.test:99/l>; rel=next"), ("set-cookie", "w=1; Domain=foo.test"),
            ("x-url", "http://foo.test:99/w")])
