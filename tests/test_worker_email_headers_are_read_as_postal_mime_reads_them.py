"""An Email Worker's ``message.headers`` (and Miniflare's ``Message-ID`` and ``From``/``To``
checks) come from the message as postal-mime 2.4.3 reads it for ``wrangler dev`` 4.164.0: folded
lines joined, whitespace runs one space, 8-bit text UTF-8, the last ``Message-ID``/``From``
counting. Every expected value below was printed by a JavaScript Worker's ``email`` handler
(``[...message.headers.entries()]``) under that wrangler for the same bytes."""

from __future__ import annotations

import json
import logging

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
import json
from workers import WorkerEntrypoint

SEEN = []


class Default(WorkerEntrypoint):  # an Email Worker only: no fetch handler
    async def email(self, message, env, ctx):
        SEEN.append(json.dumps([list(pair) for pair in message.headers.entries()]))
'''

HEAD = b"From: ada@example.com\r\nTo: b@example.net\r\n"


@pytest.fixture
def worker(tmp_path):
    one_file_worker(tmp_path, ENTRY, date="2026-11-01")
    return load_worker(tmp_path)


async def _headers(worker, raw: bytes) -> dict[str, str]:
    await worker.email(raw, from_="ada@example.com", to="b@example.net")
    return dict(json.loads(worker.module.SEEN.pop()))


@pytest.mark.asyncio
@pytest.mark.parametrize(("line", "subject"), [
    (b"Subject: first\r\n  second\r\n", "first second"),          # folded: joined, not a TypeError
    (b"Subject: caf\xc3\xa9\r\n", "caf\u00e9"),                    # 8-bit UTF-8 is text
    (b"Subject: caf\xe9 \xf0\x9f\r\n", "caf\ufffd \ufffd"),        # invalid bytes as TextDecoder
    (b"Subject: a    b\t\tc\r\n", "a b c"),                        # whitespace runs one space
    (b"Subject: a\xc2\xa0\xc2\xa0b\xe2\x80\xa8c\r\n", "a b c"),    # JavaScript's \\s, NBSP and all
    (b"Subject: a\rb\r\r\n", "a b"),                              # a lone CR is whitespace, trailing ones end the line
    (b"Subject: =?UTF-8?B?SGVsbG8gw6k=?= world\r\n", "=?UTF-8?B?SGVsbG8gw6k=?= world"),  # not decoded
])
async def test_a_subject_line_reads_as_postal_mime_reads_it(worker, line, subject):
    headers = await _headers(worker, HEAD + line + b"Message-ID: <1@x>\r\n\r\nhi\r\n")
    assert headers["subject"] == subject


@pytest.mark.asyncio
async def test_a_folded_address_list_is_one_value(worker):
    headers = await _headers(worker, b"From: ada@example.com\r\nTo: c@example.net,\r\n\tb@example.net\r\n"
                                     b"Message-ID: <2@x>\r\n\r\nhi\r\n")
    assert headers["to"] == "c@example.net, b@example.net"


@pytest.mark.asyncio
@pytest.mark.parametrize("ids", [b"Message-ID:   \r\n", b"Message-ID: <9@x>\r\nMessage-ID:\r\n"])
async def test_an_empty_last_message_id_is_refused(worker, ids):
    with pytest.raises(ValueError, match="^Email could not be parsed: invalid or no message id provided$"):
        await worker.email(HEAD + ids + b"\r\nhi\r\n", from_="ada@example.com", to="b@example.net")
    assert worker.module.SEEN == []


@pytest.mark.asyncio
async def test_an_empty_first_message_id_is_accepted_and_the_values_combined(worker):
    headers = await _headers(worker, HEAD + b"Message-ID:\r\nMessage-ID: <10@x>\r\n\r\nhi\r\n")
    assert headers["message-id"] == ", <10@x>"


@pytest.mark.asyncio
async def test_the_last_from_header_is_the_one_compared_with_mail_from(worker, caplog):
    raw = b"From: zed@example.com\r\nFrom: ada@example.com\r\nTo: b@example.net\r\nMessage-ID: <13@x>\r\n\r\nhi\r\n"
    with caplog.at_level(logging.WARNING, logger="workers_env.runtime"):
        headers = await _headers(worker, raw)
    assert headers["from"] == "zed@example.com, ada@example.com"
    assert "MAIL FROM" not in caplog.text
    with caplog.at_level(logging.WARNING, logger="workers_env.runtime"):
        await _headers(worker, raw.replace(b"From: ada", b"From: eve"))
    assert '"From" header: eve@example.com' in caplog.text
