"""``scheduled`` and ``queue`` handlers: invoked from tests, and ``/__scheduled`` and
``/cdn-cgi/local/scheduled`` under the dev server."""

from __future__ import annotations

import json
import textwrap
import urllib.error
import urllib.request
from datetime import datetime, timezone
from pathlib import Path

import forkserver
import pytest
from worker_helpers import typical_pyproject

from workers_env import QueueMessage, WorkersEnvError, load_worker
from workers_env.runtime.server import BackgroundServer

NEW = "2026-05-01"
OLD = "2026-01-01"

SCHEDULED = """
from workers import Response, WorkerEntrypoint

RUNS = []

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response.json(RUNS)

    async def scheduled(self, controller, env, ctx):
        RUNS.append({"cron": controller.cron, "time": controller.scheduledTime, "type": controller.type,
                     "var": self.env.GREETING, "env": env, "ctx": ctx})
        if controller.cron == "fail":
            raise ValueError("boom")
        if controller.cron == "no-retry":
            controller.noRetry()
"""

QUEUE_NEW = """
from workers import WorkerEntrypoint

SEEN = []

class Default(WorkerEntrypoint):
    async def queue(self, batch, env, ctx):
        for message in batch.messages:
            SEEN.append((batch.queue, message.id, message.body, message.attempts, type(message.timestamp).__name__))
            if isinstance(message.body, dict) and message.body.get("retry"):
                message.retry({"delaySeconds": 30})
            else:
                message.ack()
"""

QUEUE_OLD = """
from workers import WorkerEntrypoint

SEEN = []

class Default(WorkerEntrypoint):
    async def queue(self, batch, env, ctx):
        for message in batch.messages:
            body = message.body.to_py() if hasattr(message.body, "to_py") else message.body
            SEEN.append((message.id, body, message.timestamp.getTime()))
        batch.retryAll(delaySeconds=5)
"""


def make(root: Path, entry: str, date: str) -> Path:
    (root / "src").mkdir(parents=True, exist_ok=True)
    (root / "wrangler.toml").write_text(
        f'name = "h"\nmain = "src/entry.py"\ncompatibility_date = "{date}"\ncompatibility_flags = ["python_workers"]\n'
        '[vars]\nGREETING = "hi"\n'
    )
    typical_pyproject(root)
    (root / "src" / "entry.py").write_text(textwrap.dedent(entry))
    return root


@pytest.mark.asyncio
async def test_scheduled_from_a_test(tmp_path):
    worker = load_worker(make(tmp_path, SCHEDULED, NEW))
    when = datetime(2026, 5, 1, 12, 0, tzinfo=timezone.utc)
    result = await worker.scheduled("*/5 * * * *", scheduled_time=when)
    assert (result.outcome, result.no_retry) == ("ok", False)
    assert worker.module.RUNS == [{"cron": "*/5 * * * *", "time": int(when.timestamp() * 1000), "type": "scheduled", "var": "hi",
                                  "env": None, "ctx": None}]  # a class's handlers get env/ctx undefined
    assert (await worker.scheduled("no-retry")).no_retry is True
    with pytest.raises(ValueError, match="boom"):
        await worker.scheduled("fail")


def test_scheduled_over_http_as_wrangler_test_scheduled(tmp_path):
    worker = load_worker(make(tmp_path, SCHEDULED, NEW))
    with BackgroundServer(worker, test_scheduled=True) as server:
        with urllib.request.urlopen(server.url + "/__scheduled?cron=*+*+*+*+*", timeout=10) as resp:
            assert (resp.status, resp.read()) == (200, b"Ran scheduled event")
        with pytest.raises(urllib.error.HTTPError) as failed:
            urllib.request.urlopen(server.url + "/__scheduled?cron=fail", timeout=10)
        failed.value.close()  # its response (3.14 warns of one left to the collector)
        assert failed.value.code == 500
        with urllib.request.urlopen(server.url + "/", timeout=10) as resp:
            assert [run["cron"] for run in json.loads(resp.read())] == ["* * * * *", "fail"]
    with BackgroundServer(worker) as server:  # without the flag, /__scheduled is the worker's own path
        with urllib.request.urlopen(server.url + "/__scheduled?cron=x", timeout=10) as resp:
            assert [run["cron"] for run in json.loads(resp.read())] == ["* * * * *", "fail"]


