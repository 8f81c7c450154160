"""An assets directory's ``_headers`` file applies to every asset-worker answer as wrangler reads
it and the asset worker applies it (workers-sdk ``parseHeaders.ts``, ``asset-worker`` ``headers.ts``
and ``rules-engine.ts``): rules in file order, a header set by a rule replacing the response's own
and appended to by later rules, ``! Name`` removing one, ``*`` and ``:placeholder`` captures
replaced in values, rules for a host (``https://:sub.example.com/*``), a later rule for the same
path taking the earlier one's place, and the lines wrangler skips named in its warning. Found
running MKej88/otello-tracker, whose CI checks its ``_headers`` CSP under ``wrangler dev``."""

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
        return Response("from the worker", headers={"x-frame-options": "SAMEORIGIN"})
'''

HEADERS = """
X-Orphan: no path
# comment
/*
  X-Frame-Options: DENY
  X-Robots-Tag: noindex

/assets/*
  Cache-Control: public, max-age=31536000, immutable
  X-Robots-Tag: noarchive
  X-Asset: :splat

/blog/:slug
  ! X-Frame-Options
  Link: </blog/:slug/more>; rel=preload

https://:sub.example.com/*
  X-Host: :sub

/twice
  X-Twice: first
/twice
  X-Twice: second
  X-Twice: third
  X-After-A-Blank-Line: still /twice's

/nothing
/a/*/b/*
  X-Never: set
  X-Not: either
"""


def project(root: Path, binding: str | None = None) -> Path:
    return assets_site(root, {"index.html": "home", "assets/app.js": "js", "blog/hello.html": "post",
                              "twice.html": "twice", "_headers": textwrap.dedent(HEADERS)},
                       entry=textwrap.dedent(ENTRY), binding=binding)


def headers_of(resp) -> dict[str, str]:
    return {k.lower(): v for k, v in resp.headers.items()}


@pytest.mark.asyncio
async def test_matching_rules_set_append_and_remove_headers(tmp_path):
    worker = load_worker(project(tmp_path))
    home = headers_of(await worker.fetch("/"))
    assert (home["x-frame-options"], home["x-robots-tag"]) == ("DENY", "noindex")
    assert home["cache-control"] == "public, max-age=0, must-revalidate"  # the asset worker's own
    asset = headers_of(await worker.fetch("/assets/app.js"))
    assert asset["cache-control"] == "public, max-age=31536000, immutable"  # replaces the asset worker's
    assert asset["x-robots-tag"] == "noindex, noarchive"  # a later rule appends
    assert asset["x-asset"] == "app.js"  # :splat is what * matched
    post = headers_of(await worker.fetch("/blog/hello"))
    assert "x-frame-options" not in post and post["link"] == "</blog/hello/more>; rel=preload"
    hosted = headers_of(await worker.fetch("https://docs.example.com/"))
    assert hosted["x-host"] == "docs"
    assert "x-host" not in headers_of(await worker.fetch("https://example.org/"))
    twice = headers_of(await worker.fetch("/twice"))
    assert (twice["x-twice"], twice["x-after-a-blank-line"]) == ("second, third", "still /twice's")
    assert "x-never" not in headers_of(await worker.fetch("/a/1/b/2"))  # two wildcards: the rule is skipped


@pytest.mark.asyncio
async def test_only_the_asset_workers_answers_get_them(tmp_path):
    worker = load_worker(project(tmp_path))
    resp = await worker.fetch("/no/such/page")  # no asset: the Worker answers, its headers untouched
    assert (await resp.text(), headers_of(resp)["x-frame-options"]) == ("from the worker", "SAMEORIGIN")
    assert "x-robots-tag" not in headers_of(resp)
    redirect = await worker.fetch("/index.html")  # the asset worker's 307 gets them too
    assert (redirect.status, headers_of(redirect)["x-frame-options"]) == (307, "DENY")


def test_the_lines_wrangler_skips_are_named_in_its_warning(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the file is named from the working folder, as wrangler dev names it
    load_worker(project(tmp_path))
    err = capsys.readouterr().err
    # wrangler dev's lines (its log's prefixes), as it prints the _redirects ones
    assert "[wrangler:info] ✨ Parsed 6 valid header rules." in err  # /twice counted twice, as wrangler counts it
    assert "[wrangler:warn] Found 3 invalid header rules:" in err
    assert "    at public/_headers:28 | /nothing\n" in err  # wrangler's line number: the next path's
    assert "▶︎ Path should come before header (x-orphan: no path)" in err
    assert "▶︎ No headers specified" in err
    assert "▶︎ Only one wildcard is allowed per rule. Use a named placeholder (e.g. :project) instead. Skipping /a/*/b/*." in err
    assert "_headers in" not in err  # applied, so not named as unapplied


@pytest.mark.asyncio
async def test_a_file_saved_with_a_bom_and_crlf_is_read_as_wrangler_reads_it(tmp_path):
    # Node reads _headers as UTF-8 keeping the BOM, and parseHeaders' String.trim() drops it
    # (Python's str.strip() does not); a line of 2000 UTF-16 units is the longest kept
    root = project(tmp_path)
    long_value = "\U0001F600" * 997  # 1994 UTF-16 units, 997 code points
    (root / "public" / "_headers").write_bytes(
        "\ufeff/*\r\n  X-Bom: read\r\n  X-Long: {}\r\n".format(long_value).encode())
    worker = load_worker(root)
    home = headers_of(await worker.fetch("/"))
    assert home["x-bom"] == "read"
    assert "x-long" not in home  # "X-Long: " and 1994 units is 2002 > 2000 (1005 code points): skipped


@pytest.mark.asyncio
async def test_a_value_ending_in_an_empty_capture_is_trimmed_as_headers_set_trims_it(tmp_path):
    # "/:first/*" on /about/ captures an empty :splat; workerd's Headers.set() strips the value's
    # leading and trailing whitespace (wrangler dev 4.164.0: "about and"), the binding's answer too
    from workers_env import load_env

    root = project(tmp_path, binding="ASSETS")
    (root / "public" / "about.html").write_text("about")
    (root / "public" / "_headers").write_text("/:first/*\n  X-First: :first and :splat\n")
    env = load_env(root)
    raw = env.unwrapped("ASSETS")
    answer = await raw.fetch("http://localhost/about/")
    assert (answer.status, answer.header("x-first")) == (307, "about and")


@pytest.mark.asyncio
async def test_bytes_that_are_not_utf8_are_replaced_as_node_reads_them(tmp_path):
    # wrangler's readFileSync(path, "utf8") decodes a Latin-1 value to U+FFFD and goes on
    root = project(tmp_path)
    (root / "public" / "_headers").write_bytes(b"/*\n  X-Name: caf\xe9\n  X-Next: kept\n")
    worker = load_worker(root)
    home = headers_of(await worker.fetch("/"))
    assert home["x-next"] == "kept"


@pytest.mark.asyncio
async def test_the_file_is_parsed_again_only_when_it_changes(tmp_path, monkeypatch):
    # an edit applies at the next request (as wrangler dev's reload makes it), but an unchanged
    # file is not read and parsed at every request
    import os

    from workers_env.assets import headers as headers_module

    root = project(tmp_path)
    worker = load_worker(root)
    parsed = []
    real_parse = headers_module.parse_headers
    monkeypatch.setattr(headers_module, "parse_headers", lambda text: parsed.append(text) or real_parse(text))
    for _ in range(3):
        assert headers_of(await worker.fetch("/"))["x-frame-options"] == "DENY"
    assert len(parsed) <= 1
    file = root / "public" / "_headers"
    file.write_text("/*\n  X-Frame-Options: SAME\n")  # (a different size)
    assert headers_of(await worker.fetch("/"))["x-frame-options"] == "SAME"
    file.write_text("/*\n  X-Frame-Options: ALLO\n")  # the same size, a later mtime
    stat = file.stat()
    os.utime(file, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert headers_of(await worker.fetch("/"))["x-frame-options"] == "ALLO"


def test_a_file_of_only_invalid_lines_says_it_parsed_0_rules(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    # wrangler dev 4.164.0 on this file: "✨ Parsed 0 valid header rules." then the warning
    root = project(tmp_path)
    (root / "public" / "_headers").write_text("X-Orphan: x\n/nothing\n/a/*/b/*\n  X-A: 1\n")
    load_worker(root)
    err = capsys.readouterr().err
    assert "[wrangler:info] ✨ Parsed 0 valid header rules.\n" in err
    assert "[wrangler:warn] Found 3 invalid header rules:" in err
    assert "    at public/_headers:3 | /nothing\n" in err and "    at public/_headers:3 | /a/*/b/*\n" in err


@pytest.mark.asyncio
async def test_a_dollar_in_the_matched_path_is_a_replacement_pattern_as_in_javascript(tmp_path):
    # the asset worker's replacer is value.replaceAll(":splat", matched): JavaScript reads "$$" and
    # "$&" in the matched text as patterns (node: "v=:splat".replaceAll(":splat", "a$$b$&c") is
    # "v=a$b:splatc")
    from workers_env import load_env

    root = project(tmp_path, binding="ASSETS")
    (root / "public" / "_headers").write_text("/x/*\n  X-Got: v=:splat\n")
    answer = await load_env(root).unwrapped("ASSETS").fetch("http://localhost/x/a$$b$&c")
    assert (answer.status, answer.header("x-got")) == (404, "v=a$b:splatc")
