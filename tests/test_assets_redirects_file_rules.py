"""An assets directory's ``_redirects`` file answers before any asset lookup, as wrangler reads it
and the asset worker applies it (workers-sdk ``parseRedirects.ts``, ``asset-worker``
``handler.ts`` ``handleRedirects``, ``rules-engine.ts``): the rule's status (302 by default) and
``Location``, the request's query kept unless the target has its own, ``*`` as ``:splat`` and
``:name`` substituted, absolute targets left whole, a rule over an existing file winning, and the
Worker not asked -- for any method. Each answer here compared with ``wrangler dev`` 4.164.0
(``tools/wrangler/redirects_differential.py``)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from worker_helpers import assets_site

from workers_env import load_worker

ENTRY = '''
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response(f"worker {request.method} {request.url}")
'''

REDIRECTS = """
# a comment
/old /new 301
/found /new
/see /about 303
/temp /about 307
/perm /about 308
/with-query /new?from=rule 301
/old-file.txt /new.html
/ext https://example.com/landing 301
/blog/* /posts/:splat 301
/shop/:cat/:item /store/:item?cat=:cat
/deep/* /deep2//:splat/
/away/* https://example.com/c/:splat
"""


def project(root: Path, assets: dict | None = None) -> Path:
    return assets_site(root, {"index.html": "home", "about.html": "about", "new.html": "new",
                              "old-file.txt": "old file", "_redirects": textwrap.dedent(REDIRECTS)},
                       entry=textwrap.dedent(ENTRY), assets=assets)


async def answer(worker, path: str, method: str = "GET") -> tuple[int, str | None]:
    resp = await worker.fetch(path, method=method)
    return resp.status, resp.headers.get("location")


@pytest.mark.asyncio
async def test_each_status_and_its_location(tmp_path):
    worker = load_worker(project(tmp_path))
    assert await answer(worker, "/old") == (301, "/new")
    assert await answer(worker, "/found") == (302, "/new")  # no status: 302
    assert await answer(worker, "/see") == (303, "/about")
    assert await answer(worker, "/temp") == (307, "/about")
    assert await answer(worker, "/perm") == (308, "/about")
    resp = await worker.fetch("/old")
    assert resp.status_text == "Moved Permanently"
    assert await resp.text() == ""


@pytest.mark.asyncio
async def test_the_query_goes_along_unless_the_target_has_one(tmp_path):
    worker = load_worker(project(tmp_path))
    assert await answer(worker, "/old?a=1&b=2") == (301, "/new?a=1&b=2")
    assert await answer(worker, "/with-query?a=1") == (301, "/new?from=rule")
    assert await answer(worker, "/ext?a=1") == (301, "https://example.com/landing?a=1")


@pytest.mark.asyncio
async def test_splats_and_placeholders_are_substituted(tmp_path):
    worker = load_worker(project(tmp_path))
    assert await answer(worker, "/blog/2024/hello") == (301, "/posts/2024/hello")
    assert await answer(worker, "/blog/") == (301, "/posts/")
    assert (await worker.fetch("/blog")).status == 200  # /blog/* needs the slash: the Worker answers
    assert await answer(worker, "/shop/toys/ball") == (302, "/store/ball?cat=toys")
    assert await answer(worker, "/deep/x") == (302, "/deep2/x/")  # a relative target's // collapsed
    assert await answer(worker, "/away/y?z=1") == (302, "https://example.com/c/y?z=1")


@pytest.mark.asyncio
async def test_a_rule_wins_over_a_file_and_the_worker_for_any_method(tmp_path):
    worker = load_worker(project(tmp_path))
    assert await answer(worker, "/old-file.txt") == (302, "/new.html")  # the file is there, the rule first
    assert await answer(worker, "/old", "POST") == (301, "/new")  # a redirect before the 405 of assets
    resp = await worker.fetch("/Old")  # paths match case-sensitively: no rule, no asset, the Worker
    assert (await resp.text()).startswith("worker GET ")
    assert (await (await worker.fetch("/about")).text()) == "about"  # no rule: the asset


@pytest.mark.asyncio
async def test_not_applied_where_the_worker_runs_first(tmp_path):
    worker = load_worker(project(tmp_path, {"run_worker_first": ["/blog/*"]}))
    assert (await (await worker.fetch("/blog/x")).text()).startswith("worker GET ")
    assert await answer(worker, "/old") == (301, "/new")  # outside the pattern: the assets, their rules
    worker = load_worker(project(tmp_path, {"run_worker_first": True}))
    assert (await (await worker.fetch("/old")).text()).startswith("worker GET ")


def test_the_dev_server_answers_them_over_http(tmp_path):
    import http.client

    from workers_env.runtime.server import BackgroundServer

    with BackgroundServer(load_worker(project(tmp_path))) as server:
        host, port = server.url.split("//")[1].split(":")
        conn = http.client.HTTPConnection(host, int(port), timeout=10)
        conn.request("GET", "/blog/a?b=1")
        resp = conn.getresponse()
        assert (resp.status, resp.reason, resp.getheader("location"), resp.read()) == (
            301, "Moved Permanently", "/posts/a?b=1", b"")
        conn.close()


@pytest.mark.asyncio
async def test_a_file_saved_with_a_bom_or_bytes_not_utf8_is_read_as_wrangler_reads_it(tmp_path):
    # Node reads _redirects as UTF-8 keeping the BOM (String.trim() then drops it) and bad bytes
    # as U+FFFD; Python's str.strip() kept the BOM and read_text() raised UnicodeDecodeError
    root = project(tmp_path)
    (root / "public" / "_redirects").write_bytes("\ufeff/old /new 301\r\n".encode() + b"/caf\xe9 /about 302\r\n")
    worker = load_worker(root)
    assert await answer(worker, "/old") == (301, "/new")
    assert await answer(worker, "/caf%EF%BF%BD") == (302, "/about")
