"""What the fetcher-init tests share: a Python Worker that makes one call of each case on every path
-- raw (``on_fetch(request, env)``: ``js.fetch``, ``env.ASSETS.fetch``, ``env.SVC.fetch`` with a
JavaScript init) or through the SDK (a ``WorkerEntrypoint``: ``workers.fetch``,
``self.env.ASSETS.fetch``, ``self.env.SVC.fetch`` with the init's members as keywords) -- and
answers each outcome: ``"ok <status> <text>"``, or the error's ``str`` (a JsException's is
``"TypeError: ..."``; pyfetch raises workerd's message as an ``OSError`` on Pyodide 0.26 and an
``AbortError`` on 0.28, which :func:`message` reads back to JavaScript's form). ``js.fetch`` goes to
a ``data:`` URL (answered by workerd itself, after its Request is built), ``SVC`` is a Python
object echoing ``<method> <body>``. Measured against ``wrangler dev`` 4.164.0 by
tools/wrangler/fetcher_init_refusals_probe.py."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

from worker_helpers import one_file_worker

from workers_env import load_env, load_worker

#: an era's date each: Pyodide 0.26 (before upper_case_all_http_methods), 0.26 after it, 0.28, 314
ERAS = ["2024-09-01", "2025-06-01", "2025-11-01", "2026-10-01"]
PATHS = ["js.fetch", "ASSETS", "SVC"]

_BODY = '''
import json
import js
import workers
from pyodide.ffi import JsException, to_js
from workers import Response, WorkerEntrypoint


def stream():
    def start(c):
        c.enqueue(js.TextEncoder.new().encode("s"))
        c.close()
    return js.ReadableStream.new(to_js({"start": start}, dict_converter=js.Object.fromEntries))


try:
    from pyodide.ffi import jsnull
except ImportError:  # Pyodide 0.26: a keyword cannot be null
    jsnull = None


def value(v):
    return stream() if v == "$stream" else None if v == "$undefined" else jsnull if v is None else v


def made_input(kind, url):
    if kind == "url":
        return url
    if kind == "Request GET":
        return js.Request.new(url)
    return js.Request.new(url, to_js({"method": "POST", "body": "x"}, dict_converter=js.Object.fromEntries))


async def one(env, path, kind, init, sdk):
    url = {"js.fetch": "data:,d", "ASSETS": "http://a/a.txt", "SVC": "http://b/echo"}[path]
    given = made_input(kind, url)
    if sdk:
        call = workers.fetch if path == "js.fetch" else getattr(env, path).fetch
    else:
        call = js.fetch if path == "js.fetch" else getattr(env, path).fetch
    if sdk and init is not None and None in init.values() and jsnull is None:
        return "n/a"
    try:
        if init is None:
            r = await call(given)
        elif sdk:
            r = await call(given, **{k: value(v) for k, v in init.items()})
        elif any(v is None for v in init.values()):  # JSON.parse keeps a null member null
            made = js.JSON.parse(json.dumps({k: v for k, v in init.items() if v != "$stream"}))
            for k, v in init.items():
                if v == "$stream":
                    setattr(made, k, stream())
            r = await call(given, made)
        else:
            r = await call(given, to_js({k: value(v) for k, v in init.items()}, dict_converter=js.Object.fromEntries))
        got = f"ok {r.status} {await r.text()}"
    except Exception as e:
        got = str(e) if isinstance(e, JsException) else f"{type(e).__name__}: {e}"
    if kind != "url":
        got += f" (bodyUsed {'true' if given.bodyUsed else 'false'})"
    return got


async def run(env, request, sdk):
    out = []
    for kind, init in json.loads(await request.text()):
        out.append({path: await one(env, path, kind, init, sdk) for path in ("js.fetch", "ASSETS", "SVC")})
    return Response(json.dumps(out))
'''

RAW = _BODY + '''

async def on_fetch(request, env):
    return await run(env, request, False)
'''

SDK = _BODY + '''

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return await run(self.env, request, True)
'''


def as_request(request: Any, init: Any = None) -> Any:
    """What a supplied service's ``fetch(request, init)`` was given, as the one ``Request`` the
    callee's runtime makes of it (the SDK's keywords arrive as a dict)."""
    from workers_env import js, to_js

    if isinstance(init, dict):  # (the SDK's keywords, as given)
        init = to_js(init, dict_converter=js.Object.fromEntries)
    if init is not None or isinstance(request, str):
        request = js.Request.new(request, init)
    return request


class Echo:
    """The service ``SVC`` stands for: answers ``<method> <body>``."""

    async def fetch(self, request: Any, init: Any = None) -> Any:
        from workers_env import js

        request = as_request(request, init)
        return js.Response.new(f"{request.method} {await request.text()}")


def outcomes(tmp_path: Path, date: str, cases: list[list[Any]], *, sdk: bool) -> list[dict[str, str]]:
    """Each case's ``[input, init]`` (input ``url``, ``Request GET`` or ``Request POST x``; init
    ``None`` for none, else a JSON object whose ``"$stream"`` is a ReadableStream of ``s`` and
    ``"$undefined"`` ``undefined``) answered on every path, raw or through the SDK, at ``date``."""
    folder = tmp_path / ("sdk" if sdk else "raw")
    flags = [] if sdk or date < "2025-08-14" else ["disable_python_no_global_handlers"]
    if sdk and date < "2025-08-14":
        flags = ["python_no_global_handlers"]
    one_file_worker(folder, SDK if sdk else RAW, date=date, flags=flags,
                    extra='services = [{binding = "SVC", service = "echo"}]\n'
                          '[assets]\ndirectory = "public"\nbinding = "ASSETS"\nrun_worker_first = true\n')
    (folder / "public").mkdir()
    (folder / "public" / "a.txt").write_text("a")
    worker = load_worker(env=load_env(folder, bindings={"SVC": Echo()}))

    async def scenario() -> Any:
        resp = await asyncio.wait_for(worker.fetch("/", method="POST", body=json.dumps(cases)), 60)
        assert resp.status == 200, await resp.text()
        return await resp.json()

    return list(asyncio.run(scenario()))


def message(outcome: str) -> str:
    """An SDK call's outcome in JavaScript's form: pyfetch's ``OSError``/``AbortError`` of
    workerd's ``TypeError`` message read as that ``TypeError``."""
    for name in ("OSError: ", "AbortError: "):
        if outcome.startswith(name):
            return "TypeError: " + outcome[len(name):]
    return outcome


def both(tmp_path: Path, date: str, cases: list[list[Any]]) -> list[dict[str, str]]:
    """Each case's outcome on each path, raw and through the SDK (in JavaScript's form), checked
    to be the same both ways; the raw ones returned."""
    raw = outcomes(tmp_path, date, cases, sdk=False)
    sdk = outcomes(tmp_path, date, cases, sdk=True)
    for case, r, s in zip(cases, raw, sdk, strict=True):
        assert {p: message(v) for p, v in s.items() if v != "n/a"} == {p: r[p] for p, v in s.items() if v != "n/a"}, \
            (case, r, s)
    return raw
