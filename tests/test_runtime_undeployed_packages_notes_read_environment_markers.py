"""The notes naming declared packages a deploy leaves behind -- a project deployed with plain
wrangler and no ``python_modules/``, and ``find_additional_modules = false`` -- name only those
``pywrangler sync`` would vendor: a requirement whose environment marker fails on production's
Pyodide (``sys_platform != 'emscripten'``, a ``python_version`` the Worker's Python is not) is
never uploaded by any deploy, as the not-installed note already reads it. One reading of the
markers (the Worker's Python: 3.12 before 2025-09-29, 3.13 after)."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """\
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            return Response("ok")
"""
PLAIN = "jobs:\n  deploy:\n    steps:\n      - uses: cloudflare/wrangler-action@v3\n        with:\n          command: deploy\n"
DEPENDENCIES = ('["fastapi>=0.110", "uvloop; sys_platform != \'emscripten\'", "tomli; python_version < \'3.13\'", '
                '"pyodide-only; platform_machine == \'wasm32\'", "workers-py"]')


def _project(root, date, extra="", flags=(), dependencies=DEPENDENCIES):
    folder = one_file_worker(root, ENTRY, date=date, extra=extra, flags=flags)
    (folder / ".git").mkdir()
    (folder / ".github" / "workflows").mkdir(parents=True)
    (folder / ".github" / "workflows" / "deploy.yml").write_text(PLAIN)
    (folder / "pyproject.toml").write_text(f'[project]\nname = "w"\nversion = "0"\ndependencies = {dependencies}\n')
    return folder


@pytest.mark.parametrize(("date", "named"), [
    ("2025-09-01", "fastapi, tomli, pyodide-only"),  # Python 3.12
    ("2026-03-01", "fastapi, pyodide-only"),  # Python 3.13
])
def test_plain_wrangler_note_names_what_pyodide_would_get(tmp_path, capsys, date, named):
    load_worker(_project(tmp_path, date))
    lines = [line for line in capsys.readouterr().err.splitlines() if "deploys with plain wrangler" in line]
    assert lines == [
        "workers-env: this project deploys with plain wrangler (its CI never runs pywrangler) and has no "
        f"python_modules/, so wrangler uploads no packages: the ones it declares ({named}) are not there once "
        "deployed; workers-env still imports them from your virtualenv. Deploy with `uv run pywrangler deploy`, "
        "which vendors them."]


def test_main_only_note_names_what_pyodide_would_get(tmp_path, capsys):
    load_worker(_project(tmp_path, "2026-03-01", extra="find_additional_modules = false\n"))
    lines = [line for line in capsys.readouterr().err.splitlines() if "find_additional_modules = false" in line]
    assert lines == [
        "workers-env: find_additional_modules = false: wrangler uploads only main (src/entry.py) (wrangler 4.102 "
        "and later; earlier releases ignored the key for a Python Worker and uploaded every module, so one deployed "
        "with them has them), not "
        "python_modules/, so the packages it declares (fastapi, pyodide-only, workers-py) are not there once "
        "deployed; workers-env still imports them from your virtualenv. Remove that line (or set it to true) to "
        "deploy them."]


@pytest.mark.parametrize(("date", "flags", "named"), [
    ("2025-09-01", (), "fastapi, full-3125, impl-3125"),  # pywrangler resolves for CPython 3.12.7 (the runtime: 3.12.1)
    ("2026-03-01", (), "fastapi, below-3133"),  # 3.13.2
    ("2026-03-01", ("python_workers_314",), "fastapi, full-3125, impl-3125"),  # 3.14.2
])
def test_a_full_version_marker_reads_pywranglers_interpreter(tmp_path, capsys, date, flags, named):
    """``python_full_version`` and ``implementation_version`` are those of the interpreter
    ``uv pip compile --python cpython-X.Y.Z-emscripten-wasm32-musl`` stands for in pywrangler
    (3.12.7, 3.13.2, 3.14.2), not ``X.Y.0``."""
    folder = _project(tmp_path, date, flags=flags, dependencies=(
        '["fastapi", "full-3125; python_full_version >= \'3.12.5\' and python_version != \'3.13\'", '
        '"impl-3125; implementation_version >= \'3.12.5\' and python_version != \'3.13\'", '
        '"below-3133; python_full_version < \'3.13.3\' and python_version == \'3.13\'", '
        '"below-3132; python_full_version < \'3.13.2\' and python_version == \'3.13\'"]'))
    load_worker(folder)
    lines = [line for line in capsys.readouterr().err.splitlines() if "deploys with plain wrangler" in line]
    assert len(lines) == 1 and f"the ones it declares ({named}) are not there" in lines[0]
