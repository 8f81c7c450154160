"""Differential: the config's ``[dev]`` section under wrangler dev (a JavaScript twin) and workers-env dev.

Each case writes a config with a ``[dev]`` section (and command-line options), runs both, and
compares what comes of it: the ``Ready on`` line, the URL the Worker sees for ``/a?b``, or the exit
status and the error's key text. ``local_protocol = "https"`` is the one known difference (wrangler
serves HTTPS with its own certificate; workers-env refuses it: README "Where we had to choose").
Run: PATH=$(cat /tmp/wrangler/node-bin-path):$PATH WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler
PYTHONPATH=/abs/tree python3 tools/wrangler/dev_section_differential.py"""
import os, re, shutil, signal, socket, subprocess, sys, time, urllib.request
from pathlib import Path

DIR = os.environ.get("WORKERS_ENV_WRANGLER_DIR", "/tmp/wrangler")
WR = f"{DIR}/node_modules/.bin/wrangler"
JS = 'export default { async fetch(r) { return new Response(r.url); } };\n'
PY = ("from workers import Response, WorkerEntrypoint\nclass Default(WorkerEntrypoint):\n"
      "    async def fetch(self, request):\n        return Response(request.url)\n")
KEYS = ("Invalid URL", 'Expected "dev.port"', 'Unexpected fields found in env.x field: "dev"', "local_protocol")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cases():
    p, q = free_port(), free_port()
    return [
        ("port and ip", f'[dev]\nport = {p}\nip = "127.0.0.1"\n', [], p),
        ("--port over port", f'[dev]\nport = {q}\nip = "127.0.0.1"\n', ["--port", str(p)], p),
        ("upstream https", f'[dev]\nport = {p}\nip = "127.0.0.1"\nupstream_protocol = "https"\n', [], p),
        ("port 70000", '[dev]\nport = 70000\n', [], None),
        ("ip empty", '[dev]\nip = ""\n', [], None),
        ("port abc", '[dev]\nport = "abc"\n', [], None),
        ("env.x dev", '[env.x.dev]\nport = 70000\n', ["-e", "x", "--port", str(p), "--ip", "127.0.0.1"], p),
        ("https (known difference)", f'[dev]\nport = {p}\nip = "127.0.0.1"\nlocal_protocol = "https"\n', [], None),
    ]


def stop(proc, sig):
    try:
        os.killpg(proc.pid, sig)
    except ProcessLookupError:
        pass


def run_dev(cmd, cwd, env, on_ready, wait=60):
    """Run a dev command in a process group of its own until it says ``Ready on`` (then
    ``on_ready()`` is asked) or ends, then stop it and what it started (wrangler's launcher does
    not pass a signal on); ``(its output without colours, on_ready's answer, its exit status)``."""
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            start_new_session=True)
    os.set_blocking(proc.stdout.fileno(), False)
    out, seen, end = "", None, time.monotonic() + wait
    while time.monotonic() < end and proc.poll() is None:
        out += (proc.stdout.read() or b"").decode("utf-8", "replace")
        if "Ready on" in out:
            seen = on_ready()
            break
        time.sleep(0.2)
    stop(proc, signal.SIGTERM)
    try:
        rest, _ = proc.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        stop(proc, signal.SIGKILL)
        rest, _ = proc.communicate()
    stop(proc, signal.SIGKILL)  # what is left of its group (workerd)
    return re.sub(r"\x1b\[[0-9;]*m", "", out + (rest or b"").decode("utf-8", "replace")), seen, proc.returncode


def twin_project(folder, kind, js, py, config):
    """A fresh project in ``$TMPDIR/folder``: the JavaScript twin ``js`` (``kind`` ``js``) or the
    Python Worker ``py``, ``config`` after the name and date; ``(folder, dev command, environment)``."""
    base = Path(os.environ.get("TMPDIR", "/tmp")) / folder
    shutil.rmtree(base, ignore_errors=True)
    (base / "src").mkdir(parents=True)
    head = 'name = "t"\ncompatibility_date = "2025-11-02"\n'
    if kind == "js":
        (base / "src/index.js").write_text(js)
        head += 'main = "src/index.js"\n'
        cmd = [WR, "dev"]
    else:
        (base / "src/entry.py").write_text(py)
        head += 'main = "src/entry.py"\ncompatibility_flags = ["python_workers"]\n'
        cmd = [sys.executable, "-m", "workers_env", "dev"]
    (base / "wrangler.toml").write_text(head + config)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CLOUDFLARE_", "WRANGLER_"))}
    env.update(WRANGLER_SEND_METRICS="false", CI="1")
    return base, cmd, env


def run(kind, dev, extra, port):
    base, cmd, env = twin_project(f"dev_section_{kind}", kind, JS, PY, dev)
    def answer():
        if port is None:
            return None
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/a?b", timeout=10) as resp:
                return resp.read().decode().replace(str(port), "PORT")
        except OSError as exc:
            return f"no answer ({exc})"

    out, seen, returncode = run_dev(cmd + extra, base, env, answer, wait=40)
    ready = re.search(r"Ready on (\S+)", out)
    served = ready.group(1).replace(str(port), "PORT") if ready and port else (ready.group(1) if ready else None)
    return (served, seen, None if ready else returncode, [k for k in KEYS if k in out])


def main():
    same = 0
    all_cases = cases()
    for name, dev, extra, port in all_cases:
        js, py = run("js", dev, extra, port), run("py", dev, extra, port)
        same += js == py
        print(f"{'same' if js == py else 'DIFF'}  {name}\n  wrangler:    {js}\n  workers-env: {py}")
    print(f"{same}/{len(all_cases)} the same")


if __name__ == "__main__":
    main()
