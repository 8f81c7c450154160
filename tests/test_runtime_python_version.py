"""The Worker is imported by the interpreter workers-env runs under, while production runs it on
the Python of its compatibility era (workerd's releases: 3.12, 3.13 from 2025-09-29, 3.14 by
flag, and from 2026-09-08 with python_workers_314): syntax newer than this interpreter fails as a
SyntaxError that says so."""

from __future__ import annotations

import sys
import traceback

import pytest
from worker_helpers import typical_pyproject

from workers_env.config.compat import python_release
from workers_env.runtime import load_worker

# PEP 758 (Python 3.14): except without parentheses
NEWEST_SYNTAX = """
from workers import Response, WorkerEntrypoint

def parse(text):
    try:
        return int(text)
    except ValueError, TypeError:
        return None

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response(str(parse("7")))
"""


def project(root, *, date="2026-09-01", flags=("python_workers",)):
    (root / "src").mkdir()
    (root / "src" / "entry.py").write_text(NEWEST_SYNTAX)
    listed = ", ".join(f'"{f}"' for f in flags)
    (root / "wrangler.toml").write_text(
        f'name = "w"\nmain = "src/entry.py"\ncompatibility_date = "{date}"\ncompatibility_flags = [{listed}]\n')
    return root


@pytest.mark.parametrize(("date", "flags", "python"), [
    ("2025-06-01", ("python_workers",), (3, 12)),
    ("2025-09-29", ("python_workers",), (3, 13)),
    ("2025-06-01", ("python_workers", "python_workers_20250116"), (3, 13)),
    ("2026-09-01", ("python_workers", "no_python_workers_20250116"), (3, 12)),
    ("2026-09-01", ("python_workers", "python_workers_20260610"), (3, 14)),
    # python_workers_314 (cloudflare-docs #32987; pywrangler: the flag, or from 2026-09-08)
    ("2026-09-02", ("python_workers", "python_workers_314"), (3, 14)),
    ("2026-09-07", ("python_workers",), (3, 13)),
    ("2026-09-08", ("python_workers",), (3, 14)),
    ("2026-11-01", ("python_workers", "no_python_workers_314"), (3, 13)),
])
def test_the_production_python_of_each_era(tmp_path, date, flags, python):
    from workers_env.config import load_config

    assert python_release(load_config(project(tmp_path, date=date, flags=flags))).python == python


@pytest.mark.asyncio
async def test_syntax_newer_than_this_interpreter_says_which_python_production_runs(tmp_path):
    root = project(tmp_path, flags=("python_workers", "python_workers_20260610"))
    if sys.version_info >= (3, 14):  # this interpreter reads 3.14 syntax: the Worker runs
        typical_pyproject(root)  # (the external-SDK era: pywrangler vendors the SDK, or `workers` is missing)
        assert await (await load_worker(root).fetch("/")).text() == "7"
        return
    with pytest.raises(SyntaxError) as info:
        load_worker(root)
    shown = "".join(traceback.format_exception_only(info.type, info.value))
    here = f"{sys.version_info[0]}.{sys.version_info[1]}"
    assert f"imports the Worker with this interpreter, Python {here}; production runs it on Python 3.14" in shown
    assert "python_workers_20260610" in shown and "run workers-env under Python 3.14" in shown
    assert "entry.py" in shown  # the location stays the user's file
    assert info.value.__notes__[-1] == (
        f"workers-env imports the Worker with this interpreter, Python {here}; production runs it on Python 3.14 "
        "(Pyodide 314.0.4, the python_workers_20260610 flag at compatibility date 2026-09-01). This line uses "
        "`except A, B:` without parentheses (PEP 758), syntax of Python 3.14: run workers-env under Python 3.14.")


def test_a_plain_syntax_error_is_not_blamed_on_the_interpreter(tmp_path):
    """An error under every Python (CPython 3.11.7 to 3.14.10 each refuse ``def broken(:``)
    gets no note, whichever interpreter is older than production's (session 58 noted it)."""
    root = project(tmp_path, date="2025-06-01")  # production: Python 3.12
    (root / "src" / "entry.py").write_text("def broken(:\n    pass\n")
    with pytest.raises(SyntaxError) as info:
        load_worker(root)
    assert getattr(info.value, "__notes__", None) is None


def test_a_module_that_is_not_utf8_is_told_to_be_saved_as_utf8(tmp_path):
    """Bytes that are not UTF-8 are not newer syntax: no interpreter would read them (Pyodide
    reads Worker modules as UTF-8 too), so the note says how to fix the file instead."""
    root = project(tmp_path, date="2025-06-01")
    (root / "src" / "entry.py").write_bytes('from workers import Response\nX = "caf\xe9"\n'.encode("latin-1"))
    with pytest.raises(SyntaxError) as info:
        load_worker(root)
    assert info.value.__notes__ == ["Save the file as UTF-8: production's Python reads Worker modules as UTF-8 as well."]
