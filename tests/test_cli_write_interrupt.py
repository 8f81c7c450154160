"""Ctrl+C during ``workers-env vectorize insert/upsert --file``: the batch in flight is
finished, the rest is not written, the command says how many vectors were written and how
to resume, and exits 130 without a traceback.

Deterministic without timing: the child prints one progress line per committed batch and
the test stops reading stdout after the first, so the child blocks on the full pipe (64 KiB)
long before it could reach the end of the file; SIGINT arrives while it is blocked.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import forkserver
import pytest

import workers_env
from workers_env.cli import main
from workers_env.vectorize.persistent import open_state

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process is POSIX-only")

VECTORS = 3000  # one progress line (~110 bytes) per vector: ~330 KB, far beyond a pipe's buffer


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(Path(workers_env.__file__).resolve().parents[1])}


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "workers_env", "vectorize", *args]


@pytest.fixture
def big_file(tmp_path: Path) -> Path:
    path = tmp_path / "big.ndjson"
    path.write_text("".join(json.dumps({"id": f"v{i}", "values": [1.0, float(i)]}) + "\n" for i in range(VECTORS)))
    return path


def _interrupt_after_first_line(args: list[str]) -> tuple[int, str, str, str]:
    child = forkserver.popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env())
    try:
        first = child.stdout.readline()  # type: ignore[union-attr]
        child.send_signal(signal.SIGINT)
        # read through the same buffered file objects (communicate() would skip what
        # readline() already buffered); stderr is a few lines, so it cannot block the child
        out = child.stdout.read()  # type: ignore[union-attr]
        err = child.stderr.read()  # type: ignore[union-attr]
        child.wait(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        child.stdout.close()  # type: ignore[union-attr]
        child.stderr.close()  # type: ignore[union-attr]
    return child.returncode, first, out, err


@pytest.mark.parametrize(("op", "version"), [("upsert", "v2"), ("insert", "v1")])
def test_ctrl_c_stops_after_the_batch_in_flight(
    tmp_path: Path, big_file: Path, op: str, version: str, capsys: pytest.CaptureFixture[str]
) -> None:
    state = tmp_path / "state"
    create = ["vectorize", "create", "docs", "--dimensions", "2", "--metric", "cosine", "--persist-to", str(state)]
    assert main(create + (["--deprecated-v1"] if version == "v1" else [])) == 0

    flag = ["--deprecated-v1"] if version == "v1" else []  # wrangler's insert into a v1 index needs it
    code, first, out, err = _interrupt_after_first_line(
        _cli(op, "docs", "--file", str(big_file), "--batch-size", "1", *flag, "--persist-to", str(state))
    )

    assert first.startswith("✨ ")
    assert code == 130, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
    assert err.startswith("Stopping after the batch in flight (press Ctrl+C again to stop at once)...\n")
    progress = 1 + sum(line.startswith("✨ ") for line in out.splitlines())
    assert "Successfully" not in out
    with open_state(state) as store:
        count = store.count_vectors("docs")
    # every progress line is a committed batch of one vector, and nothing beyond them was written
    assert count == progress < VECTORS
    assert f"Interrupted: {count} vectors from {big_file} were written to index 'docs' (the file up to line {count}); " \
        "the rest of the file was not.\n" in err
    redo = "skips the ids already written" if op == "insert" else "writes the same vectors again"
    assert f"\n    To finish, run the same command again ({op} {redo}):\n" in err  # indented as every ERROR's note
    assert f"\n    or write only the rest, from line {count + 1} on:\n" in err
    again = " ".join(["--file", str(big_file), *flag, "--persist-to", str(state)])
    assert f"workers-env vectorize {op} docs {again}" in err
    assert f"tail -n +{count + 1} {big_file} > rest.ndjson && workers-env vectorize {op} docs --file rest.ndjson " \
        f"{' '.join([*flag, '--persist-to', str(state)])}" in err

    # resuming from the line the message names writes exactly the rest
    rest = tmp_path / "rest.ndjson"
    rest.write_text("".join(big_file.read_text().splitlines(keepends=True)[count:]))
    capsys.readouterr()
    assert main(["vectorize", op, "docs", "--file", str(rest), *flag, "--persist-to", str(state), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["count"] == VECTORS - count
    with open_state(state) as store:
        assert store.count_vectors("docs") == VECTORS


def test_ctrl_c_with_json_prints_clean_json(tmp_path: Path, big_file: Path) -> None:
    state = tmp_path / "state"
    assert main(["vectorize", "create", "docs", "--dimensions", "2", "--metric", "cosine", "--persist-to", str(state)]) == 0
    child = forkserver.popen(
        _cli("upsert", "docs", "--file", str(big_file), "--batch-size", "1", "--persist-to", str(state), "--json"),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env(),
    )
    try:
        # no progress lines with --json: wait for the first committed vector instead
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with open_state(state) as store:
                if store.count_vectors("docs"):
                    break
            time.sleep(0.02)
        child.send_signal(signal.SIGINT)
        out, err = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode in (0, 130), err
    assert "Traceback" not in err
    result = json.loads(out)
    with open_state(state) as store:
        assert result["count"] == store.count_vectors("docs")
    if child.returncode == 130:  # stopped before the end of the file
        assert result == {"index": "docs", "count": result["count"], "interrupted": True}
        assert result["count"] < VECTORS


def test_ctrl_c_elsewhere_in_a_command_exits_130_without_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ctrl+C outside a file write (opening the state, a query, ...) ends any command with
    130 and one line on stderr, never a traceback."""
    from workers_env.cli.vectorize import indexes

    def interrupted(args: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(indexes, "get", interrupted)
    try:
        code = main(["vectorize", "get", "docs", "--persist-to", str(tmp_path)])
    except KeyboardInterrupt:  # not caught: fail this test, not the whole session
        pytest.fail("KeyboardInterrupt escaped workers_env.cli.main")
    assert code == 130
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == "\nInterrupted.\n"
