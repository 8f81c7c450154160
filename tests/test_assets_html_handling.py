"""Which static asset a path names under each ``html_handling`` and ``not_found_handling``,
as Cloudflare's asset worker decides (workers-sdk ``asset-worker/src/handler.ts``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from workers_env.assets import AssetServer

FILES = {"index.html": "home", "about.html": "about", "docs/index.html": "docs", "site.css": "body{}",
         "blog/post.html": "post", "blog/404.html": "blog nf", "404.html": "nf"}
PATHS = ["/", "/index.html", "/index", "/about", "/about.html", "/about/", "/docs", "/docs/", "/docs/index.html",
         "/site.css", "/blog/post", "/blog//post"]

# what each path answers: 200 with the file, or 307 to a location
EXPECTED = {
    "auto-trailing-slash": ["200 home", "307 /", "307 /", "200 about", "307 /about", "307 /about", "307 /docs/",
                            "200 docs", "307 /docs/", "200 body{}", "200 post", "307 /blog/post"],
    "force-trailing-slash": ["200 home", "307 /", "307 /", "307 /about/", "307 /about/", "200 about", "307 /docs/",
                             "200 docs", "307 /docs/", "200 body{}", "307 /blog/post/", "307 /blog/post/"],
    "drop-trailing-slash": ["200 home", "307 /", "307 /", "200 about", "307 /about", "307 /about", "200 docs",
                            "307 /docs", "307 /docs", "200 body{}", "200 post", "307 /blog/post"],
    "none": ["404", "200 home", "404", "404", "200 about", "404", "404", "404", "200 docs", "200 body{}", "404",
             "404"],
}


def server(tmp_path: Path, **table: str) -> AssetServer:
    for name, text in FILES.items():
        (tmp_path / "public" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "public" / name).write_text(text)
    return AssetServer({"directory": "public", **table}, root=tmp_path)


def answer(srv: AssetServer, path: str) -> str:
    r = srv.respond("GET", "http://localhost" + path, {})
    if r.status == 307:
        return f"307 {r.header('location')}"
    return f"{r.status} {r.text()}".strip() if r.status == 200 else str(r.status)


@pytest.mark.parametrize("mode", list(EXPECTED))
def test_each_html_handling_mode(tmp_path, mode):
    srv = server(tmp_path, html_handling=mode)
    assert [answer(srv, p) for p in PATHS] == EXPECTED[mode]


def test_a_redirect_keeps_the_query_and_an_encoded_path_is_canonical(tmp_path):
    srv = server(tmp_path)
    assert srv.respond("GET", "http://localhost/about.html?x=1#top", {}).header("location") == "/about?x=1"
    (tmp_path / "public" / "a b.txt").write_text("spaced")
    assert answer(srv, "/a%20b.txt") == "200 spaced"
    assert answer(srv, "/a b.txt") == "200 spaced"  # URL parsing encodes the space before the assets see it
    (tmp_path / "public" / "[id].txt").write_text("bracketed")
    assert answer(srv, "/[id].txt") == "307 /%5Bid%5D.txt" and answer(srv, "/%5Bid%5D.txt") == "200 bracketed"


def test_not_found_handling(tmp_path):
    assert answer(server(tmp_path), "/nope") == "404"
    four = server(tmp_path, not_found_handling="404-page")
    nearest = four.respond("GET", "http://localhost/blog/deep/nope", {})
    assert (nearest.status, nearest.text()) == (404, "blog nf")  # the nearest 404.html up the path
    assert four.respond("GET", "http://localhost/nope", {}).text() == "nf"
    spa = server(tmp_path, not_found_handling="single-page-application")
    routed = spa.respond("GET", "http://localhost/app/settings", {})
    assert (routed.status, routed.text()) == (200, "home")


@pytest.mark.parametrize(("table", "message"), [
    ({"html_handling": "auto"}, ('Expected "assets.html_handling" field to be one of ["auto-trailing-slash",'
                                '"force-trailing-slash","drop-trailing-slash","none"] but got "auto".')),
    ({"not_found_handling": "spa"}, ('Expected "assets.not_found_handling" field to be one of '
                                    '["single-page-application","404-page","none"] but got "spa".')),
])
def test_unknown_handling_values_are_refused(tmp_path, table, message):
    from workers_env import ConfigError

    with pytest.raises(ConfigError) as info:
        server(tmp_path, **table)
    assert str(info.value) == message
