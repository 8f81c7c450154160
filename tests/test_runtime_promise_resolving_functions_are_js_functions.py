"""The ``resolve``/``reject`` a ``js.Promise.new`` executor gets are JavaScript's anonymous
built-in functions, as Pyodide 0.26.0a4 and 0.28.2 hand them over (measured under Node by
tools/pyodide, group ``pipe-to-and-promises``): ``repr`` ``function () { [native code] }``,
``name`` empty, and handed on to ``setTimeout`` they stay callable -- ``await
Promise.new(lambda resolve, reject: setTimeout(resolve, 10))`` settles. Before, they were Python
lambdas, which ``setTimeout`` treats as borrowed proxies (destroyed when it returns), so the
timer logged the borrowed-proxy error and the promise never settled."""

from __future__ import annotations

from worker_helpers import json_answer, one_file_worker


ENTRY = """
import json
from js import Promise, setTimeout
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        seen = []
        Promise.new(lambda resolve, reject: seen.append([repr(resolve), resolve.name, repr(reject)]))
        waited = await Promise.new(lambda resolve, reject: setTimeout(resolve, 10))
        return Response(json.dumps({"seen": seen, "waited": waited}))
"""


def test_resolving_functions_are_js_functions(tmp_path):
    answer = json_answer(one_file_worker(tmp_path, ENTRY), "/")
    native = "function () { [native code] }"
    assert answer == {"seen": [[native, "", native]], "waited": None}
