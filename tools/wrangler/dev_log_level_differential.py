"""Differential: what ``wrangler dev --log-level`` / ``WRANGLER_LOG`` shows against ``workers-env dev``'s.

One project twice -- a JavaScript twin under wrangler dev 4.164.0, the Python Worker under
workers-env dev -- with a var, a KV namespace and a cron trigger; each Worker logs with
console.debug/info/log/warn/error, prints to stdout and stderr (the twin: console.log and
console.error, as Pyodide hands them over) and throws on /throw. The twin is unbundled
(``no_bundle``, as wrangler serves every Python Worker: ``applyPythonConfig``), and what it throws
is an error named ``PythonError`` whose message is a traceback, as Pyodide's is. For each level,
which kinds of line each printed and on which stream (leftovers46b); then each stream line by
line (devoutput47), after masking what differs on purpose: wrangler's banner, ``Starting local
server``, its Request.cf and log-file lines, workers-env's Loaded line; ports and times; a
traceback's file names and line numbers; the JS frames (``at ...``) wrangler prints after a
thrown error's ``Error`` line, which for a Python Worker are Pyodide's own. Colours are stripped:
wrangler's ``▲``/``✘`` lines are coloured even when piped (esbuild's ``color: true``; NO_COLOR,
FORCE_COLOR=0 and CI change nothing: measured), workers-env's are plain.
Run: PATH=$(cat /tmp/wrangler/node-bin-path):$PATH WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler
PYTHONPATH=/abs/tree python3 tools/wrangler/dev_log_level_differential.py [--lines] (the masked lines of each)
[--date YYYY-MM-DD] (both Workers' compatibility date, 2025-11-02 unless given: from 2026-04-21
``enhanced_error_serialization`` keeps the name ``PythonError`` in the event's copy; the Python
Worker then gets ``disable_python_external_sdk``, having no pyproject.toml)"""
import difflib, os, re, socket, subprocess, sys, tempfile, time, urllib.request
from pathlib import Path

from casediff import dying_with_this_tool, ending_on_signals, stop_group

DIR = os.environ.get("WORKERS_ENV_WRANGLER_DIR", "/tmp/wrangler")
WR = f"{DIR}/node_modules/.bin/wrangler"
NODE = open(f"{DIR}/node-bin-path").read().strip()
TREE = os.environ["PYTHONPATH"]
JS = '''class PythonError extends Error {}
Object.defineProperty(PythonError.prototype, "name", { value: "PythonError" });
export default { async fetch(req) {
 console.debug("W-debug"); console.info("W-info"); console.log("W-log"); console.warn("W-warn"); console.error("W-error");
 console.log("W-print"); console.error("W-stderr");
 await caches.default.put("http://x.test/a", new Response(null, { status: 304 }));  // workerd's warning
 if (new URL(req.url).pathname === "/throw") throw new PythonError(
   'Traceback (most recent call last):\\n  File "/session/metadata/entry.py", line 11, in fetch\\n'
   + '    raise ValueError("boom")\\nValueError: boom\\n');
 return new Response("ok"); }, async scheduled() {} };
'''
PY = '''import sys
from js import Response as JsResponse, caches, console
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        console.debug("W-debug"); console.info("W-info"); console.log("W-log"); console.warn("W-warn"); console.error("W-error")
        print("W-print"); print("W-stderr", file=sys.stderr)
        await caches.default.put("http://x.test/a", JsResponse.new(None, status=304))
        if request.url.endswith("/throw"):
            raise ValueError("boom")
        return Response("ok")

    async def scheduled(self, event):
        pass
'''
CONFIG = ('[vars]\nV = "cfg"\n[[kv_namespaces]]\nbinding = "KV"\nid = "abc"\n[triggers]\ncrons = ["* * * * *"]\n'
          '[assets]\ndirectory = "public"\n')
HEADERS = "/a\n  X-A: 1\nnocolon\n"  # the assets' _headers: Miniflare's Parsed line and its skipped line
#: a kind of line, and how to know it
KINDS = {
    "table": r"^Your Worker has access to the following bindings:$",
    "ready": r"^\[wrangler(-ProxyWorker)?:info\] Ready on ",  # (at debug wrangler names its proxy Worker)
    "request": r"^\[wrangler(-ProxyWorker)?:info\] GET /(throw)? ",
    "W-log": r"^W-log$", "W-info": r"^W-info$", "W-debug": r"^W-debug$",
    "W-warn": r"W-warn$", "W-error": r"W-error$", "W-print": r"^W-print$", "W-stderr": r"W-stderr$",
    "cron": r"Scheduled Workers are not automatically triggered",
    "uncaught": r"ValueError: boom",
    "bad WRANGLER_LOG": r"Unrecognised WRANGLER_LOG value",
    "workerd warning": r"^Ignoring attempt to Cache.put\(\) a 304", "assets parsed": r"Parsed 1 valid header rule",
    "assets skipped": r"Found 1 invalid header rule",
}


def _port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close(); return p


def _run(cmd, cwd, env):
    port = _port()
    out, err = open(cwd / "out", "w"), open(cwd / "err", "w")
    proc = subprocess.Popen(cmd + ["--port", str(port), "--ip", "127.0.0.1"], cwd=cwd, env=env, stdout=out, stderr=err,
                            start_new_session=True, preexec_fn=dying_with_this_tool())
    try:
        for _ in range(120):
            time.sleep(0.5)
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10).read(); break
            except Exception:
                if proc.poll() is not None: break
        time.sleep(1)  # (wrangler's request line and the Worker's lines come by different pipes: let them land)
        try: urllib.request.urlopen(f"http://127.0.0.1:{port}/throw", timeout=10).read()
        except Exception: pass
        time.sleep(1.5)
    finally:
        stop_group(proc)
        out.close(); err.close()
    clean = lambda t: re.sub(r"\x1b\[[0-9;]*m", "", t).splitlines()
    return {"stdout": clean((cwd / "out").read_text()), "stderr": clean((cwd / "err").read_text())}


