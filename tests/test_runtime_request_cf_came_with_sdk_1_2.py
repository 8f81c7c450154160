"""``workers.Request.cf`` is the external SDK's from workers-runtime-sdk 1.2.0 (workers-py
5777f80, "Implements cf accessor on Request", 2026-06-12): workerd's built-in SDK never had it
(its ``_workers.py`` ``Request`` has no ``cf`` in any revision), nor the releases before. So there
``request.cf`` is Python's ``AttributeError: 'Request' object has no attribute 'cf'`` (and
``hasattr`` is ``False``), as deployed, with a note naming the release and the JS Request's
``request.js_object.cf``, which every era has."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker, sdk_worker

from workers_env import load_worker

ENTRY = """\
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            try:
                country = request.cf.country
            except AttributeError as err:
                return Response.json(["missing", str(err), err.name, hasattr(request, "cf"),
                                      request.js_object.cf.country])
            return Response.json(["cf", country, hasattr(request, "cf")])
"""


def _worker(folder, date, sdk=None):
    return load_worker(sdk_worker(folder, ENTRY, sdk, date=date))


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "sdk"), [("2025-12-01", None), ("2026-05-01", "1.1.6")])
async def test_request_cf_is_an_attribute_error_before_sdk_1_2(tmp_path, date, sdk):
    worker = _worker(tmp_path, date, sdk)
    resp = await worker.fetch("/", cf={"country": "DE"})
    assert await resp.json() == ["missing", "'Request' object has no attribute 'cf'", "cf", False, "DE"]


@pytest.mark.asyncio
@pytest.mark.parametrize("sdk", ["1.2.0", None])  # the first release with it, and the newest
async def test_request_cf_is_the_js_requests_from_sdk_1_2(tmp_path, sdk):
    worker = _worker(tmp_path, "2026-05-01", sdk)
    assert await (await worker.fetch("/", cf={"country": "DE"})).json() == ["cf", "DE", True]


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "sdk", "runs"), [("2025-12-01", None, "the runtime's built-in SDK"),
                                                    ("2026-05-01", "1.1.6", "workers-runtime-sdk 1.1.6")])
async def test_the_uncaught_miss_names_the_release_and_the_js_requests_cf(tmp_path, date, sdk, runs):
    entry = """\
        from workers import Response, WorkerEntrypoint

        class Default(WorkerEntrypoint):
            async def fetch(self, request):
                return Response(request.cf.country)
    """
    one_file_worker(tmp_path, entry, date=date)
    if sdk:
        (tmp_path / "pyproject.toml").write_text(f'[tool.workers-env]\npython-sdk = "{sdk}"\n')
    worker = load_worker(tmp_path)
    with pytest.raises(AttributeError, match="no attribute 'cf'") as caught:
        await worker.fetch("/")
    notes = "\n".join(getattr(caught.value, "__notes__", []))
    assert "workers-runtime-sdk 1.2.0" in notes and "request.js_object.cf" in notes
    assert caught.value.__notes__[-1] == (
        f"workers.Request.cf came with workers-runtime-sdk 1.2.0 and this Worker runs {runs}: "
        "read request.js_object.cf (the JS Request's), which every era has")
