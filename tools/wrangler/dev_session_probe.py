"""What ``wrangler dev -c a -c b`` does with two JavaScript Workers where workers-env's session had
to be checked (hunt48): one line per case.

- ``crons``: its "Scheduled Workers are not automatically triggered" warning for the crons of
  either Worker (crons, an empty list or no ``[triggers]`` on each): 4.164.0 warns when any
  Worker of the session has a cron (``tests/test_cli_dev_session_warns_of_crons_any_worker_has.py``).
- ``queues``: whether the second Worker's consumer gets what it sends itself (4.164.0: yes,
  ``tests/test_cli_dev_session_runs_every_workers_queue_consumer.py``) and what the first Worker
  sends to the queue it consumes (4.164.0: yes; the same test pins it).
- ``prefix``: each Worker's console lines (``fetch`` and ``queue()``) before and after a reload of
  the second Worker's code and config, served unbundled as wrangler serves a Python Worker, then
  bundled: 4.164.0 prefixes ``console.log/info/debug`` with ``[<name>] `` only in a bundled build
  (its bundler's ``patch-console-prefix`` middleware, injected under the MULTIWORKER flag), never
  unbundled (``tests/test_cli_dev_session_console_lines_carry_no_worker_prefix.py``).
- ``inflight-work``: a lone Worker's code edited while its ``queue()`` waits, its ``waitUntil``
  work, a timer, a ``finally`` and an un-awaited async function pending (review79; 4.164.0:
  ``start m1 attempt 1``, then nothing of it in the 12 s after the edit).
- ``consumers-edit``: b's config edited to consume the queue a consumes (4.164.0: b's bindings
  table, ``⎔ Reloading local server...``, ``Multiple consumers defined for queue "q": "a" and
  "b"``, exit 1; ``tests/test_cli_dev_session_refuses_a_queue_two_workers_consume.py``).
- ``flags``: a names ``r2_public_beta_bindings``, b ``url_standard`` (both on by the date): workerd's
  ``became the default`` warnings of each Worker, under its own name, at start and after an edit of
  b's code (audit27; ``tests/test_dev_prints_workerds_redundant_flag_warnings.py``).
- ``flags-edit``: the same session, b's config then edited to name ``made_up_b`` too: the lines the
  restarted runtime prints (audit28).
- ``given``, ``env-file``, ``cf-worker``: ``--compatibility-date``/``--compatibility-flags``,
  ``--env-file`` and ``--host``/``--routes`` (the ``CF-Worker`` header) reach the first Worker alone (review81, ``tests/test_dev_session_gives_the_workers_options_to_the_first_worker_alone.py``).
- ``future-b``: b's own ``compatibility_date`` after today (audit29: 4.164.0 prints miniflare's
  ``Compatibility date "2099-01-01" is in the future and unsupported`` after both tables, exit 1;
  ``tests/test_dev_refuses_a_compatibility_date_as_wrangler_dev.py``).

    PATH=$(cat /tmp/wrangler/node-bin-path):$PATH WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler python3 tools/wrangler/dev_session_probe.py [crons|queues|prefix|inflight|inflight-work|consumers-edit|flags|flags-edit|given|env-file|cf-worker|future-b]

Not collected by pytest (needs Node and wrangler).
"""
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import casediff

READY = 'export default { async fetch() { return new Response("ready"); }, async scheduled() {} };\n'
CRONS = '["0 2 * * *"]'
CONSUMER = ('export default { async fetch(req, env) { if (env.OWN) await env.OWN.send("hello from b"); '
            'return new Response("b sent"); },\n'
            '  async queue(batch) { for (const m of batch.messages) { console.log("b got " + m.body); m.ack(); } } };\n')


