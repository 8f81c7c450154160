"""A Python dict handed as an ``Event``'s init or as the options of an EventTarget's
``addEventListener`` or ``removeEventListener`` reaches JavaScript as a PyProxy; under Pyodide
0.26 (compatibility dates before 2025-09-29) JavaScript reads none of its keys, so the defaults
apply, and workers-env's ``PyProxyWarning`` names the constructor or method it was given to."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import PyProxyWarning, load_worker

ENTRY = """
from js import Event, EventTarget
from pyodide.ffi import create_proxy
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        seen = []
        listener = create_proxy(lambda event: seen.append(event.type))
        target = EventTarget.new()
        target.addEventListener("x", listener, {"once": True})
        target.dispatchEvent(Event.new("x", {"cancelable": True}))
        target.removeEventListener("x", listener, {"capture": False})
        target.dispatchEvent(Event.new("x"))
        return Response(str(len(seen)))
"""

# (no external-SDK way out: these are JavaScript API calls, whose arguments no SDK converts)
ADVICE = ("so the defaults apply, here too. Convert it with to_js(value, dict_converter=Object.fromEntries) (from "
          "pyodide.ffi import to_js; from js import Object) or pass keyword arguments")


@pytest.mark.asyncio
async def test_each_warning_names_where_the_dict_went(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2025-09-01"))
    with pytest.warns(PyProxyWarning) as caught:
        assert await (await worker.fetch("/")).text() == "1"  # {"once": True} not read: the remove took it
    assert [str(w.message) for w in caught] == [
        f"a Python dict reached JavaScript as a PyProxy as the {where}: production reads "
        f"none of its keys ({key}), {ADVICE}" for where, key in (("options of EventTarget.addEventListener()", "once"),
                                                                 ("init of new Event()", "cancelable"),
                                                                 ("options of EventTarget.removeEventListener()",
                                                                  "capture"))]
