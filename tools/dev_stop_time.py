"""How long ``workers-env dev`` takes to exit on SIGTERM and on Ctrl+C (SIGINT), for a
hello-world Worker: N runs each, quiet or under two busy loops. Not part of the test run.

    python3 tools/dev_stop_time.py TREE N [busy]

Each run serves a fresh dev of TREE (``PYTHONPATH=TREE``), answers one GET, waits 0.3 s, sends
the signal and times it to the process's exit (the status printed: 143 / 130 expected).
left50 (2026-12-05, machine load 12-15 from other work): before, main at
096acb68 -- SIGTERM median 0.324 s, SIGINT 0.241 s; under two busy loops 0.910 s and 1.128 s;
after (os._exit past the interpreter's finalization) 0.008 s and 0.008 s; busy 0.019 s and 0.016 s.
``wrangler dev`` 4.164.0's JS twin: 0.07 s (hunt50).
"""

import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

TREE, N = sys.argv[1], int(sys.argv[2])
BUSY = sys.argv[3:] == ["busy"]
ENTRY = ("from workers import Response, WorkerEntrypoint\n\n\nclass Default(WorkerEntrypoint):\n"
         "    async def fetch(self, request):\n        return Response(\"hello\")\n")


def _port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _once(folder: Path, sig: int) -> tuple[float, int]:
    port = _port()
    proc = subprocess.Popen([sys.executable, "-m", "workers_env", "dev", "--port", str(port)], cwd=folder,
                            env=dict(os.environ, PYTHONPATH=TREE), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        for _ in range(600):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5).read()
                break
            except OSError:
                time.sleep(0.05)
        time.sleep(0.3)
        started = time.monotonic()
        proc.send_signal(sig)
        proc.wait(timeout=20)
        return time.monotonic() - started, proc.returncode
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "src").mkdir()
        (folder / "src" / "entry.py").write_text(ENTRY)
        (folder / "wrangler.toml").write_text('name = "hello"\nmain = "src/entry.py"\ncompatibility_date = "2026-05-01"\n'
                                              'compatibility_flags = ["python_workers"]\n')
        (folder / "pyproject.toml").write_text('[project]\nname = "hello"\nversion = "0.1.0"\n'
                                               'dependencies = ["workers-runtime-sdk"]\n')
        busy = [subprocess.Popen([sys.executable, "-c", "while 1: pass"]) for _ in range(2)] if BUSY else []
        try:
            for sig in (signal.SIGTERM, signal.SIGINT):
                runs = [_once(folder, sig) for _ in range(N)]
                took = [t for t, _ in runs]
                print(f"{sig.name}: n={N} median={statistics.median(took):.3f}s min={min(took):.3f} "
                      f"max={max(took):.3f} statuses={sorted({code for _, code in runs})} "
                      f"load={os.getloadavg()[0]:.1f}", flush=True)
        finally:
            for loop in busy:
                loop.kill()
                loop.wait()


if __name__ == "__main__":
    main()