def session(workers: dict[str, tuple[str, str]], paths: list[str] = (), settle: float = 3.0,
            edits: list[tuple[str, str]] = (), bundled: bool = False, again: bool = True,
            after: float | None = None, then: Any = None, args: list[str] = (), before: Any = None,
            dates: dict[str, str] | None = None) -> str:
    """wrangler dev's output for the Workers ``{name: (source, extra config)}``, ``paths`` of the
    first requested once it is ready, ``settle`` seconds after; then each of ``edits`` (a file
    under the session's folder, the text appended to it) made, the reload awaited and ``paths``
    requested again (not with ``again`` false), ``after`` seconds (default ``settle``) given to
    the last; ``then(root, port)`` after that (an edit, say). ``bundled``: without ``no_bundle``;
    ``args``: more of wrangler dev's arguments (``ROOT`` in one: the session's folder);
    ``before(root)`` once the Workers are written (more files); ``dates``: a Worker's compatibility
    date other than 2025-11-02, by name."""
    with tempfile.TemporaryDirectory(prefix="sessionprobe-") as folder:
        root = Path(folder)
        for name, (source, extra) in workers.items():
            (root / name / "src").mkdir(parents=True)
            (root / name / "src" / "index.js").write_text(source)
            (root / name / "wrangler.toml").write_text(
                f'name = "{name}"\nmain = "src/index.js"\ncompatibility_date = "{(dates or {}).get(name, "2025-11-02")}"\n'
                f'{"" if bundled else "no_bundle = true"}\n{extra}')
        if before is not None:
            before(root)
        args = [arg.replace("ROOT", str(root)) for arg in args]
        port, log_path = casediff._free_port(), root / "wrangler.log"
        configs = [arg for name in workers for arg in ("-c", f"{name}/wrangler.toml")]
        with log_path.open("w") as log:
            proc = subprocess.Popen(
                [str(casediff.HERE / "wrangler"), "dev", *configs, *args, "--ip", "127.0.0.1", "--port", str(port),
                 "--inspector-port", str(casediff._free_port()), "--show-interactive-dev-session=false"],
                cwd=root, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True,
                env={**os.environ, "XDG_CONFIG_HOME": str(root / "config")})
            try:
                deadline = time.monotonic() + 120
                while ("Ready on" not in log_path.read_text() and proc.poll() is None
                       and time.monotonic() < deadline):
                    time.sleep(0.5)
                for path in paths:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=60).close()
                time.sleep(settle)  # the warning follows the proxy's readiness; a batch its timeout
                for step, (file, text) in enumerate(edits, 1):
                    with (root / file).open("a") as edited:
                        edited.write(text)
                    while log_path.read_text().count("Local server updated and ready") < step and time.monotonic() < deadline + 60 * step:
                        time.sleep(0.3)
                    for path in paths if again else ():
                        urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=60).close()
                    time.sleep(settle if after is None or step < len(edits) else after)
                if then is not None:
                    then(root, port)
                return log_path.read_text() + f"\n[exit status: {proc.poll()}]"
            finally:
                if proc.poll() is None:
                    os.killpg(proc.pid, signal.SIGTERM)
                proc.wait(timeout=20)


def crons() -> None:
    for first, second in ((None, CRONS), ("[]", CRONS), (CRONS, None), ("[]", None)):
        text = session({name: (READY, "" if crons is None else f"[triggers]\ncrons = {crons}\n")
                        for name, crons in (("a", first), ("b", second))})
        print(f"a crons={first} b crons={second}: ready={'Ready on' in text} "
              f"warned={'Scheduled Workers are not automatically triggered' in text}")


