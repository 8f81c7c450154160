"""Static assets in front of a Worker, as Cloudflare's router serves them: an asset when one
answers, the Worker otherwise; ``run_worker_first``; navigations and ``not_found_handling``;
the asset responses' headers; ``env.ASSETS`` in both SDK eras; what wrangler refuses."""

from __future__ import annotations

import json
import os
import textwrap
from pathlib import Path

import pytest
from worker_helpers import typical_pyproject

from workers_env import ConfigError, load_env, load_worker

ENTRY = '''
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        if request.url.endswith("/via-binding"):
            found = await self.env.ASSETS.fetch("http://localhost/site.css")
            return Response(f"{found.status} {await found.text()}")
        if request.url.endswith("/json-via-binding"):  # the SDK's Fetcher wrapper: a workers Response
            found = await self.env.ASSETS.fetch("http://localhost/data.json")
            data = await found.json()
            from workers.rpc import _FetcherWrapper
            wrapped = isinstance(self.env.ASSETS, _FetcherWrapper)
            return Response(f"{type(found).__name__} {type(data).__name__} {data['key']} {wrapped}")
        return Response(f"worker {request.method} {request.url}")
'''

LEGACY = '''
from js import Response, Request

async def on_fetch(request, env):
    found = await env.ASSETS.fetch(Request.new("http://localhost/site.css"))
    return Response.new(f"{found.status} {found.headers.get('content-type')} {await found.text()}")
'''


def project(root: Path, *, entry: str = ENTRY, date: str = "2026-09-01", **assets: object) -> Path:
    files = {"index.html": "home", "about.html": "about", "site.css": "body{}", "app/index.html": "app",
             "data.json": '{"key": "value"}',
             "secret/key.txt": "do not serve", ".assetsignore": "secret/\n"}
    for name, text in files.items():
        (root / "public" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "public" / name).write_text(text)
    (root / "src").mkdir(parents=True, exist_ok=True)
    (root / "src" / "entry.py").write_text(textwrap.dedent(entry))
    (root / "wrangler.json").write_text(json.dumps({
        "name": "site", "main": "src/entry.py", "compatibility_date": date, "compatibility_flags": ["python_workers"],
        "assets": {"directory": "public", "binding": "ASSETS", **assets}}))
    typical_pyproject(root)
    return root


async def get(worker, path: str, **kwargs):
    resp = await worker.fetch(path, **kwargs)
    return resp.status, await resp.text(), resp


@pytest.mark.asyncio
async def test_an_asset_answers_else_the_worker_does(tmp_path):
    worker = load_worker(project(tmp_path))
    assert (await get(worker, "/"))[:2] == (200, "home")
    assert (await get(worker, "/about"))[:2] == (200, "about")
    assert (await get(worker, "/api/items"))[:2] == (200, "worker GET http://localhost/api/items")
    status, _, resp = await get(worker, "/about.html?x=1")
    assert (status, resp.headers.get("location")) == (307, "/about?x=1")
    # a method other than GET/HEAD on an asset's path is the assets' 405, not the Worker
    assert (await get(worker, "/site.css", method="POST"))[0] == 405
    assert (await get(worker, "/api/items", method="POST"))[1] == "worker POST http://localhost/api/items"
    # ignored and meta files are not assets: the Worker answers
    assert (await get(worker, "/secret/key.txt"))[1].startswith("worker")
    assert (await get(worker, "/.assetsignore"))[1].startswith("worker")
    assert (await get(worker, "/%2e%2e/wrangler.json"))[1].startswith("worker")


@pytest.mark.asyncio
async def test_asset_headers_etags_and_head(tmp_path):
    worker = load_worker(project(tmp_path))
    status, body, resp = await get(worker, "/site.css")
    assert (status, body) == (200, "body{}")
    assert resp.headers.get("content-type") == "text/css; charset=utf-8"
    assert resp.headers.get("cache-control") == "public, max-age=0, must-revalidate"
    assert resp.headers.get("cf-cache-status") == "HIT"
    etag = resp.headers.get("etag")
    assert etag.startswith('"') and len(etag) == 34
    for given in (etag, f"W/{etag}"):
        assert (await get(worker, "/site.css", headers={"If-None-Match": given}))[:2] == (304, "")
    assert (await get(worker, "/site.css", method="HEAD"))[:2] == (200, "")
    private = (await get(worker, "/site.css", headers={"Authorization": "Bearer x"}))[2]
    assert private.headers.get("cache-control") is None
    # an edit shows at the next request, with a new ETag (Miniflare's: path and modification time)
    css = tmp_path / "public" / "site.css"
    css.write_text("body{color:red}")
    os.utime(css, ns=(css.stat().st_atime_ns, css.stat().st_mtime_ns + 1_000_000))
    status, body, resp = await get(worker, "/site.css", headers={"If-None-Match": etag})
    assert (status, body) == (200, "body{color:red}") and resp.headers.get("etag") != etag


