"""``numpy.random`` at a Python Worker's top level is production's blocking proxy too
(``entropy_import_context_packages.py``: ``block_calls(numpy_random, allowlist=("default_rng",
"RandomState"))``): ``np.random.rand()`` and ``from numpy.random import rand`` called there raise
``RuntimeError('Cannot use numpy.random.rand() outside of request context.
<TOP_LEVEL_ENTROPY_ERROR>')`` -- whether the process imported ``numpy.random`` before or the top level imports it -- while
``default_rng(seed)`` works, and everything works in handlers. ``RandomState(seed)`` passes the
proxy but first builds an unseeded ``MT19937``, whose ``SeedSequence()`` draws 128 bits through
``secrets.randbits`` -- ``random``'s ``_urandom``, which production patched before the top level
imported ``random`` -- so the Worker's own call there is production's ``OSError(29, ...)``. Test
code keeps the real module."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import textwrap

from worker_helpers import TOP_LEVEL_ENTROPY_ERROR, one_file_worker

from workers_env import load_worker


ENTRY = """
import numpy as np
from numpy.random import rand
from workers import Response

def attempt(call):
    try:
        call()
        return "ran"
    except (RuntimeError, OSError) as e:
        return repr(e)

AT_TOP = [attempt(lambda: np.random.rand()), attempt(rand), attempt(lambda: np.random.default_rng(1).random()),
          attempt(lambda: np.random.RandomState(1).rand())]

async def on_fetch(request):
    return Response(repr([AT_TOP, 0 <= rand() < 1, 0 <= np.random.rand() < 1]))
"""

EXPECTED = repr([[
    "RuntimeError('Cannot use numpy.random.rand() outside of request context. " + TOP_LEVEL_ENTROPY_ERROR + "')",
    "RuntimeError('Cannot use numpy.random.rand() outside of request context. " + TOP_LEVEL_ENTROPY_ERROR + "')",
    "ran", repr(OSError(29, TOP_LEVEL_ENTROPY_ERROR))], True, True])


def test_numpy_random_is_refused_at_the_top_level_when_the_process_has_it_already(tmp_path):
    import numpy.random

    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2025-08-01"))

    async def answer():
        return await (await worker.fetch("/")).text()

    assert asyncio.run(answer()) == EXPECTED
    assert sys.modules["numpy.random"] is numpy.random
    assert numpy.random.rand is numpy.random.mtrand.rand


def test_numpy_random_is_refused_at_the_top_level_that_imports_it_first(tmp_path):
    project = one_file_worker(tmp_path, ENTRY, date="2025-08-01")
    script = textwrap.dedent(f"""
        import asyncio, sys
        from workers_env import load_worker
        assert "numpy.random" not in sys.modules
        worker = load_worker({str(project)!r})
        async def answer():
            return await (await worker.fetch("/")).text()
        print(asyncio.run(answer()))
        import numpy.random
        print(sys.modules["numpy.random"] is numpy.random, numpy.random.rand is numpy.random.mtrand.rand)
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                          env={**os.environ})
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-2:] == [EXPECTED, "True True"]
