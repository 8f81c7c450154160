"""Raw-socket probe of response and subrequest header bytes: a JavaScript Worker under
``wrangler dev`` and its Python twin under ``workers-env dev`` answer the same paths, and the
bytes each sends are printed side by side -- the order of a response's header lines (custom
headers, ``content-type``, ``content-length``, ``set-cookie``) and a lone surrogate in a header
value, in a response -- and the head and body of a Worker's own ``fetch`` to a local origin
(names, spelling, order, repeated values, framing of each kind of body, what is added or
dropped). Not collected by pytest. ``PYTHONPATH`` may be relative: it is made absolute for the
``workers-env dev`` child (which runs in a temporary folder), so the tree it names is the one
measured, not the installed package.

    PATH=$(cat /tmp/wrangler/node-bin-path):$PATH WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler \\
        PYTHONPATH=. python3 tools/wrangler/header_wire_probe.py [PATH ...]
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

#: every name KJ's header table indexes under wrangler dev 4.164.0 (but the framing ones) and some
#: it does not, shuffled: the wire shows which are indexed (spelt, ordered) and which are not
_ALL = [[name, "v"] for name in [
    'strict-transport-security', 'mf-original-url', 'cf-ew-via', 'true-client-ip', 'age', 'retry-after',
    'if-modified-since', 'cf-ipcountry', 'server', 'proxy-authorization', 'proxy-connection', 'content-type',
    'content-language', 'date', 'allow', 'access-control-allow-origin', 'proxy-authenticate',
    'cf-queues-error-code', 'x-real-ip', 'if-match', 'cf-r2-request', 'content-encoding', 'etag', 'te',
    'x-first', 'max-forwards', 'if-unmodified-since', 'content-security-policy', 'x-second',
    'sec-websocket-accept', 'cf-r2-error', 'content-range', 'vary', 'expect', 'cf-connecting-ip', 'cf-worker',
    'cache-control', 'cookie', 'set-cookie', 'accept-encoding', 'mf-cf-blob', 'refresh', 'last-modified',
    'accept-language', 'cdn-loop', 'authorization', 'trailer', 'x-forwarded-proto', 'pragma',
    'x-forwarded-for', 'x-resolve-method', 'mf-route-override', 'sec-websocket-key', 'cf-r2-metadata-size',
    'sec-websocket-protocol', 'from', 'cf-queues-error-cause', 'referer', 'range', 'host',
    'cf-cache-namespace', 'priority', 'accept-charset', 'cf-cache-status', 'content-location', 'link',
    'cf-kv-metadata', 'expires', 'sec-websocket-version', 'keep-alive', 'accept-ranges', 'x-dst-addr',
    'www-authenticate', 'cf-worker-upstream', 'origin', 'via', 'accept', 'content-disposition', 'location',
    'if-none-match', 'cf-ray', 'sec-websocket-extensions', 'mf-disable-pretty-error', 'x-custom-header',
    'user-agent', 'if-range', 'cf-visitor',
]]


def _same(headers: list[list[str]]) -> tuple[str, str]:
    """A response of ``hello`` with ``headers``, in JavaScript and in Python."""
    given = json.dumps(headers)
    return f'new Response("hello", {{headers: {given}}})', f'Response.new("hello", headers={given})'


#: each path's answer: a JavaScript expression and the same in Python (``to`` is the origin's URL)
CASES = {
    "/order-text": ('new Response("hello", {headers: [["x-z", "1"], ["content-type", "text/x"], ["x-a", "2"], '
                    '["set-cookie", "a=1"], ["x-m", "3"], ["set-cookie", "b=2"]]})',
                    'Response.new("hello", headers=[["x-z", "1"], ["content-type", "text/x"], ["x-a", "2"], '
                    '["set-cookie", "a=1"], ["x-m", "3"], ["set-cookie", "b=2"]])'),
    "/order-length": ('new Response("hello", {headers: [["x-z", "1"], ["content-length", "5"], ["a-b", "2"]]})',
                      'Response.new("hello", headers=[["x-z", "1"], ["content-length", "5"], ["a-b", "2"]])'),
    "/order-implied": ('new Response("hello", {headers: [["x-z", "1"], ["date", "x"], ["server", "me"], '
                       '["a", "2"]]})',
                       'Response.new("hello", headers=[["x-z", "1"], ["date", "x"], ["server", "me"], ["a", "2"]])'),
    "/order-stream": ('new Response(new Response("hello").body, {headers: [["x-z", "1"], ["content-type", "t/x"]]})',
                      'Response.new(Response.new("hello").body, headers=[["x-z", "1"], ["content-type", "t/x"]])'),
    "/order-chunked": ('(() => { const {readable, writable} = new TransformStream(); const w = writable.getWriter(); '
                       'w.write(new TextEncoder().encode("hi")); w.close(); '
                       'return new Response(readable, {headers: [["x-a", "1"], ["content-type", "t/x"]]}); })()',
                       'Response.new(_streamed(), headers=[["x-a", "1"], ["content-type", "t/x"]])'),
    "/order-indexed": ('new Response("hello", {headers: [["mf-cf-blob", "v"], ["origin", "v"], ["etag", "e"], '
                       '["vary", "a"], ["x-a", "1"], ["www-authenticate", "v"], ["pragma", "v"], ["x-a", "2"]]})',
                       'Response.new("hello", headers=[["mf-cf-blob", "v"], ["origin", "v"], ["etag", "e"], '
                       '["vary", "a"], ["x-a", "1"], ["www-authenticate", "v"], ["pragma", "v"], ["x-a", "2"]])'),
    "/order-empty": ('new Response(null, {status: 204, headers: [["x-z", "1"], ["a", "2"]]})',
                     'Response.new(None, status=204, headers=[["x-z", "1"], ["a", "2"]])'),
    "/surrogate": ('new Response("ok", {headers: [["x-a", "\\uD800"], ["x-b", "a\\uDC00b"], ["x-c", "\\uD83D\\uDE00"], '
                   '["x-d", "\\u00e9"]]})',
                   'Response.new("ok", headers=[["x-a", "\\ud800"], ["x-b", "a\\udc00b"], ["x-c", "\\U0001f600"], '
                   '["x-d", "\\u00e9"]])'),
    "/surrogate-get": ('Response.json([...new Headers([["x-a", "\\uD800"]]).get("x-a")].map(c => c.charCodeAt(0)))',
                       'Response.json(to_js([ord(c) for c in Headers.new([["x-a", "\\ud800"]]).get("x-a")]))'),
    # empty values: KJ's slot for an indexed name holds one string, an empty one counting as none
    "/empty-alone": _same([["vary", ""], ["etag", ""], ["x-a", ""], ["content-type", ""]]),
    "/empty-first": _same([["vary", ""], ["vary", "b"], ["cache-control", "a"], ["cache-control", ""]]),
    "/empty-middle": _same([["cache-control", "a"], ["cache-control", ""], ["cache-control", "c"], ["vary", "a"],
                            ["vary", ""], ["x-a", "1"], ["x-a", ""]]),
    "/empty-cookies": _same([["set-cookie", ""], ["set-cookie", "b=2"], ["set-cookie", ""], ["set-cookie", "c=3"]]),
    "/empty-twice": _same([["etag", ""], ["etag", ""], ["vary", " "], ["pragma", "p"]]),
    "/indexed-all": _same(_ALL),
    "/fetch": ('new Response(await (await fetch(to, {headers: [["x-a", "\\uD800"], ["x-b", "a\\uDC00b"], '
               '["x-d", "\\u00e9"]]})).text())',
               'Response.new(await (await fetch(to, headers=[["x-a", "\\ud800"], ["x-b", "a\\udc00b"], '
               '["x-d", "\\u00e9"]])).text())'),
    # hunt31: a name is sent as the Worker first spelled it (headers.c++ keeps it per header), the
    # headers KJ's table does not index in order of those spellings' bytes ("X-" before "a-")
    "/case-custom": ('new Response("x", {headers: [["X-Zed", "1"], ["a-lower", "2"], ["X-alpha", "3"], '
                     '["Access-Control-Allow-Methods", "GET"], ["Content-Type", "t/x"], ["CONTENT-LANGUAGE", "en"], '
                     '["x-Zed", "4"]]})',
                     'Response.new("x", headers=[["X-Zed", "1"], ["a-lower", "2"], ["X-alpha", "3"], '
                     '["Access-Control-Allow-Methods", "GET"], ["Content-Type", "t/x"], ["CONTENT-LANGUAGE", "en"], '
                     '["x-Zed", "4"]])'),
    "/case-set": ('(() => { const h = new Headers(); h.set("X-Foo", "1"); h.append("x-foo", "2"); h.set("X-BAR", "3"); '
                  'h.set("x-bar", "4"); h.append("x-Baz", "5"); h.delete("X-BAZ"); h.append("X-BAZ", "6"); '
                  'return new Response("x", {headers: new Headers(h)}); })()',
                  '_case_set()'),
    "/case-copy": ('new Response("x", new Response("y", {headers: {"X-Copied": "1", "Cache-Control": "no-store"}}))',
                   'Response.new("x", Response.new("y", headers=to_js({"X-Copied": "1", "Cache-Control": "no-store"})))'),
    # an incoming request's headers sent back: the client's names and Miniflare's CF-Connecting-IP as
    # spelt, Host after Content-Length
    "/case-echo": ('new Response("x", {headers: request.headers})',
                   'Response.new("x", headers=request.js_object.headers)'),
    "/case-fetch": ('new Response(await (await fetch(to, {headers: [["X-Api-Key", "k"], ["x-lower", "l"], '
                    '["Authorization", "a"], ["X-Api-key", "2"]]})).text())',
                    'Response.new(await (await fetch(to, headers=[["X-Api-Key", "k"], ["x-lower", "l"], '
                    '["Authorization", "a"], ["X-Api-key", "2"]])).text())'),
    # what a Worker's fetch writes for each kind of body, method and header source (the origin
    # answers with the bytes it got, head and body, a multipart boundary as <boundary>)
    **{f"/fetch-{name}": (f'new Response(await (await fetch(to, {js})).text())',
                          f'Response.new(await (await fetch(to, {py})).text())') for name, (js, py) in {
        "post-bytes": ('{method: "POST", body: new TextEncoder().encode("hi")}',
                       'method="POST", body=TextEncoder.new().encode("hi")'),
        "post-text": ('{method: "POST", body: "hi", headers: [["x-a", "1"]]}',
                      'method="POST", body="hi", headers=[["x-a", "1"]]'),
        "post-stream": ('{method: "POST", body: _streamed()}', 'method="POST", body=_streamed()'),
        "post-form": ('{method: "POST", body: _form()}', 'method="POST", body=_form()'),
        "post-params": ('{method: "POST", body: new URLSearchParams("a=1&b=2")}',
                        'method="POST", body=URLSearchParams.new("a=1&b=2")'),
        "post-empty": ('{method: "POST"}', 'method="POST"'),
        "delete": ('{method: "DELETE"}', 'method="DELETE"'),
        "host": ('{headers: [["Host", "evil.example"], ["x-a", "1"]]}',
                 'headers=[["Host", "evil.example"], ["x-a", "1"]]'),
        "mixed": ('{method: "PUT", body: "hi", headers: [["accept", "a"], ["X-Y", "1"], ["ACCEPT", "b"], '
                  '["x-y", "2"], ["Cache-Control", "no-cache"], ["user-agent", "ua"], ["accept-encoding", "gzip"], '
                  '["cf-connecting-ip", "1.2.3.4"], ["content-length", "99"], ["transfer-encoding", "chunked"], '
                  '["Content-Type", "t/x"], ["set-cookie", "a=1"], ["Set-Cookie", "b=2"]]}',
                  'method="PUT", body="hi", headers=[["accept", "a"], ["X-Y", "1"], ["ACCEPT", "b"], '
                  '["x-y", "2"], ["Cache-Control", "no-cache"], ["user-agent", "ua"], ["accept-encoding", "gzip"], '
                  '["cf-connecting-ip", "1.2.3.4"], ["content-length", "99"], ["transfer-encoding", "chunked"], '
                  '["Content-Type", "t/x"], ["set-cookie", "a=1"], ["Set-Cookie", "b=2"]]'),
        "cf-worker": ('{headers: [["A-Z", "1"], ["Cz", "2"], ["CF-A", "3"], ["cf-b", "4"], ["cf-worker", "mine"], '
                      '["D", "5"], ["b", "6"]]}',
                      'headers=[["A-Z", "1"], ["Cz", "2"], ["CF-A", "3"], ["cf-b", "4"], ["cf-worker", "mine"], '
                      '["D", "5"], ["b", "6"]]'),
        "connection": ('{headers: [["Connection", "keep-alive"], ["Keep-Alive", "5"], ["TE", "trailers"], '
                       '["x-a", "1"]]}',
                       'headers=[["Connection", "keep-alive"], ["Keep-Alive", "5"], ["TE", "trailers"], '
                       '["x-a", "1"]]'),
        "trailer": ('{headers: [["Trailer", "x-t"], ["Upgrade", "h2c"], ["x-a", "1"]]}',
                    'headers=[["Trailer", "x-t"], ["Upgrade", "h2c"], ["x-a", "1"]]'),
        "cache": ('{cache: "no-store", headers: [["x-a", "1"]]}', 'cache="no-store", headers=[["x-a", "1"]]'),
    }.items()},
    "/fetch-request": ('new Response(await (await fetch(new Request(to, {method: "PUT", body: "x", headers: '
                       '[["X-B", "1"], ["accept", "a/b"], ["a-c", "2"]]}))).text())',
                       'Response.new(await (await fetch(Request.new(to, method="PUT", body="x", headers='
                       '[["X-B", "1"], ["accept", "a/b"], ["a-c", "2"]]))).text())'),
    # the 101 of a WebSocket handshake with the Worker's own headers (the client's request an
    # upgrade: _upgraded)
    "/ws": ('(() => { const [client, server] = Object.values(new WebSocketPair()); server.accept(); '
            'return new Response(null, {status: 101, webSocket: client, headers: [["X-Zed", "1"], ["a-lower", "2"], '
            '["Sec-WebSocket-Protocol", "chat"], ["set-cookie", "a=1"], ["Set-Cookie", "b=2"], '
            '["Cache-Control", "x"], ["x-zed", "3"], ["vary", "a"], ["Vary", "b"]]}); })()',
            '_ws()'),
    "/fetch-dict": ('new Response(await (await fetch(to, {headers: {"X-B": "1", "a-c": "2", "Accept": "x/y", '
                    '"User-Agent": "me"}})).text())',
                    'Response.new(await (await sdk_fetch(to, headers={"X-B": "1", "a-c": "2", "Accept": "x/y", '
                    '"User-Agent": "me"})).text())'),
    "/fetch-head": ('new Response((await fetch(to, {method: "HEAD", headers: [["x-a", "1"]]}))'
                    '.headers.get("x-seen"))',
                    'Response.new((await fetch(to, method="HEAD", headers=[["x-a", "1"]])).headers.get("x-seen"))'),
    # a 302 to a POST: the GET that follows it (the origin answers /o/redirect with Location: /o/after)
    "/fetch-redirect": ('new Response(await (await fetch(to + "/redirect", {method: "POST", body: "hi", headers: '
                        '[["Authorization", "a"], ["x-a", "1"], ["Content-Language", "en"]]})).text())',
                        'Response.new(await (await fetch(to + "/redirect", method="POST", body="hi", headers='
                        '[["Authorization", "a"], ["x-a", "1"], ["Content-Language", "en"]])).text())'),
}

JS = "export default {\n  async fetch(request) {\n    const url = new URL(request.url);\n" \
     "    const to = url.searchParams.get('to');\n" \
     "    const _streamed = () => { const {readable, writable} = new TransformStream(); " \
     "const w = writable.getWriter(); w.write(new TextEncoder().encode('hi')); w.close(); return readable; };\n" \
     "    const _form = () => { const f = new FormData(); f.append('a', '1'); return f; };\n" \
     "    if (url.pathname === '/') return new Response('ready');\n" + "".join(
         f"    if (url.pathname === {path!r}) return {js};\n" for path, (js, _py) in CASES.items()) + \
     "    return new Response('?', {status: 404});\n  }\n};\n"

PY = "from js import Response, Headers, URL, fetch, Request, TextEncoder, URLSearchParams\n" \
     "from pyodide.ffi import to_js\nfrom workers import WorkerEntrypoint, fetch as sdk_fetch\n\n\n" \
     "def _form():\n    from js import FormData\n    f = FormData.new()\n    f.append('a', '1')\n    return f\n\n\n" \
     "def _streamed():\n    from js import TransformStream, TextEncoder\n    pair = TransformStream.new()\n" \
     "    writer = pair.writable.getWriter()\n    writer.write(TextEncoder.new().encode('hi'))\n" \
     "    writer.close()\n    return pair.readable\n\n\n" \
     "def _ws():\n    from js import WebSocketPair, Object\n    client, server = Object.values(WebSocketPair.new())\n" \
     "    server.accept()\n    return Response.new(None, status=101, webSocket=client, headers=[['X-Zed', '1'], " \
     "['a-lower', '2'], ['Sec-WebSocket-Protocol', 'chat'], ['set-cookie', 'a=1'], ['Set-Cookie', 'b=2'], " \
     "['Cache-Control', 'x'], ['x-zed', '3'], ['vary', 'a'], ['Vary', 'b']])\n\n\n" \
     "def _case_set():\n    h = Headers.new()\n    h.set('X-Foo', '1')\n    h.append('x-foo', '2')\n" \
     "    h.set('X-BAR', '3')\n    h.set('x-bar', '4')\n    h.append('x-Baz', '5')\n    h.delete('X-BAZ')\n" \
     "    h.append('X-BAZ', '6')\n    return Response.new('x', headers=Headers.new(h))\n\n\n" \
     "class Default(WorkerEntrypoint):\n    async def fetch(self, request):\n" \
     "        url = URL.new(request.js_object.url)\n" \
     "        to = url.searchParams.get('to')\n" \
     "        if url.pathname == '/':\n            return Response.new('ready')\n" + "".join(
         f"        if url.pathname == {path!r}:\n            return {py}\n" for path, (_js, py) in CASES.items()) + \
     "        return Response.new('?', status=404)\n"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _raw(port: int, path: str) -> bytes:
    if path.startswith("/ws"):
        return _upgraded(port, path)
    with socket.create_connection(("127.0.0.1", port), timeout=20) as s:
        s.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    return data


def _upgraded(port: int, path: str) -> bytes:
    """The head of the answer to a WebSocket handshake (the socket then closed)."""
    with socket.create_connection(("127.0.0.1", port), timeout=20) as s:
        s.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n".encode())
        head = b""
        while b"\r\n\r\n" not in head and (chunk := s.recv(1)):
            head += chunk
    return head


class Origin:
    """A local origin answering each request with the bytes it got, head and body (a multipart
    boundary written ``<boundary>``), in its body and hex in ``x-seen`` (an answer to HEAD has
    no body); ``.../redirect`` is a 302 to ``/o/after``."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.port = self.sock.getsockname()[1]
        threading.Thread(target=self._serve, daemon=True).start()

    @staticmethod
    def _read(conn: socket.socket) -> bytes:
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = conn.recv(65536)
            if not chunk:
                return data
            data += chunk
        head, _, body = data.partition(b"\r\n\r\n")
        fields = {line.split(b":", 1)[0].strip().lower(): line.split(b":", 1)[1].strip()
                  for line in head.split(b"\r\n")[1:] if b":" in line}
        length = int(fields.get(b"content-length", b"0") or 0)
        chunked = b"chunked" in fields.get(b"transfer-encoding", b"").lower()
        while (not body.endswith(b"0\r\n\r\n")) if chunked else len(body) < length:
            chunk = conn.recv(65536)
            if not chunk:
                break
            body += chunk
        seen = head + b"\r\n\r\n" + body
        boundary = re.search(rb"boundary=([^\s;\r]+)", head)
        return seen.replace(boundary.group(1), b"<boundary>") if boundary else seen

    def _serve(self) -> None:
        while True:
            conn, _ = self.sock.accept()
            with conn:
                conn.settimeout(20)
                seen = self._read(conn)
                target = seen.split(b" ", 2)[1] if seen.count(b" ") > 1 else b""
                if target.endswith(b"/redirect"):
                    conn.sendall(b"HTTP/1.1 302 Found\r\nLocation: /o/after\r\nContent-Length: 0\r\n"
                                 b"Connection: close\r\n\r\n")
                    continue
                body = repr(seen).encode()
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: " + str(len(body)).encode()
                             + b"\r\nx-seen: " + seen.hex().encode() + b"\r\nConnection: close\r\n\r\n"
                             + (b"" if seen.startswith(b"HEAD ") else body))