@pytest.mark.asyncio
async def test_queue_batch_in_the_external_sdk_era(tmp_path):
    worker = load_worker(make(tmp_path, QUEUE_NEW, NEW))
    result = await worker.queue(
        [{"n": 1}, QueueMessage({"retry": True}, id="m2", attempts=3), "text"], queue="jobs"
    )
    seen = worker.module.SEEN
    assert [(q, body, attempts, ts) for q, _, body, attempts, ts in seen] == [
        ("jobs", {"n": 1}, 1, "datetime"), ("jobs", {"retry": True}, 3, "datetime"), ("jobs", "text", 1, "datetime")
    ]
    assert result.outcome == "ok"
    assert result.explicit_acks == [seen[0][1], seen[2][1]]
    assert result.retry_messages == [{"msgId": "m2", "delaySeconds": 30}]
    assert (result.ack_all, result.retry_batch) == (False, {"retry": False})


@pytest.mark.asyncio
async def test_queue_batch_in_the_builtin_sdk_era_is_raw_js(tmp_path):
    worker = load_worker(make(tmp_path, QUEUE_OLD, OLD))
    result = await worker.queue([QueueMessage({"a": [1, 2]}, id="x", timestamp=1_700_000_000_000)])
    assert worker.module.SEEN == [("x", {"a": [1, 2]}, 1_700_000_000_000)]
    assert result.retry_batch == {"retry": True, "delaySeconds": 5}


@pytest.mark.asyncio
async def test_queue_and_scheduled_misuse_get_clear_errors(tmp_path):
    worker = load_worker(make(tmp_path, QUEUE_NEW, NEW))
    with pytest.raises(WorkersEnvError) as not_a_list:
        await worker.queue("not a list")
    assert str(not_a_list.value) == "worker.queue() takes a list of message bodies (or QueueMessage objects), got str"
    with pytest.raises(WorkersEnvError) as repeated:
        await worker.queue([QueueMessage(1, id="a"), QueueMessage(2, id="a")])
    assert str(repeated.value) == "worker.queue(): message ids must be unique within a batch"
    with pytest.raises(TypeError, match=r"^Method scheduled does not exist$"):  # workerd's text
        await worker.scheduled("* * * * *")
    assert worker.module.SEEN == []


@pytest.mark.asyncio
async def test_before_python_no_global_handlers_a_class_still_gets_scheduled(tmp_path):
    """Before 2025-08-14 workerd's entrypoint proxy renames only ``fetch`` (and ``connect``) to
    ``on_<name>``: a cron event calls ``Default.scheduled`` there too (seo_system_blank's hourly
    cron runs in production), and a class with only ``on_scheduled`` fails."""
    worker = load_worker(make(tmp_path / "a", SCHEDULED, "2025-08-01"))
    assert (await worker.scheduled("0 * * * *")).outcome == "ok"
    assert [run["cron"] for run in worker.module.RUNS] == ["0 * * * *"]
    legacy_name = load_worker(make(tmp_path / "b", SCHEDULED.replace("def scheduled", "def on_scheduled"), "2025-08-01"))
    with pytest.raises(TypeError, match=r"^Method scheduled does not exist$"):
        await legacy_name.scheduled("0 * * * *")


NARROW = """
from workers import WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def scheduled(self, controller):
        pass

    async def queue(self, batch):
        pass
"""


@pytest.mark.asyncio
@pytest.mark.parametrize("date", [OLD, NEW])
async def test_a_class_handler_other_than_fetch_is_called_strictly(tmp_path, date):
    """workerd's entrypoint proxy calls ``fetch`` relaxed and every other handler strictly with
    (value, undefined, undefined): a narrow ``scheduled(self, controller)`` or ``queue(self,
    batch)`` is Python's TypeError in production, every delivery failing."""
    worker = load_worker(make(tmp_path, NARROW, date))
    with pytest.raises(TypeError, match=r"scheduled\(\) takes 2 positional arguments but 4 were given"):
        await worker.scheduled("* * * * *")
    with pytest.raises(TypeError, match=r"queue\(\) takes 2 positional arguments but 4 were given"):
        await worker.queue([{"n": 1}])


