"""A Python function sent to another Worker over RPC, per SDK era (sources: workers-runtime-sdk's
``workers/rpc.py`` wraps any callable with ``create_proxy``; workerd's built-in ``_workers.py``
refuses ``LambdaType``; what a function stub does measured with JavaScript twins under
``wrangler dev -c A -c B`` 4.164.0): the external SDK's era sends a function, a lambda or a bound
method as a stub the callee calls and awaits (an error raised in it crossing as a remote error);
the built-in SDK's era refuses a plain function or lambda, at any depth, with the SDK's
``TypeError: <class 'function'> cannot be sent over RPC.`` and sends a bound method as a stub;
a stub called after its call returned rejects with ``Error: RPC stub used after being
disposed.``; a function the callee returns is one the caller calls (the SDK's callable wrapper)."""

from __future__ import annotations

import pytest
from worker_helpers import service_pair

SEARCH = '''
from workers import Response, WorkerEntrypoint

kept = []


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("search")

    async def call_now(self, cb):
        return await cb(2)

    async def call_failing(self, cb):
        try:
            await cb(1)
        except Exception as error:
            return f"{error.name} {error.remote}: {error.message.splitlines()[-1]}"

    async def keep(self, cb):
        kept.append(cb)
        return "kept"

    async def later(self):
        try:
            return await kept[-1](5)
        except Exception as error:
            return f"{error.name} {getattr(error, 'remote', None)}: {error.message}"

    async def give(self):
        return self.times_ten

    def times_ten(self, x):
        return x * 10
'''

GATEWAY = '''
from workers import Response, WorkerEntrypoint


def fails(x):
    raise ValueError("no callback today")


class Default(WorkerEntrypoint):
    def plus_100(self, x):
        return x + 100

    def failing(self, x):
        raise ValueError("no callback today")

    async def fetch(self, request):
        out = []

        async def run(label, call):
            try:
                out.append(f"{label}: {await call()}")
            except Exception as error:
                out.append(f"{label}: {type(error).__name__} {str(error).splitlines()[0]}")

        search = self.env.SEARCH
        await run("lambda", lambda: search.call_now(lambda x: x + 1))
        await run("nested", lambda: search.call_now({"f": lambda x: x}))
        await run("method", lambda: search.call_now(self.plus_100))
        await run("failing", lambda: search.call_failing(fails))
        await run("failing method", lambda: search.call_failing(self.failing))
        await run("keep", lambda: search.keep(self.plus_100))
        await run("later", lambda: search.later())

        async def given():
            times_ten = await search.give()
            return await times_ten(4)

        await run("given", given)
        return Response("\\n".join(out))
'''


@pytest.mark.asyncio
async def test_the_external_sdk_sends_any_callable_as_a_stub(tmp_path):
    gateway = service_pair(tmp_path, SEARCH, GATEWAY, "2026-05-01")
    assert (await (await gateway.fetch("/")).text()).split("\n") == [
        "lambda: 3",
        "nested: JsException PythonError: Traceback (most recent call last):",  # cb is a dict there
        "method: 102",
        "failing: PythonError True: ValueError: no callback today",
        "failing method: PythonError True: ValueError: no callback today",
        "keep: kept",
        "later: Error None: RPC stub used after being disposed.",
        "given: 40"]


@pytest.mark.asyncio
async def test_the_builtin_sdk_refuses_a_plain_function_and_sends_a_bound_method(tmp_path):
    gateway = service_pair(tmp_path, SEARCH, GATEWAY, "2025-11-02")
    assert (await (await gateway.fetch("/")).text()).split("\n") == [
        "lambda: TypeError <class 'function'> cannot be sent over RPC.",
        "nested: TypeError <class 'function'> cannot be sent over RPC.",
        "method: 102",
        "failing: TypeError <class 'function'> cannot be sent over RPC.",
        "failing method: Error True: ValueError: no callback today",
        "keep: kept",
        "later: Error None: RPC stub used after being disposed.",
        "given: 40"]


UNCAUGHT = '''
from workers import WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return await self.env.SEARCH.call_now(lambda x: x)
'''


@pytest.mark.asyncio
async def test_a_builtin_eras_refusal_says_what_crosses_instead(tmp_path):
    gateway = service_pair(tmp_path, SEARCH, UNCAUGHT, "2025-11-02")
    with pytest.raises(TypeError, match="cannot be sent over RPC") as caught:
        await gateway.fetch("/")
    assert ("workers-env: the built-in Python Workers SDK (compatibility_date before 2026-04-21, or "
            "disable_python_external_sdk) refuses a plain function or lambda: send a bound method (self.method), or a "
            "functools.partial of the function, which cross as a stub the other Worker can call") in caught.value.__notes__


GIVES = '''
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("search")

    async def give(self):
        return self.describe

    def describe(self, x):
        return f"{type(x).__name__} {x.a}"
'''

CALLS_GIVEN = '''
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        describe = await self.env.SEARCH.give()
        try:
            answer = await describe({"a": 1})
        except Exception as error:
            answer = str(error).splitlines()[0]
        return Response(f"{type(describe).__name__}: {answer}")
'''


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "answer"), [
    ("2026-05-01", "_RpcStubWrapper: JsProxy 1"),  # the SDK's wrapper converts the dict it is called with
    ("2025-11-02", "JsProxy: DataCloneError: Proxy could not be serialized because it is not a valid RPC "
                   "receiver type. The Proxy must emulate either a plain object or an RpcTarget, as indicated "
                   "by the Proxy's prototype chain.")])
