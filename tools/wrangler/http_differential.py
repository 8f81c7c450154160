"""Differential check of ``workers-env dev`` against ``wrangler dev`` (local workerd) at the HTTP level.

The same Worker is written twice -- in JavaScript for ``wrangler dev`` (which cannot run a Python
Worker offline: workerd fetches its Pyodide bundle from pyodide-capnp-bin.edgeworker.net at start)
and in Python for ``workers-env dev`` -- and both servers get the SAME raw bytes on
a socket: HEAD requests, empty, fixed-length and streamed bodies, chunked and ``Content-Length``
request bodies, ``Expect: 100-continue``, odd targets (percent-encoded and non-ASCII query bytes,
``..`` and ``//``, absolute-form, ``*``), duplicate request headers, several ``Set-Cookie``, a
204/304 given a body, redirects, a Worker that throws, no ``Host``, a long header, HTTP/1.0,
``Connection: keep-alive``/``close``, ``Accept-Encoding: gzip``, PATCH/OPTIONS/unknown methods,
streams returned whose length workerd knows or not (a KV ``get``/``getWithMetadata`` stream, the
request's own body sent with a length or chunked, a local origin's answer -- with a
``Content-Length`` or chunked -- returned whole or as ``new Response(answer.body)``, and one
whose second event the origin sends only once the client has the first), and a local origin's
answer in gzip returned whole, as ``new Response(answer.body, answer)`` or decoded, read by the
Worker, paced, corrupt, cut short, followed by bytes that are not gzip, empty, or in ``deflate``.
The Worker echoes what it saw of the request (method, URL, headers in iteration order,
``headers.get`` of a duplicated header, body length and text) as JSON, so the request side is
compared as well as the response.

The JavaScript Worker is served with ``no_bundle = true``, as wrangler serves every Python Worker
(``applyPythonConfig``): a bundled one would get the middleware wrangler's bundler wraps it in
for dev -- a drain of the request body it left unread, Miniflare's JSON error (the pretty error
page), ``/__scheduled`` -- that a Python Worker never has.

Each response is compared by its status line, its headers (names and values, the order of a
name's values; ``Date`` and the other per-instance values left out), its framing (``Content-Length``, chunked, until
close), its body bytes (a gzip body by what it decodes to; a 500's stack without the frame
Miniflare's entry worker adds, which names a file of wrangler's install, and its
``Content-Length`` by whether it is the body's), any interim ``100 Continue`` and
whether the connection is still open afterwards. A case written ``{"case": ..., "expected":
"why"}`` may differ on purpose (README, "Where we had to choose"); it is reported apart.

    WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler python3 tools/wrangler/http_differential.py [--all] [--strict] [--only NAME]

``--all`` prints the cases that agree too, ``--strict`` compares header names' case and the
order of different names as well, ``--only NAME`` runs the cases whose name contains ``NAME``.

Not collected by pytest (needs Node, wrangler and two free ports); offline once installed.
"""

from __future__ import annotations

import gzip
import http.server
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(HERE))

from casediff import _free_port, print_cases

COMPATIBILITY_DATE = "2026-09-28"

JS_WORKER = r"""
export default {
  async fetch(request, env, ctx) {
    const path = new URL(request.url).pathname;
    const enc = new TextEncoder();
    if (path === "/ready") return new Response("ready");
    if (path === "/empty-null") return new Response(null);
    if (path === "/empty-string") return new Response("");
    if (path === "/length") return new Response("hello", { headers: { "content-length": "5" } });
    if (path === "/wrong-length") return new Response("hello", { headers: { "content-length": "3" } });
    if (path === "/stream") {
      const ts = new TransformStream();
      const w = ts.writable.getWriter();
      ctx.waitUntil((async () => { await w.write(enc.encode("chunk1,")); await w.write(enc.encode("chunk2")); await w.close(); })());
      return new Response(ts.readable);
    }
    if (path === "/canceled-body" || path === "/piped-body") {  // a stream canceled or piped: disturbed
      const ts = new TransformStream();
      if (path === "/canceled-body") await ts.readable.cancel();
      else { const dest = new TransformStream(), w = dest.writable.getWriter(); await w.close(); w.releaseLock();
             await ts.readable.pipeTo(dest.writable, { preventCancel: true }).catch(() => {}); }
      try { return new Response(ts.readable); } catch (e) { return new Response(`${e.name}: ${e.message}`, { status: 500 }); }
    }
    if (path === "/cookies") {
      const h = new Headers();
      h.append("Set-Cookie", "a=1; Path=/");
      h.append("Set-Cookie", "b=2; HttpOnly");
      h.append("X-Multi", "1");
      h.append("X-Multi", "2");
      h.append("X-Upper", "Value");
      return new Response("ok", { headers: h });
    }
    if (path === "/204") return new Response(null, { status: 204 });
    if (path === "/204-body") return new Response("body", { status: 204 });
    // hunt26: nomadically.work's resume-rag answers a preflight Response("", status=204, headers=...)
    if (path === "/204-empty") return new Response("", { status: 204, headers: { "Access-Control-Allow-Origin": "*", "Access-Control-Max-Age": "86400" } });
    if (path === "/304-body") return new Response("body", { status: 304 });
    if (path === "/redirect") return Response.redirect("https://example.com/to?x=1", 302);
    if (path === "/redirect-301") return Response.redirect("https://example.com/moved", 301);
    if (path === "/throw") throw new Error("boom");
    if (path === "/not-response") return "hello";
    if (path === "/hang") { await new Promise(() => {}); }
    if (path === "/aborted") AbortSignal.abort().throwIfAborted();
    if (path === "/custom-name") { const e = new Error("custom"); e.name = "PythonError"; throw e; }
    if (path === "/text") return new Response("hello world ".repeat(200), { headers: { "content-type": "text/plain" } });
    if (path === "/json") return new Response(JSON.stringify({ a: "b".repeat(500) }), { headers: { "content-type": "application/json" } });
    if (path === "/png") return new Response("x".repeat(2000), { headers: { "content-type": "image/png" } });
    // wrangler dev's ProxyWorker sends text/html through HTMLRewriter: chunked, whatever the length
    if (path === "/html") return new Response("<p>h\u00e9llo</p>", { headers: { "content-type": "text/html" } });
    if (path === "/html-upper") return new Response("<p>x</p>", { headers: { "content-type": "Text/HTML" } });
    if (path === "/html-null") return new Response(null, { headers: { "content-type": "text/html;charset=utf-8" } });
    // review40: what else passes through the ProxyWorker's HTMLRewriter, and how it is framed
    if (path === "/html-gzip") return new Response("<p>gz</p>", { headers: { "content-type": "text/html", "content-encoding": "gzip" } });
    if (path === "/html-204") return new Response(null, { status: 204, headers: { "content-type": "text/html" } });
    if (path === "/html-304") return new Response(null, { status: 304, headers: { "content-type": "text/html" } });
    if (path === "/html-redirect") return new Response("<a href=/x>moved</a>", { status: 302, headers: { "content-type": "text/html", location: "/x" } });
    if (path === "/html-params") return new Response("<p>p</p>", { headers: { "content-type": "text/html; charset=UTF-8" } });
    if (path === "/html-length") return new Response("<p>9</p>", { headers: { "content-type": "text/html", "content-length": "8" } });
    if (path === "/xhtml") return new Response("<p>x</p>", { headers: { "content-type": "application/xhtml+xml" } });
    if (path === "/html-stream") {
      const ts = new TransformStream(), w = ts.writable.getWriter();
      ctx.waitUntil((async () => { await w.write(enc.encode("<p>1</p>")); await w.write(enc.encode("<p>2</p>")); await w.close(); })());
      return new Response(ts.readable, { headers: { "content-type": "text/html" } });
    }
    if (path === "/assets-page" || path === "/assets-text") {
      return env.ASSETS.fetch(new URL(path === "/assets-page" ? "/site/page" : "/site/data.txt", request.url));
    }
    if (path === "/fixed" || path === "/fixed-html") {
      const { readable, writable } = new FixedLengthStream(5), w = writable.getWriter();
      w.write(enc.encode("hello")); w.close();
      return new Response(readable, { headers: { "content-type": path === "/fixed" ? "text/plain" : "text/html" } });
    }
    if (path === "/status-text") return new Response("ok", { status: 201, statusText: "Made" });
    // a binding's or a fetch answer's stream, or the request's own body, returned: framed by whether its length is known
    if (path === "/kv-stream") { await env.KV.put("k", "hello kv"); return new Response(await env.KV.get("k", "stream")); }
    if (path === "/kv-stream-empty") { await env.KV.put("e", ""); return new Response(await env.KV.get("e", "stream")); }
    if (path === "/kv-meta-stream") {
      await env.KV.put("m", "hello meta", { metadata: { a: 1 } });
      return new Response((await env.KV.getWithMetadata("m", "stream")).value);
    }
    if (path === "/request-body") return new Response(request.body);
    // a Blob's stream returned, as a public runtime fixture does (hunt30): workerd knows its length
    if (path === "/blob-stream") return new Response(new Blob(["first-", "second"]).stream());
    if (path === "/blob-stream-empty") return new Response(new Blob([]).stream());
    if (path.startsWith("/origin/")) {  // /origin/{length,chunked,paced,gzip-*}/{body,whole,rewrap,reads,text}
      const [, , kind, how] = path.split("/");
      const answer = await fetch(env.ORIGIN + kind);
      if (how === "whole") return answer;
      if (how === "rewrap") return new Response(answer.body, answer);
      if (how === "reads" || how === "text") {  // what the Worker reads of it, and the error it meets
        const json = { "content-type": "application/json" };
        let got = "";
        try {
          if (how === "text") got = await answer.text();
          else {
            const reader = answer.body.getReader(), dec = new TextDecoder();
            for (;;) { const { done, value } = await reader.read(); if (done) break; got += dec.decode(value, { stream: true }); }
          }
        } catch (e) { return new Response(JSON.stringify({ got, error: `${e.name}: ${e.message}` }), { headers: json }); }
        return new Response(JSON.stringify({ got, error: null }), { headers: json });
      }
      return new Response(answer.body);
    }
    const body = new Uint8Array(await request.arrayBuffer());
    const seen = { method: request.method, url: request.url, headers: [...request.headers],
                   dup: request.headers.get("x-dup"), body: body.length,
                   text: new TextDecoder().decode(body).slice(0, 64) };
    return new Response(JSON.stringify(seen), { headers: { "content-type": "application/json" } });
  },
};
"""

