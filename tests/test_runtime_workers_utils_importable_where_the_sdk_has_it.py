"""``workers.utils`` is the external SDK's module: workers-runtime-sdk ships ``workers/utils.py``
from 1.5.2 (and its ``workers/__init__.py`` imports it), ``HTTPMessageMapping`` in it from 1.8.1;
workerd's built-in SDK has no such file. Where production has none, ``import workers.utils`` is
Python's ``ModuleNotFoundError``, and one Worker's import does not carry over to the next."""

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
    return Response.json([
        attempt("import workers.utils\\nresult = workers.utils.__name__"),
        attempt("from workers.utils import HTTPMessageMapping\\nresult = HTTPMessageMapping.__name__"),
        attempt("from workers import utils\\nresult = utils.__name__"),
        attempt("import workers\\nresult = hasattr(workers, 'utils')"),
    ])
'''

MISSING = "ModuleNotFoundError: No module named 'workers.utils'"


def _answers(tmp_path, date, sdk=None, flags=()):
    return sdk_worker_answer(tmp_path, PROBE, date, sdk, flags)


@pytest.mark.parametrize("sdk", ["1.8.1", "1.9.5"])
def test_the_external_sdk_from_1_8_1_has_the_module_and_its_mapping(tmp_path, sdk):
    assert _answers(tmp_path, "2026-05-01", sdk) == ["'workers.utils'", "'HTTPMessageMapping'", "'workers.utils'", "True"]


@pytest.mark.parametrize("sdk", ["1.5.2", "1.8.0"])
def test_before_1_8_1_the_module_has_no_mapping(tmp_path, sdk):
    module, mapping, attribute, has = _answers(tmp_path, "2026-05-01", sdk)
    assert (module, attribute, has) == ("'workers.utils'", "'workers.utils'", "True")
    assert mapping.startswith("ImportError: cannot import name 'HTTPMessageMapping' from 'workers.utils'")


def test_an_sdk_before_1_5_2_has_no_module(tmp_path):
    module, mapping, attribute, has = _answers(tmp_path, "2026-05-01", "1.5.1")
    assert (module, mapping, has) == (MISSING, MISSING, "False")
    assert attribute == "ImportError: workers.utils does not exist in workers-runtime-sdk 1.5.1: it came with 1.5.2"


@pytest.mark.parametrize(("date", "flags"), [("2025-10-01", ()), ("2024-12-01", ("python_no_global_handlers",)),
                                             ("2026-05-01", ("disable_python_external_sdk",))])
def test_the_built_in_sdk_has_no_module(tmp_path, date, flags):
    module, mapping, attribute, has = _answers(tmp_path, date, flags=flags)
    assert (module, mapping, has) == (MISSING, MISSING, "False")
    assert attribute == (
        f"ImportError: workers.utils does not exist in the built-in Python SDK of compatibility date {date}: it is the "
        "external SDK's (workers-runtime-sdk 1.5.2 or later; compatibility date 2026-04-21 or later, or the "
        "enable_python_external_sdk flag)")


def test_one_workers_import_does_not_reach_the_next(tmp_path):
    assert _answers(tmp_path / "new", "2026-05-01", "1.9.5")[0] == "'workers.utils'"
    assert _answers(tmp_path / "old", "2025-10-01")[:2] == [MISSING, MISSING]
    assert _answers(tmp_path / "again", "2026-05-01", "1.8.0")[1].startswith("ImportError: cannot import name")


def test_a_worker_of_a_newer_sdk_reads_its_headers_as_the_modules_mapping(tmp_path):
    entry = '''
from workers import Response, WorkerEntrypoint
from workers.utils import HTTPMessageMapping


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response(repr(type(request.headers) is HTTPMessageMapping))
'''
    folder = one_file_worker(tmp_path, entry, date="2026-05-01")
    (folder / "pyproject.toml").write_text('[project]\nname = "w"\nversion = "0"\n[tool.workers-env]\npython-sdk = "1.9.5"\n')

    async def answer():
        return await (await load_worker(folder).fetch("/")).text()

    assert asyncio.run(answer()) == "True"


def test_host_code_reads_it_off_the_workers_stand_in_as_the_other_submodules():
    """Outside Worker code (no ``workers`` in ``sys.modules`` to import below) ``workers.utils``
    of the stand-in is a module of the running era's SDK, as ``workers.asgi`` is: not
    ``ModuleNotFoundError: No module named 'workers'`` out of ``hasattr``."""
    from workers_env.runtime.current import WorkerRuntime, set_current
    from workers_env.runtime.eras import Era
    from workers_env.runtime.standins import standin_modules

    workers = standin_modules()["workers"]
    assert workers.utils.__name__ == "workers.utils" and hasattr(workers.utils, "HTTPMessageMapping")
    for version, has, mapping in (((1, 5, 1), False, False), ((1, 8, 0), True, False), ((1, 8, 1), True, True)):
        set_current(WorkerRuntime(None, Era(date="2026-05-01", external_sdk=True, sdk_version=version)))
        try:
            assert hasattr(workers, "utils") is has
            assert has is False or hasattr(workers.utils, "HTTPMessageMapping") is mapping
        finally:
            set_current(None)
    assert "utils" not in vars(workers)  # each read makes its own: none is kept for the next era


def test_a_name_workers_env_lacks_is_an_attribute_error_to_hasattr_and_not_emulated_at_import(tmp_path):
    """``workers.utils.patch_env`` exists in production but not here: ``hasattr`` answers
    ``False`` (an AttributeError saying so), as ``workers.patch_env`` does, while ``from
    workers.utils import patch_env`` stops with :class:`NotEmulatedError`."""
    probe = EXEC_ATTEMPT + '''
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
  async def fetch(self, request):
    return Response.json([
        attempt("import workers.utils\\nresult = hasattr(workers.utils, 'patch_env')"),
        attempt("import workers.utils\\nresult = workers.utils.get_compat_flag"),
        attempt("from workers.utils import patch_env\\nresult = 1"),
        attempt("import workers\\nresult = hasattr(workers, 'patch_env')"),
    ])
'''
    has, read, imported, has_top = sdk_worker_answer(tmp_path, probe, "2026-05-01", "1.9.5")
    assert (has, has_top) == ("False", "False")
    assert read.startswith("AttributeError: workers.utils.get_compat_flag is not emulated by workers-env")
    assert imported.startswith("NotEmulatedError: workers.utils.patch_env is not emulated by workers-env")


LACKING = EXEC_ATTEMPT + '''
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
  async def fetch(self, request):
    return Response.json([attempt("import workers.utils\\nresult = workers.utils.no_such_name")])
'''


def test_a_name_the_module_lacks_is_pythons_attribute_error(tmp_path):
    assert sdk_worker_answer(tmp_path, LACKING, "2026-05-01", "1.9.5") == [
        "AttributeError: module 'workers.utils' has no attribute 'no_such_name'"]