@pytest.mark.asyncio
async def test_navigations_use_not_found_handling_and_other_requests_reach_the_worker(tmp_path):
    worker = load_worker(project(tmp_path, not_found_handling="single-page-application"))
    assert (await get(worker, "/app/settings"))[1] == "worker GET http://localhost/app/settings"
    navigate = {"Sec-Fetch-Mode": "navigate"}
    assert (await get(worker, "/app/settings", headers=navigate))[:2] == (200, "home")
    legacy = ENTRY.replace("async def fetch(self, request)", "async def on_fetch(self, request)")  # before 2025-08-14
    old = load_worker(project(tmp_path / "old", entry=legacy, date="2025-03-01", not_found_handling="single-page-application"))
    assert (await get(old, "/app/settings", headers=navigate))[1].startswith("worker")  # before 2025-04-01


@pytest.mark.asyncio
async def test_run_worker_first(tmp_path):
    first = load_worker(project(tmp_path / "all", run_worker_first=True))
    assert (await get(first, "/site.css"))[1] == "worker GET http://localhost/site.css"
    some_root = project(tmp_path / "some", run_worker_first=["/app/*", "!/app/index.html"], not_found_handling="404-page")
    (some_root / "public" / "404.html").write_text("not here")
    some = load_worker(some_root)
    assert (await get(some, "/app/"))[1] == "worker GET http://localhost/app/"
    assert (await get(some, "/app/index.html"))[:2] == (307, "")  # to the assets, which redirect to /app/
    assert (await get(some, "/site.css"))[:2] == (200, "body{}")
    assert (await get(some, "/missing"))[:2] == (404, "not here")  # a rules list keeps not_found_handling


@pytest.mark.parametrize(("rules", "message"), [
    ([], "No `run_worker_first` rules were provided; must provide at least 1 rule."),
    (["!/app/*"], "Only negative `run_worker_first` rules were provided; must provide at least 1 non-negative rule"),
    (["app", "/a", "/a", "!app"], ("Invalid routes in `run_worker_first`:\n'app': rules must start with '/' or '!/'\n"
                                  "'!app': negative rules must start with '!/'\n'/a': rule is a duplicate; rules must be unique")),
    # the next three as wrangler dev 4.164.0 refuses them (measured 2026-12-04)
    ([f"/r{i}" for i in range(101)], "Too many `run_worker_first` rules were provided; 101 rules provided exceeds max of 100."),
    (["/a*", "/ab", "/ac", "!/x*", "!/xy"], ("Invalid routes in `run_worker_first`:\n'/ab': rule '/a*' makes it redundant\n"
                                            "'/ac': rule '/a*' makes it redundant\n'!/xy': rule '!/x*' makes it redundant")),
    (["/" + "a" * 100], ("Invalid routes in `run_worker_first`:\n'/" + "a" * 100 + "': all rules must be less than 100 "
                         "characters in length")),
])
def test_invalid_run_worker_first_rules_are_wranglers_errors(tmp_path, rules, message):
    with pytest.raises(ConfigError) as info:
        load_worker(project(tmp_path, run_worker_first=rules))
    assert str(info.value) == message


@pytest.mark.asyncio
@pytest.mark.parametrize(("entry", "date", "expected"), [
    (ENTRY, "2026-09-01", "200 body{}"),
    (LEGACY, "2025-06-01", "200 text/css; charset=utf-8 body{}"),
])
async def test_the_assets_binding_in_both_eras(tmp_path, entry, date, expected):
    worker = load_worker(project(tmp_path, entry=entry, date=date, run_worker_first=True))
    assert (await get(worker, "/via-binding"))[:2] == (200, expected)


