"""``escape`` and ``unescape``: ECMAScript's legacy percent-encoding (Annex B), V8's in workerd.

``escape`` leaves ASCII letters, digits and ``@*_+-./`` as they are and writes every other UTF-16
unit as ``%XX`` (below 256, upper-case hex) or ``%uXXXX``; ``unescape`` reads both forms back and
leaves any other ``%`` as it is (measured under ``wrangler dev`` 4.164.0:
``escape('a b+ü€😀')`` is ``a%20b+%FC%u20AC%uD83D%uDE00``; ``escape()`` is ``"undefined"``).
"""

from __future__ import annotations

import re
import string
from typing import Any

from workers_env.runtime.jsglobals import js_text

__all__ = ["escape", "unescape"]

_KEPT = frozenset(string.ascii_letters + string.digits + "@*_+-./")
_ESCAPE = re.compile(r"%u([0-9A-Fa-f]{4})|%([0-9A-Fa-f]{2})")


def escape(value: Any = None, *_ignored: Any) -> str:
    units = js_text(value).encode("utf-16-le", "surrogatepass")
    out = []
    for i in range(0, len(units), 2):
        unit = units[i] | units[i + 1] << 8
        ch = chr(unit)
        out.append(ch if ch in _KEPT else f"%{unit:02X}" if unit < 256 else f"%u{unit:04X}")
    return "".join(out)


def unescape(value: Any = None, *_ignored: Any) -> str:
    text = _ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), js_text(value))
    # lone surrogates from %uD83D%uDE00 pair up as JavaScript's string holds them
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
