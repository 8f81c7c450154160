"""A test's calls of the ``Worker`` API (``worker.fetch``, ``rpc``, ``scheduled``, ``email``) with an
argument of the wrong kind get a ``TypeError``/``ValueError`` saying what the argument takes,
marked as the user's mistake -- before, ``method=None`` was a ``KeyError: 'NONE'``, an unknown
method a ``KeyError`` in the SDK's ``request.method``, a dict as URL ``re``'s ``TypeError``,
non-JSON ``json=`` ``json``'s, ``rpc({})`` ``getattr``'s and a nested ``scheduled_time`` a
``RecursionError``. A fuzz over every argument keeps it so."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from fuzz_helpers import FUZZ, nested, odd, past_json_depth, refused_properly
from hypothesis import given
from hypothesis import strategies as st

from workers_env import WorkersEnvError, load_worker

WRANGLER = 'name = "w"\nmain = "src/entry.py"\ncompatibility_date = "2026-05-01"\ncompatibility_flags = ["python_workers"]\n'
ENTRY = '''from workers import WorkerEntrypoint, Response
class Default(WorkerEntrypoint):
    async def fetch(self, request):
        # the JS Request's method: the SDK's request.method is HTTPMethod[...], whose KeyError for a
        # method workerd takes but Python's enum lacks (PROPFIND, as in production) is the Worker's own
        return Response("ok " + str(request.js_object.method))
    async def scheduled(self, controller, env, ctx):
        pass
    async def email(self, message, env, ctx):
        pass
    async def hello(self, *args):
        return "hi"
'''


@pytest.fixture
def worker(project: Any) -> Any:
    return load_worker(project(WRANGLER, src__entry_DOT_py=ENTRY))


def answered_or_refused_clearly(call: Any) -> BaseException | None:
    try:
        asyncio.run(call())
    except BaseException as error:  # noqa: BLE001 - judged just below
        if not (refused_properly(error) or (isinstance(error, (TypeError, ValueError))
                                            and getattr(error, "workers_env_answer", False) is True)):
            raise
        return error
    return None


@pytest.mark.parametrize(("call", "message"), [
    (lambda w: w.fetch({"a": 1}), 'worker.fetch() takes the URL or path as a str (worker.fetch("/search")), got dict'),
    (lambda w: w.fetch("/", method=None), 'worker.fetch(method=...) takes an HTTP method as a str ("POST"), got NoneType'),
    (lambda w: w.fetch("/", method="BAD METHOD"), "worker.fetch(method=...) takes an HTTP method workerd receives (ACL, "),
    (lambda w: w.fetch("/", headers=[("a", "b", "c")]), "worker.fetch(headers=...) takes a dict of header names (str) to values"),
    (lambda w: w.fetch("/", method="POST", json={"a": b"x"}), "worker.fetch(json=...) takes JSON data (dicts, lists, str, numbers, "
                                                               "booleans, None): Object of type bytes is not JSON serializable"),
    (lambda w: w.fetch("/", method="POST", json=nested(past_json_depth(), False)),
     "worker.fetch(json=...) takes JSON data (dicts, lists, str, numbers, booleans, None): it nests deeper than "
     "this Python's json module writes"),
    (lambda w: w.fetch("/", method="POST", body="x", json={}), "give either body or json, not both"),
    (lambda w: w.fetch("/", headers=nested(200_000, False)),
     "worker.fetch(headers=...) takes a dict of header names (str) to values, or a list of (name, value) "
     "pairs; got list (a list nested too deeply to show)"),
    (lambda w: w.fetch("/", cf=[]), "worker.fetch(cf=...) takes a dict of request.cf properties ({\"country\": \"DE\"}), got list"),
    (lambda w: w.fetch("/", cf={"a": nested(past_json_depth(), True)}),
     'worker.fetch(cf=...) takes a dict of request.cf properties ({"country": "DE"}) of JSON data: it nests deeper '
     "than workers-env converts (about 1,000 levels)"),
    (lambda w: w.fetch("/", cf={"a": nested(1500, True)}),  # (Python's json writes it from 3.13: the same refusal)
     'worker.fetch(cf=...) takes a dict of request.cf properties ({"country": "DE"}) of JSON data: it nests deeper '
     "than workers-env converts (about 1,000 levels)"),
    (lambda w: w.rpc({}), 'worker.rpc() takes the name of the method to call as a str (worker.rpc("hello", ...)), got dict'),
    (lambda w: w.rpc("hello", entrypoint=5), "worker.rpc(entrypoint=...) takes the name of a WorkerEntrypoint class "
                                              "as a str, got int"),
    (lambda w: w.scheduled(nested(3000, True)), 'worker.scheduled() takes the cron pattern as a str ("*/5 * * * *"), got dict'),
    (lambda w: w.scheduled("* * * * *", scheduled_time=nested(3000, True)),
     "worker.scheduled(scheduled_time=...) takes a datetime or milliseconds since the epoch, got dict"),
    (lambda w: w.email(5, from_="a@b.c", to="d@e.f"), "worker.email() takes the raw message as bytes or a str, got int"),
    (lambda w: w.email(b"x", from_=None, to="d@e.f"), "worker.email(from_=...) takes an email address as a str, got NoneType"),
])
def test_an_argument_of_the_wrong_kind_says_what_it_takes(worker: Any, call: Any, message: str) -> None:
    error = answered_or_refused_clearly(lambda: call(worker))
    assert error is not None and str(error).startswith(message), error
    assert getattr(error, "workers_env_answer", False) is True


def test_an_entrypoint_the_worker_lacks_is_named(worker: Any) -> None:
    with pytest.raises(WorkersEnvError) as caught:
        asyncio.run(worker.rpc("hello", entrypoint="Nope"))
    assert str(caught.value) == 'Python entrypoint "entry.py" exports no WorkerEntrypoint named \'Nope\''


def test_a_method_in_lower_case_is_still_sent(worker: Any) -> None:
    assert asyncio.run(worker.fetch("/", method="post")).status == 200


_URLS = st.one_of(odd, st.sampled_from(["/", "http://x/a", "https://[::1]:99999/", "//x", "http://a b/", "ftp://x/", "/a?b#c"]))
_METHODS = st.one_of(odd, st.sampled_from(["GET", "POST", "get", "", "BAD METHOD", "CONNECT", "PROPFIND"]))


@FUZZ
@given(url=_URLS, method=_METHODS, headers=st.one_of(odd, st.dictionaries(st.text(max_size=5), odd, max_size=2),
                                                     st.lists(st.tuples(odd, odd), max_size=2)),
       body=st.one_of(st.none(), odd), json=st.one_of(st.none(), odd), cf=st.one_of(st.none(), odd))
def test_any_fetch_arguments_are_answered_or_refused_clearly(worker: Any, url: Any, method: Any, headers: Any, body: Any,
                                                             json: Any, cf: Any) -> None:
    answered_or_refused_clearly(lambda: worker.fetch(url, method=method, headers=headers, body=body, json=json, cf=cf))


@FUZZ
@given(first=odd, second=odd, third=odd)
def test_any_event_arguments_are_answered_or_refused_clearly(worker: Any, first: Any, second: Any, third: Any) -> None:
    answered_or_refused_clearly(lambda: worker.scheduled(first, scheduled_time=second))
    answered_or_refused_clearly(lambda: worker.queue(first, queue=second))
    answered_or_refused_clearly(lambda: worker.email(first, from_=second, to=third))
    answered_or_refused_clearly(lambda: worker.rpc(first, second, entrypoint=third))
