"""Probe (review77): what ``wrangler dev -c a -c b`` does when an edit of b's config makes it
consume the queue a consumes. JavaScript twins (a sends to ``q`` and consumes it; b sends to it).

    PATH=$(cat /tmp/wrangler/node-bin-path):$PATH WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler \\
        python3 tools/wrangler/dev_session_edit_probe.py

Measured 2026-12-05 (4.164.0): b's bindings table, ``⎔ Reloading local server...``, then
``✘ [ERROR] Multiple consumers defined for queue "q": "a" and "b"`` and wrangler exits 1 (the
request after the edit is refused: nothing listens). workers-env prints the same lines and keeps
the config that loaded last (tests/test_cli_dev_session_refuses_a_queue_two_workers_consume.py).
Not collected by pytest (needs Node and wrangler).
"""
import os, subprocess, sys, tempfile, time, urllib.request
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parent))
import casediff

def src(name):
    return ('export default { async fetch(req, env) { if (env.P) await env.P.send("from ' + name + '"); return new Response("' + name + ' sent"); },\n'
            '  async queue(batch) { for (const m of batch.messages) { console.log("' + name + ' got " + m.body); m.ack(); } } };\n')
PROD = '\n[[queues.producers]]\nbinding = "P"\nqueue = "q"\n'
CONS = '\n[[queues.consumers]]\nqueue = "q"\nmax_batch_timeout = 1\n'
with tempfile.TemporaryDirectory(prefix="mcprobe-") as folder:
    root = Path(folder)
    for name, extra in (("a", PROD + CONS), ("b", PROD)):
        (root / name / "src").mkdir(parents=True)
        (root / name / "src" / "index.js").write_text(src(name))
        (root / name / "wrangler.toml").write_text(f'name = "{name}"\nmain = "src/index.js"\ncompatibility_date = "2025-11-02"\nno_bundle = true\n{extra}')
    port, log_path = casediff._free_port(), root / "wrangler.log"
    with log_path.open("w") as log:
        proc = subprocess.Popen([str(casediff.HERE / "wrangler"), "dev", "-c", "a/wrangler.toml", "-c", "b/wrangler.toml", "--ip", "127.0.0.1", "--port", str(port),
             "--inspector-port", str(casediff._free_port()), "--show-interactive-dev-session=false"],
            cwd=root, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True,
            env={**os.environ, "XDG_CONFIG_HOME": str(root / "config")})
        try:
            deadline = time.monotonic() + 120
            while "Ready on" not in log_path.read_text() and time.monotonic() < deadline:
                time.sleep(0.5)
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=60).close()
            time.sleep(3)
            print("=== edit", flush=True)
            (root / "b" / "wrangler.toml").write_text((root / "b" / "wrangler.toml").read_text() + CONS)
            time.sleep(8)
            try:
                r = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=30); print("after edit:", r.status, r.read())
            except Exception as e:
                print("after edit request:", e)
            time.sleep(4)
            print("poll:", proc.poll())
        finally:
            try:
                os.killpg(proc.pid, 9)
            except ProcessLookupError:
                pass
    print(log_path.read_text())
