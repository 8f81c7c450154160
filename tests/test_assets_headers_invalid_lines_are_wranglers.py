"""A ``_headers`` file's skipped lines, each message and its ``at <file>:<line> | <line>`` as
``wrangler dev`` 4.164.0 prints them for this very file (measured 2026-12-04 with a JS Worker
and the same ``public/_headers``): a path with a port, two wildcards, a wildcard beside
``:splat``, a header name with a space, no name, no value, a line without a colon, and a path
with no headers (the rule before the next path). workers-shared's ``parseHeaders`` texts."""

from __future__ import annotations

import json

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


def test_each_skipped_line_as_wrangler_dev_prints_it(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)  # wrangler names the file from the working folder
    (tmp_path / "public").mkdir()
    (tmp_path / "public" / "index.html").write_text("hi")
    (tmp_path / "public" / "_headers").write_text(HEADERS)
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text("from workers import WorkerEntrypoint\n\n\nclass Default(WorkerEntrypoint):\n"
                                              "    async def fetch(self, request):\n        return None\n")
    (tmp_path / "wrangler.json").write_text(json.dumps({
        "name": "site", "main": "src/entry.py", "compatibility_date": "2026-09-01",
        "compatibility_flags": ["python_workers"], "assets": {"directory": "public"}}))
    typical_pyproject(tmp_path)
    load_worker(tmp_path)
    assert WRANGLER_DEV in capsys.readouterr().err
