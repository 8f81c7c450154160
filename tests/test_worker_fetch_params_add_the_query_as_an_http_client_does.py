"""``worker.fetch(url, params=...)`` adds query parameters as httpx 0.29 -- Starlette's
``TestClient``, with which FastAPI tests are written -- writes them (measured): form-encoded, a
list repeating the name, ``True``/``False`` as ``true``/``false``, ``None`` an empty value; after
the URL's own query and before its fragment, as requests and httpx before 0.28 put them (httpx
0.29 replaces the query). Anything else is a ``TypeError`` saying what ``params`` takes."""

from __future__ import annotations

import pytest
from worker_helpers import URL_ECHO, one_file_worker

from workers_env import load_worker

@pytest.fixture
def worker(tmp_path):
    return load_worker(one_file_worker(tmp_path, URL_ECHO))


@pytest.mark.asyncio
@pytest.mark.parametrize(("url", "params", "sent"), [
    ("/search", {"q": "where did the cat sit"}, "/search?q=where+did+the+cat+sit"),
    ("/search?page=2", {"q": "a&b=c"}, "/search?page=2&q=a%26b%3Dc"),
    ("/s#top", [("tag", "x"), ("tag", "y")], "/s?tag=x&tag=y#top"),
    ("/s", {"tag": ["a", "b"], "n": 3, "on": True, "off": False, "empty": None}, "/s?tag=a&tag=b&n=3&on=true&off=false&empty="),
    ("/s?x=1", {}, "/s?x=1"),
    # review50, each as httpx 0.29's Request(params=...) writes it: str() of a float, a tuple as a list
    ("/s", {"f": 1.5, "big": 1e20, "nan": float("nan"), "t": ("a", 1)}, "/s?f=1.5&big=1e%2B20&nan=nan&t=a&t=1"),
])
async def test_params_are_added_as_httpx_adds_them(worker, url, params, sent):
    assert await (await worker.fetch(url, params=params)).text() == "http://localhost" + sent


@pytest.mark.asyncio
@pytest.mark.parametrize("params", ["q=cats", {"q": {"nested": 1}}, {1: "x"}, [("q",)],
                                    # httpx writes str(): "b'cat'", "['a', 'b']" (review50, httpx 0.29)
                                    {"q": b"cat"}, {"q": [["a", "b"]]}])
async def test_other_params_are_refused_saying_what_params_takes(worker, params):
    with pytest.raises(TypeError, match=r"worker\.fetch\(params=\.\.\.\) takes a dict of query parameters"):
        await worker.fetch("/", params=params)


@pytest.mark.asyncio
@pytest.mark.parametrize(("params", "named"), [({1: "x"}, "got the name 1 (int)"), ({None: "x"}, "got the name None (NoneType)"),
                                               ({"q": b"cat"}, "got 'q': bytes")])
async def test_the_refusal_names_what_is_wrong(worker, params, named):
    """A name that is no str is named as such (review50: it was "got 1: str", the value's type)."""
    with pytest.raises(TypeError) as caught:
        await worker.fetch("/", params=params)
    assert str(caught.value).endswith(named)
