"""Differential check, against workerd (outside the test run), of what ``fetch(input, init)`` refuses
-- the global ``fetch``, ``env.ASSETS.fetch`` and a service binding's ``fetch`` -- as each builds a
``Request`` of (input, init) first (http.c++ ``fetchImplNoOutputLock`` calls
``Request::constructor``): a GET or HEAD with a body (a string, an empty one, ``null``,
``undefined``, a ReadableStream), bad and lower-case method names (``upper_case_all_http_methods``,
2024-10-14), CONNECT/TRACE/TRACK, ``redirect`` values, ``cache`` modes by era
(``cache_option_enabled`` 2024-11-11, ``cache_no_cache_enabled`` 2025-08-07), bad header names
and values, a Request plus an init overriding it, a ``signal`` that is no AbortSignal, a
non-empty ``integrity``, a bad ``encodeResponseBody``, an init that is a string, a string ``cf``.
A ReadableStream's ``locked`` and an input Request's ``bodyUsed`` are read after the call.

workerd's side: a JavaScript Worker with ``[assets]`` (binding ``ASSETS``) and a service binding
``SVC`` to a second JavaScript Worker (``wrangler dev -c main -c callee``), its ``fetch`` sent to a
local origin; both echo ``<method> <body>``; ``ASSETS`` is asked for ``/a.txt``, which it answers
without a redirect. workers-env's side: the same table in a Python Worker
(its ``SVC`` a Python callee), through the raw JavaScript calls (``on_fetch(request, env)``:
``js.fetch``, ``env.ASSETS.fetch``, ``env.SVC.fetch`` with a JS init) and through the SDK (a
``WorkerEntrypoint``: ``workers.fetch``, ``self.env.ASSETS.fetch``, ``self.env.SVC.fetch`` with the
init's members as keywords), at each date of :data:`DATES`. A raw call must answer what workerd
answers (an error's ``str`` is Pyodide's ``"TypeError: <message>"``); an SDK call the same
answer, or pyfetch's error of workerd's message (0.26: ``OSError``, 0.28: ``AbortError``; 314
makes a text URL a Request first, so its refusal is the ``JsException`` itself). A case the SDK
cannot express (an init that is no object; ``null`` on Pyodide 0.26, which has no ``jsnull``) is
left out there.

    PATH=$(cat /tmp/wrangler/node-bin-path):$PATH WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler \\
        WRANGLER_SEND_METRICS=false PYTHONPATH=. python3 tools/wrangler/fetcher_init_refusals_probe.py \\
        [--dates 2024-09-01 ...] [--all] [--save FILE]

Not collected by pytest (needs Node and wrangler's node_modules).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

from casediff import (  # noqa: E402
    DevSession, RawOrigin, _free_port, dying_with_this_tool, ending_on_signals, python_worker_folder, stop_group,
)

#: before upper_case_all_http_methods and cache_option_enabled (Pyodide 0.26); after both, before
#: cache_no_cache_enabled (0.26); after that (0.28); python_workers_314's era
DATES = ["2024-09-01", "2024-12-01", "2025-10-01", "2026-10-01"]
NAME = "fetcher-init"
TARGETS = ["fetch", "ASSETS", "SVC"]

U = {"$": "undefined"}
STREAM = {"$": "stream"}

#: [label, input, init]: input ``url`` (the target's URL), ``Request POST x`` / ``Request GET``
#: (a Request of that URL); init a JSON object (``{"$": "undefined"}`` is ``undefined``,
#: ``{"$": "stream"}`` a ReadableStream of "s"), ``null`` for none, or a string
CASES: list[list[Any]] = [
    ["GET, body 'x'", "url", {"method": "GET", "body": "x"}],
    ["GET, body ''", "url", {"method": "GET", "body": ""}],
    ["GET, body null", "url", {"method": "GET", "body": None}],
    ["GET, body undefined", "url", {"method": "GET", "body": U}],
    ["HEAD, body 'x'", "url", {"method": "HEAD", "body": "x"}],
    ["HEAD, body ''", "url", {"method": "HEAD", "body": ""}],
    ["HEAD, body null", "url", {"method": "HEAD", "body": None}],
    ["no method, body 'x'", "url", {"body": "x"}],
    ["no method, body ''", "url", {"body": ""}],
    ["GET, body a stream", "url", {"method": "GET", "body": STREAM}],
    ["no method, body a stream", "url", {"body": STREAM}],
    ["POST, body a stream", "url", {"method": "POST", "body": STREAM}],
    ["method get", "url", {"method": "get"}],
    ["method head", "url", {"method": "head"}],
    ["method post, body 'x'", "url", {"method": "post", "body": "x"}],
    ["method put, body 'x'", "url", {"method": "put", "body": "x"}],
    ["method delete", "url", {"method": "delete"}],
    ["method options", "url", {"method": "options"}],
    ["method patch, body 'x'", "url", {"method": "patch", "body": "x"}],
    ["method Patch, body 'x'", "url", {"method": "Patch", "body": "x"}],
    ["method purge", "url", {"method": "purge"}],
    ["method PATCH, body 'x'", "url", {"method": "PATCH", "body": "x"}],
    ["method BOGUS", "url", {"method": "BOGUS"}],
    ["method ''", "url", {"method": ""}],
    ["method 'GE T'", "url", {"method": "GE T"}],
    ["method 'GET '", "url", {"method": "GET "}],
    ["method CONNECT", "url", {"method": "CONNECT"}],
    ["method connect", "url", {"method": "connect"}],
    ["method TRACE", "url", {"method": "TRACE"}],
    ["method trace", "url", {"method": "trace"}],
    ["method TRACK", "url", {"method": "TRACK"}],
    ["method M-SEARCH", "url", {"method": "M-SEARCH"}],
    ["method \u017fearch", "url", {"method": "\u017fearch"}],  # (str.upper: SEARCH; kj's toUpper ASCII only)
    ["method 5", "url", {"method": 5}],
    ["method null", "url", {"method": None}],
    ["redirect bogus", "url", {"redirect": "bogus"}],
    ["redirect FOLLOW", "url", {"redirect": "FOLLOW"}],
    ["redirect Manual", "url", {"redirect": "Manual"}],
    ["redirect error", "url", {"redirect": "error"}],
    ["cache no-store", "url", {"cache": "no-store"}],
    ["cache no-cache", "url", {"cache": "no-cache"}],
    ["cache reload", "url", {"cache": "reload"}],
    ["cache default", "url", {"cache": "default"}],
    ["cache bogus", "url", {"cache": "bogus"}],
    ["header name 'a b'", "url", {"headers": {"a b": "x"}}],
    ["header value with \\n", "url", {"headers": {"x": "a\nb"}}],
    ["header value with \\r", "url", {"headers": {"x": "a\rb"}}],
    ["header name ''", "url", {"headers": {"": "x"}}],
    ["headers [['a']]", "url", {"headers": [["a"]]}],
    ["Request POST x + {method: GET}", "Request POST x", {"method": "GET"}],
    ["Request POST x + {method: get}", "Request POST x", {"method": "get"}],
    ["Request POST x + {method: GET, body: null}", "Request POST x", {"method": "GET", "body": None}],
    ["Request GET + {body: 'x'}", "Request GET", {"body": "x"}],
    ["Request GET + {method: POST, body: 'x'}", "Request GET", {"method": "POST", "body": "x"}],
    ["Request POST x + {headers}", "Request POST x", {"headers": {"a": "b"}}],
    ["Request POST x, no init", "Request POST x", None],
    ["Request POST x + {redirect: bogus}", "Request POST x", {"redirect": "bogus"}],
    ["signal 'x'", "url", {"signal": "x"}],
    ["signal {}", "url", {"signal": {}}],
    ["signal null", "url", {"signal": None}],
    ["integrity 'sha256-x'", "url", {"integrity": "sha256-x"}],
    ["integrity ''", "url", {"integrity": ""}],
    ["encodeResponseBody bogus", "url", {"encodeResponseBody": "bogus"}],
    ["init a string", "url", "x"],
    ["cf a string", "url", {"cf": "x"}],
    ["GET, body 'x', method BOGUS", "url", {"method": "BOGUS", "body": "x"}],
    ["GET, body 'x', redirect bogus", "url", {"method": "GET", "body": "x", "redirect": "bogus"}],
    ["GET, body 'x', cache bogus", "url", {"method": "GET", "body": "x", "cache": "bogus"}],
    ["GET, body 'x', header 'a b'", "url", {"method": "GET", "body": "x", "headers": {"a b": "x"}}],
    ["GET, body 'x', signal 'x'", "url", {"method": "GET", "body": "x", "signal": "x"}],
]

JS_WORKER = r"""
function value(v) {
  if (v && typeof v === "object" && !Array.isArray(v) && v.$ === "undefined") return undefined;
  if (v && typeof v === "object" && !Array.isArray(v) && v.$ === "stream")
    return new ReadableStream({start(c) { c.enqueue(new TextEncoder().encode("s")); c.close(); }});
  if (v && typeof v === "object" && !Array.isArray(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, value(x)]));
  return v;
}
async function one(target, url, input, init, env, origin) {
  const to = target === "fetch" ? origin : url;
  const given = input === "url" ? to
    : input === "Request GET" ? new Request(to) : new Request(to, {method: "POST", body: "x"});
  const made = init === null ? undefined : value(init);
  const stream = made && typeof made === "object" && made.body instanceof ReadableStream ? made.body : null;
  let got;
  try {
    const call = target === "fetch" ? fetch : (...a) => env[target].fetch(...a);
    const r = await (init === null ? call(given) : call(given, made));
    got = ["ok", r.status, (await r.text()).slice(0, 40)];
  } catch (e) { got = ["threw", `${e.name}: ${e.message}`]; }
  if (stream) got.push(`locked ${stream.locked}`);
  if (typeof given !== "string") got.push(`bodyUsed ${given.bodyUsed}`);
  return got;
}
export default {
  async fetch(request, env) {
    if (request.method !== "POST") return new Response("ready");
    const {cases, origin} = await request.json();
    const out = [];
    for (const [label, input, init] of cases) {
      const row = [];
      for (const target of ["fetch", "ASSETS", "SVC"]) {
        row.push(await one(target, target === "ASSETS" ? "http://a/a.txt" : "http://b/echo", input, init, env, origin));
      }
      out.push(row);
    }
    return Response.json(out);
  },
};
"""

JS_CALLEE = r"""
export default {
  async fetch(request) { return new Response(`${request.method} ${await request.text()}`); },
};
"""

PY_CALLEE = """
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response(f"{request.js_object.method} {await request.text()}")
"""

#: the Python Worker, raw (``on_fetch``) or through the SDK (``Default``); ``MODE`` is set below
PY_WORKER = '''
import json
import js
from pyodide.ffi import JsException, to_js
from workers import Response, WorkerEntrypoint
import workers

try:
    from pyodide.ffi import jsnull
except ImportError:  # Pyodide 0.26
    jsnull = None

NA = ["n/a"]


def stream():
    def start(c):
        c.enqueue(js.TextEncoder.new().encode("s"))
        c.close()
    return js.ReadableStream.new(to_js({"start": start}, dict_converter=js.Object.fromEntries))


def special(v):
    return isinstance(v, dict) and set(v) == {"$"}


def raw_value(v):
    if special(v):
        return None if v["$"] == "undefined" else stream()
    if isinstance(v, dict):
        return to_js({k: raw_value(x) for k, x in v.items()}, dict_converter=js.Object.fromEntries)
    if isinstance(v, list):
        return js.JSON.parse(json.dumps(v))
    return js.JSON.parse("null") if v is None else v


def raw_init(init):
    if isinstance(init, dict) and None in init.values():  # JSON null members: JSON.parse keeps them null
        plain = {k: x for k, x in init.items() if not special(x)}
        made = js.JSON.parse(json.dumps(plain))
        for k, x in init.items():
            if special(x):
                setattr(made, k, raw_value(x))
        return made
    return raw_value(init)


def sdk_kwargs(init):
    out = {}
    for k, x in init.items():
        if x is None:
            if jsnull is None:
                return None
            out[k] = jsnull
        elif special(x):
            out[k] = None if x["$"] == "undefined" else stream()
        else:
            out[k] = x
    return out


def outcome_of(e):
    if isinstance(e, JsException):
        return ["threw", str(e), "JsException"]
    return ["threw", str(e), type(e).__name__]


async def one(env, target, url, origin, inp, init, sdk):
    to = origin if target == "fetch" else url
    if inp == "url":
        given = to
    elif inp == "Request GET":
        given = js.Request.new(to)
    else:
        given = js.Request.new(to, to_js({"method": "POST", "body": "x"}, dict_converter=js.Object.fromEntries))
    if sdk:
        if init is not None and not isinstance(init, dict):
            return NA
        kwargs = sdk_kwargs(init or {})
        if kwargs is None:
            return NA
        made = kwargs
        call = workers.fetch if target == "fetch" else getattr(env, target).fetch
    else:
        made = None if init is None else raw_init(init)
        call = js.fetch if target == "fetch" else getattr(env, target).fetch
    body = made.get("body") if isinstance(made, dict) else getattr(made, "body", None) if made is not None else None
    stream_given = body if type(body).__name__ != "str" and hasattr(body, "locked") else None
    try:
        if sdk:
            r = await call(given, **made)
        else:
            r = await (call(given) if made is None else call(given, made))
        got = ["ok", r.status, (await r.text())[:40]]
    except Exception as e:
        got = outcome_of(e)
    if stream_given is not None:
        got.append(f"locked {'true' if stream_given.locked else 'false'}")
    if inp != "url":
        got.append(f"bodyUsed {'true' if given.bodyUsed else 'false'}")
    return got


async def run(env, request, sdk):
    calls = json.loads(await request.text())
    out = []
    for label, inp, init in calls["cases"]:
        row = []
        for target in ("fetch", "ASSETS", "SVC"):
            url = "http://a/a.txt" if target == "ASSETS" else "http://b/echo"
            row.append(await one(env, target, url, calls["origin"], inp, init, sdk))
        out.append(row)
    return Response(json.dumps(out))
'''

PY_RAW = PY_WORKER + '''

async def on_fetch(request, env):
    return await run(env, request, False)
'''

PY_SDK = PY_WORKER + '''

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return await run(self.env, request, True)
'''


class EchoOrigin(RawOrigin):
    """The global ``fetch``'s origin: answers ``<method> <body>`` whatever the method."""

    def answer(self, conn: socket.socket, head: list[str], body: bytes) -> None:
        method = head[0].split(" ")[0]
        length = next((int(line.split(":", 1)[1]) for line in head[1:] if line.lower().startswith("content-length:")), 0)
        chunked = any(line.lower().startswith("transfer-encoding:") for line in head[1:])
        conn.settimeout(2)
        while len(body) < length or (chunked and not body.endswith(b"0\r\n\r\n")):
            try:
                more = conn.recv(65536)
            except OSError:
                break
            if not more:
                break
            body += more
        if chunked:
            data, rest = b"", body
            while rest:
                size_line, _, rest = rest.partition(b"\r\n")
                size = int(size_line.split(b";")[0] or b"0", 16)
                if not size:
                    break
                data, rest = data + rest[:size], rest[size + 2:]
            body = data
        text = f"{method} {body.decode('latin-1')}".encode()
        payload = b"" if method == "HEAD" else text
        conn.sendall(b"HTTP/1.1 200 OK\r\ncontent-length: %d\r\nconnection: close\r\n\r\n%s" % (len(text), payload))


