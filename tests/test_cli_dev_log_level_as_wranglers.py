"""``workers-env dev --log-level`` and ``WRANGLER_LOG``, as wrangler dev 4.164.0 reads them
(measured with a JavaScript twin of this Worker at each level, leftovers46b): a line is shown when
its level ranks at most the chosen one (none < error < warn < info < log < debug; default log).
The bindings table, dev's own stdout lines and the Worker's ``console.log``/``print()`` are
``log``; ``Ready on``, the request lines and ``console.info``/``console.debug`` ``info``;
warnings, workers-env's notes and ``console.warn`` ``warn``; ``console.error``, the Worker's
stderr (``console.error`` in production) and an uncaught exception ``error``. ``--log-level``
wins over ``WRANGLER_LOG``, which is read in any case; one that is no level is wrangler's
warning and ``log``."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import forkserver
import pytest
from dev_reload_helpers import dev_streams, python_project

ENTRY = '''import sys
from js import console
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        console.debug("W-debug"); console.info("W-info"); console.log("W-log")
        console.warn("W-warn"); console.error("W-error")
        print("W-print"); print("W-stderr", file=sys.stderr)
        if request.url.endswith("/throw"):
            raise ValueError("boom")
        return Response("ok")

    async def scheduled(self, event):
        pass
'''
CONFIG = '[[kv_namespaces]]\nbinding = "KV"\nid = "abc"\nremote = true\n[triggers]\ncrons = ["* * * * *"]\n'


def _run(project: Path, args: list[str], wrangler_log: str | None) -> tuple[str, str]:
    """dev's stdout and stderr while it answers ``/`` and ``/throw`` (the port and times masked)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CLOUDFLARE_", "WRANGLER_"))}
    if wrangler_log is not None:
        env["WRANGLER_LOG"] = wrangler_log
    return dev_streams(project, args, ["/throw"], env)


TABLE = ("Your Worker has access to the following bindings:\n"
         "Binding           Resource          Mode\n"
         "env.KV (abc)      KV Namespace      remote\n\n")
READY = "[wrangler:info] Ready on http://127.0.0.1:PORT\n"
CRON = ('▲ [WARNING] Scheduled Workers are not automatically triggered during local development.\n\n'
        '  To manually trigger a scheduled event, run:\n'
        '    curl "http://127.0.0.1:PORT/cdn-cgi/local/scheduled"\n'
        '  For more details, see https://developers.cloudflare.com/workers/configuration/cron-triggers/'
        '#test-cron-triggers-locally\n\n\n')
NOTE = "workers-env dev: remote = true on KV (KV Namespace)"
WARNED = "\u25b2 [WARNING] W-warn\n\n\n"  # wrangler's logger's layout of workerd's warn and error lines
ERRORS = "\u2718 [ERROR] W-error\n\n\n\u2718 [ERROR] W-stderr\n\n\n"
UNCAUGHT = "\u2718 [ERROR] Uncaught PythonError: Traceback (most recent call last):\n\n"


def _requests(*shown: str) -> str:
    """The Worker's lines of the given kinds for ``/`` then ``/throw``, each followed by its request line."""
    lines = {"info": "W-debug\nW-info\n", "log": "W-log\nW-print\n"}
    each = "".join(lines[kind] for kind in shown)
    return (f"{each}[wrangler:info] GET / 200 OK (Nms)\n"
            f"{each}[wrangler:info] GET /throw 500 Internal Server Error (Nms)\n")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return python_project(tmp_path_factory.mktemp("loglevel") / "app", ENTRY, config_extra=CONFIG)


def _stderr_has(err: str, warn: bool, error: bool) -> None:
    assert (CRON in err, NOTE in err, WARNED in err) == (warn, warn, warn)
    assert (ERRORS in err, UNCAUGHT in err, "  ValueError: boom\n" in err) == (error, error, error)


@pytest.mark.parametrize(("args", "wrangler_log"), [([], None), (["--log-level", "log"], None),
                                                    (["--log-level", "debug"], None), ([], "LOG"),
                                                    (["--log-level", "log"], "none")])
def test_log_shows_everything(project: Path, args: list[str], wrangler_log: str | None) -> None:
    out, err = _run(project, args, wrangler_log)
    assert out.startswith(TABLE + "Loaded reload from ")
    assert out.endswith(READY + _requests("info", "log"))
    _stderr_has(err, warn=True, error=True)
    assert "WRANGLER_LOG" not in err


@pytest.mark.parametrize(("args", "wrangler_log"), [(["--log-level", "info"], None), ([], "Info"),
                                                    (["--log-level", "info"], "error")])
def test_info_shows_ready_the_request_lines_and_console_info(project: Path, args: list[str],
                                                             wrangler_log: str | None) -> None:
    out, err = _run(project, args, wrangler_log)
    assert out == READY + _requests("info")  # no table, no Loaded line, no console.log / print()
    _stderr_has(err, warn=True, error=True)


@pytest.mark.parametrize(("args", "wrangler_log"), [(["--log-level", "warn"], None), ([], "warn")])
def test_warn_shows_only_stderr(project: Path, args: list[str], wrangler_log: str | None) -> None:
    out, err = _run(project, args, wrangler_log)
    assert out == ""
    _stderr_has(err, warn=True, error=True)


def test_error_shows_the_errors_alone(project: Path) -> None:
    out, err = _run(project, ["--log-level", "error"], None)
    assert out == ""
    _stderr_has(err, warn=False, error=True)
    assert err.startswith(ERRORS + ERRORS + UNCAUGHT)


@pytest.mark.parametrize(("args", "wrangler_log"), [(["--log-level", "none"], None), ([], "NONE"),
                                                    (["--log-level", "none"], "debug")])
def test_none_shows_nothing(project: Path, args: list[str], wrangler_log: str | None) -> None:
    assert _run(project, args, wrangler_log) == ("", "")


def test_a_wrangler_log_that_is_no_level_is_warned_of_and_log(project: Path) -> None:
    out, err = _run(project, [], "Verbose")
    assert err.startswith('▲ [WARNING] Unrecognised WRANGLER_LOG value "verbose", expected "none" | "error" | '
                          '"warn" | "info" | "log" | "debug", defaulting to "log"...\n\n\n')
    assert out.startswith(TABLE) and out.endswith(READY + _requests("info", "log"))


def test_a_log_level_that_is_no_level_is_yargs_invalid_values(project: Path) -> None:
    done = forkserver.run([sys.executable, "-m", "workers_env", "dev", "--log-level", "verbose"], cwd=project,
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 1
    assert done.stderr.startswith('✘ [ERROR] Invalid values:\n\n    Argument: log-level, Given: "verbose", Choices: '
                                  '"debug", "info", "log", "warn", "error", "none"\n')
