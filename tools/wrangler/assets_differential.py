"""Differential check: static assets served by the real ``wrangler dev`` vs workers-env's
asset server and router, on the same directory, config and requests.

For each ``html_handling`` x ``not_found_handling`` (and a ``run_worker_first`` pattern list),
starts ``wrangler dev`` on a JavaScript Worker that answers ``worker <path>``, sends every
request of ``REQUESTS`` to it, and compares what comes back -- status, ``Location``,
``Content-Type``, ``Cache-Control``, ``CF-Cache-Status``, whether an ``ETag`` is there, and the
body -- with ``AssetServer`` (``to_assets`` then ``respond``, or ``worker <path>``).

    WORKERS_ENV_WRANGLER_DIR=/path/to/wrangler python tools/wrangler/assets_differential.py [--headers]

``--base-path`` runs ``BASE_PATH_CONFIGS`` instead (``assets.base_path`` as "/blog", "/blog/",
"blog", "/", "/a/b" and invalid ones, with ``BASE_PATHS`` added to the paths asked for).

``--headers`` also writes ``HEADERS`` as the directory's ``_headers`` file (a BOM and CRLF line
ends included) and compares the ``X-H-*``, ``Set-Cookie`` and ``Cache-Control`` headers it adds,
removes and appends to.

Not part of the test run (it needs Node, wrangler and a free port); offline once installed.
"""

from __future__ import annotations

import http.client
import json
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from workers_env.assets import AssetServer
from workers_env.assets.redirects import remove_dot_segments

FILES = {"index.html": "home", "about.html": "about", "docs/index.html": "docs", "site.css": "body{}",
         "blog/post.html": "post", "blog/404.html": "blog nf", "404.html": "nf", "[id].txt": "bracket",
         "app/index.html": "app", "api/docs.html": "api docs", "img.png": "png"}
PATHS = ["/", "/index.html", "/index", "/about", "/about.html", "/about/", "/docs", "/docs/", "/docs/index.html",
         "/site.css", "/site.css?x=1", "/blog/post", "/blog//post", "/blog/post/", "/blog/nope", "/nope",
         "/[id].txt", "/%5Bid%5D.txt", "/app", "/app/", "/api/docs", "/api/items", "/img.png", "/a%20b",
         "/./site.css", "/x/../site.css", "/%2e%2e/site.css", "/docs/./", "/blog/%2E/post"]
HEADER_SETS = {"plain": {}, "navigate": {"Sec-Fetch-Mode": "navigate"}, "auth": {"Authorization": "Bearer x"}}
CONFIGS = [
    {"html_handling": mode, "not_found_handling": nf}
    for mode in ("auto-trailing-slash", "force-trailing-slash", "drop-trailing-slash", "none")
    for nf in ("none", "404-page", "single-page-application")
] + [{"run_worker_first": ["/api/*", "!/api/docs"], "not_found_handling": "404-page"},
     {"run_worker_first": True}]
BASE_PATH_CONFIGS = [
    {"base_path": base, "html_handling": mode, "not_found_handling": nf}
    for base in ("/blog", "/blog/", "blog", "/", "/a/b", "./blog/../docs/./")
    for mode, nf in (("auto-trailing-slash", "none"), ("drop-trailing-slash", "404-page"),
                     ("force-trailing-slash", "single-page-application"), ("none", "none"))
] + [{"base_path": "/blog", "run_worker_first": ["/blog/post", "!/api/*"], "not_found_handling": "404-page"},
     {"base_path": "/blog", "run_worker_first": True}] + [
    {"base_path": bad} for bad in ("", "http://x/blog", "//x", "/a\\b", "/a?b", "/a%20b", "/a\tb")]
BASE_PATHS = ["/blog", "/blog/", "/blog/index.html", "/blog/index", "/blog/about", "/blog/about.html",
              "/blog/docs", "/blog/docs/", "/blog/docs/index.html", "/blog/site.css", "/blog/site.css?q=2",
              "/blog/blog/post", "/blog/blog/nope", "/blog/nope", "/blogx", "/blogx/site.css", "/BLOG/site.css",
              "/blog//site.css", "/blog/%2e%2e/site.css", "/a/b", "/a/b/", "/a/b/about", "/a/b/site.css", "/a",
              "/docs/about", "/docs/site.css", "/%62log/site.css", "/blog/app", "/blog/api/docs"]
HEADERS = "\ufeff" + "\r\n".join([
    "/*", "  X-H-All: all", "  Set-Cookie: a=1",
    "/blog/*", "  X-H-Splat: :splat", "  Set-Cookie: b=2", "  X-H-All: blog",
    "/blog/:name", "  X-H-Name: :name", "  ! Cache-Control",
    "/about", "  Cache-Control: no-store", "  ! CF-Cache-Status", "  X-H-About: one", "  x-h-about: two",
    "/:first/*", "  X-H-First: :first and :splat",
    "https://:a.0.0.1/*", "  X-H-Host: :a",
    "https://localhost/*", "  X-H-Localhost: yes",
    "/docs/", "  ! X-H-All",
    "/nope", "/app", "  X-H-App: app", "/api/*/x/*", "  X-H-Never: two wildcards",
    "X-H-Orphan: before a path", "",
])
WORKER = 'export default { async fetch(r) { return new Response("worker " + new URL(r.url).pathname); } };\n'


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