def public_folder(root: Path) -> Path:
    public = root / "public"
    public.mkdir()
    (public / "a.txt").write_text("a")  # (index.html would be redirected to /, and a redirect's hop refused what
    # the first call did not: audit33's 200 for a GET with a body was hidden so)
    return public


@contextlib.contextmanager
def two_workers(date: str, public: Path) -> Iterator[DevSession]:
    """The probe Worker and its callee under one ``wrangler dev`` (``-c`` each)."""
    with tempfile.TemporaryDirectory(prefix=f"{NAME}-") as folder:
        tmp = Path(folder)
        for name, source, extra in (
                ("main", JS_WORKER, f'services = [{{binding = "SVC", service = "{NAME}-callee"}}]\n'
                                    f'[assets]\ndirectory = "{public}"\nbinding = "ASSETS"\nrun_worker_first = true\n'),
                ("callee", JS_CALLEE, "")):
            (tmp / name / "src").mkdir(parents=True)
            (tmp / name / "src" / "index.js").write_text(source)
            worker_name = NAME if name == "main" else f"{NAME}-callee"
            (tmp / name / "wrangler.toml").write_text(
                f'name = "{worker_name}"\nmain = "src/index.js"\ncompatibility_date = "{date}"\nno_bundle = true\n' + extra)
        port, inspector = _free_port(), _free_port()
        log = (tmp / "wrangler.log").open("w")
        proc = subprocess.Popen([str(HERE / "wrangler"), "dev", "-c", "main/wrangler.toml", "-c", "callee/wrangler.toml",
                                 "--ip", "127.0.0.1", "--port", str(port), "--inspector-port", str(inspector),
                                 "--show-interactive-dev-session=false"],
                                cwd=tmp, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                start_new_session=True, preexec_fn=dying_with_this_tool(),
                                env={**os.environ, "XDG_CONFIG_HOME": str(tmp / "config")})
        session = DevSession(f"http://127.0.0.1:{port}/", tmp / "main", tmp / "wrangler.log")
        try:
            session.wait_ready(proc)
            yield session
        finally:
            stop_group(proc)
            log.close()


