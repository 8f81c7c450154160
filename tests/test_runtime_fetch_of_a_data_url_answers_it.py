"""``fetch`` of a ``data:`` URL is answered by the runtime itself, as workerd's
``fetchImplNoOutputLock`` answers it (http.c++ ``DataUrl``, data-url.c++): ``200 OK`` with a
``content-type`` of its MIME type as workerd serializes it (``text/plain;charset=US-ASCII`` for
none or one it cannot parse), ``url`` ``""``, and the data percent-decoded, base64-decoded after
``;base64`` (leniently), as a GET's body -- a HEAD's or POST's is null. A ``data:`` URL without a
comma is ``TypeError: Fetch API cannot load``. Every case as ``wrangler dev`` 4.164.0 answered
it, the same at 2024-06-02 (before ``fetch_standard_url``) and 2025-09-01."""

from __future__ import annotations

from pathlib import Path

import pytest
from worker_helpers import json_answer, one_file_worker

WORKER = """
import js
from workers import Response, WorkerEntrypoint

CASES = [["data:text/plain,Hello%2C%20World!", "GET"],
         ['  DATA:text/plain;a="b";base64,\\t\\nSGVsbG8sIFdvcmxkIQ%3D%3D', "GET"],
         ["data:,a b", "GET"], ["data:nocomma", "GET"], ["data:;base64,!!!", "GET"],
         ["data:;charset=utf-8,%C3%A9", "GET"], ["data:TEXT/HTML;Charset=UTF-8,<b>x</b>#frag", "GET"],
         ["data:text/plain,x", "HEAD"], ["data:text/plain,x", "POST"], ["data:bogus type,x", "GET"],
         ["data:application/json;base64,eyJhIjoxfQ", "GET"], ["data:,%zz%41", "GET"], ["data:,\\u00e9", "GET"]]

async def answer(url, method):
    try:
        r = await js.fetch(url, method=method)
    except Exception as exc:
        return f"{getattr(exc, 'name', type(exc).__name__)}: {getattr(exc, 'message', exc)}"
    body = None if r.body is None else list((await r.arrayBuffer()).to_bytes())
    return [r.status, r.statusText, [list(pair) for pair in r.headers], body, r.url, r.redirected]

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response.json([await answer(url, method) for url, method in CASES])

    on_fetch = fetch  # the method's name before python_no_global_handlers (2025-08-14)
"""

PLAIN = [["content-type", "text/plain;charset=US-ASCII"]]
MEASURED = [
    [200, "OK", [["content-type", "text/plain"]], list(b"Hello, World!"), "", False],
    [200, "OK", [["content-type", "text/plain;a=b"]], list(b"Hello, World!"), "", False],
    [200, "OK", PLAIN, list(b"a b"), "", False],
    "TypeError: Fetch API cannot load: data:nocomma",
    [200, "OK", PLAIN, [], "", False],
    [200, "OK", [["content-type", "text/plain;charset=utf-8"]], [195, 169], "", False],
    [200, "OK", [["content-type", "text/html;charset=UTF-8"]], list(b"<b>x</b>"), "", False],
    [200, "OK", [["content-type", "text/plain"]], None, "", False],
    [200, "OK", [["content-type", "text/plain"]], None, "", False],
    [200, "OK", PLAIN, list(b"x"), "", False],
    [200, "OK", [["content-type", "application/json"]], list(b'{"a":1}'), "", False],
    [200, "OK", PLAIN, list(b"%zzA"), "", False],
    [200, "OK", PLAIN, [195, 169], "", False],
]


@pytest.mark.parametrize("date", ["2024-06-02", "2025-09-01"])
def test_fetch_of_a_data_url_as_workerd_answers_it(tmp_path: Path, date: str) -> None:
    assert json_answer(one_file_worker(tmp_path, WORKER, date=date), "/") == MEASURED
