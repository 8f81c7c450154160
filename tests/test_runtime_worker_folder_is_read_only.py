"""Worker code cannot write into its own folder, as deployed.

Deployed, the Worker's files are workerd's read-only ``/session/metadata`` (``createReadonlyFS``,
mode 0o555); Cloudflare's standard-library page says files can be written with ``open()`` and
``pathlib``, which holds for the in-memory file system around it (``/tmp``). So
``(Path(__file__).parent / "cache.json").write_text(...)`` works locally and fails once deployed
with ``PermissionError: [Errno 2] Permission denied`` (Emscripten's EACCES; measured in Pyodide
0.26.0a4, 0.28.2 and 314.0.6 with a file system built as workerd's). Here the same
``PermissionError`` (the host's EACCES) says why; the test's own writes, workers-env's state
and writes elsewhere are untouched.
"""

from __future__ import annotations

import errno

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """\
    import os
    import shutil
    import sqlite3
    import tempfile
    from pathlib import Path
    from workers import Response, WorkerEntrypoint

    HERE = Path(__file__).parent

    def save():
        (HERE / "cache.json").write_text("{}")

    def attempt(what):
        try:
            what()
        except OSError as exc:
            return f"{type(exc).__name__} {exc.errno} {exc.strerror.split(' once')[0]}"
        except (sqlite3.Error, AttributeError) as exc:
            return f"{type(exc).__name__} {exc}"
        return "ok"

    def in_folder(call, name, *args):
        fd = os.open(HERE, os.O_RDONLY)
        try:
            return call(name, *args, dir_fd=fd)
        finally:
            os.close(fd)

    def rename_in_folder(name, new):
        fd = os.open(HERE, os.O_RDONLY)
        try:
            os.replace(name, new, src_dir_fd=fd, dst_dir_fd=fd)
        finally:
            os.close(fd)

    def make_table(path):
        conn = sqlite3.connect(path)
        try:
            conn.execute("CREATE TABLE t (x)")
        finally:
            conn.close()

    def fchmod(path):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fchmod(fd, 0o600)
        finally:
            os.close(fd)

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            op = request.url.split("/", 3)[3]
            out = self.env.OUT
            result = {
                "write-new": lambda: (HERE / "cache.json").write_text("{}"),
                "append": lambda: open(HERE / "data.txt", "a").close(),
                "read-plus": lambda: open(HERE / "data.txt", "r+").close(),
                "os-open": lambda: os.close(os.open(HERE / "n.txt", os.O_WRONLY | os.O_CREAT)),
                "mkdir": lambda: (HERE / "sub").mkdir(),
                "remove": lambda: os.remove(HERE / "data.txt"),
                "rename": lambda: os.rename(HERE / "data.txt", HERE / "d2.txt"),
                "rename-out": lambda: os.rename(HERE / "data.txt", Path(out) / "moved.txt"),
                "truncate": lambda: os.truncate(HERE / "data.txt", 0),
                "chmod": lambda: os.chmod(HERE / "data.txt", 0o600),
                "rmdir-root": lambda: os.rmdir(HERE),
                "read": lambda: (HERE / "data.txt").read_text(),
                "elsewhere": lambda: (Path(out) / "note.txt").write_text("kept"),
                "relative": lambda: Path("relative.txt").write_text("kept"),
                "remove-by-dir-fd": lambda: in_folder(os.unlink, "data.txt"),
                "mkdir-by-dir-fd": lambda: in_folder(os.mkdir, "sub"),
                "symlink": lambda: os.symlink(out, HERE / "link"),
                "rmtree": lambda: shutil.rmtree(HERE / "assets"),
                "through-a-link": lambda: (Path(out) / "to-src" / "cache.json").write_text("{}"),
                "utime": lambda: os.utime(HERE / "data.txt", (1, 1)),
                "sqlite-new": lambda: sqlite3.connect(HERE / "new.db").close(),
                "sqlite-uri": lambda: sqlite3.connect(f"file:{HERE / 'new.db'}?mode=rwc", uri=True).close(),
                "sqlite-elsewhere": lambda: make_table(Path(out) / "kept.db"),
                "os-open-by-dir-fd": lambda: os.close(in_folder(os.open, "n.txt", os.O_CREAT | os.O_WRONLY)),
                "rename-by-dir-fd": lambda: rename_in_folder("data.txt", "d2.txt"),
                "makedirs": lambda: os.makedirs(HERE / "a" / "b"),
                "exclusive": lambda: open(HERE / "x.txt", "x").close(),
                "w-plus": lambda: open(HERE / "w.txt", "w+").close(),
                "touch": lambda: (HERE / "t.txt").touch(),
                "copy-into": lambda: shutil.copy(Path(out) / "tree" / "f.txt", HERE / "f.txt"),
                "copytree-into": lambda: shutil.copytree(Path(out) / "tree", HERE / "tree"),
                "mkstemp": lambda: tempfile.mkstemp(dir=HERE),
                "named-temporary-file": lambda: tempfile.NamedTemporaryFile(dir=HERE),
                "create-not-uploaded": lambda: os.close(os.open(HERE / "notes.md", os.O_CREAT | os.O_RDONLY)),
                "exclusive-not-uploaded": lambda: open(HERE / "notes.md", "x").close(),
                "chown": lambda: os.chown(HERE / "entry.py", os.getuid(), os.getgid()),
                "fchmod": lambda: fchmod(HERE / "entry.py"),
                "exclusive-uploaded": lambda: open(HERE / "entry.py", "x").close(),
                "mkdir-root": lambda: os.mkdir(HERE),
                "open-folder-for-writing": lambda: open(HERE, "w").close(),
                "create-uploaded": lambda: os.close(os.open(HERE / "entry.py", os.O_CREAT | os.O_RDONLY)),
                "mkfifo": lambda: os.mkfifo(HERE / "fifo"),
                "mknod": lambda: os.mknod(HERE / "node"),
                "link": lambda: os.link(HERE / "data.txt", HERE / "linked.txt"),
                "mkfifo-elsewhere": lambda: os.mkfifo(Path(out) / "fifo"),
            }[op]
            return Response(attempt(result))
"""


