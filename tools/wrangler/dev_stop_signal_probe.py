"""Probe (review73): wrangler dev 4.164.0's exit on SIGINT/SIGTERM with a JS twin at each phase -- a
request awaiting, a busy loop in a handler, a response mid-stream, waitUntil work after the response.
Measured 2026-12-05: 130/143 for each, in 0.06-0.2 s, nothing printed after the signal; review75's
microtask loops (a queueMicrotask queueing itself, a promise chain) alike: workerd's isolate never
answers (nor any later request), wrangler's signal ends it.
workers-env dev's side: tools/wrangler/dev_stop_signal_python_probe.py.
Run: PATH=$(cat /tmp/wrangler/node-bin-path):$PATH python3 tools/wrangler/dev_stop_signal_probe.py [phase filter]"""
import http.client, json, os, signal, socket, subprocess, sys, threading, time
from pathlib import Path
WR = os.path.join(os.environ.get("WORKERS_ENV_WRANGLER_DIR", "/tmp/wrangler"), "node_modules", ".bin", "wrangler")
PHASES = {
 "request awaiting": "export default { async fetch(r) { console.log('answering'); await new Promise((ok) => setTimeout(ok, 60000)); return new Response('x'); } };",
 "request busy loop": "export default { async fetch(r) { console.log('answering'); const t = Date.now(); while (Date.now() - t < 60000) {} return new Response('x'); } };",
 "request microtask loop": "export default { async fetch(r) { console.log('answering'); const spin = () => queueMicrotask(spin); spin(); return new Response('x'); } };",
 "request promise chain": "export default { async fetch(r) { console.log('answering'); const step = () => Promise.resolve().then(step); step(); return new Response('x'); } };",
 "mid-stream": "export default { async fetch(r, env, ctx) { const s = new TransformStream(); const w = s.writable.getWriter(); ctx.waitUntil((async () => { await w.write(new TextEncoder().encode('part')); console.log('answering'); await new Promise((ok) => setTimeout(ok, 60000)); await w.close(); })()); return new Response(s.readable); } };",
 "waitUntil after response": "export default { async fetch(r, env, ctx) { ctx.waitUntil((async () => { await new Promise((ok) => setTimeout(ok, 200)); console.log('answering'); await new Promise((ok) => setTimeout(ok, 60000)); })()); return new Response('x'); } };",
 "waitUntil on an unread write": "export default { async fetch(r, env, ctx) { const s = new TransformStream(); const w = s.writable.getWriter(); ctx.waitUntil((async () => { console.log('answering'); await w.write(new Uint8Array(3)); await w.write(new Uint8Array(3)); console.log('never'); })()); return new Response('x'); } };",
}
def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close(); return p
only = sys.argv[1] if len(sys.argv) > 1 else None
for phase, js in PHASES.items():
    if only and only not in phase:
        continue
    for sig, name in ((signal.SIGINT, "SIGINT"), (signal.SIGTERM, "SIGTERM")):
        root = Path(os.environ.get("TMPDIR", "/tmp")) / "dev_stop_signal_probe"; root.mkdir(exist_ok=True)
        (root / "index.js").write_text(js)
        (root / "wrangler.toml").write_text('name = "t"\nmain = "index.js"\ncompatibility_date = "2026-05-01"\n')
        port = free_port()
        lines = []
        proc = subprocess.Popen([WR, "dev", "--port", str(port), "--ip", "127.0.0.1"], cwd=root, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, text=True, env={**os.environ, "CI": "1", "WRANGLER_SEND_METRICS": "false"})
        def read():
            for line in proc.stdout:
                lines.append(line.rstrip("\n"))
        threading.Thread(target=read, daemon=True).start()
        def wait_for(text, t=60):
            end = time.time() + t
            while time.time() < end:
                if any(text in l for l in lines): return True
                time.sleep(0.05)
            return False
        wait_for("Ready on")
        def ask():
            try:
                c = http.client.HTTPConnection("127.0.0.1", port, timeout=90); c.request("GET", "/"); c.getresponse().read()
            except Exception:
                pass
        threading.Thread(target=ask, daemon=True).start()
        wait_for("answering", 20)
        time.sleep(0.3)
        mark = len(lines); t = time.monotonic()
        proc.send_signal(sig)
        try:
            code = proc.wait(20)
        except subprocess.TimeoutExpired:
            code = "HUNG"; proc.kill()
        took = time.monotonic() - t
        time.sleep(0.3)
        print(json.dumps([phase, name, code, round(took, 2), lines[mark:][:4]]), flush=True)
