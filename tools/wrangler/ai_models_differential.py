"""Differential check of ``workers-env ai models [list]`` against ``wrangler ai models [list]``.

wrangler lists the account's catalog through Cloudflare's API (``GET /accounts/<id>/ai/models/
search``, page by page); here it asks a stand-in API on 127.0.0.1 (``CLOUDFLARE_API_BASE_URL``,
with a dummy ``CLOUDFLARE_API_TOKEN`` and ``CLOUDFLARE_ACCOUNT_ID``, so it never logs in) whose
answer to each request is workers-env's own ``AiBinding().models_sync(query)``. Both sides then
print the same catalog, so what is compared is the command: wrangler's query parameters and
paging, its table (columns, the description cut to the terminal, cells holding newlines),
``No models found.``, ``--json``. Each case runs with stdout a pipe and, for the table, on a
pseudo-terminal of a given width (``process.stdout.columns``); stdout, stderr and the exit code
must be equal after removing ANSI colours and wrangler's banner (README: workers-env prints none).

    WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler PYTHONPATH=$PWD python3 tools/wrangler/ai_models_differential.py

Prints each difference and ``N/M identical``; exit 0 when all are. Not collected by pytest
(it needs Node and wrangler).
"""

from __future__ import annotations

import fcntl
import json
import os
import pty
import re
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

from workers_env.ai.binding import AiBinding  # noqa: E402

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")

#: (arguments, terminal width or None for a pipe)
CASES: list[tuple[list[str], int | None]] = [
    (["ai", "models"], None),
    (["ai", "models", "list"], None),
    (["ai", "models", "list", "--json"], None),
    (["ai", "models", "list", "--task", "Text Embeddings"], None),
    (["ai", "models", "list", "--task", "text-generation", "--json"], None),
    (["ai", "models", "list", "--search", "llama"], None),
    (["ai", "models", "list", "--search", "reranker", "--json"], None),
    (["ai", "models", "list", "--author", "meta"], None),
    (["ai", "models", "list", "--source", "2"], None),
    (["ai", "models", "list", "--source", "abc"], None),  # yargs' NaN, sent as "NaN"
    (["ai", "models", "list", "--hide-experimental"], None),
    (["ai", "models", "list", "--search", "no-such-model"], None),
    (["ai", "models", "list", "--search", "no-such-model", "--json"], None),
    (["ai", "models", "list", "--search"], None),  # no value: ""
    (["ai", "models", "list", "--json=false", "--search", "bge"], None),
    (["ai", "models", "list", "--search", "bge"], 200),
    (["ai", "models", "list", "--search", "bge"], 120),
    (["ai", "models", "list", "--search", "embedding"], 80),  # no room left: cut from the end
    (["ai", "models"], 160),
    # gpt-oss's descriptions hold the catalog's only non-ASCII (U+2019, U+2013: one UTF-16 unit each)
    (["ai", "models", "list", "--search", "open-weight"], 150),
    (["ai", "models", "list", "--search", "open-weight", "--json"], None),
]


class _Api(BaseHTTPRequestHandler):
    """Cloudflare's API as far as ``ai models list`` reads it: the search answered by the binding."""

    binding = AiBinding()
    seen: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        url = urlsplit(self.path)
        self.seen.append(self.path)
        if url.path.endswith("/ai/models/search"):
            query = dict(parse_qsl(url.query, keep_blank_values=True))
            body = {"success": True, "errors": [], "messages": [], "result": self.binding.models_sync(query)}
        else:
            body = {"success": False, "errors": [{"code": 7003, "message": f"no route for {url.path}"}],
                    "messages": [], "result": None}
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *_: object) -> None:
        pass


def run(cmd: list[str], cwd: Path, env: dict[str, str], columns: int | None) -> dict:
    if columns is None:
        proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, stdin=subprocess.DEVNULL, timeout=300,
                              check=False)
        return {"stdout": proc.stdout.decode("utf-8", "replace"), "stderr": proc.stderr.decode("utf-8", "replace"),
                "code": proc.returncode}
    main, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    attrs = termios.tcgetattr(follower)
    attrs[1] &= ~termios.ONLCR  # the bytes as written, no \r added
    termios.tcsetattr(follower, termios.TCSANOW, attrs)
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=follower, stderr=subprocess.PIPE,
                            stdin=subprocess.DEVNULL)
    os.close(follower)
    chunks: list[bytes] = []
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # EIO: the last writer closed it
            break
        if not chunk:
            break
        chunks.append(chunk)
    err = proc.stderr.read() if proc.stderr else b""
    code = proc.wait(timeout=300)
    os.close(main)
    return {"stdout": b"".join(chunks).decode("utf-8", "replace"), "stderr": err.decode("utf-8", "replace"),
            "code": code}


def strip_wrangler(text: str) -> str:
    """wrangler's output without its colours, banner (and the blank line before it) and log-file line."""
    lines = ANSI.sub("", text).split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        if lines[i].startswith(" ⛅️ wrangler"):
            if out and out[-1] == "":
                out.pop()
            i += 2 if i + 1 < len(lines) and lines[i + 1] and set(lines[i + 1]) <= {"─"} else 1
            continue
        if not lines[i].startswith("🪵  Logs were written"):
            out.append(lines[i])
        i += 1
    return "\n".join(out)


def main() -> int:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Api)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = {k: v for k, v in os.environ.items() if not k.startswith("CLOUDFLARE_")}
    wrangler_env = {**base, "CLOUDFLARE_API_TOKEN": "dummy", "CLOUDFLARE_ACCOUNT_ID": "0" * 32,
                    "CLOUDFLARE_API_BASE_URL": f"http://127.0.0.1:{server.server_address[1]}/client/v4",
                    "WRANGLER_SEND_METRICS": "false", "CI": "true"}
    ours_env = {**base, "PYTHONPATH": str(ROOT)}
    same = 0
    try:
        with tempfile.TemporaryDirectory(prefix="ai-models-") as tmp:
            folder = Path(tmp)
            (folder / "wrangler.toml").write_text('name = "ai"\ncompatibility_date = "2025-01-01"\n[ai]\nbinding = "AI"\n')
            for args, columns in CASES:
                started = time.monotonic()
                theirs = run([str(HERE / "wrangler"), *args], folder, wrangler_env, columns)
                mine = run([sys.executable, "-m", "workers_env", *args], folder, ours_env, columns)
                theirs = {**theirs, "stdout": strip_wrangler(theirs["stdout"]), "stderr": strip_wrangler(theirs["stderr"])}
                mine = {**mine, "stdout": ANSI.sub("", mine["stdout"]), "stderr": ANSI.sub("", mine["stderr"])}
                label = " ".join(args) + (f" (terminal of {columns} columns)" if columns else "")
                if theirs == mine and theirs["code"] == 0 and theirs["stdout"].strip():
                    same += 1
                    print(f"same {label} ({len(mine['stdout'].splitlines())} lines, {time.monotonic() - started:.1f} s)")
                    continue
                print(f"DIFF {label}")
                for key in theirs:
                    if theirs[key] != mine[key]:
                        print(f"  {key}:\n    wrangler {theirs[key]!r:.2000}\n    ours     {mine[key]!r:.2000}")
    finally:
        server.shutdown()
    print(f"\nrequests wrangler made: {len(_Api.seen)}, e.g. {_Api.seen[:2]}")
    print(f"\n{same}/{len(CASES)} identical")
    return 0 if same == len(CASES) else 1


if __name__ == "__main__":
    raise SystemExit(main())
