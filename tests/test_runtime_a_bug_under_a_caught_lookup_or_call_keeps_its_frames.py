"""A failure inside workers-env itself (most likely a bug) under each lookup and call that cuts a
caught error down to the Worker's frame (``tracebacks.to_the_caller``, hunt37) keeps its frames
when the Worker's own code catches it: a JsProxy attribute, a ``JsArray``/``JsMap``/object-map
item, a ``js`` global, a binding's method -- so a workers-env bug is never shown as the Worker's
line alone (review68; hunt37's tests cover the JavaScript function call)."""

from __future__ import annotations

import json

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker
from workers_env._errors import users_mistake
from workers_env.runtime import jsbindings, jsproxy, notemulatedglobals

ENTRY = """\
    import json
    import traceback

    import js
    from js import JSON
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            case = request.url.rsplit("/", 1)[1]
            try:
                if case == "attr":
                    JSON.parse('{"a": {"b": 1}}').a
                elif case == "objectmap":
                    JSON.parse('{"a": {"b": 1}}').as_object_map()["a"]
                elif case == "index":
                    JSON.parse("[1]")[0]
                elif case == "map":
                    m = js.Map.new()
                    m.set("k", 1)
                    m["k"]
                elif case == "global":
                    js.caches
                elif case == "binding":
                    self.env.DB.prepare("SELECT 1")
            except Exception as error:
                frames = [frame.name for frame in traceback.extract_tb(error.__traceback__)]
                return Response(json.dumps([type(error).__name__, str(error), frames, traceback.format_exc()]))
            return Response("no error")
"""

D1 = '[[d1_databases]]\nbinding = "DB"\ndatabase_name = "d"\ndatabase_id = "x"\n'


def _bug(*args: object, **kwargs: object) -> object:
    """A function of workers-env's failing: ``users_mistake`` handed a str, whose attribute it
    cannot set (``AttributeError``, the kind a lookup miss answers with, raised in workers-env)."""
    return users_mistake("not an error")  # type: ignore[type-var]


#: case -> (module, the function of workers-env's made to fail under it)
BUGS = {"attr": (jsproxy, "_wrap_child"), "objectmap": (jsproxy, "_wrap_child"), "global": (notemulatedglobals, "_caches"),
        "binding": (jsbindings, "open_sources")}


@pytest.mark.asyncio
@pytest.mark.parametrize("case", ["attr", "objectmap", "index", "map", "global", "binding"])
async def test_the_bugs_frames_stay(tmp_path, monkeypatch, case):
    if case == "index":
        monkeypatch.setattr(jsproxy.JsArray, "_at", _bug)
    elif case == "map":
        monkeypatch.setattr(jsproxy.JsMap, "_read", _bug)
    else:
        monkeypatch.setattr(*BUGS[case], _bug)
    worker = load_worker(one_file_worker(tmp_path, ENTRY, extra=D1, pyproject=False, date="2025-10-01"))
    kind, message, frames, rendered = json.loads(await (await worker.fetch(f"/{case}")).text())
    # (CPython 3.13 goes on: "... and no __dict__ for setting new attributes")
    assert kind == "AttributeError" and message.startswith("'str' object has no attribute 'workers_env_answer'")
    assert frames[0] == "fetch" and frames[-1] == "users_mistake", frames
    assert "workers_env" in rendered
