"""A test module importing the Worker's code (``from src.entry import STORIES``) fails to import
where that code imports ``workers``: the SDK exists only inside the Worker, as in production. The
collection error keeps Python's ``ModuleNotFoundError`` and gains a workers-env section saying how
a test reaches the Worker's module (walk54); outside a Worker's folder (no wrangler config) the
same error gets none."""

from __future__ import annotations

import pytest

ENTRY = ("from workers import Response, WorkerEntrypoint\n\nSTORIES = ['a cloud', 'a llama']\n\n\n"
         "class Default(WorkerEntrypoint):\n    async def fetch(self, request):\n        return Response('ok')\n")
SECTION = ("`workers` exists only inside the Worker: workers-env gives it to the Worker's code as it runs, as "
           "production does, not to a test's own imports (this test module imports it, or imports Worker code that "
           "does). Reach the Worker through the `worker` fixture instead: `worker.module` is its main module, run "
           "(`worker.module.NAME` for what it defines or imports), and `await worker.call(worker.module.function, "
           "...)` runs one of its functions inside the Worker")


def _collect(pytester: pytest.Pytester, test: str) -> str:
    (pytester.path / "src").mkdir()
    (pytester.path / "src" / "entry.py").write_text(ENTRY)
    pytester.makepyfile(test_stories=test)
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    result = pytester.runpytest("-p", "no:cacheprovider", "-p", "no:hypothesispytest")  # in-process
    result.assert_outcomes(errors=1)
    return result.stdout.str()


def test_importing_the_workers_code_names_the_worker_fixture(pytester: pytest.Pytester) -> None:
    pytester.makefile(".toml", wrangler='name = "w"\nmain = "src/entry.py"\ncompatibility_flags = ["python_workers"]\n')
    out = _collect(pytester, "from src.entry import STORIES\n\ndef test_stories():\n    assert STORIES\n")
    assert "E   ModuleNotFoundError: No module named 'workers'" in out  # Python's error, as it was
    assert " ".join(SECTION.split()) in " ".join(out.split())  # (the terminal wraps nothing: joined for safety)


def test_without_a_wrangler_config_the_error_stands_alone(pytester: pytest.Pytester) -> None:
    out = _collect(pytester, "from src.entry import STORIES\n\ndef test_stories():\n    assert STORIES\n")
    assert "No module named 'workers'" in out and "exists only inside the Worker" not in out
