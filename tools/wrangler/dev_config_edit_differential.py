"""Differential: the config edited while dev runs, under wrangler dev (a JavaScript twin) and workers-env dev.

One project each, started with ``[vars] A = "one"`` and ``[dev] port``; then the config is
rewritten step by step (a var, a KV binding, ``[dev] host``, ``main``, ``[dev] port``, a route,
``upstream_protocol``, ``[dev] ip``, last a port that is no port). After each step: the lines dev
printed of the kinds both print (the bindings table, ``Reloading``, ``Updated and ready on``,
``Local server updated and ready``, ``[ERROR]``), and what the Worker answers on each of the
two ports (its ``main``, ``request.url``, ``Host``, ``env.A``, whether ``env.KV`` is there).
The last step is a known difference: wrangler exits, workers-env refuses the port and serves on
(README "Where we had to choose").
Run: PATH=$(cat /tmp/wrangler/node-bin-path):$PATH WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler
PYTHONPATH=/abs/tree python3 tools/wrangler/dev_config_edit_differential.py"""
import json, os, re, signal, subprocess, sys, time, urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from dev_section_differential import free_port, stop, twin_project  # noqa: E402 - the same twin projects

JS = '''export default { async fetch(r, env) {
  return Response.json({main: "%s", url: r.url, host: r.headers.get("host"), A: env.A ?? null, KV: "KV" in env});
} };
'''
PY = '''import json
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response(json.dumps({"main": "%s", "url": request.url, "host": request.headers.get("host"),
                                    "A": getattr(self.env, "A", None), "KV": hasattr(self.env, "KV")},
                                   separators=(",", ":")))
'''
KINDS = ("Your Worker has access", "env.", "Reloading local server", "Updated and ready on", "updated and ready",
         "[ERROR]")


def steps(p1, p2):
    """(name, config after the name and date) in order."""
    kv = '[[kv_namespaces]]\nbinding = "KV"\nid = "abc"\n'
    return [
        ("start", f'main = "src/MAIN"\n[vars]\nA = "one"\n[dev]\nport = {p1}\nip = "127.0.0.1"\n'),
        ("var edited", f'main = "src/MAIN"\n[vars]\nA = "two"\n[dev]\nport = {p1}\nip = "127.0.0.1"\n'),
        ("kv added", f'main = "src/MAIN"\n{kv}[vars]\nA = "two"\n[dev]\nport = {p1}\nip = "127.0.0.1"\n'),
        ("[dev] host", f'main = "src/MAIN"\n[vars]\nA = "two"\n[dev]\nport = {p1}\nip = "127.0.0.1"\n'
                       'host = "example.com"\n'),
        ("main", f'main = "src/OTHER"\n[vars]\nA = "two"\n[dev]\nport = {p1}\nip = "127.0.0.1"\nhost = "example.com"\n'),
        ("[dev] port", f'main = "src/OTHER"\n[vars]\nA = "two"\n[dev]\nport = {p2}\nip = "127.0.0.1"\n'
                       'host = "example.com"\n'),
        ("route", f'main = "src/OTHER"\nroutes = ["shop.example.net/*"]\n[vars]\nA = "two"\n[dev]\nport = {p2}\n'
                  'ip = "127.0.0.1"\n'),
        ("upstream https", f'main = "src/OTHER"\nroutes = ["shop.example.net/*"]\n[vars]\nA = "two"\n[dev]\n'
                           f'port = {p2}\nip = "127.0.0.1"\nupstream_protocol = "https"\n'),
        ("[dev] ip", f'main = "src/OTHER"\n[vars]\nA = "two"\n[dev]\nport = {p2}\nip = "localhost"\n'),
        ("port 70000 (known difference)", 'main = "src/OTHER"\n[vars]\nA = "two"\n[dev]\nport = 70000\n'
                                          'ip = "localhost"\n'),
    ]


def answer(port):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/x", timeout=10) as resp:
            return json.loads(resp.read().decode())
    except (OSError, ValueError):
        return None


class Reader:
    def __init__(self, proc):
        self.proc, self.text = proc, ""
        os.set_blocking(proc.stdout.fileno(), False)

    def read(self):
        self.text += (self.proc.stdout.read() or b"").decode("utf-8", "replace")
        return re.sub(r"\x1b\[[0-9;]*m", "", self.text)


def run(kind, p1, p2):
    name = {"js": "index.js", "py": "entry.py"}[kind]
    other = {"js": "other.js", "py": "other.py"}[kind]
    all_steps = steps(p1, p2)
    base, cmd, env = twin_project(f"dev_edit_{kind}", kind, JS % "MAIN", PY % "MAIN", "")
    (base / "src" / other).write_text((JS if kind == "js" else PY) % "OTHER")
    config = base / "wrangler.toml"
    head = 'name = "t"\ncompatibility_date = "2025-11-02"\n' + ("" if kind == "js" else
                                                                'compatibility_flags = ["python_workers"]\n')
    config.write_text(head + all_steps[0][1].replace("MAIN", name))
    proc = subprocess.Popen(cmd, cwd=base, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            start_new_session=True)
    reader, seen, done = Reader(proc), [], 0
    try:
        for index, (step, text) in enumerate(all_steps):
            if index:  # (an edit as an editor saves: written aside, then renamed over the config)
                staged = base / ".wrangler.toml.edit"
                staged.write_text(head + text.replace("MAIN", name).replace("OTHER", other))
                os.replace(staged, config)
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline and proc.poll() is None:
                out = reader.read()
                if (not index and "Ready on" in out) or (index and out.count("updated and ready") >= index) \
                        or (index and "[ERROR]" in out[done:]):
                    break
                time.sleep(0.2)
            time.sleep(1)
            out = reader.read()
            lines = [line.strip() for line in out[done:].splitlines()
                     if line.startswith(KINDS) or any(k in line for k in KINDS[2:])]
            done = len(out)
            answers = [json.loads(json.dumps(answer(p)).replace(str(p1), "P1").replace(str(p2), "P2"))
                       for p in (p1, p2)]
            seen.append((step, [re.sub(rf"\b{p1}\b", "P1", re.sub(rf"\b{p2}\b", "P2", line)) for line in lines
                                if "Ready on" not in line or "Updated" in line], answers))
    finally:
        end(proc)
    return seen


def end(proc):
    """Stop dev ``proc`` (its whole process group): SIGTERM, then SIGKILL after 20 s or at once after."""
    stop(proc, signal.SIGTERM)
    try:
        proc.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        stop(proc, signal.SIGKILL)
        proc.communicate()
    stop(proc, signal.SIGKILL)


def main():
    p1, p2 = free_port(), free_port()
    js, py = run("js", p1, p2), run("py", p1, p2)
    same = 0
    for (step, js_lines, js_answers), (_, py_lines, py_answers) in zip(js, py):
        alike = (js_lines, js_answers) == (py_lines, py_answers)
        same += alike
        print(f"{'same' if alike else 'DIFF'}  {step}\n  wrangler:    {js_lines} {json.dumps(js_answers)}\n"
              f"  workers-env: {py_lines} {json.dumps(py_answers)}", flush=True)
    print(f"{same}/{len(js)} the same")
    if not all(js[0][2]) and not any(js[0][2]):
        print("BROKEN: wrangler's Worker did not answer at the start")


if __name__ == "__main__":
    main()
