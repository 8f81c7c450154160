"""``worker.fetch(url, params=...)``: query parameters added to the URL as an HTTP client adds them.

A test of a FastAPI or Starlette app is usually written with Starlette's ``TestClient`` (httpx),
``client.get("/search", params={"q": "cats"})``; ``worker.fetch`` takes the same argument and
writes its values as httpx 0.29 does: ``application/x-www-form-urlencoded`` (a space ``+``), a
list value repeating its name, ``True``/``False`` as ``true``/``false``, ``None`` an empty value.
They go after the URL's own query, as requests and httpx before 0.28 put them (httpx 0.28 and
0.29 replace that query with them, which drops the URL's ``?page=2`` without a word).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode, urlsplit, urlunsplit

from workers_env._errors import users_mistake

__all__ = ["with_query_params"]

_TAKES = ('worker.fetch(params=...) takes a dict of query parameters ({"q": "cats", "tag": ["a", "b"]}) '
          "or a list of (name, value) pairs, names str and values str, int, float, bool or None")


def _text(value: Any) -> str:
    """httpx's ``primitive_value_to_str``."""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return ""
    return str(value)


def _pairs(params: Any) -> list[tuple[str, str]]:
    if isinstance(params, Mapping):
        items = list(params.items())
    elif isinstance(params, (list, tuple)) and all(isinstance(p, (list, tuple)) and len(p) == 2 for p in params):
        items = [(p[0], p[1]) for p in params]
    else:
        raise users_mistake(TypeError(f"{_TAKES}; got {type(params).__name__}"))
    pairs: list[tuple[str, str]] = []
    for name, value in items:
        if not isinstance(name, str):  # httpx would write str(name): a 1 or None as the name "1", "None"
            raise users_mistake(TypeError(f"{_TAKES}; got the name {name!r} ({type(name).__name__})"))
        values = list(value) if isinstance(value, (list, tuple)) else [value]
        for one in values:
            if not (one is None or isinstance(one, (str, int, float))):  # httpx: str(), b'...' for bytes
                raise users_mistake(TypeError(f"{_TAKES}; got {name!r}: {type(one).__name__}"))
            pairs.append((name, _text(one)))
    return pairs


def with_query_params(url: str, params: Any) -> str:
    """``url`` with ``params`` after its own query (before a ``#fragment``)."""
    if params is None:
        return url
    added = urlencode(_pairs(params))
    if not added:
        return url
    parts = urlsplit(url)
    query = f"{parts.query}&{added}" if parts.query else added
    return urlunsplit(parts._replace(query=query))
