"""A file under the module root that something writes all the time (a log, a SQLite file the
Worker's tooling keeps there) does not hold reloads back: the watcher waits for an editor's
writes to settle, but not for ever -- it once waited as long as any watched file kept changing,
so an edit beside such a file never reloaded, while the watcher looked ten times a second.
(wrangler reloads on every write there: its watcher has no such wait.)"""

from __future__ import annotations

import threading
import time
from pathlib import Path

from dev_reload_helpers import READY, DevServer, answering, python_project


def test_an_edit_reloads_while_another_file_is_written_every_few_milliseconds(tmp_path: Path) -> None:
    project = python_project(tmp_path / "app", answering("before"))
    stop = threading.Event()

    def keep_writing() -> None:
        n = 0
        while not stop.is_set():
            n += 1
            (project / "src" / "busy.log").write_text(f"line {n}\n")
            time.sleep(0.02)

    with DevServer(project) as dev:
        writer = threading.Thread(target=keep_writing)
        writer.start()
        try:
            time.sleep(0.2)
            mark = len(dev.lines)
            (project / "src" / "entry.py").write_text(answering("after"))
            # the log's writes reload the Worker too, each after at most a second of them: one
            # under way when the edit came may end (print its READY) after the mark having loaded
            # the code before it, so the edit is in that one or the next (a third for a slow reader)
            answers = []
            for _ in range(3):
                mark = dev.wait_for(READY, after=mark) + 1
                answers.append(dev.get())
                if answers[-1] == (200, "after"):
                    break
            assert answers[-1] == (200, "after"), answers
        finally:
            stop.set()
            writer.join()
