"""At load, the ``_redirects`` file's lines as ``wrangler dev`` (4.164.0) prints them, from
workers-sdk ``constructRedirects`` through Miniflare's log: ``[wrangler:info] ✨ Parsed N valid
redirect rules.``, ``[wrangler:warn] Found N invalid redirect rules:`` with each skipped line's
message and ``at <file>:<line> | <line>``, and the note on a static rule below a dynamic one.
The messages are ``parseRedirects.ts``'s; the loop check depends on ``html_handling``."""

from __future__ import annotations

import textwrap
from pathlib import Path

from worker_helpers import assets_site

from workers_env import load_worker

REDIRECTS = """
/ok /fine
/x /y 404
/too many tokens here
https://example.com/a /b
/a/* /index.html
/ /index
/dup /one
/dup /two
/proxy https://example.com/ 200
/split/* /s/:splat
/late /fine
"""


def project(root: Path, assets: dict | None = None) -> Path:
    return assets_site(root, {"index.html": "home", "_redirects": textwrap.dedent(REDIRECTS)},
                       entry="from workers import WorkerEntrypoint\n\n\nclass Default(WorkerEntrypoint):\n"
                             "    async def fetch(self, request):\n        return None\n", assets=assets)


def test_parsed_invalid_and_performance_lines(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)  # wrangler names the file from the working folder
    load_worker(project(tmp_path))
    err = capsys.readouterr().err
    assert "[wrangler:info] ✨ Parsed 4 valid redirect rules.\n" in err
    assert "[wrangler:warn] Found 7 invalid redirect rules:\n" in err
    assert ("▶︎ Valid status codes are 200, 301, 302 (default), 303, 307, or 308. Got 404.\n"
            "    at public/_redirects:3 | /x /y 404\n\n") in err
    assert "▶︎ Expected exactly 2 or 3 whitespace-separated tokens. Got 4.\n" in err
    assert "▶︎ Only relative URLs are allowed. Skipping absolute URL https://example.com/a.\n" in err
    assert err.count("▶︎ Infinite loop detected in this rule and has been ignored.") == 2  # /a/* and /
    assert "▶︎ Ignoring duplicate rule for path /dup.\n    at public/_redirects:9 | /dup /two\n" in err
    assert "▶︎ Proxy (200) redirects can only point to relative paths. Got https://example.com/\n" in err
    assert ("[wrangler:info] The redirect rule /late → 302 /fine could be made more performant by bringing it "
            "above any lines with splats or placeholders.") in err
    assert "not applied" not in err


def test_the_root_to_index_rule_is_kept_without_html_handling(tmp_path, capsys):
    load_worker(project(tmp_path, {"html_handling": "none"}))
    err = capsys.readouterr().err
    assert "[wrangler:info] ✨ Parsed 5 valid redirect rules.\n" in err  # / /index is no loop then
    assert err.count("▶︎ Infinite loop detected") == 1


def test_the_limits_on_rules_and_lines(tmp_path, capsys):
    root = project(tmp_path)
    lines = ([f"/s{i} /t" for i in range(2001)] + ["/long/" + "x" * 2000 + " /t"]
             + [f"/d{i}/* /t" for i in range(101)] + ["/after /t"])
    (root / "public" / "_redirects").write_text("\n".join(lines) + "\n")
    load_worker(root)
    err = capsys.readouterr().err  # as wrangler dev 4.164.0 printed it for this very file
    assert ("[wrangler:info] ✨ Parsed 2100 valid redirect rules.\n"
            "[wrangler:warn] Found 3 invalid redirect rules:\n"
            "▶︎ Maximum number of static rules supported is 2000. Skipping line.\n"
            "▶︎ Ignoring line 2002 as it exceeds the maximum allowed length of 2000.\n"
            "▶︎ Maximum number of dynamic rules supported is 100. Skipping remaining 3 lines of file.\n") in err