#: the SDK production vendors from 2026-04-21 (python_workers_314's dates): workers-py's runtime SDK
PYPROJECT = '[tool.workers-env]\npython-sdk = "1.9.5"\n'


def class_flags(date: str) -> list[str]:
    """A Python Worker with a ``Default`` class's ``fetch``: before 2025-08-14 it needs
    ``python_no_global_handlers`` to be dispatched."""
    return ["python_workers"] + (["python_no_global_handlers"] if date < "2025-08-14" else [])


def run_python(source: str, date: str, calls: dict[str, Any], public: Path, raw: bool) -> list[Any]:
    from workers_env import load_env, load_worker

    with tempfile.TemporaryDirectory(prefix=f"{NAME}-") as folder:
        root = Path(folder)
        (root / "callee").mkdir()
        callee_dir = python_worker_folder(root / "callee", PY_CALLEE, date, name=f"{NAME}-callee")
        config = callee_dir / "wrangler.toml"  # (a class handler before 2025-08-14: with this flag)
        config.write_text(config.read_text().replace('["python_workers"]', json.dumps(class_flags(date))))
        (callee_dir / "pyproject.toml").write_text(PYPROJECT)
        callee = load_worker(callee_dir)
        (root / "pyproject.toml").write_text(PYPROJECT)
        (root / "src").mkdir()
        (root / "src" / "entry.py").write_text(source)
        (root / "wrangler.json").write_text(json.dumps({
            "name": NAME, "main": "src/entry.py", "compatibility_date": date,
            # (on_fetch, for the raw calls, is dispatched from 2025-08-14 only with this flag)
            "compatibility_flags": ["python_workers", "disable_python_no_global_handlers"] if raw else class_flags(date),
            "services": [{"binding": "SVC", "service": f"{NAME}-callee"}],
            "assets": {"directory": str(public), "binding": "ASSETS", "run_worker_first": True}}))
        worker = load_worker(env=load_env(root, bindings={"SVC": callee}))

        async def scenario() -> list[Any]:
            resp = await worker.fetch("/", method="POST", body=json.dumps(calls))
            return json.loads(await resp.text())

        return asyncio.run(scenario())