PY_WORKER = r'''
import json
from urllib.parse import urlparse

import js
from js import AbortSignal, Headers, TextEncoder, TransformStream
from pyodide.ffi import create_proxy
from workers import Blob, Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        path = urlparse(request.url).path
        if path == "/ready":
            return Response("ready")
        if path == "/empty-null":
            return Response(None)
        if path == "/empty-string":
            return Response("")
        if path == "/length":
            return Response("hello", headers={"content-length": "5"})
        if path == "/wrong-length":
            return Response("hello", headers={"content-length": "3"})
        if path == "/stream":
            ts = TransformStream.new()
            writer = ts.writable.getWriter()

            async def pump():
                await writer.write(TextEncoder.new().encode("chunk1,"))
                await writer.write(TextEncoder.new().encode("chunk2"))
                await writer.close()

            self.ctx.waitUntil(create_proxy(pump)())
            return Response(ts.readable)
        if path in ("/canceled-body", "/piped-body"):  # a stream canceled or piped: disturbed
            ts = TransformStream.new()
            if path == "/canceled-body":
                await ts.readable.cancel()
            else:
                dest = TransformStream.new()
                writer = dest.writable.getWriter()
                await writer.close()
                writer.releaseLock()
                try:
                    await ts.readable.pipeTo(dest.writable, preventCancel=True)
                except Exception:
                    pass
            try:
                return Response(ts.readable)
            except Exception as e:
                return Response(f"{e.name}: {e.message}", status=500)
        if path == "/cookies":
            h = Headers.new()
            h.append("Set-Cookie", "a=1; Path=/")
            h.append("Set-Cookie", "b=2; HttpOnly")
            h.append("X-Multi", "1")
            h.append("X-Multi", "2")
            h.append("X-Upper", "Value")
            return Response("ok", headers=h)
        if path == "/204":
            return Response(None, status=204)
        if path == "/204-body":
            return Response("body", status=204)
        if path == "/204-empty":
            return Response("", status=204, headers={"Access-Control-Allow-Origin": "*", "Access-Control-Max-Age": "86400"})
        if path == "/304-body":
            return Response("body", status=304)
        if path == "/redirect":
            return Response.redirect("https://example.com/to?x=1", 302)
        if path == "/redirect-301":
            return Response.redirect("https://example.com/moved", 301)
        if path == "/throw":
            raise ValueError("boom")
        if path == "/not-response":
            return "hello"
        if path == "/aborted":  # a DOMException let through
            AbortSignal.abort().throwIfAborted()
        if path == "/hang":  # a read nothing will ever answer: workerd's hang
            await TransformStream.new().readable.getReader().read()
        if path == "/custom-name":
            raise ValueError("custom")
        if path == "/text":
            return Response("hello world " * 200, headers={"content-type": "text/plain"})
        if path == "/json":
            return Response(json.dumps({"a": "b" * 500}, separators=(",", ":")), headers={"content-type": "application/json"})
        if path == "/png":
            return Response("x" * 2000, headers={"content-type": "image/png"})
        if path == "/html":
            return Response("<p>h\u00e9llo</p>", headers={"content-type": "text/html"})
        if path == "/html-upper":
            return Response("<p>x</p>", headers={"content-type": "Text/HTML"})
        if path == "/html-null":
            return Response(None, headers={"content-type": "text/html;charset=utf-8"})
        if path == "/html-gzip":
            return Response("<p>gz</p>", headers={"content-type": "text/html", "content-encoding": "gzip"})
        if path in ("/html-204", "/html-304"):
            return Response(None, status=int(path[-3:]), headers={"content-type": "text/html"})
        if path == "/html-redirect":
            return Response("<a href=/x>moved</a>", status=302, headers={"content-type": "text/html", "location": "/x"})
        if path == "/html-params":
            return Response("<p>p</p>", headers={"content-type": "text/html; charset=UTF-8"})
        if path == "/html-length":
            return Response("<p>9</p>", headers={"content-type": "text/html", "content-length": "8"})
        if path == "/xhtml":
            return Response("<p>x</p>", headers={"content-type": "application/xhtml+xml"})
        if path == "/html-stream":
            ts = TransformStream.new()
            w = ts.writable.getWriter()

            async def pump_html():
                await w.write(TextEncoder.new().encode("<p>1</p>"))
                await w.write(TextEncoder.new().encode("<p>2</p>"))
                await w.close()

            self.ctx.waitUntil(create_proxy(pump_html)())
            return Response(ts.readable, headers={"content-type": "text/html"})
        if path in ("/assets-page", "/assets-text"):
            target = js.URL.new("/site/page" if path == "/assets-page" else "/site/data.txt", request.url)
            return await self.env.ASSETS.fetch(target.href)
        if path in ("/fixed", "/fixed-html"):
            pair = js.FixedLengthStream.new(5)
            writer = pair.writable.getWriter()
            writer.write(TextEncoder.new().encode("hello"))
            writer.close()
            return Response(pair.readable, headers={"content-type": "text/plain" if path == "/fixed" else "text/html"})
        if path == "/status-text":
            return Response("ok", status=201, status_text="Made")
        if path == "/kv-stream":
            await self.env.KV.put("k", "hello kv")
            return Response(await self.env.KV.get("k", "stream"))
        if path == "/kv-stream-empty":
            await self.env.KV.put("e", "")
            return Response(await self.env.KV.get("e", "stream"))
        if path == "/kv-meta-stream":
            await self.env.KV.put("m", "hello meta", metadata={"a": 1})
            return Response((await self.env.KV.getWithMetadata("m", "stream"))["value"])
        if path == "/request-body":
            return Response(request.js_object.body)
        if path == "/blob-stream":  # a public runtime fixture's /stream (hunt30)
            return Response(Blob(["first-", "second"]).js_object.stream())
        if path == "/blob-stream-empty":
            return Response(Blob([]).js_object.stream())
        if path.startswith("/origin/"):  # /origin/{length,chunked,paced,gzip-*}/{body,whole,rewrap,reads,text}
            _, _, kind, how = path.split("/")
            answer = await js.fetch(self.env.ORIGIN + kind)
            if how == "whole":
                return answer
            if how == "rewrap":
                return js.Response.new(answer.body, answer)
            if how in ("reads", "text"):  # what the Worker reads of it, and the error it meets
                got, error = [], None
                try:
                    if how == "text":
                        got.append((await answer.text()).encode())
                    else:
                        reader = answer.body.getReader()
                        while not (part := await reader.read()).done:
                            got.append(bytes(part.value.to_py()))
                except Exception as e:
                    error = f"{e.name}: {e.message}"
                seen = {"got": b"".join(got).decode("utf-8", "replace"), "error": error}
                return Response(json.dumps(seen, separators=(",", ":"), ensure_ascii=False),
                                headers={"content-type": "application/json"})
            return Response(answer.body)
        body = bytes(await request.bytes())
        seen = {"method": request.method, "url": request.url, "headers": [[k, v] for k, v in request.headers.items()],
                "dup": request.headers.get("x-dup"), "body": len(body),
                "text": body.decode("utf-8", "replace")[:64]}
        return Response(json.dumps(seen, separators=(",", ":"), ensure_ascii=False),
                        headers={"content-type": "application/json"})
'''

#: the frame Miniflare's entry worker adds to the stack it answers a thrown error with
MINIFLARE_FRAME = "\n    at async Object.fetch (file://"
#: response headers whose values are the clock's or the instance's
VOLATILE = frozenset({"date", "cf-ray"})
#: response headers compared by their presence: a static asset's ETag hashes the file's absolute
#: path and modification time (README, "Where we had to choose"), and each server has its own copy
PRESENCE = frozenset({"etag"})
#: ``--strict``: compare header names' case and the order of different names too. HTTP gives
#: neither a meaning; wrangler dev 4.164.0 writes names as the Worker or KJ spells them (``X-Multi``), the framing
#: header first and ``Connection`` last, workers-env as the Worker gave them, framing last.
STRICT = "--strict" in sys.argv
H = "Host: example.test\r\n"


def req(line: str, *headers: str, body: bytes = b"", host: bool = True) -> bytes:
    """A request's bytes: ``line``, ``Host: example.test`` (unless ``host`` is false), ``headers``."""
    head = line + "\r\n" + (H if host else "") + "".join(h + "\r\n" for h in headers) + "\r\n"
    return head.encode("latin-1") + body


