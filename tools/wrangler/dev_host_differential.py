"""Differential: the origin a Worker sees under wrangler dev (a JavaScript twin) and workers-env dev.

Each case writes a config (``[dev] host``, ``routes``/``route``, ``[env.X]`` routes,
``upstream_protocol``) and command-line options (``--host``, ``--local-upstream``, ``--routes``,
``--upstream-protocol``, ``--no-infer-origin-from-routes``), runs both, and compares what the Worker
echoes for three requests: ``GET /a?b`` with ``Origin``/``Referer`` naming the server and client
``X-Forwarded-*`` headers (its ``request.url``, ``Host``, ``MF-Original-Hostname``, ``Origin``,
``Referer``, ``CF-Connecting-IP``, ``X-Forwarded-*``, ``request.cf``'s keys); ``GET /loc`` sent with
``Host: foo.test:99`` (the Worker answers a redirect to its own origin with ``Set-Cookie: ...;
Domain=`` its host: the headers the client gets); ``GET /out`` (the ``CF-Worker`` header of the
Worker's own ``fetch`` to a local echo server); ``GET /edge`` (a ``Location`` to another host, three
``Set-Cookie``s, one of another ``Domain``, a ``Link`` of three URLs, a header appended twice),
``GET /rel`` (a relative ``Location``) and a WebSocket handshake of ``/ws`` (the 101's ``X-Url``,
``Set-Cookie`` and ``Link``; review69). A case wrangler refuses compares the exit status
and the error's first line. The port is written ``PORT``.
Run: PATH=$(cat /tmp/wrangler/node-bin-path):$PATH WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler
PYTHONPATH=/abs/tree python3 tools/wrangler/dev_host_differential.py [--only NAME-PART] [--js-only]"""
import http.client, http.server, json, socket, sys, threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from dev_section_differential import free_port, run_dev, twin_project  # noqa: E402 - the same way of running dev

SEEN = ("host", "mf-original-hostname", "origin", "referer", "cf-connecting-ip", "x-forwarded-proto",
        "x-forwarded-host", "x-forwarded-for", "cf-worker")
JS = '''export default { async fetch(r, env) {
  const u = new URL(r.url);
  if (u.pathname === "/loc") return new Response("x", {status: 302, headers: {Location: u.origin + "/there?q",
    "Set-Cookie": "a=1; Domain=" + u.hostname + "; Path=/", "Link": "<" + u.origin + "/l>; rel=next", "X-Url": r.url}});
  if (u.pathname === "/edge") { const h = new Headers();
    h.append("Location", "http://other.test:81/x"); h.append("Set-Cookie", "a=1; Domain=" + u.hostname + "; Path=/");
    h.append("Set-Cookie", "b=2; Domain=" + u.hostname); h.append("Set-Cookie", "c=3; Domain=other.test");
    h.append("Link", "<" + u.origin + "/l1>; rel=next, <" + u.origin + "/l2>; rel=prev, <http://other.test/l3>; rel=x");
    h.append("X-Two", u.origin + "/1"); h.append("X-Two", u.origin + "/2");
    return new Response("x", {status: 301, headers: h}); }
  if (u.pathname === "/rel") return new Response("x", {status: 302, headers: {Location: "/rel?x", "X-Host": u.host}});
  if (u.pathname === "/ws") { const [c, s] = Object.values(new WebSocketPair()); s.accept();
    return new Response(null, {status: 101, webSocket: c, headers: {"X-Url": u.origin + "/w",
      "Set-Cookie": "w=1; Domain=" + u.hostname, "Link": "<" + u.origin + "/l>; rel=next"}}); }
  if (u.pathname === "/out") { const o = await fetch("http://127.0.0.1:" + u.searchParams.get("p") + "/");
    return new Response(await o.text()); }
  const h = {}; for (const k of %s) { const v = r.headers.get(k); if (v !== null) h[k] = v; }
  return Response.json({url: r.url, headers: h, cf: Object.keys(r.cf || {}).sort()});
} };
''' % json.dumps(SEEN)
PY = '''import json
from js import fetch, Headers, Object, WebSocketPair, Response as JsResponse
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint
from urllib.parse import urlsplit, parse_qs
SEEN = %s

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        u = urlsplit(request.url)
        origin = f"{u.scheme}://{u.netloc}"
        if u.path == "/loc":
            return Response("x", status=302, headers={"Location": origin + "/there?q",
                "Set-Cookie": "a=1; Domain=" + u.hostname + "; Path=/", "Link": "<" + origin + "/l>; rel=next",
                "X-Url": request.url})
        if u.path == "/edge":
            h = Headers.new()
            h.append("Location", "http://other.test:81/x")
            h.append("Set-Cookie", "a=1; Domain=" + u.hostname + "; Path=/")
            h.append("Set-Cookie", "b=2; Domain=" + u.hostname)
            h.append("Set-Cookie", "c=3; Domain=other.test")
            h.append("Link", "<" + origin + "/l1>; rel=next, <" + origin + "/l2>; rel=prev, <http://other.test/l3>; rel=x")
            h.append("X-Two", origin + "/1")
            h.append("X-Two", origin + "/2")
            return JsResponse.new("x", status=301, headers=h)
        if u.path == "/rel":
            return Response("x", status=302, headers={"Location": "/rel?x", "X-Host": u.netloc})
        if u.path == "/ws":
            client, server = Object.values(WebSocketPair.new())
            server.accept()
            return JsResponse.new(None, status=101, webSocket=client, headers=to_js({
                "X-Url": origin + "/w", "Set-Cookie": "w=1; Domain=" + u.hostname, "Link": "<" + origin + "/l>; rel=next"},
                dict_converter=Object.fromEntries))
        if u.path == "/out":
            o = await fetch("http://127.0.0.1:" + parse_qs(u.query)["p"][0] + "/")
            return Response(await o.text())
        h = {k: request.headers.get(k) for k in SEEN if request.headers.get(k) is not None}
        cf = getattr(request, "js_object", request).cf
        return Response(json.dumps({"url": request.url, "headers": h, "cf": sorted(cf.to_py() if hasattr(cf, "to_py") else cf)},
                                   separators=(",", ":")))
''' % json.dumps(SEEN)


