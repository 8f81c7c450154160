"""A Worker reading a property a result lacks (``res.nope`` on a D1 or Vectorize result, ``res["nope"]``
on the SDK's ``JsDict``) gets Pyodide's or the SDK's ``AttributeError``/``KeyError``; `workers-env dev`
logs it with the Worker's line and the error, as production does, not with the seven frames of
workers-env's runtime and the stand-in's ``__getattr__`` that made it look like a workers-env
crash. A lookup that misses inside workers-env's own code (a workers-env bug) keeps its frames."""

from __future__ import annotations

import logging
import urllib.error
import urllib.request

import pytest
from worker_helpers import one_file_worker

from workers_env.runtime import load_worker
from workers_env.runtime.server import BackgroundServer
from workers_env.runtime.tracebacks import PACKAGE_DIR, hides_our_frames

ENTRY = """\
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            if request.url.endswith("/binding"):
                return Response(str(self.env.DB.nope))
            res = await self.env.DB.prepare("SELECT 1 AS one").run()
            if request.url.endswith("/attr"):
                return Response(str(res.nope))
            return Response(str(res["nope"]))
"""
BINDING = '[[d1_databases]]\nbinding = "DB"\ndatabase_name = "db"\ndatabase_id = "22222222-0000-0000-0000-000000000000"\n'


def _logged(tmp_path, caplog, date: str, path: str) -> str:
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date, extra=BINDING))
    with caplog.at_level(logging.ERROR, logger="workers_env.dev"), BackgroundServer(worker) as server:
        with pytest.raises(urllib.error.HTTPError) as answer:
            urllib.request.urlopen(server.url + path, timeout=10).read()
        answer.value.close()  # its response (3.14 warns of one left to the collector)
    assert answer.value.code == 500
    record = next(r for r in caplog.records if r.name == "workers_env.dev")
    return logging.Formatter().formatException(record.exc_info)


@pytest.mark.parametrize(("date", "path", "last"), [
    ("2025-09-01", "/attr", "AttributeError: nope"),  # the built-in SDK era: a JsProxy's miss
    ("2026-09-01", "/attr", "AttributeError: nope"),  # the external SDK era: JsDict.__getattr__'s
    ("2026-09-01", "/item", "KeyError: 'nope'"),  # a dict's own miss
    ("2025-09-01", "/binding", "AttributeError: nope"),  # the binding itself: a JsProxy's miss
    # the external SDK's wrapper's __getattr__ over the binding's (walk60: every frame was kept)
    ("2026-09-01", "/binding", "AttributeError: nope"),
])
def test_a_missed_lookup_shows_the_workers_line_and_the_error(tmp_path, caplog, date, path, last):
    text = _logged(tmp_path, caplog, date, path)
    assert 'src/entry.py", line' in text and "/workers_env/" not in text
    assert text.splitlines()[-1] == last


def _raised(caller_file: str) -> BaseException:
    """An AttributeError raised in a ``__getattr__`` of workers-env's, called from code compiled as ``caller_file``."""
    space: dict = {}
    exec(compile("class Stand:\n    def __getattr__(self, name):\n        raise AttributeError(name)\n",
                 PACKAGE_DIR + "runtime/jsproxy.py", "exec"), space)
    exec(compile("def read(obj):\n    return obj.nope\n", caller_file, "exec"), space)
    try:
        space["read"](space["Stand"]())
    except AttributeError as error:
        return error
    raise AssertionError("no AttributeError")


def _raised_through_a_wrapper(caller_file: str) -> BaseException:
    """As :func:`_raised`, through a ``__getattr__`` of workers-env's that forwards the same name
    (the SDK wrapper's over the binding's)."""
    space: dict = {}
    exec(compile("class Stand:\n    def __getattr__(self, name):\n        raise AttributeError(name)\n"
                 "class Wrap:\n    def __init__(self, inner):\n        self.inner = inner\n"
                 "    def __getattr__(self, name):\n        return getattr(self.inner, name)\n",
                 PACKAGE_DIR + "runtime/envwrap.py", "exec"), space)
    exec(compile("def read(obj):\n    return obj.nope\n", caller_file, "exec"), space)
    try:
        space["read"](space["Wrap"](space["Stand"]()))
    except AttributeError as error:
        return error
    raise AssertionError("no AttributeError")


def test_a_miss_through_a_forwarding_lookup_is_the_callers(tmp_path):
    users = _raised_through_a_wrapper(str(tmp_path / "src" / "entry.py"))
    assert hides_our_frames(users, users.__traceback__)
    ours = _raised_through_a_wrapper(PACKAGE_DIR + "runtime/loader.py")  # our own code read it: kept
    assert not hides_our_frames(ours, ours.__traceback__)


def test_a_miss_inside_workers_envs_own_code_keeps_its_frames(tmp_path):
    users = _raised(str(tmp_path / "src" / "entry.py"))
    assert hides_our_frames(users, users.__traceback__)
    ours = _raised(PACKAGE_DIR + "runtime/envwrap.py")  # our own code read it: likely a bug, kept
    assert not hides_our_frames(ours, ours.__traceback__)
