"""In the external SDK era the top-level ``asgi`` is the SDK's own module (``workers.asgi`` from
the releases that alias it), so a name that came with a later release than the Worker's is
Python's ``ImportError`` through ``asgi`` as through ``workers.asgi`` (``entrypoint`` 1.7.0,
``Options``/``DEFAULT_OPTIONS`` 1.9.5, read in each release's wheel); and ``import *`` of
``asgi``, ``workers.asgi`` or ``workers.wsgi`` takes the names the Worker's release has, so it
loads on an older SDK as deployed."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

EXTERNAL = "2026-05-01"
DEFAULT = "from workers import WorkerEntrypoint\n\n\nclass Default(WorkerEntrypoint):\n    pass\n"


def _worker(folder, entry, sdk):
    one_file_worker(folder, entry + DEFAULT, date=EXTERNAL)
    (folder / "pyproject.toml").write_text(f'[tool.workers-env]\npython-sdk = "{sdk}"\n')
    return folder


@pytest.mark.parametrize(("name", "since", "sdk"), [("DEFAULT_OPTIONS", "1.9.5", "1.9.4"), ("Options", "1.9.5", "1.8.0"),
                                                    ("entrypoint", "1.7.0", "1.6.15")])
def test_a_later_releases_name_does_not_import_from_the_top_level_asgi(tmp_path, name, since, sdk):
    _worker(tmp_path, f"from asgi import {name}\n", sdk)
    # (from 1.6.14 the top-level ``asgi`` is ``workers.asgi``, by that name)
    with pytest.raises(ImportError, match=rf"module 'workers[.]asgi' has no attribute '{name}' \(it came with workers-runtime-sdk "
                                          rf"{since.replace('.', '[.]')}"):
        load_worker(tmp_path)


def test_the_releases_own_names_import_from_the_top_level_asgi(tmp_path):
    worker = load_worker(_worker(tmp_path, "from asgi import entrypoint, close_stream_quietly\n", "1.8.0"))
    assert callable(worker.module.entrypoint) and callable(worker.module.close_stream_quietly)


@pytest.mark.parametrize("module", ["asgi", "workers.asgi", "workers.wsgi"])
def test_import_star_takes_the_releases_names(tmp_path, module):
    worker = load_worker(_worker(tmp_path, f"from {module} import *\n", "1.8.0"))
    assert "entrypoint" in vars(worker.module) and "Options" not in vars(worker.module)
