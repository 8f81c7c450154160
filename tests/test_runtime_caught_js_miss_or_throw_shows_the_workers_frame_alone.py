"""A JsProxy lookup that misses or a JavaScript call that throws, caught by the Worker's own code,
carries the Worker's frames alone, as in Pyodide, where the lookup is C and the call JavaScript:
``traceback.format_exc()``/``logging.exception`` of it shows the Worker's line and the error
(Pyodide 0.26.0a4, 0.28.2 and 314.0.6 give ``['<module>']`` for each case here: group
``caught-sync-throw-frames`` of the Pyodide differential). Found running a public Worker (hunt37)
whose queue consumer logs ``payload.get(...)`` of a message's JS object: its log showed
``workers_env/runtime/jsproxy.py``'s ``__getattr__`` under its own line."""

from __future__ import annotations

import json

import pytest
from worker_helpers import one_file_worker

from workers_env import _jsontext, load_worker
from workers_env._errors import users_mistake
from workers_env.runtime.tracebacks import keep_every_frame

ENTRY = """\
    import json
    import traceback

    import js
    from js import JSON
    from workers import Response, WorkerEntrypoint

    def helper(value):
        return value.nope

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            case = request.url.rsplit("/", 1)[1]
            try:
                if case == "attr":
                    JSON.parse('{"a": 1}').get
                elif case == "index":
                    JSON.parse("[1]")[5]
                elif case == "parse":
                    JSON.parse("{")
                elif case == "method":
                    JSON.parse('{"b": "x"}').b()
                elif case == "global":
                    js.nosuchglobal
                elif case == "bind":
                    self.env.DB.prepare("SELECT ?").bind(None)
                elif case == "helper":
                    helper(JSON.parse("{}"))
                elif case == "map":
                    js.Map.new()["zz"]
                elif case == "arrayattr":
                    JSON.parse("[1]").nope
                elif case == "objectmap":
                    JSON.parse("{}").as_object_map()["zz"]
                elif case == "apply":
                    js.Reflect.apply(JSON.parse, None, ["{"])
                elif case == "call":
                    JSON.parse.call(None, "{")
                elif case == "fnapply":
                    JSON.parse.apply(None, ["["])
            except Exception as error:
                frames = [frame.name for frame in traceback.extract_tb(error.__traceback__)]
                return Response(json.dumps([type(error).__name__, str(error), frames, traceback.format_exc()]))
            return Response("no error")
"""

D1 = '[[d1_databases]]\nbinding = "DB"\ndatabase_name = "d"\ndatabase_id = "x"\n'

#: case -> (error type, message), the same in Pyodide 0.26.0a4 and 0.28.2 unless dated apart
ANSWERS = {
    "attr": ("AttributeError", "get"),
    "index": ("IndexError", "5"),
    "parse": ("JsException", None),
    "global": ("AttributeError", "nosuchglobal"),
    "bind": ("JsException", "Error: D1_TYPE_ERROR: Type 'undefined' not supported for value 'undefined'"),
    "map": ("KeyError", "'zz'"),
    "arrayattr": ("AttributeError", "nope"),
    "objectmap": ("KeyError", "'zz'"),
    # a JS function called through workers-env's own (Reflect.apply, call, apply): its throw crosses
    # two stand-ins, the inner one called by workers-env's code (audit22; the group's cases 14-16)
    "apply": ("JsException", None),
    "call": ("JsException", None),
    "fnapply": ("JsException", None),
}


@pytest.fixture(params=["2025-09-01", "2025-10-01"])  # Pyodide 0.26, then 0.28
def dated(request, tmp_path):
    return load_worker(one_file_worker(tmp_path, ENTRY, date=request.param, extra=D1, pyproject=False)), request.param


async def _answer(dated, case):
    response = await dated[0].fetch(f"/{case}")
    return json.loads(await response.text())


