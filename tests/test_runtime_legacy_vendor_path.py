"""Before 2025-08-11 workerd puts the Worker's uploaded ``vendor/`` folder on ``sys.path``, after
the Worker's own folder and before site-packages (``setup_python_search_path.py``; the
``python_workers_force_new_vendor_path`` flag, on from that date, stops it): Workers vendored
the early-2025 way (``pip install -t src/vendor``) import their packages (batch 21:
mikenomitch/python-worker-packages-example's jinja2)."""

from __future__ import annotations

import sys

import pytest

from workers_env import load_worker

ENTRY = '''
from workers import Response, WorkerEntrypoint

try:
    from greeting import HELLO
except ImportError as exc:
    HELLO = f"{type(exc).__name__}: {exc}"

import helper  # the Worker's own module wins over vendor/helper.py


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response(HELLO + " | " + helper.WHO)

    on_fetch = fetch
'''


def _project(root, date, flags=()):
    (root / "src" / "vendor").mkdir(parents=True)
    (root / "src" / "entry.py").write_text(ENTRY)
    (root / "src" / "helper.py").write_text('WHO = "own"\n')
    (root / "src" / "vendor" / "helper.py").write_text('WHO = "vendored"\n')
    (root / "src" / "vendor" / "greeting.py").write_text('HELLO = "hello from src/vendor"\n')
    flag_list = ", ".join(f'"{f}"' for f in ("python_workers", *flags))
    (root / "wrangler.toml").write_text(f'name = "v"\nmain = "src/entry.py"\ncompatibility_date = "{date}"\n'
                                        f"compatibility_flags = [{flag_list}]\n")
    return root


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "flags", "want"), [
    ("2025-03-16", (), "hello from src/vendor | own"),
    ("2025-03-16", ("python_workers_force_new_vendor_path",), "ModuleNotFoundError: No module named 'greeting' | own"),
    ("2025-08-11", (), "ModuleNotFoundError: No module named 'greeting' | own"),
])
async def test_vendor_is_on_the_path_before_2025_08_11(tmp_path, date, flags, want):
    worker = load_worker(_project(tmp_path, date, flags))
    assert await (await worker.fetch("/")).text() == want
    assert not any(entry.endswith("vendor") and str(tmp_path) in entry for entry in sys.path)  # gone after the call
    assert "greeting" not in sys.modules or not sys.modules["greeting"].__file__.startswith(str(tmp_path))
