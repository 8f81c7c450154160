"""At a Python Worker's top level production patches ``os.urandom`` and ``_random.Random.seed``
(workerd ``topLevelEntropy/entropy_patches.py``): a draw of entropy there -- ``os.urandom``,
``uuid.uuid4()``, ``secrets.token_hex()``, ``random.SystemRandom().random()``, an unseeded
``random.Random()`` -- raises ``OSError(29, TOP_LEVEL_ENTROPY_ERROR)`` (``allow_entropy.py``; the
``OSError: [Errno 29] Randomness is not allowed while a Worker is starting`` public Workers meet
when they deploy), uncaught it fails the load, and in handlers all of it works. A package's import
the top level makes draws no more freely (production grants only some modules' imports a set
number of draws: ``test_runtime_entropy_drawn_while_a_package_imports_is_refused_unless_granted``);
``tempfile``'s names go through (production makes them deterministic there), as does a seeded
``random.Random(3)``; test code keeps the real functions."""

from __future__ import annotations

import os
import random

import pytest
from worker_helpers import TOP_LEVEL_ENTROPY_ERROR, one_file_worker

from workers_env import load_worker

REFUSED = f"OSError: [Errno 29] {TOP_LEVEL_ENTROPY_ERROR}"

ENTRY = """
import os, random, secrets, tempfile, uuid
from workers import Response, WorkerEntrypoint

def attempt(call):
    try:
        call()
        return "ran"
    except Exception as e:
        return f"{type(e).__name__}: {e}"

AT_TOP = [attempt(lambda: os.urandom(4)), attempt(uuid.uuid4), attempt(lambda: secrets.token_hex(4)),
          attempt(lambda: random.SystemRandom().random()), attempt(random.Random),
          attempt(lambda: __import__("helper")),
          attempt(lambda: random.Random(3).random()), attempt(lambda: tempfile.NamedTemporaryFile().close()),
          attempt(lambda: __import__("drawing_library"))]

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        drawn = [len(os.urandom(4)), len(str(uuid.uuid4())), len(secrets.token_hex(4)),
                 random.SystemRandom().random() < 1, random.Random().random() < 1]
        return Response.json([AT_TOP, drawn])
"""


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2025-09-01", "2026-05-01"])
async def test_the_workers_own_draws_are_refused_at_the_top_level_and_work_in_handlers(tmp_path, monkeypatch, date):
    library = tmp_path / "lib"
    library.mkdir()
    (library / "drawing_library.py").write_text("import os\nKEY = os.urandom(8)\n")
    monkeypatch.syspath_prepend(str(library))
    folder = one_file_worker(tmp_path / "w", ENTRY, date=date)
    (folder / "src" / "helper.py").write_text("import secrets\nTOKEN = secrets.token_hex(8)\n")
    urandom, seed = os.urandom, random.Random.seed
    worker = load_worker(folder)
    at_top, drawn = await (await worker.fetch("/")).json()
    assert at_top == [REFUSED] * 6 + ["ran"] * 2 + [REFUSED]
    assert drawn == [4, 36, 8, True, True]
    assert (os.urandom, random.Random.seed) == (urandom, seed)  # the test's own, as before the load


def test_an_uncaught_draw_fails_the_load(tmp_path):
    folder = one_file_worker(tmp_path, """
import uuid
from workers import Response, WorkerEntrypoint

INSTANCE = str(uuid.uuid4())

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response(INSTANCE)
""")
    with pytest.raises(OSError) as caught:
        load_worker(folder)
    assert (caught.value.errno, caught.value.strerror) == (29, TOP_LEVEL_ENTROPY_ERROR)


@pytest.mark.parametrize("above", ["vendor", "python_modules"])
def test_a_worker_whose_project_lies_under_a_folder_named_like_a_vendor_one_is_refused_too(tmp_path, above):
    """Only the folders below the Worker's code hold packages: a checkout at ``~/vendor/proj`` is
    still the Worker's own code."""
    folder = one_file_worker(tmp_path / above / "proj", """
import os
from workers import Response, WorkerEntrypoint

KEY = os.urandom(8)

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("loaded")
""", date="2026-09-08")
    with pytest.raises(OSError) as caught:
        load_worker(folder)
    assert caught.value.errno == 29
