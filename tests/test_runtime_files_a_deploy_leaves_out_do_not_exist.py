"""A file of the Worker's folder that wrangler would not upload does not exist for Worker code.

Deployed, the module root holds only the uploaded modules, so ``Path.exists()``,
``os.path.isfile`` and ``os.stat`` of any other file say it is missing, and a Worker that
looks before it reads (``if path.exists(): path.read_text()`` else data embedded in a module)
takes its fallback. Reading such a file already failed here; looking now agrees with it, so such
a Worker loads here as it does deployed. Uploaded files, folders and the test's own looks are
untouched.
"""

from __future__ import annotations

import os
import textwrap

import pytest
from worker_helpers import installed_package, one_file_worker

from workers_env import load_worker

ENTRY = """\
    import os
    from pathlib import Path
    from workers import Response, WorkerEntrypoint

    HERE = Path(__file__).parent

    def _source(name):  # read the file when it is there, else the copy embedded in the module
        path = HERE / name
        return path.read_text() if path.exists() else "embedded"

    LOADED = _source("data.toml")

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            name = request.url.split("/", 3)[3]
            path = HERE / name
            try:
                size = os.stat(path).st_size
            except FileNotFoundError as exc:
                size = exc.strerror
            return Response.json([LOADED, path.exists(), path.is_file(), os.path.isfile(str(path)),
                                  os.path.exists(path), size])
"""


def _project(tmp_path, extra=""):
    folder = one_file_worker(tmp_path, ENTRY, extra=extra)
    src = folder / "src"
    (src / "data.toml").write_text("a = 1\n")
    (src / "note.txt").write_text("a note\n")
    (src / "content").mkdir()
    (src / "content" / "about.md").write_text("# About\n")
    return folder


async def _look(worker, name):
    response = await worker.fetch(f"/{name}")
    return await response.json()


@pytest.mark.asyncio
async def test_a_file_no_rule_uploads_does_not_exist_and_the_worker_takes_its_fallback(tmp_path):
    folder = _project(tmp_path)
    worker = load_worker(folder)
    loaded, exists, is_file, isfile, os_exists, size = await _look(worker, "data.toml")
    assert (loaded, exists, is_file, isfile, os_exists) == ("embedded", False, False, False, False)
    assert size == ("No such file or directory once deployed (wrangler would not upload 'data.toml': no module "
                    'rule matches it; add one to wrangler.toml, e.g. [[rules]] type = "Data" globs = ["**/*.toml"] '
                    '(or "Text"), and Python reads it as a file)')
    assert (await _look(worker, "content/about.md"))[1:5] == [False, False, False, False]
    # the test's own looks see the files
    assert (folder / "src" / "data.toml").exists() and os.stat(folder / "src" / "data.toml").st_size == 6


@pytest.mark.asyncio
async def test_uploaded_files_and_folders_exist(tmp_path):
    worker = load_worker(_project(tmp_path))
    assert await _look(worker, "note.txt") == ["embedded", True, True, True, True, 7]
    entry_size = (tmp_path / "src" / "entry.py").stat().st_size
    assert await _look(worker, "entry.py") == ["embedded", True, True, True, True, entry_size]
    assert (await _look(worker, "content"))[1] is True  # a folder: not judged


@pytest.mark.asyncio
async def test_a_rule_uploads_it_and_then_it_exists(tmp_path):
    worker = load_worker(_project(tmp_path, extra='[[rules]]\ntype = "Data"\nglobs = ["**/*.toml"]\n'))
    assert await _look(worker, "data.toml") == ["a = 1\n", True, True, True, True, 6]


@pytest.mark.asyncio
async def test_a_missing_file_is_missing_as_before(tmp_path):
    worker = load_worker(_project(tmp_path))
    assert (await _look(worker, "nothing.toml"))[1:] == [False, False, False, False, "No such file or directory"]


@pytest.mark.asyncio
async def test_an_uploaded_files_descriptor_stats_as_before(tmp_path):
    folder = _project(tmp_path)
    (folder / "src" / "entry.py").write_text(textwrap.dedent("""\
        import os
        from pathlib import Path
        from workers import Response, WorkerEntrypoint

        fd = os.open(Path(__file__).parent / "note.txt", os.O_RDONLY)
        SIZE = os.stat(fd).st_size
        os.close(fd)

        class Default(WorkerEntrypoint):
            async def fetch(self, request):
                return Response(str(SIZE))
    """))
    response = await load_worker(folder).fetch("/")
    assert await response.text() == "7"


LIBRARY = """\
import os

HERE = os.path.dirname(__file__)


def has_data():
    return [os.path.exists(os.path.join(HERE, "data.json")), os.path.getsize(os.path.join(HERE, "data.json"))]
"""

LOOKING_ENTRY = """\
    import lookslib
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            if request.url.endswith("/asset"):
                answer = await self.env.ASSETS.fetch("http://x/hello.txt")
                return Response.json([answer.status, answer.headers.get("x-from-rules"), await answer.text()])
            return Response.json(lookslib.has_data())
"""


@pytest.mark.asyncio
async def test_a_librarys_own_file_and_workers_envs_own_looks_are_not_judged(tmp_path, monkeypatch):
    """A library installed inside the module root (a virtualenv there) finds its data file, as
    deployed from python_modules; the ASSETS binding, looking for the Worker at the ``_headers``
    file of an assets folder inside the module root, finds it (audit24: mutants judging either as
    the Worker's own look passed)."""
    folder = one_file_worker(tmp_path, LOOKING_ENTRY, extra='[assets]\ndirectory = "src/public"\nbinding = "ASSETS"\n')
    installed_package(folder / "src", monkeypatch, "lookslib", LIBRARY)
    (folder / "src" / "lib" / "site-packages" / "lookslib" / "data.json").write_text("{}")
    (folder / "src" / "public").mkdir()
    (folder / "src" / "public" / "hello.txt").write_text("hi")
    (folder / "src" / "public" / "_headers").write_text("/hello.txt\n  X-From-Rules: yes\n")
    worker = load_worker(folder)
    assert await (await worker.fetch("/")).json() == [True, 2]
    assert await (await worker.fetch("/asset")).json() == [200, "yes", "hi"]
