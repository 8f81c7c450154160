"""Differential check: a ``_redirects`` file under the real ``wrangler dev`` vs workers-env's
asset server and router, on the same directory, config and requests.

Serves ``FILES`` with ``REDIRECTS`` as ``public/_redirects`` and ``HEADERS`` as ``_headers``
(every kind of rule: static and dynamic, each status, ``*``/``:splat``, ``:placeholder``, query
strings, absolute targets, 200 rewrites to files, folders and nothing, rules over existing files,
and invalid lines) under each
of ``CONFIGS`` (a Worker with assets) and ``ASSETS_ONLY`` (no ``main``), and compares every
response of ``PATHS`` x methods -- status, ``Location``, ``Content-Type``, ``Cache-Control``,
``CF-Cache-Status``, ``ETag`` present, body -- as ``assets_differential.py`` does, plus the
``_headers`` rules' ``X-Rule``/``X-All`` (on redirects and 200 rewrites too); then wrangler's
startup lines on the file against ``RedirectRules.report``. ``VARIANTS`` then serve other bytes as
``_redirects`` (BOM and CRLF, not UTF-8, JavaScript's whitespace, the line limit, status
spellings, absolute targets' hosts) under the default config; where wrangler answers a 500 (its
asset worker threw) only the status is compared. Our side gets the URL as ``load_worker``'s router does
(``JsRequest``: dot segments resolved).

    WORKERS_ENV_WRANGLER_DIR=/path/to/wrangler python tools/wrangler/redirects_differential.py

Not part of the test run (it needs Node, wrangler and a free port); offline once installed.
"""

from __future__ import annotations

import http.client
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
sys.path.insert(0, str(HERE))

from assets_differential import WORKER, free_port, ours, shape  # noqa: E402

from workers_env.assets import AssetServer  # noqa: E402
from workers_env.assets.redirects import RedirectRules  # noqa: E402
from workers_env.runtime.jsweb import JsRequest  # noqa: E402

FILES = {"index.html": "home", "about.html": "about", "new.html": "new", "docs/index.html": "docs",
         "users/id.html": "user page", "site.css": "body{}", "old-file.txt": "old file", "spa/index.html": "spa",
         "404.html": "nf", "docs/_redirects": "/sub /about 301", "caf\u00e9.html": "cafe"}
# _headers rules on redirect answers, 200 rewrites (the request's path or the target's?) and everything
HEADERS = """\
/old
  X-Rule: old
/rewrite
  X-Rule: rewrite
/about.html
  X-Rule: about-html
/about
  X-Rule: about
/*
  X-All: all
"""
REDIRECTS = """\
# comment line
/old /new 301
/old-file.txt /new.html 302
/q /new?from=q 307
/keep /about 308
/ext https://example.com/landing 301
/ext-q https://example.com/landing?x=1 302
/see /about 303
/rewrite /about.html 200
/rewrite-folder /docs/ 200
/rewrite-missing /nothing-here.html 200
/rewrite-query /about?x=1 200
/no-leading about
/bad /x 404
/too many tokens here
/ /index.html
/* /index.html
/dup /a
/dup /b
/abs-200 https://example.com/ 200
/blog/* /posts/:splat 301
/users/:id /users/id.html 200
/shop/:cat/:item /store/:item?cat=:cat 302
/spaces /about   # an inline comment
/static-after-dynamic /about 302
/deep/* /deep2//:splat/ 302
/catch/* https://example.com/c/:splat 302
/café /about 301
/src-query?x=1 /about 302
/twice/:a/:a /about 302
/assets/* /docs/:splat 200
/dots/* /a/../about 302
/frag /about#top 302
/proto //example.com/p 302
/plain-host https://Example.COM:443/p 302
/a%20b /about 301
/\u00fcn\u00ef/* /u/:splat 301
/enc/* /e/:splat?s=:splat 302
/slash/ /about 301
/r-index /docs/index.html 200
/r-docs /docs 200
/r-docs-slash /docs/ 200
/r-about-slash /about/ 200
/r-cafe /caf\u00e9 200
/go-api /api/x 200
/https-src https://example.com/* 301
https://example.com/* /about 301
/hex /about 0x12d
/exp /about 3.01e2
/plus /about +301
/tab\t/about\t307
/Case /about 301
/same-origin http://localhost/about 301
/r-head /about 200
/caret^x /to^y|z 301
/squote /about?x='q'&y="r"#'f' 301
/sq/* /about?x=':splat' 302
"""
PATHS = ["/old", "/old?a=1", "/old-file.txt", "/q", "/q?a=1", "/keep", "/ext", "/ext?a=1", "/ext-q?a=2", "/see",
         "/rewrite", "/rewrite?a=1", "/rewrite-folder", "/rewrite-missing", "/rewrite-query", "/no-leading", "/bad",
         "/", "/index.html", "/dup", "/blog/a/b", "/blog/", "/blog", "/users/42", "/users/42/x", "/shop/toys/ball",
         "/spaces", "/static-after-dynamic", "/deep/x", "/catch/y?z=1", "/about", "/nope", "/Old", "/old/",
         "/%6Fld", "/abs-200", "/caf%C3%A9", "/src-query", "/src-query?x=1", "/twice/1/1",
         "/assets/index.html", "/assets/", "/dots/x", "/frag?q=1", "/proto?q=2", "/plain-host",
         "/a%20b", "/a%20b/", "/%C3%BCn%C3%AF/x%2Fy", "/%c3%bcn%c3%af/x", "/enc/%C3%A9%20x?q=1",
         "/slash", "/slash/", "/r-index", "/r-index?z=1", "/r-docs", "/r-docs-slash", "/r-about-slash", "/r-cafe",
         "/go-api", "/api/x", "/https-src", "/hex", "/exp", "/plus", "/tab", "/Case", "/case", "/CASE",
         "/same-origin", "/r-head", "/sub", "/docs/sub", "/docs/_redirects", "/_redirects", "/_headers",
         "/caf%C3%A9.html", "/old/../old", "/old%2F", "//old",
         "/caret^x", "/caret%5Ex", "/squote", "/sq/a'b", "/sq/a%27b"]