def _serve(command: list[str], folder: Path, port: int) -> subprocess.Popen[bytes]:
    log = (folder / "serve.log").open("w")
    # the child runs in ``folder``: a relative PYTHONPATH (``.``) would name that folder there, and the
    # child would import the installed workers_env rather than the tree the probe was started from
    path = os.pathsep.join(str(Path(part).resolve()) for part in os.environ.get("PYTHONPATH", "").split(os.pathsep)
                           if part)
    env = {**os.environ, "XDG_CONFIG_HOME": str(folder / "config"), **({"PYTHONPATH": path} if path else {})}
    proc = subprocess.Popen(command, cwd=folder, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                            start_new_session=True, env=env)
    deadline = time.monotonic() + 120
    while True:
        try:
            if _raw(port, "/").endswith(b"ready"):
                return proc
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            raise SystemExit((folder / "serve.log").read_text())
        time.sleep(0.5)


def probe(side: str, origin: Origin, paths: list[str]) -> dict[str, bytes]:
    with tempfile.TemporaryDirectory(prefix=f"wire-{side}-") as name:
        folder = Path(name)
        (folder / "src").mkdir()
        port = _free_port()
        if side == "wrangler":
            (folder / "src" / "index.js").write_text(JS)
            (folder / "wrangler.toml").write_text('name = "w"\nmain = "src/index.js"\n'
                                                  'compatibility_date = "2025-09-29"\nno_bundle = true\n')
            command = [str(HERE / "wrangler"), "dev", "--ip", "127.0.0.1", "--port", str(port), "--inspector-port",
                       str(_free_port()), "--show-interactive-dev-session=false"]
        else:
            (folder / "src" / "entry.py").write_text(PY)
            (folder / "wrangler.toml").write_text('name = "w"\nmain = "src/entry.py"\n'
                                                  'compatibility_date = "2025-09-29"\n'
                                                  'compatibility_flags = ["python_workers"]\n')
            command = [sys.executable, "-m", "workers_env", "dev", "--ip", "127.0.0.1", "--port", str(port)]
        proc = _serve(command, folder, port)
        try:
            return {path: _raw(port, f"{path}?to=http://127.0.0.1:{origin.port}/o") for path in paths}
        finally:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=30)


def main() -> None:
    paths = sys.argv[1:] or list(CASES)
    unknown = [path for path in paths if path not in CASES]
    if unknown:
        raise SystemExit(f"no such path: {', '.join(unknown)} (the paths: {', '.join(CASES)})")
    origin = Origin()
    sides = {side: probe(side, origin, paths) for side in ("wrangler", "workers-env")}
    same = 0
    for path in paths:
        heads = {side: got[path] for side, got in sides.items()}
        lines = {side: [line for line in raw.split(b"\r\n\r\n")[0].split(b"\r\n")[1:]
                        if not line.lower().startswith((b"date:",) if path.startswith("/ws") else
                                                       (b"date:", b"connection:"))] + raw.split(b"\r\n\r\n", 1)[1:]
                 for side, raw in heads.items()}
        agree = lines["wrangler"] == lines["workers-env"]
        same += agree
        print(f"{'same' if agree else 'DIFFERENT'} {path}")
        for side, got in lines.items():
            print(f"  {side:12} {got!r}")
    print(f"{same}/{len(paths)} the same")


if __name__ == "__main__":
    main()
