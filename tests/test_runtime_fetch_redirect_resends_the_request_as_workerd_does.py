"""A redirect ``fetch`` follows sends the request again as workerd does (http.c++
``handleHttpRedirectResponse``): a POST meeting 301 or 302, or anything but HEAD meeting 303,
goes on as a GET without its body, its ``Content-Type`` kept; a 307 or 308 sends the method
and body again; 20 redirects are followed, the 21st is ``TypeError: Too many redirects.``
running on into the URLs so far. As ``wrangler dev`` 4.164.0 answered
(``tools/wrangler/fetch_redirect_differential.py``)."""

from __future__ import annotations

import http.server
import json
import re
from pathlib import Path

from worker_helpers import json_answer, one_file_worker, serving

WORKER = """
import js
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint

ORIGIN = "{origin}"
CALLS = [("/post/301", "POST", "abc"), ("/post/302", "POST", "abc"), ("/post/303", "POST", "abc"),
         ("/post/307", "POST", "abc"), ("/post/308", "POST", "abc"), ("/post/303", "HEAD", None),
         ("/post/303", "PUT", "abc"), ("/post/301", "PUT", "abc"), ("/loop/1", "GET", None), ("/loop/0", "GET", None)]

async def answer(path, method, body):
    init = {{"method": method}} if body is None else {{"method": method, "body": body}}
    try:
        r = await js.fetch(ORIGIN + path, to_js(init, dict_converter=js.Object.fromEntries))
    except Exception as exc:
        return f"{{exc.name}}: {{exc.message}}"
    return [r.status, await r.text(), r.url.replace(ORIGIN, "O"), r.redirected]

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response.json([await answer(*call) for call in CALLS])

    on_fetch = fetch  # the method's name before python_no_global_handlers (2025-08-14)
"""


class Origin(http.server.BaseHTTPRequestHandler):
    """``/post/<status>`` redirects to ``/landed``, ``/loop/<n>`` to ``/loop/<n + 1>`` up to 21;
    anything else answers its method, body and ``Content-Type``."""

    def _answer(self) -> None:
        body = self.rfile.read(int(self.headers.get("content-length") or 0))
        loop = re.fullmatch(r"/loop/(\d+)", self.path)
        if self.path.startswith("/post/") or (loop and int(loop.group(1)) < 21):
            status = int(self.path.rpartition("/")[2]) if not loop else 302
            self.send_response(status)
            self.send_header("location", "/landed" if not loop else f"/loop/{int(loop.group(1)) + 1}")
            self.send_header("content-length", "0")
            self.end_headers()
            return
        seen = json.dumps([self.command, self.path, body.decode(), self.headers.get("content-type")]).encode()
        self.send_response(200)
        self.send_header("content-length", str(len(seen)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(seen)

    do_GET = do_POST = do_PUT = do_HEAD = _answer  # noqa: N815 - http.server's names

    def log_message(self, *args: object) -> None:
        pass


TEXT = "text/plain;charset=UTF-8"
EXPECTED = [
    [200, json.dumps(["GET", "/landed", "", TEXT]), "O/landed", True],
    [200, json.dumps(["GET", "/landed", "", TEXT]), "O/landed", True],
    [200, json.dumps(["GET", "/landed", "", TEXT]), "O/landed", True],
    [200, json.dumps(["POST", "/landed", "abc", TEXT]), "O/landed", True],
    [200, json.dumps(["POST", "/landed", "abc", TEXT]), "O/landed", True],
    [200, "", "O/landed", True],
    [200, json.dumps(["GET", "/landed", "", TEXT]), "O/landed", True],
    [200, json.dumps(["PUT", "/landed", "abc", TEXT]), "O/landed", True],
    [200, json.dumps(["GET", "/loop/21", "", None]), "O/loop/21", True],
    "TypeError: Too many redirects." + ", ".join(f"O/loop/{n}" for n in range(21)),
]


def test_a_redirect_resends_the_request_as_workerd_does(tmp_path: Path) -> None:
    with serving(Origin) as url:
        answers = json_answer(one_file_worker(tmp_path, WORKER.format(origin=url), date="2025-09-01"), "/")
    assert [a.replace(url, "O") if isinstance(a, str) else a for a in answers] == EXPECTED
