"""JS globals and SDK names public Python Workers import, run inside a loaded Worker."""

from __future__ import annotations

import hashlib
import http.server
import json
import textwrap
import threading
from pathlib import Path

import pytest
from worker_helpers import typical_pyproject

from workers_env import load_worker

ENTRY = """
import base64
from js import URL, URLSearchParams, Date, crypto, TextEncoder, TextDecoder, atob, btoa, fetch, Object
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint, FormData, Blob, File, import_from_javascript

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        url = URL.new(request.url)
        if url.pathname == "/form":
            form = await request.form_data()
            upload = form["file"]
            return Response.json({"name": form["name"], "file": upload.name, "text": await upload.text()})
        if url.pathname == "/proxy":
            upstream = await fetch(url.searchParams.get("to"), method="POST", body="ping")
            return Response.json({"status": upstream.status, "text": await upstream.text()})
        params = URLSearchParams.new("a=1&b=x y")
        params.append("c", "3")
        encoded = TextEncoder.new().encode("héllo")
        digest = await crypto.subtle.digest("SHA-256", encoded)
        buf = to_js(bytes(8))
        from js import Uint8Array
        random = crypto.getRandomValues(Uint8Array.new(8))
        blob = Blob(["ab", b"cd"], content_type="text/plain")
        form = FormData({"k": "v"})
        form.append("k", "w")
        refused = []
        for attempt in (lambda: FormData(5), lambda: form.__setitem__("k", ["a", "b"])):
            try:
                attempt()
            except TypeError as exc:
                refused.append(str(exc))
        cf = import_from_javascript("cloudflare:workers")
        return Response.json({
            "path": url.pathname, "q": url.searchParams.get("q"), "host": url.host, "origin": url.origin,
            "params": params.toString(), "b": params.get("b"),
            "len": encoded.length, "decoded": TextDecoder.new().decode(encoded),
            "digest": bytes(digest.to_bytes()).hex(), "uuid": len(crypto.randomUUID()),
            "random": random.length, "b64": btoa("hi"), "unb64": atob("aGk="),
            "iso": Date.new(0).toISOString(), "now": Date.now() > 0,
            "blob": [blob.size, await blob.text(), blob.content_type],
            "form": form.get_all("k"), "env_var": cf.env.NAME, "refused": refused,
        })
"""


def make(root: Path, entry: str = ENTRY, date: str = "2026-05-01") -> Path:
    (root / "src").mkdir(parents=True, exist_ok=True)
    (root / "wrangler.toml").write_text(
        f'name = "g"\nmain = "src/entry.py"\ncompatibility_date = "{date}"\ncompatibility_flags = ["python_workers"]\n'
        '[vars]\nNAME = "globals"\n'
    )
    typical_pyproject(root)
    (root / "src" / "entry.py").write_text(textwrap.dedent(entry))
    return root


@pytest.mark.asyncio
async def test_js_globals_inside_a_worker(tmp_path):
    worker = load_worker(make(tmp_path))
    data = await (await worker.fetch("https://example.com:443/some/path?q=7")).json()
    assert data == {
        "path": "/some/path", "q": "7", "host": "example.com", "origin": "https://example.com",
        "params": "a=1&b=x+y&c=3", "b": "x y",
        "len": 6, "decoded": "héllo",
        "digest": hashlib.sha256("héllo".encode()).hexdigest(), "uuid": 36,
        "random": 8, "b64": "aGk=", "unb64": "hi",
        "iso": "1970-01-01T00:00:00.000Z", "now": True,
        "blob": [4, "abcd", "text/plain"],
        "form": ["v", "w"], "env_var": "globals",
        "refused": ["Expected form_data to be a dict or an instance of FormData",  # the SDK's own texts
                    "Expected single item in arguments to FormData.__setitem__"],
    }


@pytest.mark.asyncio
async def test_form_data_from_a_multipart_request(tmp_path):
    worker = load_worker(make(tmp_path))
    boundary = "XyZ"
    body = (
        f"--{boundary}\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nada\r\n"
        f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
        f"Content-Type: text/plain\r\n\r\nfile body\r\n--{boundary}--\r\n"
    )
    resp = await worker.fetch("/form", method="POST", body=body, headers={"content-type": f"multipart/form-data; boundary={boundary}"})
    assert await resp.json() == {"name": "ada", "file": "a.txt", "text": "file body"}