WITH_HEADERS = "--headers" in sys.argv[1:]
if "--base-path" in sys.argv[1:]:
    CONFIGS, PATHS = BASE_PATH_CONFIGS, PATHS + BASE_PATHS
    FILES = {**FILES, "_redirects": "/old /blog/about 301\n/blog/old /about 302\n/blog/rw /site.css 200\n"
                                    "/blog/rw2 /blog/site.css 200\n/out /elsewhere 308\n"}
    PATHS += ["/old", "/blog/old", "/blog/rw", "/blog/rw2", "/out", "/blog/old?k=v"]


def shape(status: int, headers: dict[str, str], body: bytes, pairs: list[tuple[str, str]] = ()) -> tuple:
    if WITH_HEADERS:
        joined: dict[str, list[str]] = {}  # as a Headers object joins a repeated name (but Set-Cookie)
        for k, v in pairs:
            joined.setdefault(k.lower(), []).append(v)
        added = sorted((k, v) for k, vs in joined.items() for v in (vs if k == "set-cookie" else [", ".join(vs)])
                       if k.startswith("x-h-") or k == "set-cookie")
        return (status, headers.get("location"), headers.get("cache-control"), headers.get("cf-cache-status"),
                tuple(added))
    return (status, headers.get("location"), headers.get("content-type"), headers.get("cache-control"),
            headers.get("cf-cache-status"), "etag" in headers, body.decode("utf-8", "replace"))


def real(port: int, method: str, path: str, headers: dict[str, str]) -> tuple:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    conn.request(method, path, headers=headers)
    resp = conn.getresponse()
    got = {k.lower(): v for k, v in resp.getheaders()}
    body = resp.read()
    conn.close()
    if resp.status == 500 and body.startswith(b"Error: Invalid assets base_path"):
        body = body.split(b"\n    at ")[0] + b"\n"  # the stack line is miniflare's own
    return shape(resp.status, got, body, resp.getheaders())


def ours(server: AssetServer, method: str, path: str, headers: dict[str, str]) -> tuple:
    url = "http://127.0.0.1" + path
    if not server.to_assets(method, url, headers):
        # the Worker's request.url has its dot segments resolved, as workers-env gives it
        body = ("worker " + remove_dot_segments(urlsplit(url).path or "/")).encode()
        return shape(200, {"content-type": "text/plain;charset=UTF-8"}, b"" if method == "HEAD" else body)
    r = server.respond(method, url, headers, router=True)
    return shape(r.status, {k.lower(): v for k, v in r.headers}, r.body or b"", list(r.headers))


def main() -> int:
    wrangler = HERE / "wrangler"
    total = same = 0
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for name, text in FILES.items():
            (root / "public" / name).parent.mkdir(parents=True, exist_ok=True)
            (root / "public" / name).write_text(text + "\n")
        if WITH_HEADERS:
            (root / "public" / "_headers").write_bytes(HEADERS.encode())
        (root / "src").mkdir()
        (root / "src" / "index.js").write_text(WORKER)
        for config in CONFIGS:
            table = {"directory": "public", **config}
            (root / "wrangler.json").write_text(json.dumps(  # unbundled, as wrangler serves a Python Worker
                {"name": "assets-diff", "main": "src/index.js", "compatibility_date": "2026-09-01",
                 "no_bundle": True, "assets": table}))
            port = free_port()
            proc = subprocess.Popen([str(wrangler), "dev", "--ip", "127.0.0.1", "--port", str(port)], cwd=root,
                                    stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            try:
                deadline = time.time() + 90
                while time.time() < deadline:
                    line = proc.stdout.readline()
                    if "Ready on" in line:
                        break
                else:
                    raise SystemExit(f"wrangler dev did not start for {config}")
                server = AssetServer(table, root=root, compatibility_date="2026-09-01")
                for path in PATHS:
                    for label, headers in HEADER_SETS.items():
                        for method in ("GET", "HEAD", "POST") if label == "plain" else ("GET",):
                            want = real(port, method, path, headers)
                            got = ours(server, method, path, headers)
                            total += 1
                            if got == want:
                                same += 1
                            else:
                                print(f"DIFF {json.dumps(config)} {method} {path} [{label}]\n  wrangler {want}\n  ours     {got}")
            finally:
                proc.terminate()
                proc.wait(timeout=20)
    print(f"{len(CONFIGS)} configs x {len(PATHS)} paths: {same} of {total} responses the same ({100 * same / total:.1f}%)")
    return 0 if same == total else 1


if __name__ == "__main__":
    raise SystemExit(main())
