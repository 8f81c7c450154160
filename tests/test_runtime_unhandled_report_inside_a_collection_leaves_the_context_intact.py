"""A Worker's future or task collected unretrieved is reported by the loop's handler from inside
the garbage collection that frees it -- and on CPython 3.11 a collection can start inside a
``ContextVar.set`` (its new mapping's allocation), which reads the context's old mapping
borrowed (python/cpython#148891). The handler set the running Worker in that same context
(``current.swap``), so the interrupted set went on reading a freed mapping: suitetime56's
segfault (every quiet whole-suite run, in ``swap``, during
test_runtime_hang_check_keeps_no_event_loop_alive.py). The report now runs in a copy of the
context. Run in a subprocess under ``PYTHONMALLOC=debug`` (freed memory overwritten): before
the fix it died of SIGSEGV at the first collection placed inside the set."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import workers_env

ROOT = str(Path(workers_env.__file__).resolve().parent.parent)

SCRIPT = textwrap.dedent("""
    import asyncio, contextvars, gc

    import workers_env._loglevel as loglevel
    from workers_env.runtime import current, unhandled
    from workers_env.runtime.webloop import PyodideFuture

    OUTER = contextvars.ContextVar("outer")
    reported = []
    loglevel.console = lambda level, line: reported.append(line)

    def main():
        loop = asyncio.new_event_loop()
        unhandled.install(loop)
        runtime = current.WorkerRuntime(js_env=None, era=None)
        for attempt in range(16):
            OUTER.set(attempt)  # (in the mapping: the next set clones its node)
            gc.collect()
            future = PyodideFuture(loop=loop)
            future.workers_env_runtime = runtime
            future.set_exception(RuntimeError("never retrieved"))  # its finalizer calls the handler
            future.cycle = future  # (freed by a collection, not at once)
            del future
            # a collection at one of the next allocations of tracked objects: the set's Token,
            # then its mapping's nodes
            gc.set_threshold(gc.get_count()[0] + attempt % 8)
            OUTER.set(-attempt)
            gc.set_threshold(700)
        gc.collect()
        assert OUTER.get() == -15 and current.current_runtime() is None
        print(reported.count("PyodideFuture exception was never retrieved"))

    contextvars.Context().run(main)
""")


def test_a_report_from_a_collection_inside_a_context_var_set_is_safe():
    env = {**os.environ, "PYTHONMALLOC": "debug", "PYTHONPATH": ROOT + os.pathsep + os.environ.get("PYTHONPATH", "")}
    done = subprocess.run([sys.executable, "-X", "faulthandler", "-c", SCRIPT], env=env, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.split() == ["16"]  # each future reported, as the Worker's console.error line