async def test_a_returned_function_converts_its_arguments_in_the_external_sdks_era(tmp_path, date, answer):
    gateway = service_pair(tmp_path, GIVES, CALLS_GIVEN, date)
    assert await (await gateway.fetch("/")).text() == answer


CALLS_BACK = '''
from js import Object
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("search")

    async def call_now(self, cb):
        try:
            return f"{await cb(2)}"
        except Exception as error:
            return (f"{error.name} remote={getattr(error, 'remote', None)}: {error.message}\\n"
                    + ",".join(Object.keys(error)))

    async def give(self):
        return self.take

    def take(self, x):
        return "called"
'''

SENDS_UNSERIALIZABLE = '''
from js import Object
from workers import Response, WorkerEntrypoint


class Kept:
    pass


class Default(WorkerEntrypoint):
    def gives_kept(self, x):
        return Kept()

    async def fetch(self, request):
        out = [await self.env.SEARCH.call_now(self.gives_kept)]
        take = await self.env.SEARCH.give()
        try:
            out.append(await take(Kept()))
        except Exception as error:
            out.append(f"{error.name} remote={getattr(error, 'remote', None)}: {error.message}")
            out.append(",".join(Object.keys(error)))
        return Response("\\n".join(out))
'''

NOT_SERIALIZED = ("DataCloneError remote={}: Proxy could not be serialized because it is not a valid RPC receiver type. "
                  "The Proxy must emulate either a plain object or an RpcTarget, as indicated by the Proxy's prototype "
                  "chain.")


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2026-05-01", "2025-11-02"])
async def test_a_stubs_unserializable_result_is_remote_and_its_unserializable_argument_is_not(tmp_path, date):
    # measured with JavaScript twins under wrangler dev -c A -c B 4.164.0 (audit19): a stub whose
    # function returns a Proxy of a class instance rejects with DataCloneError, remote: true (the
    # other side serialized it); a stub called with one rejects so at the caller, remote undefined;
    # Object.keys of each: code,name,message,stack (a DOMException's own stack), then remote
    gateway = service_pair(tmp_path, CALLS_BACK, SENDS_UNSERIALIZABLE, date)
    assert (await (await gateway.fetch("/")).text()).split("\n") == [
        NOT_SERIALIZED.format(True), "code,name,message,stack,remote",
        NOT_SERIALIZED.format(None), "code,name,message,stack"]


GIVES_NESTED = '''
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("search")

    async def give(self):
        return [self.plus_one, {"f": self.twice, "deep": [[self.thrice]]}]

    async def give_map(self):
        return to_js({"k": self.four})

    async def give_failing(self):
        return self.fails

    def plus_one(self, x):
        return x + 1

    def twice(self, x):
        return x * 2

    def thrice(self, x):
        return x * 3

    def four(self, x):
        return x * 4

    def fails(self, x):
        raise ValueError("no")
'''

CALLS_NESTED = '''
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        got = await self.env.SEARCH.give()
        out = [f"{await got[0](1)} {await got[1]['f'](2)} {await got[1]['deep'][0][0](3)}"]
        out.append(f"map {await (await self.env.SEARCH.give_map()).get('k')(2)}")
        fails = await self.env.SEARCH.give_failing()
        try:
            await fails(1)
        except Exception as error:
            out.append(f"{error.name} {error.remote}: {error.message.splitlines()[-1]}")
        return Response("\\n".join(out))
'''


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "error"), [("2026-05-01", "PythonError True: ValueError: no"),
                                             ("2025-11-02", "Error True: ValueError: no")])
async def test_functions_at_any_depth_of_a_result_cross_as_stubs(tmp_path, date, error):
    # measured with JavaScript twins under wrangler dev -c A -c B 4.164.0 (audit19): functions in
    # an array, an object, nested arrays and a Map each reach the caller as a stub it awaits
    # (`2 4 9`, `map 8`); the built-in SDK sends a dict as a Map, so its methods cross so too; a
    # returned function's error crosses in the form enhanced_error_serialization selects
    gateway = service_pair(tmp_path, GIVES_NESTED, CALLS_NESTED, date)
    assert (await (await gateway.fetch("/")).text()).split("\n") == ["2 4 9", "map 8", error]


CHAINED = '''
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def inner(self, x):
        return x * 7

    async def chained(self, x):
        return self.inner(x)  # a coroutine, not awaited: JavaScript awaits what it resolves to as well

    async def fetch(self, request):
        return Response(str(await self.env.SEARCH.call_now(self.chained)))
'''


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2026-05-01", "2025-11-02"])
async def test_a_stub_whose_coroutine_returns_a_coroutine_answers_its_value(tmp_path, date):
    # real Pyodide 0.26.0a4, 0.28.2 and 314.0.6 under Node (audit19): JavaScript awaiting a Python
    # async function that returns a coroutine gets the inner one's value (a PyProxy of an
    # awaitable is a thenable, so the promise adopts it), 7 for `return inner()`
    gateway = service_pair(tmp_path, SEARCH, CHAINED, date)
    assert await (await gateway.fetch("/")).text() == "14"
