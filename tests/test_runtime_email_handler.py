"""Email Workers: ``worker.email(raw, from_=..., to=...)`` and ``workers-env dev``'s
``/cdn-cgi/local/email`` (``/cdn-cgi/handler/email``) deliver a message to ``Default.email`` as
Miniflare does under ``wrangler dev`` 4.164.0 (its texts, its JSON, ``Bcc`` stripped, a
``Message-ID`` required): checked side by side with a JavaScript Worker there."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone

import pytest
from worker_helpers import asgi_exchange, one_file_worker

from workers_env import MissingEmailHandler, load_worker
from workers_env.runtime.workerapp import WorkerApp

MESSAGE = (b"From: sender@example.com\r\nTo: recipient@example.com\r\nBcc: hidden@example.com\r\n"
           b"Subject: hi\r\nMessage-ID: <a@b>\r\n\r\nbody\r\n")

ENTRY = '''
from workers import Response, WorkerEntrypoint

SEEN = []


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("fetch handler")

    async def email(self, message, env, ctx):
        raw = await Response(message.raw).text()
        SEEN.append([message.from_, getattr(message, "from"), message.to, message.headers.get("subject"),
                     message.rawSize, "bcc" in raw.lower(), message.canBeForwarded])
        if "spam" in message.headers.get("subject"):
            message.setReject("no spam")
            return
        sent = await message.forward("inbox@example.com")
        SEEN.append(sent.messageId.endswith("@example.com>"))
'''


def _worker(tmp_path, entry: str = ENTRY, date: str = "2026-11-01"):
    one_file_worker(tmp_path, entry, date=date)
    return load_worker(tmp_path)


@pytest.mark.asyncio
async def test_a_message_reaches_the_email_handler_and_its_forward_is_recorded(tmp_path):
    worker = _worker(tmp_path)
    result = await worker.email(MESSAGE, from_="sender@example.com", to="recipient@example.com")
    seen = worker.module.SEEN
    assert seen[0] == ["sender@example.com", "sender@example.com", "recipient@example.com", "hi", 93, False, True]
    assert seen[1] is True
    assert result.outcome == "ok" and result.reject_reason is None
    assert [f["recipient"] for f in result.forwards] == ["inbox@example.com"]
    assert [e["type"] for e in result.events] == ["received", "forward"]
    rejected = await worker.email(MESSAGE.replace(b"Subject: hi", b"Subject: spam"), from_="sender@example.com",
                                  to="recipient@example.com")
    assert rejected.reject_reason == "no spam" and [e["type"] for e in rejected.events] == ["received", "reject"]


@pytest.mark.asyncio
async def test_every_event_is_stamped_with_the_time_it_happened(tmp_path):
    """Miniflare's entry worker stamps each event with its own request's ``new Date()``: the
    "received" one too, though the message is built before the Worker's handler runs (where the
    Worker's own ``Date`` would read 0)."""
    worker = _worker(tmp_path)
    before = datetime.now(timezone.utc) - timedelta(seconds=1)
    for subject in (b"hi", b"spam"):
        result = await worker.email(MESSAGE.replace(b"Subject: hi", b"Subject: " + subject),
                                    from_="sender@example.com", to="recipient@example.com")
        stamps = [datetime.fromisoformat(e["timestamp"].replace("Z", "+00:00")) for e in result.events]
        assert len(stamps) == 2 and all(before <= s <= datetime.now(timezone.utc) for s in stamps), result.events
        assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", e["timestamp"]) for e in result.events)


@pytest.mark.asyncio
async def test_refused_deliveries_use_miniflares_texts(tmp_path):
    worker = _worker(tmp_path)
    with pytest.raises(ValueError, match="^Email could not be parsed: invalid or no message id provided$"):
        await worker.email(b"Subject: x\r\n\r\nb", from_="a@b", to="c@d")
    with pytest.raises(ValueError, match="must include URL parameters specifying the `from` and `to` addresses"):
        await worker.email(MESSAGE, from_="", to="c@d")
    too_big = MESSAGE + b"x" * (25 * 1024 * 1024)
    with pytest.raises(ValueError, match="bigger than the production size limit of 25 MiB"):
        await worker.email(too_big, from_="sender@example.com", to="recipient@example.com")
    legacy = _worker(tmp_path / "legacy", "async def on_fetch(request, env):\n    return None\n", "2024-12-01")
    with pytest.raises(MissingEmailHandler) as missing:
        await legacy.email(MESSAGE, from_="sender@example.com", to="recipient@example.com")
    assert str(missing.value) == ('Python entrypoint "entry.py" has no email handler: define '
                                  "`async def email(self, message, env, ctx)` on `class Default(WorkerEntrypoint)`")


async def _post(app, path: str, body: bytes) -> tuple[int, bytes]:
    return await asgi_exchange(app, "POST", path, body)


@pytest.mark.asyncio
async def test_the_dev_servers_email_trigger_answers_as_wrangler_dev(tmp_path):
    app = WorkerApp(_worker(tmp_path))
    query = "?from=sender@example.com&to=recipient@example.com"
    assert await _post(app, "/cdn-cgi/handler/email" + query, MESSAGE) == (200, b"Worker successfully processed email")
    status, body = await _post(app, "/cdn-cgi/local/email" + query + "&format=json", MESSAGE)
    answer = json.loads(body)
    assert status == 200 and answer["outcome"] == "ok" and answer["replies"] == []
    assert list(answer) == ["outcome", "forwards", "replies", "events"]
    assert await _post(app, "/cdn-cgi/local/email" + query, MESSAGE.replace(b"Subject: hi", b"Subject: spam")) == (
        400, b"Worker rejected email with the following reason: no spam")
    assert (await _post(app, "/cdn-cgi/local/email?from=a@b&to=c@d", b"Subject: x\r\n\r\nb"))[0] == 400


@pytest.mark.asyncio
async def test_a_last_folded_bcc_header_is_stripped_and_the_body_kept(tmp_path):
    entry = '''
    from workers import Response, WorkerEntrypoint

    RAW = []


    class Default(WorkerEntrypoint):
        async def email(self, message, env, ctx):
            RAW.append(await Response(message.raw).text())
    '''
    worker = _worker(tmp_path, entry)
    raw = (b"From: sender@example.com\r\nTo: recipient@example.com\r\nMessage-ID: <a@b>\r\n"
           b"Bcc: x@example.com,\r\n y@example.com\r\n\r\nbody\r\n")
    await worker.email(raw, from_="sender@example.com", to="recipient@example.com")
    assert worker.module.RAW == ["From: sender@example.com\r\nTo: recipient@example.com\r\nMessage-ID: <a@b>\r\n"
                                 "\r\nbody\r\n"]
