"""Run the Python Worker code blocks of Cloudflare's documentation against workers-env.

    PYTHONPATH=/path/to/tree python3 tools/hunts/docs_examples.py DOCS_GIT_DIR [--rev REV] [--dev] [-k TEXT] [-v]

DOCS_GIT_DIR is a git directory (or work tree) of cloudflare/cloudflare-docs. The script reads
the pages it knows (``CASES`` below, keyed ``PAGE#N``: the N-th Python block of PAGE, the path
under ``src/content/docs/``) at REV with ``git show``, writes each block unchanged as a Worker's
``src/entry.py`` beside the smallest wrangler.toml its page implies, drives it through
``load_worker`` in a child Python (``--dev``: over HTTP through ``workers-env dev`` as well) and
compares with what the page states. It prints one line a block -- page, block, what it
exercises, outcome -- and a count: ``as documented``, ``diverges`` (workers-env differs from
production), ``docs wrong`` (the page states what production does not do; the evidence is in the
case's note), ``outside`` (a binding we do not emulate, the network) and ``new`` (a Python block
on a known page that no case covers: the docs changed; write a case). Stdlib only, no network:
the origin an example passes its request to is a local server the script starts; an example
that fetches a fixed Internet host is ``outside``. A case whose block imports packages (FastAPI,
Django, LangChain) runs where this Python has them -- a venv with workers-env's dependencies and
those -- and is ``outside`` elsewhere. A block that is a handler's body (D1's Worker API pages:
``await``, ``return``, ``self.env`` at its top level) runs inside the smallest Worker around it
(``Case.wrap``). Not part of the test suite.

The whole repository (1.1 GB) is more than the search tool's ``fetch`` brings; any git dir holding
the known pages at their paths does -- docsnip50 built one from the code index's stored version of
each page (``read_file``), its Python blocks only, kept out of this repository (CHECKS.md);
``docs_examples_sources.md`` lists the pages and commits session 56 ran on. A Python page no case
names is not read: a new page needs its cases written (its blocks then count).
"""
from __future__ import annotations

import argparse
import hashlib
import http.server
import importlib.util
import json
import re
import socket
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DOCS = "src/content/docs/"
DATE = "2025-12-01"  # a Worker made today gets a recent date; examples name none
# A module-level on_fetch/on_scheduled is dispatched only before 2025-08-14 (workerd's
# python_no_global_handlers): pages showing one imply a date before that.
GLOBAL = "2025-08-01"
FLAGS = '["python_workers"]'
GLOBAL_HANDLER = re.compile(r"^(async\s+)?def\s+on_(fetch|scheduled|queue)\b", re.M)
# A fence may be indented (a block inside a list item or <Steps>): its lines lose that indent, as Markdown reads them;
# its closing fence may be longer than its opening one (CommonMark).
FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,})(?P<lang>py|python)\b[^\n]*\n(?P<body>.*?)^(?P=indent)(?P=fence)`*\s*$", re.M | re.S)


@dataclass
class Step:
    """One thing done to the Worker and what the page says comes back."""
    kind: str = "fetch"  # fetch | scheduled | queue (body: a JSON list of message bodies) | load (only import the Worker)
    path: str = "/"
    method: str = "GET"
    headers: dict[str, str] = field(default_factory=dict)
    body: str | None = None
    cf: dict[str, Any] | None = None
    status: int | None = None
    text: str | None = None  # the whole body
    contains: tuple[str, ...] = ()  # pieces of the body
    header: dict[str, str | None] = field(default_factory=dict)  # None: the header is absent
    logs: tuple[str, ...] = ()  # lines the run prints (print, console.log, logging)
    error: str | None = None  # the handler raises: a piece of the error's text
    origin: bool = False  # the request goes to the local origin's host


@dataclass
class Case:
    """How to run one documented block, or why it cannot run here."""
    exercises: str
    steps: list[Step] = field(default_factory=list)
    config: str = ""  # more wrangler.toml lines (bindings, vars)
    date: str = DATE
    flags: str = FLAGS
    files: dict[str, str] = field(default_factory=dict)  # more files; "@PAGE#N" takes another block (more lines after it appended)
    needs: tuple[str, ...] = ()  # packages the block imports: "outside" where this Python lacks one
    wrap: str = ""  # a handler's body (``await``, ``return``, ``self.env``): the Worker around it, "{block}" where it goes
    main: str = "src/entry.py"
    outside: str | None = None  # why this block cannot run here
    docs_wrong: str | None = None  # the page is wrong about production: the evidence (steps hold production's answers)
    note: str = ""


def origin_step(path: str = "/", **kw: Any) -> Step:
    return Step(path=path, origin=True, **kw)


ORIGIN_BODY = "origin says: You may use this page. Call 07123456789 or mail a@example.com"
CLEAN_BODY = "origin says: nothing to hide"  # at /clean
JSON_BODY = '{"id": 1, "title": "delectus"}'  # at /json

CASES: dict[str, Case] = {}


def case(key: str, exercises: str, **kw: Any) -> None:
    CASES[key] = Case(exercises, **kw)


# ---- workers/languages/python ------------------------------------------------------------------
P = "workers/languages/python/"
case(P + "examples.mdx#1", "a module import", outside="a fragment: `import module` alone (the page's layout is run by basics.mdx#5)")
case(P + "examples.mdx#2", "urlparse/parse_qs of request.url", steps=[
    Step(path="/?name=Ada", text="Hello there, Ada"), Step(path="/favicon.ico", text=""), Step(path="/", text="Hello world!")])
case(P + "examples.mdx#3", "await request.json() as a dict", steps=[
    Step(method="POST", body='{"name": "Ada"}', headers={"content-type": "application/json"}, text="Hello, Ada")])
case(P + "examples.mdx#4", "Response.json", steps=[
    Step(text='{"greeting": "Hello, World!", "status": "ok"}', header={"content-type": "application/json"})])
case(P + "examples.mdx#5", "a bundled file read with pathlib", files={"src/file.html": "<p>hi</p>\n"}, steps=[
    Step(text="<p>hi</p>\n", header={"content-type": "text/html"})])
case(P + "examples.mdx#6", "console.log, logging, print", steps=[
    Step(text="We're testing logging!", logs=("console.log from Python!", "error from Python!", "info log from Python!", "print() from Python!"))])
case(P + "examples.mdx#7", "queue send (text and json)", config='[[queues.producers]]\nbinding = "QUEUE"\nqueue = "q"\n', steps=[
    Step(text='{"write": "success"}')])
case(P + "examples.mdx#8", "D1 PRAGMA table_list and Response.json of its result", config='[[d1_databases]]\nbinding = "DB"\ndatabase_name = "db"\ndatabase_id = "00000000-0000-0000-0000-000000000000"\n', steps=[
    Step(status=200, contains=('"success":true', '"results":[', '"name":"sqlite_schema"'))])
case(P + "examples.mdx#9", "a Durable Object class", outside="Durable Objects are not emulated")
case(P + "examples.mdx#10", "a cron handler with (controller, env, ctx)", config='[triggers]\ncrons = ["0 * * * *"]\n', steps=[
    Step(kind="scheduled", path="0 * * * *", logs=("cron processed",))])
case(P + "examples.mdx#11", "a Workflow", outside="Workflows are not emulated")

case(P + "basics.mdx#1", "the four-line Worker", steps=[Step(text="Hello World!")])
case(P + "basics.mdx#2", "(await request.json()).name with a module", files={"src/hello.py": "@" + P + "basics.mdx#4"}, steps=[
    Step(method="POST", body='{"name": "Python"}', headers={"content-type": "application/json"}, error="AttributeError: 'dict' object has no attribute 'name'")],
     docs_wrong="the page shows 'Hello, Python!'; the SDK's Request.json is json.loads(await self.text()), a dict "
                "(workerd src/pyodide/internal/workers-api/src/workers/_workers.py), so .name raises AttributeError")
case(P + "basics.mdx#3", "a var on self.env", config='[vars]\nAPI_HOST = "example.com"\n', steps=[Step(text="example.com")])
case(P + "basics.mdx#4", "the module the page imports", outside="a fragment: src/hello.py, run by basics.mdx#2 and #5")
case(P + "basics.mdx#5", "an import of a sibling module", files={"src/hello.py": "@" + P + "basics.mdx#4"}, steps=[Step(text="Hello, World!")])

case(P + "index.mdx#1", "on_fetch with js.Response.new", steps=[Step(text="Hello World!")])
case(P + "index.mdx#2", "the module the page imports", outside="a fragment: src/hello.py, run by index.mdx#3 and #4")
case(P + "index.mdx#3", "a sibling module, js.Response", files={"src/hello.py": "@" + P + "index.mdx#2"}, steps=[Step(text="Hello, World!")])
case(P + "index.mdx#4", "(await request.json()).name in on_fetch", files={"src/hello.py": "@" + P + "index.mdx#2"}, steps=[
    Step(method="POST", body='{"name": "Python"}', headers={"content-type": "application/json"}, text="Hello, Python!")])
case(P + "index.mdx#5", "a var on on_fetch's env", config='[vars]\nAPI_HOST = "example.com"\n', steps=[Step(text="example.com")])

case(P + "ffi.mdx#1", "KV put/get through env, js.Response.new", config='[[kv_namespaces]]\nbinding = "FOO"\nid = "0123456789abcdef0123456789abcdef"\n', steps=[Step(text="baz")])
case(P + "ffi.mdx#2", "a sync on_fetch with js.Response.new", steps=[Step(text="Hello World!")])

case(P + "how-python-workers-work.mdx#1", "on_fetch(request, env) at 2024-04-01", date="2024-04-01", steps=[Step(text="Hello world!")],
     note="the page's wrangler.toml has no python_workers flag: wrangler and workerd refuse it (`The python_workers compatibility "
          "flag is required to use Python.`, workerd worker-modules.h, workers-utils validation.ts); run with the flag")

