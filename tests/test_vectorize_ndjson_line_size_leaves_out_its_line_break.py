"""The size ``vectorize insert|upsert`` counts of each NDJSON line toward Vectorize's 100 MB upload
limit (``ndjson.iter_sized_vectors``) is the line as wrangler uploads it: its bytes without its
line break, ``\\n`` or ``\\r\\n`` (a batch is its lines joined by line feeds), whitespace inside or
after the object counted as it is, a last line without a break whole (pin68: a CRLF line counted
with its ``\\r`` passed every test, the limit's own using LF files only)."""

from __future__ import annotations

from pathlib import Path

from workers_env.vectorize.ndjson import iter_sized_vectors

LINES = [
    '{"id": "crlf", "values": [1, 0]}',
    '{"id": "lf", "values": [0, 1]}',
    '{"id": "padded", "values": [1, 1]}   ',
    '{"id": "last", "values": [0, 0]}',
]


def test_each_lines_size_is_its_bytes_without_its_line_break(tmp_path: Path) -> None:
    path = tmp_path / "v.ndjson"
    path.write_bytes(f"{LINES[0]}\r\n{LINES[1]}\n{LINES[2]}\r\n{LINES[3]}".encode())
    sized = [(number, vector["id"], size) for number, vector, size in iter_sized_vectors(path)]
    assert sized == [(1, "crlf", len(LINES[0])), (2, "lf", len(LINES[1])), (3, "padded", len(LINES[2])),
                     (4, "last", len(LINES[3]))]
