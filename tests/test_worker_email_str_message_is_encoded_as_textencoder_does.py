"""``worker.email(raw)`` with ``raw`` a ``str``: its bytes are the UTF-8 JavaScript's
``TextEncoder`` writes for the string -- a lone surrogate is U+FFFD (EF BF BD), and two surrogate
code points that form a pair are the one character they stand for. Python's own
``encode("utf-8", "replace")`` writes ``?`` for each, which no JavaScript encoder does."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
from workers import Response, WorkerEntrypoint

SEEN = []


class Default(WorkerEntrypoint):
    async def email(self, message, env, ctx):
        SEEN.append(bytes(await Response(message.raw).bytes()))
'''

HEAD = "From: a@example.com\r\nTo: b@example.com\r\nMessage-ID: <m@example.com>\r\nSubject: x\r\n\r\n"


@pytest.mark.asyncio
@pytest.mark.parametrize(("body", "sent"), [
    ("a\udc80b", "a\ufffdb".encode()),  # a lone low surrogate
    ("\ud800", "\ufffd".encode()),  # a lone high surrogate
    ("\ud83d\ude00", "\U0001f600".encode()),  # a pair, as two code points: the one emoji
    ("caf\u00e9", "caf\u00e9".encode()),
])
async def test_a_str_message_reaches_the_handler_as_textencoder_encodes_it(tmp_path, body: str, sent: bytes) -> None:
    one_file_worker(tmp_path, ENTRY, date="2026-11-01")
    worker = load_worker(tmp_path)
    await worker.email(HEAD + body, from_="a@example.com", to="b@example.com")
    assert worker.module.SEEN == [HEAD.encode() + sent]
