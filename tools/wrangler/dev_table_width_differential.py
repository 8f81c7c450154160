"""Differential: wrangler dev's bindings table on a terminal of a given width against workers-env dev's.

Both run in a pseudo-terminal (Node reads the width from it, not from COLUMNS) on one config with
long binding names and values; prints whether the tables are identical at each width (leftovers46b:
identical at 60, 100, 124, 125, 126, 127 and 200 columns; the table is 126 wide, so 126 wraps).
Run: PATH=$(cat /tmp/wrangler/node-bin-path):$PATH WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler
PYTHONPATH=/abs/tree python3 tools/wrangler/dev_table_width_differential.py 60 126 127 200"""
import fcntl, os, pty, re, select, shutil, signal, struct, sys, termios, time
from pathlib import Path
DIR = os.environ.get("WORKERS_ENV_WRANGLER_DIR", "/tmp/wrangler"); WR = f"{DIR}/node_modules/.bin/wrangler"; NODE = open(f"{DIR}/node-bin-path").read().strip()
JS = 'export default { async fetch() { return new Response("ok"); } };\n'
PY = 'from workers import Response, WorkerEntrypoint\nclass Default(WorkerEntrypoint):\n    async def fetch(self, request):\n        return Response("ok")\n'
BODY = '''[vars]
A_RATHER_LONG_VARIABLE_NAME_FOR_WRAPPING = "a value that is long enough to be cut by wrangler's truncate"
SHORT = "x"
[[kv_namespaces]]
binding = "MY_KV_NAMESPACE_WITH_A_LONG_NAME"
id = "0123456789abcdef0123456789abcdef"
[[d1_databases]]
binding = "DB"
database_name = "db"
database_id = "x"
'''
def run(kind, cols, body=BODY):
    base = Path(os.environ.get("TMPDIR", "/tmp")) / f"dev_table_width_{kind}"
    shutil.rmtree(base, ignore_errors=True); (base / "src").mkdir(parents=True)
    if kind == "js":
        (base / "src/index.js").write_text(JS); head = 'name = "t"\nmain = "src/index.js"\ncompatibility_date = "2025-11-02"\n'
        cmd = [WR, "dev"]
    else:
        (base / "src/entry.py").write_text(PY); head = 'name = "t"\nmain = "src/entry.py"\ncompatibility_date = "2025-11-02"\ncompatibility_flags = ["python_workers"]\n'
        cmd = [sys.executable, "-m", "workers_env", "dev"]
    (base / "wrangler.toml").write_text(head + body)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CLOUDFLARE_", "WRANGLER_"))}
    env.update(PATH=NODE + ":" + env["PATH"], WRANGLER_SEND_METRICS="false", CI="1", COLUMNS=str(cols), PYTHONPATH=os.environ["PYTHONPATH"])
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(base)
        os.execvpe(cmd[0], cmd + ["--port", "0", "--ip", "127.0.0.1"], env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, cols, 0, 0))
    out = b""; end = time.monotonic() + 40
    while time.monotonic() < end:
        r, _, _ = select.select([fd], [], [], 0.5)
        if r:
            try: chunk = os.read(fd, 65536)
            except OSError: break
            if not chunk: break
            out += chunk
            if b"Ready on" in out: break
    os.kill(pid, signal.SIGTERM)
    try:
        while True:
            r, _, _ = select.select([fd], [], [], 2)
            if not r: break
            if not os.read(fd, 65536): break
    except OSError: pass
    for _ in range(30):
        p, st = os.waitpid(pid, os.WNOHANG)
        if p: break
        time.sleep(0.2)
    else:
        os.kill(pid, signal.SIGKILL); os.waitpid(pid, 0)
    text = re.sub(r"\x1b\[[0-9;?]*[a-zA-Z]", "", out.decode("utf-8", "replace")).replace("\r\n", "\n")
    m = re.search(r"(Your Worker has access.*?\n\n)", text, re.S)
    return m.group(1) if m else "<no table>\n" + text[-2000:]
if __name__ == "__main__":
    for cols in map(int, sys.argv[1:]):
        w, o = run("js", cols), run("py", cols)
        print(f"=== COLUMNS={cols}: {'SAME' if w == o else 'DIFF'}\n--- wrangler\n{w}--- ours\n{o}")
