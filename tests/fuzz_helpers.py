"""Shared by the ``test_fuzz_*`` files: malformed values for a binding's arguments, and the one
check every refusal must pass.

A refusal is workers-env's own error (a :class:`~workers_env.WorkersEnvError`: the binding's
``JsException`` with the service's text, a ``ConfigError``, ``NotEmulatedError`` ...) or the
Python Workers SDK's ``TypeError`` for a tuple or bytearray sent to a binding -- marked as the
user's mistake, with a note saying what to send instead. Never a bare ``KeyError``,
``RecursionError``, ``UnicodeEncodeError`` ... from inside workers-env.
"""

from __future__ import annotations

import asyncio
import functools
import inspect
import json
from collections.abc import Callable
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from workers_env import WorkersEnvError

#: bounded: each fuzz test runs at most this many examples, so the files stay fast; derandomized,
#: so every run tries the same inputs (a failure is reproducible, never a flaky run)
FUZZ = settings(max_examples=40, deadline=None, database=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


class Gadget:
    """A Python object with no JavaScript or JSON form."""


def nested(levels: int, in_dict: bool) -> Any:
    """A value ``levels`` containers deep (built, not drawn: hypothesis would recurse on it)."""
    value: Any = 1
    for _ in range(levels):
        value = {"a": value} if in_dict else [value]
    return value


@functools.cache
def past_json_depth() -> int:
    """A nesting depth this interpreter's ``json`` refuses (``RecursionError``) reading JSON arrays
    and writing lists and dicts: Python 3.11 stops at its recursion limit (about 1,000 levels),
    3.12 and 3.13 at their C recursion limit (about 1,500 levels in 3.12.1, 10,000 in 3.13.0), so a
    value 3,000 levels deep is too deep for 3.11 and 3.12.1 only. A test of the answer to a value
    too deep for Python's ``json`` takes this depth, to check the same thing on every Python."""
    for depth in (3_000, 30_000, 300_000):
        if _refuses(lambda: json.loads("[" * depth + "]" * depth)) and all(
                _refuses(lambda: json.dumps(nested(depth, in_dict))) for in_dict in (False, True)):
            return depth
    raise AssertionError("this Python's json reads and writes values 300,000 levels deep")


def _refuses(call: Callable[[], Any]) -> bool:
    try:
        call()
    except RecursionError:
        return True
    return False


_ODD_TEXT = ["", "\ud800", "a\udc80b", "\x00", "é" * 40, "x" * 600, "id", "a", "$eq", "a.b", '"']
_ODD_NUMBERS = [float("nan"), float("inf"), -float("inf"), -0.0, 1e308, 5e-324, 2**53 + 1, -(2**70), 2**70]

atoms = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(2**70), max_value=2**70), st.floats(),
    st.sampled_from(_ODD_NUMBERS), st.text(max_size=6), st.sampled_from(_ODD_TEXT), st.binary(max_size=6),
    st.builds(Gadget), st.builds(nested, st.sampled_from([300, 3000]), st.booleans()),
    st.sampled_from([(1, 2), bytearray(b"ab"), frozenset({1}), {1, 2}]),
)

KEYS = ["id", "values", "metadata", "namespace", "topK", "filter", "returnValues", "returnMetadata",
        "text", "prompt", "messages", "type", "cursor", "limit", "prefix", "expirationTtl", "expiration",
        "cacheTtl", "columnNames", "sql", "params", "queries"]

#: any value a user might pass by mistake: atoms, and lists and dicts of them (keys the bindings read)
odd = st.recursive(atoms, lambda inner: st.one_of(
    st.lists(inner, max_size=3),
    st.dictionaries(st.one_of(st.sampled_from(KEYS), st.text(max_size=4)), inner, max_size=3),
), max_leaves=8)


def refused_properly(error: BaseException) -> bool:
    """Whether ``error`` is a refusal the project allows (see the module's docstring)."""
    if isinstance(error, WorkersEnvError):
        return True
    return (isinstance(error, TypeError) and getattr(error, "workers_env_answer", False) is True
            and bool(getattr(error, "__notes__", None)))


def outcome(call: Callable[[], Any]) -> BaseException | None:
    """Run ``call()`` (and await what it returns, if awaitable): the exception it raised, or
    None. An exception that is not a proper refusal is raised again, so the test fails on it."""
    try:
        result = call()
        if inspect.isawaitable(result):
            async def wait() -> Any:
                return await result
            asyncio.run(wait())
        return None
    except BaseException as error:  # noqa: BLE001 - judged just below
        if refused_properly(error):
            return error
        raise
