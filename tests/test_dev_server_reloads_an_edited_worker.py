"""``workers-env dev`` reloads the Worker when one of its files is written, as ``wrangler dev``
4.164.0 does (measured with a ``no_bundle`` Worker, the path a Python Worker takes): it prints
``⎔ Reloading local server...``, then ``⎔ Local server updated and ready`` once the new code
answers; the bindings' state is kept; no request fails because of the swap."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from dev_reload_helpers import READY, RELOADING, DevServer, answering, python_project

KV = '[[kv_namespaces]]\nbinding = "KV"\nid = "0f2ac74b498b48028cb68387c421e279"\n'
D1 = '[[d1_databases]]\nbinding = "DB"\ndatabase_name = "d"\ndatabase_id = "00000000-0000-0000-0000-000000000001"\n'

STATEFUL = """
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        if request.method == "POST":
            await self.env.KV.put("k", "kept")
            await self.env.DB.prepare("CREATE TABLE IF NOT EXISTS t (v TEXT)").run()
            await self.env.DB.prepare("INSERT INTO t VALUES ('row')").run()
            return Response("stored")
        row = await self.env.DB.prepare("SELECT v FROM t").first("v")
        return Response(f"{VERSION} {await self.env.KV.get('k')} {row}")

VERSION = "one"
"""


def test_an_edit_reloads_with_wranglers_lines_and_the_new_answer(tmp_path: Path) -> None:
    project = python_project(tmp_path / "app", answering("first"))
    with DevServer(project) as dev:
        assert dev.get() == (200, "first")
        reloading = dev.edit(project / "src" / "entry.py", answering("second"))
        ready = dev.wait_for(READY, after=reloading)
        assert ready == reloading + 1  # nothing between the two lines
        assert dev.get() == (200, "second")
        assert dev.output.count(RELOADING) == 1 and "Ready on" in dev.lines[reloading - 2]  # one reload, no restart


def test_kv_and_d1_state_outlive_a_reload(tmp_path: Path) -> None:
    project = python_project(tmp_path / "app", STATEFUL, config_extra=KV + D1)
    with DevServer(project) as dev:
        import urllib.request

        with urllib.request.urlopen(urllib.request.Request(dev.url, data=b"", method="POST"), timeout=20) as resp:
            assert resp.read() == b"stored"
        assert dev.get() == (200, "one kept row")
        mark = dev.edit(project / "src" / "entry.py", STATEFUL.replace('VERSION = "one"', 'VERSION = "two"'))
        dev.wait_for(READY, after=mark)
        assert dev.get() == (200, "two kept row")


def test_requests_during_reloads_are_answered_by_the_old_or_the_new_worker(tmp_path: Path) -> None:
    project = python_project(tmp_path / "app", answering("v0"))
    answers: list[tuple[int, str]] = []
    stop = threading.Event()
    with DevServer(project) as dev:

        def hammer() -> None:
            while not stop.is_set():
                answers.append(dev.get())

        thread = threading.Thread(target=hammer)
        thread.start()
        try:
            for n in range(1, 6):
                mark = dev.edit(project / "src" / "entry.py", answering(f"v{n}"))
                dev.wait_for(READY, after=mark)
        finally:
            stop.set()
            thread.join()
        assert dev.get() == (200, "v5")
    assert answers and all(status == 200 and body in {f"v{n}" for n in range(6)} for status, body in answers), answers
    bodies = [body for _, body in answers]
    assert bodies == sorted(bodies)  # never the old one after the new one


def test_adding_or_deleting_a_file_alone_does_not_reload(tmp_path: Path) -> None:
    """wrangler's watch of the module root acts on ``change`` events only (measured: a new
    file, a deleted one, a file beside the config do not reload; writing a file again does)."""
    project = python_project(tmp_path / "app", answering("same"), files={"src/notes.txt": "a"})
    with DevServer(project) as dev:
        (project / "src" / "new.py").write_text("X = 1\n")
        (project / "src" / "notes.txt").unlink()
        (project / "README.md").write_text("outside the module root\n")
        time.sleep(0.5)  # ten looks at the files
        assert RELOADING not in dev.output
        # an edit of the Worker: the look that sees it has seen new.py too (on a loaded machine
        # the looks of the half second above may not have come yet, and a file first seen
        # written again would be a file added)
        dev.wait_for(READY, after=dev.edit(project / "src" / "entry.py", answering("same") + "\n"))
        mark = len(dev.lines)
        (project / "src" / "new.py").write_text("X = 2\n")  # written again: a change
        dev.wait_for(READY, after=mark)
        assert dev.output.count(RELOADING) == 2
