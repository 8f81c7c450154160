"""Probe (review73): what ``fetch()`` answers for an origin whose head is cut off or is no HTTP --
half a status line, half a line, ``100``/``103`` alone or before a ``200``, an HTTP/0.9-style
reply, nothing, a status line alone, headers without their blank line, a ``101`` no WebSocket
asked for, a TLS origin spoken to in plain HTTP; devprobes69 added heads that are whole but not
HTTP (``garbage``, a status of letters or of four digits, ``HTTP/2.0``, a header line without a
colon) -- under wrangler dev (a JS twin) and workers-env (the Python Worker doing the same), side
by side; ``--flag NAME`` gives both Workers that compatibility flag (``fetch_invalid_response_type_error``).
Measured 2026-12-05 with 4.164.0: 12/12 alike, each not-HTTP head ``Error: Network connection
lost.``; 2026-12-07 with 4.168.0 (workerd 1.20261123.1): a whole head that is not HTTP ``Error:
Server returned invalid HTTP response: ... (client error (SendRequest): invalid HTTP <part> parsed)``.
Run: PATH=$(cat /tmp/wrangler/node-bin-path):$PATH WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler
PYTHONPATH=/abs/tree python3 tools/wrangler/fetch_ended_head_probe.py [--flag NAME]"""
import asyncio, json, os, socket, ssl, subprocess, sys, tempfile, threading, time, urllib.request
from pathlib import Path

DIR = os.environ.get("WORKERS_ENV_WRANGLER_DIR", "/tmp/wrangler")
CASES = {
    "/half": b"HTTP/1.1 20", "/half-line": b"HTTP/1.1 200 O",
    "/1xx-only": b"HTTP/1.1 100 Continue\r\n\r\n", "/103-only": b"HTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n",
    "/1xx-then-200": b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok",
    "/103-then-200": b"HTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok",
    "/http09": b"hello world\n", "/empty": b"", "/status-only": b"HTTP/1.1 200 OK\r\n",
    "/no-blank": b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n",
    "/101": b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: x\r\nConnection: Upgrade\r\n\r\n",
    "/garbage": b"garbage\r\n\r\n", "/letters": b"HTTP/1.1 abc OK\r\n\r\n",
    "/four-digits": b"HTTP/1.1 1000 Weird\r\nContent-Length: 2\r\n\r\nok",
    "/http2": b"HTTP/2.0 200 OK\r\nContent-Length: 2\r\n\r\nok",
    "/no-colon": b"HTTP/1.1 200 OK\r\nBad Header\r\nContent-Length: 2\r\n\r\nok",
}
FLAGS = [sys.argv[sys.argv.index("--flag") + 1]] if "--flag" in sys.argv else []
PATHS = [*CASES, "/tls"]
JS = """export default { async fetch(req) {
  const origin = req.headers.get("x-origin"), tls = req.headers.get("x-tls"), out = {};
  for (const path of %s) {
    try { const r = await fetch(path === "/tls" ? tls + "/" : origin + path);
          out[path] = `answered ${r.status} ${JSON.stringify(await r.text())}`; }
    catch (e) { out[path] = `${e.name}: ${e.message}`; } }
  return Response.json(out); } };
""" % json.dumps(PATHS)
PY = """import json
import js
from workers import Response, WorkerEntrypoint
class Default(WorkerEntrypoint):
    async def fetch(self, request):
        origin, tls, out = request.headers.get("x-origin"), request.headers.get("x-tls"), {}
        for path in %r:
            try:
                r = await js.fetch(tls + "/" if path == "/tls" else origin + path)
                out[path] = f"answered {r.status} {json.dumps(await r.text())}"
            except Exception as e:
                out[path] = f"{e.name}: {e.message}"
        return Response.json(out)
""" % (PATHS,)


def listen() -> socket.socket:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    s.listen(50)
    return s


def serve(sock: socket.socket, tls: ssl.SSLContext | None = None) -> None:
    while True:
        conn, _ = sock.accept()

        def one(c=conn):
            try:
                if tls is not None:
                    try:
                        c = tls.wrap_socket(c, server_side=True)
                    except (OSError, ssl.SSLError):
                        return
                data = b""
                while b"\r\n\r\n" not in data and (more := c.recv(4096)):
                    data += more
                c.sendall(CASES.get(data.split(b" ")[1].decode() if data else "/", b""))
                time.sleep(0.2)
            finally:
                c.close()
        threading.Thread(target=one, daemon=True).start()


def main() -> int:
    work = Path(tempfile.mkdtemp())
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", work / "key.pem", "-out",
                    work / "cert.pem", "-days", "2", "-subj", "/CN=localhost"], check=True, capture_output=True)
    plain, secure = listen(), listen()
    tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    tls.load_cert_chain(work / "cert.pem", work / "key.pem")
    threading.Thread(target=serve, args=(plain,), daemon=True).start()
    threading.Thread(target=serve, args=(secure, tls), daemon=True).start()
    headers = {"x-origin": f"http://127.0.0.1:{plain.getsockname()[1]}", "x-tls": f"http://127.0.0.1:{secure.getsockname()[1]}"}
    (work / "js").mkdir()
    (work / "js" / "index.js").write_text(JS)
    (work / "js" / "wrangler.toml").write_text('name = "t"\nmain = "index.js"\ncompatibility_date = "2026-11-20"\n'
                                               f'compatibility_flags = {json.dumps(FLAGS)}\n')
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    dev = subprocess.Popen([f"{DIR}/node_modules/.bin/wrangler", "dev", "--port", str(port), "--ip", "127.0.0.1"],
                           cwd=work / "js", stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                           env={**os.environ, "CI": "1", "WRANGLER_SEND_METRICS": "false"})
    try:
        assert dev.stdout is not None
        for line in dev.stdout:
            if "Ready on" in line:
                break
        ask = urllib.request.Request(f"http://127.0.0.1:{port}/", headers=headers)
        wrangler = json.loads(urllib.request.urlopen(ask, timeout=60).read())
    finally:
        dev.terminate()
        dev.wait(20)
    from workers_env import load_worker
    (work / "py" / "src").mkdir(parents=True)
    (work / "py" / "src" / "entry.py").write_text(PY)
    (work / "py" / "wrangler.toml").write_text('name = "t"\nmain = "src/entry.py"\ncompatibility_date = "2026-11-20"\n'
                                               f'compatibility_flags = {json.dumps(["python_workers", *FLAGS])}\n')
    (work / "py" / "pyproject.toml").write_text('[tool.workers-env]\npython-sdk = "1.9.5"\n')
    worker = load_worker(work / "py")

    async def ours() -> dict[str, str]:
        return json.loads(await (await worker.fetch("/", headers=headers)).text())

    mine = asyncio.run(ours())
    for path in PATHS:
        print(f"{'same' if mine[path] == wrangler[path] else 'DIFF':5} {path:15} wrangler: {wrangler[path]}   ours: {mine[path]}")
    print(f"{sum(mine[p] == wrangler[p] for p in PATHS)}/{len(PATHS)} alike")
    return 0


if __name__ == "__main__":
    sys.exit(main())
