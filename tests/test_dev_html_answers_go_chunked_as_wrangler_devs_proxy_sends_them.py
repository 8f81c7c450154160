"""``workers-env dev`` frames an HTML answer as ``wrangler dev`` 4.164.0 does: its ProxyWorker
runs every response whose ``Content-Type`` starts with ``text/html`` (as written) through
``HTMLRewriter`` (``insertLiveReloadScript``, live reload or not), whose body has no length, so
it goes chunked, without ``Content-Length`` -- a static asset's page (``/``, ``/about``), the
Worker's own page, a 404 page, an empty or null body, a ``FixedLengthStream`` alike -- while
``Text/HTML``, ``text/plain`` and a stylesheet keep their length. An answer to HEAD has no
length from a ``FixedLengthStream`` either (the ProxyWorker's copy of it has a null body).
Measured side by side with wrangler dev (hunt24: 41 of 41 exchanges the same, 22 of 32 before;
a public Python shop Worker's ``/`` came chunked there and with a length here)."""

from __future__ import annotations

import http.client
import textwrap

from workers_env import load_worker
from workers_env.runtime.server import BackgroundServer

ENTRY = """
from urllib.parse import urlparse, parse_qs
from js import FixedLengthStream, TextEncoder
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        url = urlparse(request.url)
        q = {k: v[0] for k, v in parse_qs(url.query, keep_blank_values=True).items()}
        if url.path == "/fixed":
            stream = FixedLengthStream.new(5)
            writer = stream.writable.getWriter()
            writer.write(TextEncoder.new().encode("<b>x<"))
            writer.close()
            return Response(stream.readable, headers={"content-type": q.get("ct", "text/html")})
        body = None if "null" in q else q.get("body", "<p>héllo</p>")
        return Response(body, status=int(q.get("s", "200")), headers={"content-type": q.get("ct", "text/html")})
"""


def _framing(port: int, method: str, path: str) -> tuple[int, str | None, str | None, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(method, path)
        response = connection.getresponse()
        return (response.status, response.getheader("content-length"), response.getheader("transfer-encoding"),
                response.read())
    finally:
        connection.close()


def test_html_answers_go_chunked_and_others_keep_their_length(tmp_path):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text(textwrap.dedent(ENTRY))
    (tmp_path / "public").mkdir()
    (tmp_path / "public" / "index.html").write_text("<h1>shop</h1>\n")
    (tmp_path / "public" / "about.html").write_text("<p>about</p>\n")
    (tmp_path / "public" / "style.css").write_text("body{}\n")
    (tmp_path / "wrangler.toml").write_text(
        'name = "html-framing"\nmain = "src/entry.py"\ncompatibility_date = "2025-10-01"\n'
        'compatibility_flags = ["python_workers"]\n[assets]\ndirectory = "./public"\nbinding = "ASSETS"\n')
    with BackgroundServer(load_worker(tmp_path)) as server:
        port = int(server.url.rsplit(":", 1)[1])
        seen = {(method, path): _framing(port, method, path) for method, path in [
            ("GET", "/"), ("GET", "/about"), ("GET", "/style.css"), ("GET", "/page"), ("GET", "/page?s=404"),
            ("GET", "/page?body="), ("GET", "/page?null=1"), ("GET", "/page?ct=Text/HTML"),
            ("GET", "/page?ct=text/htmlx"), ("GET", "/page?ct=text/plain"), ("HEAD", "/page"), ("HEAD", "/"),
            ("GET", "/fixed"), ("GET", "/fixed?ct=text/plain"), ("HEAD", "/fixed?ct=text/plain"),
            ("GET", "/page?s=204&null=1")]}
    chunked = (None, "chunked")
    assert seen == {
        ("GET", "/"): (200, *chunked, b"<h1>shop</h1>\n"),
        ("GET", "/about"): (200, *chunked, b"<p>about</p>\n"),
        ("GET", "/style.css"): (200, "7", None, b"body{}\n"),
        ("GET", "/page"): (200, *chunked, "<p>héllo</p>".encode()),
        ("GET", "/page?s=404"): (404, *chunked, "<p>héllo</p>".encode()),
        ("GET", "/page?body="): (200, *chunked, b""),
        ("GET", "/page?null=1"): (200, *chunked, b""),
        ("GET", "/page?ct=Text/HTML"): (200, "13", None, "<p>héllo</p>".encode()),
        ("GET", "/page?ct=text/htmlx"): (200, *chunked, "<p>héllo</p>".encode()),
        ("GET", "/page?ct=text/plain"): (200, "13", None, "<p>héllo</p>".encode()),
        ("HEAD", "/page"): (200, None, None, b""),
        ("HEAD", "/"): (200, None, None, b""),
        ("GET", "/fixed"): (200, *chunked, b"<b>x<"),
        ("GET", "/fixed?ct=text/plain"): (200, "5", None, b"<b>x<"),
        ("HEAD", "/fixed?ct=text/plain"): (200, None, None, b""),
        ("GET", "/page?s=204&null=1"): (204, None, None, b""),
    }