def utf8(text: str) -> bytes:
    return text.encode("utf-8")


CLOSE = "Connection: close"

#: why a case may differ (README: the dev server's guarantees and "Where we had to choose")
THREW = ("a Python Worker that throws is answered `PythonError: ` and its traceback (README: Pyodide rejects the "
         "handler with a PythonError); the JavaScript Worker's `throw new Error(\"boom\")` reads `Error: boom`")
NO_URL = ("a target no URL takes is workerd's bare 500 here (README, Where we had to choose); wrangler dev's "
          "Miniflare entry worker answers its own TypeError with a stack naming its files")
HTTP10_KEEP_ALIVE = ("h11, uvicorn's HTTP layer, closes an HTTP/1.0 connection after one answer even when asked "
                     "to keep it (Connection: close sent); wrangler dev keeps it (README, Dev server limits)")
BAD_BODY = ("a chunked body that is not well-formed (a chunk size that is not hex, a trailer line that is no field) "
            "is uvicorn's 400 here; wrangler dev's Miniflare entry worker answers its own 500 `Network connection "
            "lost` with a stack naming its files (README, Dev server limits)")
FOLDED_TRAILER = ("h11 unfolds a trailer line folded onto a field and the trailer is ignored, so the request is "
                  "served; wrangler dev's body read fails, Miniflare's 500 `Network connection lost` (README, Dev "
                  "server limits)")
TWO_TE = ("h11, uvicorn's HTTP layer, refuses a repeated Transfer-Encoding header (uvicorn's 400); wrangler dev "
          "reads the body chunked (README, Dev server limits)")
LONG_URL = ("workerd fails a request whose URL is this long (Miniflare's `internal error` 500); workers-env has "
            "no URL length limit (README, Dev server limits)")
UNENDED_HEAD = ("h11 refuses a head still incomplete past 16 KiB (uvicorn's 400); wrangler dev waits for its end "
                "(README, Dev server limits)")
PURGE = ("reading request.method of a method Python's http.HTTPMethod lacks raises KeyError, as the SDK's "
         "HTTPMethod[...] does in production: a 500 (README, Dev server limits)")