def queues() -> None:
    consumed = '[[queues.consumers]]\nqueue = "b-q"\nmax_batch_timeout = 1\n'
    own = session({"a": ('export default { async fetch(req, env) { const r = await env.B.fetch("https://b/"); '
                         'return new Response("a: " + await r.text()); } };\n',
                         '[[services]]\nbinding = "B"\nservice = "b"\n'),
                   "b": (CONSUMER, '[[queues.producers]]\nbinding = "OWN"\nqueue = "b-q"\n' + consumed)}, ["/"])
    across = session({"a": ('export default { async fetch(req, env) { await env.Q.send("hello from a"); '
                            'return new Response("sent"); } };\n', '[[queues.producers]]\nbinding = "Q"\nqueue = "b-q"\n'),
                      "b": (CONSUMER, consumed)}, ["/"])
    for case, text in (("the second Worker's own send", own), ("the first Worker's send", across)):
        got = [line for line in text.splitlines() if line.startswith(("b got", "[wrangler:info] QUEUE"))]
        print(f"{case}: {got}")


def prefix() -> None:
    logs = ('export default { async fetch(req, env) { console.log("b log"); console.info("b info"); '
            'console.warn("b warn"); await env.OWN.send("m"); return new Response("b"); },\n'
            '  async queue(batch) { for (const m of batch.messages) { console.log("b got " + m.body); m.ack(); } } };\n')
    served = ('export default { async fetch(req, env) { console.log("a log"); const r = await env.B.fetch("https://b/"); '
              'return new Response("a: " + await r.text()); } };\n')
    b_config = '[[queues.producers]]\nbinding = "OWN"\nqueue = "b-q"\n[[queues.consumers]]\nqueue = "b-q"\nmax_batch_timeout = 1\n'
    for bundled in (False, True):
        text = session({"a": (served, '[[services]]\nbinding = "B"\nservice = "b"\n'), "b": (logs, b_config)}, ["/"],
                       edits=[("b/src/index.js", "// edited\n"), ("b/wrangler.toml", '[vars]\nV = "1"\n')], bundled=bundled)
        steps = text.split("Local server updated and ready")
        for step, part in enumerate(steps):
            lines = [line for line in part.splitlines() if " log" in line or " info" in line or " warn" in line or " got " in line]
            print(f"{'bundled' if bundled else 'unbundled'} step {step}: {lines}")



def inflight() -> None:
    """A batch in a's ``queue()`` (5 s of timer) when b's code or config, or a's own code (a
    lone Worker), is edited: does ``end`` print, is the batch retried?"""
    consumer = ('export default { async fetch(req, env) { await env.Q.send("m"); return new Response("sent"); },\n'
                '  async queue(batch) { for (const m of batch.messages) { console.log("start " + m.body + " attempt " + m.attempts); '
                'await new Promise(r => setTimeout(r, 5000)); console.log("end " + m.body); m.ack(); } } };\n')
    config = ('[[queues.producers]]\nbinding = "Q"\nqueue = "q"\n'
              '[[queues.consumers]]\nqueue = "q"\nmax_batch_timeout = 0\nmax_retries = 3\n')
    other = 'export default { async fetch() { return new Response("b"); } };\n'
    for case, workers, edit in (
            ("b's code", {"a": (consumer, config), "b": (other, "")}, ("b/src/index.js", "// edited\n")),
            ("b's config", {"a": (consumer, config), "b": (other, "")}, ("b/wrangler.toml", '[vars]\nV = "1"\n')),
            ("a lone Worker's own code", {"a": (consumer, config)}, ("a/src/index.js", "// edited\n"))):
        text = session(workers, ["/"], settle=1.5, edits=[edit], again=False, after=15)
        lines = [line for line in text.splitlines() if line.startswith(("start", "end", "[wrangler:info] QUEUE", "\u2394"))
                 or "rror" in line]
        print(f"{case}: {lines}")


