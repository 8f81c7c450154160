"""The options the SDK's ASGI and WSGI adapters share (workers-runtime-sdk ``workers/gateway``):
``asgi.Options`` / ``wsgi.Options``, frozen keyword-only dataclasses with ``encode_body``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, get_args

__all__ = ["BaseOptions", "EncodeBody", "with_options"]

EncodeBody = Literal["automatic", "manual"]


@dataclass(frozen=True, kw_only=True)
class BaseOptions:
    """``encode_body``: whether the runtime encodes the body by its ``Content-Encoding``
    (``"automatic"``: the app's plain body goes out gzipped under ``Content-Encoding: gzip``)
    or the app already did (``"manual"``: its bytes go as given), the ``Response`` init's
    ``encodeBody`` -- which the dev server applies as workerd does."""

    encode_body: EncodeBody = "automatic"

    def __post_init__(self) -> None:
        if self.encode_body not in get_args(EncodeBody):
            raise ValueError(f"encode_body must be one of {get_args(EncodeBody)}, got {self.encode_body!r}")

    def response_init(self) -> dict[str, Any]:
        """Extra keyword arguments for ``Response.new``."""
        return {"encodeBody": self.encode_body} if self.encode_body != "automatic" else {}


def with_options(response: Any, options: Any) -> Any:
    """``response`` built as the SDK builds it with ``options`` (``Response.new(...,
    **options.response_init())``): its ``encodeBody`` from ``encode_body``."""
    if isinstance(options, BaseOptions):
        response._encode_body = options.encode_body
    return response
