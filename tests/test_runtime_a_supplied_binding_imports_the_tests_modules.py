"""A binding you supply may import your test folder's modules while the Worker's code calls it.

The Worker's own imports search past the project's folders a deploy leaves out (``tests/``,
put on ``sys.path`` by pytest), and modules a test imported from there step out of
``sys.modules`` while its code runs. A fake binding's method runs for the Worker but is not its
code: a lazy import there finds the test folder's module -- the very module object the tests
hold, not a second copy -- as the file reads of the bindings you supply are not checked either.
"""

from __future__ import annotations

import sys
import textwrap

import pytest
from worker_helpers import one_file_worker

from workers_env import load_env, load_worker

ENTRY = """\
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            return Response(self.env.FAKE.get("k"))
"""

FAKES = """\
    class Fake:
        def get(self, key):
            import fakes_late  # never imported before
            from fakes_shared import COUNTER  # imported by the test already

            COUNTER.append(key)
            return fakes_late.X + " " + str(len(COUNTER))
"""


@pytest.fixture
def project(tmp_path):
    one_file_worker(tmp_path, ENTRY)
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "fakes.py").write_text(textwrap.dedent(FAKES))
    (tmp_path / "tests" / "fakes_late.py").write_text('X = "late"\n')
    (tmp_path / "tests" / "fakes_shared.py").write_text("COUNTER = []\n")
    sys.path.insert(0, str(tmp_path / "tests"))  # as pytest puts a test folder without __init__.py
    for name in ("fakes", "fakes_late", "fakes_shared"):  # another test's module of that name
        sys.modules.pop(name, None)  # (test_supplied_bindings.py's pyproject factory ``fakes``)
    yield tmp_path
    sys.path.remove(str(tmp_path / "tests"))
    for name in ("fakes", "fakes_late", "fakes_shared"):
        sys.modules.pop(name, None)


@pytest.mark.asyncio
async def test_a_binding_imports_a_module_of_the_test_folder(project):
    import fakes
    import fakes_shared

    worker = load_worker(project, env=load_env(project, bindings={"FAKE": fakes.Fake()}))
    response = await worker.fetch("/")
    assert (response.status, await response.text()) == (200, "late 1")
    assert (await (await worker.fetch("/")).text()) == "late 2"  # the same module both times
    assert sys.modules["fakes_shared"] is fakes_shared and fakes_shared.COUNTER == ["k", "k"]
