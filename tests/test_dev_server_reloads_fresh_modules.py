"""A reload imports the Worker's modules afresh: a helper module the user deleted or renamed is
gone (as wrangler uploads the folder anew), an edited one is read again -- also while a request
of the Worker being replaced is still under way, whose modules are then in ``sys.modules``."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

from dev_reload_helpers import READY, DevServer, python_project

ENTRY = """
import asyncio
import os

from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        if request.url.endswith("/slow"):  # under way until the test writes release.txt
            print("slow request under way", flush=True)
            while not os.path.exists(os.path.join(os.path.dirname(__file__), "..", "release.txt")):
                await asyncio.sleep(0.01)
            return Response("slow " + answer())
        return Response(answer())


def answer():
    try:
        import helper
    except ImportError as exc:
        return f"{type(exc).__name__}: {exc}"
    return helper.WORD
"""


def test_a_deleted_helper_module_is_not_importable_after_a_reload(tmp_path: Path) -> None:
    project = python_project(tmp_path / "app", ENTRY, files={"src/helper.py": 'WORD = "helped"\n'})
    with DevServer(project) as dev:
        assert dev.get() == (200, "helped")
        (project / "src" / "helper.py").rename(project / "src" / "renamed.py")
        mark = dev.edit(project / "src" / "entry.py", ENTRY + "\n")
        dev.wait_for(READY, after=mark)
        assert dev.get() == (200, "ModuleNotFoundError: No module named 'helper'")


def test_a_reload_during_a_request_imports_the_edited_helper_not_the_old_one(tmp_path: Path) -> None:
    project = python_project(tmp_path / "app", ENTRY, files={"src/helper.py": 'WORD = "old"\n'})
    slow: list[tuple[int, str]] = []
    with DevServer(project) as dev:
        assert dev.get() == (200, "old")  # helper imported by the first Worker
        thread = threading.Thread(target=lambda: slow.append(dev.get("/slow")))
        thread.start()
        dev.wait_for("slow request under way")  # and awaiting
        (project / "src" / "helper.py").write_text('WORD = "new"\n')
        mark = dev.edit(project / "src" / "entry.py", ENTRY + "\n")
        dev.wait_for(READY, after=mark)
        assert dev.get() == (200, "new")
        assert thread.is_alive()  # the slow request is still under way
        (project / "release.txt").write_text("")
        thread.join()
    assert slow == [(200, "slow old")]  # the request under way finished on the Worker it started with


def test_an_edit_that_keeps_the_size_within_the_same_second_is_not_read_from_stale_bytecode(tmp_path: Path) -> None:
    """Python trusts a module's cached bytecode while the source's mtime in whole seconds and
    its size match: the reload must not import the edit before."""
    project = python_project(tmp_path / "app", ENTRY, files={"src/helper.py": 'WORD = "aaa"\n'})
    helper, entry = project / "src" / "helper.py", project / "src" / "entry.py"
    second = (int(time.time()) + 30) * 10**9  # one whole second, ahead of every write here
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with DevServer(project, environ=env) as dev:  # bytecode written, as Python does by default
        helper.write_text('WORD = "one"\n')
        os.utime(helper, ns=(second + 100_000_000, second + 100_000_000))
        dev.wait_for(READY, after=dev.edit(entry, ENTRY + "\n"))
        assert dev.get() == (200, "one")
        assert list((project / "src" / "__pycache__").glob("helper.*.pyc"))  # cached
        helper.write_text('WORD = "two"\n')  # same size, same second
        os.utime(helper, ns=(second + 500_000_000, second + 500_000_000))
        dev.wait_for(READY, after=dev.edit(entry, ENTRY + "\n\n"))
        assert dev.get() == (200, "two")