#: each case: a name, the bytes to send (a list of parts sent 0.3 s apart, for Expect: 100-continue and heads
#: split across reads),
#: and the methods of the responses expected (HEAD's have no body)
CASES: list[Any] = [
    # --- HEAD, empty, fixed-length and streamed bodies ---------------------------------------
    ("HEAD echo", [req("HEAD / HTTP/1.1", CLOSE)], ["HEAD"]),
    ("HEAD /length", [req("HEAD /length HTTP/1.1", CLOSE)], ["HEAD"]),
    ("HEAD /stream", [req("HEAD /stream HTTP/1.1", CLOSE)], ["HEAD"]),
    ("HEAD /empty-null", [req("HEAD /empty-null HTTP/1.1", CLOSE)], ["HEAD"]),
    ("HEAD /text", [req("HEAD /text HTTP/1.1", CLOSE)], ["HEAD"]),
    ("html (chunked by wrangler dev's ProxyWorker)", [req("GET /html HTTP/1.1", CLOSE)], ["GET"]),
    ("HEAD html", [req("HEAD /html HTTP/1.1", CLOSE)], ["HEAD"]),
    ("Text/HTML (not rewritten)", [req("GET /html-upper HTTP/1.1", CLOSE)], ["GET"]),
    ("null-body html", [req("GET /html-null HTTP/1.1", CLOSE)], ["GET"]),
    ("FixedLengthStream", [req("GET /fixed HTTP/1.1", CLOSE)], ["GET"]),
    ("HEAD FixedLengthStream", [req("HEAD /fixed HTTP/1.1", CLOSE)], ["HEAD"]),
    ("FixedLengthStream html", [req("GET /fixed-html HTTP/1.1", CLOSE)], ["GET"]),
    ("html, Accept-Encoding gzip", [req("GET /html HTTP/1.1", "Accept-Encoding: gzip", CLOSE)], ["GET"]),
    ("html, Content-Encoding gzip", [req("GET /html-gzip HTTP/1.1", CLOSE)], ["GET"]),
    ("html, Content-Encoding gzip, Accept-Encoding gzip", [req("GET /html-gzip HTTP/1.1", "Accept-Encoding: gzip", CLOSE)], ["GET"]),
    ("HEAD html, Content-Encoding gzip", [req("HEAD /html-gzip HTTP/1.1", CLOSE)], ["HEAD"]),
    ("204 html", [req("GET /html-204 HTTP/1.1", CLOSE)], ["GET"]),
    ("304 html", [req("GET /html-304 HTTP/1.1", CLOSE)], ["GET"]),
    ("302 html", [req("GET /html-redirect HTTP/1.1", CLOSE)], ["GET"]),
    ("HEAD 302 html", [req("HEAD /html-redirect HTTP/1.1", CLOSE)], ["HEAD"]),
    ("html; charset=UTF-8", [req("GET /html-params HTTP/1.1", CLOSE)], ["GET"]),
    ("html with the Worker's Content-Length", [req("GET /html-length HTTP/1.1", CLOSE)], ["GET"]),
    ("HEAD html with the Worker's Content-Length", [req("HEAD /html-length HTTP/1.1", CLOSE)], ["HEAD"]),
    ("xhtml (not rewritten)", [req("GET /xhtml HTTP/1.1", CLOSE)], ["GET"]),
    ("html streamed", [req("GET /html-stream HTTP/1.1", CLOSE)], ["GET"]),
    ("HEAD html-params", [req("HEAD /html-params HTTP/1.1", CLOSE)], ["HEAD"]),
    ("HEAD 204 html", [req("HEAD /html-204 HTTP/1.1", CLOSE)], ["HEAD"]),
    ("HEAD FixedLengthStream html", [req("HEAD /fixed-html HTTP/1.1", CLOSE)], ["HEAD"]),
    ("asset page", [req("GET /site/page HTTP/1.1", CLOSE)], ["GET"]),
    ("HEAD asset page", [req("HEAD /site/page HTTP/1.1", CLOSE)], ["HEAD"]),
    ("asset page, Accept-Encoding gzip", [req("GET /site/page HTTP/1.1", "Accept-Encoding: gzip", CLOSE)], ["GET"]),
    ("asset page.html redirect", [req("GET /site/page.html HTTP/1.1", CLOSE)], ["GET"]),
    ("asset text", [req("GET /site/data.txt HTTP/1.1", CLOSE)], ["GET"]),
    ("HEAD asset text", [req("HEAD /site/data.txt HTTP/1.1", CLOSE)], ["HEAD"]),
    ("asset text, Accept-Encoding gzip", [req("GET /site/data.txt HTTP/1.1", "Accept-Encoding: gzip", CLOSE)], ["GET"]),
    ("asset page if-none-match", [req("GET /site/page HTTP/1.1", 'If-None-Match: "x"', CLOSE)], ["GET"]),
    ("env.ASSETS.fetch page", [req("GET /assets-page HTTP/1.1", CLOSE)], ["GET"]),
    ("HEAD env.ASSETS.fetch page", [req("HEAD /assets-page HTTP/1.1", CLOSE)], ["HEAD"]),
    ("env.ASSETS.fetch text", [req("GET /assets-text HTTP/1.1", CLOSE)], ["GET"]),
    ("origin html, whole", [req("GET /origin/html/whole HTTP/1.1", CLOSE)], ["GET"]),
    ("HEAD origin html, whole", [req("HEAD /origin/html/whole HTTP/1.1", CLOSE)], ["HEAD"]),
    ("origin html, rewrap", [req("GET /origin/html/rewrap HTTP/1.1", CLOSE)], ["GET"]),
    ("origin html gzip, whole", [req("GET /origin/html-gzip/whole HTTP/1.1", CLOSE)], ["GET"]),
    ("origin html gzip, whole, Accept-Encoding gzip", [req("GET /origin/html-gzip/whole HTTP/1.1", "Accept-Encoding: gzip", CLOSE)], ["GET"]),
    ("GET /empty-null", [req("GET /empty-null HTTP/1.1", CLOSE)], ["GET"]),
    ("GET /empty-string", [req("GET /empty-string HTTP/1.1", CLOSE)], ["GET"]),
    ("GET /length", [req("GET /length HTTP/1.1", CLOSE)], ["GET"]),
    ("GET /wrong-length", [req("GET /wrong-length HTTP/1.1", CLOSE)], ["GET"]),
    ("GET /stream", [req("GET /stream HTTP/1.1", CLOSE)], ["GET"]),
    ("GET /status-text", [req("GET /status-text HTTP/1.1", CLOSE)], ["GET"]),
    ("GET /canceled-body", [req("GET /canceled-body HTTP/1.1", CLOSE)], ["GET"]),
    ("GET /piped-body", [req("GET /piped-body HTTP/1.1", CLOSE)], ["GET"]),
    # --- streams of known and unknown length returned: a binding's, a fetch answer's, the request's ---
    ("GET /kv-stream", [req("GET /kv-stream HTTP/1.1", CLOSE)], ["GET"]),
    ("GET /kv-stream-empty", [req("GET /kv-stream-empty HTTP/1.1", CLOSE)], ["GET"]),
    ("GET /kv-meta-stream", [req("GET /kv-meta-stream HTTP/1.1", CLOSE)], ["GET"]),
    ("HEAD /kv-stream", [req("HEAD /kv-stream HTTP/1.1", CLOSE)], ["HEAD"]),
    ("GET /blob-stream", [req("GET /blob-stream HTTP/1.1", CLOSE)], ["GET"]),
    ("GET /blob-stream-empty", [req("GET /blob-stream-empty HTTP/1.1", CLOSE)], ["GET"]),
    ("HEAD /blob-stream", [req("HEAD /blob-stream HTTP/1.1", CLOSE)], ["HEAD"]),
    ("request body Content-Length returned", [req("POST /request-body HTTP/1.1", CLOSE, "Content-Length: 5",
                                                  body=b"hello")], ["POST"]),
    ("request body chunked returned", [req("POST /request-body HTTP/1.1", CLOSE, "Transfer-Encoding: chunked",
                                           body=b"5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n")], ["POST"]),
    ("origin Content-Length, body", [req("GET /origin/length/body HTTP/1.1", CLOSE)], ["GET"]),
    ("origin Content-Length, whole", [req("GET /origin/length/whole HTTP/1.1", CLOSE)], ["GET"]),
    ("origin chunked, body", [req("GET /origin/chunked/body HTTP/1.1", CLOSE)], ["GET"]),
    ("origin chunked, whole", [req("GET /origin/chunked/whole HTTP/1.1", CLOSE)], ["GET"]),
    ("HEAD origin chunked, body", [req("HEAD /origin/chunked/body HTTP/1.1", CLOSE)], ["HEAD"]),
    # the first of two events reaches the client before the origin sends the second
    ("origin paced events, whole", [req("GET /origin/paced/whole HTTP/1.1", CLOSE)], ["GET"]),
    ("origin paced events, body", [req("GET /origin/paced/body HTTP/1.1", CLOSE)], ["GET"]),
    # --- a fetch answer in gzip: passed on as it came, decoded as it arrives, its failures --------
    ("origin gzip Content-Length, whole", [req("GET /origin/gzip-length/whole HTTP/1.1", CLOSE)], ["GET"]),
    ("origin gzip Content-Length, rewrap", [req("GET /origin/gzip-length/rewrap HTTP/1.1", CLOSE)], ["GET"]),
    ("origin gzip Content-Length, body", [req("GET /origin/gzip-length/body HTTP/1.1", CLOSE)], ["GET"]),
    ("origin gzip Content-Length, text", [req("GET /origin/gzip-length/text HTTP/1.1", CLOSE)], ["GET"]),
    ("HEAD origin gzip Content-Length, whole", [req("HEAD /origin/gzip-length/whole HTTP/1.1", CLOSE)], ["HEAD"]),
    ("origin gzip Content-Length, whole, identity", [req("GET /origin/gzip-length/whole HTTP/1.1", CLOSE,
                                                         "Accept-Encoding: identity")], ["GET"]),
    ("origin gzip chunked, whole", [req("GET /origin/gzip-chunked/whole HTTP/1.1", CLOSE)], ["GET"]),
    ("origin gzip chunked, body", [req("GET /origin/gzip-chunked/body HTTP/1.1", CLOSE)], ["GET"]),
    ("origin gzip chunked, reads", [req("GET /origin/gzip-chunked/reads HTTP/1.1", CLOSE)], ["GET"]),
    # the first of two gzip-flushed events reaches the client before the origin sends the second
    ("origin gzip paced events, whole", [req("GET /origin/gzip-paced/whole HTTP/1.1", CLOSE)], ["GET"]),
    ("origin gzip paced events, body", [req("GET /origin/gzip-paced/body HTTP/1.1", CLOSE)], ["GET"]),
    ("origin gzip corrupt, reads", [req("GET /origin/gzip-bad/reads HTTP/1.1", CLOSE)], ["GET"]),
    ("origin gzip corrupt, text", [req("GET /origin/gzip-bad/text HTTP/1.1", CLOSE)], ["GET"]),
    ("origin gzip corrupt, whole", [req("GET /origin/gzip-bad/whole HTTP/1.1", CLOSE)], ["GET"]),
    ("origin gzip corrupt, body", [req("GET /origin/gzip-bad/body HTTP/1.1", CLOSE)], ["GET"]),
    ("origin gzip truncated, reads", [req("GET /origin/gzip-cut/reads HTTP/1.1", CLOSE)], ["GET"]),
    ("origin gzip truncated, whole", [req("GET /origin/gzip-cut/whole HTTP/1.1", CLOSE)], ["GET"]),
    ("origin gzip trailing bytes, reads", [req("GET /origin/gzip-trailing/reads HTTP/1.1", CLOSE)], ["GET"]),
    ("origin gzip not gzip, text", [req("GET /origin/gzip-junk/text HTTP/1.1", CLOSE)], ["GET"]),
    ("origin gzip empty, reads", [req("GET /origin/gzip-empty/reads HTTP/1.1", CLOSE)], ["GET"]),
    ("origin gzip empty, whole", [req("GET /origin/gzip-empty/whole HTTP/1.1", CLOSE)], ["GET"]),
    ("origin deflate, text", [req("GET /origin/deflate/text HTTP/1.1", CLOSE)], ["GET"]),
    # --- request bodies ---------------------------------------------------------------------
    ("POST Content-Length", [req("POST / HTTP/1.1", CLOSE, "Content-Length: 5", body=b"hello")], ["POST"]),
    ("POST chunked", [req("POST / HTTP/1.1", CLOSE, "Transfer-Encoding: chunked",
                          body=b"5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n")], ["POST"]),
    ("POST chunked with trailer", [req("POST / HTTP/1.1", CLOSE, "Transfer-Encoding: chunked",
                                       body=b"3\r\nabc\r\n0\r\nX-Trailer: t\r\n\r\n")], ["POST"]),
    ("POST no body", [req("POST / HTTP/1.1", CLOSE)], ["POST"]),
    ("PUT Content-Length: 0", [req("PUT / HTTP/1.1", CLOSE, "Content-Length: 0")], ["PUT"]),
    ("GET with body", [req("GET / HTTP/1.1", CLOSE, "Content-Length: 3", body=b"abc")], ["GET"]),
    ("POST utf-8 body", [req("POST / HTTP/1.1", CLOSE, "Content-Length: 6", body=utf8("h\u00e9\u20ac"))], ["POST"]),
    ("Expect: 100-continue", [req("POST / HTTP/1.1", CLOSE, "Content-Length: 5", "Expect: 100-continue"), b"hello"],
     ["POST"]),
    ("Expect: 100-continue chunked", [req("POST / HTTP/1.1", CLOSE, "Transfer-Encoding: chunked",
                                          "Expect: 100-continue"), b"2\r\nhi\r\n0\r\n\r\n"], ["POST"]),
    # --- targets ------------------------------------------------------------------------------
    ("query percent-encoded", [req("GET /q?a=%20b%2Fc&d=%zz&e=+f HTTP/1.1", CLOSE)], ["GET"]),
    ("query raw UTF-8", [b"GET /q?name=caf\xc3\xa9&x=\xe2\x82\xac HTTP/1.1\r\n" + H.encode() + b"Connection: close\r\n\r\n"],
     ["GET"]),
    ("query latin-1 byte", [b"GET /q?x=\xe9 HTTP/1.1\r\n" + H.encode() + b"Connection: close\r\n\r\n"], ["GET"]),
    ("path raw non-ASCII", [b"GET /caf\xc3\xa9/\xe2\x82\xac HTTP/1.1\r\n" + H.encode() + b"Connection: close\r\n\r\n"],
     ["GET"]),
    ("path ..", [req("GET /a/b/../c/./d HTTP/1.1", CLOSE)], ["GET"]),
    ("path //", [req("GET //a//b HTTP/1.1", CLOSE)], ["GET"]),
    ("path %2e%2e", [req("GET /a/%2e%2e/b/%2E/c HTTP/1.1", CLOSE)], ["GET"]),
    ("path above root", [req("GET /../../x HTTP/1.1", CLOSE)], ["GET"]),
    ("path backslash", [req("GET /a\\b HTTP/1.1", CLOSE)], ["GET"]),
    ("fragment", [req("GET /f?x=1#frag HTTP/1.1", CLOSE)], ["GET"]),
    ("absolute-form", [req("GET http://other.test:81/abs?q=1 HTTP/1.1", CLOSE)], ["GET"]),
    ("absolute-form https", [req("GET https://other.test/abs HTTP/1.1", CLOSE)], ["GET"]),
    {"case": ("asterisk OPTIONS", [req("OPTIONS * HTTP/1.1", CLOSE)], ["OPTIONS"]),
     "expected": NO_URL},
    ("no Host", [req("GET / HTTP/1.1", CLOSE, host=False)], ["GET"]),
    ("no Host HTTP/1.0", [req("GET / HTTP/1.0", host=False)], ["GET"]),
    ("no Host HTTP/1.0, Connection: close", [req("GET / HTTP/1.0", CLOSE, host=False)], ["GET"]),
    ("HTTP/1.0 Connection: close", [req("GET /length HTTP/1.0", CLOSE)], ["GET"]),
    ("two Host headers", [req("GET / HTTP/1.1", CLOSE, "Host: second.test")], ["GET"]),
    ("Host with port", [req("GET / HTTP/1.1", CLOSE, "Host: example.test:8080", host=False)], ["GET"]),
    # --- request headers ----------------------------------------------------------------------
    ("duplicate headers", [req("GET / HTTP/1.1", CLOSE, "X-Dup: a", "X-Dup: b", "x-dup: c")], ["GET"]),
    ("duplicate Cookie", [req("GET / HTTP/1.1", CLOSE, "Cookie: a=1", "Cookie: b=2")], ["GET"]),
    # the client address headers a Worker reads (hunt25: a dyndns2 Worker's /nic/checkip answers CF-Connecting-IP)
    ("client's own CF-Connecting-IP", [req("GET / HTTP/1.1", CLOSE, "CF-Connecting-IP: 203.0.113.9")], ["GET"]),
    ("two CF-Connecting-IP", [req("GET / HTTP/1.1", CLOSE, "CF-Connecting-IP: 203.0.113.9",
                                  "cf-connecting-ip: 2001:db8::1")], ["GET"]),
    ("empty CF-Connecting-IP", [req("GET / HTTP/1.1", CLOSE, "CF-Connecting-IP: ")], ["GET"]),
    ("X-Forwarded-For and X-Real-IP", [req("GET / HTTP/1.1", CLOSE, "X-Forwarded-For: 198.51.100.1, 10.0.0.1",
                                           "X-Real-IP: 198.51.100.1")], ["GET"]),
    ("header case and spaces", [req("GET / HTTP/1.1", CLOSE, "X-MiXeD:   padded value  ", "X-Empty:")], ["GET"]),
    ("long header 8 KiB", [req("GET / HTTP/1.1", CLOSE, "X-Long: " + "a" * 8192)], ["GET"]),
    ("long header 64 KiB", [req("GET / HTTP/1.1", CLOSE, "X-Long: " + "a" * 65536)], ["GET"]),
    ("header obs-text", [b"GET / HTTP/1.1\r\n" + H.encode() + b"Connection: close\r\nX-Latin: caf\xe9\r\n\r\n"],
     ["GET"]),
    ("header utf-8", [b"GET / HTTP/1.1\r\n" + H.encode() + b"Connection: close\r\nX-Utf: \xe2\x82\xac\r\n\r\n"],
     ["GET"]),
    # --- response headers -----------------------------------------------------------------------
    ("Set-Cookie twice", [req("GET /cookies HTTP/1.1", CLOSE)], ["GET"]),
    ("204", [req("GET /204 HTTP/1.1", CLOSE)], ["GET"]),
    ("204 given a body", [req("GET /204-body HTTP/1.1", CLOSE)], ["GET"]),  # a JS TypeError let through
    ("204 given an empty body", [req("OPTIONS /204-empty HTTP/1.1", CLOSE)], ["OPTIONS"]),  # workerd's warning, no error
    ("304 given a body", [req("GET /304-body HTTP/1.1", CLOSE)], ["GET"]),  # a JS TypeError let through
    ("redirect 302", [req("GET /redirect HTTP/1.1", CLOSE)], ["GET"]),
    ("redirect 301 HEAD", [req("HEAD /redirect-301 HTTP/1.1", CLOSE)], ["HEAD"]),
    {"case": ("throw", [req("GET /throw HTTP/1.1", CLOSE)], ["GET"]),
     "expected": THREW},
    {"case": ("throw, browser", [req("GET /throw HTTP/1.1", CLOSE, "Accept: text/html,application/xhtml+xml")], ["GET"]),
     "expected": THREW},
    {"case": ("throw, HEAD", [req("HEAD /throw HTTP/1.1", CLOSE)], ["HEAD"]),
     "expected": THREW},
    ("not a Response", [req("GET /not-response HTTP/1.1", CLOSE)], ["GET"]),  # workerd's own TypeError
    ("hung", [req("GET /hang HTTP/1.1", CLOSE)], ["GET"]),  # workerd's own Error
    ("aborted", [req("GET /aborted HTTP/1.1", CLOSE)], ["GET"]),  # a DOMException let through
    {"case": ("throw, an Error named PythonError", [req("GET /custom-name HTTP/1.1", CLOSE)], ["GET"]),
     "expected": "an error's own name reaches the entry worker's answer (the JavaScript Worker's Error named "
                 "PythonError reads `PythonError: custom`); the Python Worker's PythonError message is its traceback"},
    # --- HTTP/1.0 and connections -----------------------------------------------------------------
    ("HTTP/1.0", [req("GET / HTTP/1.0")], ["GET"]),
    ("HTTP/1.0 stream", [req("GET /stream HTTP/1.0")], ["GET"]),
    {"case": ("HTTP/1.0 keep-alive", [req("GET /length HTTP/1.0", "Connection: keep-alive")], ["GET"]),
     "expected": HTTP10_KEEP_ALIVE},
    {"case": ("HTTP/1.0 keep-alive stream", [req("GET /stream HTTP/1.0", "Connection: keep-alive")], ["GET"]),
     "expected": HTTP10_KEEP_ALIVE},
    ("HTTP/1.1 keep-alive two requests", [req("GET /length HTTP/1.1") + req("GET /empty-null HTTP/1.1")],
     ["GET", "GET"]),
    ("HTTP/1.1 pipelined then close", [req("GET /length HTTP/1.1") + req("GET /stream HTTP/1.1", CLOSE)],
     ["GET", "GET"]),
    ("Connection: close", [req("GET /length HTTP/1.1", CLOSE)], ["GET"]),
    ("Connection: Keep-Alive, X-Hop", [req("GET / HTTP/1.1", "Connection: keep-alive, X-Hop", "X-Hop: 1")], ["GET"]),
    ("keep-alive after 100-continue", [req("POST / HTTP/1.1", "Content-Length: 2", "Expect: 100-continue"),
                                       b"hi"], ["POST"]),
    # --- Accept-Encoding -----------------------------------------------------------------------
    ("gzip text", [req("GET /text HTTP/1.1", CLOSE, "Accept-Encoding: gzip")], ["GET"]),
    ("gzip json", [req("GET /json HTTP/1.1", CLOSE, "Accept-Encoding: gzip, deflate, br")], ["GET"]),
    ("gzip png", [req("GET /png HTTP/1.1", CLOSE, "Accept-Encoding: gzip")], ["GET"]),
    ("gzip HEAD text", [req("HEAD /text HTTP/1.1", CLOSE, "Accept-Encoding: gzip")], ["HEAD"]),
    ("identity text", [req("GET /text HTTP/1.1", CLOSE, "Accept-Encoding: identity")], ["GET"]),
    ("gzip stream", [req("GET /stream HTTP/1.1", CLOSE, "Accept-Encoding: gzip")], ["GET"]),
    ("gzip echo", [req("GET / HTTP/1.1", CLOSE, "Accept-Encoding: gzip")], ["GET"]),
    # --- methods -------------------------------------------------------------------------------
    ("PATCH", [req("PATCH / HTTP/1.1", CLOSE, "Content-Length: 2", body=b"{}")], ["PATCH"]),
    ("OPTIONS", [req("OPTIONS / HTTP/1.1", CLOSE)], ["OPTIONS"]),
    ("DELETE", [req("DELETE / HTTP/1.1", CLOSE)], ["DELETE"]),
    ("custom method", [req("FOO / HTTP/1.1", CLOSE)], ["FOO"]),
    ("lowercase method", [req("get / HTTP/1.1", CLOSE)], ["get"]),
    {"case": ("PURGE", [req("PURGE / HTTP/1.1", CLOSE)], ["PURGE"]),
     "expected": PURGE},
    ("TRACE", [req("TRACE / HTTP/1.1", CLOSE)], ["TRACE"]),
    # --- malformed -----------------------------------------------------------------------------
    ("bad method character", [req("GE@T / HTTP/1.1", CLOSE)], ["GE@T"]),
    ("blank line before request", [b"\r\n" + req("GET /length HTTP/1.1", CLOSE)], ["GET"]),
    ("keep-alive then UTF-8 target", [req("GET /length HTTP/1.1") + b"GET /caf\xc3\xa9 HTTP/1.1\r\n" + H.encode()
                                      + b"Connection: close\r\n\r\n"], ["GET", "GET"]),
    ("keep-alive then bad version", [req("GET /length HTTP/1.1") + b"GET / HTTP/3\r\n" + H.encode() + b"\r\n"],
     ["GET", "GET"]),
    ("absolute-form UTF-8", [b"GET http://other.test/caf\xc3\xa9?q=\xe2\x82\xac HTTP/1.1\r\n" + H.encode()
                             + b"Connection: close\r\n\r\n"], ["GET"]),
    ("bad version", [b"GET / HTTP/2.0\r\n" + H.encode() + b"Connection: close\r\n\r\n"], ["GET"]),
    ("bare LF", [b"GET / HTTP/1.1\n" + H.encode().replace(b"\r\n", b"\n") + b"Connection: close\n\n"], ["GET"]),
    ("bad Content-Length", [req("POST / HTTP/1.1", CLOSE, "Content-Length: abc", body=b"x")], ["POST"]),
    ("two Content-Lengths", [req("POST / HTTP/1.1", CLOSE, "Content-Length: 1", "Content-Length: 2", body=b"xy")],
     ["POST"]),
    ("same Content-Length twice", [req("POST / HTTP/1.1", CLOSE, "Content-Length: 2", "Content-Length: 2",
                                       body=b"xy")], ["POST"]),
    ("Transfer-Encoding: gzip", [req("POST / HTTP/1.1", CLOSE, "Transfer-Encoding: gzip", body=b"xy")], ["POST"]),
    ("HTTP/1.2", [b"GET / HTTP/1.2\r\n" + H.encode() + b"Connection: close\r\n\r\n"], ["GET"]),
    ("lower-case version", [b"GET / http/1.1\r\n" + H.encode() + b"Connection: close\r\n\r\n"], ["GET"]),
    ("space in target", [b"GET /a b HTTP/1.1\r\n" + H.encode() + b"Connection: close\r\n\r\n"], ["GET"]),
    ("control byte in target", [b"GET /a\x01b HTTP/1.1\r\n" + H.encode() + b"Connection: close\r\n\r\n"], ["GET"]),
    ("header without colon", [req("GET / HTTP/1.1", CLOSE, "Bad Header Here")], ["GET"]),
    ("space before colon", [req("GET / HTTP/1.1", CLOSE, "X-A : 1")], ["GET"]),
    ("control byte in header value", [req("GET / HTTP/1.1", CLOSE, "X-A: a\x01b")], ["GET"]),
    ("bad header name", [req("GET / HTTP/1.1", CLOSE, "X(A): 1")], ["GET"]),
    ("folded header", [req("GET / HTTP/1.1", CLOSE, "X-A: 1", " 2")], ["GET"]),
    ("Content-Length and chunked", [req("POST / HTTP/1.1", CLOSE, "Content-Length: 3", "Transfer-Encoding: chunked",
                                        body=b"2\r\nhi\r\n0\r\n\r\n")], ["POST"]),
    # --- heads split across TCP reads (each part sent 0.3 s after the last) -----------------------
    ("blank line split CR | LF", [b"\r", b"\n" + req("GET /length HTTP/1.1", CLOSE)], ["GET"]),
    ("blank lines split CR | LF CR | LF", [b"\r", b"\n\r", b"\n" + req("GET /length HTTP/1.1", CLOSE)], ["GET"]),
    ("UTF-8 target split mid-character", [b"GE", b"T /caf\xc3", b"\xa9?q=\xe2\x82", b"\xac HTTP/1.1\r\nHo",
                                          H.encode()[2:] + b"Connection: close\r\n\r\n"], ["GET"]),
    ("leading space, whole", [b" " + req("GET / HTTP/1.1", CLOSE)], ["GET"]),
    ("leading space, split", [b" GET", b" / HTTP/1.1\r\n" + H.encode() + b"Connection: close\r\n\r\n"], ["GET"]),
    ("TLS ClientHello start", [b"\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03" + bytes(range(32))], ["GET"]),
    ("keep-alive, blank line, then request", [req("GET /length HTTP/1.1") + b"\r\n" + req("GET /empty-null HTTP/1.1", CLOSE)],
     ["GET", "GET"]),
    ("keep-alive, then blank line CR | LF", [req("GET /length HTTP/1.1") + b"\r", b"\n" + req("GET /empty-null HTTP/1.1", CLOSE)],
     ["GET", "GET"]),
    # --- targets and heads near the limits -------------------------------------------------------
    ("UTF-8 target 12 KiB", [b"GET /" + "\u00e9".encode() * 6000 + b" HTTP/1.1\r\n" + H.encode()
                             + b"Connection: close\r\n\r\n"], ["GET"]),
    {"case": ("UTF-8 target 40 KiB", [b"GET /" + "\u00e9".encode() * 20000 + b" HTTP/1.1\r\n" + H.encode()
                                      + b"Connection: close\r\n\r\n"], ["GET"]),
     "expected": LONG_URL},
    {"case": ("request line 70 KiB, no CRLF", [b"GET /" + b"a" * 70000], ["GET"]),
     "expected": UNENDED_HEAD},
    ("header 20 KiB in two reads", [b"GET / HTTP/1.1\r\n" + H.encode() + b"X-Long: " + b"a" * 10000,
                                    b"a" * 10000 + b"\r\nConnection: close\r\n\r\n"], ["GET"]),
    # --- UTF-8 the decoder refuses -----------------------------------------------------------------
    ("target overlong UTF-8", [b"GET /a\xc0\xafb HTTP/1.1\r\n" + H.encode() + b"Connection: close\r\n\r\n"], ["GET"]),
    ("target UTF-8 surrogate", [b"GET /a\xed\xa0\x80b HTTP/1.1\r\n" + H.encode() + b"Connection: close\r\n\r\n"],
     ["GET"]),
    ("target past U+10FFFF", [b"GET /a\xf4\x90\x80\x80b HTTP/1.1\r\n" + H.encode() + b"Connection: close\r\n\r\n"],
     ["GET"]),
    ("target DEL", [b"GET /a\x7fb HTTP/1.1\r\n" + H.encode() + b"Connection: close\r\n\r\n"], ["GET"]),
    ("two spaces after method", [req("GET  / HTTP/1.1", CLOSE)], ["GET"]),
    ("space after version", [req("GET / HTTP/1.1 ", CLOSE)], ["GET"]),
    ("HTTP/1.10", [req("GET / HTTP/1.10", CLOSE)], ["GET"]),
    ("HTTP/1.1x", [req("GET / HTTP/1.1x", CLOSE)], ["GET"]),
    ("HTTP/1.2 and a space", [req("GET / HTTP/1.2 ", CLOSE)], ["GET"]),
    ("no version", [req("GET /", CLOSE)], ["GET"]),
    ("empty version", [req("GET / ", CLOSE)], ["GET"]),
    ("tab before target", [req("GET\t/ HTTP/1.1", CLOSE)], ["GET"]),
    ("lone CR then request", [b"\r" + req("GET /length HTTP/1.1", CLOSE)], ["GET"]),
    ("leading tab, split", [b"\tGET", b" / HTTP/1.1\r\n" + H.encode() + b"Connection: close\r\n\r\n"], ["GET"]),
    ("CR then other byte, split", [b"\r", b"xGET / HTTP/1.1\r\n" + H.encode() + b"Connection: close\r\n\r\n"], ["GET"]),
    # --- bodies and trailers ------------------------------------------------------------------------
    ("trailer with bad Content-Length", [req("POST / HTTP/1.1", CLOSE, "Transfer-Encoding: chunked",
                                             body=b"3\r\nabc\r\n0\r\nContent-Length: abc\r\n\r\n")], ["POST"]),
    {"case": ("trailer line without colon", [req("POST / HTTP/1.1", CLOSE, "Transfer-Encoding: chunked",
                                                 body=b"3\r\nabc\r\n0\r\nBad Trailer Here\r\n\r\n")], ["POST"]),
     "expected": BAD_BODY},
    {"case": ("trailer folded, then keep-alive", [req("POST / HTTP/1.1", "Transfer-Encoding: chunked",
                                                      body=b"3\r\nabc\r\n0\r\n x\r\n\r\n")
                                                  + req("GET /length HTTP/1.1", CLOSE)], ["POST", "GET"]),
     "expected": BAD_BODY},
    {"case": ("two Transfer-Encoding: chunked", [req("POST / HTTP/1.1", CLOSE, "Transfer-Encoding: chunked",
                                                     "Transfer-Encoding: chunked", body=b"2\r\nhi\r\n0\r\n\r\n")],
              ["POST"]),
     "expected": TWO_TE},
    {"case": ("bad chunk size", [req("POST / HTTP/1.1", CLOSE, "Transfer-Encoding: chunked",
                                     body=b"zz\r\nhi\r\n0\r\n\r\n")], ["POST"]),
     "expected": BAD_BODY},
    ("trailer Content-Length twice", [req("POST / HTTP/1.1", CLOSE, "Transfer-Encoding: chunked",
                                          body=b"3\r\nabc\r\n0\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n")],
     ["POST"]),
    {"case": ("trailer folded after a field", [req("POST / HTTP/1.1", CLOSE, "Transfer-Encoding: chunked",
                                                   body=b"3\r\nabc\r\n0\r\nX-T: a\r\n b\r\n\r\n")], ["POST"]),
     "expected": FOLDED_TRAILER},
    # --- HTTP/1.0 -------------------------------------------------------------------------------------
    ("HTTP/1.0 bad Content-Length", [req("POST / HTTP/1.0", "Content-Length: abc", body=b"x")], ["POST"]),
    ("HTTP/1.0 bad target", [b"GET /a\x01b HTTP/1.0\r\n" + H.encode() + b"\r\n"], ["GET"]),
    ("HTTP/1.0 HEAD", [req("HEAD /length HTTP/1.0")], ["HEAD"]),
    ("HTTP/1.0 HEAD stream", [req("HEAD /stream HTTP/1.0")], ["HEAD"]),
    ("HTTP/1.0 204", [req("GET /204 HTTP/1.0")], ["GET"]),
    ("HTTP/1.0 redirect", [req("GET /redirect HTTP/1.0")], ["GET"]),
    ("HTTP/1.0 Expect: 100-continue", [req("POST / HTTP/1.0", "Content-Length: 5", "Expect: 100-continue"), b"hello"],
     ["POST"]),
    ("HTTP/1.0 POST body", [req("POST / HTTP/1.0", "Content-Length: 5", body=b"hello")], ["POST"]),
    ("HTTP/1.0 Set-Cookie twice", [req("GET /cookies HTTP/1.0")], ["GET"]),
    # --- a body the Worker leaves unread (a bundled Worker's ensure-req-body-drained middleware reads it;
    # a Python Worker is served unbundled, so nothing does) -------------------------------------------
    ("unread body, keep-alive", [req("POST /length HTTP/1.1", "Content-Length: 5", body=b"hello")
                                 + req("GET /empty-null HTTP/1.1", CLOSE)], ["POST", "GET"]),
    ("unread chunked body, keep-alive", [req("POST /length HTTP/1.1", "Transfer-Encoding: chunked",
                                             body=b"5\r\nhello\r\n0\r\n\r\n")
                                         + req("GET /empty-null HTTP/1.1", CLOSE)], ["POST", "GET"]),
    ("unread body 1 MiB, keep-alive", [req("POST /length HTTP/1.1", "Content-Length: 1048576", body=b"x" * 1048576)
                                       + req("GET /empty-null HTTP/1.1", CLOSE)], ["POST", "GET"]),
    ("unread body sent late", [req("POST /length HTTP/1.1", "Content-Length: 5") + b"hel",
                               b"lo" + req("GET /empty-null HTTP/1.1", CLOSE)], ["POST", "GET"]),
    ("unread body, Expect: 100-continue", [req("POST /length HTTP/1.1", "Content-Length: 5", "Expect: 100-continue"),
                                           b"hello" + req("GET /empty-null HTTP/1.1", CLOSE)], ["POST", "GET"]),
    ("unread body, 204", [req("POST /204 HTTP/1.1", "Content-Length: 5", body=b"hello")
                          + req("GET /empty-null HTTP/1.1", CLOSE)], ["POST", "GET"]),
    {"case": ("throw, unread body, keep-alive", [req("POST /throw HTTP/1.1", "Content-Length: 5", body=b"hello")
                                                 + req("GET /empty-null HTTP/1.1", CLOSE)], ["POST", "GET"]),
     "expected": THREW},
]


