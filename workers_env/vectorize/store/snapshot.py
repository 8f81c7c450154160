"""Snapshots: one index's rows at one write ``seq``, in a file that opens at disk speed.

The SQLite state file stays the only source of truth; a snapshot is a cache beside it
(``<state folder>/snapshots/<index id>.wevs``) that lets a restart skip reading every row
through SQLite. Opening an index reads the newest valid snapshot, then catches up with the
writes committed after its ``seq`` exactly as a live index catches up with another
process's writes (rows by ``seq``, deletes by tombstone). So a snapshot can be stale, or
missing, or thrown away at any time, without any write being lost.

Layout: ``MAGIC``, a little-endian u32 header length, a JSON header (identity, sizes,
section offsets and checksums, itself covered by a CRC-32), then the sections; the vector
matrix starts on a page boundary and is mapped copy-on-write, not read: opening costs one
checksum pass over the pages, no copy into fresh memory. A snapshot is written to a
temporary file and renamed into place, so readers only ever see whole files; any that
fails a check (truncated, bit rot, another index's, newer than the state file) is ignored
and the rows come from SQLite.
"""

from __future__ import annotations

import contextlib
import json
import mmap
import os
import uuid
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from workers_env._jsontext import compact_json

__all__ = ["SNAPSHOT_MIN_BYTES", "Snapshot", "read_snapshot", "remove_snapshot", "snapshot_path", "write_snapshot"]

MAGIC = b"WEVSNAP1"
FORMAT = 1
SNAPSHOT_MIN_BYTES = 8 << 20  # indexes with fewer bytes of vectors open fast enough from SQLite
_PAGE = 4096
_BLOCK_WORDS = 512  # one checksum block: 4 KiB of 8-byte words


@dataclass
class Snapshot:
    """The rows of one index at write ``seq``, columnar, as :meth:`IndexCore.adopt` takes them."""

    seq: int
    ids: list[str]
    values: np.ndarray  # (n, dimensions) float32, a writable copy-on-write mapping
    namespaces: list[str | None]
    metadata: list[dict[str, Any]]
    seqs: np.ndarray
    sqnorms: np.ndarray


def snapshot_path(state_file: Path, index_id: str) -> Path:
    return state_file.parent / "snapshots" / f"{index_id}.wevs"


def _checksum(data: memoryview | bytes) -> list[int]:
    """Two wrapping 64-bit sums over 4 KiB blocks: of the blocks, and weighted by position.

    At memory speed (one numpy pass), unlike a CRC of a few GB; it catches truncation,
    flipped bits, zeroed or exchanged pages.
    """
    raw = np.frombuffer(data, dtype=np.uint8)
    words = len(raw) // 8
    whole = words // _BLOCK_WORDS
    u64 = raw[: words * 8].view("<u8")
    blocks = u64[: whole * _BLOCK_WORDS].reshape(whole, _BLOCK_WORDS).sum(axis=1, dtype=np.uint64)
    tail = int(u64[whole * _BLOCK_WORDS :].sum(dtype=np.uint64)) + int.from_bytes(bytes(raw[words * 8 :]), "little")
    weights = np.arange(1, whole + 1, dtype=np.uint64)
    s1 = (int(blocks.sum(dtype=np.uint64)) + tail) & 0xFFFFFFFFFFFFFFFF
    s2 = (int((blocks * weights).sum(dtype=np.uint64)) + tail * (whole + 1)) & 0xFFFFFFFFFFFFFFFF
    return [s1, s2, len(raw)]


