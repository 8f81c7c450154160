"""How many 1-byte writes a streamed response's writer gets off its hands before a client that
reads nothing makes it wait, under ``wrangler dev`` (outside the test run).

The JavaScript twin of ``endless_stream_probe.py`` answers ``/sized?size=N`` with a ``TransformStream``'s readable that
``ctx.waitUntil`` work writes ``N``-byte chunks to as fast as each write resolves, counting them;
the client connects, sends the request and reads nothing (its receive buffer set small). The
count is sampled every ``--every`` seconds from ``/written`` (the same isolate) until it stops
growing for three samples in a row -- back-pressure reached -- or ``--limit`` seconds pass. It
prints each sample and the wire bytes the count means (HTTP/1.1 chunked framing: ``1\\r\\nX\\r\\n``,
6 bytes a 1-byte chunk, if workerd sends each on its own).

    WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler WRANGLER_SEND_METRICS=false python3 tools/wrangler/tiny_chunk_backpressure_probe.py [--size 1]

Measured 2026-12-05 (wrangler 4.164.0, leftovers48), 1-byte chunks: no back-pressure within 900 s
(1,574,692 writes) nor within 1,800 s (``--every 30 --limit 1800``: 1,982,419 writes, the rate
falling from about 10,000 to 800 a second; 1,185,563 B queued in loopback sockets at 197,459 writes,
11,894,497 B at the end -- 6 bytes a chunk, its chunked framing).

Not collected by pytest (needs Node and wrangler's node_modules).
"""

from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from casediff import raw_get_json, wrangler_dev  # noqa: E402
from endless_stream_probe import JS_WORKER  # noqa: E402 - its /sized and /written


def queued_on_loopback() -> int:
    """Bytes queued in loopback TCP sockets now (``ss -tn``'s Recv-Q + Send-Q, every socket with
    127.0.0.1 at both ends: the client's, and the hop between wrangler's two workerd processes)."""
    try:
        out = subprocess.run(["ss", "-tnH"], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return -1
    total = 0
    for line in out.splitlines():
        parts = line.split()
        if len(parts) >= 5 and parts[3].startswith("127.0.0.1:") and parts[4].startswith("127.0.0.1:"):
            total += int(parts[1]) + int(parts[2])
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=1)
    parser.add_argument("--every", type=float, default=5.0)
    parser.add_argument("--limit", type=float, default=900.0)
    args = parser.parse_args()
    with wrangler_dev(JS_WORKER, "tiny-chunks", "2026-09-28") as session:
        port = urlsplit(session.url).port
        assert port is not None
        idle = socket.create_connection(("127.0.0.1", port), timeout=10)
        idle.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        idle.sendall(f"GET /sized?size={args.size} HTTP/1.1\r\nHost: h\r\n\r\n".encode())
        start, samples, still = time.monotonic(), [], 0
        try:
            while time.monotonic() - start < args.limit and still < 3:
                time.sleep(args.every)
                count = raw_get_json(port, "/written").get(str(args.size), 0)
                still = still + 1 if samples and count == samples[-1][1] else 0
                samples.append((round(time.monotonic() - start, 1), count))
                print(f"{samples[-1][0]:7.1f} s  {count:>10,} chunks of {args.size} B written; "
                      f"{queued_on_loopback():>12,} B queued in loopback sockets", flush=True)
        finally:
            idle.close()
    final = samples[-1][1] if samples else 0
    framing = len(f"{args.size:x}\r\n\r\n") + args.size
    print(f"{'back-pressure' if still >= 3 else 'no back-pressure within the limit'}: {final:,} writes of "
          f"{args.size} B ({final * args.size:,} B of body, {final * framing:,} B on the wire if sent one chunk each)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