# --- talking to a server ------------------------------------------------------------------------------


@dataclass
class Answer:
    """One response as read off the wire."""

    status_line: str = ""
    headers: list[tuple[str, str]] = field(default_factory=list)
    framing: str = ""  # "length", "chunked", "close" or "none"
    body: bytes = b""
    interim: list[str] = field(default_factory=list)  # 1xx status lines before it


def _parse_one(buf: bytes, method: str, closed: bool) -> tuple[Answer, bytes] | None:
    """The first response in ``buf`` and what follows it, or None if it is not all there yet."""
    answer = Answer()
    while True:
        end = buf.find(b"\r\n\r\n")
        if end < 0:
            return None
        head, buf = buf[:end].decode("latin-1"), buf[end + 4:]
        status_line, *lines = head.split("\r\n")
        code = int(status_line.split(" ")[1]) if len(status_line.split(" ")) > 1 else 0
        if 100 <= code < 200 and code != 101:
            answer.interim.append(status_line)
            continue
        break
    answer.status_line = status_line
    answer.headers = [(n, v.strip()) for n, _, v in (line.partition(":") for line in lines)]
    names = {n.lower(): v for n, v in answer.headers}
    if method == "HEAD" or code in (204, 304):
        answer.framing = "none"
        return answer, buf
    if "chunked" in names.get("transfer-encoding", "").lower():
        answer.framing = "chunked"
        body = b""
        while True:
            eol = buf.find(b"\r\n")
            if eol < 0:
                return None
            size = int(buf[:eol].split(b";")[0], 16)
            if len(buf) < eol + 2 + size + 2:
                return None
            body += buf[eol + 2:eol + 2 + size]
            buf = buf[eol + 2 + size + 2:]
            if size == 0:
                break
        answer.body = body
        return answer, buf
    if "content-length" in names:
        answer.framing = "length"
        n = int(names["content-length"])
        if len(buf) < n:
            return None if not closed else (Answer(status_line, answer.headers, "cut", buf), b"")
        answer.body = buf[:n]
        return answer, buf[n:]
    if not closed:
        return None
    answer.framing = "close"
    answer.body = buf
    return answer, b""