def cases():
    """(name, config after the base lines, extra arguments)."""
    https = '[dev]\nupstream_protocol = "https"\n'
    return [
        ("no host", "", []),
        ("[dev] host", '[dev]\nhost = "example.com"\n', []),
        ("[dev] host with port", '[dev]\nhost = "example.com:8443"\n', []),
        ("[dev] host upper case", '[dev]\nhost = "Example.COM"\n', []),
        ("--host over [dev] host", '[dev]\nhost = "example.com"\n', ["--host", "other.test"]),
        ("--local-upstream", "", ["--local-upstream", "up.test:8443"]),
        ("--host with port", "", ["--host", "h.test:8443"]),
        ("--host and --local-upstream", "", ["--host", "h.test", "--local-upstream", "up.test"]),
        ("route with zone_name", 'routes = [{ pattern = "shop.example.com/*", zone_name = "example.com" }]\n', []),
        ("route table with zone_name", 'route = { pattern = "shop.example.com/*", zone_name = "example.com" }\n', []),
        ("route with zone_id", 'routes = [{ pattern = "zid.example.com/*", zone_id = "abc" }]\n', []),
        ("pattern route", 'route = "example.com/*"\n', []),
        ("pattern route with scheme", 'route = "https://sch.example.com/x/*"\n', []),
        ("pattern route with port", 'routes = ["example.com:8080/*"]\n', []),
        ("wildcard subdomain route", 'routes = ["*.example.com/*"]\n', []),
        ("custom domain", 'routes = [{ pattern = "api.example.com", custom_domain = true }]\n', []),
        ("several routes", 'routes = ["a.example.com/*", { pattern = "b.example.com/*", zone_name = "example.com" }]\n',
         []),
        ("zone_name route second", 'routes = ["a.example.com/*", { pattern = "b.example.com/*", zone_name = "z.com" }]\n',
         []),
        ("[dev] host over a route", 'routes = [{ pattern = "shop.example.com/*", zone_name = "example.com" }]\n'
         '[dev]\nhost = "dev.test"\n', []),
        ("[env.staging] routes", 'routes = ["prod.example.com/*"]\n[env.staging]\nroutes = ["staging.example.com/*"]\n',
         ["-e", "staging"]),
        ("[env.x] inherits routes", 'routes = ["prod.example.com/*"]\n[env.x]\nvars = { A = "1" }\n', ["-e", "x"]),
        ("[env.x] route table", '[env.x]\nroute = { pattern = "x.example.com/*", zone_name = "example.com" }\n',
         ["-e", "x"]),
        ("--routes", "", ["--routes", "cli.example.com/*"]),
        ("--routes over routes", 'routes = ["prod.example.com/*"]\n', ["--routes", "cli.example.com/*"]),
        ("no inference", 'routes = ["prod.example.com/*"]\n', ["--no-infer-origin-from-routes"]),
        ("no inference, [dev] host", 'routes = ["prod.example.com/*"]\n[dev]\nhost = "example.com"\n',
         ["--no-infer-origin-from-routes"]),
        ("first route */*", 'routes = ["*/*", "b.example.com/*"]\n', []),
        ("first route */*, no inference", 'routes = ["*/*"]\n', ["--no-infer-origin-from-routes"]),
        ("upstream https", https, []),
        ("upstream https, [dev] host", https + 'host = "example.com"\n', []),
        ("upstream https, host :443", https + 'host = "example.com:443"\n', []),
        ("upstream https, --host", https, ["--host", "other.test"]),
        ("upstream https, --local-upstream", https, ["--local-upstream", "up.test"]),
        ("upstream https, route", 'routes = [{ pattern = "shop.example.com/*", zone_name = "example.com" }]\n' + https,
         []),
        ("upstream https, custom domain", 'routes = [{ pattern = "api.example.com", custom_domain = true }]\n' + https,
         []),
        ("upstream https, [env.staging] routes", 'routes = ["prod.example.com/*"]\n[env.staging]\n'
         'routes = ["staging.example.com/*"]\n' + https, ["-e", "staging"]),
        ("--upstream-protocol https", "", ["--upstream-protocol", "https"]),
        ("--upstream-protocol http over https", https + 'host = "example.com"\n', ["--upstream-protocol", "http"]),
        ("non-ASCII --routes", "", ["--routes", "bücher.example/*"]),
        ("non-ASCII route pattern", 'routes = ["bücher.example/*"]\n', []),
        ("non-ASCII [[routes]] pattern", '[[routes]]\npattern = "Bücher.example/*"\nzone_name = "bücher.example"\n', []),
        ("non-ASCII custom domain", 'routes = [{ pattern = "bücher.example", custom_domain = true }]\n', []),
        ("non-ASCII route with port", 'routes = ["bücher.example:8080/*"]\n', []),
        ("non-ASCII wildcard route", 'routes = ["*.bücher.example/*"]\n', []),
        ("non-ASCII [dev] host", '[dev]\nhost = "bücher.example"\n', []),
        ("non-ASCII --host", "", ["--host", "bücher.example"]),
        ("non-ASCII route, upstream https", 'routes = ["bücher.example/*"]\n' + https, []),
        ("punycode route", 'routes = ["xn--bcher-kva.example/*"]\n', []),
    ]