def write_snapshot(path: Path, *, uid: int, index_id: str, seq: int, dimensions: int, metric: str,
                   ids: list[str], values: np.ndarray, namespaces: list[str | None],
                   metadata: list[dict[str, Any]], seqs: np.ndarray, sqnorms: np.ndarray) -> None:
    """Write the snapshot atomically (temporary file, then rename); errors propagate (OSError)."""
    n = len(ids)
    sep = not any("\x00" in i for i in ids)
    ids_blob = ("\x00".join(ids) if sep else compact_json(ids)).encode("utf-8", "surrogatepass")
    names: list[str] = []
    code_of: dict[str, int] = {}
    codes = np.full(n, -1, dtype="<i4")
    if any(ns is not None for ns in namespaces):
        for i, ns in enumerate(namespaces):
            if ns is not None:
                codes[i] = code_of.setdefault(ns, len(names))
                if codes[i] == len(names):
                    names.append(ns)
    meta_rows = [i for i, m in enumerate(metadata) if m]
    sections: dict[str, bytes | memoryview] = {
        "ids": ids_blob,
        "namespace_names": compact_json(names).encode("utf-8", "surrogatepass"),
        "namespace_codes": codes.tobytes(),
        "metadata_rows": np.asarray(meta_rows, dtype="<i8").tobytes(),
        "metadata": compact_json([metadata[i] for i in meta_rows]).encode("utf-8", "surrogatepass"),
        "seqs": np.ascontiguousarray(seqs, dtype="<i8").tobytes(),
        "sqnorms": np.ascontiguousarray(sqnorms, dtype="<f8").tobytes(),
    }
    matrix = np.ascontiguousarray(values, dtype="<f4").data.cast("B")
    header: dict[str, Any] = {
        "format": FORMAT, "uid": uid, "index_id": index_id, "seq": seq, "count": n,
        "dimensions": dimensions, "metric": metric, "ids": "nul" if sep else "json", "sections": {},
    }
    offset = 0  # from the end of the (page-padded) header
    for name, blob in sections.items():
        header["sections"][name] = [offset, len(blob), _checksum(blob)]
        offset += len(blob)
    pad = (-offset) % _PAGE  # the matrix starts on a page boundary
    header["sections"]["vectors"] = [offset + pad, len(matrix), _checksum(matrix)]
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * ((-(len(MAGIC) + 4 + len(text) + 4)) % _PAGE)  # JSON allows trailing blanks
    head = MAGIC + len(text).to_bytes(4, "little") + text + zlib.crc32(text).to_bytes(4, "little")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex}.tmp")
    try:
        with open(tmp, "wb") as out:
            out.write(head)
            for blob in sections.values():
                out.write(blob)
            out.write(b"\x00" * pad)
            out.write(matrix)
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def remove_snapshot(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def read_snapshot(path: Path, *, uid: int, index_id: str, max_seq: int, dimensions: int,
                  metric: str) -> Snapshot | None:
    """The snapshot at ``path`` if it is whole and belongs to this index at or before
    ``max_seq``; ``None`` otherwise (then the caller reads the rows from SQLite)."""
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size < len(MAGIC) + 8 or handle.read(len(MAGIC)) != MAGIC:
                return None
            text_len = int.from_bytes(handle.read(4), "little")
            if text_len > size:
                return None
            text = handle.read(text_len)
            if zlib.crc32(text).to_bytes(4, "little") != handle.read(4):
                return None
            header = json.loads(text)
            base = len(MAGIC) + 4 + text_len + 4
            if (header.get("format"), header.get("uid"), header.get("index_id"), header.get("dimensions"),
                    header.get("metric")) != (FORMAT, uid, index_id, dimensions, metric):
                return None
            seq, n = header["seq"], header["count"]
            if not (isinstance(seq, int) and 0 <= seq <= max_seq and isinstance(n, int) and n >= 0):
                return None
            sections = header["sections"]
            end = max(base + off + length for off, length, _ in sections.values())
            if end != size or sections["vectors"][1] != n * dimensions * 4:
                return None
            # copy-on-write (MAP_POPULATE would copy every page of a private writable map)
            mapped = mmap.mmap(handle.fileno(), size, flags=mmap.MAP_PRIVATE,
                               prot=mmap.PROT_READ | mmap.PROT_WRITE)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    view = memoryview(mapped)
    parts: dict[str, memoryview] = {}
    for name, (off, length, checksum) in sections.items():
        part = view[base + off : base + off + length]
        if _checksum(part) != checksum:
            return None
        parts[name] = part
    try:
        raw_ids = bytes(parts["ids"]).decode("utf-8", "surrogatepass")
        ids = (raw_ids.split("\x00") if raw_ids else []) if header["ids"] == "nul" else json.loads(raw_ids)
        names = json.loads(bytes(parts["namespace_names"]).decode("utf-8", "surrogatepass"))
        meta_rows = np.frombuffer(parts["metadata_rows"], dtype="<i8")
        meta_values = json.loads(bytes(parts["metadata"]).decode("utf-8", "surrogatepass"))
    except (UnicodeDecodeError, ValueError):
        return None
    codes = np.frombuffer(parts["namespace_codes"], dtype="<i4")
    if len(ids) != n or len(codes) != n or len(meta_rows) != len(meta_values):
        return None
    namespaces: list[str | None] = [None] * n
    metadata: list[dict[str, Any]] = [{} for _ in range(n)]
    try:  # a code or row out of range is damage the checksums missed: read from SQLite instead
        if names:
            namespaces = [names[c] if c >= 0 else None for c in codes.tolist()]
        for row, value in zip(meta_rows.tolist(), meta_values, strict=True):
            if not 0 <= row < n:
                return None
            metadata[row] = value
    except (IndexError, TypeError):
        return None
    values = np.frombuffer(parts["vectors"], dtype="<f4").reshape(n, dimensions)
    return Snapshot(
        seq=seq, ids=ids, values=values, namespaces=namespaces, metadata=metadata,
        seqs=np.frombuffer(parts["seqs"], dtype="<i8"), sqnorms=np.frombuffer(parts["sqnorms"], dtype="<f8"),
    )
