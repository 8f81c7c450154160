"""``new Request(used)`` -- an input Request whose body was read -- and ``fetch(used)`` (the global
one, ``env.ASSETS.fetch``, which build that Request first: http.c++ ``fetchImplNoOutputLock``)
are refused with workerd's ``TypeError: Cannot reconstruct a Request with a used body.``
(http.c++ ``Request::constructor``, checked as the input is read, before the init: so before a
non-empty ``integrity`` or an unknown ``method``, the init's first checks); a fetch's refusal is the
rejection of the promise it returns. An init giving a body -- ``null`` too -- replaces the used
one and is taken; a Request without a body is never used. They were taken before (left57)."""

from __future__ import annotations

from worker_helpers import json_answer, one_file_worker

ENTRY = """
import js
from pyodide.ffi import JsException, to_js
from workers import Response


def init(**kw):
    return js.JSON.parse('{"body": null}') if kw == {"body": None} else to_js(kw, dict_converter=js.Object.fromEntries)


async def used():
    r = js.Request.new("http://a/x", init(method="POST", body="x"))
    await r.text()
    return r


async def outcome(make):
    try:
        got = make()
        if hasattr(got, "then"):  # a fetch: refused as its promise's rejection, not at the call
            got = await got
            return f"ok {got.status}"
        return f"made {got.method} {await got.text()!r}"
    except JsException as e:
        return str(e)


async def on_fetch(request, env):
    out = []
    for make in (lambda r: js.Request.new(r), lambda r: js.Request.new(r, init()),
                 lambda r: js.Request.new(r, init(method="PUT")), lambda r: js.Request.new(r, init(integrity="x")),
                 lambda r: js.Request.new(r, init(method="BOGUS")), lambda r: js.fetch(r, init(integrity="x")),
                 lambda r: js.Request.new(r, init(body=None)),
                 lambda r: js.Request.new(r, init(body="y")), lambda r: js.fetch(r), lambda r: env.ASSETS.fetch(r)):
        r = await used()
        out.append(await outcome(lambda: make(r)))
    plain = js.Request.new("http://a/a.txt")
    await plain.text()
    out.append(await outcome(lambda: env.ASSETS.fetch(plain)))
    return Response.json(out)
"""

REFUSED = "TypeError: Cannot reconstruct a Request with a used body."


def test_a_used_request_is_not_reconstructed(tmp_path):
    folder = one_file_worker(tmp_path, ENTRY, date="2025-11-01", flags=["disable_python_no_global_handlers"],
                             extra='[assets]\ndirectory = "public"\nbinding = "ASSETS"\nrun_worker_first = true\n')
    (folder / "public").mkdir()
    (folder / "public" / "a.txt").write_text("a")
    assert json_answer(folder, "/") == [REFUSED, REFUSED, REFUSED, REFUSED, REFUSED, REFUSED, "made POST ''",
                                        "made POST 'y'",
                                        REFUSED, REFUSED, "ok 200"]