@pytest.mark.asyncio
async def test_js_fetch_reaches_a_local_server(tmp_path):
    class Echo(http.server.BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 - http.server's name
            data = self.rfile.read(int(self.headers["content-length"]))
            self.send_response(201)
            self.end_headers()
            self.wfile.write(b"got " + data)

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Echo)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        worker = load_worker(make(tmp_path))
        resp = await worker.fetch(f"/proxy?to=http://127.0.0.1:{server.server_port}/x")
        assert await resp.json() == {"status": 201, "text": "got ping"}
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.asyncio
async def test_what_is_not_emulated_says_so(tmp_path):
    entry = """
    import js
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            return Response.json({"has": hasattr(js, "HTMLRewriter")})
    """
    worker = load_worker(make(tmp_path, entry))
    assert await (await worker.fetch("/")).json() == {"has": True}  # a workerd global: there, as in production
    (tmp_path / "src" / "entry.py").write_text("from js import NoSuchGlobal\n")  # no workerd global: Pyodide's text
    with pytest.raises(ImportError, match=r"^cannot import name 'NoSuchGlobal' from 'js' \(unknown location\)$"):
        load_worker(tmp_path)
    (tmp_path / "src" / "entry.py").write_text("from workers import no_such_name\n")
    with pytest.raises(ImportError, match=r"cannot import name 'no_such_name' from 'workers'"):  # Python's text, as Pyodide
        load_worker(tmp_path)
    (tmp_path / "src" / "entry.py").write_text("import workers\nworkers.no_such_name\n")
    with pytest.raises(AttributeError, match=r"^module 'workers' has no attribute 'no_such_name'$"):
        load_worker(tmp_path)
    (tmp_path / "src" / "entry.py").write_text(textwrap.dedent(entry).replace("import js", "import js\nfrom asgi import process_websocket"))
    worker = load_worker(tmp_path)  # a name both SDKs' asgi define imports
    assert await (await worker.fetch("/")).json() == {"has": True}


@pytest.mark.asyncio
async def test_from_workers_import_env_in_each_era(tmp_path):
    entry = """
    from workers import Response, WorkerEntrypoint, env

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            return Response.json({"name": env.NAME, "type": type(env).__name__})
    """
    new = load_worker(make(tmp_path / "new", entry))
    assert await (await new.fetch("/")).json() == {"name": "globals", "type": "_EnvWrapper"}
    old = load_worker(make(tmp_path / "old", entry, date="2026-01-01"))
    assert await (await old.fetch("/")).json() == {"name": "globals", "type": "JsProxy"}


def test_url_rules():
    from workers_env import js

    url = js.URL.new("/a/../b?x=1#f", "http://Example.COM:8080/base/")
    assert (url.href, url.host, url.port, url.pathname, url.search, url.hash) == (
        "http://example.com:8080/b?x=1#f", "example.com:8080", "8080", "/b", "?x=1", "#f"
    )
    url.searchParams.set("x", "2")
    assert url.search == "?x=2"
    with pytest.raises(Exception, match="Invalid URL"):
        js.URL.new("not a url")
    assert js.URL.canParse("https://x") and not js.URL.canParse("/relative")
    with pytest.raises(Exception, match="Latin1"):
        js.btoa("€")
    with pytest.raises(Exception, match="invalid base64"):
        js.atob("a")
    assert json.loads(json.dumps(js.Date.new("2026-01-02T03:04:05.678Z").getTime())) == 1767323045678


