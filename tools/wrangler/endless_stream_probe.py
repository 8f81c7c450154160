"""What workerd does with a response whose body never ends (outside the test run).

A JavaScript twin under ``wrangler dev`` (local workerd) answers with the readable side of a
``TransformStream`` that ``ctx.waitUntil`` work writes to forever (a chunk every 10 ms): what the
newest Python SDK's ASGI bridge does for a ``StreamingResponse`` of an endless generator, and a
plain Worker streaming a ``ReadableStream`` it keeps writing. The probe reads the head and three
chunks from a raw socket, timing each, then closes the connection; the writer's next write fails
(its text is printed from wrangler's log). Measured 2026-12-05 (wrangler 4.164.0): the headers
come at once, then one chunk each 10 ms, and the writer stops when the client goes -- so
``worker.fetch`` returns with the headers and the body reads chunk by chunk (README). Then: what
workerd logs for a writer that leaves its canceled write uncaught (``Uncaught undefined`` and
``Uncaught Error: undefined`` under 4.164.0 and 4.168.0 alike, devprobes69;
nothing beyond the Worker's own line for one that catches it), and how many chunks a writer that
never waits gets off its hands for clients that read nothing (bytes, not chunks, bound it: review65
measured 7,693 to 9,970 of 1 KiB, 156 to 243 of 64 KiB, in three runs; figures46's fourth:
8,893 and 199; leftovers47, one size a run: 9,271 of 1 KiB, 171 and 177 of 64 KiB, 12 of 1 MiB --
7.9 to 12.6 MB in all, held by Linux's socket buffers between wrangler's two workerd processes and
the client, as ``ss -tm`` shows mid-run).

    WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler WRANGLER_SEND_METRICS=false python3 tools/wrangler/endless_stream_probe.py

Not collected by pytest (needs Node and wrangler's node_modules).
"""

from __future__ import annotations

import re
import socket
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from casediff import wrangler_dev  # noqa: E402

JS_WORKER = """
const written = {};
export default {
  async fetch(request, env, ctx) {
    const url = new URL(request.url);
    if (url.pathname === "/written") return new Response(JSON.stringify(written));
    if (url.pathname === "/sized") {  // a writer that never waits, chunks of ?size= bytes, for a client reading nothing
      const size = Number(url.searchParams.get("size"));
      const { readable, writable } = new TransformStream();
      const writer = writable.getWriter();
      const chunk = new Uint8Array(size).fill(97);
      written[size] = 0;
      ctx.waitUntil((async () => { for (;;) { await writer.write(chunk); written[size]++; } })().catch(() => {}));
      return new Response(readable);
    }
    if (url.pathname !== "/stream" && url.pathname !== "/uncaught") return new Response("ready");
    const { readable, writable } = new TransformStream();
    const writer = writable.getWriter();
    const encoder = new TextEncoder();
    const write = async () => {
      for (let n = 0; ; n++) {
        await writer.write(encoder.encode(`chunk ${n}\\n`));
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    };
    // /uncaught: the writer's canceled write left uncaught (what workerd logs for it)
    ctx.waitUntil(url.pathname === "/uncaught" ? write()
                  : write().catch((error) => console.log(`writer stopped: ${error}`)));
    return new Response(readable, { headers: { "content-type": "text/plain" } });
  },
};
"""


def main() -> int:
    with wrangler_dev(JS_WORKER, "endless-stream", "2026-09-28") as session:
        port = urlsplit(session.url).port
        with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
            start = time.monotonic()
            sock.sendall(b"GET /stream HTTP/1.1\r\nHost: h\r\n\r\n")
            got, marks = b"", []
            while b"chunk 2\n" not in got:
                piece = sock.recv(65536)
                if not piece:
                    break
                got += piece
                marks.append((round(time.monotonic() - start, 3), piece))
        for when, piece in marks:
            print(f"{when:7.3f} s  {piece!r}")
        time.sleep(1)  # the writer's next write meets the client's going
        stopped = [line for line in session.log.read_text().splitlines() if "writer stopped" in line]
        mark = len(session.log.read_text())
        with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:  # gone after the head
            sock.sendall(b"GET /uncaught HTTP/1.1\r\nHost: h\r\n\r\n")
            sock.recv(65536)
        time.sleep(1.5)
        uncaught = [re.sub(r"\x1b\[[0-9;]*m", "", line).strip() for line in session.log.read_text()[mark:].splitlines()
                    if "Uncaught" in line]
        idle = []
        for size in (1024, 65536, 1048576):  # clients that read nothing: how much the writer gets off its hands
            sock = socket.create_connection(("127.0.0.1", port), timeout=10)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            sock.sendall(f"GET /sized?size={size} HTTP/1.1\r\nHost: h\r\n\r\n".encode())
            idle.append(sock)
        time.sleep(4)
        with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
            sock.sendall(b"GET /written HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n")
            counts = b""
            while piece := sock.recv(65536):
                counts += piece
        for sock in idle:
            sock.close()
    print("\n".join(stopped) or "no 'writer stopped' line in wrangler's log")
    print("a writer not catching its canceled write:", uncaught or "nothing logged")
    print("chunks written for a client reading nothing, by chunk size:", counts.partition(b"\r\n\r\n")[2].decode())
    return 0 if b"chunk 2\n" in got and stopped else 1


if __name__ == "__main__":
    sys.exit(main())