OLD_REDIRECT_TEXT = "won't be implemented since it does not make sense at the edge"
NEW_REDIRECT_TEXT = 'To use "error", enable the fetch_redirect_error compatibility flag.'


def apart(date: str, target: str, label: str, path: str, theirs: list[Any], ours: list[Any]) -> str | None:
    """Why a case may differ on purpose (None: it may not): each reason is in the README."""
    if theirs[0] == "threw" and OLD_REDIRECT_TEXT in theirs[1] and NEW_REDIRECT_TEXT in ours[1]:
        return ("workers-env refuses a redirect value in workerd 1.20261201.1's words (measured with that "
                "workerd's `workerd test`); wrangler 4.164.0's and 4.168.0's workerd (1.20261117.1, 1.20261123.1) have "
                "the older text")
    if path == "sdk" and "signal" in label and date >= "2025-09-29":
        return ("pyfetch (Pyodide 0.28, 314) reads its own signal= keyword: AbortSignal.any([signal, ...]) if "
                "signal is truthy (pyodide/http.py), so workerd's init never sees it")
    return None


def sdk_matches(theirs: list[Any], ours: list[Any]) -> bool:
    """An SDK call's answer against workerd's: the same, or pyfetch's error of its message."""
    if ours == ["n/a"]:
        return True
    if theirs[0] != "threw" or ours[0] != "threw":
        return theirs == ours
    name, _, message = theirs[1].partition(": ")
    if ours[2] == "JsException":
        return bool(ours[1] == theirs[1]) and theirs[2:] == ours[3:]
    return ours[2] in ("AbortError", "OSError") and ours[1] == message and theirs[2:] == ours[3:]


