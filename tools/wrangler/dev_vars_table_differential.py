"""Differential: wrangler dev's bindings table and the env its Worker sees, against workers-env dev's.

Each case is one project twice -- a JavaScript twin under ``wrangler dev`` 4.164.0, the Python
Worker under ``workers-env dev`` -- with the same config, ``.dev.vars``/``.env`` files and
arguments; prints whether the tables are identical, whether the lines before them are (where
the secrets come from, ``Missing required secrets``), and what each Worker reads from ``env`` (a
binding shows as ``<binding ...>``, compared without its class name, which differs JS vs Pyodide;
version metadata without its random id and time), then the three tallies. review61; review63
added the lines before the table, the Send Email / Rate Limit / required-secret cases and the tallies.
Run: PATH=$(cat /tmp/wrangler/node-bin-path):$PATH WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler
PYTHONPATH=/abs/tree python3 tools/wrangler/dev_vars_table_differential.py"""
import json, os, queue, re, shutil, signal, socket, subprocess, sys, threading, time, urllib.request
from pathlib import Path

DIR = os.environ.get("WORKERS_ENV_WRANGLER_DIR", "/tmp/wrangler")
WR = f"{DIR}/node_modules/.bin/wrangler"
NODE = open(f"{DIR}/node-bin-path").read().strip()
TREE = os.environ["PYTHONPATH"]
WORK = Path(os.environ.get("TMPDIR", "/tmp")) / "dev_vars_table_differential"
JS = '''export default { async fetch(req, env) { const names = new URL(req.url).searchParams.get("n").split(",");
 const out = {}; for (const n of names) { const v = env[n]; out[n] = v === undefined ? "<undefined>" : (typeof v === "string" ? v : (typeof v === "object" && v && v.constructor && v.constructor.name !== "Object" ? "<binding " + v.constructor.name + ">" : JSON.stringify(v))); }
 return new Response(JSON.stringify(out)); } };
'''
PY = '''import json
from workers import Response, WorkerEntrypoint
from pyodide.ffi import JsProxy

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        names = request.url.split("n=")[1].split(",")
        out = {}
        for n in names:
            v = getattr(self.env, n, None)
            if v is None: out[n] = "<undefined>"
            elif isinstance(v, str): out[n] = v
            elif isinstance(v, (dict, list, int, float, bool)): out[n] = json.dumps(v, separators=(",", ":"))
            else:
                try:
                    out[n] = json.dumps(v.to_py(), separators=(",", ":")) if isinstance(v, JsProxy) and type(v.to_py()) in (dict, list) else "<binding " + type(v).__name__ + ">"
                except Exception:
                    out[n] = "<binding " + type(v).__name__ + ">"
        return Response(json.dumps(out))
'''

def port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close(); return p

def run(cmd, cwd, env, names):
    p = port()
    proc = subprocess.Popen(cmd + ["--port", str(p), "--ip", "127.0.0.1"], cwd=cwd, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, start_new_session=True)
    lines = []
    try:
        deadline = time.monotonic() + 60
        got: queue.Queue = queue.Queue()  # read by a thread: a dev that never says "Ready" nor ends is given up
        threading.Thread(target=lambda: [got.put(line) for line in iter(proc.stdout.readline, "")] + [got.put("")],
                         daemon=True).start()
        while time.monotonic() < deadline:
            try:
                line = got.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                break
            lines.append(line)
            if not line or "Ready on" in line: break
        seen = None
        if lines and "Ready on" in lines[-1]:
            for _ in range(20):
                try:
                    seen = json.loads(urllib.request.urlopen(f"http://127.0.0.1:{p}/?n={','.join(names)}", timeout=20).read()); break
                except Exception as e:
                    seen = repr(e); time.sleep(0.5)
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try: proc.wait(timeout=15)  # (its output drained by the thread)
        except Exception: os.killpg(proc.pid, signal.SIGKILL); proc.wait()
    text = "".join(lines)
    text = re.sub(r"\x1b\[[0-9;]*m", "", text)
    m = re.search(r"(Your Worker has access.*?\n\n)", text, re.S)
    return (m.group(1) if m else "<no table>\n"), seen, text  # (a refusal's words: the lines before)

TALLY = {"table": [0, 0], "lines before": [0, 0], "env": [0, 0]}


def before(text):
    """The lines dev prints before its table (or instead of it), less wrangler's banner and log-file line."""
    head = re.sub(r"\x1b\[[0-9;]*m", "", text).split("Your Worker has access")[0]
    return [line for line in head.splitlines() if line.strip() and "\u26c5" not in line
            and not set(line.strip()) <= {"\u2500"} and "Logs were written" not in line]


