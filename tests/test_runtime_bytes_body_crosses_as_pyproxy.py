"""A Python ``bytes`` handed unconverted to a JavaScript body (``js.Response.new(data)``,
``js.Request.new(url, body=data)``, ``js.fetch(url, body=data)``) crosses as a PyProxy, which
workerd's body initializer stringifies: the body is Python's ``str(data)``, ``b'...'`` and all
(Pyodide 0.26.0a4/0.28.2 under Node and ``wrangler dev`` 4.164.0, batch 18: public Worker
moto-lap's CSV upload arrives that way in production). ``to_js(data)`` (a Uint8Array) and the
SDK's ``workers.Response(data)`` / ``workers.fetch(url, body=data)`` send the bytes;
``workers.Request(url, body=data)`` passes its keywords to ``js.Request.new`` and is
stringified too."""

from __future__ import annotations

import http.server
import json
import textwrap
import threading
from pathlib import Path

import pytest

from workers_env import load_worker

DATA = b'"Venue","Inje"\n0,1\n'

ENTRY = '''
import json
import js
from js import Request, Response
from pyodide.ffi import to_js
import workers

DATA = b'"Venue","Inje"\\n0,1\\n'


async def on_fetch(request, env):
    target = request.url.split("to=")[1]
    raw = Response.new(DATA)
    out = {
        "Response.new(bytes)": [await raw.text(), raw.headers.get("content-type")],
        "Response.new(to_js(bytes))": await Response.new(to_js(DATA)).text(),
        "Request.new(body=bytes)": await Request.new("https://x.test/", method="POST", body=DATA).text(),
        "Request.new(body=bytearray)": await Request.new("https://x.test/", method="POST", body=bytearray(b"ab")).text(),
        "workers.Response(bytes)": await workers.Response(DATA).text(),
        "workers.Request(body=bytes)": await workers.Request("https://x.test/", method="POST", body=DATA).text(),
        "js.fetch(body=bytes)": await (await js.fetch(target, method="POST", body=DATA)).text(),
        "js.fetch(body=to_js(bytes))": await (await js.fetch(target, method="POST", body=to_js(DATA))).text(),
        "workers.fetch(body=bytes)": await (await workers.fetch(target, method="POST", body=DATA)).text(),
    }
    return Response.new(json.dumps(out))
'''


class Echo(http.server.BaseHTTPRequestHandler):
    def do_POST(self):  # noqa: N802 - http.server's name
        data = self.rfile.read(int(self.headers["Content-Length"]))
        self.send_response(200)
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


def make(root: Path) -> Path:
    (root / "src").mkdir(parents=True)
    (root / "src" / "entry.py").write_text(textwrap.dedent(ENTRY))
    (root / "wrangler.toml").write_text('name = "b"\nmain = "src/entry.py"\ncompatibility_date = "2024-09-23"\n'
                                        'compatibility_flags = ["python_workers"]\n')
    return root


@pytest.mark.asyncio
async def test_unconverted_bytes_are_their_python_str_as_a_javascript_body(tmp_path):
    server = http.server.HTTPServer(("127.0.0.1", 0), Echo)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
    try:
        worker = load_worker(make(tmp_path))
        got = await (await worker.fetch(f"/?to=http://127.0.0.1:{server.server_port}/echo")).json()
    finally:
        server.shutdown()
        server.server_close()
    text, stringified = DATA.decode(), str(DATA)
    assert got == {
        "Response.new(bytes)": [stringified, "text/plain;charset=UTF-8"],
        "Response.new(to_js(bytes))": text,
        "Request.new(body=bytes)": stringified,
        "Request.new(body=bytearray)": "bytearray(b'ab')",
        "workers.Response(bytes)": text,
        "workers.Request(body=bytes)": stringified,
        "js.fetch(body=bytes)": stringified,
        "js.fetch(body=to_js(bytes))": text,
        "workers.fetch(body=bytes)": text,
    }
    assert json.loads(json.dumps(stringified)).startswith("b'")
