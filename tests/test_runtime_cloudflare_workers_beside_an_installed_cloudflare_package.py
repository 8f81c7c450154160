"""``cloudflare.workers`` (the SDK's old location: Pyodide 0.26 with the built-in SDK) when the
virtualenv also holds the PyPI package ``cloudflare`` (Cloudflare's API client, a regular package
with no ``workers`` in it): the Worker's ``import cloudflare.workers`` gives the runtime's module,
the installed package is the Worker's ``cloudflare`` as before, and nothing of one leaks into the
other -- the package gets no ``workers`` attribute that outlives the Worker's code, a later
Worker of another era does not find the module, and host code sees the package as it was."""

from __future__ import annotations

import asyncio
import sys

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

OLD_LOCATION = '''
import cloudflare
import cloudflare.workers
import workers
from cloudflare.workers import Response


async def on_fetch(request, env):
    import cloudflare.workers as again
    return Response.json([again is cloudflare.workers, cloudflare.workers.Response is workers.Response,
                          cloudflare.Cloudflare, hasattr(cloudflare.workers, "Cloudflare"),
                          cloudflare.workers.WorkerEntrypoint.__module__])
'''

NEW_ERA = '''
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        import cloudflare
        try:
            import cloudflare.workers
        except ModuleNotFoundError as error:
            found = str(error)
        else:
            found = "imported"
        return Response.json([found, hasattr(cloudflare, "workers"), cloudflare.Cloudflare])
'''


@pytest.fixture
def installed_cloudflare(tmp_path, monkeypatch):
    """A ``cloudflare`` package on ``sys.path`` as pip installs the API client: ``__init__.py``."""
    site = tmp_path / "site-packages"
    (site / "cloudflare").mkdir(parents=True)
    (site / "cloudflare" / "__init__.py").write_text('Cloudflare = "the API client"\n')
    monkeypatch.syspath_prepend(str(site))
    for name in [n for n in sys.modules if n == "cloudflare" or n.startswith("cloudflare.")]:
        monkeypatch.delitem(sys.modules, name)
    yield
    for name in [n for n in sys.modules if n == "cloudflare" or n.startswith("cloudflare.")]:
        del sys.modules[name]


def _json(folder, times=1):
    async def answer():
        worker = load_worker(folder)
        return [await (await worker.fetch("/")).json() for _ in range(times)]

    return asyncio.run(answer())


@pytest.mark.usefixtures("installed_cloudflare")
def test_the_old_location_is_the_runtimes_and_leaves_the_package_as_it_was(tmp_path):
    answers = _json(one_file_worker(tmp_path / "w", OLD_LOCATION, date="2024-12-01"), times=2)
    assert answers == [[True, True, "the API client", False, "cloudflare.workers._workers"]] * 2
    import cloudflare

    assert cloudflare.Cloudflare == "the API client"
    assert not hasattr(cloudflare, "workers")
    assert "cloudflare.workers" not in sys.modules
    assert sorted(k for k in vars(cloudflare) if not k.startswith("__")) == ["Cloudflare"]


@pytest.mark.usefixtures("installed_cloudflare")
def test_a_worker_of_another_era_does_not_find_the_old_location_after_one_that_did(tmp_path):
    _json(one_file_worker(tmp_path / "old", OLD_LOCATION, date="2024-12-01"))
    [answer] = _json(one_file_worker(tmp_path / "new", NEW_ERA, date="2025-10-01"))
    assert answer == ["No module named 'cloudflare.workers'", False, "the API client"]
