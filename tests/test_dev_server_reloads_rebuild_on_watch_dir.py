"""With a ``build.command``, ``workers-env dev`` watches ``build.watch_dir`` (default ``./src``)
instead of the module root, as wrangler dev 4.164.0 does (measured): any file added, written or
deleted there prints ``The file <path> changed, restarting build...``, runs the build again and
reloads; a build that fails is reported and the old Worker serves on. An edit of the config
runs the build too."""

from __future__ import annotations

import sys
from pathlib import Path

from dev_reload_helpers import READY, RELOADING, DevServer, answering, python_project

BUILD = f"""[build]
command = '''"{sys.executable}" -c "import pathlib, sys; text = pathlib.Path('gen/word.txt').read_text(); \
sys.exit(1) if text == 'fail' else None; pathlib.Path('src/entry.py').write_text(open('gen/template.py').read().replace('WORD', text)); print('built', text)"'''
watch_dir = "gen"
"""


def test_a_change_in_watch_dir_rebuilds_and_reloads(tmp_path: Path) -> None:
    project = python_project(tmp_path / "app", answering("unbuilt"), config_extra=BUILD,
                             files={"gen/template.py": answering("WORD"), "gen/word.txt": "one"})
    with DevServer(project) as dev:
        assert dev.get() == (200, "one")
        mark = len(dev.lines)
        (project / "gen" / "word.txt").write_text("two")
        changed = dev.wait_for("The file gen/word.txt changed, restarting build...", after=mark)
        built = dev.wait_for("[custom build] built two", after=changed)
        assert dev.lines[dev.wait_for(READY, after=built) - 1] == RELOADING
        assert dev.get() == (200, "two")

        mark = len(dev.lines)
        (project / "gen" / "word.txt").write_text("fail")
        dev.wait_for("Running custom build", after=dev.wait_for("restarting build", after=mark))
        assert dev.get() == (200, "two")

        mark = len(dev.lines)
        (project / "src" / "entry.py").write_text(answering("edited by hand"))  # not watched with a build
        (project / "gen" / "word.txt").write_text("three")
        dev.wait_for(READY, after=mark)
        assert dev.get() == (200, "three")
        assert dev.output.count(RELOADING) == 2