def exchange(port: int, parts: list[bytes], methods: list[str]) -> dict:
    """Send ``parts`` (0.3 s apart) and read the answers to ``methods``; then whether the server
    closed the connection within 0.5 s."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    buf, closed, error = b"", False, None
    answers: list[Answer] = []
    try:
        for i, part in enumerate(parts):
            if i:
                deadline = time.monotonic() + 0.3
                sock.settimeout(0.3)
                while time.monotonic() < deadline:  # an interim answer shows up here
                    try:
                        chunk = sock.recv(65536)
                    except socket.timeout:
                        break
                    if not chunk:
                        closed = True
                        break
                    buf += chunk
            if closed:
                break
            try:
                sock.sendall(part)
            except OSError as exc:
                error = type(exc).__name__
                break
        sock.settimeout(10)
        while True:
            while len(answers) < len(methods):
                parsed = _parse_one(buf, methods[len(answers)], closed)
                if parsed is None:
                    break
                answers.append(parsed[0])
                buf = parsed[1]
            if len(answers) == len(methods) or closed:
                break
            try:
                chunk = sock.recv(65536)
            except socket.timeout:
                error = "timeout"
                break
            except OSError as exc:
                error = type(exc).__name__
                closed = True
                break
            if not chunk:
                closed = True
            buf += chunk
            if PACED_FIRST in buf or PACED_FIRST in _gunzipped_so_far(buf):
                PACED_GATE.set()  # the client has the first paced event: the origin may send the second
        if not closed and error is None:
            sock.settimeout(0.5)
            try:
                chunk = sock.recv(65536)
                closed = not chunk
                buf += chunk
            except socket.timeout:
                pass
            except OSError:
                closed = True
    finally:
        sock.close()
    result: dict[str, Any] = {"answers": [shape(a) for a in answers], "closed": closed}
    if buf:
        result["left over"] = buf.decode("latin-1")[:200]
    if error:
        result["error"] = error
    return result


def _gunzipped_so_far(buf: bytes) -> bytes:
    """What decodes of a gzip answer's body received so far (``b""``: none, or not gzip)."""
    end = buf.find(b"\r\n\r\n")
    head, rest = buf[:end].lower(), buf[end + 4:]
    if end < 0 or b"content-encoding: gzip" not in head:
        return b""
    data = rest
    if b"transfer-encoding: chunked" in head:
        data = b""
        while (eol := rest.find(b"\r\n")) >= 0:
            try:
                size = int(rest[:eol].split(b";")[0], 16)
            except ValueError:
                break
            data += rest[eol + 2:eol + 2 + size]
            if size == 0 or len(rest) < eol + 4 + size:
                break
            rest = rest[eol + 4 + size:]
    try:
        return zlib.decompressobj(wbits=31).decompress(data)
    except zlib.error:
        return b""


