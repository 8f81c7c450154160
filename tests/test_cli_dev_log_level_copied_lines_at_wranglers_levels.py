"""``dev --log-level`` and the lines workers-env copies from wrangler dev's runtime, each at the
level wrangler prints it (measured with JavaScript twins under wrangler dev 4.164.0, review64):

- as it reads the assets' ``_headers`` and ``_redirects``, Miniflare logs ``✨ Parsed N valid ...
  rules.`` and the note on a static redirect below a dynamic one at ``info``, the skipped lines at
  ``warn`` (``constructHeaders``, ``constructRedirects``): at ``--log-level warn`` only
  ``[wrangler:warn] Found 1 invalid header rule:`` is printed, at ``info`` all four;
- workerd's own warnings to the Worker's console (``IoContext::logWarning``: ``Ignoring attempt to
  Cache.put() a 304 status response. ...``) are ``log`` lines: shown by default, hidden at ``info``.

Before, workers-env printed the asset lines at a warning's level (``warn`` showed the
``[wrangler:info]`` ones too) and workerd's warnings down to ``error``. Both are on stdout, where
wrangler dev prints them (devoutput47; they were on stderr before)."""

from __future__ import annotations

from pathlib import Path

import pytest
from dev_reload_helpers import answering, dev_streams, python_project

ASSETS = '[assets]\ndirectory = "public"\nbinding = "ASSETS"\n'
FILES = {"public/index.html": "hi\n", "public/_headers": "/a\n  X-A: 1\nnocolon\n",
         "public/_redirects": "/x/* /y 302\n/s /t 301\n"}
PARSED = ("[wrangler:info] ✨ Parsed 2 valid redirect rules.\n"
          "[wrangler:info] The redirect rule /s → 301 /t could be made more performant by bringing it above any lines "
          "with splats or placeholders.\n"
          "[wrangler:info] ✨ Parsed 1 valid header rule.\n")
SKIPPED = ("[wrangler:warn] Found 1 invalid header rule:\n"
           "▶︎ Expected a colon-separated header pair (e.g. name: value)\n"
           "    at public/_headers:3 | nocolon\n")


def _started(project: Path, level: str) -> tuple[str, str]:
    """What ``dev --log-level level`` prints on stdout and stderr up to answering its first request (and a moment
    after: a line logged as the request ends)."""
    return dev_streams(project, ["--log-level", level], [], settle=0.3)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return python_project(tmp_path_factory.mktemp("assets") / "app", answering("ok"), config_extra=ASSETS,
                          files=FILES)


def test_at_warn_only_the_skipped_lines(project: Path) -> None:
    out, err = _started(project, "warn")
    assert SKIPPED in out
    assert "[wrangler:info]" not in out and "[wrangler:" not in err


def test_at_info_the_parse_lines_too(project: Path) -> None:
    out, err = _started(project, "info")
    assert PARSED + SKIPPED in out and "[wrangler:" not in err


CACHE_304 = """from js import Response as JsResponse, caches
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        await caches.default.put("http://x.example/a", JsResponse.new(None, status=304))
        return Response("ok")
"""
IGNORING = "Ignoring attempt to Cache.put() a 304 status response."


@pytest.fixture(scope="module")
def caching(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return python_project(tmp_path_factory.mktemp("cache") / "app", CACHE_304)


@pytest.mark.parametrize(("level", "shown"), [("log", True), ("info", False), ("warn", False), ("error", False)])
def test_workerds_warning_is_a_log_line(caching: Path, level: str, shown: bool) -> None:
    out, err = _started(caching, level)
    assert (IGNORING in out, IGNORING in err) == (shown, False)