case(P + "javascript-interop.mdx#1", "import_from_javascript of cloudflare:workers (env at import) and cloudflare:sockets' connect at module level",
     config='[vars]\nMY_VARIABLE = "v"\n', steps=[Step(kind="load", error="Disallowed operation called within global scope")],
     docs_wrong="as the block stands (module level), connect() is I/O in the global scope, which workerd refuses with this error; "
                "inside a handler it would reach the network")
case(P + "javascript-interop.mdx#2", "import_from_javascript('cloudflare:vectorize').DistanceMetric at module level", steps=[Step(kind="load")])
case(P + "javascript-interop.mdx#3", "KV put/get through self.env", config='[[kv_namespaces]]\nbinding = "FOO"\nid = "0123456789abcdef0123456789abcdef"\n', steps=[Step(text="baz")])
case(P + "javascript-interop.mdx#4", "a to_js helper with dict_converter=Object.fromEntries", steps=[Step(kind="load", error="TabError: inconsistent use of tabs and spaces")],
     docs_wrong="the block (a ````python fence) ends with a stray tab-indented ``` line, so as copied it is not Python: "
                "the Worker does not start (without that line it loads)")
case(P + "javascript-interop.mdx#5", "js.Response.new from a Default class", steps=[Step(text="Hello World!")])

case(P + "packages/fastapi.mdx#1", "FastAPI through `import asgi` and asgi.fetch(app, request, self.env) from a Default class",
     needs=("fastapi", "pydantic"), config='[vars]\nMESSAGE = "hi"\n', steps=[
    Step(text='{"message":"Hello, World!"}', header={"content-type": "application/json"}),
    Step(path="/env", text='{"message":"Here is an example of getting an environment variable: hi"}'),
    Step(path="/items/", method="POST", body='{"name": "a", "price": 1.5}', headers={"content-type": "application/json"},
         text='{"name":"a","description":null,"price":1.5,"tax":null}'),
    Step(path="/items/3?q=x", method="PUT", body='{"name": "a", "price": 1.5}', headers={"content-type": "application/json"},
         text='{"item_id":3,"name":"a","description":null,"price":1.5,"tax":null,"q":"x"}'),
    Step(path="/items/5", text='{"item_id":5}')],
     note="MESSAGE, which /env reads, set as a var; the page names no date (run at the script's)")

# ---- workers/examples ---------------------------------------------------------------------------
X = "workers/examples/"
case(X + "103-early-hints.mdx#1", "a Link header, workers.Response with headers=", steps=[
    Step(path="/test.css", text="body { color: red; }", header={"content-type": "text/css"}),
    Step(path="/", contains=("<h1>Early Hints test page</h1>",), header={"content-type": "text/html", "link": "</test.css>; rel=preload; as=style"})])
case(X + "ab-testing.mdx#1", "fetch(urlunparse(url)) to the origin, Set-Cookie on a dict of res.headers", steps=[
    origin_step("/control/x", text=ORIGIN_BODY),
    origin_step("/page", headers={"cookie": "myExampleWorkersABTest=test"}, text=ORIGIN_BODY),
    origin_step("/page", status=200, contains=(ORIGIN_BODY,))])
case(X + "accessing-the-cloudflare-object.mdx#1", "JSON.stringify(request.cf, None, 2)", steps=[
    Step(status=200, contains=('"colo"',), header={"content-type": "application/json"})])
case(X + "aggregate-requests.mdx#1", "asyncio.gather of two fetches", outside="fetches jsonplaceholder.typicode.com (network)")
case(X + "alter-headers.mdx#1", "mutating response.headers of a fetched response", outside="fetches https://example.com (network)")
case(X + "auth-with-headers.mdx#1", "request.headers[KEY], fetch(request) to the origin", steps=[
    origin_step("/", headers={"X-Custom-PSK": "mypresharedkey"}, text=ORIGIN_BODY),
    origin_step("/", headers={"X-Custom-PSK": "wrong"}, status=403, text="Sorry, you have supplied an invalid key."),
    origin_step("/", status=403, text="Sorry, you have supplied an invalid key.")])
