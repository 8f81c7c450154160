"""A Default class's queue/scheduled handler that Python cannot call with the three arguments
workerd passes -- a public Linear-webhook Worker's ``async def queue(self, batch)`` (hunt30) --
raises Python's own TypeError, its text kept as production's, with a note saying what to
declare; in both SDK eras. A TypeError the handler's own code raises gets no such note."""

from __future__ import annotations

import pytest

from workers_env import load_worker

ENTRY = '''
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("ok")

    async def queue(self, batch):
        pass

    def scheduled(self, controller, env, ctx):
        return len(5)
'''

CONFIGS = {
    "built-in": ('name = "q"\nmain = "src/entry.py"\ncompatibility_date = "2025-11-01"\n'
                 'compatibility_flags = ["python_workers"]\n', {}),
    "external": ('name = "q"\nmain = "src/entry.py"\ncompatibility_date = "2026-11-17"\n'
                 'compatibility_flags = ["python_workers"]\n',
                 {"pyproject_DOT_toml": '[project]\nname = "q"\nversion = "0.1.0"\ndependencies = []\n'
                                        '[tool.workers-env]\npython-sdk = "1.9.5"\n'}),
}

NOTE = ("workers-env: workerd calls a Default class's queue handler with three arguments, batch, env and ctx -- "
        "env and ctx are None, the instance has self.env and self.ctx -- as Python calls it here: declare "
        "`async def queue(self, batch, env, ctx)`")


@pytest.mark.asyncio
@pytest.mark.parametrize("era", sorted(CONFIGS))
async def test_a_narrow_queue_handler_is_pythons_error_with_a_note(project, era):
    toml, files = CONFIGS[era]
    worker = load_worker(project(toml, src__entry_DOT_py=ENTRY, **files))
    with pytest.raises(TypeError) as err:
        await worker.queue([{"n": 1}], queue="jobs")
    assert str(err.value) == "Default.queue() takes 2 positional arguments but 4 were given"
    assert getattr(err.value, "__notes__", []).count(NOTE) == 1


@pytest.mark.asyncio
async def test_a_type_error_of_the_handlers_own_code_gets_no_note(project):
    toml, files = CONFIGS["built-in"]
    worker = load_worker(project(toml, src__entry_DOT_py=ENTRY, **files))
    with pytest.raises(TypeError) as err:
        await worker.scheduled("* * * * *")
    assert str(err.value) == "object of type 'int' has no len()"
    assert not any("workerd calls a Default class's" in str(n) for n in getattr(err.value, "__notes__", []))