def inflight_work() -> None:
    """review79: what of a cut-off ``queue()`` goes on after a reload of its Worker's code -- its
    ``waitUntil`` work (a promise it resolves 3 s on), a timer it set (3 s), its ``finally``
    block and a task it did not await (both 3 s on), the next message of a batch of two."""
    consumer = ('export default { async fetch(req, env) { await env.Q.sendBatch([{body: "m1"}, {body: "m2"}]); '
                'return new Response("sent"); },\n'
                '  async queue(batch, env, ctx) {\n'
                '    ctx.waitUntil(new Promise(r => setTimeout(() => { console.log("waited"); r(); }, 3000)));\n'
                '    setTimeout(() => console.log("timer"), 3000);\n'
                '    (async () => { await new Promise(r => setTimeout(r, 3000)); console.log("floating"); })();\n'
                '    for (const m of batch.messages) { console.log("start " + m.body + " attempt " + m.attempts);\n'
                '      try { await new Promise(r => setTimeout(r, 5000)); } finally { console.log("finally " + m.body); }\n'
                '      console.log("end " + m.body); m.ack(); } } };\n')
    config = ('[[queues.producers]]\nbinding = "Q"\nqueue = "q"\n'
              '[[queues.consumers]]\nqueue = "q"\nmax_batch_timeout = 0\nmax_batch_size = 2\nmax_retries = 3\n')
    text = session({"a": (consumer, config)}, ["/"], settle=1.5, edits=[("a/src/index.js", "// edited\n")],
                   again=False, after=12)
    print([line for line in text.splitlines() if line.startswith(("start", "end", "waited", "timer", "floating",
                                                                  "finally", "[wrangler:info] QUEUE", "\u2394"))
           or "rror" in line])


def consumers_edit() -> None:
    """review77: b's config edited to consume the queue a consumes."""
    sends = ('export default { async fetch(req, env) { await env.P.send("from a"); return new Response("sent"); },\n'
             '  async queue(batch) { for (const m of batch.messages) { console.log("a got " + m.body); m.ack(); } } };\n')
    producer, consumer = '[[queues.producers]]\nbinding = "P"\nqueue = "q"\n', '[[queues.consumers]]\nqueue = "q"\n'

    def edit(root: Path, port: int) -> None:
        config = root / "b" / "wrangler.toml"
        config.write_text(config.read_text() + consumer)
        time.sleep(8)

    text = session({"a": (sends, producer + consumer), "b": (READY, producer)}, ["/"], then=edit)
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("[wrangler:info] GET /"))
    print("\n".join(line for line in lines[start:] if line.strip()
                    and not any(noise in line for noise in ("Request.cf", "ENOTFOUND", "GetAddrInfo"))))


def flags() -> None:
    """audit27: each session Worker's redundant-flag warnings, at start and at a reload of b's code."""
    text = session({"a": (READY, 'compatibility_flags = ["r2_public_beta_bindings"]\n'),
                    "b": (READY, 'compatibility_flags = ["url_standard"]\n')}, ["/"], settle=1.5,
                   edits=[("b/src/index.js", "// edited\n")])
    print("\n".join(line for line in text.splitlines() if "service core:user" in line or line.startswith("\u2394")
                     or "Ready on" in line))


def flags_edit() -> None:
    """audit28: b's config edited to name an unknown flag beside a's and b's redundant ones: which
    Workers' workerd lines the restarted runtime prints."""
    def edit(root: Path, port: int) -> None:
        config = root / "b" / "wrangler.toml"
        config.write_text(config.read_text().replace('["url_standard"]', '["url_standard", "made_up_b"]'))
        time.sleep(8)

    text = session({"a": (READY, 'compatibility_flags = ["r2_public_beta_bindings"]\n'),
                    "b": (READY, 'compatibility_flags = ["url_standard"]\n')}, ["/"], settle=1.5, then=edit)
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("[wrangler:info] GET /"))
    print("\n".join(line for line in lines[start:] if "service core:user" in line or line.startswith("\u2394")
                     or "rror" in line or "exit status" in line))


