"""A binding's error as Worker code gets it -- a ``VectorizeError`` wearing Pyodide's name,
``pyodide.ffi.JsException`` -- pickles and unpickles as that same class, with its ``code`` and
text: in the Worker, in the test that ``worker.fetch`` hands it to, and in a fresh process.
Before, pickling looked the class up as ``pyodide.ffi.JsException``, which is no module outside a
Worker (``ModuleNotFoundError: No module named 'pyodide'``) and inside one is the plain class (the
``VectorizeError`` and its ``code`` lost)."""

from __future__ import annotations

import pickle
import subprocess
import sys

import pytest
from worker_helpers import one_file_worker

from workers_env import VectorizeError, load_worker

ENTRY = """\
    import pickle
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            try:
                await self.env.V.query([1.0, 0.0], {"topK": 1})  # 2 values for a 3-dimension index
            except Exception as exc:
                again = pickle.loads(pickle.dumps(exc))
                if request.url.endswith("/raise"):
                    raise
                return Response.json([type(again) is type(exc), repr(type(again)), type(again).__mro__[1].__name__,
                                      again.code, str(again) == str(exc), type(exc).__doc__])
            return Response("no error")
"""
INDEX = '[[vectorize]]\nbinding = "V"\nindex_name = "v"\n'
DEFINITION = '[tool.workers-env.indexes.v]\ndimensions = 3\nmetric = "cosine"\nversion = "v2"\n'


def _worker(tmp_path):
    folder = one_file_worker(tmp_path, ENTRY, date="2026-09-01", extra=INDEX)
    (folder / "pyproject.toml").write_text(DEFINITION)
    return load_worker(folder)


@pytest.mark.asyncio
async def test_it_pickles_in_the_worker(tmp_path):
    assert await (await _worker(tmp_path).fetch("/")).json() == [
        True, "<class 'pyodide.ffi.JsException'>", "VectorizeError", 40006, True,
        None]  # no __doc__, as Pyodide's JsException (0.26.0a4, 0.28.2, 314.0.6)


@pytest.mark.asyncio
async def test_it_pickles_in_the_test_and_in_a_fresh_process(tmp_path):
    with pytest.raises(VectorizeError) as caught:
        await _worker(tmp_path).fetch("/raise")
    error = caught.value
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is type(error) and again.code == error.code == 40006 and str(again) == str(error)
    shown = subprocess.run(
        [sys.executable, "-c", "import pickle, sys; e = pickle.loads(sys.stdin.buffer.read()); "
                               "print(repr(type(e)), type(e).__mro__[1].__name__, e.code)"],
        input=pickle.dumps(error), capture_output=True, check=True).stdout.decode().strip()
    assert shown == "<class 'pyodide.ffi.JsException'> VectorizeError 40006"
