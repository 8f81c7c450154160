"""Email Workers: the ``email`` handler and the message it receives, as Miniflare delivers one
to ``wrangler dev``'s ``/cdn-cgi/local/email`` (``handleEmail`` in miniflare's
``entry.worker.js``, wrangler 4.164.0): the sender and recipient from the URL, the raw message
in the body, its ``Bcc`` header stripped, a ``Message-ID`` required, 25 MiB at most.

The message has what production's ``ForwardableEmailMessage`` has -- ``from`` (``message.from_``
or ``getattr(message, "from")`` in Python), ``to``, ``headers``, ``raw`` (a stream), ``rawSize``,
``canBeForwarded``, ``setReject(reason)``, ``forward(rcptTo, headers)`` -- and
:class:`EmailResult` records what the handler did with it. ``reply()`` needs the sending half
of Email Routing (``cloudflare:email``'s ``EmailMessage``), which workers-env does not emulate.
"""

from __future__ import annotations

import email.utils
import logging
import re
import secrets
import time
from dataclasses import dataclass, field
from typing import Any

from workers_env._errors import NotEmulatedError, WorkersEnvError
from workers_env._jsvalues import JS_WHITESPACE
from workers_env._lazyre import lazy_pattern
from workers_env.runtime.jsbuffers import JsBuffer
from workers_env.runtime.jspromise import promise_call
from workers_env.runtime.jsproxy import JsObject, JsProxy
from workers_env.runtime.jsheaders import JsHeaders, read_back
from workers_env.runtime.jsweb import JsResponse

__all__ = ["EmailResult", "ForwardableEmailMessage", "MissingEmailHandler", "email_problem"]

log = logging.getLogger("workers_env.runtime")

#: production's limit on a message's size (Miniflare checks it too)
MAX_EMAIL_BYTES = 25 * 1024 * 1024
_ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"


class MissingEmailHandler(WorkersEnvError):
    """The Worker has no ``email`` handler to call: module-level handlers (a legacy Worker) have
    none (workerd's ``SUPPORTED_HANDLER_NAMES``), only a ``Default`` class's method can be one."""


@dataclass
class EmailResult:
    """What the ``email`` handler did, as Miniflare's ``?format=json`` answer reports it:
    ``outcome`` (``"ok"``, ``"exception"``), ``reject_reason`` (``setReject``), ``forwards``
    (``recipient``, ``headers``, ``messageId``) and the ``events`` in order."""

    outcome: str = "ok"
    reject_reason: str | None = None
    forwards: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        """Miniflare's JSON: ``{outcome, rejectReason, forwards, replies, events}``."""
        answer: dict[str, Any] = {"outcome": self.outcome}
        if self.reject_reason is not None:
            answer["rejectReason"] = self.reject_reason
        answer.update(forwards=self.forwards, replies=[], events=self.events)
        return answer


