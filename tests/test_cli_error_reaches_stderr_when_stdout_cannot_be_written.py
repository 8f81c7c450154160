"""A command's error reaches stderr even when its stdout cannot be written.

wrangler's ``handleError`` writes an empty line on stdout before the error on stderr; Node's
``console.log`` swallows a write that fails there, so ``wrangler kv key get k --binding NOPE >
/dev/full`` (or piped into a reader already gone) still prints the namespace error, exit 1.
The empty line is as best effort here: the error is not replaced by "No space left on device"
or lost to a broken pipe.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TOML = 'name = "x"\ncompatibility_date = "2025-01-01"\n[[kv_namespaces]]\nbinding = "KV"\nid = "abc"\n'
NOT_FOUND = ('✘ [ERROR] No KV namespace with binding "NOPE" was found in the "kv_namespaces" section of your '
             "wrangler config. Check the binding name is correct, or use `--namespace-id` instead.\n\n\n")


def run(tmp_path: Path, stdout: int) -> subprocess.CompletedProcess[bytes]:
    (tmp_path / "wrangler.toml").write_text(TOML)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "workers_env", "kv", "key", "get", "k", "--binding", "NOPE"],
                          cwd=tmp_path, stdout=stdout, stderr=subprocess.PIPE, env=env, timeout=60, check=False)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_disk_on_stdout_still_shows_the_error(tmp_path):
    with open("/dev/full", "wb") as full:
        done = run(tmp_path, full.fileno())
    assert done.returncode == 1
    assert done.stderr.decode() == NOT_FOUND


def test_a_reader_gone_still_shows_the_error(tmp_path):
    read_end, write_end = os.pipe()
    os.close(read_end)  # nobody reads: the empty line meets a broken pipe
    try:
        done = run(tmp_path, write_end)
    finally:
        os.close(write_end)
    assert done.returncode == 1
    assert done.stderr.decode() == NOT_FOUND