# one-file variants under the default config: bytes wrangler reads as it does (BOM, CRLF, not UTF-8,
# JavaScript's whitespace, lines at the 2,000 limit counted in UTF-16 units, status spellings)
LONG = "/long /" + "a" * 1993  # 2000 characters
VARIANTS = {
    "bom-crlf": b"\xef\xbb\xbf/old /new 301\r\n/x /about\r\n",
    "not-utf8": b"/old /new 301\n/caf\xe9 /about 301\n/y\xff /about 302\n/z /about 301\n",
    "whitespace": "/fs\x1c/about 301\n/nbsp\u00a0/about\u00a0301\n/nel\x85/about 301\n/z /about 301 # c\n".encode(),
    "limits": "\n".join([LONG, LONG.replace("/long", "/lon1") + "b", LONG.replace("/long", "/emo1")[:-2] + "\U0001f600",
                          LONG.replace("/long", "/emo2")[:-1] + "\U0001f600", "/z /about 301"]).encode(),
    "status": b"/e1 /about 3e2\n/e2 /about 1E2\n/e3 /about 301e0\n/z /about 301\n",
    # absolute targets' hosts: decoded, IDNA, a default port, and ones URL parsing refuses (a 500)
    "hosts": "".join(f"/h{i} {t} 301\n" for i, t in enumerate([
        "https://[::1/x", "https://a]/", "//[x/p", "https://a:b:c/", "https://a%/", "https://%zz/",
        "https://a:99999/x", "https://[::1]/x", "https://ex%41mple.com/", "https://\u4f8b\u3048.jp/x",
        "//\u4f8b\u3048.jp/p", "https://EX.com:443/", "https://a:b@c/x", "https://xn--/", "https://a:/x",
        "https://[0:0::1]:8080/", "https://\u00fc@x.com/", "https://u@v@x.com/"])).encode(),
}
VARIANT_PATHS = ["/old", "/x", "/caf%C3%A9", "/caf%EF%BF%BD", "/y%EF%BF%BD", "/z", "/fs", "/nbsp", "/nel", "/long",
                 "/lon1", "/emo1", "/emo2", "/e1", "/e2", "/e3"] + [f"/h{i}" for i in range(18)]
CONFIGS = [{}, {"html_handling": "none"}, {"html_handling": "drop-trailing-slash"},
           {"html_handling": "force-trailing-slash", "not_found_handling": "404-page"},
           {"not_found_handling": "single-page-application"},
           {"run_worker_first": ["/rewrite*", "/blog/*", "/api/*"]}, {"run_worker_first": True}]
ASSETS_ONLY = [{}, {"html_handling": "none", "not_found_handling": "404-page"}]  # no main: the assets answer all


def startup_lines(output: str) -> list[str]:
    """wrangler's lines about the file: from ``Parsed N valid redirect rules`` to the next line
    about the ``_headers`` file or ``Ready``."""
    text = output[output.index("[wrangler:info] \u2728 Parsed"):output.index("[wrangler:info] Ready")]
    lines = [line.rstrip() for line in text.splitlines() if line.strip()]
    cut = next((i for i, line in enumerate(lines) if "header rule" in line), len(lines))
    return lines[:cut]


