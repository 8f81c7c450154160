"""A ``_headers`` file's skipped lines, each message and its ``at <file>:<line> | <line>`` as
``wrangler dev`` 4.164.0 prints them for this very file (measured 2026-12-04 with a JS Worker
and the same ``public/_headers``): a path with a port, two wildcards, a wildcard beside
``:splat``, a header name with a space, no name, no value, a line without a colon, and a path
with no headers (the rule before the next path, and the last one, named without a line number),
a line past 2,000 characters, a 101st rule, an http:// path and a first line that is no path. workers-shared's ``parseHeaders`` texts."""

from __future__ import annotations

import json

import pytest
from worker_helpers import typical_pyproject

from workers_env import load_worker

HEADERS = """/a
  X-A: 1
https://example.com:8080/p
  X-B: 2
/w/*/*
  X-C: 3
/s/*/:splat
  X-D: 4
/ok
  Bad Name: 1
  : v
  x-empty:
  ! unset-nothing
  nocolon
/lonely
/after
  X-E: 5
"""

WRANGLER_DEV = """[wrangler:info] ✨ Parsed 3 valid header rules.
[wrangler:warn] Found 8 invalid header rules:
▶︎ Specifying ports is not supported. Skipping absolute URL https://example.com:8080/p.
    at public/_headers:3 | https://example.com:8080/p

▶︎ Only one wildcard is allowed per rule. Use a named placeholder (e.g. :project) instead. Skipping /w/*/*.
    at public/_headers:5 | /w/*/*

▶︎ Cannot combine a wildcard * with a :splat placeholder because wildcards are converted to :splat at runtime. \
Skipping /s/*/:splat.
    at public/_headers:7 | /s/*/:splat

▶︎ Header name cannot include spaces
    at public/_headers:10 | Bad Name: 1

▶︎ No header name specified
    at public/_headers:11 | : v

▶︎ No header value specified
    at public/_headers:12 | x-empty:

▶︎ Expected a colon-separated header pair (e.g. name: value)
    at public/_headers:14 | nocolon

▶︎ No headers specified
    at public/_headers:16 | /lonely

"""


LIMITS = ("/long/" + "x" * 2000 + "\n  X-L: 1\n" + "\n".join(f"/r{i}\n  X-A: {i}" for i in range(100))
          + "\n/over\n  X-O: 1\n/x2\n")

WRANGLER_DEV_LIMITS = """[wrangler:info] ✨ Parsed 101 valid header rules.
[wrangler:warn] Found 3 invalid header rules:
▶︎ Ignoring line 1 as it exceeds the maximum allowed length of 2000.
▶︎ Path should come before header (x-l: 1)
    at public/_headers:2 | X-L: 1

▶︎ Maximum number of rules supported is 100. Skipping remaining 2 lines of file.

"""

LAST = "/a\n  X-A: 1\n/lonely-at-the-end\n"

WRANGLER_DEV_LAST = """[wrangler:info] ✨ Parsed 1 valid header rule.
[wrangler:warn] Found 1 invalid header rule:
▶︎ No headers specified
    at public/_headers | /lonely-at-the-end

"""


HTTP = "http://example.com/p\n  X-H: 1\n/b\n  X-B: 1\n"

WRANGLER_DEV_HTTP = """[wrangler:info] ✨ Parsed 1 valid header rule.
[wrangler:warn] Found 1 invalid header rule:
▶︎ URLs should either be relative (e.g. begin with a forward-slash), or use HTTPS (e.g. begin with "https://").
    at public/_headers:1 | http://example.com/p

"""


FIRST = "nocolon\n/a\n  X-A: 1\n"

WRANGLER_DEV_FIRST = """[wrangler:info] ✨ Parsed 1 valid header rule.
[wrangler:warn] Found 1 invalid header rule:
▶︎ Expected a path beginning with at least one forward-slash
    at public/_headers:1 | nocolon

"""


@pytest.mark.parametrize(("headers", "printed"), [
    (HEADERS, WRANGLER_DEV), (LIMITS, WRANGLER_DEV_LIMITS), (LAST, WRANGLER_DEV_LAST), (HTTP, WRANGLER_DEV_HTTP),
     (FIRST, WRANGLER_DEV_FIRST)], ids=["lines", "limits", "last", "http", "first"])
def test_each_skipped_line_as_wrangler_dev_prints_it(tmp_path, capsys, monkeypatch, headers, printed):
    monkeypatch.chdir(tmp_path)  # wrangler names the file from the working folder
    (tmp_path / "public").mkdir()
    (tmp_path / "public" / "index.html").write_text("hi")
    (tmp_path / "public" / "_headers").write_text(headers)
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text("from workers import WorkerEntrypoint\n\n\nclass Default(WorkerEntrypoint):\n"
                                              "    async def fetch(self, request):\n        return None\n")
    (tmp_path / "wrangler.json").write_text(json.dumps({
        "name": "site", "main": "src/entry.py", "compatibility_date": "2026-09-01",
        "compatibility_flags": ["python_workers"], "assets": {"directory": "public"}}))
    typical_pyproject(tmp_path)
    load_worker(tmp_path)
    assert printed in capsys.readouterr().err
