"""Every Workers KV limit and every KV error text, in one place.

Two sources, as in production: the runtime's own checks before any request (workerd
``src/workerd/api/kv.c++``: empty, ``.``/``..`` and over-long keys, value types, option
types) and the service's answers, which the runtime turns into ``KV <OP> failed: <status>
<text>`` errors (texts as Miniflare's KV service writes them, which mirror the service's).
Each builder returns the :class:`~workers_env.JsException` to raise; no other module
formats a KV message.
"""

from __future__ import annotations

from workers_env._errors import JsException

__all__ = [
    "BULK_GET_TYPES",
    "GET_TYPES",
    "MAX_BULK_GET_KEYS",
    "MAX_BULK_VALUE_BYTES",
    "MAX_KEY_BYTES",
    "MAX_LIST_KEYS",
    "MAX_METADATA_BYTES",
    "MAX_VALUE_BYTES",
    "MIN_CACHE_TTL_SECONDS",
    "MIN_EXPIRATION_TTL_SECONDS",
]

MAX_KEY_BYTES = 512
MAX_VALUE_BYTES = 25 * 1024 * 1024  # 25 MiB
MAX_METADATA_BYTES = 1024
MAX_LIST_KEYS = 1000
MAX_BULK_GET_KEYS = 100
MAX_BULK_VALUE_BYTES = 25 * 1024 * 1024  # the sum of a bulk get's values
MIN_EXPIRATION_TTL_SECONDS = 60
MIN_CACHE_TTL_SECONDS = 30
GET_TYPES = ("text", "json", "arrayBuffer", "stream")
BULK_GET_TYPES = ("text", "json")


def _type_error(message: str) -> JsException:
    return JsException(message, name="TypeError")


def failed(op: str, status: int, text: str) -> JsException:
    """A non-2xx answer of the service, as the runtime reports it: ``KV PUT failed: 400 ...``."""
    return JsException(f"KV {op} failed: {status} {text}")


# -- the runtime's checks (before any request) ------------------------------------------
def empty_key() -> JsException:
    return _type_error("Key name cannot be empty.")


def dot_key(key: str) -> JsException:
    return _type_error(f'"{key}" is not allowed as a key name.')


def key_too_long(op: str, length: int) -> JsException:
    """A key (or ``list``'s prefix) over 512 UTF-8 bytes: the runtime's check and the service's
    say the same (workerd ``validateKeyName``, Miniflare ``validateKeyLength``)."""
    return failed(op, 414, f"UTF-8 encoded length of {length} exceeds key length limit of {MAX_KEY_BYTES}.")


def unknown_get_type() -> JsException:
    return _type_error('Unknown response type. Possible types are "text", "arrayBuffer", "json", and "stream".')


def bad_put_value() -> JsException:
    return _type_error("KV put() accepts only strings, ArrayBuffers, ArrayBufferViews, and ReadableStreams as values.")


def bad_argument(method: str, position: int, expected: str) -> JsException:
    """JSG's text for a positional argument of the wrong type (``get(42)``)."""
    return _type_error(
        f"Failed to execute '{method}' on 'KvNamespace': parameter {position} is not of type '{expected}'."
    )


# -- the service's answers ------------------------------------------------------------
def server_empty_key(op: str) -> JsException:
    return failed(op, 400, "Key names must not be empty")


def key_not_url_decodable(op: str) -> JsException:
    """The service's answer to a key holding a lone surrogate, which the runtime sends as
    WTF-8 bytes (``%ED%A0%80``) that ``decodeURIComponent`` refuses (Miniflare ``decodeKey``)."""
    return failed(op, 400, "Could not URL-decode key name")


def server_illegal_key(op: str, key: str) -> JsException:
    return failed(op, 400, f'Illegal key name "{key}". Please use a different name.')


def value_too_large(length: int) -> JsException:
    return failed("PUT", 413, f"Value length of {length} exceeds limit of {MAX_VALUE_BYTES}.")


def metadata_too_large(length: int) -> JsException:
    return failed("PUT", 413, f"Metadata length of {length} exceeds limit of {MAX_METADATA_BYTES}.")


def expiration_ttl_not_positive(raw: object) -> JsException:
    return failed("PUT", 400, f"Invalid expiration_ttl of {raw}. Please specify integer greater than 0.")


def expiration_ttl_too_short(raw: object) -> JsException:
    return failed(
        "PUT", 400,
        f"Invalid expiration_ttl of {raw}. Expiration TTL must be at least {MIN_EXPIRATION_TTL_SECONDS}.",
    )


def expiration_in_past(raw: object) -> JsException:
    return failed(
        "PUT", 400,
        f"Invalid expiration of {raw}. Please specify integer greater than the current number of seconds since the UNIX epoch.",
    )


def expiration_too_soon(raw: object) -> JsException:
    return failed(
        "PUT", 400,
        f"Invalid expiration of {raw}. Expiration times must be at least {MIN_EXPIRATION_TTL_SECONDS} seconds in the future.",
    )


def cache_ttl_too_short(op: str, raw: object) -> JsException:
    return failed(op, 400, f"Invalid cache_ttl of {raw}. Cache TTL must be at least {MIN_CACHE_TTL_SECONDS}.")


def list_limit_too_large(limit: int) -> JsException:
    # sic: the service says "less than 1000" and accepts 1000
    return failed("GET", 400, f"Invalid key_count_limit of {limit}. Please specify an integer less than {MAX_LIST_KEYS}.")


def bad_cursor() -> JsException:
    return failed("GET", 400, "Invalid cursor: pass the cursor a previous list() returned")


def bulk_too_many() -> JsException:
    return failed("GET_BULK", 400, f"You can request a maximum of {MAX_BULK_GET_KEYS} keys")


def bulk_too_few() -> JsException:
    return failed("GET_BULK", 400, "You must request a minimum of 1 key")


def bulk_bad_type(type_name: str) -> JsException:
    return failed("GET_BULK", 400, f'"{type_name}" is not a valid type. Use "json" or "text"')


def bulk_not_of_type(type_name: str) -> JsException:
    return failed("GET_BULK", 400, f"At least one of the requested keys corresponds to a non-{type_name} value")


def bulk_too_large() -> JsException:
    return failed("GET_BULK", 413, f"Total size of request exceeds the limit of {MAX_BULK_VALUE_BYTES // 1024 // 1024}MB")
