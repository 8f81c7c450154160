"""What reading a request's path costs the dev server (``cdncgi.url_rewritten``: the client's
pathname, and the legacy ``/cdn-cgi/`` rewrite), per URL kind, and a whole GET through
``WorkerApp`` (in-process ASGI, a Worker answering ``ok``) -- the second parse of every URL
devleft49 removed. Min of 7 runs of N calls (N / 20 requests).

    python benchmarks/dev_request_url.py 20000     # ~15 s
"""

from __future__ import annotations

import asyncio
import pathlib
import sys
import tempfile
import time
import timeit

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))

from workers_env import load_worker  # noqa: E402
from workers_env.runtime.cdncgi import url_rewritten  # noqa: E402
from workers_env.runtime.workerapp import WorkerApp  # noqa: E402

URLS = [("/", "http://localhost:8787/"), ("a path and query", "http://localhost:8787/api/items/42?x=1&y=2"),
        ("percent-encoded, //", "http://localhost:8787/a%20b//c/d?q=%41"),
        ("a legacy /cdn-cgi/ path", "http://localhost:8787/cdn-cgi/handler/scheduled?cron=*")]
ENTRY = ("from workers import Response, WorkerEntrypoint\n\nclass Default(WorkerEntrypoint):\n"
         "    async def fetch(self, request):\n        return Response('ok')\n")


async def _get(app: WorkerApp, path: str) -> None:
    scope = {"type": "http", "method": "GET", "path": path, "raw_path": path.encode(), "query_string": b"",
             "headers": [(b"host", b"localhost:8787")], "scheme": "http", "server": ("localhost", 8787),
             "client": ("127.0.0.1", 1), "http_version": "1.1"}
    chunks = [{"type": "http.request", "body": b"", "more_body": False}]

    async def receive() -> dict:
        return chunks.pop(0) if chunks else {"type": "http.disconnect"}

    async def send(message: dict) -> None:
        pass

    await app(scope, receive, send)


async def _requests(n: int) -> float:
    root = pathlib.Path(tempfile.mkdtemp())
    (root / "src").mkdir()
    (root / "src" / "entry.py").write_text(ENTRY)
    (root / "wrangler.toml").write_text('name = "b"\nmain = "src/entry.py"\ncompatibility_date = "2025-11-02"\n'
                                        'compatibility_flags = ["python_workers"]\n')
    app = WorkerApp(load_worker(root))
    await _get(app, "/warm")
    best = float("inf")
    for _ in range(7):
        start = time.perf_counter()
        for i in range(n):
            await _get(app, f"/api/items/{i % 50}")
        best = min(best, (time.perf_counter() - start) / n)
    return best * 1e6


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    for label, url in URLS:
        each = min(timeit.repeat(lambda: url_rewritten(url), number=n, repeat=7)) / n * 1e6
        print(f"url_rewritten, {label:24s} {each:7.2f} us")
    print(f"a whole GET through WorkerApp          {asyncio.run(_requests(max(n // 20, 50))):7.1f} us")


if __name__ == "__main__":
    main()
