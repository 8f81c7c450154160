"""Through the pytest plugin's ``worker`` fixture, ``worker.call`` runs one of the Worker's
functions in its import scope (a folder the Worker put on ``sys.path``, a module beside it),
under pytest-asyncio and anyio alike, while the same function called directly from the test
does not see those modules; a handler's own ``CancelledError`` fails the test as the Worker's
``HandlerCancelledError``, not as a cancelled test."""

from __future__ import annotations

import importlib
import textwrap

import pytest
from worker_helpers import OWN_CANCEL

# imported before pytester's runs, which drop the modules each run imports
importlib.import_module("workers_env.runtime")

WRANGLER = """\
name = "plugin-call"
main = "src/entry.py"
compatibility_date = "2026-05-01"
compatibility_flags = ["python_workers"]
"""

ENTRY = """\
import asyncio
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "vendor"))

from workers import Response, WorkerEntrypoint


async def word(suffix):
    await asyncio.sleep(0)
    import fixture_call_vendored
    import fixture_call_sibling
    return fixture_call_vendored.WORD + fixture_call_sibling.WORD + suffix


""" + OWN_CANCEL + """


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response(await word("!"))
"""

TESTS = """
import pytest

from workers_env import HandlerCancelledError


@pytest.mark.MARK
async def test_call_sees_the_workers_modules(worker):
    assert await worker.call(worker.module.word, "?") == "vendored-sibling?"
    assert await (await worker.fetch("/")).text() == "vendored-sibling!"


@pytest.mark.MARK
async def test_called_directly_it_is_test_code(worker):
    with pytest.raises(ModuleNotFoundError):
        await worker.module.word("?")


@pytest.mark.MARK
async def test_own_cancel_is_the_workers_error(worker):
    with pytest.raises(HandlerCancelledError):
        await worker.call(worker.module.own_cancel)
"""


@pytest.fixture
def project(pytester: pytest.Pytester) -> pytest.Pytester:
    pytester.makefile(".toml", wrangler=WRANGLER)
    (pytester.path / "src" / "vendor").mkdir(parents=True)
    (pytester.path / "src" / "entry.py").write_text(ENTRY)
    (pytester.path / "src" / "vendor" / "fixture_call_vendored.py").write_text('WORD = "vendored-"\n')
    (pytester.path / "src" / "fixture_call_sibling.py").write_text('WORD = "sibling"\n')
    pytester.path.joinpath("pyproject.toml").write_text(textwrap.dedent("""\
        [tool.pytest.ini_options]
        asyncio_mode = "strict"
        asyncio_default_fixture_loop_scope = "function"
        """))
    return pytester


def run(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    return pytester.runpytest("-p", "no:cacheprovider", "-p", "no:hypothesispytest", *args)


def test_under_pytest_asyncio(project: pytest.Pytester) -> None:
    project.makepyfile(test_calls=TESTS.replace("MARK", "asyncio"))
    run(project).assert_outcomes(passed=3)


def test_under_anyio(project: pytest.Pytester) -> None:
    project.makeconftest("""
        import pytest

        @pytest.fixture
        def anyio_backend():
            return "asyncio"
        """)
    project.makepyfile(test_calls=TESTS.replace("MARK", "anyio"))
    run(project, "-p", "no:asyncio").assert_outcomes(passed=3)
