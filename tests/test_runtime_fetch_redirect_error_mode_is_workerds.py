"""``redirect: "error"`` as workerd 1.20261201.1 has it (``fetch_redirect_error``, on from 2026-12-22).

Without the flag a Request refuses ``"error"`` -- and any other value but ``"follow"``/``"manual"`` --
with a ``TypeError`` naming the flag (the text before 1.20261201.1 said ``"error" won't be
implemented``); with it ``"error"`` is kept (a copy and a clone keep it, an init's ``"follow"``
replaces it), another value is the flag's own ``TypeError``, and ``fetch`` -- an origin's answer
or a Fetcher binding's -- fails at a 301, 302, 303, 307 or 308, whether its ``Location`` is there,
empty or missing, before a one-time body is refused and for a HEAD too; a 300, a 304 and a 200 are
answered. Measured with npm ``workerd`` 1.20261201.1 (``workerd test`` of a JavaScript Worker with
a local origin and a service binding, 2026-11-30 with and without the flag; currency55;
``python3 tools/workerd/redirect_error_probe.py WORKERD`` prints the same cases' answers).
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import Any

from worker_helpers import one_file_worker, serving

from workers_env import load_env, load_worker

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools" / "workerd"))
from redirect_error_probe import PATHS, Origin  # noqa: E402 - the origin workerd's answers were measured against

ENTRY = """
import js
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint, import_from_javascript

O = "{origin}"

def init(**members):
    return to_js(members, dict_converter=js.Object.fromEntries)

def stream():
    start = lambda c: (c.enqueue(js.Uint8Array.new([97])), c.close())
    return js.ReadableStream.new(to_js({{"start": start}}, dict_converter=js.Object.fromEntries))

async def seen(make):
    try:
        r = await make()
        return r if isinstance(r, str) else [r.status, r.redirected, r.url.replace(O, "O"), await r.text()]
    except Exception as exc:
        return f"{{exc.name}}: {{exc.message}}" if hasattr(exc, "message") else f"{{type(exc).__name__}}: {{exc}}"

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        svc = import_from_javascript("cloudflare:workers").env.SVC
        error = lambda: js.Request.new(O + "/ok", init(redirect="error"))
        out = [
            await seen(lambda: _sync(error().redirect)),
            await seen(lambda: _sync(js.Request.new(O + "/ok", init(redirect="bogus")).redirect)),
            await seen(lambda: _sync(js.Request.new(error()).redirect)),
            await seen(lambda: _sync(error().clone().redirect)),
            await seen(lambda: _sync(js.Request.new(error(), init(redirect="follow")).redirect)),
        ]
        for path in {paths}:
            out.append(await seen(lambda: js.fetch(O + path, init(redirect="error"))))
        out += [
            await seen(lambda: js.fetch(js.Request.new(O + "/r302", init(redirect="error")))),
            await seen(lambda: js.fetch(js.Request.new(O + "/r302", init(redirect="error")), init(redirect="follow"))),
            await seen(lambda: js.fetch(O + "/r302", init(method="HEAD", redirect="error"))),
            await seen(lambda: js.fetch(O + "/r307", init(method="POST", redirect="error", body=stream()))),
            await seen(lambda: svc.fetch("http://svc/r302", init(redirect="error"))),
            await seen(lambda: svc.fetch("http://svc/ok", init(redirect="error"))),
            await seen(lambda: self.env.SVC.fetch("http://svc/r302", redirect="error")),
        ]
        return Response.json(out)

async def _sync(value):
    return value
"""


class Service:
    """A service binding: ``/r302`` a 302 to ``/ok``, anything else 200 naming its path."""

    async def fetch(self, resource: Any, init: Any = None) -> Any:
        from workers_env import js

        url = str(getattr(resource, "url", resource))
        if url.endswith("/r302"):
            return js.Response.new("moved", status=302, headers=js.Object.fromEntries([["location", "/ok"]]))
        return js.Response.new("svc " + url.rpartition("/")[2])


FLAG_OFF = ('TypeError: Invalid redirect value. Use "follow" or "manual". To use "error", enable the '
            "fetch_redirect_error compatibility flag.")
REFUSED = 'TypeError: Received a redirect response with redirect mode set to "error".'

#: what workerd 1.20261201.1 answered the JavaScript twin of these calls, flag on
FLAG_ON = [
    "error",
    'TypeError: Invalid redirect value, must be one of "follow", "manual", or "error".',
    "error",
    "error",
    "follow",
    [200, False, "O/ok", "GET /ok"],
    *[REFUSED] * 5,
    [300, False, "O/r300", "GET /r300"],
    [304, False, "O/r304", ""],
    REFUSED,  # an empty Location
    REFUSED,  # none
    REFUSED,  # one that cannot be read
    REFUSED,  # the Request's own mode
    [200, True, "O/ok", "GET /ok"],  # the init's "follow" over the Request's "error"
    REFUSED,  # HEAD
    REFUSED,  # a one-time body: this, not the retransmission refusal
    REFUSED,  # a service binding's 302
    [200, False, "http://svc/ok", "svc ok"],
]


def answers(tmp_path: Path, flags: tuple[str, ...]) -> list[Any]:
    with serving(Origin) as origin:
        folder = one_file_worker(tmp_path, ENTRY.format(origin=origin, paths=PATHS), date="2026-11-30", flags=flags,
                                 extra='services = [{ binding = "SVC", service = "other" }]\n')
        worker = load_worker(env=load_env(folder, bindings={"SVC": Service()}))

        async def scenario() -> Any:
            resp = await asyncio.wait_for(worker.fetch("/"), 10)
            assert resp.status == 200, await resp.text()
            return await resp.json()

        return asyncio.run(scenario())


def test_with_the_flag_error_mode_fails_at_a_redirect_status(tmp_path: Path) -> None:
    got = answers(tmp_path, ("fetch_redirect_error",))
    assert got[:-1] == FLAG_ON
    assert got[-1] == "AbortError: " + REFUSED.removeprefix("TypeError: ")  # the SDK's Fetcher, as pyfetch raises it


def test_without_it_the_request_refuses_error_naming_the_flag(tmp_path: Path) -> None:
    got = answers(tmp_path, ())
    assert got[:5] == [FLAG_OFF, FLAG_OFF, FLAG_OFF, FLAG_OFF, FLAG_OFF]
    assert got[5:-1] == [FLAG_OFF] * (len(FLAG_ON) - 5)
    assert got[-1] == FLAG_OFF  # the SDK's Fetcher on 314: pyfetch makes the Request before its try, so the
    # constructor's JsException itself (pyodide/http/_pyfetch.py 314.0.6; leftovers56), not pyfetch's AbortError
