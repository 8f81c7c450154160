"""``fetch`` of a ``data:`` URL, answered by the runtime itself as workerd answers it.

workerd's ``fetchImplNoOutputLock`` (http.c++) reads a request's URL with ``DataUrl::tryParse``
(data-url.c++) before any fetcher or ``Fetcher::parseUrl``: a ``data:`` URL with a comma is a
``200 OK`` response whose only header is the ``content-type`` of its MIME type (workerd's
``MimeType`` parser and serializer, util/mimetype.c++; ``text/plain;charset=US-ASCII`` when it
cannot be parsed) and whose body -- a GET's only, any other method's is null -- is the data
percent-decoded, and base64-decoded when the MIME type ends ``;base64`` (leniently: characters
outside the alphabet skipped). Its ``url`` is ``""``. One without a comma is not a data URL to
it: ``Fetch API cannot load: <url>``, as any other scheme. Measured under ``wrangler dev``
4.164.0, the same at 2024-06-02 and 2025-09-01.

Every fetcher goes through that function, so a binding's own ``fetch`` -- ``env.ASSETS``, a
service binding, a Durable Object's stub (``Fetcher::fetch`` is ``fetchImpl(js, JSG_THIS, ...)``)
-- answers a ``data:`` URL the same way without the binding seeing it, and refuses a URL of
another scheme as ``Fetcher::parseUrl`` does before asking it (:func:`fetcher_answer`;
measured under ``wrangler dev`` 4.164.0 for all three).
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass
from typing import Any

import ada_url

from workers_env._errors import JsException
from workers_env.runtime.current import current_runtime
from workers_env.runtime.jsglobals import JsURL
from workers_env.runtime.jsweb import FETCHER_INIT, JsRequest, JsResponse, init_options
from workers_env.runtime.legacyurl import (
    fetch_cannot_load,
    is_legacy_http_url,
    parse_legacy_url,
)
from workers_env.runtime.mimetype import parse_mime_type

__all__ = ["DataUrl", "answered_before_the_binding", "data_url_response", "fetcher_answer", "fetches_data_url",
           "parse_data_url"]

_ASCII_WHITESPACE = "\t\n\f\r "
_PLAINTEXT_ASCII = "text/plain;charset=US-ASCII"
_PERCENT = re.compile(rb"%([0-9A-Fa-f]{2})")
_BASE64_ALPHABET = re.compile(rb"[^A-Za-z0-9+/]")


@dataclass(frozen=True)
class DataUrl:
    """A parsed ``data:`` URL: its serialized MIME type and its bytes."""

    mime_type: str
    data: bytes


def parse_data_url(url: str) -> DataUrl | None:
    """``DataUrl::tryParse(url)``: None when ``url`` is not a ``data:`` URL with a comma."""
    if "," not in url:  # no data URL, and no parse for the common fetch
        return None
    try:
        parsed = ada_url.URL(url)
    except ValueError:
        return None
    if parsed.protocol != "data:":
        return None
    href = parsed.href.partition("#")[0][5:]  # IGNORE_FRAGMENTS, then "data:" dropped
    label, comma, data = href.partition(",")
    if not comma:
        return None
    label = label.strip(_ASCII_WHITESPACE)
    decoded = _percent_decode(data.encode("utf-8"))
    semicolon = label.rfind(";")
    if semicolon >= 0 and label[semicolon + 1:].strip(_ASCII_WHITESPACE).lower() == "base64":
        label = label[:semicolon]
        decoded = _lenient_base64(decoded)
    if label.startswith(";"):
        label = "text/plain" + label
    mime = parse_mime_type(label)
    return DataUrl(_PLAINTEXT_ASCII if mime is None else str(mime), decoded)


def data_url_response(js_request: JsRequest, data_url: DataUrl) -> JsResponse:
    """What workerd's ``fetch`` answers for a ``data:`` URL: ``200 OK``, the ``content-type`` of
    its MIME type, its bytes as the body of a GET (a null body else)."""
    body = data_url.data if js_request.method == "GET" else None
    return JsResponse(body, None, status=200, statusText="OK", headers=[("content-type", data_url.mime_type)])


def fetches_data_url(resource: Any) -> bool:
    """Whether ``fetch(resource)`` is of a ``data:`` URL (a string, a ``URL`` or a Request's)."""
    url = _url_of(resource)
    return url is not None and parse_data_url(url) is not None


def _url_of(resource: Any) -> str | None:
    if isinstance(resource, JsRequest):
        return resource.url
    return str(resource) if isinstance(resource, (str, JsURL)) else None


def answered_before_the_binding(resource: Any) -> bool:
    """Whether a Fetcher binding's ``fetch(resource)`` never reaches the binding in workerd: its
    URL is not an absolute ``http``/``https`` one as the era reads it (a ``data:`` URL, another
    scheme, one that does not parse) -- :func:`fetcher_answer` answers or refuses it. From
    ``fetch_standard_url`` the WHATWG parser's reading; before it kj's (``Fetcher::parseUrl``),
    which refuses ``http://x\\back`` and ``http://%41/`` and takes ``http://h:99999/`` (measured
    under ``wrangler dev`` 4.164.0 for ``env.ASSETS``, a service binding and a Durable Object stub)."""
    url = _url_of(resource)
    if url is None:
        return False
    if getattr(current_runtime(), "fetch_standard_url", True):
        if url.startswith(_HTTP_PREFIXES) and ada_url.check_url(url):
            return False  # the common case, without building a URL
        try:
            return ada_url.URL(url).protocol not in ("http:", "https:")
        except ValueError:
            return True
    return not is_legacy_http_url(url)


_HTTP_PREFIXES = ("https://", "http://")


def fetcher_answer(resource: Any, init: Any = None) -> JsResponse | None:
    """A Fetcher binding's ``fetch(resource, init)`` of a URL workerd answers or refuses before
    the binding is asked (``fetchImplNoOutputLock``): the Request made of them -- its errors
    raised first (``Invalid URL`` of a relative one, from ``fetch_standard_url``) --, then a
    ``data:`` URL answered (``DataUrl::tryParse``), then ``Fetcher::parseUrl``'s ``TypeError:
    Fetch API cannot load: <url>`` for a scheme other than ``http``/``https``
    (``fetch_refuses_unknown_protocols``) or, before ``fetch_standard_url``, a URL kj's parser
    does not take (a relative one: measured under ``wrangler dev`` 4.164.0 for ``env.ASSETS``, a
    service binding and a Durable Object stub). None for an absolute ``http``/``https`` URL,
    which the binding answers; the Request is made only for the others, so that such a one's
    body is left to the binding."""
    if not answered_before_the_binding(resource):
        return None
    js_request = JsRequest.from_options(resource, init_options(init, {}, FETCHER_INIT))
    data_url = parse_data_url(js_request.url)
    if data_url is not None:
        return data_url_response(js_request, data_url)
    url = js_request.url
    if getattr(current_runtime(), "fetch_standard_url", True):
        scheme = JsURL(url).protocol[:-1]
    else:
        legacy = parse_legacy_url(url)
        scheme = "" if legacy is None else legacy.scheme
    if scheme not in ("http", "https"):
        raise JsException(fetch_cannot_load(url), name="TypeError")
    return None


def _percent_decode(data: bytes) -> bytes:
    """``jsg::Url::percentDecode``: ``%XX`` as its byte, a ``%`` not followed by two hex digits as is."""
    return _PERCENT.sub(lambda m: bytes([int(m.group(1), 16)]), data)


def _lenient_base64(data: bytes) -> bytes:
    """data-url.c++ ``decodeDataUrlBase64``: bytes outside the alphabet (padding too) skipped, a
    final lone character dropped, the rest decoded with loose tails; a failure is no bytes."""
    kept = _BASE64_ALPHABET.sub(b"", data)
    if len(kept) % 4 == 1:
        kept = kept[:-1]
    try:
        return base64.b64decode(kept + b"=" * (-len(kept) % 4))
    except (binascii.Error, ValueError):
        return b""
