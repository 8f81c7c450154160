"""WebSockets over ``wrangler dev`` and ``workers-env dev``, the same raw-socket probes against a
JavaScript twin and a Python twin, at each compatibility date given (``--dates``; default
2026-09-14 and 2026-09-15, either side of ``spec_compliant_dispatch_exceptions``).

The probes (ws41): a client close whose reason is not UTF-8 (the reply's bytes, the reason the
Worker read), a client gone by FIN, RST (after a message and at once) and half-close (the Worker's
close/error events), a ``message`` listener that throws (with a second listener, and without),
a ``close`` listener that throws (clean close, client gone, the Worker's own close answered),
the order of events between two ends of one ``WebSocketPair`` (against ``queueMicrotask`` and a
0 ms timer; text, ``Blob``, ``arraybuffer``, no close, ping-pong, a listener's microtask), and KJ's
handshake refusals with the ``[wrangler:info]`` line each request gets. Exception texts are
compared without their own words (a JavaScript ``Error: boom`` against Pyodide's ``PythonError``
traceback of ``ValueError: boom``), durations as ``(Nms)``.

``--flood N SIZE`` instead sends N messages of SIZE bytes from each Worker to a socket that reads
nothing for 8 s and prints each server's resident memory meanwhile (workerd's Worker process,
workers-env dev's): the backpressure measurement (64 MiB: ``--flood 1024 65536``).

    WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler PYTHONPATH=. python3 tools/wrangler/websocket_differential.py
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent

JS_TWIN = r"""
const LOG = [];
function note(...a) { LOG.push(a); }
function cps(s) { return Array.from(s).map(c => c.codePointAt(0).toString(16)); }
async function pair(kind) {
  const ev = [];
  const [a, b] = Object.values(new WebSocketPair());
  a.accept(); b.accept();
  if (kind === "ab") b.binaryType = "arraybuffer";
  const d = (e) => typeof e.data === "string" ? e.data : e.data.constructor.name;
  b.addEventListener("message", e => ev.push("b msg " + d(e)));
  b.addEventListener("close", e => ev.push(`b close ${e.code} ${e.reason} rs${b.readyState}`));
  a.addEventListener("message", e => ev.push("a msg " + d(e)));
  a.addEventListener("close", e => ev.push(`a close ${e.code} ${e.reason} rs${a.readyState}`));
  queueMicrotask(() => ev.push("microtask"));
  setTimeout(() => ev.push("timeout0"), 0);
  if (kind === "pingpong") {
    b.addEventListener("message", e => { const n = Number(e.data); if (n < 6) b.send(String(n + 1)); });
    a.addEventListener("message", e => { const n = Number(e.data); if (n < 6) a.send(String(n + 1)); });
    a.send("0"); ev.push("sync end");
    await new Promise(r => setTimeout(r, 100)); return ev;
  }
  if (kind === "micro") b.addEventListener("message", e => queueMicrotask(() => ev.push("after " + d(e))));
  a.send("1"); ev.push("sent 1");
  if (kind === "blob" || kind === "ab") a.send(new Uint8Array([1, 2]));
  a.send("2");
  b.send("from b");
  if (kind !== "noclose") { a.close(4000, "x"); ev.push("closed a"); }
  ev.push("sync end");
  await new Promise(r => setTimeout(r, 100));
  ev.push(`rs ${a.readyState} ${b.readyState}`);
  return ev;
}
export default {
  async fetch(request, env, ctx) {
    const url = new URL(request.url); const p = url.pathname;
    if (p === "/") return new Response("ready");
    if (p === "/log") return Response.json(LOG.splice(0));
    if (p === "/pair") return Response.json(await pair(url.searchParams.get("k")));
    const [client, server] = Object.values(new WebSocketPair());
    server.accept();
    server.addEventListener("message", (e) => {
      const data = e.data;
      if (typeof data === "string" && data.startsWith("flood")) {
        const [, n, size] = data.split(" ");
        const chunk = "x".repeat(Number(size));
        for (let i = 0; i < Number(n); i++) server.send(chunk);
        return;
      }
      note(p, "message", typeof data === "string" ? data : "binary");
      if (data === "throw") throw new Error("boom");
      if (data === "closeback") { server.close(1000, "back"); return; }
      if (p !== "/quiet") server.send(data);
    });
    if (p.startsWith("/throwclose")) server.addEventListener("close", () => { note(p, "throwing in close"); throw new Error("inclose"); });
    if (p === "/throw2") server.addEventListener("message", (e) => note(p, "second listener", e.data));
    server.addEventListener("close", (e) => note(p, "close", e.code, e.reason, cps(e.reason), e.wasClean, server.readyState));
    server.addEventListener("error", (e) => note(p, "error", e.message, String(e.error), server.readyState));
    return new Response(null, {status: 101, webSocket: client});
  }
};
"""

PY_TWIN = r'''
import asyncio
from urllib.parse import urlparse, parse_qs
from js import WebSocketPair, Object, Response as JsResponse, Uint8Array, queueMicrotask, setTimeout
from pyodide.ffi import create_proxy
from workers import WorkerEntrypoint, Response

LOG = []


def note(*a):
    LOG.append(list(a))


async def pair(kind):
    ev = []
    a, b = Object.values(WebSocketPair.new())
    a.accept(); b.accept()
    if kind == "ab":
        b.binaryType = "arraybuffer"
    d = lambda e: e.data if isinstance(e.data, str) else e.data.constructor.name
    b.addEventListener("message", create_proxy(lambda e: ev.append("b msg " + d(e))))
    b.addEventListener("close", create_proxy(lambda e: ev.append(f"b close {e.code} {e.reason} rs{b.readyState}")))
    a.addEventListener("message", create_proxy(lambda e: ev.append("a msg " + d(e))))
    a.addEventListener("close", create_proxy(lambda e: ev.append(f"a close {e.code} {e.reason} rs{a.readyState}")))
    queueMicrotask(create_proxy(lambda: ev.append("microtask")))
    setTimeout(create_proxy(lambda: ev.append("timeout0")), 0)
    if kind == "pingpong":
        for end in (a, b):
            end.addEventListener("message", create_proxy(
                lambda e, end=end: int(e.data) < 6 and end.send(str(int(e.data) + 1))))
        a.send("0"); ev.append("sync end")
        await asyncio.sleep(0.1)
        return ev
    if kind == "micro":
        b.addEventListener("message", create_proxy(
            lambda e: queueMicrotask(create_proxy(lambda: ev.append("after " + d(e))))))
    a.send("1"); ev.append("sent 1")
    if kind in ("blob", "ab"):
        a.send(Uint8Array.new([1, 2]))
    a.send("2")
    b.send("from b")
    if kind != "noclose":
        a.close(4000, "x"); ev.append("closed a")
    ev.append("sync end")
    await asyncio.sleep(0.1)
    ev.append(f"rs {a.readyState} {b.readyState}")
    return ev


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        url = urlparse(request.url); p = url.path
        if p == "/":
            return Response("ready")
        if p == "/log":
            out = list(LOG); LOG.clear()
            return Response.json(out)
        if p == "/pair":
            return Response.json(await pair(parse_qs(url.query)["k"][0]))
        client, server = Object.values(WebSocketPair.new())
        server.accept()

        def on_message(e):
            data = e.data
            if isinstance(data, str) and data.startswith("flood"):
                _, n, size = data.split(" ")
                chunk = "x" * int(size)
                for _ in range(int(n)):
                    server.send(chunk)
                return
            note(p, "message", data if isinstance(data, str) else "binary")
            if data == "throw":
                raise ValueError("boom")
            if data == "closeback":
                server.close(1000, "back"); return
            if p != "/quiet":
                server.send(data)

        server.addEventListener("message", create_proxy(on_message))
        if p.startswith("/throwclose"):
            def throwing(e):
                note(p, "throwing in close")
                raise ValueError("inclose")
            server.addEventListener("close", create_proxy(throwing))
        if p == "/throw2":
            server.addEventListener("message", create_proxy(lambda e: note(p, "second listener", e.data)))
        server.addEventListener("close", create_proxy(lambda e: note(p, "close", e.code, e.reason,
                                                                     [format(ord(c), "x") for c in e.reason],
                                                                     e.wasClean, server.readyState)))
        server.addEventListener("error", create_proxy(
            lambda e: note(p, "error", e.message, str(e.error), server.readyState)))
        return JsResponse.new(None, status=101, webSocket=client)
'''

KEY = b"dGhlIHNhbXBsZSBub25jZQ=="


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# -- a raw client ---------------------------------------------------------------------------------
def _connect(port: int, path: str, method: bytes = b"GET", extra: bytes | None = None) -> tuple[socket.socket, bytes]:
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    headers = (b"Sec-WebSocket-Key: " + KEY + b"\r\nSec-WebSocket-Version: 13\r\n") if extra is None else extra
    sock.sendall(method + b" " + path.encode() + b" HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\n"
                 b"Connection: Upgrade\r\n" + headers + b"\r\n")
    head = b""
    while b"\r\n\r\n" not in head and (chunk := sock.recv(1)):
        head += chunk
    return sock, head


def _send(sock: socket.socket, opcode: int, payload: bytes) -> None:
    mask = os.urandom(4)
    size = len(payload)
    head = bytes([0x80 | opcode]) + (bytes([0x80 | size]) if size < 126 else bytes([0x80 | 126]) + struct.pack("!H", size))
    sock.sendall(head + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))


def _exactly(sock: socket.socket, size: int) -> bytes:
    data = bytearray()
    while len(data) < size:
        chunk = sock.recv(min(size - len(data), 1 << 20))
        if not chunk:
            raise EOFError(bytes(data))
        data += chunk
    return bytes(data)


def _receive(sock: socket.socket) -> Any:
    try:
        first, second = _exactly(sock, 2)
        size = second & 0x7F
        if size == 126:
            size = struct.unpack("!H", _exactly(sock, 2))[0]
        elif size == 127:
            size = struct.unpack("!Q", _exactly(sock, 8))[0]
        return [first & 0x0F, _exactly(sock, size).decode("latin-1")]
    except (EOFError, OSError) as error:
        return type(error).__name__


def _rest(sock: socket.socket) -> str:
    sock.settimeout(3)
    try:
        data = b""
        while chunk := sock.recv(4096):
            data += chunk
        return "end:" + data.decode("latin-1")
    except OSError as error:
        return type(error).__name__


def _log(port: int) -> Any:
    time.sleep(0.5)
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/log", timeout=10) as answer:
        return json.loads(answer.read())


def probe(port: int) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, reason in (("bad", b"a\xff\xfeb"), ("truncated", b"x\xe2\x82"), ("surrogate", b"\xed\xa0\x80z")):
        sock, _ = _connect(port, "/reason-" + name)
        _send(sock, 8, struct.pack("!H", 4001) + reason)
        out[f"reason {name}: reply"] = _receive(sock)
        sock.close()
        out[f"reason {name}: events"] = _log(port)
    for name in ("fin", "rst", "rst-at-once", "half-close"):
        sock, _ = _connect(port, "/" + name)
        if name != "rst-at-once":
            _send(sock, 1, b"hi")
            _receive(sock)
        if name.startswith("rst"):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        if name == "half-close":
            sock.shutdown(socket.SHUT_WR)
            out["half-close: server"] = _rest(sock)
        sock.close()
        out[f"{name}: events"] = _log(port)
    for path in ("/throw", "/throw2"):
        sock, _ = _connect(port, path)
        _send(sock, 1, b"a")
        out[f"{path}: echo"] = _receive(sock)
        _send(sock, 1, b"throw")
        out[f"{path}: after"] = _receive(sock)
        sock.close()
        out[f"{path}: events"] = _log(port)
    sock, _ = _connect(port, "/throwclose-clean")
    _send(sock, 8, struct.pack("!H", 4001) + b"bye")
    out["throwclose clean: reply"] = _receive(sock)
    sock.close()
    out["throwclose clean: events"] = _log(port)
    sock, _ = _connect(port, "/throwclose-gone")
    sock.close()
    out["throwclose gone: events"] = _log(port)
    sock, _ = _connect(port, "/throwclose-back")
    _send(sock, 1, b"closeback")
    out["throwclose back: close"] = _receive(sock)
    _send(sock, 8, struct.pack("!H", 1000) + b"ok")
    out["throwclose back: after"] = _rest(sock)
    sock.close()
    out["throwclose back: events"] = _log(port)
    for kind in ("text", "blob", "ab", "noclose", "pingpong", "micro"):
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/pair?k={kind}", timeout=30) as answer:
            out[f"pair {kind}"] = json.loads(answer.read())
    for name, method, extra in (("refused-post", b"POST", None), ("refused-head", b"HEAD", None),
                                ("refused-v12", b"GET", b"Sec-WebSocket-Key: " + KEY + b"\r\nSec-WebSocket-Version: 12\r\n"),
                                ("refused-nokey", b"GET", b"Sec-WebSocket-Version: 13\r\n")):
        sock, head = _connect(port, "/" + name + "/x/..?q=1", method, extra)
        out[name] = (head + _rest(sock).encode("latin-1")).decode("latin-1")
        sock.close()
    return out


def _normal(value: Any) -> str:
    text = json.dumps(value)
    text = re.sub(r'PythonError: Traceback \(most recent call last\):.*?ValueError: (\w+)\\n', r"<error \1>", text)
    text = re.sub(r"Error: (boom|inclose)", r"<error \1>", text)
    return re.sub(r"end:|\d+ms", "", text)


def _request_lines(log: str) -> list[str]:
    return [re.sub(r"\(\d+ms\)", "(Nms)", line) for line in log.splitlines()
            if line.startswith("[wrangler:info] ") and "/refused-" in line]


# -- the two servers ------------------------------------------------------------------------------
class _Served:
    def __init__(self, command: list[str], folder: Path, environ: dict[str, str]):
        self.port = _free_port()
        self.log_path = folder / "server.log"
        self.log = self.log_path.open("w")
        command = [part.replace("{port}", str(self.port)).replace("{inspector}", str(_free_port())) for part in command]
        self.proc = subprocess.Popen(command, cwd=folder, stdout=self.log, stderr=subprocess.STDOUT,
                                     stdin=subprocess.DEVNULL, start_new_session=True, env=environ)
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/", timeout=5) as answer:
                    if answer.read() == b"ready":
                        break
            except OSError:
                pass
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"{command[0]} did not start:\n" + self.log_path.read_text())
            time.sleep(0.5)

    def pids(self) -> list[int]:
        """The server's processes (wrangler's workerd ones, or workers-env dev itself)."""
        found = subprocess.run(["ps", "-eo", "pid,pgid,args"], capture_output=True, text=True).stdout.splitlines()
        mine = [line.split(None, 2) for line in found[1:]]
        pids = [int(pid) for pid, pgid, args in mine if int(pgid) == self.proc.pid and "workerd" in args]
        return pids or [self.proc.pid]

    def close(self) -> None:
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)
            self.proc.wait(timeout=15)
        except ProcessLookupError:
            pass
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
        self.log.close()


def _servers(tmp: Path, date: str) -> tuple[_Served, _Served]:
    js, py = tmp / f"js-{date}", tmp / f"py-{date}"
    (js / "src").mkdir(parents=True)
    (js / "src" / "index.js").write_text(JS_TWIN)
    (js / "wrangler.toml").write_text(f'name = "ws"\nmain = "src/index.js"\ncompatibility_date = "{date}"\n'
                                      "no_bundle = true\n")
    (py / "src").mkdir(parents=True)
    (py / "src" / "entry.py").write_text(PY_TWIN)
    (py / "wrangler.toml").write_text(f'name = "ws"\nmain = "src/entry.py"\ncompatibility_date = "{date}"\n'
                                      'compatibility_flags = ["python_workers"]\n')
    (py / "pyproject.toml").write_text('[project]\nname = "w"\nversion = "0.1.0"\nrequires-python = ">=3.12"\n'
                                       'dependencies = []\n\n[dependency-groups]\ndev = ["workers-py", '
                                       '"workers-runtime-sdk"]\n')
    environ = {**os.environ, "XDG_CONFIG_HOME": str(tmp / "config"), "PYTHONUNBUFFERED": "1"}
    wrangler = _Served([str(HERE / "wrangler"), "dev", "--ip", "127.0.0.1", "--port", "{port}", "--inspector-port",
                        "{inspector}", "--show-interactive-dev-session=false"], js, environ)
    ours = _Served([sys.executable, "-m", "workers_env", "dev", "--ip", "127.0.0.1", "--port", "{port}"], py,
                   {**environ, "PYTHONPATH": str(ROOT)})
    return wrangler, ours


def _rss(pids: list[int]) -> int:
    total = 0
    for pid in pids:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS"):
                total += int(line.split()[1]) // 1024
    return total


def flood(served: _Served, count: int, size: int) -> str:
    pids = served.pids()
    sock, _ = _connect(served.port, "/quiet")
    before = _rss(pids)
    _send(sock, 1, f"flood {count} {size}".encode())
    peak = before
    for _ in range(8):
        time.sleep(1)
        peak = max(peak, _rss(pids))
    got = 0
    while got < count and isinstance(_receive(sock), list):
        got += 1
    sock.close()
    return f"{before} MiB, +{peak - before} MiB while not reading; {got}/{count} messages arrived"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dates", nargs="+", default=["2026-09-14", "2026-09-15"])
    parser.add_argument("--flood", nargs=2, type=int, metavar=("N", "SIZE"))
    args = parser.parse_args()
    total = same = 0
    with tempfile.TemporaryDirectory(prefix="ws-differential-") as folder:
        for date in args.dates:
            wrangler, ours = _servers(Path(folder), date)
            try:
                if args.flood:
                    print(date, "wrangler dev:", flood(wrangler, *args.flood))
                    print(date, "workers-env dev:", flood(ours, *args.flood))
                    continue
                theirs, mine = probe(wrangler.port), probe(ours.port)
                time.sleep(0.5)
                theirs["request lines"] = _request_lines(wrangler.log_path.read_text())
                mine["request lines"] = _request_lines(ours.log_path.read_text())
            finally:
                wrangler.close()
                ours.close()
            for key, value in theirs.items():
                total += 1
                if _normal(value) == _normal(mine.get(key)):
                    same += 1
                else:
                    print(f"{date} {key}:\n  wrangler:    {_normal(value)}\n  workers-env: {_normal(mine.get(key))}")
    if total:
        print(f"{same} of {total} the same (exception texts and durations aside)")


if __name__ == "__main__":
    main()