@pytest.mark.parametrize(("given", "href"), [
    ("HTTP://EXAMPLE.com:80/a/../b", "http://example.com/b"),
    ("http://h/a/./b/../c/.", "http://h/a/c/"),
    ("http://h/a/%2E%2e/c", "http://h/c"),  # percent-encoded dots are dot segments too
    ("http://h/a/..", "http://h/"),
    ("http://h\\a\\b", "http://h/a/b"),  # a backslash is a slash in a special URL
    ("http://h/a b?q=1 2#f g", "http://h/a%20b?q=1%202#f%20g"),
    ("http://h/[id]|^?a=[1]&b='x'", "http://h/[id]|%5E?a=[1]&b=%27x%27"),  # WHATWG's path and query sets (^ since 2024)
    ("http://h/{x}`#`y`", "http://h/%7Bx%7D%60#%60y%60"),
])
def test_urls_serialize_as_whatwg_parsing_does(given, href):
    from workers_env import js
    from workers_env.runtime.jsweb import JsRequest

    assert js.URL.new(given).href == href
    assert JsRequest(given).url == href  # new Request(url).url is the parsed URL


def test_set_replaces_the_first_entry_in_place_and_drops_the_rest():
    from workers_env import js

    params = js.URLSearchParams.new("a=1&b=2&a=3&c=4")
    params.set("a", "9")
    assert params.toString() == "a=9&b=2&c=4"
    params.set("d", "5")
    assert params.toString() == "a=9&b=2&c=4&d=5"
    params.append(1, 2)  # names are coerced to strings on every method, as in JavaScript
    assert (params.get(1), params.has(1), list(params.getAll("1"))) == ("2", True, ["2"])
    params.delete(1)
    assert not params.has("1")

    form = js.FormData.new()
    for name, value in [("a", "1"), ("b", "2"), ("a", "3")]:
        form.append(name, value)
    form.set("a", "9")
    form.set("z", "0")
    assert [list(pair) for pair in form.entries()] == [["a", "9"], ["b", "2"], ["z", "0"]]


def test_js_objects_with_get_and_has_read_like_mappings_as_pyodide_reads_them():
    """Pyodide gives ``proxy[key]`` to JS objects with ``get`` and ``key in proxy`` to those with
    ``has``: ``dict(request.headers)`` of a raw JS request works; a missing header is ``null``
    (``Headers.get`` answers it; outside a Worker as the newest Pyodide converts it, ``jsnull``)."""
    from workers_env import js
    from workers_env.runtime.jsproxy import jsnull

    headers = js.Headers.new([["Content-Type", "text/plain"], ["X-Tag", "a"], ["x-tag", "b"]])
    assert dict(headers) == {"content-type": "text/plain", "x-tag": "a, b"}
    assert (headers["X-TAG"], headers["missing"], "content-type" in headers, "nope" in headers) == ("a, b", jsnull, True, False)
    params = js.URLSearchParams.new("a=1&b=2")
    assert (dict(params), params["a"], params["z"], "b" in params) == ({"a": "1", "b": "2"}, "1", jsnull, True)
    # JavaScript ignores extra arguments: a Python-style default is not one (traderjim's Worker)
    assert (headers.get("x-tag", ""), headers.get("missing", ""), params.get("z", "d")) == ("a, b", jsnull, jsnull)
    headers.append("x-new", "1", "ignored")
    assert headers.has("X-New", "ignored")


def test_header_values_are_javascript_strings_and_a_map_initialises_headers():
    """``new Headers(init)`` turns values into ``String(value)`` (``true``, ``1`` for 1.0) and
    takes any iterable of entries, a ``Map`` (``to_js(dict)``) included."""
    from workers_env import js, to_js
    from workers_env.runtime.workers_api import Response

    headers = js.Headers.new(to_js({"x-flag": True, "x-count": 1.0, "x-ratio": 2.5}))
    assert dict(headers) == {"x-count": "1", "x-flag": "true", "x-ratio": "2.5"}
    assert Response("x", headers={"x-cache": False}).headers["x-cache"] == "false"


