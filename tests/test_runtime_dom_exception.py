"""``js.DOMException`` is workerd's: ``new`` takes ``(message = "", name = "Error")`` (each
``String()``-ed), the instance a ``JsException`` with ``name``, ``message`` and the name's legacy
``code`` (0 for others), the constants on the class; called without ``new`` jsg's TypeError.
An aborted signal's default reasons are DOMExceptions (``AbortError`` 20, ``TimeoutError`` 23).
Measured under wrangler dev 4.164.0; ``escape``/``unescape`` and ``Navigator`` beside it."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
from js import AbortSignal, DOMException, Navigator, escape, navigator, unescape
from pyodide.ffi import JsException
from workers import Response, WorkerEntrypoint


def shown(e):
    return [type(e).__name__, str(e), e.name, e.message, e.code]


def attempt(make):
    try:
        return repr(make())
    except JsException as exc:
        return str(exc)


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        try:
            raise DOMException.new("too slow", "TimeoutError")
        except JsException as exc:
            caught = shown(exc)
        return Response.json({
            "default": shown(DOMException.new()), "caught": caught, "other": shown(DOMException.new("m", "Foo")),
            "null": shown(DOMException.new(None, None)),
            "constants": [DOMException.ABORT_ERR, DOMException.DATA_CLONE_ERR, DOMException.INDEX_SIZE_ERR],
            "called": attempt(lambda: DOMException("m")),
            "abort": shown(AbortSignal.abort().reason),
            "escape": [escape("a b+\\u00fc\\u20ac\\U0001F600/@*_-."), unescape("%u20AC%41%zz%"), escape(), escape.length],
            "navigator": [attempt(lambda: Navigator.new()), repr(navigator.constructor), attempt(lambda: Navigator())],
        })
'''


@pytest.mark.asyncio
async def test_dom_exception_is_workerds(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2026-09-28"))
    assert await (await worker.fetch("/")).json() == {
        "default": ["JsException", "Error", "Error", "", 0],
        "caught": ["JsException", "TimeoutError: too slow", "TimeoutError", "too slow", 23],
        "other": ["JsException", "Foo: m", "Foo", "m", 0],
        "null": ["JsException", "Error", "Error", "", 0],
        "constants": [20, 25, 1],
        "called": "TypeError: Failed to construct 'DOMException': Please use the 'new' operator, this object "
                  "constructor cannot be called as a function.",
        "abort": ["JsException", "AbortError: The operation was aborted", "AbortError", "The operation was aborted", 20],
        "escape": ["a%20b+%FC%u20AC%uD83D%uDE00/@*_-.", "\u20acA%zz%", "undefined", 1],
        "navigator": ["TypeError: Illegal constructor", "function Navigator() { [native code] }",
                      "TypeError: Illegal constructor"],  # jsg's throwIllegalConstructor, called or constructed
    }