def seen(values):
    """A Worker's answer with what is bound to differ left out: a binding's class, version metadata's id and time."""
    if not isinstance(values, dict):
        return values
    out = {}
    for key, value in values.items():
        if value.startswith("<binding "):
            value = "<binding>"
        elif value.startswith('{"id":'):
            value = re.sub(r'"id":"[^"]*"|"timestamp":"[^"]*"', "", value)
        out[key] = value
    return out


def case(name, config, files, args, names, extra_env=None):
    base = WORK / name
    shutil.rmtree(base, ignore_errors=True)
    for kind in ("js", "py"):
        d = base / kind; (d / "src").mkdir(parents=True)
        if kind == "js":
            (d / "src/index.js").write_text(JS)
            head = 'name = "t"\nmain = "src/index.js"\ncompatibility_date = "2025-11-02"\n'
        else:
            (d / "src/entry.py").write_text(PY)
            head = 'name = "t"\nmain = "src/entry.py"\ncompatibility_date = "2025-11-02"\ncompatibility_flags = ["python_workers"]\n'
        (d / "wrangler.toml").write_text(head + config)
        for f, t in files.items(): (d / f).write_text(t)
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLOUDFLARE_")}
    env.update(PATH=NODE + ":" + env["PATH"], WRANGLER_SEND_METRICS="false", CI="1", PYTHONPATH=TREE, PYTHONUNBUFFERED="1")
    env.update(extra_env or {})
    wt, ws, wtext = run([WR, "dev", *args], base / "js", env, names)
    ot, os_, otext = run([sys.executable, "-m", "workers_env", "dev", *args], base / "py", env, names)
    same = {"table": wt == ot, "lines before": before(wtext) == before(otext), "env": seen(ws) == seen(os_)}
    for what, equal in same.items():
        TALLY[what][0] += equal
        TALLY[what][1] += 1
    print(f"=== {name}: " + "; ".join(f"{what} {'SAME' if equal else 'DIFF'}" for what, equal in same.items()))
    if not same["table"]: print("--- wrangler\n" + wt + "--- ours\n" + ot)
    if not same["lines before"]: print("--- wrangler", *before(wtext), "--- ours", *before(otext), sep="\n")
    print("wrangler env:", ws); print("ours env:    ", os_)
    if "-v" in sys.argv: print(wtext); print(otext)
    sys.stdout.flush()

KV = '[[kv_namespaces]]\nbinding = "KV"\nid = "abc"\n[[d1_databases]]\nbinding = "DB"\ndatabase_name = "db"\ndatabase_id = "x"\n'
R2 = '[[r2_buckets]]\nbinding = "B"\nbucket_name = "bkt"\n[[dispatch_namespaces]]\nbinding = "DN"\nnamespace = "ns"\n'
WL = '[[worker_loaders]]\nbinding = "LOADER"\n'
SE = '[[send_email]]\nname = "SE"\n'
RL = '[[ratelimits]]\nname = "RL"\nnamespace_id = "1001"\nsimple = { limit = 1, period = 10 }\n'


