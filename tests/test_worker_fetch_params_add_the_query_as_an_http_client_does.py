"""``worker.fetch(url, params=...)`` adds query parameters as httpx 0.29 -- Starlette's
``TestClient``, with which FastAPI tests are written -- writes them (measured): form-encoded, a
list repeating the name, ``True``/``False`` as ``true``/``false``, ``None`` an empty value; after
the URL's own query and before its fragment, as requests and httpx before 0.28 put them (httpx
0.29 replaces the query). Anything else is a ``TypeError`` saying what ``params`` takes."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response(request.url)
'''


@pytest.fixture
def worker(tmp_path):
    return load_worker(one_file_worker(tmp_path, ENTRY))


@pytest.mark.asyncio
@pytest.mark.parametrize(("url", "params", "sent"), [
    ("/search", {"q": "where did the cat sit"}, "/search?q=where+did+the+cat+sit"),
    ("/search?page=2", {"q": "a&b=c"}, "/search?page=2&q=a%26b%3Dc"),
    ("/s#top", [("tag", "x"), ("tag", "y")], "/s?tag=x&tag=y#top"),
    ("/s", {"tag": ["a", "b"], "n": 3, "on": True, "off": False, "empty": None}, "/s?tag=a&tag=b&n=3&on=true&off=false&empty="),
    ("/s?x=1", {}, "/s?x=1"),
])
async def test_params_are_added_as_httpx_adds_them(worker, url, params, sent):
    assert await (await worker.fetch(url, params=params)).text() == "http://localhost" + sent


@pytest.mark.asyncio
@pytest.mark.parametrize("params", ["q=cats", {"q": {"nested": 1}}, {1: "x"}, [("q",)]])
async def test_other_params_are_refused_saying_what_params_takes(worker, params):
    with pytest.raises(TypeError, match=r"worker\.fetch\(params=\.\.\.\) takes a dict of query parameters"):
        await worker.fetch("/", params=params)
