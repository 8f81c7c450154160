"""A change whose Worker does not load (a syntax error, an import that fails, a module without
a handler) prints the error, and the Worker loaded before goes on answering until a fix loads.
(wrangler dev 4.164.0 prints the runtime's error and exits -- measured with a ``no_bundle``
Worker -- which its maintainers call a bug, workers-sdk #3290 and #4031: workers-env keeps
serving, as wrangler does when its bundler rejects the code.)"""

from __future__ import annotations

from pathlib import Path

from dev_reload_helpers import READY, DevServer, answering, python_project

FAILED = "workers-env dev: the Worker failed to load after the change; the one loaded before goes on serving"


def test_a_syntax_error_keeps_the_old_answer_and_a_fix_reloads(tmp_path: Path) -> None:
    project = python_project(tmp_path / "app", answering("good"))
    entry = project / "src" / "entry.py"
    with DevServer(project) as dev:
        mark = dev.edit(entry, answering("broken") + "\ndef oops(:\n")
        failed = dev.wait_for(FAILED, after=mark)
        dev.wait_for("SyntaxError", after=failed)
        assert dev.get() == (200, "good")
        assert 'entry.py", line 8' in "\n".join(dev.lines[failed:]) and READY not in "\n".join(dev.lines[mark:])
        mark = dev.edit(entry, answering("fixed"))
        dev.wait_for(READY, after=mark)
        assert dev.get() == (200, "fixed")
        assert dev.proc.poll() is None


def test_an_exception_at_import_and_a_missing_handler_keep_the_old_worker(tmp_path: Path) -> None:
    project = python_project(tmp_path / "app", answering("good"))
    entry = project / "src" / "entry.py"
    with DevServer(project) as dev:
        mark = dev.edit(entry, "raise RuntimeError('boom at import')\n")
        dev.wait_for("RuntimeError: boom at import", after=dev.wait_for(FAILED, after=mark))
        assert dev.get() == (200, "good")
        mark = dev.edit(entry, "async def fetch(request, env):\n    pass\n")  # no era dispatches it
        dev.wait_for('does not define `class Default(WorkerEntrypoint)`', after=dev.wait_for(FAILED, after=mark))
        assert dev.get() == (200, "good")
