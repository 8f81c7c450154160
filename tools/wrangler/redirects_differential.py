"""Differential check: a ``_redirects`` file under the real ``wrangler dev`` vs workers-env's
asset server and router, on the same directory, config and requests.

Serves ``FILES`` with ``REDIRECTS`` as ``public/_redirects`` (every kind of rule: static and
dynamic, each status, ``*``/``:splat``, ``:placeholder``, query strings, an absolute target, 200
rewrites to files, folders and nothing, rules over existing files, and invalid lines) under each
of ``CONFIGS`` (a Worker with assets) and ``ASSETS_ONLY`` (no ``main``), and compares every
response of ``PATHS`` x methods -- status, ``Location``, ``Content-Type``, ``Cache-Control``,
``CF-Cache-Status``, ``ETag`` present, body -- as ``assets_differential.py`` does; then
wrangler's startup lines on the file against ``RedirectRules.report``.

    WORKERS_ENV_WRANGLER_DIR=/path/to/wrangler python tools/wrangler/redirects_differential.py

Not part of the test run (it needs Node, wrangler and a free port); offline once installed.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
sys.path.insert(0, str(HERE))

from assets_differential import WORKER, free_port, ours, real, shape  # noqa: E402

from workers_env.assets import AssetServer  # noqa: E402
from workers_env.assets.redirects import RedirectRules  # noqa: E402

FILES = {"index.html": "home", "about.html": "about", "new.html": "new", "docs/index.html": "docs",
         "users/id.html": "user page", "site.css": "body{}", "old-file.txt": "old file", "spa/index.html": "spa",
         "404.html": "nf"}
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
"""
PATHS = ["/old", "/old?a=1", "/old-file.txt", "/q", "/q?a=1", "/keep", "/ext", "/ext?a=1", "/ext-q?a=2", "/see",
         "/rewrite", "/rewrite?a=1", "/rewrite-folder", "/rewrite-missing", "/rewrite-query", "/no-leading", "/bad",
         "/", "/index.html", "/dup", "/blog/a/b", "/blog/", "/blog", "/users/42", "/users/42/x", "/shop/toys/ball",
         "/spaces", "/static-after-dynamic", "/deep/x", "/catch/y?z=1", "/about", "/nope", "/Old", "/old/",
         "/%6Fld", "/abs-200", "/caf%C3%A9", "/src-query", "/src-query?x=1", "/twice/1/1",
         "/assets/index.html", "/assets/", "/dots/x", "/frag?q=1", "/proto?q=2", "/plain-host"]
CONFIGS = [{}, {"html_handling": "none"}, {"html_handling": "drop-trailing-slash"},
           {"html_handling": "force-trailing-slash", "not_found_handling": "404-page"},
           {"not_found_handling": "single-page-application"},
           {"run_worker_first": ["/rewrite*", "/blog/*"]}, {"run_worker_first": True}]
ASSETS_ONLY = [{}, {"html_handling": "none", "not_found_handling": "404-page"}]  # no main: the assets answer all


def startup_lines(output: str) -> list[str]:
    """wrangler's lines about the file: from ``Parsed N valid redirect rules`` to the header or
    Ready lines."""
    text = output[output.index("[wrangler:info] \u2728 Parsed"):output.index("[wrangler:info] Ready")]
    return [line.rstrip() for line in text.splitlines() if line.strip()]


def main() -> int:
    wrangler = HERE / "wrangler"
    total = same = 0
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for name, text in FILES.items():
            (root / "public" / name).parent.mkdir(parents=True, exist_ok=True)
            (root / "public" / name).write_text(text + "\n")
        (root / "public" / "_redirects").write_text(REDIRECTS)
        (root / "src").mkdir()
        (root / "src" / "index.js").write_text(WORKER)
        for config, assets_only in [(c, False) for c in CONFIGS] + [(c, True) for c in ASSETS_ONLY]:
            table = {"directory": "public", **config}
            main = {} if assets_only else {"main": "src/index.js"}
            (root / "wrangler.json").write_text(json.dumps(
                {"name": "redirects-diff", **main, "compatibility_date": "2026-09-01", "assets": table}))
            port = free_port()
            proc = subprocess.Popen([str(wrangler), "dev", "--ip", "127.0.0.1", "--port", str(port)], cwd=root,
                                    stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            try:
                output = ""
                deadline = time.time() + 90
                while time.time() < deadline:
                    line = proc.stdout.readline()  # type: ignore[union-attr]
                    output += line
                    if "Ready on" in line:
                        break
                else:
                    raise SystemExit(f"wrangler dev did not start for {config}")
                server = AssetServer(table, root=root, compatibility_date="2026-09-01")
                rules = RedirectRules(REDIRECTS, server.html_handling)
                want_lines = startup_lines(output)
                got_lines = [part.rstrip() for line in rules.report("public/_redirects")
                             for part in line.splitlines() if part.strip()]
                total += 1
                if want_lines == got_lines:
                    same += 1
                else:
                    print(f"DIFF {json.dumps(config)} startup\n  wrangler {want_lines}\n  ours     {got_lines}")
                for path in PATHS:
                    for method, headers in (("GET", {}), ("HEAD", {}), ("POST", {}),
                                            ("GET", {"Sec-Fetch-Mode": "navigate"})):
                        want = real(port, method, path, headers)
                        if assets_only:  # no Worker: the router hands every request to the asset worker
                            r = server.respond(method, "http://localhost" + path, headers)
                            got = shape(r.status, {k.lower(): v for k, v in r.headers}, r.body or b"")
                        else:
                            got = ours(server, method, path, headers)
                        total += 1
                        if got == want:
                            same += 1
                        else:
                            kind = " assets only" if assets_only else ""
                            print(f"DIFF {json.dumps(config)}{kind} {method} {path} {headers}\n  wrangler {want}\n"
                                  f"  ours     {got}")
            finally:
                proc.terminate()
                proc.wait(timeout=20)
    print(f"{len(CONFIGS)} Worker + {len(ASSETS_ONLY)} assets-only configs x {len(PATHS)} paths x 4 requests "
          f"+ startup lines: {same} of {total} the same "
          f"({100 * same / total:.1f}%)")
    return 0 if same == total else 1


if __name__ == "__main__":
    raise SystemExit(main())
