"""Vectors from NDJSON, the format ``wrangler vectorize insert --file`` takes.

One JSON object per line: ``{"id": "1", "values": [...], "metadata": {...}, "namespace": "n"}``.
Blank lines and a UTF-8 byte order mark at the start are skipped. Only the framing is checked here (UTF-8, JSON, one object per
line); the binding validates vectors.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from os import PathLike
from pathlib import Path
from typing import Any, BinaryIO, cast

from workers_env._errors import ConfigError
from workers_env._jsontext import json_int

__all__ = ["iter_ndjson_vectors", "iter_numbered_vectors", "iter_sized_vectors", "read_ndjson_vectors"]

# one decoder for every line: ``json.loads(..., parse_int=...)`` builds a new ``JSONDecoder`` per
# call, a fifth of the time a 100,000-line file took to read (the decoder keeps no state between lines)
_DECODER = json.JSONDecoder(parse_int=json_int)
# its scanner (C's; what its decode calls after its whitespace checks): the value at a position
# and where it ends (typeshed does not list the attribute)
_SCAN: Callable[[str, int], tuple[Any, int]] = cast(Any, _DECODER).scan_once
# how much of a vectors file is read at once (split at line feeds: _line_lists)
_CHUNK = 1 << 20


def iter_numbered_vectors(path: str | PathLike[str]) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield ``(line number, vector object)`` per non-blank line; a bad line raises
    :class:`ConfigError` naming the file and the line (and the column or byte)."""
    for number, obj, _ in iter_sized_vectors(path):
        yield number, obj


def iter_sized_vectors(path: str | PathLike[str]) -> Iterator[tuple[int, dict[str, Any], int]]:
    """Yield ``(line number, vector object, bytes)`` per non-blank line, ``bytes`` being the
    line's size without its line break, as ``wrangler vectorize insert`` uploads it (its
    readline keeps a leading byte order mark, so the size does too)."""
    file = Path(path)
    try:
        handle = file.open("rb")
    except OSError as exc:
        raise ConfigError(f"cannot read vectors file {file}: {exc.strerror or exc}") from None
    number = 0
    with handle:
        for lines, broken in _line_lists(handle):
            for raw in lines:
                number += 1
                # the usual line, an object ending in "}", read in one C call: its object is
                # what the checks below give, or the line goes through them (which then raise
                # the same error); 100,000 short lines took 2.5x the time through them all
                if raw[:1] == b"{" and raw[-1:] == b"}":
                    try:
                        text = str(raw, "utf-8")
                        obj, end = _SCAN(text, 0)
                    except (UnicodeDecodeError, ValueError, StopIteration, RecursionError):
                        pass
                    else:
                        if end == len(text):
                            yield number, obj, len(raw)
                            continue
                found = _checked_line(file, number, raw, broken)
                if found is not None:
                    yield found


def _line_lists(handle: BinaryIO) -> Iterator[tuple[list[bytes], bool]]:
    """The file's lines without their line feeds, a list at a time, each list with whether its
    lines ended in one (all but a last line without). Read in chunks of 1 MiB and split in C
    (as the file's ``readline`` splits only at line feeds): a file of two 50 MB lines was read
    in 321 ms of CPU line by line, 269 ms so, and 100,000 short lines take one list a chunk."""
    pending: list[bytes] = []
    while chunk := handle.read(_CHUNK):
        parts = chunk.split(b"\n")
        if len(parts) == 1:
            pending.append(chunk)
            continue
        if pending:
            pending.append(parts[0])
            parts[0] = b"".join(pending)
            pending = []
        tail = parts.pop()
        if tail:
            pending.append(tail)
        yield parts, True
    if pending:
        yield [b"".join(pending)], False


def _checked_line(file: Path, number: int, raw: bytes, broken: bool) -> tuple[int, dict[str, Any], int] | None:
    """The vector object of a line taken apart step by step (``raw`` without its line feed,
    ``broken`` if it had one), ``None`` for a blank line; else a :class:`ConfigError`."""
    # its size without its line break, \r\n or \n, as wrangler uploads it
    size = len(raw) - (1 if broken and raw.endswith(b"\r") else 0)
    if number == 1 and raw.startswith(b"\xef\xbb\xbf"):  # a UTF-8 BOM (Windows editors write
        raw = raw[3:]  # one) is no character of the file, as wrangler's JSON readers skip it
    # without its line break (every \r at its end): an object left open is then reported at
    # the end of the line (column 27), not at column 1 of the line after it. Decoded from a
    # view of the bytes before the break: a line of 50 MB is not copied again by an rstrip,
    # nor by a strip to see whether it is blank (isspace stops at the first character that is not)
    end = len(raw)
    while end and raw[end - 1] == 13:
        end -= 1
    try:
        line = str(memoryview(raw)[:end], "utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(
            f"{file}:{number}: not valid UTF-8 (byte 0x{raw[exc.start]:02X} at byte {exc.start + 1} of the "
            f"line); save the file as UTF-8"
        ) from None
    if not line or line.isspace():
        return None
    try:
        if line.startswith("\ufeff"):  # json.loads's own check, which the decoder does not make
            raise json.JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", line, 0)
        obj = _DECODER.decode(line)
    except json.JSONDecodeError as exc:
        raise ConfigError(f"{file}:{number}: not valid JSON ({exc.msg} at column {exc.colno})") from None
    except RecursionError:
        raise ConfigError(f"{file}:{number}: the JSON nests too deeply to read") from None
    if not isinstance(obj, dict):
        raise ConfigError(f"{file}:{number}: each line must be a JSON object with id and values")
    return number, obj, size


def iter_ndjson_vectors(path: str | PathLike[str]) -> Iterator[dict[str, Any]]:
    """Yield one vector object per non-blank line; a bad line raises naming file and line."""
    for _, obj in iter_numbered_vectors(path):
        yield obj


def read_ndjson_vectors(path: str | PathLike[str]) -> list[dict[str, Any]]:
    """All vectors of an NDJSON file as a list (see :func:`iter_ndjson_vectors`)."""
    return list(iter_ndjson_vectors(path))