def given() -> None:
    """review81: ``--compatibility-date``/``--compatibility-flags`` given to a session of a and b, both
    2025-11-02 with ``url_standard``: whose Worker takes them (4.164.0: the first's alone -- a's
    refusal beside b's warning at its own date; at 2020-01-01 b's warning alone)."""
    for extra in (["--compatibility-date", "2026-1-01"], ["--compatibility-flags", "made_up_x"],
                  ["--compatibility-date", "2020-01-01"]):
        text = session({"a": (READY, 'compatibility_flags = ["url_standard"]\n'),
                        "b": (READY, 'compatibility_flags = ["url_standard"]\n')}, settle=1.5, args=extra)
        print(f"== {' '.join(extra)}")
        print("\n".join(line for line in text.splitlines() if "core:user" in line or "Ready on" in line
                         or "exit status" in line))


def env_file() -> None:
    """review81: ``--env-file`` given to a session whose Workers each have a ``.env`` of their own, a
    calling b through a service binding, each answering its ``FROM_FILE`` (4.164.0: the first's
    alone, a relative path read from the first config's folder; b reads its own ``.env``)."""
    calls = ('export default { async fetch(req, env) { const b = await env.B.fetch("http://b/"); '
             'return new Response(`a:${env.FROM_FILE} b:${await b.text()}`); } };\n')
    answers = 'export default { async fetch(req, env) { return new Response(`${env.FROM_FILE}`); } };\n'
    for given in ("ROOT/given.env", "given.env"):
        def ask(root: Path, port: int) -> None:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=60) as answer:
                print(f"== --env-file {given}: {answer.read().decode()}")

        def files(root: Path) -> None:
            for name in ("a", "b"):
                (root / name / ".env").write_text(f"FROM_FILE={name}-own-dotenv\n")
            (root / "given.env").write_text("FROM_FILE=given\n")
            (root / "a" / "given.env").write_text("FROM_FILE=given-in-a\n")

        text = session({"a": (calls, '[[services]]\nbinding = "B"\nservice = "b"\n'), "b": (answers, "")},
                       settle=1.0, then=ask, args=["--env-file", given], before=files)
        print("\n".join(line for line in text.splitlines() if line.startswith("Using secrets")))


def cf_worker() -> None:
    """review81: ``--host``/``--routes`` given to a session, a and b each fetching a local server that
    echoes the ``CF-Worker`` header, a calling b (4.164.0: the first's alone; b's is its own config's
    default, ``b.example.com``)."""
    import http.server
    import threading

    class Echo(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = (self.headers.get("cf-worker") or "none").encode()
            self.send_response(200)
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    echo = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Echo)
    threading.Thread(target=echo.serve_forever, daemon=True).start()
    out = f'const o = await fetch("http://127.0.0.1:{echo.server_address[1]}/"); '
    calls = ('export default { async fetch(req, env) { ' + out + 'const b = await env.B.fetch("http://b/"); '
             'return new Response(`a:${await o.text()} b:${await b.text()}`); } };\n')
    answers = 'export default { async fetch(req, env) { ' + out + 'return new Response(await o.text()); } };\n'
    for option in ("--host=example.org", "--routes=shop.example.net/*"):
        def ask(root: Path, port: int) -> None:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=60) as answer:
                print(f"== {option}: {answer.read().decode()}")

        session({"a": (calls, '[[services]]\nbinding = "B"\nservice = "b"\n'), "b": (answers, "")}, settle=1.0,
                then=ask, args=[option])
    echo.shutdown()


def future_b() -> None:
    """audit29: b's own compatibility_date after today (2099-01-01), a's today's: what wrangler dev
    prints and its exit (miniflare's future-date refusal for a session's second Worker too?)."""
    text = session({"a": (READY, ""), "b": (READY, "")}, dates={"b": "2099-01-01"}, settle=0.5)
    print("\n".join(line for line in text.splitlines() if line.strip()))


{"crons": crons, "flags": flags, "given": given, "env-file": env_file, "cf-worker": cf_worker, "flags-edit": flags_edit, "inflight": inflight, "queues": queues, "prefix": prefix,
 "consumers-edit": consumers_edit, "inflight-work": inflight_work, "future-b": future_b}[sys.argv[1] if len(sys.argv) > 1 else "crons"]()