def test_cdn_cgi_local_scheduled_as_miniflare_serves_it_always(tmp_path):
    """Miniflare's trigger path (``handleScheduled``): the outcome as text or JSON, 500 unless ok."""
    worker = load_worker(make(tmp_path, SCHEDULED, NEW))
    with BackgroundServer(worker) as server:
        url = server.url + "/cdn-cgi/local/scheduled"
        with urllib.request.urlopen(url + "?cron=*+*+*+*+*&time=1767225600000", timeout=10) as resp:
            assert (resp.status, resp.read()) == (200, b"ok")
        with urllib.request.urlopen(url + "?cron=no-retry&format=json", timeout=10) as resp:
            assert json.loads(resp.read()) == {"outcome": "ok", "noRetry": True}
        with pytest.raises(urllib.error.HTTPError) as failed:
            urllib.request.urlopen(url + "?cron=fail&format=json", timeout=10)
        assert (failed.value.code, json.loads(failed.value.read())) == (500, {"outcome": "exception", "noRetry": False})
        failed.value.close()  # its response, read (3.14 warns of one left to the collector)
    first = worker.module.RUNS[0]
    assert (first["cron"], first["time"]) == ("* * * * *", 1767225600000)


@pytest.mark.parametrize("path", ["/cdn-cgi/handler/scheduled", "/cdn-cgi/mf/scheduled"])
def test_legacy_trigger_paths_run_scheduled_as_wrangler_rewrites_them(tmp_path, path):
    """wrangler's ProxyWorker rewrites ``/cdn-cgi/handler/*`` (the path Cloudflare's docs give
    Python Workers) and ``/cdn-cgi/mf/scheduled`` to Miniflare's ``/cdn-cgi/local/scheduled``."""
    worker = load_worker(make(tmp_path, SCHEDULED, NEW))
    with BackgroundServer(worker) as server:
        with urllib.request.urlopen(server.url + path + "?cron=*/5+*+*+*+*&format=json", timeout=10) as resp:
            assert json.loads(resp.read()) == {"outcome": "ok", "noRetry": False}
        try:  # a longer path is not the trigger: it goes to the Worker's fetch
            urllib.request.urlopen(server.url + path + "x?cron=1", timeout=10).close()
        except urllib.error.HTTPError as err:
            err.close()  # its response (3.14 warns of one left to the collector)
    assert [run["cron"] for run in worker.module.RUNS] == ["*/5 * * * *"]


def test_dev_warns_about_crons_as_wrangler_does(tmp_path):
    import subprocess
    import sys

    import workers_env

    root = make(tmp_path, SCHEDULED, NEW)
    (root / "wrangler.toml").write_text((root / "wrangler.toml").read_text() + '[triggers]\ncrons = ["*/5 * * * *"]\n')
    typical_pyproject(root)
    env = {**forkserver.startup_settings(),  # (forked: the start-up settings of a fork server)
           "PYTHONPATH": str(Path(workers_env.__file__).resolve().parents[1]), "PATH": "/usr/bin:/bin"}
    proc = forkserver.popen([sys.executable, "-m", "workers_env", "dev", str(root), "--ip", "127.0.0.1", "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        loaded = proc.stdout.readline()
        while loaded and not loaded.startswith("Loaded "):  # after the Worker's bindings table
            loaded = proc.stdout.readline()
        assert loaded.startswith("Loaded h from ")
        ready = proc.stdout.readline()
        assert ready.startswith("[wrangler:info] Ready on http://127.0.0.1:")
        port = ready.strip().rsplit(":", 1)[1]
        lines: list[str] = []
        while len(lines) < 5:  # uvicorn's own lines come first
            line = proc.stderr.readline()
            if lines or line.startswith("\u25b2"):
                lines.append(line)
    finally:
        proc.terminate()
        proc.communicate(timeout=10)  # its pipes read to the end and closed
    assert lines == [
        "\u25b2 [WARNING] Scheduled Workers are not automatically triggered during local development.\n", "\n",
        "  To manually trigger a scheduled event, run:\n",
        f'    curl "http://127.0.0.1:{port}/cdn-cgi/local/scheduled"\n',
        ("  For more details, see https://developers.cloudflare.com/workers/configuration/cron-triggers/"
         "#test-cron-triggers-locally\n"),
    ]


def test_dev_takes_test_scheduled_like_wrangler():
    from workers_env.cli import build_parser

    assert build_parser().parse_args(["dev", "--test-scheduled"]).test_scheduled is True
    assert build_parser().parse_args(["dev"]).test_scheduled is False
