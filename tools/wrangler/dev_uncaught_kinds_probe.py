"""Probe: what ``wrangler dev`` 4.164.0 prints for the uncaught errors no event reports -- an error a
microtask throws (in a request, and at the Worker's top level, where Python Workers' top-level
``setTimeout(cb, 0)`` patch queues ``cb`` as one), a microtask setting a header on the ``Response``
the handler returns (in the answer: microtasks run before workerd takes it), a timer's, a failing
task nobody awaits and a coroutine turned into a promise nobody awaits (the twin prints, as
``console.error`` lines, what Pyodide 0.28.2/314.0.6 print on stderr for them:
tools/pyodide/unhandled_task_probe.mjs), and the two workerd reports without an exception
object (a request whose ``Host`` makes no URL; a WebSocket end the Worker accepted itself) --
against what ``workers-env dev`` prints for the Python Worker that does the same (an ``OPTIONS *`` with a port in ``Host`` is a
second URL workerd cannot make; ``Promise.resolve(coroutine)`` a coroutine turned into a promise). The twin is
unbundled (``no_bundle``), and what it throws is an error named ``PythonError`` whose message is a
traceback, as Pyodide's is. Prints each one's lines of each, colours, JS frames (``at ...``),
times and ports masked.
Run: PATH=$(cat /tmp/wrangler/node-bin-path):$PATH WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler
PYTHONPATH=/abs/tree python3 tools/wrangler/dev_uncaught_kinds_probe.py [--js-only]"""
import json, os, re, shutil, signal, socket, subprocess, sys, time, urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from dev_section_differential import free_port, stop  # noqa: E402 - the same way of stopping dev

DIR = os.environ.get("WORKERS_ENV_WRANGLER_DIR", "/tmp/wrangler")
WORK = Path(os.environ.get("TMPDIR", "/tmp")) / "dev_uncaught_kinds_probe"
CASES = ["micro", "microhead", "timer", "reject", "jsreject", "badhost", "options", "accepted"]
TB = ('Traceback (most recent call last):\\n  File "/session/metadata/entry.py", line 9, in boom\\n'
      '    raise ValueError("boom-%s")\\nValueError: boom-%s\\n')
JS = '''class PythonError extends Error {}
Object.defineProperty(PythonError.prototype, "name", { value: "PythonError" });
const boom = (k) => { throw new PythonError('%s'.replaceAll("%%s", k)); };
const PYODIDE = %s;
%s
export default { async fetch(req) {
  const kind = new URL(req.url).pathname.slice(1);
  if (kind === "micro") queueMicrotask(() => boom("micro"));
  if (kind === "microhead") { const r = new Response("ok"); queueMicrotask(() => r.headers.set("x-micro", "1")); return r; }
  if (kind === "timer") { setTimeout(() => boom("timer"), 0); await new Promise((r) => setTimeout(r, 50)); }
  if (kind === "reject" || kind === "jsreject") { for (const line of PYODIDE[kind]) console.error(line); await new Promise((r) => setTimeout(r, 50)); }
  if (kind === "accepted") { const [c, s] = Object.values(new WebSocketPair()); c.accept();
    return new Response(null, { status: 101, webSocket: c }); }
  return new Response("ok"); } };
'''
PY = '''import asyncio
from js import Object, Promise, WebSocketPair, queueMicrotask, setTimeout, Response as JsResponse
from pyodide.ffi import create_proxy
from workers import Response, WorkerEntrypoint


def boom(kind):
    raise ValueError("boom-" + kind)

%s

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        kind = request.url.rsplit("/", 1)[1]
        if kind == "micro":
            queueMicrotask(create_proxy(lambda: boom("micro")))
        if kind == "microhead":
            answer = JsResponse.new("ok")
            queueMicrotask(create_proxy(lambda: answer.headers.set("x-micro", "1")))
            return answer
        if kind == "timer":
            setTimeout(create_proxy(lambda: boom("timer")), 0)
            await asyncio.sleep(0.05)
        if kind == "reject":
            async def fails():
                boom("reject")
            asyncio.ensure_future(fails())
            await asyncio.sleep(0.05)
        if kind == "jsreject":
            async def fails_too():
                boom("jsreject")
            Promise.resolve(fails_too())
            await asyncio.sleep(0.05)
        if kind == "accepted":
            client, server = Object.values(WebSocketPair.new())
            client.accept()
            return JsResponse.new(None, status=101, webSocket=client)
        return Response("ok")
'''
TOP_JS = 'queueMicrotask(() => boom("top"));'
# what Pyodide 0.28.2 and 314.0.6 print on stderr -- production's console.error lines -- for the Python
# twin's failing task nobody awaits (at once) and its coroutine handed to Promise.resolve (when collected):
# tools/pyodide/unhandled_task_probe.mjs (the file as deployed, /session/metadata/entry.py)
_AT = '  File "/session/metadata/entry.py", line %d, in %s'
_TRACE = "Traceback (most recent call last):"
_REJECTED = ["PythonError: " + _TRACE, _AT % (31, "fails_too"), '    boom("jsreject")', _AT % (8, "boom"),
             '    raise ValueError("boom-" + kind)', "ValueError: boom-jsreject"]
