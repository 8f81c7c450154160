"""A property a symbol lacks is Pyodide's ``JsException`` (``TypeError: Cannot use 'in' operator
to search for 'x' in Symbol(s)``) and nothing else: not an ``AttributeError``, so
``hasattr(symbol, name)`` and ``getattr(symbol, name, default)`` raise it as Pyodide 0.26.0a4,
0.26.2 and 0.28.2 do under Node (tools/pyodide/pyodide_cases.py ``conversion-functions``) --
Worker code that probes a symbol so fails here as it fails deployed. Before, it was an
``AttributeError`` too and those probes answered ``False``/the default. workers-env's own reading
of what a handler returned still says the handler did not answer a Response."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import JsException, js, load_worker

TEXT = "TypeError: Cannot use 'in' operator to search for 'x' in Symbol(s)"


def test_hasattr_and_getattr_with_a_default_raise_the_js_exception():
    s = js.Symbol("s")
    for probe in (lambda: hasattr(s, "x"), lambda: getattr(s, "x", "default")):
        with pytest.raises(JsException) as caught:
            probe()
        assert str(caught.value) == TEXT and not isinstance(caught.value, AttributeError)


@pytest.mark.asyncio
async def test_a_handler_answering_a_symbol_did_not_answer_a_response(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, """
import js
from workers import WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return js.Symbol("s")
"""))
    with pytest.raises(TypeError, match="did not resolve to 'Response'"):
        await worker.fetch("/")
