"""The type names both Python SDKs export from ``workers`` (``workers/types.py``, ``blob.py``,
``formdata.py`` of workers-runtime-sdk; the built-in SDK's ``_workers.py``): Worker code imports
them for annotations (``ctx: Context``, ``cf: RequestInitCfProperties``), so a missing one stops a
Worker from loading. They are what the SDK defines: a Protocol, TypedDicts, a StrEnum and
string type aliases."""

from __future__ import annotations

from collections.abc import Awaitable
from enum import StrEnum
from http import HTTPMethod
from typing import TYPE_CHECKING, Any, Protocol, TypeAlias, TypedDict

__all__ = ["BlobEnding", "BlobValue", "Body", "Context", "FetchKwargs", "FormDataValue", "Headers", "JSBody",
           "RequestInitCfProperties"]


class Context(Protocol):
    """What a handler's ``ctx`` offers (``waitUntil``)."""

    def waitUntil(self, other: Awaitable[Any]) -> None: ...  # noqa: N802 - the JS name


if TYPE_CHECKING:  # js, JsBuffer and FormData are Pyodide's and the SDK's, with no stubs here: Any
    from typing import Any as FormData
    from typing import Any as JsBuffer
    js: Any

# the SDK's own text
JSBody: TypeAlias = "js.Blob | JsBuffer | js.FormData | js.ReadableStream | js.URLSearchParams"
Body: TypeAlias = "str | FormData | JSBody"
Headers: TypeAlias = "dict[str, str] | list[tuple[str, str]] | js.Headers"
BlobValue = "str | bytes | js.ArrayBuffer | js.TypedArray | js.DataView | js.Blob | Blob | File"
FormDataValue = "str | js.Blob | Blob"


class BlobEnding(StrEnum):
    """``Blob``'s ``endings`` option."""

    TRANSPARENT = "transparent"
    NATIVE = "native"


class RequestInitCfProperties(TypedDict, total=False):
    """A request's ``cf`` options (developers.cloudflare.com/workers/runtime-apis/request)."""

    apps: bool | None
    cacheEverything: bool | None
    cacheKey: str | None
    cacheTags: list[str] | None
    cacheTtl: int
    cacheTtlByStatus: dict[str, int]
    image: Any | None
    mirage: bool | None
    polish: str | None
    resolveOverride: str | None
    scrapeShield: bool | None
    webp: bool | None


class FetchKwargs(TypedDict, total=False):
    """``workers.fetch``'s keyword arguments (the Request options)."""

    headers: Headers | None
    body: Body | None
    method: HTTPMethod | None
    redirect: str | None
    cf: RequestInitCfProperties | None
    fetcher: Any | None


for _name in __all__:
    _value = globals()[_name]
    if isinstance(_value, type):
        _value.__module__ = "workers"
