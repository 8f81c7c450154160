"""``assets.base_path``: the request prefix the assets are served under, as wrangler 4.168.0's
asset worker reads it (workers-sdk ``workers-shared/utils/base-path.ts``: ``normalizeBasePath``;
``asset-worker/src/utils/base-path.ts``: ``isWithinBase``, ``stripBasePath``, ``addBasePath``).

A valid base is ``/`` or ``/seg/.../`` (empty and ``.`` segments dropped, ``..`` pops one);
a request path is inside it when it is the base without its last slash or starts with the base,
and the asset looked up is the path with the base taken off.
"""

from __future__ import annotations

import re

from workers_env._sentvalues import json_typeof

__all__ = ["add_base_path", "normalize_base_path", "strip_base_path"]

_CONTROL = re.compile("[\u0000-\u001f\u007f]")
_SCHEME = re.compile(r"[a-zA-Z][a-zA-Z\d+.-]*:")


def normalize_base_path(value: object) -> tuple[str | None, str | None]:
    """(the canonical base, ``None``) or (``None``, the asset worker's error text)."""
    if value == "/":
        return "/", None
    if not isinstance(value, str):
        return None, f"Expected a string but got {'undefined' if value is None else json_typeof(value)}."
    if not value:
        return None, "The value must not be empty."
    if value.startswith("//") or _SCHEME.match(value):
        return None, "The value must be a pathname, not a URL."
    if "\\" in value:
        return None, "The value must not contain backslashes."
    if _CONTROL.search(value):
        return None, "The value must not contain control characters."
    if "?" in value or "#" in value:
        return None, "The value must not contain query strings or fragments."
    if "%" in value:
        return None, "The value must not contain percent-encoded sequences."
    segments: list[str] = []
    for segment in value.split("/"):
        if segment in ("", "."):
            continue
        if segment == "..":
            if segments:
                segments.pop()
            continue
        segments.append(segment)
    return ("/" + "/".join(segments) + "/" if segments else "/"), None


def strip_base_path(decoded: str, base: str) -> tuple[bool, str]:
    """``stripBasePath``: (whether the decoded path is inside the base, the asset path)."""
    if base == "/":
        return True, decoded
    if not (decoded == base[:-1] or decoded.startswith(base)):
        return False, decoded
    return True, decoded[len(base) - 1:] or "/"


def add_base_path(path: str, base: str) -> str:
    """``addBasePath``: an asset-relative path (a redirect's target) as the public path."""
    if base == "/":
        return path
    return base if path == "/" else base[:-1] + path