def main() -> None:
    case("both", '[vars]\nV = "cfg"\n', {".dev.vars": "V=dv\nS=sec\n"}, ["--var", "V:cli", "--var", "S:cli2"], ["V", "S"])
    case("staging", '[vars]\nV = "cfg"\n[env.staging.vars]\nV = "stg"\nW = "w"\n', {".dev.vars": "V=dv\nX=x\n", ".dev.vars.staging": "V=dvs\nY=y\n"}, ["--env", "staging"], ["V", "W", "X", "Y"])
    case("dotenv", '[vars]\nV = "cfg"\n', {".env": "V=env\nE=e\n", ".env.local": "L=l\n"}, [], ["V", "E", "L"])
    case("dotenv_staging", '[vars]\nV = "cfg"\n[env.staging.vars]\nV = "stg"\n', {".env": "V=env\nE=e\n", ".env.staging": "S=s\nV=envs\n"}, ["--env", "staging"], ["V", "E", "S"])
    case("required", '[vars]\nV = "cfg"\n[secrets]\nrequired = ["A", "MISSING", "V2"]\n', {".dev.vars": "A=1\nB=2\nV=3\n"}, [], ["V", "A", "B", "MISSING"])
    case("jsonvar", '[vars]\nB = { j = 1 }\nN = 3\n', {}, ["--var", "B:str", "--var", "N:4"], ["B", "N"])
    case("binding_names", '[vars]\nC = "c"\n' + KV, {".dev.vars": "DB=x\nQ=q\n"}, ["--var", "KV:x", "--var", "C:cli"], ["KV", "DB", "C", "Q"])
    case("dupvar", '[vars]\nV = "cfg"\n', {}, ["--var", "V:a", "--var", "V:b", "--var", "U:http://x:1", "--var", "Z:"], ["V", "U", "Z"])
    case("req_var", '[vars]\nV = "cfg"\n[secrets]\nrequired = ["A"]\n', {".dev.vars": "A=1\nB=2\n"}, ["--var", "B:cli", "--var", "A:cli"], ["V", "A", "B"])
    case("envfile", '[vars]\nV = "cfg"\n', {".dev.vars": "V=dv\n", "my.env": "V=mine\nM=m\n"}, ["--env-file", "my.env"], ["V", "M"])
    case("secret_empty_vars", '', {".dev.vars": "A=1\n"}, ["--var", "A:2"], ["A"])
    case("loader_secret", '[vars]\nC = "c"\n' + WL, {".dev.vars": "LOADER=x\n"}, [], ["LOADER", "C"])
    case("loader_var", '[vars]\nC = "c"\n' + WL, {}, ["--var", "LOADER:y"], ["LOADER", "C"])
    case("cfgvar_binding", '[vars]\nKV = "c"\n[[kv_namespaces]]\nbinding = "KV"\nid = "abc"\n', {}, [], ["KV"])
    # env differs on DN alone: wrangler dev's dispatch namespace is an empty object (not supported
    # locally), workers-env's the placeholder of a binding it does not emulate
    case("r2_dn_secret", '[vars]\nC = "c"\n' + R2, {".dev.vars": "B=x\nDN=y\n"}, [], ["B", "DN", "C"])
    case("r2_dn_var", '[vars]\nC = "c"\n' + R2, {}, ["--var", "DN:y", "--var", "B:z"], ["B", "DN", "C"])
    # review63: [[send_email]] and [[ratelimits]] name their binding `name`, which wrangler's unique-name
    # check does not read: a var may share it, and the Worker gets the binding; required secrets
    # given by --var alone (still "missing": a --var is plain_text) or by the shell (a secrets table
    # reads process.env with the .env files)
    case("email_secret", '[vars]\nC = "c"\n' + SE, {".dev.vars": "SE=x\n"}, [], ["SE", "C"])
    case("email_var", '[vars]\nC = "c"\n' + SE, {}, ["--var", "SE:y"], ["SE", "C"])
    case("cfgvar_email_ratelimit", '[vars]\nSE = "v"\nRL = "w"\nC = "c"\n' + SE + RL, {".dev.vars": "X=1\n"}, [],
         ["SE", "RL", "C", "X"])
    case("req_by_var_only", '[vars]\nV = "cfg"\n[secrets]\nrequired = ["A", "B"]\n', {".dev.vars": "B=1\n"},
         ["--var", "A:cli"], ["V", "A", "B"])
    case("req_process_env", '[vars]\nV = "cfg"\n[secrets]\nrequired = ["PROCX"]\n', {".env": "E=1\n"}, [],
         ["V", "PROCX", "E"], {"PROCX": "fromshell"})
    case("req_binding", '[secrets]\nrequired = ["KV"]\n[[kv_namespaces]]\nbinding = "KV"\nid = "abc"\n',
         {".dev.vars": "KV=1\n"}, [], ["KV"])
    case("secret_svc_vm_queue", '[vars]\nC = "c"\n[[services]]\nbinding = "SVC"\nservice = "t"\n[version_metadata]\n'
         'binding = "VM"\n[[queues.producers]]\nbinding = "Q"\nqueue = "q"\n' + RL,
         {".dev.vars": "SVC=2\nVM=3\nQ=4\nRL=5\n"}, [], ["SVC", "VM", "Q", "RL", "C"])
    case("staging_secret_binding", '[vars]\nC = "c"\n[env.staging.vars]\nC = "s"\n[[env.staging.kv_namespaces]]\n'
         'binding = "KV"\nid = "abc"\n', {".dev.vars.staging": "KV=1\nC=dv\n"}, ["--env", "staging"], ["KV", "C"])
    case("json_secret", '[vars]\nB = { j = 1 }\nA = [1, 2]\n[env.staging.vars]\nB = { k = 2 }\nA = "s"\n', {".dev.vars.staging": "B=txt\n"}, ["--env", "staging", "--var", "A:cli"], ["B", "A"])


if __name__ == "__main__":
    main()
    print("tallies: " + ", ".join(f"{what} {same}/{of}" for what, (same, of) in TALLY.items()))
