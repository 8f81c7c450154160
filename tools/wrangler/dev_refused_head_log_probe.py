"""Probe: what ``wrangler dev`` 4.164.0 prints when its front server refuses a request's head (a NUL
byte in a header value, as Schemathesis' "Supports NULL byte in headers" probe sends one; a bad
method, version, target or header line; no ``Host``, two; a bad ``Content-Length``; a TLS
handshake), against what ``workers-env dev`` prints for the same bytes. A JavaScript twin and a
Python Worker that both answer ``ok``; each case's first answer line and the lines each server
printed after it, colours, times and ports masked. A request refused so never reaches the Worker,
so neither prints a request line for it.
Run: PATH=$(cat /tmp/wrangler/node-bin-path):$PATH WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler
PYTHONPATH=/abs/tree python3 tools/wrangler/dev_refused_head_log_probe.py [--js-only]"""
import os, re, socket, sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from dev_uncaught_kinds_probe import printed_per_case, twin  # noqa: E402 - the same way of running both

WORK = Path(os.environ.get("TMPDIR", "/tmp")) / "dev_refused_head_log_probe"
HOST = b"Host: 127.0.0.1\r\nConnection: close\r\n"
CASES = {
    "NUL in a header value": b"GET / HTTP/1.1\r\n" + HOST + b"X-A: \x00\r\n\r\n",
    "control byte in a header value": b"GET / HTTP/1.1\r\n" + HOST + b"X-A: a\x01b\r\n\r\n",
    "header without colon": b"GET / HTTP/1.1\r\n" + HOST + b"Bad Header Here\r\n\r\n",
    "bad header name": b"GET / HTTP/1.1\r\n" + HOST + b"X(A): 1\r\n\r\n",
    "folded header": b"GET / HTTP/1.1\r\n" + HOST + b"X-A: 1\r\n 2\r\n\r\n",
    "bad method character": b"GE@T / HTTP/1.1\r\n" + HOST + b"\r\n",
    "bad version": b"GET / HTTP/2.0\r\n" + HOST + b"\r\n",
    "control byte in target": b"GET /a\x01b HTTP/1.1\r\n" + HOST + b"\r\n",
    "no Host": b"GET / HTTP/1.1\r\nConnection: close\r\n\r\n",
    "two Hosts": b"GET / HTTP/1.1\r\n" + HOST + b"Host: b\r\n\r\n",
    "bad Content-Length": b"POST / HTTP/1.1\r\n" + HOST + b"Content-Length: abc\r\n\r\nx",
    "Transfer-Encoding: gzip": b"POST / HTTP/1.1\r\n" + HOST + b"Transfer-Encoding: gzip\r\n\r\nxy",
    "TLS ClientHello start": b"\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03" + bytes(range(32)),
    "served (control)": b"GET /ok HTTP/1.1\r\n" + HOST + b"\r\n",
}
JS = 'export default { async fetch() { return new Response("ok"); } };\n'
PY = '''from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("ok")
'''


def _ask(port, raw):
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(raw)
        sock.settimeout(5)
        try:
            return sock.recv(300).split(b"\r\n")[0].decode("latin-1") or "(closed, no answer)"
        except OSError as exc:
            return type(exc).__name__


def _masked(text):
    out = []
    for line in re.sub(r"\x1b\[[0-9;]*m", "", text).splitlines():
        if not line.strip() or "Request.cf" in line or "getaddrinfo" in line or re.match(r"^\s+at \S", line):
            continue  # (wrangler's offline note on its cf object: printed at start, not per request)
        line = re.sub(r"127\.0\.0\.1:\d+", "127.0.0.1:PORT", line)
        out.append(re.sub(r"\(\d+ms\)", "(Nms)", line))
    return out


def run(kind):
    cmd = twin(WORK / kind, kind, JS, PY)
    # (the log outside the project: wrangler reloads on a change inside it)
    return printed_per_case(WORK / kind, cmd, WORK / f"{kind}.log", list(CASES),
                            lambda port, case: _ask(port, CASES[case]), _masked, settle=1.0)


def main():
    kinds = ["js"] if "--js-only" in sys.argv else ["js", "py"]
    results = {kind: run(kind) for kind in kinds}
    same = 0
    for case in CASES:
        lines = {kind: results[kind][case] for kind in kinds}
        agree = len(kinds) == 2 and lines["js"] == lines["py"]
        same += agree
        print(f"=== {case}: {'same' if agree else 'DIFFERENT'}")
        for kind in kinds:
            print(f"  {'wrangler' if kind == 'js' else 'workers-env'}:")
            print("\n".join("    " + repr(line) for line in lines[kind]))
    if len(kinds) == 2:
        print(f"{same}/{len(CASES)} cases alike")


if __name__ == "__main__":
    main()
