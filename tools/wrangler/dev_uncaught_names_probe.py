"""Probe: what ``wrangler dev`` 4.164.0 prints for an unbundled Worker's uncaught JavaScript error of
each built-in name, and for one with no message (``throw new TypeError()``): the two ``✘ [ERROR]
Uncaught ...`` blocks that runtime/devconsole.py copies (which names the event's copy keeps, and
the message-less header). Prints the stderr lines of each throw, colours stripped.
Run: PATH=$(cat /tmp/wrangler/node-bin-path):$PATH WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler python3 tools/wrangler/dev_uncaught_names_probe.py"""
import os, re, shutil, signal, socket, subprocess, time, urllib.request
from pathlib import Path

DIR = os.environ.get("WORKERS_ENV_WRANGLER_DIR", "/tmp/wrangler")
WORK = Path(os.environ.get("TMPDIR", "/tmp")) / "dev_uncaught_names_probe"
CASES = ["Error", "EvalError", "RangeError", "ReferenceError", "SyntaxError", "TypeError", "URIError", "AggregateError", "empty"]
JS = '''export default { async fetch(req) {
 const name = new URL(req.url).pathname.slice(1);
 if (name === "empty") throw new TypeError();
 if (name === "AggregateError") throw new AggregateError([], "m-AggregateError");
 if (name in globalThis) throw new globalThis[name]("m-" + name);
 return new Response("ok"); } };
'''


def main() -> None:
    shutil.rmtree(WORK, ignore_errors=True)
    (WORK / "src").mkdir(parents=True)
    (WORK / "src" / "index.js").write_text(JS)
    (WORK / "wrangler.toml").write_text('name = "t"\nmain = "src/index.js"\nno_bundle = true\ncompatibility_date = "2025-11-02"\n')
    s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close()
    err = open(WORK / "err", "w")
    proc = subprocess.Popen([f"{DIR}/node_modules/.bin/wrangler", "dev", "--port", str(port), "--ip", "127.0.0.1"],
                            cwd=WORK, stdout=subprocess.DEVNULL, stderr=err, start_new_session=True)
    try:
        for _ in range(120):
            time.sleep(0.5)
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/ok", timeout=10).read(); break
            except Exception:
                if proc.poll() is not None: break
        for case in CASES:
            start = (WORK / "err").stat().st_size
            try: urllib.request.urlopen(f"http://127.0.0.1:{port}/{case}", timeout=10).read()
            except Exception: pass
            time.sleep(1.5)
            text = re.sub(r"\x1b\[[0-9;]*m", "", (WORK / "err").read_bytes()[start:].decode())
            print(f"=== {case}")
            print("\n".join(repr(l) for l in text.splitlines() if not re.match(r"^\s+at ", l)))
    finally:
        try: os.killpg(proc.pid, signal.SIGTERM)
        except ProcessLookupError: pass
        try: proc.wait(timeout=15)
        except Exception: os.killpg(proc.pid, signal.SIGKILL); proc.wait()
        err.close()


if __name__ == "__main__":
    main()
