"""``workers-env vectorize insert|upsert`` refuses a v2 batch over Vectorize's upload size.

Cloudflare's v2 limits table: "Maximum vectors upload size: 100 MB", read as 104,857,600
bytes of the NDJSON wrangler uploads (a batch's lines joined by line feeds). Whitespace inside
a line is uploaded as it is, so padded lines reach the limit with a few vectors.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from workers_env.cli import main
from workers_env.vectorize.persistent import open_state

LIMIT = 104_857_600


#: the padding, written a block at a time: a line here is 50 MB, and a padding made whole for each
#: line (``b" " * size``) cost more CPU than the write itself (0.16-0.33 s -> 0.04 s a 100 MB file)
_SPACES = b" " * (1 << 20)


def _line(vector_id: str, size: int) -> list[bytes]:
    """One vector's NDJSON line of exactly ``size`` bytes (padded with spaces), in parts written
    one after the other (not joined first: a line here is 50 MB, copied at each join)."""
    head = b'{"id": "' + vector_id.encode() + b'", "values": [1, 0]'
    blocks, rest = divmod(size - len(head) - 1, len(_SPACES))
    return [head, *[_SPACES] * blocks, _SPACES[:rest], b"}"]


def _file(path: Path, sizes: list[int]) -> Path:
    with path.open("wb") as handle:
        for number, size in enumerate(sizes):
            handle.writelines((*_line(f"v{number}", size), b"\n"))
    return path


def _run(state: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["vectorize", *args, "--persist-to", str(state)])
    out, err = capsys.readouterr()
    return code, out, err


def _count(state: Path, name: str) -> int:
    with open_state(state) as store:
        return store.count_vectors(name)


@pytest.fixture
def state(tmp_path: Path) -> Path:
    return tmp_path / "state"


def test_a_batch_of_exactly_100_mb_is_written(state: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    half = LIMIT // 2
    nd = _file(tmp_path / "at.ndjson", [half, LIMIT - half - 1])  # two lines and one line feed: LIMIT bytes
    _run(state, capsys, "create", "docs", "--dimensions", "2", "--metric", "cosine")
    code, out, err = _run(state, capsys, "upsert", "docs", "--file", str(nd))
    assert (code, err) == (0, "")
    assert "Successfully enqueued 2 vectors" in out
    assert _count(state, "docs") == 2


def test_one_byte_over_is_refused_and_earlier_batches_stay(
    state: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    half = LIMIT // 2
    nd = _file(tmp_path / "over.ndjson", [100, 100, half, LIMIT - half])  # the second pair: LIMIT + 1 bytes
    _run(state, capsys, "create", "docs", "--dimensions", "2", "--metric", "cosine")
    code, out, err = _run(state, capsys, "insert", "docs", "--file", str(nd), "--batch-size", "2")
    assert code == 1
    assert (
        f"🚨 This batch of 2 vectors is {LIMIT + 1:,} bytes of NDJSON; Vectorize takes at most {LIMIT:,} bytes "
        "(100 MB) per upload: use a smaller --batch-size, such as 1." in err
    )
    assert "2 vectors from earlier batches" in err
    assert _count(state, "docs") == 2  # the first batch, none of the refused one

    code, out, err = _run(state, capsys, "insert", "docs", "--file", str(nd), "--batch-size", "1")
    assert (code, err) == (0, "")
    assert _count(state, "docs") == 4


def test_a_single_line_over_the_limit_says_so(state: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    nd = _file(tmp_path / "one.ndjson", [LIMIT + 1])
    _run(state, capsys, "create", "docs", "--dimensions", "2", "--metric", "cosine")
    code, _, err = _run(state, capsys, "upsert", "docs", "--file", str(nd))
    assert code == 1
    assert "one vector's line alone is over the limit" in err
    assert _count(state, "docs") == 0

    # v1's limits table has no upload size (its batches are at most 1,000 vectors): written
    _run(state, capsys, "create", "old", "--dimensions", "2", "--metric", "cosine", "--deprecated-v1")
    code, out, err = _run(state, capsys, "insert", "old", "--file", str(nd), "--deprecated-v1")
    assert (code, err) == (0, "")
    assert _count(state, "old") == 1