PYODIDE = {"reject": ["Unhandled exception in event loop", _TRACE, "", _AT % (26, "fails"), '    boom("reject")', "",
                      _AT % (8, "boom"), '    raise ValueError("boom-" + kind)', "", "ValueError: boom-reject", ""],
           "jsreject": ["PyodideFuture exception was never retrieved",
                        "future: <PyodideFuture finished exception=" + _REJECTED[0], *_REJECTED[1:], ">",
                        "pyodide.ffi.JsException: " + _REJECTED[0], *_REJECTED[1:], "", ""]}
TOP_PY = 'setTimeout(create_proxy(lambda: boom("top")), 0)'


def _ask(port, case):
    if case in ("badhost", "options"):
        with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
            sock.sendall(b"GET /x HTTP/1.1\r\nHost: a b\r\nConnection: close\r\n\r\n" if case == "badhost"
                         else b"OPTIONS * HTTP/1.1\r\nHost: h:1\r\nConnection: close\r\n\r\n")
            return sock.recv(200).split(b"\r\n")[0].decode()
    if case == "accepted":
        with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
            sock.sendall(b"GET /accepted HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                         b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
            sock.settimeout(3)
            try:
                return sock.recv(200).split(b"\r\n")[0].decode()
            except OSError as exc:
                return type(exc).__name__
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/{case}", timeout=10) as resp:
            return f"{resp.status} {resp.read().decode()} x-micro={resp.headers.get('x-micro')}"
    except urllib.error.HTTPError as err:
        return f"{err.code} {err.read().decode()[:60]!r}"
    except OSError as exc:
        return type(exc).__name__


def _masked(text):
    out = []
    for line in re.sub(r"\x1b\[[0-9;]*m", "", text).splitlines():
        if re.match(r"^\s+at \S", line) or not line.strip():
            continue
        line = re.sub(r"127\.0\.0\.1:\d+", "127.0.0.1:PORT", line)
        out.append(re.sub(r"\(\d+ms\)", "(Nms)", line))
    return out


def twin(folder, kind, js, py):
    """A fresh project at ``folder``: the JavaScript twin ``js`` (served unbundled, as wrangler serves
    a Python Worker) or the Python Worker ``py``; the command that serves it."""
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "src").mkdir(parents=True)
    if kind == "js":
        (folder / "src" / "index.js").write_text(js)
        head, cmd = 'main = "src/index.js"\nno_bundle = true\n', [f"{DIR}/node_modules/.bin/wrangler", "dev"]
    else:
        (folder / "src" / "entry.py").write_text(py)
        head = 'main = "src/entry.py"\ncompatibility_flags = ["python_workers"]\n'
        cmd = [sys.executable, "-m", "workers_env", "dev"]
    (folder / "wrangler.toml").write_text(f'name = "t"\n{head}compatibility_date = "2025-11-02"\n')
    return cmd


def printed_per_case(folder, cmd, logfile, cases, ask, masked, settle=1.5):
    """Serve ``cmd`` from ``folder`` (its output to ``logfile``) until it is ready, then ask each
    case (``ask(port, case)``) and keep what it printed meanwhile: ``{"start": lines, case:
    ["answer: ...", *lines]}``, lines through ``masked``; the server and its group stopped after."""
    port = free_port()
    log = open(logfile, "w")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CLOUDFLARE_", "WRANGLER_"))}
    env.update(WRANGLER_SEND_METRICS="false", CI="1", PYTHONUNBUFFERED="1")
    proc = subprocess.Popen(cmd + ["--port", str(port), "--ip", "127.0.0.1"], cwd=folder, env=env, stdout=log,
                            stderr=subprocess.STDOUT, start_new_session=True)
    seen = {}
    try:
        for _ in range(120):
            time.sleep(0.5)
            if "Ready on" in logfile.read_text() or proc.poll() is not None:
                break
        time.sleep(1.5)
        seen["start"] = masked(logfile.read_text())
        for case in cases:
            mark = logfile.stat().st_size
            answer = ask(port, case)
            time.sleep(settle)
            seen[case] = [f"answer: {answer}"] + masked(logfile.read_bytes()[mark:].decode("utf-8", "replace"))
    finally:
        stop(proc, signal.SIGTERM)  # (its group: wrangler's launcher passes no signal on)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            stop(proc, signal.SIGKILL)
            proc.wait()
        log.close()
    return seen


def run(kind, top):
    folder = WORK / f"{kind}{'-top' if top else ''}"
    cmd = twin(folder, kind, JS % (TB, json.dumps(PYODIDE), TOP_JS if top else ""), PY % (TOP_PY if top else ""))
    return printed_per_case(folder, cmd, folder / "log", [] if top else CASES, _ask, _masked)


def main():
    kinds = ["js"] if "--js-only" in sys.argv else ["js", "py"]
    for top in (False, True):
        results = {kind: run(kind, top) for kind in kinds}
        for case in results["js"]:
            if case == "start" and not top:
                continue
            print(f"=== {'top-level microtask' if top else case}")
            for kind in kinds:
                lines = results[kind][case]
                if case == "start":
                    lines = [line for line in lines if "boom" in line or "Uncaught" in line or "rror" in line]
                print(f"  {'wrangler' if kind == 'js' else 'workers-env'}:")
                print("\n".join("    " + repr(line) for line in lines))


if __name__ == "__main__":
    main()