def test_a_python_dict_as_an_init_is_read_as_the_newest_pyodide_reads_it():
    """Outside a Worker, the newest Pyodide: a dict's PyProxy reads its keys (a property read
    falls back to ``__getitem__`` from Pyodide 0.28), except keys named like a dict method,
    which read the method (with a ``PyProxyWarning``); 0.26's empty reading is pinned through a
    2024 Worker in test_pyproxy_options.py."""
    import warnings

    from workers_env import PyProxyWarning, js

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert js.Request.new("https://example.com", {"method": "POST"}).method == "POST"
        response = js.Response.new("x", {"status": 404, "headers": [["x-a", "1"]]})  # a dict there: jsg's Sequence TypeError
    assert (response.status, response.headers.get("x-a")) == (404, "1")
    with pytest.warns(PyProxyWarning, match="its keys items read as the dict's methods"):
        js.Response.new("x", {"status": 201, "items": 1})
    assert js.Request.new("https://example.com", method="POST").method == "POST"  # keywords: one JS object
    assert list(js.Object.keys({"a": 1, "b": 2})) == ["a", "b"]


def test_text_decoder_streams_a_split_character_and_typed_arrays_have_their_buffer():
    """``decode(chunk, {stream: true})`` keeps an incomplete UTF-8 sequence for the next call (a
    chunked body split inside a character), as in JavaScript; ``.buffer`` is the ArrayBuffer."""
    from workers_env import js

    decoder = js.TextDecoder.new()
    encoded = "café ☕".encode()
    head, tail = encoded[:4], encoded[4:]  # splits the two bytes of "é"
    assert decoder.decode(js.Uint8Array.new(list(head)), stream=True) == "caf"
    assert decoder.decode(js.Uint8Array.new(list(tail)), stream=True) == "é ☕"
    assert decoder.decode() == ""
    assert js.TextDecoder.new().decode(js.Uint8Array.new(list(head))) == "caf\ufffd"  # not streaming: replaced
    buffer = js.Uint8Array.new([1, 2, 3]).buffer
    assert (buffer.constructor.name, buffer.byteLength) == ("ArrayBuffer", 3)


@pytest.mark.asyncio
async def test_create_proxy_of_an_object_can_be_destroyed_and_reads_as_the_object():
    """``create_proxy(task)`` (the SDK's ASGI bridge hands one to ``ctx.waitUntil`` and destroys
    it later): a handle with ``destroy()``/``unwrap()``, awaitable as its object; bindings and
    init objects read the object itself."""
    import asyncio

    from workers_env.runtime.jsfunctions import create_proxy

    async def job():
        return 5

    handle = create_proxy(asyncio.ensure_future(job()))
    assert await handle == 5
    handle.destroy()
    with pytest.raises(Exception, match="Object has already been destroyed") as destroyed:
        handle.unwrap()
    # Pyodide's text outside its debug mode, checked under Node (tools/pyodide/, case 272)
    assert str(destroyed.value).endswith("\nFor more information about the cause of this error, use `pyodide.setDebug(true)`")
    called = create_proxy(lambda x: x + 1)
    called.destroy()
    with pytest.raises(Exception, match="^Error: Object has already been destroyed\n"):
        called(1)
    from workers_env import js
    response = js.Response.new("x", create_proxy({"status": 201}))  # a dict's PyProxy, read as newest Pyodide reads it
    assert response.status == 201


@pytest.mark.asyncio
async def test_a_workerd_global_not_emulated_imports_and_refuses_when_used(tmp_path):
    """``from js import HTMLRewriter`` loads (a Worker serves its other routes in production
    whatever one route does with it); using it says what is missing."""
    from workers_env import NotEmulatedError

    entry = """
    from js import MessageChannel, HTMLRewriter, Math
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            if request.url.endswith("/ws"):
                MessageChannel.new()
            if request.url.endswith("/rewrite"):
                HTMLRewriter()
            return Response("page")
    """
    worker = load_worker(make(tmp_path, entry))
    assert await (await worker.fetch("/")).text() == "page"
    with pytest.raises(NotEmulatedError, match=r"^js\.MessageChannel is not emulated by workers-env: importing it "
                                               r"works, as in production, but js\.MessageChannel\.new needs the real runtime"):
        await worker.fetch("/ws")
    with pytest.raises(NotEmulatedError) as called:
        await worker.fetch("/rewrite")
    assert str(called.value) == (
        "js.HTMLRewriter is not emulated by workers-env: importing it works, as in production, but calling "
        "js.HTMLRewriter needs the real runtime (see \"Not covered\" in docs/runtime-stand-ins.md). Keep "
        "that path out of local runs or open an issue.")
