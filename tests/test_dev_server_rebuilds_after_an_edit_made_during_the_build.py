"""A file in ``build.watch_dir`` edited while the ``build.command`` runs makes the build run
again, and the Worker reloads with what the last build made, as wrangler dev 4.164.0 does
(its ``BundlerController.#scheduleCustomBuild`` aborts the running build and runs it again,
printing ``The file <path> changed, restarting build...`` again): the edit was once taken for
the build's own writes and lost, the Worker serving what the build had read before it. A build
that writes into its own ``watch_dir`` still does not run for ever: what it writes the same
way twice is its own output, and no edit."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from dev_reload_helpers import READY, RELOADING, DevServer, answering, python_project

BUILD = f'[build]\ncommand = \'"{sys.executable}" build.py\'\nwatch_dir = "gen"\n'
# reads the word, says so, waits while a test edits it (until the word changes, 20 s at most),
# then writes the Worker answering it
WAIT = ("deadline = time.monotonic() + (20 if word == 'slow' else 0)\n"
        "while time.monotonic() < deadline and pathlib.Path('gen/word.txt').read_text() == word:\n"
        "    time.sleep(0.01)\n")
SLOW = ("import pathlib, time\nword = pathlib.Path('gen/word.txt').read_text()\nprint('building', word, flush=True)\n"
        + WAIT + "pathlib.Path('src/entry.py').write_text(pathlib.Path('template.py').read_text().replace('WORD', word))\n")
# the same, and it writes into its own watch_dir too
SELF_WRITING = SLOW.replace(WAIT, "pathlib.Path('gen/out.txt').write_text('built ' + word)\n")


def _project(tmp_path: Path, build: str) -> Path:
    return python_project(tmp_path / "app", answering("unbuilt"), config_extra=BUILD, files={
        "build.py": build, "template.py": answering("WORD"), "gen/word.txt": "one"})


def test_an_edit_while_the_build_runs_builds_again_and_reloads_the_last_result(tmp_path: Path) -> None:
    project = _project(tmp_path, SLOW)
    with DevServer(project) as dev:
        assert dev.get() == (200, "one")
        mark = len(dev.lines)
        (project / "gen" / "word.txt").write_text("slow")
        building = dev.wait_for("[custom build] building slow", after=mark)
        (project / "gen" / "word.txt").write_text("final")  # while the build waits
        again = dev.wait_for("The file gen/word.txt changed, restarting build...", after=building)
        built = dev.wait_for("[custom build] building final", after=again)
        dev.wait_for(READY, after=built)
        assert dev.get() == (200, "final")
        assert dev.lines[mark:].count(RELOADING) == 1, dev.lines[mark:]  # one reload, with the last build
        assert dev.lines[mark:].count("The file gen/word.txt changed, restarting build...") == 2


def test_a_build_writing_into_its_watch_dir_does_not_run_for_ever(tmp_path: Path) -> None:
    project = _project(tmp_path, SELF_WRITING)
    with DevServer(project) as dev:
        for word in ("two", "three"):
            mark = len(dev.lines)
            (project / "gen" / "word.txt").write_text(word)
            dev.wait_for(READY, after=dev.wait_for(f"[custom build] building {word}", after=mark))
            assert dev.get() == (200, word)
            time.sleep(1)  # time for a build that restarts itself to show
            runs = [line for line in dev.lines[mark:] if line.startswith("[custom build] Running:")]
            # the first time, once more to learn what it writes; then once per edit
            assert 1 <= len(runs) <= (2 if word == "two" else 1), dev.lines[mark:]
            assert dev.lines[mark:].count(RELOADING) == 1, dev.lines[mark:]


# writes a file of a new name into its watch_dir at every run (a timestamped bundle)
NEW_NAME_EACH_RUN = SLOW.replace(WAIT, "pathlib.Path(f'gen/out-{time.time_ns()}.txt').write_text(word)\n")


def test_a_build_writing_new_files_into_its_watch_dir_stops_after_five_runs_and_says_why(tmp_path: Path) -> None:
    project = _project(tmp_path, NEW_NAME_EACH_RUN)
    with DevServer(project) as dev:
        mark = len(dev.lines)
        (project / "gen" / "word.txt").write_text("two")
        said = dev.wait_for("▲ [WARNING] The build changed gen/out-", after=mark)
        assert "in build.watch_dir again in each of its last 5 runs; not running it again until the next change" \
            in dev.lines[said], dev.lines[said]
        dev.wait_for(READY, after=said)
        assert dev.get() == (200, "two")
        time.sleep(1)  # time for a build that restarts itself to show
        runs = [line for line in dev.lines[mark:] if line.startswith("[custom build] Running:")]
        assert len(runs) == 5, dev.lines[mark:]
        assert dev.lines[mark:].count(RELOADING) == 1, dev.lines[mark:]
