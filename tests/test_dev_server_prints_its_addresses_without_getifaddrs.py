"""Where the C library has no ``getifaddrs`` (Windows; found by ``ctypes.util.find_library``),
``workers-env dev --ip 0.0.0.0`` lists the loopback address and those the host name resolves
to; a host name the resolver refuses (IDNA's limit of 63 characters a label) leaves just the
loopback address, and the server serves. Before, the resolver's UnicodeError escaped from the
ready lines as a traceback and dev never said "Ready on".

The platform is put in by replacing ``find_library`` and ``gethostname`` before the CLI runs: a
``python -m`` start of a module doing so, forked from the tests' fork server (tests/forkserver.py;
both are looked up as dev lists its addresses, not as its modules import)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from dev_reload_helpers import answering, free_port, python_project

import forkserver

RUN = """import ctypes.util, socket, sys
ctypes.util.find_library = lambda name: None
socket.gethostname = lambda: {host!r}
from workers_env.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_a_host_name_the_resolver_refuses_leaves_the_loopback_address(tmp_path: Path) -> None:
    project = python_project(tmp_path / "app", answering("hi"))
    port = free_port()
    environ = {**os.environ, "PYTHONUNBUFFERED": "1"}
    environ.pop("CLOUDFLARE_ENV", None)
    runner = forkserver.module_folder(tmp_path / "runner", "no_getifaddrs", RUN.format(host="a" * 70 + ".example"))
    proc = forkserver.popen([sys.executable, "-m", "no_getifaddrs", "dev", str(project), "--ip", "0.0.0.0",
                             "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env=environ, cwd=runner)
    lines: list[str] = []
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.append(line.rstrip("\n"))
            if "] - http://" in line or "Traceback" in line:
                break
    finally:
        proc.terminate()
        proc.communicate(timeout=20)
    assert f"[wrangler:info] Ready on http://0.0.0.0:{port}" in lines, lines
    assert lines[-1] == f"[wrangler:info] - http://127.0.0.1:{port}", lines