def _now() -> str:
    """An event's stamp: Miniflare's entry worker writes ``new Date().toISOString()`` in its own
    request, so the host's clock -- not the Worker's ``Date``, which reads 0 outside a request
    (the message is built before the handler runs)."""
    from workers_env.runtime.jsdate import JsDate

    return str(JsDate(time.time_ns() // 1_000_000).toISOString())


def _without_bcc(raw: bytes) -> bytes:
    """The message with its ``Bcc`` header (and its folded lines) removed, as Miniflare's
    ``stripEmailHeader`` delivers it; the body untouched."""
    end = re.search(rb"\r?\n(?=\r?\n)", raw)  # the last header line's end: the blank line follows
    head, rest = (raw[: end.end()], raw[end.end():]) if end else (raw, b"")
    kept: list[bytes] = []
    dropping = False
    for line in re.split(rb"(?<=\n)", head):
        if not line:
            continue
        if line[:1] in (b" ", b"\t"):  # a folded continuation of the previous header
            if not dropping:
                kept.append(line)
            continue
        dropping = line.split(b":", 1)[0].strip().lower() == b"bcc"
        if not dropping:
            kept.append(line)
    return b"".join(kept) + rest


_js_spaces = lazy_pattern(f"[{re.escape(JS_WHITESPACE)}]+")


def _postal_headers(raw: bytes) -> list[tuple[str, str]]:
    """The message's headers as postal-mime 2.4.3 (Miniflare's parser) reads them, in order:
    each line up to its last byte before the line end that is not CR or LF, decoded as UTF-8
    (an invalid byte U+FFFD, a BOM dropped: ``TextDecoder``), a line starting with whitespace
    joined to the one before, every run of JavaScript whitespace one space, the name (lowercased)
    and value trimmed -- so a folded ``Subject`` is one line and an 8-bit one is text."""
    lines: list[str] = []
    start = 0
    while start < len(raw):
        newline = raw.find(b"\n", start)
        end = len(raw) if newline < 0 else newline + 1
        line_bytes = raw[start:end].rstrip(b"\r\n")
        if not line_bytes:
            break
        text = line_bytes.decode("utf-8", "replace")
        lines.append(text[1:] if text.startswith("\ufeff") else text)
        start = end
    joined: list[str] = []
    for index, line in enumerate(lines):
        if index and joined and line[:1] and line[0] in JS_WHITESPACE:
            joined[-1] += "\n" + line
        else:
            joined.append(line)
    headers = []
    for line in joined:
        name, colon, value = _js_spaces().sub(" ", line).partition(":")
        headers.append((name.strip(JS_WHITESPACE).lower(), value.strip(JS_WHITESPACE) if colon else ""))
    return headers


def _last(headers: list[tuple[str, str]], name: str) -> str:
    """The value of the message's last ``name`` header, or ``""`` -- postal-mime looks a single
    header up in its list, which it holds last line first."""
    return next((value for key, value in reversed(headers) if key == name), "")


def email_problem(raw: bytes, mail_from: str | None, rcpt_to: str | None) -> str | None:
    """Why Miniflare refuses this delivery (a 400's text), or ``None`` to deliver it."""
    if not raw or not mail_from or not rcpt_to:
        return ("Invalid email. Your request must include URL parameters specifying the `from` and `to` addresses, "
                "as well as an email in the body")
    if len(raw) > MAX_EMAIL_BYTES:
        return "Email message size is bigger than the production size limit of 25 MiB."
    if not _last(_postal_headers(_without_bcc(raw)), "message-id"):
        return "Email could not be parsed: invalid or no message id provided"
    return None


def _message_id(sender: str) -> str:
    """Miniflare's ``synthesizeMessageId``: 36 random letters and digits at the sender's domain."""
    domain = sender.rpartition("@")[2] if "@" in sender else "localhost"
    return f"<{''.join(_ID_ALPHABET[b % len(_ID_ALPHABET)] for b in secrets.token_bytes(36))}@{domain or 'localhost'}>"


class ForwardableEmailMessage(JsProxy):
    """The message an ``email`` handler receives (``ForwardableEmailMessage``)."""

    _js_name = "ForwardableEmailMessage"

    def __init__(self, raw: bytes, mail_from: str, rcpt_to: str, result: EmailResult):
        delivered = _without_bcc(raw)
        headers = _postal_headers(delivered)
        sender = email.utils.parseaddr(_last(headers, "from"))[1] or ""
        if sender != mail_from:
            log.warning('Provided MAIL FROM address doesn\'t match the email message\'s "From" header:\n'
                        '  MAIL FROM: %s\n  "From" header: %s', mail_from, sender)
        recipients = [address for _, address in email.utils.getaddresses(
            [value for key, value in headers if key == "to" and value])]
        if rcpt_to not in recipients:
            log.warning('Provided RCPT TO address doesn\'t match any "To" header in the email message:\n'
                        '  RCPT TO: %s\n  "To" header: %s', rcpt_to, ", ".join(recipients))
        object.__setattr__(self, "_delivered", delivered)
        object.__setattr__(self, "_result", result)
        object.__setattr__(self, "_from", mail_from)
        self.to = rcpt_to
        self.rawSize = len(delivered)
        self.headers = JsHeaders([(key, value) for key, value in headers if key != "bcc"])
        self.canBeForwarded = True
        self.raw = JsResponse(JsBuffer(delivered)).body  # a ReadableStream of the message, as Miniflare's
        result.events.append({"type": "received", "timestamp": _now()})

    def __getattr__(self, name: str) -> Any:
        if name in ("from", "from_"):  # ``from`` is a Python keyword: Pyodide reads ``from_`` as ``from``
            return object.__getattribute__(self, "_from")
        return super().__getattr__(name)

    def setReject(self, reason: Any) -> None:  # noqa: N802 - JS name
        log.error('Email handler rejected message with the following reason: "%s"', reason)
        self._result.events.append({"type": "reject", "timestamp": _now()})
        self._result.reject_reason = str(reason)

    @promise_call
    async def forward(self, rcptTo: Any, headers: Any = None) -> JsObject:  # noqa: N803 - JS name
        extra = JsHeaders(headers) if headers is not None else JsHeaders()
        message_id = _message_id(str(rcptTo))
        log.info("Email handler forwarded message with\n  rcptTo: %s", rcptTo)
        self._result.events.append({"type": "forward", "timestamp": _now(), "messageId": message_id})
        lines = [[read_back(k), read_back(v)] for k, v in extra._pairs]
        self._result.forwards.append({"recipient": str(rcptTo), "headers": lines, "messageId": message_id})
        return JsObject({"messageId": message_id})

    @promise_call
    async def reply(self, message: Any) -> Any:
        raise NotEmulatedError(
            "ForwardableEmailMessage.reply() is not emulated by workers-env: it needs Email Routing's sending side "
            "(cloudflare:email's EmailMessage). setReject() and forward() are emulated")