def real_with_headers(port: int, method: str, path: str, headers: dict[str, str]) -> tuple:
    """``real``'s shape and the ``_headers`` rules' headers."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    conn.request(method, path, headers=headers)
    resp = conn.getresponse()
    got = {k.lower(): v for k, v in resp.getheaders()}
    body = resp.read()
    conn.close()
    return shape(resp.status, got, body) + (got.get("x-rule"), got.get("x-all"))


def ours_with_headers(server: AssetServer, method: str, path: str, headers: dict[str, str],
                      assets_only: bool) -> tuple:
    url = JsRequest("http://localhost" + path).url  # as load_worker's router gets it (dot segments resolved)
    if not assets_only and not server.to_assets(method, url, headers):
        return ours(server, method, url[len("http://localhost"):], headers) + (None, None)
    r = server.respond(method, url, headers)
    got = {k.lower(): v for k, v in r.headers}
    return shape(r.status, got, r.body or b"") + (got.get("x-rule"), got.get("x-all"))


def serve(root: Path, config: dict, assets_only: bool) -> tuple[subprocess.Popen, int, str]:
    """``wrangler dev`` on ``root`` with this assets table: (the process, its port, its output
    up to ``Ready``)."""
    table = {"directory": "public", **config}
    # unbundled, as wrangler serves a Python Worker (applyPythonConfig): no dev middleware around it
    main = {} if assets_only else {"main": "src/index.js", "no_bundle": True}
    (root / "wrangler.json").write_text(json.dumps(
        {"name": "redirects-diff", **main, "compatibility_date": "2026-09-01", "assets": table}))
    port = free_port()
    proc = subprocess.Popen([str(HERE / "wrangler"), "dev", "--ip", "127.0.0.1", "--port", str(port)], cwd=root,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output = ""
    deadline = time.time() + 90
    while time.time() < deadline:
        line = proc.stdout.readline()  # type: ignore[union-attr]
        output += line
        if "Ready on" in line:
            return proc, port, output
    proc.terminate()
    raise SystemExit(f"wrangler dev did not start for {config}")


def main() -> int:
    total = same = 0
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for name, text in FILES.items():
            (root / "public" / name).parent.mkdir(parents=True, exist_ok=True)
            (root / "public" / name).write_text(text + "\n")
        (root / "public" / "_redirects").write_text(REDIRECTS)
        (root / "public" / "_headers").write_text(HEADERS)
        (root / "src").mkdir()
        (root / "src" / "index.js").write_text(WORKER)
        runs = [(c, False, REDIRECTS.encode(), PATHS) for c in CONFIGS]
        runs += [(c, True, REDIRECTS.encode(), PATHS) for c in ASSETS_ONLY]
        runs += [({}, False, data, VARIANT_PATHS) for data in VARIANTS.values()]
        for config, assets_only, data, paths in runs:
            (root / "public" / "_redirects").write_bytes(data)
            proc, port, output = serve(root, config, assets_only)
            try:
                server = AssetServer({"directory": "public", **config}, root=root, compatibility_date="2026-09-01")
                want_lines = startup_lines(output)
                try:
                    rules = RedirectRules.read(root / "public", server.html_handling)
                    assert rules is not None
                    got_lines = [part.rstrip() for line in rules.report("public/_redirects")
                                 for part in line.splitlines() if part.strip()]
                except Exception as error:  # noqa: BLE001
                    got_lines = [f"{type(error).__name__}: {error}"]
                total += 1
                label = json.dumps(config) + (" assets only" if assets_only else "") + (
                    "" if paths is PATHS else f" {data[:40]!r}")
                if want_lines == got_lines:
                    same += 1
                else:
                    print(f"DIFF {label} startup\n  wrangler {want_lines}\n  ours     {got_lines}")
                for path in paths:
                    for method, headers in (("GET", {}), ("HEAD", {}), ("POST", {}),
                                            ("GET", {"Sec-Fetch-Mode": "navigate"})):
                        want = real_with_headers(port, method, path, headers)
                        try:
                            got = ours_with_headers(server, method, path, headers, assets_only)
                        except Exception as error:  # noqa: BLE001 -- a traceback is a difference too
                            got = (f"{type(error).__name__}: {error}",)
                        if want[0] == 500:  # the asset worker threw: wrangler dev's error page, ours a bare 500
                            want, got = want[:1], got[:1]
                        total += 1
                        if got == want:
                            same += 1
                        else:
                            print(f"DIFF {label} {method} {path} {headers}\n  wrangler {want}\n  ours     {got}")
            finally:
                proc.terminate()
                proc.wait(timeout=20)
    print(f"{len(CONFIGS)} Worker + {len(ASSETS_ONLY)} assets-only configs x {len(PATHS)} paths x 4 requests, "
          f"{len(VARIANTS)} file variants x {len(VARIANT_PATHS)} paths x 4 requests, + startup lines: "
          f"{same} of {total} the same ({100 * same / total:.1f}%)")
    return 0 if same == total else 1


if __name__ == "__main__":
    raise SystemExit(main())
