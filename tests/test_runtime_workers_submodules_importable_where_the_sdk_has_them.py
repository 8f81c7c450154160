"""``workers.asgi``, ``workers.wsgi`` and ``workers.rpc`` are the external SDK's modules:
workers-runtime-sdk ships ``workers/rpc.py`` from 1.5.2 (workers-py 1d5f751; so in every release
on PyPI, 1.5.4 on, and in none of the tags up to 1.5.1, whose bindings a project locked then ran),
``workers/wsgi.py`` from 1.6.0 and ``workers/asgi.py`` from 1.6.14 (before it only the top-level
``asgi.py``); workerd's built-in SDK has none of them (``workers/__init__.py``, ``_workers.py``,
``workflows.py`` and a top-level ``asgi.py``). Where production has none, ``import workers.asgi``
is Python's ``ModuleNotFoundError`` and ``importlib.util.find_spec`` answers ``None``; one
Worker's import does not carry over to the next."""

from __future__ import annotations

import asyncio

import pytest
from worker_helpers import EXEC_ATTEMPT, one_file_worker, sdk_worker_answer

from workers_env import load_worker

PROBE = EXEC_ATTEMPT + '''
import workers
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
  async def fetch(self, request):
    out = {}
    for name in ("asgi", "wsgi", "rpc"):
        out[name] = [
            attempt(f"import workers.{name}\\nresult = workers.{name}.__name__"),
            attempt(f"import importlib.util\\nspec = importlib.util.find_spec('workers.{name}')\\n"
                    "result = spec and spec.origin"),
            attempt(f"from workers import {name}\\nresult = {name}.__name__"),
            attempt(f"import workers\\nresult = hasattr(workers, '{name}')"),
        ]
    return Response.json(out)
'''


def _missing(name):
    return f"ModuleNotFoundError: No module named 'workers.{name}'"


def _present(name):
    return [f"'workers.{name}'", f"'/session/metadata/python_modules/workers/{name}.py'", f"'workers.{name}'", "True"]


def _answers(tmp_path, date, sdk=None, flags=()):
    return sdk_worker_answer(tmp_path, PROBE, date, sdk, flags)


def _absent(answers, name, why):
    module, spec, attribute, has = answers[name]
    assert (module, spec, has) == (_missing(name), "None", "False")
    assert attribute.startswith(f"ImportError: workers.{name} does not exist in {why}")


@pytest.mark.parametrize("sdk", ["1.6.14", "1.9.5"])
def test_the_external_sdk_from_1_6_14_has_all_three(tmp_path, sdk):
    answers = _answers(tmp_path, "2026-05-01", sdk)
    assert answers == {name: _present(name) for name in ("asgi", "wsgi", "rpc")}


def test_before_1_6_14_asgi_is_only_top_level(tmp_path):
    answers = _answers(tmp_path, "2026-05-01", "1.6.13")
    _absent(answers, "asgi", "workers-runtime-sdk 1.6.13")
    assert answers["wsgi"] == _present("wsgi") and answers["rpc"] == _present("rpc")


def test_before_1_6_0_there_is_no_wsgi(tmp_path):
    answers = _answers(tmp_path, "2026-05-01", "1.5.4")
    _absent(answers, "asgi", "workers-runtime-sdk 1.5.4")
    _absent(answers, "wsgi", "workers-runtime-sdk 1.5.4")
    assert answers["rpc"] == _present("rpc")


def test_before_1_5_2_there_is_no_rpc(tmp_path):
    answers = _answers(tmp_path, "2026-05-01", "1.5.1")
    for name in ("asgi", "wsgi", "rpc"):
        _absent(answers, name, "workers-runtime-sdk 1.5.1")
    assert _answers(tmp_path / "next", "2026-05-01", "1.5.2")["rpc"] == _present("rpc")


@pytest.mark.parametrize(("date", "flags"), [("2025-10-01", ()), ("2024-12-01", ("python_no_global_handlers",)),
                                             ("2026-05-01", ("disable_python_external_sdk",))])
def test_the_built_in_sdk_has_none_of_them(tmp_path, date, flags):
    answers = _answers(tmp_path, date, flags=flags)
    for name in ("asgi", "wsgi", "rpc"):
        _absent(answers, name, "the built-in Python SDK")


def test_one_workers_import_does_not_reach_the_next(tmp_path):
    assert _answers(tmp_path / "new", "2026-05-01", "1.9.5")["asgi"] == _present("asgi")
    assert _answers(tmp_path / "old", "2025-10-01")["asgi"][:2] == [_missing("asgi"), "None"]
    assert _answers(tmp_path / "again", "2026-05-01", "1.9.5")["rpc"] == _present("rpc")


def test_a_built_in_era_worker_importing_workers_asgi_at_load_fails_as_production(tmp_path):
    entry = '''
from workers import Response, WorkerEntrypoint
from workers.asgi import fetch


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("unreachable")
'''
    folder = one_file_worker(tmp_path, entry, date="2025-10-01")
    with pytest.raises(ModuleNotFoundError, match="No module named 'workers.asgi'"):
        asyncio.run(_fetch(folder))


async def _fetch(folder):
    return await (await load_worker(folder).fetch("/")).text()
