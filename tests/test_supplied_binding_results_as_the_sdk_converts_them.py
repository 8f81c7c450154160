"""What a supplied binding's result holds reaches Worker code as the external SDK's default
converter makes it (workers-runtime-sdk 1.9.5, ``_python_from_rpc_default_converter``): a
``Date`` at any depth a naive UTC ``datetime``, an ``Error`` an ``Exception``, a ``Response`` the
SDK's ``Response``; in the built-in SDK's era the same values stay JavaScript's."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from worker_helpers import typical_pyproject

from workers_env import js, load_env, load_worker

ENTRY = '''
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        obj = await self.env.BUCKET.get("k")
        head = await self.env.BUCKET.head("k")
        when = await self.env.BUCKET.when()
        problem = await self.env.BUCKET.problem()
        page = await self.env.BUCKET.page()
        out = {"obj": type(obj.uploaded).__name__, "head": type(head.uploaded).__name__,
               "nested": type(head.versions[0].at).__name__, "when": type(when).__name__,
               "problem": type(problem).__name__, "page": type(page).__name__}
        if out["when"] == "datetime":
            out["iso"] = when.isoformat()
            out["naive"] = when.tzinfo is None
            out["problem_text"] = str(problem)
            out["page_text"] = await page.text()
        else:
            out["ms"] = when.getTime()
        return Response.json(out)
'''


class R2Object:
    JS_METHODS = ("text", "key", "uploaded")

    def __init__(self):
        self.key = "k"
        self.uploaded = js.Date.new("2026-01-01T08:30:00Z")

    async def text(self):
        return "x"


class FakeBucket:
    async def get(self, key):
        return R2Object()

    async def head(self, key):
        return {"key": key, "uploaded": js.Date.new("2026-01-01T08:30:00Z"),
                "versions": [{"at": js.Date.new("2025-12-31T00:00:00Z")}]}

    async def when(self):
        return js.Date.new("2026-01-01T08:30:00Z")

    async def problem(self):
        return js.Error.new("bucket gone")

    async def page(self):
        return js.Response.new("<p>hi</p>")


def _worker(tmp_path: Path, date: str):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text(textwrap.dedent(ENTRY))
    (tmp_path / "wrangler.toml").write_text(
        f'name = "r2"\nmain = "src/entry.py"\ncompatibility_date = "{date}"\ncompatibility_flags = ["python_workers"]\n'
        '[[r2_buckets]]\nbinding = "BUCKET"\nbucket_name = "files"\n')
    typical_pyproject(tmp_path)
    return load_worker(tmp_path, env=load_env(tmp_path / "wrangler.toml", bindings={"BUCKET": FakeBucket()}))


@pytest.mark.asyncio
async def test_new_sdk_converts_dates_errors_and_responses_at_any_depth(tmp_path, monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Tokyo")  # the host's zone does not leak in: production runs in UTC
    reply = await (await _worker(tmp_path, "2026-08-01").fetch("/")).json()
    assert reply == {"obj": "datetime", "head": "datetime", "nested": "datetime", "when": "datetime",
                     "problem": "Exception", "page": "Response", "iso": "2026-01-01T08:30:00", "naive": True,
                     "problem_text": "Error: bucket gone", "page_text": "<p>hi</p>"}


@pytest.mark.asyncio
async def test_built_in_sdk_hands_the_javascript_values_over(tmp_path):
    reply = await (await _worker(tmp_path, "2025-10-01").fetch("/")).json()
    assert reply["when"] == "JsProxy" and reply["ms"] == 1767256200000


ECHO = '''
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        sent = await self.env.BUCKET.echo(Exception("boom"))  # the SDK sends an Exception as an Error
        try:
            await self.env.BUCKET.file()
            file = "converted"
        except TypeError as exc:  # both SDKs call File(value) without the filename File requires
            file = str(exc)
        return Response.json([type(sent).__name__, str(sent), file])
'''


class EchoBucket:
    async def echo(self, value):
        return value

    async def file(self):
        return js.File.new(["x"], "a.txt")


@pytest.mark.asyncio
async def test_an_error_sent_back_and_a_file_convert_as_the_sdks_converter_does(tmp_path):
    _worker(tmp_path, "2026-08-01")
    (tmp_path / "src" / "entry.py").write_text(textwrap.dedent(ECHO))
    worker = load_worker(tmp_path, env=load_env(tmp_path / "wrangler.toml", bindings={"BUCKET": EchoBucket()}))
    assert await (await worker.fetch("/")).json() == [
        "Exception", "Error: boom", "File.__init__() missing 1 required positional argument: 'filename'"]