case(X + "block-on-tls.mdx#1", "request.cf.tlsVersion", steps=[
    origin_step("/", cf={"tlsVersion": "TLSv1.3"}, text=ORIGIN_BODY),
    origin_step("/", cf={"tlsVersion": "TLSv1.0"}, status=403, text="Please use TLS version 1.2 or higher.")])
case(X + "bulk-origin-proxy.mdx#1", "js.URL hostname rewrite, js fetch(url, request) returned unawaited from a Default class", steps=[
    origin_step("/", error="TypeError: Awaitable <class 'pyodide.webloop.PyodideFuture'> cannot be sent over RPC.")],
     docs_wrong="a Default class's fetch result goes through python_to_rpc (workerd introspection.py wrapper_func), which refuses "
                "an awaitable; js.fetch(...) is a PyodideFuture in Pyodide 0.26/0.28/314 (tools/pyodide, measured): every request is a 500")
case(X + "bulk-redirects.mdx#1", "Response.redirect(location, 301)", steps=[
    Step(path="/bulk1", status=301, header={"location": "https://examples.cloudflareworkers.com/redirect2"}),
    origin_step("/other", text=ORIGIN_BODY)])
case(X + "cache-api.mdx#1", "caches.default match/put, ctx.waitUntil(create_proxy(...))", steps=[
    origin_step("/c", text=ORIGIN_BODY, header={"cache-control": "s-maxage=10"}, logs=("not present in cache",)),
    origin_step("/c", text=ORIGIN_BODY, logs=("Cache hit for:",))],
    note="the hit is what wrangler dev and a custom domain give; on *.workers.dev production's cache stores nothing (README, The Cache API)")
case(X + "cache-post-request.mdx#1", "hashlib of a cloned body, Request.new(url, method=, headers=) as a cache key", steps=[
    origin_step("/p", method="POST", body="x=1", text=ORIGIN_BODY),
    origin_step("/p", method="POST", body="x=1", text=ORIGIN_BODY)])
case(X + "cache-tags.mdx#1", "searchParams subscripting, fetch with cf.cacheTags", steps=[
    Step(path="/", status=400, text='{"error":"URL cannot be empty"}')])
case(X + "cache-using-fetch.mdx#1", "fetch(request, cf=to_js({...})), headers item assignment", steps=[
    origin_step("/f?q=1", text=ORIGIN_BODY, header={"cache-control": "max-age=1500"})])
case(X + "conditional-response.mdx#1", "request.headers[...] or '', request.cf.asn, Response.redirect", steps=[
    origin_step("/a.doc", status=403, text="Blocked Extension"),
    origin_step("/", method="POST", text="Response for POST"),
    origin_step("/", headers={"User-Agent": "googlebot"}, status=403, text="Block User Agent containing bot"),
    origin_step("/", headers={"CF-Device-Type": "mobile", "User-Agent": "x"}, status=302, header={"location": "https://mobile.example.com/"})])
