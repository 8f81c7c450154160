"""`workers-env dev` logs an uncaught exception with the Worker's frames and the error, not the
dozen frames of workers-env's runtime between them; an error starting inside workers-env for
another reason (likely a workers-env bug) keeps them. The logged record still carries the
exception itself."""

from __future__ import annotations

import logging

from worker_helpers import dev_logged, one_file_worker

from workers_env.runtime import load_worker

ENTRY = """\
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            if request.url.endswith("/own"):
                raise RuntimeError("the Worker's own mistake")
            if request.url.endswith("/later"):
                self.ctx.waitUntil(self.env.VECTORIZE.upsert([{"id": "b", "values": [1]}]))
                return Response("later")
            await self.env.VECTORIZE.upsert([{"id": "a", "values": [1, 2]}])
            return Response("ok")
"""
BINDING = '[[vectorize]]\nbinding = "VECTORIZE"\nindex_name = "docs"\n'


def _logged(tmp_path, caplog, path: str, logger: str = "workers_env.dev") -> tuple[logging.LogRecord, str]:
    folder = one_file_worker(tmp_path, ENTRY, extra=BINDING)
    (folder / "pyproject.toml").write_text('[tool.workers-env.indexes.docs]\ndimensions = 3\nmetric = "cosine"\n')
    worker = load_worker(folder)
    return dev_logged(worker, path, caplog, logger)


def test_a_binding_refusal_shows_the_workers_line_and_the_error(tmp_path, caplog):
    record, text = _logged(tmp_path, caplog, "/")
    assert "expected 3 dimensions, and got 2" in str(record.exc_info[1])
    assert 'src/entry.py", line 10, in fetch' in text and "/workers_env/" not in text
    assert text.splitlines()[-1].startswith("pyodide.ffi.JsException: Error: VECTOR_UPSERT_ERROR (code = 40012)")


def test_the_workers_own_error_shows_its_frames_alone(tmp_path, caplog):
    _, text = _logged(tmp_path, caplog, "/own")
    assert 'src/entry.py", line 6, in fetch' in text and "/workers_env/" not in text
    assert text.splitlines()[-1] == "RuntimeError: the Worker's own mistake"


def test_a_failed_wait_until_task_shows_the_error_alone(tmp_path, caplog):
    # the task's own frames are workers-env's binding: the Worker's line is where it was handed over
    record, text = _logged(tmp_path, caplog, "/later", logger="workers_env.worker")
    assert record.getMessage() == "Uncaught exception in waitUntil()"
    assert "expected 3 dimensions, and got 1" in str(record.exc_info[1]) and "/workers_env/" not in text
