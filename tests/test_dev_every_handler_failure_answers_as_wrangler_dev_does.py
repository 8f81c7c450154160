"""``workers-env dev``: each way a handler can fail gets the 500 ``wrangler dev`` 4.164.0 answers
(runtime/thrownerror.py: Miniflare's entry worker answers the rejection's ``stack``).

- An error workerd's own JavaScript throws reads by its JavaScript name, not as a
  ``PythonError``: a handler's non-``Response`` is ``TypeError: Incorrect type for Promise: the
  Promise did not resolve to 'Response'.`` (measured: tools/wrangler/http_differential.py, case
  ``not a Response``), an event the Worker has no handler for is ``TypeError: Method on_fetch
  does not exist``, ``PythonUserError: ...`` or ``Error: Handler does not export a fetch()
  function.``, as dev logs them -- without workers-env's frames or hints.
- A message holding a lone surrogate is sent as a JavaScript string is encoded: U+FFFD (a
  surrogate pair as its character), not a crash of the server.
- A ``KeyboardInterrupt`` or ``SystemExit`` the Worker raises rejects its handler as any error
  (Pyodide's asyncio settles the handler's future with it): a 500, and the server goes on.
- A chain (``raise ... from``, an error while handling another) is in the body as
  ``traceback.format_exception`` writes it, which is Pyodide's ``PythonError`` message; an
  exception whose ``str()`` raises reads ``<exception str() failed>``.
"""

from __future__ import annotations

import http.client
import logging

from worker_helpers import one_file_worker

from workers_env import load_worker
from workers_env.runtime.server import BackgroundServer

ENTRY = """
from urllib.parse import urlparse
from workers import Response, WorkerEntrypoint


class Unprintable(Exception):
    def __str__(self):
        raise RuntimeError("no text")


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        path = urlparse(request.url).path
        if path == "/not-a-response":
            return "hello"
        if path == "/surrogate":
            raise ValueError("lone \\udcff pair \\ud83d\\ude00")
        if path == "/interrupt":
            raise KeyboardInterrupt("stop")
        if path == "/exit":
            raise SystemExit(3)
        if path == "/chain":
            try:
                {}["key"]
            except KeyError as e:
                raise ValueError("outer") from e
        if path == "/unprintable":
            raise Unprintable()
        return Response("fine")
"""


def _get(url: str, path: str) -> tuple[int, list[tuple[str, str]], bytes]:
    conn = http.client.HTTPConnection(url.split("//", 1)[1], timeout=10)
    try:
        conn.request("GET", path)
        resp = conn.getresponse()
        return resp.status, [(k.lower(), v) for k, v in resp.getheaders()], resp.read()
    finally:
        conn.close()


def _serve(tmp_path, entry: str, *paths: str, date: str = "2026-05-01") -> list[tuple[int, list[tuple[str, str]], bytes]]:
    worker = load_worker(one_file_worker(tmp_path, entry, date=date))
    with BackgroundServer(worker) as server:
        return [_get(server.url, path) for path in paths]


def test_a_non_response_answers_workerds_type_error(tmp_path):
    [(status, headers, body)] = _serve(tmp_path, ENTRY, "/not-a-response")
    assert status == 500
    assert body == b"TypeError: Incorrect type for Promise: the Promise did not resolve to 'Response'."
    assert ("content-length", str(len(body))) in headers


def test_a_missing_handler_answers_workerds_javascript_error(tmp_path):
    # before python_no_global_handlers a Default class's fetch is looked up as on_fetch
    [(old, _, method_missing)] = _serve(tmp_path / "old", ENTRY, "/", date="2025-08-01")
    [(_, _, no_python_handler)] = _serve(tmp_path / "module", "def on_scheduled(event, env, ctx):\n    pass\n",
                                         "/", date="2025-08-01")
    [(_, _, no_fetch)] = _serve(tmp_path / "new", "from workers import DurableObject\n\n\n"
                                "class Counter(DurableObject):\n    pass\n", "/")
    assert old == 500
    assert method_missing == b"TypeError: Method on_fetch does not exist"
    # (dated 2025-08-01, the legacy error form: PythonUserError's name is a getter on its prototype
    # (workerd's util.ts), which V8's serializer does not call -- a JS twin's 500 under wrangler dev
    # 4.164.0 says `Error: Python entrypoint ...`; leftovers50b)
    assert no_python_handler == b'Error: Python entrypoint "entry.py" does not export a handler named "on_fetch"'
    assert no_fetch == b"Error: Handler does not export a fetch() function."


def test_a_lone_surrogate_is_sent_as_a_replacement_character(tmp_path, monkeypatch):
    # the log line holds the surrogate, which pytest-xdist cannot send back from its worker: not kept
    dev_log = logging.getLogger("workers_env.dev")
    monkeypatch.setattr(dev_log, "propagate", False)
    monkeypatch.setattr(dev_log, "handlers", [logging.NullHandler()])
    (status, headers, body), after = _serve(tmp_path, ENTRY, "/surrogate", "/")
    assert status == 500 and ("content-type", "text/plain;charset=UTF-8") in headers
    assert body.decode("utf-8").endswith("\nValueError: lone \ufffd pair \U0001f600\n")
    assert after[2] == b"fine"


def test_keyboard_interrupt_and_system_exit_answer_500_and_the_server_goes_on(tmp_path):
    interrupt, leave, after = _serve(tmp_path, ENTRY, "/interrupt", "/exit", "/")
    assert interrupt[0] == leave[0] == 500
    assert interrupt[2].startswith(b"PythonError: Traceback (most recent call last):\n")
    assert interrupt[2].endswith(b"\nKeyboardInterrupt: stop\n")
    assert leave[2].endswith(b"\nSystemExit: 3\n")
    assert after == (200, after[1], b"fine")


def test_a_chain_and_an_unprintable_error_read_as_format_exception_writes_them(tmp_path):
    (_, _, chain), (_, _, unprintable) = _serve(tmp_path, ENTRY, "/chain", "/unprintable")
    text = chain.decode()
    assert text.startswith("PythonError: Traceback (most recent call last):\n")
    assert "\nKeyError: 'key'\n\nThe above exception was the direct cause of the following exception:\n\n" in text
    assert text.endswith("\nValueError: outer\n") and "workers_env" not in text
    assert unprintable.endswith(b".Unprintable: <exception str() failed>\n")
