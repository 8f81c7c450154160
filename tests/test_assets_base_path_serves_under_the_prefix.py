"""``assets.base_path``: the assets served under a request prefix, as wrangler dev 4.168.0's
asset worker serves them (measured with ``tools/wrangler/assets_differential.py --base-path``):
the base normalised (``blog`` is ``/blog/``), a path outside it the Worker's (a 404 from
``env.ASSETS``), inside it the asset at the path less the base, the base root and the
``html_handling`` redirects with the base put back, and an invalid base a 500 at every request."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_assets_in_front_of_the_worker import project as in_front

from workers_env import load_worker

ENTRY = '''
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        if "/via-binding/" in request.url:
            found = await self.env.ASSETS.fetch("http://localhost/" + request.url.split("/via-binding/")[1])
            return Response(f"{found.status} {found.headers.get('location')} {await found.text()}")
        return Response(f"worker {request.url}")
'''


def project(root: Path, **assets: object) -> Path:
    """The in-front-of-the-Worker project with a ``404.html`` and a ``_redirects`` file."""
    in_front(root, entry=ENTRY, **assets)
    (root / "public" / "404.html").write_text("nf")
    (root / "public" / "_redirects").write_text("/old /blog/about 301\n/blog/old /about 302\n/out /elsewhere 308\n")
    return root


async def get(worker, path: str, **kwargs):
    resp = await worker.fetch(path, **kwargs)
    return resp.status, resp.headers.get("location"), await resp.text()


@pytest.mark.asyncio
@pytest.mark.parametrize("base", ["/blog", "/blog/", "blog", "./x/../blog/./"])
async def test_assets_are_served_under_the_base(tmp_path, base):
    worker = load_worker(project(tmp_path, base_path=base))
    assert await get(worker, "/blog/site.css") == (200, None, "body{}")
    assert await get(worker, "/blog/") == (200, None, "home")
    assert await get(worker, "/blog") == (307, "/blog/", "")  # the base root
    assert await get(worker, "/blog/about.html?x=1") == (307, "/blog/about?x=1", "")
    assert await get(worker, "/blog/index.html") == (307, "/blog/", "")
    # outside the base: the Worker, _redirects rules included
    for path in ("/site.css", "/blogx", "/BLOG/site.css", "/old"):
        assert await get(worker, path) == (200, None, f"worker http://localhost{path}")
    assert await get(worker, "/blog/old") == (302, "/about", "")  # a rule inside it applies as written
    # env.ASSETS answers as the asset worker: a 404 outside the base
    assert await get(worker, "/via-binding/site.css") == (200, None, "404 None ")
    assert await get(worker, "/via-binding/blog/site.css") == (200, None, "200 None body{}")


@pytest.mark.asyncio
async def test_the_base_root_and_html_handling_redirects_keep_the_base(tmp_path):
    drop = load_worker(project(tmp_path / "drop", base_path="/a/b", html_handling="drop-trailing-slash",
                               not_found_handling="404-page"))
    assert await get(drop, "/a/b/") == (307, "/a/b", "")
    assert await get(drop, "/a/b") == (200, None, "home")
    assert await get(drop, "/a/b/about/") == (307, "/a/b/about", "")
    assert await get(drop, "/a/b/nope", headers={"Sec-Fetch-Mode": "navigate"}) == (404, None, "nf")
    assert (await get(drop, "/a/nope", headers={"Sec-Fetch-Mode": "navigate"}))[2] == "worker http://localhost/a/nope"
    none = load_worker(project(tmp_path / "none", base_path="/blog", html_handling="none"))
    assert (await get(none, "/blog"))[2] == "worker http://localhost/blog"  # no base-root redirect
    assert await get(none, "/blog/about.html") == (200, None, "about")


@pytest.mark.asyncio
@pytest.mark.parametrize(("base", "error"), [
    ("", "The value must not be empty."),
    ("http://x/blog", "The value must be a pathname, not a URL."),
    ("//x", "The value must be a pathname, not a URL."),
    ("/a\\b", "The value must not contain backslashes."),
    ("/a\tb", "The value must not contain control characters."),
    ("/a?b", "The value must not contain query strings or fragments."),
    ("/a%20b", "The value must not contain percent-encoded sequences."),
])
async def test_an_invalid_base_is_a_500_at_every_request(tmp_path, base, error):
    worker = load_worker(project(tmp_path, base_path=base))
    status, _, text = await get(worker, "/site.css")
    assert (status, text) == (500, f"Error: Invalid assets base_path: {error}\n")
    assert (await get(worker, "/site.css", method="HEAD"))[::2] == (500, "")
    # env.ASSETS: the asset worker catches its error, a 500 with no body (measured: run_worker_first
    # = true and base_path = "http://x" give "500 Internal Server Error [] null")
    first = load_worker(project(tmp_path / "first", base_path=base, run_worker_first=True))
    assert await get(first, "/via-binding/site.css") == (200, None, "500 None ")


@pytest.mark.asyncio
async def test_run_worker_first_patterns_match_the_whole_parsed_path(tmp_path):
    (tmp_path / "public" / "blog").mkdir(parents=True)
    (tmp_path / "public" / "blog" / "post.html").write_text("post")
    worker = load_worker(project(tmp_path, base_path="/blog", run_worker_first=["/blog/post"]))
    assert await get(worker, "/blog/blog/post") == (200, None, "post")
    # /blog/%2E/post is /blog/post once the URL is parsed: the pattern sends it to the Worker
    assert (await get(worker, "/blog/%2E/post"))[2].startswith("worker http://localhost/blog")
    first = load_worker(project(tmp_path / "first", base_path="/blog", run_worker_first=True))
    assert (await get(first, "/blog/site.css"))[2] == "worker http://localhost/blog/site.css"
