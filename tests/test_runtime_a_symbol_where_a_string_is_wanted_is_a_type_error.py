"""A Symbol where a Web API or a binding wants a string is V8's ``TypeError: Cannot convert a
Symbol value to a string`` (jsg's ``ToString``), as a JavaScript twin under wrangler dev 4.164.0
answered for each of these calls -- an Event's type, a header's name or value, a URL and its
base, a Request's URL, a ``statusText``, ``TextEncoder``, ``btoa``, ``URLSearchParams``, a Blob
part, a KV key or value, a D1 bound value, ``fetch`` -- where workers-env took the Symbol's
description (``new Event(Symbol.iterator)`` an event of type ``"Symbol(Symbol.iterator)"``) or
refused it in other words. ``env.DB.prepare(symbol)`` itself is accepted there and here."""

from __future__ import annotations

import pytest
from worker_helpers import KV_D1_AI, RECORD_AND_TRIED, json_answer, one_file_worker

CALLS = {
    "Event": "lambda: Event.new(s)",
    "CustomEvent": "lambda: CustomEvent.new(s)",
    "Headers.set name": "lambda: Headers.new().set(s, 'x')",
    "Headers.set value": "lambda: Headers.new().set('x', s)",
    "Headers.append": "lambda: Headers.new().append(s, 'x')",
    "Headers.get": "lambda: Headers.new().get(s)",
    "Headers init": "lambda: Headers.new(record(x=s))",
    "URL": "lambda: URL.new(s)",
    "URL base": "lambda: URL.new('a', s)",
    "Request": "lambda: Request.new(s)",
    "statusText": "lambda: JsResponse.new('x', record(statusText=s))",
    "TextEncoder": "lambda: TextEncoder.new().encode(s)",
    "btoa": "lambda: btoa(s)",
    "URLSearchParams": "lambda: URLSearchParams.new(record(a=s))",
    "Blob": "lambda: Blob.new([s])",
    "KV get": "lambda: env.KV.get(s)",
    "KV put key": "lambda: env.KV.put(s, 'v')",
    "KV put value": "lambda: env.KV.put('k', s)",
    "D1 bind": "lambda: env.DB.prepare('SELECT ?').bind(s)",
    "fetch": "lambda: fetch(s)",
}

WORKER = """
import inspect
import json
from js import Blob, CustomEvent, Event, Headers, Object, Request, Response as JsResponse, Symbol, TextEncoder
from js import URL, URLSearchParams, btoa, fetch
from workers import Response, WorkerEntrypoint
from pyodide.ffi import to_js
""" + RECORD_AND_TRIED + """

async def settled(make):
    try:
        value = make()
        if inspect.isawaitable(value):
            await value
        return "accepted"
    except Exception as error:
        return str(error)


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        env, s = self.env, Symbol.iterator
        calls = {%s}
        out = {name: await settled(make) for name, make in calls.items()}
        out["D1 prepare"] = await settled(lambda: env.DB.prepare(s))
        return Response(json.dumps(out))
""" % ", ".join(f"{name!r}: {code}" for name, code in CALLS.items())



@pytest.fixture(scope="module")
def answered(tmp_path_factory: pytest.TempPathFactory) -> dict:
    return json_answer(one_file_worker(tmp_path_factory.mktemp("symbols"), WORKER, extra=KV_D1_AI), "/")


@pytest.mark.parametrize("call", list(CALLS))
def test_a_symbol_given_for_a_string_is_a_type_error(answered: dict, call: str):
    assert answered[call] == "TypeError: Cannot convert a Symbol value to a string"


def test_d1_prepare_keeps_a_symbol_until_it_is_bound(answered: dict):
    assert answered["D1 prepare"] == "accepted"
