"""A Worker of the external-SDK era that nothing vendors the SDK into meets production's stub
``workers`` in its loading thread alone
(test_runtime_worker_without_a_vendored_sdk_does_not_start_in_the_external_era.py): a Worker
that has its SDK, loading on another thread meanwhile, starts, and a request of one, served on
another thread meanwhile, imports ``workers`` and ``asgi`` as usual.
"""

from __future__ import annotations

import asyncio
import sys
import threading
from pathlib import Path

from worker_helpers import one_file_worker

from workers_env import load_worker

SLOW = """\
    import sys, time
    sys.workers_env_test_top_level = "running"  # the test's flag (a Worker's os.environ is its own)
    time.sleep(0.8)  # the other thread's Worker loading meanwhile
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            return Response("a")
"""

PLAIN = """\
    import time
    time.sleep(0.2)  # the first thread's Worker still at its top level
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            return Response("b")
"""


def _in_threads(*jobs) -> list[object]:
    """Runs each job on its own thread, the second once the first Worker's top level runs."""
    sys.__dict__.pop("workers_env_test_top_level", None)
    results: list[object] = [None] * len(jobs)

    def run(index: int) -> None:
        try:
            results[index] = jobs[index]()
        except BaseException as exc:  # noqa: BLE001 - the outcome is what the test compares
            results[index] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(jobs))]
    threads[0].start()
    for _ in range(600):
        if getattr(sys, "workers_env_test_top_level", None) or not threads[0].is_alive():
            break
        threading.Event().wait(0.01)
    for thread in threads[1:]:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results


def _served(folder: Path):
    def job() -> str:
        worker = load_worker(folder)
        return asyncio.run(_text(worker))
    return job


async def _text(worker) -> str:
    response = await worker.fetch("/")
    return f"{response.status} {await response.text()}"


def test_a_worker_with_an_sdk_loads_while_one_without_fails_beside_it(tmp_path):
    without = one_file_worker(tmp_path / "a", SLOW, pyproject=False)
    with_sdk = one_file_worker(tmp_path / "b", PLAIN)  # its main named apart: no import lock of `entry` shared
    (with_sdk / "src" / "entry.py").rename(with_sdk / "src" / "other.py")
    config = with_sdk / "wrangler.toml"
    config.write_text(config.read_text().replace("src/entry.py", "src/other.py"))
    failed, served = _in_threads(_served(without), _served(with_sdk))
    assert isinstance(failed, ModuleNotFoundError) and str(failed) == "No module named 'workers'"
    assert served == "200 b"
    sys.__dict__.pop("workers_env_test_top_level", None)


LAZY = """\
    from workers import WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            import asgi  # imported at request time, on this request's thread
            from workers import Response
            return Response("b" if asgi.__name__ == "workers.asgi" else "?")  # the SDK's (1.6.14 on)
"""


def test_a_request_on_another_thread_imports_the_sdk_while_a_worker_without_one_loads(tmp_path):
    without = one_file_worker(tmp_path / "a", SLOW, pyproject=False)
    loaded = load_worker(one_file_worker(tmp_path / "b", LAZY))
    failed, served = _in_threads(_served(without), lambda: asyncio.run(_text(loaded)))
    assert isinstance(failed, ModuleNotFoundError) and str(failed) == "No module named 'workers'"
    assert served == "200 b"
    sys.__dict__.pop("workers_env_test_top_level", None)
