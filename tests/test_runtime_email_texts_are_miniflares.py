"""An email delivery's refusals and log lines, whole, as Miniflare's entry worker (wrangler
4.164.0's ``entry.worker.js``) words them -- a delivery without ``from``/``to``, one over 25 MiB,
a ``MAIL FROM``/``RCPT TO`` the headers do not name, ``setReject``'s line -- and workers-env's own
note for ``reply()``, which is not emulated."""

from __future__ import annotations

import logging

import pytest
from worker_helpers import one_file_worker

from workers_env import NotEmulatedError, load_worker

MESSAGE = b"From: sender@example.com\r\nTo: recipient@example.com\r\nSubject: hi\r\nMessage-ID: <a@b>\r\n\r\nbody\r\n"

ENTRY = '''
from workers import WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def email(self, message, env, ctx):
        subject = message.headers.get("subject")
        if subject == "reject":
            message.setReject("no spam")
        elif subject == "reply":
            await message.reply(None)
'''


@pytest.fixture
def worker(tmp_path):
    one_file_worker(tmp_path, ENTRY, date="2026-11-01")
    return load_worker(tmp_path)


@pytest.mark.asyncio
async def test_refusals_are_miniflares_whole(worker):
    with pytest.raises(ValueError) as missing:
        await worker.email(MESSAGE, from_="sender@example.com", to="")
    assert str(missing.value) == ("Invalid email. Your request must include URL parameters specifying the `from` and "
                                  "`to` addresses, as well as an email in the body")
    with pytest.raises(ValueError) as too_big:
        await worker.email(MESSAGE + b"x" * (25 * 1024 * 1024), from_="sender@example.com", to="recipient@example.com")
    assert str(too_big.value) == "Email message size is bigger than the production size limit of 25 MiB."


@pytest.mark.asyncio
async def test_log_lines_are_miniflares_whole(worker, caplog):
    with caplog.at_level(logging.INFO):
        await worker.email(MESSAGE, from_="other@example.com", to="else@example.com")
    assert ('Provided MAIL FROM address doesn\'t match the email message\'s "From" header:\n'
            '  MAIL FROM: other@example.com\n  "From" header: sender@example.com') in caplog.messages
    assert ('Provided RCPT TO address doesn\'t match any "To" header in the email message:\n'
            '  RCPT TO: else@example.com\n  "To" header: recipient@example.com') in caplog.messages
    caplog.clear()
    with caplog.at_level(logging.INFO):
        await worker.email(MESSAGE.replace(b"Subject: hi", b"Subject: reject"), from_="sender@example.com",
                           to="recipient@example.com")
    assert 'Email handler rejected message with the following reason: "no spam"' in caplog.messages


@pytest.mark.asyncio
async def test_reply_says_it_is_not_emulated(worker):
    with pytest.raises(NotEmulatedError) as info:
        await worker.email(MESSAGE.replace(b"Subject: hi", b"Subject: reply"), from_="sender@example.com",
                           to="recipient@example.com")
    assert str(info.value) == ("ForwardableEmailMessage.reply() is not emulated by workers-env: it needs Email "
                               "Routing's sending side (cloudflare:email's EmailMessage). setReject() and forward() "
                               "are emulated")
