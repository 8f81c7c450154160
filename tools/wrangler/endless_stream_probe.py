"""What workerd does with a response whose body never ends (outside the test run).

A JavaScript twin under ``wrangler dev`` (local workerd) answers with the readable side of a
``TransformStream`` that ``ctx.waitUntil`` work writes to forever (a chunk every 10 ms): what the
newest Python SDK's ASGI bridge does for a ``StreamingResponse`` of an endless generator, and a
plain Worker streaming a ``ReadableStream`` it keeps writing. The probe reads the head and three
chunks from a raw socket, timing each, then closes the connection; the writer's next write fails
(its text is printed from wrangler's log). Measured 2026-12-05 (wrangler 4.164.0): the headers
come at once, then one chunk each 10 ms, and the writer stops when the client goes -- so
``worker.fetch`` returns with the headers and the body reads chunk by chunk (README).

    WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler WRANGLER_SEND_METRICS=false python3 tools/wrangler/endless_stream_probe.py

Not collected by pytest (needs Node and wrangler's node_modules).
"""

from __future__ import annotations

import socket
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from casediff import wrangler_dev  # noqa: E402

JS_WORKER = """
export default {
  async fetch(request, env, ctx) {
    if (new URL(request.url).pathname !== "/stream") return new Response("ready");
    const { readable, writable } = new TransformStream();
    const writer = writable.getWriter();
    const encoder = new TextEncoder();
    ctx.waitUntil((async () => {
      try {
        for (let n = 0; ; n++) {
          await writer.write(encoder.encode(`chunk ${n}\\n`));
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      } catch (error) {
        console.log(`writer stopped: ${error}`);
      }
    })());
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
    print("\n".join(stopped) or "no 'writer stopped' line in wrangler's log")
    return 0 if b"chunk 2\n" in got and stopped else 1


if __name__ == "__main__":
    sys.exit(main())