def _kinds(streams):
    """Each kind of line seen, with its stream(s)."""
    found = {}
    for stream, lines in streams.items():
        for kind, pattern in KINDS.items():
            if any(re.search(pattern, line) for line in lines):
                found.setdefault(kind, set()).add(stream)
    return {kind: "+".join(sorted(s)) for kind, s in found.items()}


#: lines one side prints by design and the other not (wrangler's banner, its Request.cf and log-file
#: lines, workers-env's Loaded line)
DROPPED = re.compile(r"^( ⛅️ wrangler |─+$|⎔ Starting local server|\[wrangler:warn\] Unable to fetch the `Request.cf`|"
                     r"Error: getaddrinfo ENOTFOUND|    at GetAddrInfoReqWrap|🪵  Logs were written|Loaded t from )")


def _masked(lines):
    """``lines`` as compared: what differs on purpose dropped or masked (the module's docstring)."""
    out = []
    for line in lines:
        if DROPPED.search(line) or re.match(r"^\s+at \S", line):
            continue
        line = re.sub(r"127\.0\.0\.1:\d+", "127.0.0.1:PORT", line)
        line = re.sub(r"\(\d+ms\)", "(Nms)", line)
        line = re.sub(r'File "[^"]+", line \d+', 'File "F", line N', line)
        out.append(line)
    while out and out[0] == "":  # (wrangler's stdout starts with an empty line before its banner)
        out.pop(0)
    return out


def main() -> None:
    ending_on_signals()
    with tempfile.TemporaryDirectory(prefix="dev_log_level_differential-") as folder:  # (one per run: two runs
        _compare(Path(folder))  # side by side shared one folder, and each deleted the other's at its start)


def _compare(work: Path) -> None:
    date = sys.argv[sys.argv.index("--date") + 1] if "--date" in sys.argv else "2025-11-02"
    flags = '"python_workers"' + (', "disable_python_external_sdk"' if date >= "2026-04-21" else "")
    for kind, code, head in (("js", JS, 'main = "src/index.js"\nno_bundle = true\n'),
                             ("py", PY, f'main = "src/entry.py"\ncompatibility_flags = [{flags}]\n')):
        (work / kind / "src").mkdir(parents=True)
        (work / kind / "src" / ("index.js" if kind == "js" else "entry.py")).write_text(code)
        (work / kind / "public").mkdir()
        (work / kind / "public" / "_headers").write_text(HEADERS)
        (work / kind / "wrangler.toml").write_text(f'name = "t"\n{head}compatibility_date = "{date}"\n{CONFIG}')
    base = {k: v for k, v in os.environ.items() if not k.startswith(("CLOUDFLARE_", "WRANGLER_"))}
    base.update(PATH=NODE + ":" + base["PATH"], WRANGLER_SEND_METRICS="false", CI="1", PYTHONPATH=TREE,
                PYTHONUNBUFFERED="1")
    cases = [("default", [], {})] + [(level, ["--log-level", level], {}) for level in
                                     ("debug", "info", "log", "warn", "error", "none")] + [
        ("WRANGLER_LOG=warn", [], {"WRANGLER_LOG": "warn"}), ("WRANGLER_LOG=INFO", [], {"WRANGLER_LOG": "INFO"}),
        ("WRANGLER_LOG=bogus", [], {"WRANGLER_LOG": "bogus"}),
        ("--log-level warn, WRANGLER_LOG=debug", ["--log-level", "warn"], {"WRANGLER_LOG": "debug"})]
    shown = streams = stdout = stderr = 0
    for name, args, extra in cases:
        theirs_out = _run([WR, "dev", *args], work / "js", {**base, **extra})
        ours_out = _run([sys.executable, "-m", "workers_env", "dev", *args], work / "py", {**base, **extra})
        theirs, ours = _kinds(theirs_out), _kinds(ours_out)
        shown += set(theirs) == set(ours)
        streams += theirs == ours
        same = {stream: _masked(theirs_out[stream]) == _masked(ours_out[stream]) for stream in ("stdout", "stderr")}
        stdout += same["stdout"]
        stderr += same["stderr"]
        print(f"=== {name}: kinds {'SAME' if set(theirs) == set(ours) else 'DIFF'}, streams "
              f"{'SAME' if theirs == ours else 'DIFF'}, stdout lines {'SAME' if same['stdout'] else 'DIFF'}, "
              f"stderr lines {'SAME' if same['stderr'] else 'DIFF'}\n  wrangler: {theirs}\n  ours:     {ours}")
        for stream in ("stdout", "stderr"):
            if not same[stream] or "--lines" in sys.argv:
                diff = difflib.unified_diff(_masked(theirs_out[stream]), _masked(ours_out[stream]), "wrangler", "ours",
                                            lineterm="", n=1)
                print(f"  {stream}:\n" + "\n".join("    " + line for line in (
                    diff if not same[stream] else _masked(ours_out[stream]))))
    print(f"{shown}/{len(cases)} cases show the same kinds of line; {streams}/{len(cases)} on the same streams too; "
          f"stdout the same line by line in {stdout}/{len(cases)}, stderr in {stderr}/{len(cases)}")


if __name__ == "__main__":
    main()
