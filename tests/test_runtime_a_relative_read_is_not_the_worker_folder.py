"""A relative name does not reach the Worker's own files once deployed.

workerd's Emscripten setup sets ``HOME=/session`` and changes no folder, so Worker code runs in
``/`` and its files are ``/session/metadata/...``: ``open("src/note.txt")`` or, run from the
Worker's folder, ``open("note.txt")`` is ``FileNotFoundError`` there, while here the host's
working folder (the project, under pytest and ``workers-env dev``) finds the file. Here too it
is that error, with the way to name the file -- unless the Worker changed folder itself, or reads
back what it wrote by that relative name (deployed both land in ``/``).
"""

from __future__ import annotations

import os
import textwrap

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """\
    import os
    from pathlib import Path
    from workers import Response, WorkerEntrypoint

    HERE = Path(__file__).parent

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            op = request.url.split("/", 3)[3]
            try:
                if op == "from-project":
                    with open("src/note.txt") as file:
                        text = file.read()
                elif op == "from-src":
                    text = Path("note.txt").read_text()
                elif op == "absolute":
                    text = (HERE / "note.txt").read_text()
                elif op == "write-then-read":
                    Path("mine.txt").write_text("written")
                    with open("mine.txt") as file:
                        text = file.read()
                elif op == "after-chdir":
                    os.chdir(HERE)
                    with open("note.txt") as file:
                        text = file.read()
            except FileNotFoundError as exc:
                return Response(f"{exc.strerror} [{exc.filename}]", status=404)
            return Response(text)
"""

MESSAGE = ("No such file or directory once deployed (a relative path is read from workerd's working folder /, not "
           "from the Worker's folder /session/metadata: name the file from Path(__file__).parent)")


@pytest.fixture
def project(tmp_path, monkeypatch):
    folder = one_file_worker(tmp_path / "project", ENTRY)
    (folder / "src" / "note.txt").write_text("a note")
    monkeypatch.chdir(folder)
    return folder


async def _answer(worker, op):
    response = await worker.fetch(f"/{op}")
    return response.status, await response.text()


@pytest.mark.asyncio
async def test_a_relative_name_of_a_worker_file_is_missing_with_the_way_to_name_it(project, monkeypatch):
    worker = load_worker(project)
    assert await _answer(worker, "from-project") == (404, f"{MESSAGE} [src/note.txt]")
    monkeypatch.chdir(project / "src")
    assert await _answer(worker, "from-src") == (404, f"{MESSAGE} [note.txt]")
    assert await _answer(worker, "absolute") == (200, "a note")
    with open("note.txt") as file:  # the test's own relative read
        assert file.read() == "a note"


@pytest.mark.asyncio
async def test_what_the_worker_wrote_by_that_name_reads_back(project, monkeypatch):
    monkeypatch.chdir(project / "src")  # the write lands in the Worker's folder here, in / deployed
    assert await _answer(load_worker(project), "write-then-read") == (200, "written")


@pytest.mark.asyncio
async def test_after_the_worker_changed_folder_its_relative_names_are_its_own(project, monkeypatch):
    monkeypatch.chdir(project)  # put back after the test: the Worker's chdir moves the process
    assert await _answer(load_worker(project), "after-chdir") == (200, "a note")


LOOKS = """\
    import os
    from pathlib import Path
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            name = request.url.split("?", 1)[1]
            looks = [Path(name).exists(), Path(name).is_file(), os.path.isfile(name)]
            try:
                looks.append(os.path.getsize(name))
            except FileNotFoundError as exc:
                looks.append(exc.strerror)
            return Response.json(looks)
"""


async def _looks(worker, name):
    return await (await worker.fetch(f"/look?{name}")).json()


@pytest.mark.asyncio
async def test_a_relative_look_at_a_worker_file_finds_nothing_as_its_read(tmp_path, monkeypatch):
    """``Path("src/note.txt").exists()`` is False, as its read is missing (review73: a look by a
    relative name found the file, the read did not); the test's own look, and an absolute one, find it."""
    folder = one_file_worker(tmp_path / "project", LOOKS)
    (folder / "src" / "note.txt").write_text("a note")
    monkeypatch.chdir(folder)
    worker = load_worker(folder)
    assert await _looks(worker, "src/note.txt") == [False, False, False, MESSAGE]
    assert await _looks(worker, str(folder / "src" / "note.txt")) == [True, True, True, 6]
    assert os.path.exists("src/note.txt")


@pytest.mark.asyncio
async def test_a_look_through_a_symlinked_spelling_of_the_root_answers_as_a_read(tmp_path):
    """A file a deploy leaves out, named through a symbolic link to the project's folder (a
    symlinked ``/tmp``): missing for the look as for the read (review73: the look found it)."""
    folder = one_file_worker(tmp_path / "project", LOOKS)
    (folder / "src" / "data.toml").write_text("a = 1")  # no rule uploads it: wrangler leaves it out
    (tmp_path / "link").symlink_to(folder)
    worker = load_worker(folder)
    looks = await _looks(worker, str(tmp_path / "link" / "src" / "data.toml"))
    assert looks[:3] == [False, False, False] and looks[3].startswith("No such file or directory once deployed")
    assert await _looks(worker, str(folder / "src" / "data.toml")) == looks


LOOK_ENTRY = """\
    import os
    from pathlib import Path
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            name = request.url.split("/", 3)[3]
            try:
                size = os.stat(name).st_size
            except FileNotFoundError as exc:
                size = f"{exc.strerror} [{exc.filename}]"
            return Response.json([os.path.exists(name), Path(name).is_file(), os.path.isfile(name), size])
"""


@pytest.mark.asyncio
async def test_a_relative_name_of_a_worker_file_does_not_exist_either(project, monkeypatch):
    """Looking agrees with reading (audit24: ``os.stat`` judged relative names not at all, so
    ``Path("src/note.txt").exists()`` was true here and false deployed, and the read that followed failed)."""
    (project / "src" / "entry.py").write_text(textwrap.dedent(LOOK_ENTRY))
    worker = load_worker(project)
    assert await (await worker.fetch("/src/note.txt")).json() == [False, False, False, f"{MESSAGE} [src/note.txt]"]
    assert os.path.exists("src/note.txt")  # the test's own look