#: the Worker's folder as the fixture makes it: what every refusal leaves
KEPT = ["data.txt", "entry.py", "notes.md"]


@pytest.fixture
def worker(tmp_path):
    folder = one_file_worker(tmp_path / "project", ENTRY, extra=f'[vars]\nOUT = "{tmp_path / "out"}"\n')
    (folder / "src" / "data.txt").write_text("data")  # uploaded (wrangler's default Text rule)
    (folder / "src" / "notes.md").write_text("notes")  # not uploaded
    (tmp_path / "out" / "tree").mkdir(parents=True)
    (tmp_path / "out" / "tree" / "f.txt").write_text("f")
    (tmp_path / "out" / "to-src").symlink_to(folder / "src")  # another name of the Worker's folder
    return load_worker(folder)


async def _outcome(worker, op):
    return await (await worker.fetch(f"/{op}")).text()


@pytest.mark.asyncio
@pytest.mark.parametrize("op", ["write-new", "append", "read-plus", "os-open", "mkdir", "remove", "rename", "truncate",
                                "remove-by-dir-fd", "mkdir-by-dir-fd", "symlink", "through-a-link",
                                # measured in Pyodide 0.26.0a4, 0.28.2 and 314.0.6 on a folder built as workerd's:
                                "os-open-by-dir-fd", "rename-by-dir-fd", "makedirs", "exclusive", "w-plus", "touch",
                                "copy-into", "copytree-into", "mkstemp", "named-temporary-file",
                                # notes.md is not uploaded (no module rule): deployed, creating it is refused
                                "create-not-uploaded", "exclusive-not-uploaded"])
async def test_a_change_in_the_worker_folder_is_permission_denied(worker, op, tmp_path):
    assert await _outcome(worker, op) == f"PermissionError {errno.EACCES} Permission denied"
    src = tmp_path / "project" / "src"
    assert sorted(p.name for p in src.iterdir() if p.name != "__pycache__") == KEPT
    assert (src / "data.txt").read_text() == "data"  # nothing changed


@pytest.mark.asyncio
async def test_chmod_rmdir_and_a_rename_across_the_edge_answer_as_pyodide_does(worker, tmp_path):
    assert await _outcome(worker, "chmod") == f"PermissionError {errno.EPERM} Operation not permitted"
    assert await _outcome(worker, "rmdir-root") == f"OSError {errno.EBUSY} Resource busy"
    assert await _outcome(worker, "rename-out") == f"OSError {errno.EXDEV} Cross-device link"
    assert (tmp_path / "project" / "src" / "data.txt").exists()


@pytest.mark.asyncio
async def test_the_message_says_why_and_where_to_write(worker):
    with pytest.raises(PermissionError) as caught:
        await worker.call(worker.module.save)
    assert caught.value.strerror == (
        "Permission denied once deployed (the Worker's folder is workerd's read-only file system there, "
        "/session/metadata; write under /tmp, which is in memory and lasts as long as the isolate)")
    assert caught.value.filename == str(worker.module.HERE / "cache.json")