@pytest.mark.asyncio
@pytest.mark.parametrize("case", sorted(ANSWERS))
async def test_the_traceback_holds_the_workers_frame_alone(dated, case):
    kind, message, frames, rendered = await _answer(dated, case)
    assert kind == ANSWERS[case][0]
    if ANSWERS[case][1] is not None:
        assert message == ANSWERS[case][1]
    assert frames == ["fetch"]
    assert "workers_env" not in rendered and rendered.count('File "') == 1


@pytest.mark.asyncio
async def test_a_method_call_of_a_property_no_function(dated):
    """0.28's ``TypeError: Expected callable`` (raised by the proxy's method lookup) and 0.26's
    Python ``'str' object is not callable`` both end at the Worker's line."""
    kind, message, frames, _ = await _answer(dated, "method")
    expected = "Expected callable" if dated[1] >= "2025-09-29" else "'str' object is not callable"
    assert (kind, message, frames) == ("TypeError", expected, ["fetch"])


@pytest.mark.asyncio
async def test_the_workers_own_frames_below_stay(dated):
    kind, message, frames, _ = await _answer(dated, "helper")
    assert (kind, message, frames) == ("AttributeError", "nope", ["fetch", "helper"])


@pytest.mark.asyncio
async def test_an_error_starting_in_workers_env_keeps_its_frames(dated, monkeypatch):
    """Not a JavaScript throw but a failure inside workers-env itself (most likely a bug; here a
    function of its own handed a str, whose attribute it cannot set): its frames stay, as every
    traceback of such an error keeps them."""
    monkeypatch.setattr(_jsontext, "parse_json", users_mistake)
    kind, _, frames, rendered = await _answer(dated, "parse")
    assert kind == "AttributeError"
    assert frames[0] == "fetch" and frames[-1] == "users_mistake" and "workers_env" in rendered


@pytest.mark.asyncio
async def test_every_frame_when_asked_for(dated):
    """``pytest --full-trace`` (the plugin's keep_every_frame) keeps workers-env's frames."""
    before = keep_every_frame(True)
    try:
        kind, _, frames, _ = await _answer(dated, "attr")
    finally:
        keep_every_frame(before)
    assert kind == "AttributeError" and frames[0] == "fetch" and len(frames) > 1


BINDING_ENTRY = """\
    import json
    import traceback

    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            try:
                if request.url.endswith("/miss"):
                    self.env.DB.nope
                else:
                    await self.env.BUCKET.put("k", "v")
            except Exception as error:
                frames = [frame.name for frame in traceback.extract_tb(error.__traceback__)]
                return Response(json.dumps([type(error).__name__, str(error)[:40], frames, traceback.format_exc()]))
            return Response("no error")
"""


@pytest.mark.asyncio
@pytest.mark.parametrize(("path", "kind", "message"), [
    ("/miss", "AttributeError", "nope"),  # production: the SDK's rpc.py __getattr__ over Pyodide's C lookup
    ("/put", "BindingNotEmulatedError", "env.BUCKET (R2 Bucket binding, r2_bucket"),  # workers-env's answer
])
async def test_a_caught_lookup_on_a_binding_through_the_sdks_wrapper_shows_the_workers_frame(tmp_path, path, kind,
                                                                                                message):
    """Under the external SDK ``self.env.DB`` is the SDK's wrapper: a lookup through it that misses,
    or a binding nobody emulates, caught and logged by the Worker, showed the wrapper's and the
    stand-in's frames of workers-env's (walk60, a public podcast Worker's ``logger.exception``)."""
    r2 = '[[r2_buckets]]\nbinding = "BUCKET"\nbucket_name = "bucket-one"\n'
    worker = load_worker(one_file_worker(tmp_path, BINDING_ENTRY, date="2026-05-01", extra=D1 + r2))
    got_kind, got_message, frames, rendered = json.loads(await (await worker.fetch(path)).text())
    assert (got_kind, got_message, frames) == (kind, message, ["fetch"])
    assert "workers_env/" not in rendered.replace("workers_env.Binding", "")
