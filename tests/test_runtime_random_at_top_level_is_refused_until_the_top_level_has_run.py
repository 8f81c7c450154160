"""At a Python Worker's top level ``random`` is workerd's blocking proxy (``block_calls`` in
``topLevelEntropy/import_patch_manager.py``, allowlist ``Random`` and ``SystemRandom``): calling
``random.random()``, ``randbytes``, ``choice`` ... there raises ``RuntimeError('Cannot use
random.random() outside of request context. <TOP_LEVEL_ENTROPY_ERROR>')`` -- the text of workerd
2026-11-17's ``import_patch_manager.py`` (workerd#7283 added the explanation after the sentence
workerd's ``random`` test pinned) -- while the functions it handed out (``from random import choice``) work once the top level has
run, in handlers, as the proxy then passes calls through. Test code is never affected."""

from __future__ import annotations

import random

import pytest
from worker_helpers import TOP_LEVEL_ENTROPY_ERROR, one_file_worker

from workers_env import load_worker


ENTRY = """
import random as top_random
from random import choice, randbytes
from workers import Response

def attempt(call):
    try:
        call()
        return "ran"
    except RuntimeError as e:
        return repr(e)

AT_TOP = [attempt(top_random.random), attempt(lambda: randbytes(5)), attempt(lambda: choice([1, 2])),
          attempt(lambda: top_random.Random(7).random()), type(top_random.SystemRandom).__name__]

async def on_fetch(request):
    import random as in_handler
    in_handler.random()
    return Response(repr([AT_TOP, len(randbytes(5)), choice([3]), round(top_random.Random(7).random(), 3)]))
"""


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2025-06-01", "2025-08-01"])
async def test_random_is_refused_at_the_top_level_and_its_functions_work_afterwards(tmp_path, date):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date))
    answer = await (await worker.fetch("/")).text()
    assert answer == repr([[
        "RuntimeError('Cannot use random.random() outside of request context. " + TOP_LEVEL_ENTROPY_ERROR + "')",
        "RuntimeError('Cannot use random.randbytes() outside of request context. " + TOP_LEVEL_ENTROPY_ERROR + "')",
        "RuntimeError('Cannot use random.choice() outside of request context. " + TOP_LEVEL_ENTROPY_ERROR + "')",
        "ran", "type"], 5, 3, round(random.Random(7).random(), 3)])
    import sys

    assert sys.modules["random"] is random  # the test's own random is the real module, as before the load
    assert type(random.random).__name__ == "builtin_function_or_method"