@pytest.mark.asyncio
async def test_reads_writes_elsewhere_and_the_tests_own_writes_are_untouched(worker, tmp_path):
    assert await _outcome(worker, "read") == "ok"
    assert await _outcome(worker, "elsewhere") == "ok"
    assert (tmp_path / "out" / "note.txt").read_text() == "kept"
    (tmp_path / "project" / "src" / "written-by-the-test.txt").write_text("mine")  # not Worker code


@pytest.mark.asyncio
async def test_a_relative_path_is_not_the_worker_folder_even_when_it_is_the_working_folder(worker, tmp_path, monkeypatch):
    # deployed, the working folder is workerd's in-memory / (it changes none): a relative name is never
    # /session/metadata, so the write succeeds there -- and so it does here, wherever the tests run
    src = tmp_path / "project" / "src"
    monkeypatch.chdir(src)
    assert await _outcome(worker, "relative") == "ok"
    assert (src / "relative.txt").read_text() == "kept"
    assert await _outcome(worker, "write-new") == f"PermissionError {errno.EACCES} Permission denied"


@pytest.mark.asyncio
async def test_rmtree_of_a_folder_of_it_removes_nothing(worker, tmp_path):
    # shutil.rmtree removes each file by its folder's descriptor (os.unlink(name, dir_fd=...)):
    # deployed the first removal fails, so nothing is gone
    assets = tmp_path / "project" / "src" / "assets"
    assets.mkdir()
    (assets / "a.txt").write_text("a")
    assert await _outcome(worker, "rmtree") == f"PermissionError {errno.EACCES} Permission denied"
    assert (assets / "a.txt").read_text() == "a"


@pytest.mark.asyncio
async def test_utime_is_not_permitted(worker, tmp_path):
    before = (tmp_path / "project" / "src" / "data.txt").stat().st_mtime
    assert await _outcome(worker, "utime") == f"PermissionError {errno.EPERM} Operation not permitted"
    assert (tmp_path / "project" / "src" / "data.txt").stat().st_mtime == before


@pytest.mark.asyncio
@pytest.mark.parametrize("op", ["sqlite-new", "sqlite-uri"])
async def test_a_new_sqlite_database_there_cannot_be_opened(worker, op, tmp_path):
    # Pyodide 314.0.6's built-in sqlite3 on a read-only folder: SQLITE_CANTOPEN
    assert await _outcome(worker, op) == "OperationalError unable to open database file"
    assert not (tmp_path / "project" / "src" / "new.db").exists()
    assert await _outcome(worker, "sqlite-elsewhere") == "ok"
    assert (tmp_path / "out" / "kept.db").exists()


@pytest.mark.asyncio
@pytest.mark.parametrize("op", ["chown", "fchmod"])
async def test_chown_and_a_change_by_an_open_files_descriptor_are_not_permitted(worker, op, tmp_path):
    entry = tmp_path / "project" / "src" / "entry.py"
    before = entry.stat().st_mode
    assert await _outcome(worker, op) == f"PermissionError {errno.EPERM} Operation not permitted"
    assert entry.stat().st_mode == before


@pytest.mark.asyncio
@pytest.mark.parametrize(("op", "answer"), [
    ("exclusive-uploaded", f"FileExistsError {errno.EEXIST} File exists"),
    ("mkdir-root", f"FileExistsError {errno.EEXIST} File exists"),
    ("open-folder-for-writing", f"IsADirectoryError {errno.EISDIR} Is a directory"),
    ("create-uploaded", "ok"),  # O_CREAT of a read-only open of a file that is there: a read
])
async def test_what_is_there_deployed_answers_before_the_permission(worker, op, answer, tmp_path):
    # Emscripten's FS.open and mkdir look the name up first: EEXIST, EISDIR, or no creation at all
    assert await _outcome(worker, op) == answer
    src = tmp_path / "project" / "src"
    assert sorted(p.name for p in src.iterdir() if p.name != "__pycache__") == KEPT


@pytest.mark.asyncio
@pytest.mark.parametrize("op", ["mkfifo", "mknod", "link", "mkfifo-elsewhere"])
async def test_os_functions_pyodide_lacks_are_missing_for_the_worker(worker, op, tmp_path):
    # Pyodide 0.26.0a4, 0.28.2 and 314.0.6 have no os.link, os.mkfifo nor os.mknod
    name = op.split("-")[0]
    assert await _outcome(worker, op) == f"AttributeError module 'os' has no attribute '{name}'"
    assert not (tmp_path / "out" / "fifo").exists()
    assert sorted(p.name for p in (tmp_path / "project" / "src").iterdir() if p.name != "__pycache__") == KEPT