def shape(answer: Answer) -> dict:
    """What is compared of one answer."""
    headers = [[n, "(present)" if n.lower() in PRESENCE else v] for n, v in answer.headers if n.lower() not in VOLATILE]
    if not STRICT:  # names by their lower case, ordered by name; values of one name in their order
        headers = sorted(([n.lower(), v] for n, v in headers), key=lambda pair: pair[0])
    body: Any = answer.body.decode("utf-8", "backslashreplace")
    if any(n.lower() == "content-encoding" and v == "gzip" for n, v in answer.headers) and answer.body:
        try:
            body = {"gunzipped": gzip.decompress(answer.body).decode("utf-8", "backslashreplace")}
        except (OSError, EOFError, zlib.error) as exc:
            body = {"bad gzip": f"{type(exc).__name__}: {exc}"}
    if any(n.lower() == "content-length" for n, _ in answer.headers) and answer.framing == "length" and \
            any(n.lower() == "content-encoding" for n, _ in answer.headers):
        headers = [[n, v if n.lower() != "content-length" else "(length of the encoded body)"] for n, v in headers]
    if answer.status_line.split(" ")[1:2] == ["500"] and isinstance(body, str):
        # Miniflare's entry worker answers a Worker's rejection with its stack, whose last frame
        # names a file of wrangler's install; workers-env leaves it out (README, Where we had to choose)
        trimmed = body.split(MINIFLARE_FRAME)[0]
        if trimmed != body or answer.framing == "length":
            headers = [[n, "(the body's length)" if n.lower() == "content-length" and v == str(len(answer.body))
                        else v] for n, v in headers]
        body = trimmed
    out: dict[str, Any] = {"status": answer.status_line, "headers": headers, "framing": answer.framing, "body": body}
    if answer.interim:
        out["interim"] = answer.interim
    return out


# --- the two servers ---------------------------------------------------------------------------------


def _wait_ready(proc: subprocess.Popen, port: int, log: Path, what: str) -> None:
    deadline = time.monotonic() + 120
    while True:
        if proc.poll() is not None:
            raise SystemExit(f"{what} exited:\n" + log.read_text())
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/ready", timeout=5) as r:
                if r.read() == b"ready":
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise SystemExit(f"{what} did not answer in 120 s:\n" + log.read_text())
        time.sleep(0.5)


def _stop(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGTERM)  # the process group the server was started in
        proc.wait(timeout=15)
    except ProcessLookupError:
        pass
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


#: ``/paced``'s first event; the client reading it sets :data:`PACED_GATE`, which the origin waits
#: for (at most :data:`PACED_WAIT` seconds) before it sends the second, saying which came first
PACED_FIRST = b"data: paced 1\n\n"
PACED_GATE = threading.Event()
PACED_WAIT = 3


