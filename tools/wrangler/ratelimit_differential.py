"""Differential: the Rate Limiting binding under wrangler dev (a JavaScript twin; its version printed) and
workers-env dev (the Python Worker), served side by side and called in step.

Both Workers have the same bindings (below) and answer a POSTed list of ``limit()`` calls with
each call's ``{"success": ...}`` or its error as ``Name: message``. Each step waits for the next
10 s boundary of the wall clock (the windows are aligned to it, in both) and goes to both dev
servers at once: counting up to and past each limit, a second binding of the same namespace, a
60 s window beside 10 s ones, the options' checks and error texts (bad calls counting nothing),
``delta``, a call's own ``limit``/``period``, the next 10 s window and the next minute. Prints
the differing answers and ``matches/cases``. Not collected by pytest. ``--date`` picks the
Python Worker's compatibility date (default 2026-07-01 with the external SDK 1.9.5, as the
public Worker hayatepy/golden-app runs; 2025-11-02 is the built-in SDK on Pyodide 0.28).
Run: PATH=$(cat /tmp/wrangler/node-bin-path):$PATH WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler
PYTHONPATH=/abs/tree python3 tools/wrangler/ratelimit_differential.py [--date YYYY-MM-DD]"""
import json, os, shutil, signal, socket, subprocess, sys, time, urllib.request
from pathlib import Path

from casediff import wrangler_version  # (this folder: first on sys.path for a script)

DIR = os.environ.get("WORKERS_ENV_WRANGLER_DIR", "/tmp/wrangler")
WR = f"{DIR}/node_modules/.bin/wrangler"


def entry(name, namespace, limit, period, table="ratelimits"):
    kind = 'type = "ratelimit"\n' if table != "ratelimits" else ""
    return (f'[[{table}]]\nname = "{name}"\n{kind}namespace_id = "{namespace}"\n'
            f"simple = {{ limit = {limit}, period = {period} }}\n")


CONFIG = "\n" + "".join([entry("RL", "1", 3, 10), entry("RL2", "1", 2, 10), entry("RL3", "2", 2, 60), entry("RL4", "3", 5, 10),
                         entry("URL", "4", 1, 10, table="unsafe.bindings")])
#: values JSON cannot carry, spelled the same way to both Workers
JS = '''const dec = (v) => v === "$NaN" ? NaN : v === "$Inf" ? Infinity : v === "$big" ? 2n ** 60n : v === "$undef" ? undefined
  : (v && typeof v === "object" && !Array.isArray(v)) ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, dec(x)])) : v;
export default { async fetch(req, env) {
  if (req.method !== "POST") return new Response("ready");
  const out = [];
  for (const [b, args, kw] of await req.json()) {
    const given = args.map(dec); if (kw) given.push(dec(kw));
    try { const r = await env[b].limit(...given); out.push({success: r.success}); } catch (e) { out.push(`${e.name}: ${e.message}`); }
  }
  return Response.json(out);
} };
'''
PY = '''import json
from workers import Response, WorkerEntrypoint

def dec(v):
    if v == "$NaN": return float("nan")
    if v == "$Inf": return float("inf")
    if v == "$big": return 2**60
    if isinstance(v, dict): return {k: dec(x) for k, x in v.items() if x != "$undef"}  # left out: undefined
    return v

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        if request.method != "POST":
            return Response("ready")
        out = []
        for call in json.loads(await request.text()):
            args = [dec(a) for a in call[1]]
            kw = {k: dec(v) for k, v in call[2].items()} if len(call) > 2 and call[2] else {}
            try:
                r = await getattr(self.env, call[0]).limit(*args, **kw)
                out.append({"success": r.success})
            except Exception as e:
                out.append(str(e))
        return Response(json.dumps(out))
'''


def call(binding, *args, **kw):
    return [binding, list(args), kw] if kw else [binding, list(args)]


def key(k, binding="RL", **more):
    return call(binding, {"key": k, **more})


