"""A JavaScript error the runtime itself throws at Worker code -- ``JSON.parse`` of bad text, the
borrowed-proxy error of a ``to_js`` list handed to the external SDK -- and the Worker lets out of
its handler is logged by `workers-env dev` as production logs every JavaScript error:
``pyodide.ffi.JsException: <name>: <message>``, not under workers-env's own module name
(``workers_env._errors.JsException``), as the bindings' errors already were. The logged
exception is still a ``workers_env.JsException``."""

from __future__ import annotations

import pytest
from worker_helpers import dev_logged, one_file_worker

from workers_env import JsException
from workers_env.runtime import load_worker

ENTRY = """\
    import js
    from pyodide.ffi import to_js
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            if request.url.endswith("/later"):
                self.ctx.waitUntil(js.Promise.reject(js.Error.new("later")))
                return Response("later")
            if request.url.endswith("/json"):
                js.JSON.parse("{bad")
            await self.env.DB.batch(to_js([self.env.DB.prepare("SELECT 1")]))
            return Response("ok")
"""
D1 = '[[d1_databases]]\nbinding = "DB"\ndatabase_name = "d"\ndatabase_id = "00000000-0000-0000-0000-00000000000a"\n'


def _logged(tmp_path, caplog, path: str, logger: str = "workers_env.dev") -> tuple[BaseException, str]:
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2026-09-01", extra=D1))
    record, text = dev_logged(worker, path, caplog, logger)
    return record.exc_info[1], text


@pytest.mark.parametrize(("path", "last"), [
    ("/json", "pyodide.ffi.JsException: SyntaxError: "),
    ("/batch", "pyodide.ffi.JsException: Error: This borrowed proxy was automatically destroyed"),
])
def test_an_uncaught_runtime_error_is_logged_as_pyodide_ffi_js_exception(tmp_path, caplog, path, last):
    error, text = _logged(tmp_path, caplog, path)
    assert isinstance(error, JsException)
    assert [line for line in text.splitlines() if "JsException" in line][-1].startswith(last)
    assert "workers_env._errors" not in text


def test_a_failed_wait_until_promise_is_logged_so_too(tmp_path, caplog):
    error, text = _logged(tmp_path, caplog, "/later", logger="workers_env.worker")
    assert isinstance(error, JsException)
    assert "pyodide.ffi.JsException: Error: later" in text and "workers_env._errors" not in text
