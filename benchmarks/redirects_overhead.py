"""What the ``_redirects`` step costs an assets request (``AssetServer._redirect``: the file's
stat, the rules, the match) and the router's ``to_assets`` + ``respond`` around it, without the
file, with 32 rules and with wrangler's maxima (2,000 static + 100 dynamic rules), for a path no
rule matches, a static hit and the last dynamic rule. Min of 7 runs of N calls.

    python benchmarks/redirects_overhead.py 3000     # ~20 s
"""

from __future__ import annotations

import pathlib
import sys
import tempfile
import timeit

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))

from workers_env.assets import AssetServer  # noqa: E402

SMALL = "".join(f"/s{i} /new 301\n" for i in range(30)) + "/blog/* /posts/:splat 301\n/u/:id /new 302\n"
BIG = "".join(f"/static-{i} /new 301\n" for i in range(2000)) + "".join(f"/dyn{i}/* /x/:splat 302\n" for i in range(100))
CASES = [("no _redirects", None, "/about"), ("32 rules, no match", SMALL, "/about"),
         ("32 rules, static hit", SMALL, "/s20"), ("2000+100, no match (100 regexes)", BIG, "/about"),
         ("2000+100, static hit", BIG, "/static-1999"), ("2000+100, last dynamic", BIG, "/dyn99/a")]


def server(redirects: str | None) -> AssetServer:
    root = pathlib.Path(tempfile.mkdtemp())
    (root / "public").mkdir()
    for name in ("index.html", "about.html", "new.html"):
        (root / "public" / name).write_text(name)
    if redirects is not None:
        (root / "public" / "_redirects").write_text(redirects)
    return AssetServer({"directory": "public"}, root=root, compatibility_date="2026-09-01")


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    for label, text, path in CASES:
        s, url = server(text), "http://localhost" + path
        s.respond("GET", url, {})
        step = min(timeit.repeat(lambda: s._redirect(url), number=n, repeat=7)) / n * 1e6
        whole = min(timeit.repeat(lambda: s.to_assets("GET", url, {}) and s.respond("GET", url, {}),
                                  number=n // 3, repeat=7)) / (n // 3) * 1e6
        print(f"{label:34s} _redirect {step:7.1f} us   to_assets+respond {whole:7.1f} us")


if __name__ == "__main__":
    main()