@pytest.mark.asyncio
async def test_self_env_assets_answers_a_workers_response_in_the_external_era(tmp_path):
    """The SDK wraps a Fetcher binding (``_FetcherWrapper``): ``fetch`` answers a ``workers``
    ``Response`` whose ``json()`` is Python data, not a raw JS response."""
    worker = load_worker(project(tmp_path, run_worker_first=True))
    assert (await get(worker, "/json-via-binding"))[:2] == (200, "Response dict value True")


@pytest.mark.asyncio
async def test_the_binding_from_load_env_and_its_404(tmp_path):
    env = load_env(project(tmp_path, date="2025-06-01"))
    raw = env.unwrapped("ASSETS")
    found = await raw.fetch("http://localhost/about")
    assert (found.status, found.text(), found.header("content-type")) == (200, "about", "text/html; charset=utf-8")
    missing = await raw.fetch("http://localhost/nope")
    assert (missing.status, missing.status_text, missing.body) == (404, "Not Found", None)


def test_directories_wrangler_refuses(tmp_path, capsys):
    root = project(tmp_path)
    (root / "public" / "_redirects").write_text("/old /new 301\n")
    load_worker(root)
    assert "✨ Parsed 1 valid redirect rule." in capsys.readouterr().err  # as wrangler dev says it
    big = root / "public" / "big.bin"
    with open(big, "wb") as out:
        out.truncate(25 * 1024 * 1024)  # sparse: no 25 MiB written
    load_worker(root)  # at the limit
    with open(big, "wb") as out:
        out.truncate(25 * 1024 * 1024 + 1)
    with pytest.raises(ConfigError, match=r"Asset too large\.\nCloudflare Workers supports assets with sizes of up "
                                          r"to 25 MiB\. We found a file .*big\.bin with a size of 25 MiB\."):
        load_worker(root)
    big.unlink()
    data = json.loads((root / "wrangler.json").read_text())
    data["assets"]["directory"] = "dist"
    (root / "wrangler.json").write_text(json.dumps(data))
    typical_pyproject(root)
    with pytest.raises(ConfigError, match=r'The directory specified by the "assets.directory" field in your '
                                          r"configuration file does not exist:\n.*dist"):
        load_worker(root)


def test_a_version_holds_at_most_100_000_assets_ignored_ones_aside(tmp_path):
    root = project(tmp_path)  # 5 assets; the ignored secret/ and the .assetsignore do not count
    many = root / "public" / "many"
    many.mkdir()
    # four empty files, and the rest of the 99,995 hard links to them: each its own file to a walk
    # (wrangler's too), a name in a folder without an inode of its own -- a fifth of the CPU; in
    # folders of 100 (the walk's count goes down every folder), each added name costs ext4 ~2/3 of
    # one in a folder of 100,000 (its hashed index): 2.35 -> 1.5 s of CPU for the links
    sources = [str(many / str(number)) for number in range(4)]
    for source in sources:
        os.close(os.open(source, os.O_CREAT | os.O_WRONLY))
    for start in range(4, 99_995, 100):
        folder = os.path.join(many, f"part{start // 100}")
        os.mkdir(folder)
        for number in range(start, min(start + 100, 99_995)):
            os.link(sources[number % 4], os.path.join(folder, str(number)))
    load_worker(root)
    os.close(os.open(many / "one-more", os.O_CREAT | os.O_WRONLY))
    with pytest.raises(ConfigError) as info:
        load_worker(root)
    assert str(info.value) == (
        "Maximum number of assets exceeded.\n"
        "Cloudflare Workers supports up to 100,000 assets in a version. We found 100,001 files in the specified "
        f'assets directory "{root / "public"}".\n'
        "Ensure your assets directory contains a maximum of 100,000 files, and that you have specified your "
        "assets directory correctly."
    )


def test_the_dev_server_serves_them_over_http(tmp_path):
    import urllib.request

    from workers_env.runtime.server import BackgroundServer

    with BackgroundServer(load_worker(project(tmp_path))) as server:
        with urllib.request.urlopen(server.url + "/about", timeout=10) as resp:
            assert (resp.status, resp.read(), resp.headers["content-type"]) == (200, b"about", "text/html; charset=utf-8")
        with urllib.request.urlopen(server.url + "/api/x", timeout=10) as resp:
            assert resp.read().decode().startswith("worker GET http://127.0.0.1")
