"""A lookup method of workers-env's (a stand-in's ``__getattr__``/``__getitem__``) that fails for a
reason of its own -- its body reads an attribute or key of workers-env's that is not there, a
workers-env bug -- keeps its frames in the pytest plugin's and ``workers-env dev``'s tracebacks.
Only the method's answer to the miss the user's code asked for (``AttributeError: nope`` for
``res.nope``, ``KeyError('nope')`` / ``IndexError(5)`` for ``res['nope']`` / ``arr[5]``) is shown
at the user's line alone, and that trimmed traceback still holds the user's frames."""

from __future__ import annotations

import pytest

from workers_env.runtime.tracebacks import PACKAGE_DIR, hides_our_frames, without_our_frames

STAND_IN = """\
class Stand:
    def __init__(self):
        self._entries = {"yes": 1}
        self._items = [1]

    def __getattr__(self, name):
        if name == "broken":
            return object.__getattribute__(self, "_props")[name]  # a bug: no _props
        if name == "inner":
            return self._entries.missing_method()  # a bug: a dict has no such attribute
        raise AttributeError(name)

    def __getitem__(self, key):
        if key == "broken":
            return self._entries[key.upper()]  # a bug: the entries hold lower-case keys
        if isinstance(key, int):
            if key >= len(self._items):
                raise IndexError(key)
            return self._items[key + 1]  # a bug: off by one
        return self._entries[key]
"""
USER = """\
def read_attr(obj, name):
    return getattr(obj, name)

def read_item(obj, key):
    return obj[key]
"""


def _raised(reader: str, what: object) -> BaseException:
    space: dict = {}
    exec(compile(STAND_IN, PACKAGE_DIR + "runtime/jsproxy.py", "exec"), space)
    exec(compile(USER, "/project/src/entry.py", "exec"), space)
    try:
        space[reader](space["Stand"](), what)
    except (AttributeError, LookupError) as error:
        return error
    raise AssertionError("nothing raised")


@pytest.mark.parametrize(("reader", "what"), [("read_attr", "nope"), ("read_item", "nope"), ("read_item", 5)])
def test_the_users_miss_is_shown_at_the_users_line(reader, what):
    error = _raised(reader, what)
    assert hides_our_frames(error, error.__traceback__)
    assert _files(without_our_frames(error))[-1] == "/project/src/entry.py"  # the user's line last, none of ours


@pytest.mark.parametrize(("reader", "what", "shown"), [
    ("read_attr", "broken", "'Stand' object has no attribute '_props'"),
    ("read_attr", "inner", "'dict' object has no attribute 'missing_method'"),
    ("read_item", "broken", "'BROKEN'"),
    ("read_item", 0, "list index out of range"),
])
def test_a_bug_inside_the_lookup_method_keeps_its_frames(reader, what, shown):
    error = _raised(reader, what)
    assert str(error) == shown
    assert not hides_our_frames(error, error.__traceback__)
    files = _files(without_our_frames(error))
    assert files[-2:] == ["/project/src/entry.py", PACKAGE_DIR + "runtime/jsproxy.py"]


def _files(tb) -> list[str]:
    files = []
    while tb is not None:
        files.append(tb.tb_frame.f_code.co_filename)
        tb = tb.tb_next
    return files