class _Echo(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = (self.headers.get("CF-Worker") or "<none>").encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def _request(port, path, headers):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    try:
        conn.request("GET", path, headers=headers)
        resp = conn.getresponse()
        body = resp.read().decode()
        return resp.status, [(k, v) for k, v in resp.getheaders() if k.lower() in ("location", "set-cookie", "link",
                                                                                    "x-url", "x-two", "x-host")], body
    finally:
        conn.close()


def probe(port, echo):
    here = f"127.0.0.1:{port}"
    status, _, body = _request(port, "/a?b", {"Origin": f"http://{here}", "Referer": f"http://{here}/r?x",
                                               "X-Forwarded-Proto": "https", "X-Forwarded-Host": "xf.test",
                                               "X-Forwarded-For": "203.0.113.9"})
    try:
        first = json.loads(body)
    except ValueError:
        first = f"{status} {body[:200]}"
    status2, headers, _ = _request(port, "/loc", {"Host": "foo.test:99"})
    _, _, out = _request(port, f"/out?p={echo}", {})
    status3, edge, _ = _request(port, "/edge", {})
    status4, rel, _ = _request(port, "/rel", {"Host": "foo.test:99"})
    return {"a": first, "loc": [status2, headers], "cf-worker": out, "edge": [status3, edge], "rel": [status4, rel],
            "ws": _upgrade(port)}


def _upgrade(port):
    """The head of the answer to a WebSocket handshake of ``/ws``: its status line and the headers
    the Worker set (``X-Url``, ``Set-Cookie``, ``Link``), lower-cased names."""
    with socket.create_connection(("127.0.0.1", port), timeout=20) as sock:
        sock.sendall(b"GET /ws HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                     b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n" % port)
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = sock.recv(4096)
            if not chunk:
                break
            head += chunk
    lines = head.split(b"\r\n\r\n")[0].decode("latin-1").split("\r\n")
    kept = [line.split(": ", 1) for line in lines[1:] if line.split(":")[0].lower() in ("x-url", "set-cookie", "link")]
    return [lines[0], sorted([k.lower(), v] for k, v in kept)]


def run(kind, config, extra, echo):
    base, cmd, env = twin_project(f"dev_host_{kind}", kind, JS, PY, config)
    port = free_port()
    def answer():
        try:
            return probe(port, echo)
        except OSError as exc:
            return f"no answer ({exc})"

    out, seen, returncode = run_dev(cmd + ["--port", str(port), "--ip", "127.0.0.1"] + extra, base, env, answer)
    if seen is None:
        error = next((line.strip() for line in out.splitlines() if "[ERROR]" in line), None)
        return {"exit": returncode, "error": error}
    return json.loads(json.dumps(seen).replace(str(port), "PORT"))


def main():
    only = sys.argv[sys.argv.index("--only") + 1] if "--only" in sys.argv else None
    js_only = "--js-only" in sys.argv
    echo = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Echo)
    threading.Thread(target=echo.serve_forever, daemon=True).start()
    same = total = 0
    try:
        for name, config, extra in cases():
            if only and only not in name:
                continue
            total += 1
            js = run("js", config, extra, echo.server_port)
            if js_only:
                print(f"{name}\n  wrangler:    {json.dumps(js)}")
                continue
            py = run("py", config, extra, echo.server_port)
            same += js == py
            print(f"{'same' if js == py else 'DIFF'}  {name}\n  wrangler:    {json.dumps(js)}\n"
                  f"  workers-env: {json.dumps(py)}", flush=True)
    finally:
        echo.shutdown()
    if not js_only:
        print(f"{same}/{total} the same")


if __name__ == "__main__":
    main()
