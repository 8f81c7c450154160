"""``AbortSignal.any(signals)`` made over a long-lived signal (a module-level controller's, every
request handing it to ``pyfetch``) is not kept by it once the Worker's code lets go of it, so
such a source does not gather a follower per request; while it is held, or has a listener or
an ``onabort`` function, its source's abort still reaches it, as workerd's followed signal keeps
it (basics.c++ ``AbortSignal::any``) -- through a chain of ``any`` too. A signal takes no
``weakref.ref`` (a JsProxy, as Pyodide's): the tests watch it through workers-env's own weak
reference, and the Worker counts its controller signal's followers still alive."""

from __future__ import annotations

import gc
from pathlib import Path

from test_runtime_workers_fetch_options_apply_over_a_request import echo_origin
from worker_helpers import json_answer, one_file_worker

from workers_env import js
from workers_env.runtime.byidentity import weak_ref

#: Pyodide 0.28's pyfetch hands fetch ``AbortSignal.any([signal, its own controller's])``
WORKER = """
import asyncio
import gc
from js import AbortController
from pyodide.http import pyfetch
from workers import Response, WorkerEntrypoint

URL = "{url}"
CONTROLLER = None  # one for every request

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        global CONTROLLER
        CONTROLLER = CONTROLLER or AbortController.new()
        made = []  # the key of the follower each pyfetch made, in workers-env's own table
        for _ in range(5):
            before = set(CONTROLLER.signal._followers)
            resp = await pyfetch(URL, signal=CONTROLLER.signal)
            made.extend(set(CONTROLLER.signal._followers) - before)
            await resp.text()
        del resp
        # a fetch's thread may still be letting go of its request as the fetch returns (by how much
        # is the machine's load): each follower is to be gone within 5 s
        table = CONTROLLER.signal._followers
        for _ in range(500):
            gc.collect()
            gone = [key not in table or table[key].follower() is None for key in made]
            if all(gone):
                break
            await asyncio.sleep(0.01)
        return Response.json(gone)
"""


def test_a_follower_let_go_of_is_not_kept_by_its_source():
    controller = js.AbortController.new()
    gone = [weak_ref(js.AbortSignal.any([controller.signal, js.AbortController.new().signal]))
            for _ in range(100)]
    gc.collect()
    assert [ref for ref in gone if ref() is not None] == []
    controller.abort("done")  # nothing left to tell, nothing fails


def test_an_abort_still_reaches_the_followers_that_are_held_or_heard():
    controller = js.AbortController.new()
    held = js.AbortSignal.any([controller.signal])
    heard: list[str] = []
    js.AbortSignal.any([controller.signal]).addEventListener("abort", lambda event: heard.append("listener"))
    js.AbortSignal.any([controller.signal]).onabort = lambda event: heard.append("onabort")
    chained = js.AbortSignal.any([js.AbortSignal.any([js.AbortSignal.any([controller.signal])])])
    quiet = weak_ref(js.AbortSignal.any([controller.signal]))
    gc.collect()
    assert quiet() is None
    controller.abort("stop")
    assert (held.aborted, held.reason) == (True, "stop")
    assert (chained.aborted, chained.reason) == (True, "stop")
    assert heard == ["listener", "onabort"]


def test_a_follower_whose_listener_is_removed_is_let_go_of():
    controller = js.AbortController.new()
    follower = js.AbortSignal.any([controller.signal])

    def listener(event):
        pass

    follower.addEventListener("abort", listener)
    follower.removeEventListener("abort", listener)
    ref = weak_ref(follower)
    del follower
    gc.collect()
    assert ref() is None


def test_pyfetchs_signals_over_a_module_level_controller_are_not_kept(tmp_path: Path):
    with echo_origin() as url:
        assert json_answer(one_file_worker(tmp_path, WORKER.format(url=url), date="2025-10-01"), "/") == [True] * 5
