"""Where the state file lives, and which strings may name an index in it."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from workers_env._errors import StateError

__all__ = ["DB_FILENAME", "MAX_INDEX_NAME_BYTES", "state_dir", "check_index_name"]

DB_FILENAME = "workers-env-vectorize.sqlite"
MAX_INDEX_NAME_BYTES = 64  # the larger of the v1 (63) and v2 (64) limits


def state_dir(persist_to: str | Path) -> Path:
    """Where Vectorize state lives under a wrangler-style state root (``.wrangler/state``)."""
    return Path(persist_to) / "v3" / "vectorize"


def check_index_name(name: object) -> str:
    """Return ``name`` if it can name an index in local state, else raise :class:`StateError`.

    Names are stored as data, never used as paths, so ``../x`` or ``/abs`` cannot escape
    the state folder; what is refused is what cannot be a name at all: non-strings, the
    empty string, control characters (NUL included), unpaired surrogates and names over
    64 UTF-8 bytes.
    """
    if not isinstance(name, str):
        raise StateError(f"index name must be a string, got {type(name).__name__}")
    if not name:
        raise StateError("index name must not be empty")
    surrogate = next((c for c in name if unicodedata.category(c) == "Cs"), None)
    if surrogate is not None:
        code = ord(surrogate)
        # U+DC80..U+DCFF is how Python carries a byte that is not UTF-8 (a command-line argument)
        origin = f" (the byte 0x{code - 0xDC00:02X}, which is not UTF-8)" if 0xDC80 <= code <= 0xDCFF else ""
        raise StateError(
            f"index name {name!r} is not valid Unicode: it holds the lone surrogate U+{code:04X}{origin}; "
            f"use a name of UTF-8 text"
        )
    bad = next((c for c in name if unicodedata.category(c) == "Cc"), None)
    if bad is not None:
        raise StateError(f"index name {name!r} contains the control character U+{ord(bad):04X}")
    size = len(name.encode("utf-8"))
    if size > MAX_INDEX_NAME_BYTES:
        raise StateError(f"index name {name!r} is {size} bytes; the limit is {MAX_INDEX_NAME_BYTES} bytes")
    return name

