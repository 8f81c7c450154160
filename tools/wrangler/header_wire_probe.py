"""Raw-socket probe of response and subrequest header bytes: a JavaScript Worker under
``wrangler dev`` and its Python twin under ``workers-env dev`` answer the same paths, and the
bytes each sends are printed side by side -- the order of a response's header lines (custom
headers, ``content-type``, ``content-length``, ``set-cookie``) and a lone surrogate in a header
value, in a response and in the head of a ``fetch`` to a local origin. Not collected by pytest.

    PATH=$(cat /tmp/wrangler/node-bin-path):$PATH WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler \\
        PYTHONPATH=. python3 tools/wrangler/header_wire_probe.py
"""

from __future__ import annotations

import json
import os
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
}

JS = "export default {\n  async fetch(request) {\n    const url = new URL(request.url);\n" \
     "    const to = url.searchParams.get('to');\n" \
     "    if (url.pathname === '/') return new Response('ready');\n" + "".join(
         f"    if (url.pathname === {path!r}) return {js};\n" for path, (js, _py) in CASES.items()) + \
     "    return new Response('?', {status: 404});\n  }\n};\n"

PY = "from js import Response, Headers, URL, fetch\nfrom pyodide.ffi import to_js\n" \
     "from workers import WorkerEntrypoint\n\n\n" \
     "def _streamed():\n    from js import TransformStream, TextEncoder\n    pair = TransformStream.new()\n" \
     "    writer = pair.writable.getWriter()\n    writer.write(TextEncoder.new().encode('hi'))\n" \
     "    writer.close()\n    return pair.readable\n\n\n" \
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
    with socket.create_connection(("127.0.0.1", port), timeout=20) as s:
        s.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    return data


class Origin:
    """A local origin answering each request with its raw head (the bytes the Worker sent)."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.port = self.sock.getsockname()[1]
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            conn, _ = self.sock.accept()
            with conn:
                data = b""
                while b"\r\n\r\n" not in data:
                    chunk = conn.recv(65536)
                    if not chunk:
                        break
                    data += chunk
                body = repr(data.split(b"\r\n\r\n")[0]).encode()
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: " + str(len(body)).encode()
                             + b"\r\nConnection: close\r\n\r\n" + body)


def _serve(command: list[str], folder: Path, port: int) -> subprocess.Popen[bytes]:
    log = (folder / "serve.log").open("w")
    proc = subprocess.Popen(command, cwd=folder, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                            start_new_session=True, env={**os.environ, "XDG_CONFIG_HOME": str(folder / "config")})
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


def probe(side: str, origin: Origin) -> dict[str, bytes]:
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
            return {path: _raw(port, f"{path}?to=http://127.0.0.1:{origin.port}/o") for path in CASES}
        finally:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=30)


def main() -> None:
    origin = Origin()
    sides = {side: probe(side, origin) for side in ("wrangler", "workers-env")}
    same = 0
    for path in CASES:
        heads = {side: got[path] for side, got in sides.items()}
        lines = {side: [line for line in raw.split(b"\r\n\r\n")[0].split(b"\r\n")[1:]
                        if not line.lower().startswith((b"date:", b"connection:"))] + raw.split(b"\r\n\r\n", 1)[1:]
                 for side, raw in heads.items()}
        agree = lines["wrangler"] == lines["workers-env"]
        same += agree
        print(f"{'same' if agree else 'DIFFERENT'} {path}")
        for side, got in lines.items():
            print(f"  {side:12} {got!r}")
    print(f"{same}/{len(CASES)} the same")


if __name__ == "__main__":
    main()