class _Origin(http.server.BaseHTTPRequestHandler):
    """The origin the ``/origin/`` cases fetch: ``/length`` answers with a ``Content-Length``,
    ``/chunked`` chunked, two server-sent events in two chunks; ``/paced`` two events chunked, the
    second only once the client has the first (or after ``PACED_WAIT`` seconds, and says so):
    a fetch answer passed on as it arrives."""

    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        if self.path.startswith("/gzip-") or self.path == "/deflate":
            self._encoded(self.path[1:])
            return
        if self.path in ("/html", "/html-gzip"):  # an HTML page with a Content-Length, gzipped or not
            page = b"<p>origin</p>"
            data = gzip.compress(page, mtime=0) if self.path == "/html-gzip" else page
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            if self.path == "/html-gzip":
                self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        if self.path == "/paced":
            PACED_GATE.clear()
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            self.wfile.write(b"%x\r\n%s\r\n" % (len(PACED_FIRST), PACED_FIRST))
            self.wfile.flush()
            second = (b"data: paced 2, sent once the client had the first\n\n" if PACED_GATE.wait(PACED_WAIT)
                      else b"data: paced 2, sent after %d s: the client had not got the first\n\n" % PACED_WAIT)
            self.wfile.write(b"%x\r\n%s\r\n0\r\n\r\n" % (len(second), second))
            return
        if self.path == "/length":
            self.send_header("Content-Length", "5")
            self.end_headers()
            self.wfile.write(b"hello")
            return
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        for event in (b"data: 1\n\n", b"data: 2\n\n"):
            self.wfile.write(b"%x\r\n%s\r\n" % (len(event), event))
            self.wfile.flush()
        self.wfile.write(b"0\r\n\r\n")

    def _encoded(self, kind: str) -> None:
        """``/gzip-length`` two events gzipped, with a ``Content-Length``; ``/gzip-chunked`` chunked,
        each event flushed in its own chunk; ``/gzip-paced`` as ``/paced``, gzipped; ``/gzip-bad``
        the first event, then bytes that are no deflate data; ``/gzip-cut`` the first event, then the
        end, without the rest of the gzip stream; ``/gzip-trailing`` the whole gzip stream, then bytes
        that are not gzip; ``/gzip-junk`` bytes that are not gzip at all; ``/gzip-empty`` nothing,
        ``Content-Length: 0``; ``/deflate`` zlib data under ``Content-Encoding: deflate`` (the
        later chunks 0.2 s apart, so they come in reads of their own)."""
        events = (b"data: 1\n\n", b"data: 2\n\n")
        packer = zlib.compressobj(wbits=31)
        flushed = [packer.compress(e) + packer.flush(zlib.Z_SYNC_FLUSH) for e in events]
        whole = gzip.compress(b"".join(events), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream" if kind == "gzip-paced" else "text/plain")
        self.send_header("Content-Encoding", "deflate" if kind == "deflate" else "gzip")
        fixed = {"gzip-length": whole, "gzip-junk": b"not gzip at all", "gzip-empty": b"",
                 "deflate": zlib.compress(b"".join(events))}
        if kind in fixed:
            self.send_header("Content-Length", str(len(fixed[kind])))
            self.end_headers()
            self.wfile.write(fixed[kind])
            return
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        if kind == "gzip-paced":
            PACED_GATE.clear()
            paced = zlib.compressobj(wbits=31)
            self._chunk(paced.compress(PACED_FIRST) + paced.flush(zlib.Z_SYNC_FLUSH))
            second = (b"data: paced 2, sent once the client had the first\n\n" if PACED_GATE.wait(PACED_WAIT)
                      else b"data: paced 2, sent after %d s: the client had not got the first\n\n" % PACED_WAIT)
            self._chunk(paced.compress(second) + paced.flush())
        else:
            later = {"gzip-chunked": [flushed[1] + packer.flush()], "gzip-bad": [b"\xff" * 16], "gzip-cut": [],
                     "gzip-trailing": [b"garbage!"]}[kind]
            self._chunk(whole if kind == "gzip-trailing" else flushed[0])
            for piece in later:
                time.sleep(0.2)
                self._chunk(piece)
        self.wfile.write(b"0\r\n\r\n")

    def _chunk(self, data: bytes) -> None:
        self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
        self.wfile.flush()

    def version_string(self) -> str:  # the same Server header whoever fetched it
        return "origin"

    def log_message(self, *_args: Any) -> None:
        pass


def run_both(cases: list[tuple[str, list[bytes], list[str]]]) -> tuple[list[dict], list[dict]]:
    """Every case against ``wrangler dev`` (the JavaScript Worker), then ``workers-env dev``."""
    origin = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Origin)
    threading.Thread(target=origin.serve_forever, daemon=True).start()
    # both Workers get a local KV namespace and the origin's URL
    bindings = (f'kv_namespaces = [{{ binding = "KV", id = "http-diff" }}]\n'
                'assets = { directory = "public", binding = "ASSETS" }\n'
                f'[vars]\nORIGIN = "http://127.0.0.1:{origin.server_address[1]}/"\n')
    try:
        return _run_both(cases, bindings)
    finally:
        origin.shutdown()


def _run_both(cases: list[tuple[str, list[bytes], list[str]]], bindings: str) -> tuple[list[dict], list[dict]]:
    with tempfile.TemporaryDirectory(prefix="http-diff-") as folder:
        tmp = Path(folder)
        js_app, py_app = tmp / "js", tmp / "py"
        (js_app / "src").mkdir(parents=True)
        for app in (js_app, py_app):  # the same static assets: an HTML page and a text file
            (app / "public" / "site").mkdir(parents=True)
            (app / "public" / "site" / "page.html").write_text("<!doctype html><p>asset page</p>\n")
            (app / "public" / "site" / "data.txt").write_text("asset text\n")
        (js_app / "src" / "index.js").write_text(JS_WORKER)
        # served unbundled, as wrangler serves a Python Worker (applyPythonConfig sets no_bundle): so
        # none of the middleware wrangler's bundler adds in dev (ensure-req-body-drained,
        # miniflare3-json-error, --test-scheduled's) and no checked-fetch (README, Dev server)
        (js_app / "wrangler.toml").write_text(f'name = "http-diff"\nmain = "src/index.js"\n'
                                              f'compatibility_date = "{COMPATIBILITY_DATE}"\nno_bundle = true\n' + bindings)
        (py_app / "src").mkdir(parents=True)
        (py_app / "src" / "entry.py").write_text(PY_WORKER)
        (py_app / "wrangler.toml").write_text(f'name = "http-diff"\nmain = "src/entry.py"\n'
                                              f'compatibility_date = "{COMPATIBILITY_DATE}"\n'
                                              'compatibility_flags = ["python_workers"]\n' + bindings)
        # a pywrangler project (workers-py among its dev dependencies), as production's Workers of
        # the external-SDK era are: without one the Worker has no SDK there and does not start
        (py_app / "pyproject.toml").write_text('[project]\nname = "http-diff"\nversion = "0.1.0"\n'
                                               'requires-python = ">=3.12"\ndependencies = []\n\n'
                                               '[dependency-groups]\ndev = ["workers-py"]\n')
        results = []
        for what, app, argv in (
            ("wrangler dev", js_app, [str(HERE / "wrangler"), "dev", "--show-interactive-dev-session=false"]),
            ("workers-env dev", py_app, [sys.executable, "-m", "workers_env", "dev"]),
        ):
            port = _free_port()
            argv = argv + ["--ip", "127.0.0.1", "--port", str(port)]
            if what == "wrangler dev":
                argv += ["--inspector-port", str(_free_port())]
            log_path = tmp / f"{app.name}.log"
            log = log_path.open("w")
            env = {**os.environ, "XDG_CONFIG_HOME": str(tmp / "config"), "PYTHONUNBUFFERED": "1",
                   "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])}
            proc = subprocess.Popen(argv, cwd=app, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                    start_new_session=True, env=env)
            try:
                _wait_ready(proc, port, log_path, what)
                results.append([exchange(port, parts, methods) for _, parts, methods in cases])
            finally:
                _stop(proc)
                log.close()
        return results[0], results[1]


def main(argv: list[str]) -> int:
    show_all = "--all" in argv
    only = argv[argv.index("--only") + 1] if "--only" in argv else None
    entries = [c for c in CASES if only is None or only in (c["case"] if isinstance(c, dict) else c)[0]]
    cases = [c["case"] if isinstance(c, dict) else c for c in entries]
    why = {i: c["expected"] for i, c in enumerate(entries) if isinstance(c, dict)}
    theirs, ours = run_both(cases)

    def key(value: dict) -> str:
        return json.dumps(value, sort_keys=True, ensure_ascii=False)

    labels = [f"{name}  {b''.join(parts)[:120]!r}" for name, parts, _ in cases]
    agreed = print_cases(labels, why, theirs, ours, key=key, show=key, theirs_name="wrangler dev", show_all=show_all)
    same = sum(agreed)
    unexpected = sum(1 for i, ok in enumerate(agreed) if not ok and i not in why)
    print(f"{same}/{len(cases)} cases identical, {len(cases) - same} differences "
          f"({unexpected} unexpected, {len(why)} cases allowed to differ)")
    return 1 if unexpected else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
