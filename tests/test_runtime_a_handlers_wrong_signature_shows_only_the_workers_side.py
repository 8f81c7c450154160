"""A ``Default`` class's ``scheduled``/``queue``/``email`` handler that Python cannot call with the
three arguments workerd passes -- too few parameters, too many, a plain ``def`` with too few --
fails with Python's own ``TypeError`` text, and what the user is shown leaves workers-env's frames
out: the error ``worker.scheduled(...)`` (and ``queue``/``email``) raises is one whose frames the
pytest plugin hides, and ``workers-env dev`` logs it with no frame of workers-env's (its
``Uncaught PythonError: TypeError: ...`` block). In production the call happens in workerd's
``introspection.py`` ``wrapper_func`` (``method(*py_args)``), so the Worker's traceback holds
none of its own frames either. workers-env showed ``loader.py``'s and ``tasks.py``'s frames, as
if its own bug. A non-callable ``scheduled = 5`` is workerd's ``TypeError: Method scheduled does
not exist``, frames hidden (as before)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from worker_helpers import asgi_exchange, one_file_worker

from workers_env import load_worker
from workers_env.runtime.tracebacks import PACKAGE_DIR, hides_our_frames, without_our_frames
from workers_env.runtime.workerapp import WorkerApp

ENTRY = """
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("ok")

    {sig}
"""

SIGNATURES = {"few": ("async def {h}(self, event):\n        return None", "takes 2 positional arguments but 4 were given"),
              "many": ("async def {h}(self, a, b, c, d):\n        return None",
                       "missing 1 required positional argument: 'd'"),
              "plain def": ("def {h}(self, event):\n        return None", "takes 2 positional arguments but 4 were given"),
              "not callable": ("{h} = 5", None)}
MESSAGE = b"From: a@example.com\r\nTo: b@example.com\r\nMessage-ID: <1@example.com>\r\n\r\nbody\r\n"


async def _raised(worker, handler: str) -> BaseException:
    with pytest.raises(Exception) as caught:
        if handler == "scheduled":
            await worker.scheduled("* * * * *")
        elif handler == "queue":
            await worker.queue(["m"], queue="q")
        else:
            await worker.email(MESSAGE, from_="a@example.com", to="b@example.com")
    return caught.value


@pytest.mark.asyncio
@pytest.mark.parametrize("kind", list(SIGNATURES))
@pytest.mark.parametrize("handler", ["scheduled", "queue", "email"])
@pytest.mark.parametrize("date", ["2025-11-02", "2026-05-01"])
async def test_the_error_raised_shows_only_the_workers_side(tmp_path: Path, date: str, handler: str, kind: str) -> None:
    signature, text = SIGNATURES[kind]
    extra = '[[queues.consumers]]\nqueue = "q"\n' if handler == "queue" else ""
    worker = load_worker(one_file_worker(tmp_path, ENTRY.format(sig=signature.format(h=handler)), date=date, extra=extra))
    error = await _raised(worker, handler)
    if text is None:
        assert str(error) == f"Method {handler} does not exist"
    else:
        assert isinstance(error, TypeError) and str(error) == f"Default.{handler}() {text}"
    assert hides_our_frames(error, error.__traceback__)  # (the pytest plugin's rule for its frames)


@pytest.mark.asyncio
async def test_dev_logs_it_without_workers_envs_frames(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    entry = ENTRY.format(sig=SIGNATURES["few"][0].format(h="scheduled") + "\n\n    async def email(self, message):\n"
                         "        return None")
    app = WorkerApp(load_worker(one_file_worker(tmp_path, entry, date="2025-11-02")))
    with caplog.at_level(logging.ERROR, logger="workers_env.runtime"):
        assert await asgi_exchange(app, "GET", "/cdn-cgi/handler/scheduled?cron=*+*+*+*+*") == (500, b"exception")
        assert (await asgi_exchange(app, "POST", "/cdn-cgi/local/email?from=a@example.com&to=b@example.com",
                                    MESSAGE))[0] == 500
    logged = [r for r in caplog.records if r.exc_info]
    assert [str(r.exc_info[1]) for r in logged] == [  # type: ignore[index]
        "Default.scheduled() takes 2 positional arguments but 4 were given",
        "Default.email() takes 2 positional arguments but 4 were given"]
    for record in logged:
        error = record.exc_info[1]  # type: ignore[index]
        tb = without_our_frames(error)
        while tb is not None:
            assert not tb.tb_frame.f_code.co_filename.startswith(PACKAGE_DIR)
            tb = tb.tb_next
