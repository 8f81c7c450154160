"""What workerd does with a subrequest still under way when its request ends (outside the test run).

A JavaScript Worker under ``wrangler dev`` (local workerd) starts ``fetch()`` of a local origin
that never answers, neither awaiting it nor handing it to ``waitUntil``, and answers 100 ms later;
the origin notes when the request arrived and when its connection closed. workerd tears the
request's IoContext down once its response is out and cancels that fetch: the connection closes
then (measured 0.11 s after the request was sent, 2026-12-02). workers-env does the same at the
request's end (README: a subrequest no longer awaited is dropped when its request ends).

Then ``/connecting`` does the same with a local listener whose backlog is full and that never
accepts, so the subrequest's connect itself never completes: the probe counts the sockets in
SYN-SENT to it (/proc/net/tcp, Linux) before, during and 2 s after the request. workerd drops
the pending connect when the request ends (measured 1 before -- the probe's own --, 2 during, 1
after, 2026-12-02); so does workers-env
(tests/test_runtime_subrequest_still_connecting_ends_with_its_request.py).

    WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler WRANGLER_SEND_METRICS=false python3 tools/wrangler/subrequest_end_probe.py

Not collected by pytest (needs Node and wrangler's node_modules).
"""

from __future__ import annotations

import os
import select
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from casediff import _free_port

JS_WORKER = """
export default {
  async fetch(request, env, ctx) {
    if (new URL(request.url).pathname === "/ready") return new Response("ready");
    const path = new URL(request.url).pathname;
    // not awaited, no waitUntil: an origin that never answers, or (/connecting) a listener whose
    // backlog is full, so the connect itself never completes
    fetch(path === "/connecting" ? "http://127.0.0.1:%d/" : "http://127.0.0.1:%d/silent");
    await new Promise((resolve) => setTimeout(resolve, 100));
    return new Response("answered");
  },
};
"""


def silent_origin(events: list[tuple[str, float]]) -> int:
    """A local origin that reads a request and never answers; notes ``request`` and ``closed``."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(5)

    def handle(conn: socket.socket) -> None:
        with conn:
            conn.settimeout(60)
            conn.recv(65536)
            events.append(("request", time.monotonic()))
            try:
                while conn.recv(65536):
                    pass
                events.append(("closed", time.monotonic()))
            except OSError:
                events.append(("timed out", time.monotonic()))

    def serve() -> None:
        while True:
            conn, _ = server.accept()
            threading.Thread(target=handle, args=(conn,), daemon=True).start()

    threading.Thread(target=serve, daemon=True).start()
    return server.getsockname()[1]


def unaccepting_listener() -> tuple[socket.socket, list[socket.socket]]:
    """A listener that never accepts, its backlog filled: connects are made to it until one is
    left waiting (its SYN dropped), as every later one will be (each stays in SYN-SENT)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(0)
    fillers: list[socket.socket] = []
    while len(fillers) < 64:
        filler = socket.socket()
        fillers.append(filler)
        filler.setblocking(False)
        try:
            filler.connect(server.getsockname())
        except BlockingIOError:
            pass
        if not select.select([], [filler], [], 0.5)[1]:
            break
    return server, fillers


def connecting_to(port: int) -> int:
    """How many sockets of this machine are in SYN-SENT to 127.0.0.1:``port`` (/proc/net/tcp)."""
    wanted = f"0100007F:{port:04X}"
    with open("/proc/net/tcp") as table:
        return sum(1 for line in table.readlines()[1:] if line.split()[2] == wanted and line.split()[3] == "02")


def main() -> int:
    events: list[tuple[str, float]] = []
    origin = silent_origin(events)
    listener, fillers = unaccepting_listener()
    listening = listener.getsockname()[1]
    with tempfile.TemporaryDirectory(prefix="subrequest-end-") as folder:
        app = Path(folder) / "app"
        (app / "src").mkdir(parents=True)
        (app / "src" / "index.js").write_text(JS_WORKER % (listening, origin))
        (app / "wrangler.toml").write_text('name = "subrequest-end"\nmain = "src/index.js"\n'
                                            'compatibility_date = "2026-09-28"\nno_bundle = true\n')
        port, inspector = _free_port(), _free_port()
        with (Path(folder) / "wrangler.log").open("w") as log:
            proc = subprocess.Popen([str(HERE / "wrangler"), "dev", "--ip", "127.0.0.1", "--port", str(port),
                                     "--inspector-port", str(inspector), "--show-interactive-dev-session=false"],
                                    cwd=app, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                    start_new_session=True, env={**os.environ, "XDG_CONFIG_HOME": f"{folder}/config"})
            try:
                for _ in range(240):
                    try:
                        with urllib.request.urlopen(f"http://127.0.0.1:{port}/ready", timeout=5) as r:
                            if r.read() == b"ready":
                                break
                    except OSError:
                        time.sleep(0.5)
                start = time.monotonic()
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=30) as r:
                    print("answer:", r.read().decode(), f"after {time.monotonic() - start:.2f} s")
                time.sleep(5)  # wrangler dev still running: only the request's end can close it
                for what, when in events:
                    print(f"origin: {what} at {when - start:.2f} s")
                # the connecting case: sockets still in SYN-SENT to the full listener, beside the probe's own
                before = connecting_to(listening)
                peak = [before]
                sampling = threading.Event()

                def sample() -> None:
                    while not sampling.is_set():
                        peak[0] = max(peak[0], connecting_to(listening))
                        time.sleep(0.005)

                sampler = threading.Thread(target=sample, daemon=True)
                sampler.start()
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/connecting", timeout=30) as r:
                    print("connecting: answer:", r.read().decode())
                sampling.set()
                sampler.join()
                time.sleep(2)  # wrangler dev still running; the kernel retries a live SYN for minutes
                after = connecting_to(listening)
                print(f"connecting: SYN-SENT sockets to the listener: {before} before, {peak[0]} while the "
                      f"request ran, {after} 2 s after it ended")
                connect_cancelled = peak[0] > before and after == before
            finally:
                os.killpg(proc.pid, signal.SIGTERM)
                proc.wait(timeout=15)
    for filler in fillers:
        filler.close()
    listener.close()
    return 0 if [what for what, _ in events] == ["request", "closed"] and connect_cancelled else 1


if __name__ == "__main__":
    raise SystemExit(main())
