"""A load resolves each of the project's paths once while it reads the project (load68:
``workers_env/_oneload.py``), and tells a path that is its own resolution by ``lstat``-ing its
parts rather than through ``os.path.realpath``. Neither keeps anything past the load: a symlink
repointed between two loads -- ``main``'s folder, or the project's folder itself -- is followed
where it points at the next load, as before. And the quick reading answers what ``resolve()``
answers, for every kind of path ``realpath`` treats apart (a symlink anywhere in it, a dangling
one, a loop, a part not there, a file in the way, ``..``, a relative path)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker
from workers_env._oneload import real_path, resolved_now

ENTRY = """\
    from workers import Response, WorkerEntrypoint


    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            return Response({name!r})
"""


@pytest.mark.asyncio
async def test_mains_folder_repointed_between_loads(tmp_path):
    project = one_file_worker(tmp_path / "project", ENTRY.format(name="first"))
    (project / "src").rename(project / "src-first")
    second = project / "src-second"
    second.mkdir()
    (second / "entry.py").write_text((project / "src-first" / "entry.py").read_text().replace("first", "second"))
    (project / "src").symlink_to(project / "src-first", target_is_directory=True)
    assert await (await load_worker(project).fetch("/")).text() == "first"
    (project / "src").unlink()
    (project / "src").symlink_to(second, target_is_directory=True)
    assert await (await load_worker(project).fetch("/")).text() == "second"
    (project / "src").unlink()
    (project / "src").symlink_to(project / "src-first", target_is_directory=True)
    assert await (await load_worker(project).fetch("/")).text() == "first"


@pytest.mark.asyncio
async def test_project_folder_repointed_between_loads(tmp_path):
    one_file_worker(tmp_path / "a", ENTRY.format(name="a"))
    one_file_worker(tmp_path / "b", ENTRY.format(name="b"))
    link = tmp_path / "project"
    link.symlink_to(tmp_path / "a", target_is_directory=True)
    assert await (await load_worker(link).fetch("/")).text() == "a"
    link.unlink()
    link.symlink_to(tmp_path / "b", target_is_directory=True)
    assert await (await load_worker(link).fetch("/")).text() == "b"


def _tree(root: Path) -> list[Path]:
    (root / "real" / "deeper").mkdir(parents=True)
    (root / "real" / "file.txt").write_text("x")
    (root / "linked").symlink_to(root / "real", target_is_directory=True)
    (root / "relative-link").symlink_to("real/deeper", target_is_directory=True)
    (root / "dangling").symlink_to(root / "nowhere")
    (root / "loop").symlink_to(root / "loop")
    spelt = [
        root, root / "real", root / "real" / "deeper", root / "real" / "file.txt",
        root / "linked", root / "linked" / "deeper", root / "linked" / "missing" / "more",
        root / "relative-link", root / "relative-link" / "below",
        root / "dangling", root / "dangling" / "below",
        root / "loop", root / "loop" / "below",
        root / "missing", root / "missing" / "more" / "parts",
        root / "real" / "file.txt" / "below", root / "real" / "file.txt" / "below" / "more",
        root / "real" / ".." / "linked", root / "real" / ".." / "missing" / ".." / "real",
        Path("/" + str(root)), Path("relative") / "path", Path("."),  # (a leading //: realpath drops one)
    ]
    return spelt


def _outcome(call):
    try:
        found = call()
    except Exception as exc:  # noqa: BLE001 - the error is the outcome compared
        return type(exc), str(exc)
    return type(found), str(found)


def test_the_quick_reading_answers_as_resolve(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    plain: set[str] = set()  # (as one look at several paths shares what it found: a load's reading, sys.path)
    for path in _tree(tmp_path):
        assert _outcome(lambda: resolved_now(path)) == _outcome(path.resolve), path
        assert _outcome(lambda: resolved_now(path, plain)) == _outcome(path.resolve), path
        assert _outcome(lambda: real_path(str(path))) == _outcome(lambda: os.path.realpath(str(path))), path
    assert str(tmp_path.resolve() / "real") in plain and str(tmp_path / "linked") not in plain
    # the tree changed under the same spellings: a folder became a symlink, a symlink a folder
    (tmp_path / "real").rename(tmp_path / "moved")
    (tmp_path / "real").symlink_to(tmp_path / "moved", target_is_directory=True)
    (tmp_path / "linked").unlink()
    (tmp_path / "linked").mkdir()
    for path in [tmp_path / "real" / "deeper", tmp_path / "linked", tmp_path / "linked" / "deeper",
                 tmp_path / "real" / "file.txt"]:
        assert _outcome(lambda: resolved_now(path)) == _outcome(path.resolve), path
        assert real_path(str(path)) == os.path.realpath(str(path)), path
    assert str(resolved_now(tmp_path / "real" / "deeper")) == str(tmp_path.resolve() / "moved" / "deeper")


def test_the_quick_reading_sees_a_folder_of_the_path_become_a_symlink(tmp_path):
    folder = tmp_path.resolve() / "there" / "inner"
    folder.mkdir(parents=True)
    assert resolved_now(folder) == folder  # its own resolution
    os.rename(folder.parent, tmp_path / "elsewhere")
    (tmp_path / "there").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    assert resolved_now(folder) == tmp_path.resolve() / "elsewhere" / "inner"