case(X + "cors-header-proxy.mdx#1", "a handler returning a coroutine, headers item assignment on a new Request", steps=[
    Step(path="/", contains=("API GET with CORS Proxy",), header={"content-type": "text/html;charset=UTF-8"}),
    Step(path="/corsproxy/", method="OPTIONS", headers={"Origin": "https://a.example", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"},
         status=200, header={"access-control-allow-origin": "*", "access-control-allow-headers": "content-type"}),
    Step(path="/corsproxy/", method="OPTIONS", status=200, header={"allow": "GET, HEAD, POST, OPTIONS"}),
    Step(path="/corsproxy/", method="PUT", status=405),
    origin_step("/corsproxy/?apiurl=ORIGIN/api", text=ORIGIN_BODY, header={"access-control-allow-origin": "ORIGIN", "vary": "Origin"})])
case(X + "country-code-redirect.mdx#1", "request.cf.country, Response.redirect", steps=[
    Step(path="/", cf={"country": "US"}, status=302, header={"location": "https://example.com/us"})])
case(X + "cron-trigger.mdx#1", "@handler on_scheduled", config='[triggers]\ncrons = ["0 * * * *"]\n', steps=[
    Step(kind="scheduled", path="0 * * * *", logs=("cron processed",))])
case(X + "data-loss-prevention.mdx#1", "regexes over a fetched text body; a non-text body passed through", steps=[
    origin_step("/clean", text=CLEAN_BODY), origin_step("/json", text=JSON_BODY, header={"content-type": "application/json"})],
    note="a body with an email or card number posts its alert to webhook.flow-wolf.io (network): not run")
case(X + "extract-cookie-value.mdx#1", "http.cookies.SimpleCookie of request.headers['Cookie'] or ''", steps=[
    Step(headers={"Cookie": "a=1; __uid=abc"}, text="abc"), Step(text="No cookie with name: __uid")])
case(X + "fetch-json.mdx#1", "fetch of a JSON API", outside="fetches jsonplaceholder.typicode.com (network)")
case(X + "post-json.mdx#1", "fetch(url, to_js(options)) POST", outside="fetches jsonplaceholder.typicode.com (network)")
case(X + "read-post.mdx#1", "request.json/formData/text, Object.fromEntries(form.entries())", steps=[
    Step(method="POST", body='{"a": [1, 2]}', headers={"content-type": "application/json"}, text='The request body sent in was {"a":[1,2]}'),
    Step(method="POST", body="message=hi&x=2", headers={"content-type": "application/x-www-form-urlencoded"}, text='The request body sent in was {"message":"hi","x":"2"}'),
    Step(method="POST", body="plain", headers={"content-type": "text/plain"}, text="The request body sent in was plain"),
    Step(path="/form", text="", header={"content-type": "text/html;charset=UTF-8"}),
    Step(text="The request was not POST")])

case(X + "return-json.mdx#1", "a sync on_fetch, json.dumps into workers.Response", steps=[
    Step(text='{"hello": "world"}', header={"content-type": "application/json"})])
case(X + "redirect.mdx#1", "Response.redirect(url, 301)", steps=[Step(status=301, header={"location": "https://example.com/"})])
case(X + "redirect.mdx#2", "urlparse path and query into a redirect (the page drops the '?')", steps=[
    Step(path="/a/b?c=1", status=301, header={"location": "https://example.com/a/bc=1"}, logs=("https://example.com/a/bc=1",))])
case(X + "modify-request-property.mdx#1", "Request.new(request, a Python dict), headers item assignment", outside="fetches https://example.com/api.js (network)")
case(X + "security-headers.mdx#1", "item assignment and del on a fetched response's headers, request.cf.tlsVersion", steps=[
    origin_step("/", cf={"tlsVersion": "TLSv1.3"}, error="KeyError: 'Content-Type'")],
     docs_wrong="workers.fetch's Response.headers is Pyodide's FetchResponse.headers, a plain dict of the lowercased names "
                "(Object.fromEntries(headers.entries()).to_py(), pyodide/http.py in 0.26/0.28/314), so "
                "new_headers['Content-Type'] raises KeyError (and del new_headers['name'] would too): every request is a 500")
case("d1/examples/query-d1-from-python-workers.mdx#1", "on_fetch(request, env) with D1 at the page's 2024-03-29", date="2024-03-29",
     config='[[d1_databases]]\nbinding = "DB"\ndatabase_name = "db"\ndatabase_id = "00000000-0000-0000-0000-000000000000"\n', steps=[
    Step(status=200, contains=('"success":true', '"name":"sqlite_schema"'))])

case(X + "debugging-logs.mdx#1", "an exception's text and a traceback into headers, ctx.waitUntil(create_once_callable(coroutine))", steps=[
    origin_step("/", status=200, header={"x-debug-err": "cannot access local variable 'body' where it is not associated with a value"},
                contains=("UnboundLocalError",))],
     note="an ok origin response leaves body unbound: the UnboundLocalError is what the except branch reports; "
          "create_once_callable of a coroutine is a JS function in Pyodide 0.26/0.28/314 (measured), so the log post never runs")
case(X + "fetch-html.mdx#1", "await js.fetch(remote, request)", outside="fetches https://example.com (network)")
case(X + "geolocation-hello-world.mdx#1", "str + request.cf.<field> for ten fields", steps=[
    Step(cf={"colo": "SJC", "country": "US", "city": "San Jose", "continent": "NA", "latitude": "37.3", "longitude": "-121.9",
             "postalCode": "95141", "region": "California", "regionCode": "CA", "timezone": "America/Los_Angeles"},
         contains=("<p> City: San Jose</p>", "<p> Timezone: America/Los_Angeles</p>"), header={"content-type": "text/html;charset=UTF-8"})])
case(X + "hot-link-protection.mdx#1", "response.headers['Content-Type'] of workers.fetch's Response", steps=[
    origin_step("/img", headers={"Referer": "https://other.example/"}, error="KeyError: 'Content-Type'")],
     docs_wrong="workers.fetch's Response.headers is a plain dict of lowercased names (Pyodide's FetchResponse.headers), so "
                "response.headers['Content-Type'] raises KeyError: every request is a 500")

case(X + "logging-headers.mdx#1", "print(dict(request.headers))", steps=[
    Step(headers={"x-probe": "1"}, text="Hello world", logs=("'x-probe': '1'",))])
case(X + "modify-response.mdx#1", "workers.Response(body stream, status_text=, headers=a dict), then json() of the original", steps=[
    origin_step("/json", error="KeyError: 'foo'")],
     docs_wrong="json() of the original succeeds (a JS twin under wrangler dev 4.164.0: new Response(orig.body) leaves orig readable), "
                "but response.headers is a fresh plain dict on each access (Pyodide's FetchResponse.headers), so "
                "response.headers['foo'] = 'bar' is lost and response.headers['foo'] raises KeyError: every request is a 500")
case(X + "protect-against-timing-attacks.mdx#1", "TextEncoder and crypto.subtle.timingSafeEqual on a secret", config='[vars]\nMY_SECRET_VALUE = "s3cret"\n', steps=[
    Step(headers={"Authorization": "s3cret"}, text="Welcome!"), Step(headers={"Authorization": "s3creT"}, status=401, text="Unauthorized"),
    Step(status=401, text="Unauthorized")])

case(X + "respond-with-another-site.mdx#1", "a sync on_fetch's 405 with an Allow header (GET fetches example.com)", steps=[
    Step(method="POST", body="x", status=405, text="Method POST not allowed.", header={"allow": "GET"})])
case(X + "return-html.mdx#1", "a sync on_fetch returning HTML", steps=[
    Step(contains=("<h1>Hello World</h1>",), header={"content-type": "text/html;charset=UTF-8"})])
case(X + "signing-requests.mdx#1", "HMAC importKey/sign/verify with js.Buffer under nodejs_compat",
     flags='["python_workers", "nodejs_compat"]', steps=[Step(kind="load", error="SyntaxError: invalid syntax")],
     docs_wrong="Buffer.from(mac) / Buffer.from(hmac, 'base64'): `from` is a Python keyword, so the module is a SyntaxError "
                "in every Python and the Worker does not start (Pyodide spells it Buffer.from_); it also uses Date without "
                "importing it (NameError at /generate/). Fixed so, it still needs js.Buffer, which workers-env does not emulate")

case(X + "rewrite-links.mdx#1", "HTMLRewriter with create_proxy'd handler objects", outside="HTMLRewriter is not emulated (NotEmulatedError)")

case("workers/runtime-apis/handlers/scheduled.mdx#1", "a Default class's scheduled(controller, env, ctx) with ctx.waitUntil",
     outside="a fragment: it calls doSomeTaskOnASchedule, which the page never defines (a NameError here and deployed)")


# ---- docsnip50b: the rest of the examples, the package pages, a tutorial, the Queues API page ----
case(X + "images-workers.mdx#1", "an unawaited js.fetch returned from on_fetch",
     outside="fetches https://imagedelivery.net (network); the same shape against a local origin answers with the origin's "
             "response here, as deployed: workerd's module-level handler returns the future, a thenable PyProxy, from an async "
             "function, whose promise adopts it (python-entrypoint-helper.ts makeHandler)")
case(X + "turnstile-html-rewriter.mdx#1", "HTMLRewriter with create_proxy'd classes", outside="HTMLRewriter is not emulated (NotEmulatedError)")
case(X + "geolocation-app-weather.mdx#1", "request.cf.latitude, workers.fetch(...).json() as a dict", outside="fetches https://api.waqi.info (network)")
P_PKG = P + "packages/"
case(P_PKG + "langchain.mdx#1", "a LangChain prompt | OpenAI chain's ainvoke", needs=("langchain_core", "langchain_openai"),
     outside="calls api.openai.com (network)")
DJANGO_SETTINGS = "@" + P_PKG + "django.mdx#3\nROOT_URLCONF = 'app.urls'\nALLOWED_HOSTS = ['*']\n"
DJANGO_FILES = {"pyproject.toml": '[project]\nname = "django-worker"\nversion = "0.1.0"\nrequires-python = ">=3.13"\n'
                                  'dependencies = ["django"]\n\n[dependency-groups]\ndev = ["workers-py", "workers-runtime-sdk"]\n',
                "src/app/__init__.py": "", "src/app/settings.py": DJANGO_SETTINGS,
                "src/app/urls.py": "from django.http import HttpResponse\nfrom django.urls import path\n\n"
                                   "urlpatterns = [path('', lambda request: HttpResponse('Hello from Django'))]\n"}
DJANGO_VARS = '[vars]\nDJANGO_SECRET_KEY = "not-a-secret"\n'
DJANGO_DATE = "2026-07-29"  # the page's template (python-workers-examples 18-django's wrangler.jsonc): workers.wsgi's era
case(P_PKG + "django.mdx#1", "Django's WSGI app behind workers.wsgi.entrypoint, a secret read by `from workers import env` in settings",
     needs=("django",), files=DJANGO_FILES, config=DJANGO_VARS, date=DJANGO_DATE,
     steps=[Step(text="Hello from Django"), Step(path="/nope", status=404)],
     note="the page's settings fragment (#3) completed by a URLconf and ALLOWED_HOSTS, beside the pyproject.toml of the "
          "page's template (python-workers-examples 18-django), as the project pywrangler makes would hold them")
case(P_PKG + "django.mdx#2", "Django's ASGI app behind workers.asgi.entrypoint", needs=("django",), files=DJANGO_FILES, config=DJANGO_VARS,
     date=DJANGO_DATE,
     steps=[Step(text="Hello from Django"), Step(path="/nope", status=404)])
case(P_PKG + "django.mdx#3", "settings reading a secret through `from workers import env`", outside="a fragment: src/app/settings.py, run by #1, #2 and #6")
case(P_PKG + "django.mdx#4", "@transaction.atomic", outside="a fragment: its function's body is `# ...` (an IndentationError as it stands)")
case(P_PKG + "django.mdx#5", "django-cf's D1 backend settings", outside="a fragment: settings naming django_cf.db.backends.d1 (django-cf not installed)")
case(P_PKG + "django.mdx#6", "await wsgi.fetch(application, request, self.env) in a Default class", needs=("django",), files=DJANGO_FILES,
     config=DJANGO_VARS, date=DJANGO_DATE, steps=[Step(text="Hello from Django")],
     note="with the settings of #1 (not #5's django-cf D1 backend)")
case(P_PKG + "django.mdx#7", "django-cf's Durable Object backend settings", outside="a fragment: settings naming django_cf.db.backends.do")
case(P_PKG + "django.mdx#8", "Django in a Durable Object (django-cf's set_storage)", outside="Durable Objects are not emulated")

T = "workers-ai/tutorials/create-fastapi-python-worker-and-workers-ai.mdx#"
PROMPTS_MISSING = ("section 1.1 has main.py import `from prompts import text_generation_system_prompt`, but section 2.1 "
                   "creates the file as prompt.py: ModuleNotFoundError in any Python, deployed too, so the Worker never "
                   "starts. Named prompts.py, /generate-text and /generate-image post to api.cloudflare.com with httpx (network)")
case(T + "1", "FastAPI behind the top-level `import asgi` of a module-level on_fetch at the page's 2023-12-18",
     needs=("fastapi",), date="2023-12-18", steps=[Step(text='{"message":"Hello World"}', header={"content-type": "application/json"})])
case(T + "2", "the system prompt module", outside="a fragment: src/prompt.py, imported (as `prompts`) by #10 and #14")
for n in range(3, 10):
    case(T + str(n), "a piece of main.py", outside="a fragment of main.py, whose whole is #10")
case(T + "10", "the tutorial's main.py: pydantic models, httpx to the Workers AI REST API", needs=("fastapi", "httpx", "pydantic"),
     date="2023-12-18", files={"src/prompt.py": "@" + T + "2"}, steps=[Step(kind="load", error="No module named 'prompts'")],
     docs_wrong=PROMPTS_MISSING)
for n in range(11, 14):
    case(T + str(n), "a piece of main.py", outside="a fragment of main.py, whose whole is #14")
case(T + "14", "the tutorial's final main.py (text and image endpoints)", needs=("fastapi", "httpx", "pydantic"), date="2023-12-18",
     files={"src/prompt.py": "@" + T + "2"}, steps=[Step(kind="load", error="No module named 'prompts'")], docs_wrong=PROMPTS_MISSING)

QUEUE_PRODUCER = '[[queues.producers]]\nbinding = "MY_QUEUE"\nqueue = "my-queue"\n'
case("queues/configuration/javascript-apis.mdx#1", "self.env.MY_QUEUE.send(to_js(a dict))", config=QUEUE_PRODUCER, steps=[Step(text="Sent!")])
case("queues/configuration/javascript-apis.mdx#2", "sendBatch(to_js([{'body': ...}]))", outside="a fragment: a helper taking env, no handler")
case("queues/configuration/javascript-apis.mdx#3", "a Default class's queue(self, batch) printing each message",
     config='[[queues.consumers]]\nqueue = "my-queue"\n',
     steps=[Step(kind="queue", path="my-queue", body='["hi"]', error="takes 2 positional arguments but 4 were given")],
     docs_wrong="workerd calls a class's queue strictly with (batch, env, ctx), env and ctx undefined (python-entrypoint-helper.ts: "
                "SPECIAL_HANDLER_NAMES is fetch and connect, so queue goes through introspection.py's wrapper_func with "
                "relaxed false; worker.c++ sets the handler's env/ctx to undefined): `async def queue(self, batch)` is a "
                "TypeError on every delivery, deployed too. Cloudflare's own consumers declare (self, batch, env, ctx) "
                "(workers-py runtime-sdk tests/bindings-test, python-workers-examples 08-cron's scheduled)")

# ---- D1's Worker API pages: each block a handler's body, run in the smallest Worker around it ----
D1_CONFIG = '[[d1_databases]]\nbinding = "DB"\ndatabase_name = "db"\ndatabase_id = "00000000-0000-0000-0000-000000000000"\n'
# the Customers table of D1's get-started, whose rows the pages' outputs show; `db` is the pages' own name for the binding
D1_AROUND = """from workers import Response, WorkerEntrypoint

SEED = (
    "DROP TABLE IF EXISTS Customers;\\n"
    "CREATE TABLE Customers (CustomerId INTEGER PRIMARY KEY, CompanyName TEXT, ContactName TEXT);\\n"
    "INSERT INTO Customers (CustomerId, CompanyName, ContactName) VALUES (1, 'Alfreds Futterkiste', 'Maria Anders'), "
    "(4, 'Around the Horn', 'Thomas Hardy'), (11, 'Bs Beverages', 'Victoria Ashworth'), (13, 'Bs Beverages', 'Random Name');"
)


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        await self.env.DB.exec(SEED)
        db = self.env.DB
        {block}
        return Response("the block ran")
"""
BS = '{"CustomerId":11,"CompanyName":"Bs Beverages","ContactName":"Victoria Ashworth"},' \
     '{"CustomerId":13,"CompanyName":"Bs Beverages","ContactName":"Random Name"}'
HORN = '{"CustomerId":4,"CompanyName":"Around the Horn","ContactName":"Thomas Hardy"}'
RAN = [Step(text="the block ran")]
ROWS_READ = ("Not compared: rows_read, 4 on the page (rows SQLite visited), 2 here (rows returned) -- README's known "
             "limit: Python's sqlite3 cannot see workerd's count")
D1DB = "d1/worker-api/d1-database.mdx#"


def d1_case(key: str, exercises: str, steps: list[Step] | None = None, **kw: Any) -> None:
    case(key, exercises, config=D1_CONFIG, wrap=D1_AROUND if "outside" not in kw else "", steps=steps or RAN, **kw)


d1_case(D1DB + "1", "a Default class whose fetch is `pass`", outside="a sketch: its fetch returns None, so it answers no request (what D1 is is its comment)")
d1_case(D1DB + "2", "prepare().bind()")
d1_case(D1DB + "3", "db.prepare() of a static statement")
d1_case(D1DB + "4", "db.prepare().bind() of two values")
d1_case(D1DB + "5", "batch() of one statement bound twice")
d1_case(D1DB + "6", "Response.json of batch()'s results", steps=[Step(contains=(f'"results":[{BS}]', f'"results":[{HORN}]', '"success":true'))],
        note=ROWS_READ)
d1_case(D1DB + "7", "print(stmt[1].results.to_py())", outside="a fragment: stmt is #6's batch result")
d1_case(D1DB + "8", "Response.json of a batch reusing one statement", steps=[Step(contains=(f'"results":[{BS}]', f'"results":[{HORN}]'))])
d1_case(D1DB + "9", "exec() of a query with a double-quoted string")
d1_case(D1DB + "10", "Response.json of exec()'s D1ExecResult", steps=[Step(contains=('{"count":1,"duration":',))])
d1_case(D1DB + "11", "db.dump()", outside="the page's caution: dump works only on D1 alpha databases, and a database made today is none")
d1_case(D1DB + "12", "withSession(\"<parameter>\")", outside="a placeholder: `<parameter>` stands for first-primary, first-unconstrained or a bookmark")
d1_case(D1DB + "13", "withSession('first-primary'), run(), getBookmark()")
PS = "d1/worker-api/prepared-statements.mdx#"
d1_case(PS + "1", "prepare().bind() across lines")
d1_case(PS + "2", "db.prepare().bind('')")
d1_case(PS + "3", "db.prepare().bind() of two values")
d1_case(PS + "4", "?2/?1 ordered parameters")
d1_case(PS + "5", "a prepared statement with a bound value")
d1_case(PS + "6", "a static statement")
d1_case(PS + "7", "await stmt.run()", outside="a fragment: stmt is made by the blocks before it")
d1_case(PS + "8", "Response.json of run()'s D1Result", steps=[Step(contains=('"success":true,"meta":{', f'"results":[{BS}]}}'))],
        note=ROWS_READ)
d1_case(PS + "9", "Response.json(return_value.results)", outside="a fragment: return_value is #8's")
d1_case(PS + "10", "await stmt.raw()", outside="a fragment: stmt is made by the blocks before it")
d1_case(PS + "11", "Response.json of raw()", steps=[Step(text='[[11,"Bs Beverages","Victoria Ashworth"],[13,"Bs Beverages","Random Name"]]')])
d1_case(PS + "12", "raw(columnNames=True): a keyword argument as the JS options object", steps=[
    Step(text='[["CustomerId","CompanyName","ContactName"],[11,"Bs Beverages","Victoria Ashworth"],[13,"Bs Beverages","Random Name"]]')])
d1_case(PS + "13", "await stmt.first()", outside="a fragment: stmt is made by the blocks before it")
d1_case(PS + "14", "Response.json of first()", steps=[Step(text='{"CustomerId":11,"CompanyName":"Bs Beverages","ContactName":"Victoria Ashworth"}')])
d1_case(PS + "15", "Response.json of first('CustomerId')", steps=[Step(text="11")])
RO = "d1/worker-api/return-object.mdx#"
d1_case(RO + "1", "run()'s D1Result and its meta fields", steps=[Step(contains=(
    '{"success":true,"meta":{"served_by":"miniflare.db"', '"served_by_primary":true', '"timings":{"sql_duration_ms":',
    '"changes":0,', '"changed_db":false,"size_after":', '"rows_written":0}', f'"results":[{BS}]}}'))],
    note="the page's output is a composite: served_by miniflare.db (the local runtime's) beside served_by_region WEUR, "
         "which only production fills; workers-env gives the local runtime's meta, as wrangler dev (README, D1); "
         "last_row_id is the seed's insert here, not the page's fresh database's 0. " + ROWS_READ)
d1_case(RO + "2", "Response.json of exec()'s D1ExecResult", steps=[Step(contains=('{"count":1,"duration":',))])

# ---- docsnip56: the Flask guide, the Python Workflows pages, two Durable Objects pages ----------
FLASK_PYPROJECT = ('[project]\nname = "flask-worker"\nversion = "0.1.0"\nrequires-python = ">=3.12"\ndependencies = [\n    "flask",\n]\n\n'
                   '[dependency-groups]\ndev = [\n    "workers-py",\n    "workers-runtime-sdk",\n]\n')
FLASK_ASSETS = '[assets]\ndirectory = "./public/"\nbinding = "ASSETS"\nrun_worker_first = true\n'
case(P_PKG + "flask.mdx#1", "Flask behind workers.wsgi.entrypoint, the guide's src/worker.py and pyproject.toml", needs=("flask",),
     main="src/worker.py", files={"pyproject.toml": FLASK_PYPROJECT}, date=DJANGO_DATE,
     steps=[Step(contains=('{"message":"Hello from Flask"}',), header={"content-type": "application/json"}),
            Step(path="/nope", status=404)],
     note="the page's $today run at the Django guide's 2026-07-29 (workers.wsgi.entrypoint, workers-runtime-sdk 1.8.0 on)")
case(P_PKG + "flask.mdx#2", "Flask serving static assets through run_sync(env.ASSETS.fetch(...)) with run_worker_first", needs=("flask",),
     main="src/worker.py", files={"pyproject.toml": FLASK_PYPROJECT, "public/index.html": "<h1>the frontend</h1>\n"},
     config=FLASK_ASSETS, date=DJANGO_DATE,
     steps=[Step(path="/api/hello", contains=('{"message":"Hello from the API"}',), header={"content-type": "application/json"}),
            Step(path="/", status=200, text="<h1>the frontend</h1>\n", header={"content-type": "text/html; charset=utf-8"})],
     note="the page's assets block as wrangler.toml, one index.html in ./public/")

WF = "workflows/python/"
NOT_WORKFLOWS = "Workflows are not emulated (a binding to supply yourself; WorkflowEntrypoint's step API has no stand-in)"
case(WF + "index.mdx#1", "a WorkflowEntrypoint's run skeleton", outside="a fragment: run's body is a comment (an IndentationError as it stands)")
case(WF + "index.mdx#2", "a Workflow with two steps and a module-level on_fetch creating an instance", outside=NOT_WORKFLOWS)
case(WF + "bindings.mdx#1", "a step returning event['payload']", outside=NOT_WORKFLOWS)
for n in range(2, 6):
    case(WF + f"bindings.mdx#{n}", "the Workflow binding's create/create_batch/get/send_event",
         outside="a fragment (top-level await on env, or a module-level on_fetch) of the Workflow binding, which is not emulated")
case(WF + "dag.mdx#1", "step.do(depends=..., concurrent=True)", outside=NOT_WORKFLOWS)
case(WF + "python-workers-api.mdx#1", "a WorkflowEntrypoint's run skeleton", outside="a fragment: run's body is a comment (an IndentationError as it stands)")
case(WF + "python-workers-api.mdx#2", "step.do and calling the step", outside=NOT_WORKFLOWS)
for n in range(3, 10):
    case(WF + f"python-workers-api.mdx#{n}", "a Workflow step API (sleep, sleep_until, wait_for_event, with_rollback, NonRetryableError, config)",
         outside="a fragment of a WorkflowEntrypoint (a bare run(), or a class without its imports); Workflows are not emulated")
case(WF + "python-workers-api.mdx#10", "self.env.MY_WORKFLOW.create() from a Default class",
     outside="a fragment without its imports; the Workflow binding is not emulated")

NOT_DO = "Durable Objects are not emulated (a binding to supply yourself)"
case("durable-objects/examples/build-a-counter.mdx#1", "a counter Durable Object called over RPC from a Default class", outside=NOT_DO)
case("durable-objects/examples/alarms-api.mdx#1", "a Durable Object batching requests with storage alarms", outside=NOT_DO)
for n in range(1, 8):
    case(f"durable-objects/api/base.mdx#{n}", "a DurableObject's handler methods (fetch, alarm, webSocket*, preShutdown)", outside=NOT_DO)


# ---- running ------------------------------------------------------------------------------------
def git(gitdir: str, *args: str) -> str:
    where = ["--git-dir", gitdir] if not (Path(gitdir) / ".git").exists() else ["-C", gitdir]
    return subprocess.run(["git", *where, *args], check=True, capture_output=True, text=True).stdout


def python_blocks(text: str) -> list[str]:
    """The page's ```py / ```python blocks, in order (a 4-backtick fence keeps its inner ```; an
    indented fence's lines lose its indent)."""
    return [dedented(m.group("body"), m.group("indent")) for m in FENCE.finditer(text)]


def dedented(body: str, indent: str) -> str:
    """``body`` with ``indent`` taken off each line that starts with it."""
    if not indent:
        return body
    return "".join(line[len(indent):] if line.startswith(indent) else line for line in body.splitlines(keepends=True))


def page_blocks(gitdir: str, rev: str, page: str, cache: dict[str, list[str]]) -> list[str]:
    if page not in cache:
        try:
            cache[page] = python_blocks(git(gitdir, "show", f"{rev}:{DOCS}{page}"))
        except subprocess.CalledProcessError:
            cache[page] = []
    return cache[page]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """A redirect is an answer to compare, never followed (its target is the Internet)."""
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


OPENER = urllib.request.build_opener(NoRedirect)


class Origin(http.server.BaseHTTPRequestHandler):
    """The origin a Worker passes its request to: text with an email and a phone number in it."""
    def answer(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        self.rfile.read(length)
        kind = "application/json" if self.path.startswith("/json") else "text/plain; charset=utf-8"
        body = (JSON_BODY if self.path.startswith("/json") else CLEAN_BODY if self.path.startswith("/clean") else ORIGIN_BODY).encode()
        self.send_response(200)
        self.send_header("content-type", kind)
        self.send_header("content-length", str(len(body)))
        self.send_header("x-header-to-delete", "1")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    do_GET = do_POST = do_PUT = do_HEAD = do_OPTIONS = answer

    def log_message(self, *args: Any) -> None:
        pass


DRIVER = textwrap.dedent("""
    import asyncio, json, sys
    from workers_env import load_worker
    steps = json.loads(sys.argv[1])
    async def main():
        seen = []
        try:
            worker = load_worker(".")
        except BaseException as e:
            if steps and steps[0]["kind"] == "load":
                print("\\n@@RESULT@@" + json.dumps([{"error": f"{type(e).__name__}: {e}"}]))
                return
            raise
        for s in steps:
            if s["kind"] == "load":
                seen.append({"ok": True})
                continue
            try:
                if s["kind"] == "scheduled":
                    await worker.scheduled(s["path"])
                    seen.append({"ok": True})
                    continue
                if s["kind"] == "queue":
                    await worker.queue(json.loads(s["body"]), queue=s["path"])
                    seen.append({"ok": True})
                    continue
                kw = {"method": s["method"], "headers": s["headers"]}
                if s["body"] is not None:
                    kw["body"] = s["body"]
                if s["cf"] is not None:
                    kw["cf"] = s["cf"]
                r = await worker.fetch(s["url"], **kw)
                text = await r.text()
                seen.append({"status": r.status, "text": text, "headers": {k: v for k, v in r.headers.items()}})
            except BaseException as e:
                seen.append({"error": f"{type(e).__name__}: {e}"})
        print("\\n@@RESULT@@" + json.dumps(seen))
    asyncio.run(main())
""")


def block_for(ref: str, gitdir: str, rev: str, cache: dict[str, list[str]]) -> str:
    """``@PAGE#N``'s block, and the lines written after that first line appended (a page's
    settings fragment completed by the few lines a project of its own would have)."""
    ref, _, more = ref.partition("\n")
    page, _, n = ref[1:].partition("#")
    blocks = page_blocks(gitdir, rev, page, cache)
    return (blocks[int(n) - 1] if len(blocks) >= int(n) else "") + more


def wrapped(around: str, block: str) -> str:
    """``block`` put where ``around`` has its line ``{block}``, indented as that line is."""
    lines = []
    for line in around.splitlines():
        if line.strip() == "{block}":
            pad = line[:len(line) - len(line.lstrip())]
            lines += [pad + piece if piece.strip() else "" for piece in block.splitlines()]
        else:
            lines.append(line)
    return "\n".join(lines) + "\n"


def missing(packages: tuple[str, ...]) -> list[str]:
    """The packages of ``packages`` this Python cannot import (the child runs this same Python)."""
    return [name for name in packages if importlib.util.find_spec(name) is None]


def run_case(key: str, c: Case, block: str, gitdir: str, rev: str, cache: dict[str, list[str]], origin: str, dev: bool) -> tuple[str, str]:
    with tempfile.TemporaryDirectory(prefix="docsnip-") as tmp:
        root = Path(tmp)
        (root / "src").mkdir()
        (root / c.main).write_text(wrapped(c.wrap, block) if c.wrap else block)
        for name, content in c.files.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(block_for(content, gitdir, rev, cache) if content.startswith("@") else content)
        date = GLOBAL if c.date == DATE and GLOBAL_HANDLER.search(block) else c.date
        (root / "wrangler.toml").write_text(f'name = "docs-example"\nmain = "{c.main}"\ncompatibility_date = "{date}"\n'
                                            f"compatibility_flags = {c.flags}\n{c.config}")
        steps = []
        for s in c.steps:
            host = origin if s.origin else "http://example.com"
            steps.append({"kind": s.kind, "path": s.path, "method": s.method, "headers": s.headers, "body": s.body, "cf": s.cf,
                          "url": host + s.path.replace("ORIGIN", origin)})
        proc = subprocess.run([sys.executable, "-c", DRIVER, json.dumps(steps)], cwd=root, capture_output=True, text=True, timeout=120)
        out = proc.stdout + proc.stderr
        if "@@RESULT@@" not in proc.stdout:
            return "diverges", "did not run: " + (out.strip().splitlines() or ["?"])[-1]
        seen = json.loads(proc.stdout.rsplit("@@RESULT@@", 1)[1])
        logs = proc.stdout.rsplit("@@RESULT@@", 1)[0] + proc.stderr
        problems = [p for s, got in zip(c.steps, seen) for p in check(s, got, logs, origin)]
        if dev and not problems and any(s.kind == "fetch" for s in c.steps):
            problems += run_dev(root, c, origin)
    return ("diverges", "; ".join(problems)) if problems else ("as documented", "")


def check(s: Step, got: dict[str, Any], logs: str, origin: str) -> list[str]:
    where = f"{s.method} {s.path}" if s.kind == "fetch" else s.kind
    if "error" in got:
        if s.error and s.error in got["error"]:
            return []
        return [f"{where}: raised {got['error'][:300]}"]
    if s.error:
        return [f"{where}: no error, the page says {s.error!r}"]
    problems = []
    if s.status is not None and got.get("status") != s.status:
        problems.append(f"{where}: status {got.get('status')}, not {s.status} ({got.get('text', '')[:200]!r})")
    if s.text is not None and got.get("text") != s.text:
        problems.append(f"{where}: body {got.get('text', '')[:200]!r}, not {s.text[:200]!r}")
    for piece in s.contains:
        if piece not in got.get("text", ""):
            problems.append(f"{where}: body lacks {piece!r}: {got.get('text', '')[:200]!r}")
    headers = {k.lower(): v for k, v in got.get("headers", {}).items()}
    for name, value in s.header.items():
        value = None if value is None else value.replace("ORIGIN", origin)
        if headers.get(name.lower()) != value:
            problems.append(f"{where}: header {name} is {headers.get(name.lower())!r}, not {value!r}")
    for line in s.logs:
        if line not in logs:
            problems.append(f"{where}: no log line {line!r}")
    return problems


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def run_dev(root: Path, c: Case, origin: str) -> list[str]:
    """The same fetch steps over HTTP through ``workers-env dev`` (the origin steps keep their host header)."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "workers_env", "dev", "--port", str(port), "--ip", "127.0.0.1"],
                            cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    problems: list[str] = []
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        for s in c.steps:
            if s.kind != "fetch" or s.origin or s.cf:
                continue  # dev's URL host is its own; cf comes from dev
            req = urllib.request.Request(f"http://127.0.0.1:{port}{s.path}", method=s.method, headers=s.headers,
                                         data=None if s.body is None else s.body.encode())
            try:
                with OPENER.open(req, timeout=30) as r:  # noqa: S310 - loopback
                    got = {"status": r.status, "text": r.read().decode(), "headers": dict(r.headers.items())}
            except urllib.error.HTTPError as e:
                got = {"status": e.code, "text": e.read().decode(), "headers": dict(e.headers.items())}
            if s.error:  # an uncaught exception: workerd's 500
                problems += [] if got["status"] == 500 else [f"dev: {s.method} {s.path}: status {got['status']}, not 500 ({s.error})"]
                continue
            problems += [f"dev: {p}" for p in check(s, got, "\n".join(s.logs), origin)]
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
    return problems


def known_pages() -> list[str]:
    return sorted({key.partition("#")[0] for key in CASES})


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("docs", help="a git directory or work tree of cloudflare/cloudflare-docs")
    ap.add_argument("--rev", default="HEAD")
    ap.add_argument("--dev", action="store_true", help="also serve each HTTP example with workers-env dev")
    ap.add_argument("-k", default="", help="only cases whose key contains this")
    ap.add_argument("-v", action="store_true", help="print each block's sha256 prefix (to see which changed)")
    args = ap.parse_args()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Origin)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    cache: dict[str, list[str]] = {}
    counts: dict[str, int] = {}
    rows = []
    for page in known_pages():
        blocks = page_blocks(args.docs, args.rev, page, cache)
        keys = [f"{page}#{n}" for n in range(1, max(len(blocks), max(int(k.rpartition('#')[2]) for k in CASES if k.startswith(page + '#'))) + 1)]
        for key in keys:
            if args.k not in key:
                continue
            n = int(key.rpartition("#")[2])
            block = blocks[n - 1] if n <= len(blocks) else None
            c = CASES.get(key)
            if block is None:
                outcome, why = "gone", "the page has no such block any more"
            elif c is None:
                outcome, why = "new", "no case covers this block: " + block.strip().splitlines()[0][:80]
            elif c.outside:
                outcome, why = "outside", c.outside
            elif missing(c.needs):
                outcome, why = "outside", f"needs {', '.join(missing(c.needs))} installed (run with a Python that has them)"
            else:
                outcome, why = run_case(key, c, block, args.docs, args.rev, cache, origin, args.dev)
                if c.docs_wrong and outcome == "as documented":
                    outcome, why = "docs wrong", c.docs_wrong
            counts[outcome] = counts.get(outcome, 0) + 1
            digest = hashlib.sha256((block or "").encode()).hexdigest()[:10] if args.v else ""
            if c is not None and c.note and outcome != "outside":
                why = (why + "; " if why else "") + c.note
            if c is not None and not c.outside and c.date == DATE and block and GLOBAL_HANDLER.search(block):
                why = (why + "; " if why else "") + f"run at {GLOBAL}: a module-level handler, which production no longer dispatches from 2025-08-14"
            rows.append((key, c.exercises if c else "?", outcome, why, digest))
            print(f"{key:55} | {(c.exercises if c else '?')[:60]:60} | {outcome:13} | {why} {digest}".rstrip(), flush=True)
    server.shutdown()
    print("\n" + ", ".join(f"{n} {k}" for k, n in sorted(counts.items())) + f" -- {len(rows)} blocks")
    return 1 if counts.get("diverges") else 0


if __name__ == "__main__":
    raise SystemExit(main())