#: the steps: (label, wait for, calls); "10" waits for the next 10 s boundary, "60" the next minute
STEPS = [
    ("first window", "10", [
        *[key("a") for _ in range(5)],                                 # limit 3: T T T F F
        key("b"),                                                      # another key: its own count
        key("a", "RL2"), *[key("c", "RL2") for _ in range(3)],         # same namespace: a is at 3 >= 2
        *[key("a", "RL3") for _ in range(3)],                          # 60 s window, limit 2
        *[key("a", "URL") for _ in range(2)],                          # [[unsafe.bindings]] type = "ratelimit"
        call("RL", key="k"), call("RL", key="k"), call("RL", key="k"), call("RL", key="k"),  # keywords
        call("RL", {}), call("RL", {}), call("RL", []),                # no key: the key ""
        key("$undef"),                                                 # undefined: the key "" too
        # what is refused, counting nothing
        call("RL"), call("RL", None), call("RL", "a"), call("RL", 5), call("RL", True),
        key(5), key(1.5), key(True), key("$big"), key(["a", 1]), key({"a": 1}), key("$NaN"),
        key("z", x=1), call("RL", {"x": 1, "y": 2, "key": "z"}), call("RL", {"b": 1, "1": 2, "key": "z"}),
        call("RL", key="z", extra=1),
        key("z", limit="3"), key("z", limit=True), key("z", limit="$big"),
        key("z", period=30), key("z", period="10"), key("z", period=0),
        key("nul", limit=None), key("nul", period=None), key("nul", delta=None), key(None), call("RL", key=None),
        key("z", delta=0), key("z", delta=-1), key("z", delta=0.5), key("z", delta=-0.5), key("z", delta="$NaN"),
        key("z", delta="$Inf"), key("z", delta=2**32), key("z", delta=2**32 - 1 + 0.5), key("z", delta="$big"),
        key("z", delta="x"), key("z", delta=[1, 2]), key("z", delta={}),
        *[key("z") for _ in range(4)],                                 # after all that: T T T F
        # delta: a call's weight
        key("d", "RL4", delta=4), key("d", "RL4", delta=4), key("d", "RL4"),   # 4 < 5, 8 >= 5
        key("e", "RL4", delta=2.7), key("e", "RL4", delta="2"), key("e", "RL4", delta=True), key("e", "RL4"),
        key("e", "RL4", delta=[1]), key("f", "RL4", delta=5), key("f", "RL4"),
        key("g", "RL4", delta=2**32 - 1), key("g", "RL4", delta=1), key("h", "RL4", delta=" 3 "),
        key("h", "RL4", delta="0x2"), key("h", "RL4", delta=""), key("h", "RL4", delta="1e0"),
        # a call's own limit and period
        key("o", limit=1), key("o", limit=1), key("o", limit=10), key("o", limit=2.5), key("o", limit=2.5),
        key("n", limit="$NaN"), key("n", limit="$Inf"), key("n", limit=0), key("n", limit=-1), key("n", limit=-0.0),
        key("a", period=60), key("a", period=60), key("a", period=60), key("a", period=60),  # (a, 60): its own count
        key("p", "RL3", period=10), key("p", "RL3", period=10), key("p", "RL3", period=10),
    ]),
    ("next 10 s window", "10", [
        key("a"), key("b"), key("a", "RL2"), key("z"), key("a", "URL"),   # a new window: T
        key("a", "RL3"),                                                  # its minute goes on: F
        key("a", period=60),                                              # (a, 60) too: F
        key("d", "RL4"), key("o", limit=1), key("", "RL"),
    ]),
    ("next minute", "60", [key("a", "RL3"), key("a", "RL3"), key("a", "RL3"), key("a", period=60)]),
]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def project(kind, date):
    base = Path(os.environ.get("TMPDIR", "/tmp")) / f"ratelimit_differential_{kind}"
    shutil.rmtree(base, ignore_errors=True)
    (base / "src").mkdir(parents=True)
    if kind == "js":
        (base / "src/index.js").write_text(JS)
        head = 'name = "rl"\nmain = "src/index.js"\ncompatibility_date = "2025-11-02"\n'
    else:
        (base / "src/entry.py").write_text(PY)
        head = f'name = "rl"\nmain = "src/entry.py"\ncompatibility_date = "{date}"\ncompatibility_flags = ["python_workers"]\n'
        if date >= "2026-04-21":  # the external SDK, as the public Worker's pyproject.toml brings it
            (base / "pyproject.toml").write_text('[project]\nname = "rl"\nversion = "0"\n[tool.workers-env]\n'
                                                 'python-sdk = "1.9.5"\n')
    (base / "wrangler.toml").write_text(head + CONFIG)
    return base


