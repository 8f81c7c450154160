"""In an era whose ``env`` hands out the JavaScript binding Worker code holds (before 2026-04-21:
the built-in SDK), a test calling the emulator's own scripting methods on it (``env.AI.reply``,
``env.AI.calls``) got a bare ``AttributeError: reply``. It keeps that error and gains a note
naming ``env.unwrapped("AI").reply``, the call that works; Worker code reading such a name gets
production's bare ``AttributeError``, and a name the emulator lacks too gets no note."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_env, load_worker

ENTRY = """\
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            try:
                self.env.AI.reply
            except AttributeError as e:
                return Response(f"{e!r} {getattr(e, '__notes__', None)}")
            return Response("no error")
"""


def _project(tmp_path):
    return one_file_worker(tmp_path, ENTRY, date="2025-09-01", extra='[ai]\nbinding = "AI"\n')


@pytest.mark.parametrize("name", ["reply", "calls", "queue_replies"])
def test_a_tests_call_on_the_raw_binding_names_the_unwrapped_emulator(tmp_path, name):
    env = load_env(_project(tmp_path))
    with pytest.raises(AttributeError) as caught:
        getattr(env.AI, name)
    assert str(caught.value) == name
    assert caught.value.__notes__ == [
        f"{name!r} is workers-env's own, on the emulator behind env.AI, not on the JavaScript binding this "
        f"config's Worker code holds (which env hands out too): call env.unwrapped('AI').{name}"]
    assert getattr(env.unwrapped("AI"), name) is not None  # the call the note names works


def test_a_name_the_emulator_lacks_too_gets_no_note(tmp_path):
    env = load_env(_project(tmp_path))
    with pytest.raises(AttributeError) as caught:
        env.AI.nope
    assert str(caught.value) == "nope" and not getattr(caught.value, "__notes__", None)


@pytest.mark.asyncio
async def test_worker_code_gets_productions_bare_error(tmp_path):
    resp = await load_worker(_project(tmp_path)).fetch("/")
    assert await resp.text() == "AttributeError('reply') None"