def main(argv: list[str]) -> int:
    ending_on_signals()
    dates = DATES
    if "--dates" in argv:
        after = argv[argv.index("--dates") + 1:]
        dates = after[:next((i for i, a in enumerate(after) if a.startswith("--")), len(after))]
    origin_server = EchoOrigin()
    calls = {"cases": CASES, "origin": f"http://127.0.0.1:{origin_server.port}/echo"}
    total = same = allowed = 0
    saved: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix=f"{NAME}-public-") as folder:
        public = public_folder(Path(folder))
        for date in dates:
            with two_workers(date, public) as session:
                theirs = session.post(calls)  # type: ignore[arg-type]
            raw = run_python(PY_RAW, date, calls, public, True)
            sdk = run_python(PY_SDK, date, calls, public, False)
            saved[date] = {"workerd": theirs, "raw": raw, "sdk": sdk}
            for (label, *_), t_row, r_row, s_row in zip(CASES, theirs, raw, sdk, strict=True):
                for target, t, r, s in zip(TARGETS, t_row, r_row, s_row, strict=True):
                    raw_same = t == r[:2] + r[3:] if r[0] == "threw" else t == r
                    sdk_same = sdk_matches(t, s)
                    why = [w for w, agree, path, ours in ((apart(date, target, label, "raw", t, r), raw_same, "raw", r),
                                                          (apart(date, target, label, "sdk", t, s), sdk_same, "sdk", s))
                           if not agree and w]
                    total += 2
                    same += raw_same + sdk_same
                    allowed += len(why)
                    if raw_same + sdk_same + len(why) < 2 or (why and "--all" in argv) or "--all" in argv:
                        mark = "  " if raw_same and sdk_same else "~ " if raw_same + sdk_same + len(why) == 2 else "! "
                        print(f"{mark}{date} {target}.fetch {label}\n    workerd {json.dumps(t)}\n"
                              f"    raw     {json.dumps(r)}\n    sdk     {json.dumps(s)}")
                        for w in dict.fromkeys(why):
                            print(f"    apart: {w}")
    if "--save" in argv:
        Path(argv[argv.index("--save") + 1]).write_text(json.dumps(saved, indent=1))
    print(f"{same}/{total} answers identical ({len(CASES)} cases x {len(TARGETS)} targets x raw and SDK x "
          f"{len(dates)} dates: {', '.join(dates)}); {allowed} differ on purpose (apart), "
          f"{total - same - allowed} unexpected differences")
    return 0 if same + allowed == total else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