def start(kind, date):
    base, port = project(kind, date), free_port()
    cmd = [WR, "dev"] if kind == "js" else [sys.executable, "-m", "workers_env", "dev"]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CLOUDFLARE_", "WRANGLER_"))}
    env.update(WRANGLER_SEND_METRICS="false", CI="1")
    log = (base / "dev.log").open("w")
    proc = subprocess.Popen(cmd + ["--ip", "127.0.0.1", "--port", str(port)], cwd=base, env=env, stdout=log,
                            stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
    url, end = f"http://127.0.0.1:{port}/", time.monotonic() + 120
    while True:
        if proc.poll() is not None:
            raise SystemExit(f"{kind} dev exited:\n" + (base / "dev.log").read_text())
        try:
            with urllib.request.urlopen(url, timeout=5) as r:
                if r.read() == b"ready":
                    return proc, url, base
        except OSError:
            pass
        if time.monotonic() > end:
            raise SystemExit(f"{kind} dev did not answer:\n" + (base / "dev.log").read_text())
        time.sleep(0.5)


def stop(proc):
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            continue
    try:
        os.killpg(proc.pid, signal.SIGKILL)  # what is left of its group (workerd)
    except ProcessLookupError:
        pass


def post(url, calls):
    request = urllib.request.Request(url, data=json.dumps(calls).encode(), method="POST")
    with urllib.request.urlopen(request, timeout=60) as r:
        return json.loads(r.read())


def wait_for(period, first):
    """Sleep until just after the next ``period`` boundary; the first step's 10 s boundary is
    one that leaves the next step in the same minute (not second 50)."""
    while True:
        now = time.time()
        boundary = (now // period + 1) * period
        if not (first and boundary % 60 == 50):
            break
        time.sleep(boundary - now + 0.05)
    time.sleep(boundary - time.time() + 0.3)


def main():
    date = sys.argv[sys.argv.index("--date") + 1] if "--date" in sys.argv else "2026-07-01"
    js, py = start("js", date), start("py", date)
    try:
        same = total = expected = refused = 0
        builtin = date < "2026-04-21"  # the built-in SDK: a dict's PyProxy reads a None as undefined
        for i, (label, period, calls) in enumerate(STEPS):
            wait_for(int(period), i == 0)
            theirs, ours = post(js[1], calls), post(py[1], calls)
            for c, x, y in zip(calls, theirs, ours, strict=True):
                total += 1
                refused += isinstance(x, str)
                if x == y:
                    same += 1
                elif builtin and "null" in json.dumps(c):
                    expected += 1
                    print(f"EXPECTED [{label}] {json.dumps(c)}: wrangler {x}, workers-env {y} (None is undefined "
                          "through the built-in SDK, the JavaScript twin's null is null)")
                else:
                    print(f"DIFF [{label}] {json.dumps(c)}\n  wrangler:    {x}\n  workers-env: {y}")
            if "-v" in sys.argv:
                for c, x in zip(calls, theirs):
                    print(f"  {json.dumps(c)} -> {x}")
        print(f"{same}/{total} limit() calls answer the same under workers-env dev (Python Worker, {date}) as under "
              f"wrangler dev {wrangler_version(DIR)} (JavaScript twin); {expected} expected differences ({refused} of the twin's calls refused)")
    finally:
        stop(js[0])
        stop(py[0])
        if "--keep" not in sys.argv:
            for _, _, base in (js, py):
                shutil.rmtree(base, ignore_errors=True)
    return 0 if same + expected == total else 1


if __name__ == "__main__":
    sys.exit(main())
